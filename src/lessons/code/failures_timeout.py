import asyncio

LIMIT = «timeout»  # seconds per task; None waits as long as it takes

async def call_with_timeout(number: int, seconds: float) -> str:
    try:
        async with asyncio.timeout(LIMIT):      # Python 3.11+
            await asyncio.sleep(seconds)        # the call itself
            return f"task {number} done"
    except TimeoutError:
        # at the deadline the sleep was cancelled: the task ends right here
        return f"task {number} timed out"

async def before_3_11(number: int, seconds: float) -> str:
    try:
        # wait_for cancels the inner call when the time is up
        await asyncio.wait_for(asyncio.sleep(seconds), timeout=LIMIT)
        return f"task {number} done"
    except asyncio.TimeoutError:
        return f"task {number} timed out"
