import asyncio
from concurrent.futures import ProcessPoolExecutor

«crunch_py»

async def fetch(item: int) -> int:
    await asyncio.sleep(item * «d_s»)     # answer i arrives after i × «d_s» s
    return item

async def fetch_then_process(pool, item: int) -> int:
    data = await fetch(item)
    if pool is None:
        return crunch(data, «rounds»)      # blocks the loop: other answers wait
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, crunch, data, «rounds»)

async def pipeline(pool=None) -> list:
    # every item is requested at once; each is processed as soon as it arrives
    return await asyncio.gather(*(fetch_then_process(pool, i) for i in range(1, «items» + 1)))

async def main():
    await pipeline()                               # processing on the loop
    with ProcessPoolExecutor(max_workers=«workers») as pool:
        await pipeline(pool)                       # processing on «workers» processes

if __name__ == "__main__":   # process pools re-import this file
    asyncio.run(main())
