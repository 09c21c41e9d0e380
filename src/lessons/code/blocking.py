import asyncio, time
from concurrent.futures import ProcessPoolExecutor

«crunch_py»

async def fetch(number: int) -> str:
    await asyncio.sleep(number * «d_s»)      # a timer, like a network call
    return f"fetch {number} done"

async def crunch_job(pool, seed: int) -> int:
    if pool is None:
        # an async def that computes never reaches an await: the loop runs
        # every round itself and fires no timer until it returns
        return crunch(seed, «rounds»)
    # another process does the rounds; this task only waits for the answer
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, crunch, seed, «rounds»)

async def fetches_and_crunching(pool=None):
    t0 = time.perf_counter()
    # gather starts the fetches first, so their timers run before any crunching
    await asyncio.gather(*(fetch(i) for i in range(1, «io» + 1)),
                         *(crunch_job(pool, j) for j in range(1, «jobs» + 1)))
    print(f"{time.perf_counter() - t0:.2f} s")

async def main():
    await fetches_and_crunching()                  # on the loop's own thread
    with ProcessPoolExecutor(max_workers=«workers») as pool:
        await fetches_and_crunching(pool)          # on «workers» processes

if __name__ == "__main__":   # process pools re-import this file
    asyncio.run(main())
