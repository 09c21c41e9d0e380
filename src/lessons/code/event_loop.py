import asyncio, random

async def task(number: int, seconds: float) -> str:
    print(f"task {number} runs until its await")
    # sleep sets a timer and suspends this task: the loop takes the next ready one
    await asyncio.sleep(seconds)
    # the timer fired, the task went back on the ready queue, and the loop resumed it
    print(f"task {number} woke up and finishes")
    return f"task {number} done"

async def main():
    «draws_py»
«body»

asyncio.run(main())
