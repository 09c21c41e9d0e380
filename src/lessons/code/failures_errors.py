import asyncio, random

FAILING = «fail»  # this task fails (counting from 1); 0: none
CHANCE = «p»  # and any task may fail with this probability

async def call(number: int, seconds: float, fails: bool) -> str:
    await asyncio.sleep(seconds)
    if fails:
        raise RuntimeError(f"task {number} failed")
    return f"task {number} done"

def calls(durations, rng):
    # draw for every task first, so the same seed fails the same tasks
    return [call(i, d, rng.random() < CHANCE or i == FAILING)
            for i, d in enumerate(durations, start=1)]

async def errors_in_place(durations, rng):
    # every call runs to its end; each exception sits where its result would be
    return await asyncio.gather(*calls(durations, rng), return_exceptions=True)

async def first_error_raised(durations, rng):
    try:
        return await asyncio.gather(*calls(durations, rng))
    except RuntimeError as error:
        # raised the moment the first call fails; the other calls keep
        # running in the background and their results are lost to us
        print("caught:", error)

async def task_group(durations, rng):
    try:
        async with asyncio.TaskGroup() as tg:
            for c in calls(durations, rng):
                tg.create_task(c)
    except* RuntimeError as group:
        # the first failure cancelled every sibling that was still running
        print("caught:", group.exceptions)

async def main():
    «draws_py»
    print(await errors_in_place(durations, rng))
    await first_error_raised(durations, rng)
    await task_group(durations, rng)

asyncio.run(main())
