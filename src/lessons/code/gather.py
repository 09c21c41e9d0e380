import asyncio, random, time

async def fake_io(task_id: int, seconds: float) -> str:
    await asyncio.sleep(seconds)      # stands in for a network call
    return f"task {task_id} done"

async def one_after_another(durations):
    results = []
    for i, d in enumerate(durations, start=1):
        # the next call starts only when this one is done
        results.append(await fake_io(i, d))
    return results

async def all_at_once(durations):
    # every call starts now; results keep input order
    return await asyncio.gather(
        *(fake_io(i, d) for i, d in enumerate(durations, start=1)))

async def main():
    rng = random.Random(1)
    durations = [rng.uniform(1, 5) for _ in range(5)]
    for strategy in (one_after_another, all_at_once):
        t0 = time.perf_counter()
        await strategy(durations)
        print(f"{strategy.__name__}: {time.perf_counter() - t0:.2f} s")

asyncio.run(main())
