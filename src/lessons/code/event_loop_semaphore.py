    gate = asyncio.Semaphore(2)

    async def limited(i, d):
        async with gate:   # a third task waits here until a permit is free
            return await task(i, d)

    await asyncio.gather(*(limited(i, d) for i, d in enumerate(durations, start=1)))
