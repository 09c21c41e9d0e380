import asyncio, time
from concurrent.futures import ProcessPoolExecutor

async def fetch(page: int) -> str:
    await asyncio.sleep(0.02)     # a request: the time goes into waiting
    return f"page {page}"

def resize(image: int) -> int:
    # work on every pixel: no await, nothing to wait for
    return sum(i * i for i in range(200_000)) + image

async def resize_async(image: int) -> int:
    return resize(image)          # async in name only: it never awaits

async def timed(label: str, work) -> None:
    t0 = time.perf_counter()
    await work
    print(f"{label}: {time.perf_counter() - t0:.2f} s")

async def main():
    loop = asyncio.get_running_loop()
    # I/O-bound on one loop: the 50 waits overlap
    await timed("fetch, async", asyncio.gather(*(fetch(p) for p in range(50))))
    # CPU-bound on one loop: one job after another, and the loop is stuck meanwhile
    await timed("resize, async", asyncio.gather(*(resize_async(i) for i in range(100))))
    with ProcessPoolExecutor(max_workers=«workers») as pool:
        # CPU-bound on a pool: each process computes on its own core
        jobs = [loop.run_in_executor(pool, resize, i) for i in range(100)]
        await timed("resize, pool", asyncio.gather(*jobs))
        # I/O-bound on a pool: each worker sits in its wait, «workers» waits at a time
        waits = [loop.run_in_executor(pool, time.sleep, 0.02) for _ in range(50)]
        await timed("fetch, pool", asyncio.gather(*waits))

if __name__ == "__main__":   # process pools re-import this file
    asyncio.run(main())
