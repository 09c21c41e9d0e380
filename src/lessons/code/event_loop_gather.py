    # every task joins the ready queue now; each runs until its first await
    await asyncio.gather(*(task(i, d) for i, d in enumerate(durations, start=1)))
