import asyncio

async def fetch_user(key) -> dict:
    await asyncio.sleep(«user_s»)          # by email or by id: the same wait
    return {"id": 7, "name": "Ada"}

async def fetch_orders(user_id: int) -> list:
    await asyncio.sleep(«orders_s»)        # needs the user's id
    return [101, 102, 103]

async def combine(user: dict, orders: list) -> dict:
    await asyncio.sleep(«combine_s»)       # needs both answers
    return {**user, "orders": orders}

async def one_after_the_other(email: str) -> dict:
    user = await fetch_user(email)          # we only learn the id here...
    orders = await fetch_orders(user["id"]) # ...so this call has to wait
    return await combine(user, orders)

async def side_by_side(user_id: int) -> dict:
    # the id is known in advance, so both calls can start at once
    user, orders = await asyncio.gather(fetch_user(user_id), fetch_orders(user_id))
    return await combine(user, orders)

print(asyncio.run(side_by_side(7)))
