import asyncio

async def search(text: str) -> list[str]:
    ...  # an async database query: slower when it matches more rows

class SearchBox:
    def __init__(self, show):
        self.show = show          # puts rows in the result pane
        self.pending = None       # the query of the previous keystroke

    # Race: a task per keystroke, each shows its rows when they arrive.
    def on_key_race(self, text: str):
        async def run():
            self.show(text, await search(text))   # an old answer may land last
        asyncio.create_task(run())

    # Cancel stale: cancel the previous task, wait a little, then ask.
    def on_key(self, text: str):
        if self.pending is not None:
            self.pending.cancel()                 # its sleep or query raises CancelledError
        async def run():
            await asyncio.sleep(«debounce_s»)            # debounce: more keys may follow
            self.show(text, await search(text))
        self.pending = asyncio.create_task(run())

# Await in order: a task per keystroke, shown in typing order.
async def show_in_order(queue: asyncio.Queue, show):
    while True:
        text, task = await queue.get()            # task = asyncio.create_task(search(text))
        show(text, await task)                    # waits behind every slower earlier query
