import asyncio
from concurrent.futures import ProcessPoolExecutor

«crunch_py»

async def wait_for(dish: str, seconds: float) -> str:
    await asyncio.sleep(seconds)          # the stove works; the cook is free
    return f"{dish} ready"

def by_hand(dish: str, seed: int, rounds: int) -> str:
    crunch(seed, rounds)                  # the cook's own hands, all the time
    return f"{dish} ready"

async def one_cook_waiting():
    # concurrency: one cook starts both dishes, then waits for both
    return await asyncio.gather(wait_for("soup", «soup_s»), wait_for("bread", «bread_s»))

async def one_cook_by_hand():
    async def dish(name: str, seed: int, rounds: int) -> str:
        return by_hand(name, seed, rounds)  # never awaits: no switching
    # still one cook: the bread starts only once the soup is done
    return await asyncio.gather(dish("soup", 1, «soup_rounds»), dish("bread", 2, «bread_rounds»))

async def two_cooks_by_hand():
    # parallelism: two processes, two pairs of hands
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as cooks:
        return await asyncio.gather(
            loop.run_in_executor(cooks, by_hand, "soup", 1, «soup_rounds»),
            loop.run_in_executor(cooks, by_hand, "bread", 2, «bread_rounds»))

if __name__ == "__main__":   # process pools re-import this file
    for kitchen in (one_cook_waiting, one_cook_by_hand, two_cooks_by_hand):
        print(asyncio.run(kitchen()))
