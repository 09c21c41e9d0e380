import asyncio, time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

«crunch_py»

WORKERS = «workers»

def call(i: int) -> None:
    time.sleep(«d_s»)                  # a blocking I/O call

async def call_async(i: int) -> None:
    await asyncio.sleep(«d_s»)         # the same call, awaitable

def task(i: int) -> None:
    crunch(i, «rounds»)                # CPU work

async def task_async(i: int) -> None:
    task(i)                            # async in name only

def timed(label: str, run) -> None:
    t0 = time.perf_counter()
    run()
    print(f"{label}: {time.perf_counter() - t0:.2f} s")

def row(label: str, n: int, work, async_work, executor) -> None:
    timed(f"{label}, sync", lambda: [work(i) for i in range(n)])

    async def gathered():
        await asyncio.gather(*(async_work(i) for i in range(n)))
    timed(f"{label}, async", lambda: asyncio.run(gathered()))

    with executor(max_workers=WORKERS) as pool:
        timed(f"{label}, pool", lambda: list(pool.map(work, range(n))))

if __name__ == "__main__":   # process pools re-import this file
    row("10 I/O calls", 10, call, call_async, ThreadPoolExecutor)   # threads wait well
    row("10 CPU tasks", 10, task, task_async, ProcessPoolExecutor)  # processes compute
    row("1 I/O call", 1, call, call_async, ThreadPoolExecutor)
