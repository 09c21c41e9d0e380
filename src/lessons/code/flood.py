import asyncio

LIMIT = «k»  # the service itself refuses more than «capacity» calls at once
SLOWEST, SPREAD = «d», «spread»

def duration(number: int) -> float:
    # 0, ¾, ½, ¼, 1 and round again: each batch mixes slow and quick calls
    return SLOWEST * (1 - SPREAD * ((number - 1) * 3 % 5) / 4)

async def call_service(number: int) -> str:
    await asyncio.sleep(duration(number))  # one request
    return f"request {number} done"

async def flood(count: int):
    # every call at once: beyond «capacity» in flight the service answers 429;
    # return_exceptions=True keeps those errors in place among the results
    calls = (call_service(i) for i in range(1, count + 1))
    return await asyncio.gather(*calls, return_exceptions=True)

async def with_semaphore(count: int):
    gate = asyncio.Semaphore(LIMIT)

    async def polite(number: int) -> str:
        async with gate:              # waits here while LIMIT calls are out
            return await call_service(number)

    return await asyncio.gather(*(polite(i) for i in range(1, count + 1)))

async def in_batches(count: int):
    numbers = list(range(1, count + 1))
    results = []
    for start in range(0, count, LIMIT):
        batch = numbers[start:start + LIMIT]
        # the next batch waits for the slowest call of this one
        results += await asyncio.gather(*(call_service(i) for i in batch))
    return results

asyncio.run(with_semaphore(«n»))
