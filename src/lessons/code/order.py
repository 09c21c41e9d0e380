import asyncio, random

FRUITS = ["apple", "banana", "cherry", "damson",
          "elderberry", "fig", "grape", "kiwi"]

async def fake_io(number: int, seconds: float) -> str:
    await asyncio.sleep(seconds)          # stands in for a request
    return f"task {number} done"

async def with_gather(durations):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = await asyncio.gather(
        *(fake_io(i, d) for i, d in enumerate(durations, start=1)))
    # input order, and nothing arrives before the slowest task is done
    for number, result in enumerate(results, start=1):
        if number % 2 == 0:               # keep tasks 2, 4, 6, ...
            print(f"{result} at {loop.time() - t0:.2f} s")

async def with_callbacks(durations):
    loop = asyncio.get_running_loop()
    t0 = loop.time()

    def on_done(task, number, fruit):
        # called as soon as this task is done: completion order
        if number % 2 == 0:
            print(f"{task.result()} ({fruit}) at {loop.time() - t0:.2f} s")

    async with asyncio.TaskGroup() as tg:
        for number, d in enumerate(durations, start=1):
            fruit = FRUITS[(number - 1) % len(FRUITS)]
            task = tg.create_task(fake_io(number, d))
            # the defaults freeze this iteration's values; a bare `fruit` in
            # the lambda would be read later, after the loop has moved on
            task.add_done_callback(
                lambda t, number=number, fruit=fruit: on_done(t, number, fruit))

async def main():
    «draws_py»
    await with_gather(durations)
    await with_callbacks(durations)

asyncio.run(main())
