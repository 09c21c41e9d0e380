import asyncio, random, time

SCALE = «scale»  # shrink every wait so the sweep is quick

async def fake_io(seconds: float) -> None:
    await asyncio.sleep(seconds)

async def sequential(durations):
    for d in durations:
        await fake_io(d)

async def gathered(durations):
    await asyncio.gather(*(fake_io(d) for d in durations))

async def limited(durations):
    gate = asyncio.Semaphore(«k»)

    async def one(d):
        async with gate:
            await fake_io(d)

    await asyncio.gather(*(one(d) for d in durations))

async def main():
    rng = random.Random(«seed»)
    durations = [rng.uniform(«min», «max») * SCALE for _ in range(«n»)]
    for count in range(1, len(durations) + 1):
        row = []
        for strategy in (sequential, gathered, limited):
            t0 = time.perf_counter()
            await strategy(durations[:count])
            row.append(f"{time.perf_counter() - t0:6.2f}")
        # sequential grows with every task, gather levels off at the longest,
        # the semaphore climbs in steps of about one wait per k tasks
        print(f"{count:3}", *row)

asyncio.run(main())
