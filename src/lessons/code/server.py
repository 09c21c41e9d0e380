import asyncio, time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

IO_S, CPU_S = «io_s», «cpu_s»      # per request: «io» ms of I/O, «cpu» ms of computing

def compute(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:   # busy: rendering, parsing, hashing...
        pass

# A. A sync handler on «threads» threads (WSGI-style): a thread is held while it waits.
#    (In CPython the GIL lets one thread compute at a time: as if cores = 1.)
def handle_sync(i: int) -> int:
    time.sleep(IO_S)          # blocking I/O: this thread can do nothing else
    compute(CPU_S)
    return i

def serve_threads(n: int, rate: float) -> None:
    with ThreadPoolExecutor(max_workers=«threads») as pool:
        for i in range(n):
            pool.submit(handle_sync, i)   # queued (FIFO) until a thread is free
            time.sleep(1 / rate)          # the next request arrives

# B. An async handler on one event loop: waiting is free, computing blocks the loop.
async def handle_async(i: int) -> int:
    await asyncio.sleep(IO_S)   # non-blocking I/O: the loop serves others meanwhile
    compute(CPU_S)              # inline: no other request moves during this
    return i

# C. The same, with the computing sent to «workers» worker processes.
async def handle_offloaded(pool, i: int) -> int:
    await asyncio.sleep(IO_S)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(pool, compute, CPU_S)   # or asyncio.to_thread(...)
    return i

async def serve_loop(n: int, rate: float, handler) -> None:
    tasks = []
    for i in range(n):
        tasks.append(asyncio.create_task(handler(i)))
        await asyncio.sleep(1 / rate)   # the next request arrives
    await asyncio.gather(*tasks)

async def main() -> None:
    n, rate = «n», «rate»
    await serve_loop(n, rate, handle_async)
    with ProcessPoolExecutor(max_workers=«workers») as pool:
        await serve_loop(n, rate, lambda i: handle_offloaded(pool, i))

if __name__ == "__main__":
    serve_threads(«n», «rate»)
    asyncio.run(main())
