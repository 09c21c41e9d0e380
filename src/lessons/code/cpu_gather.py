import asyncio, time
from concurrent.futures import ProcessPoolExecutor

«crunch_py»

JOBS = «n»

async def crunch_async(seed: int) -> int:
    return crunch(seed, «rounds»)        # no await inside: nothing can overlap

async def sequential() -> list:
    return [crunch(seed, «rounds») for seed in range(1, JOBS + 1)]

async def timed(label: str, work) -> None:
    t0 = time.perf_counter()
    await work
    print(f"{label}: {time.perf_counter() - t0:.2f} s")

async def main():
    await timed("sequential", sequential())
    # the same time again: gather can only switch tasks at an await
    await timed("gather", asyncio.gather(*(crunch_async(s) for s in range(1, JOBS + 1))))
    loop = asyncio.get_running_loop()
    for workers in range(1, «workers» + 1):
        with ProcessPoolExecutor(max_workers=workers) as pool:
            jobs = [loop.run_in_executor(pool, crunch, s, «rounds») for s in range(1, JOBS + 1)]
            await timed(f"«workers» processes", asyncio.gather(*jobs))

if __name__ == "__main__":   # process pools re-import this file
    asyncio.run(main())
