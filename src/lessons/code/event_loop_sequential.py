    for i, d in enumerate(durations, start=1):
        # one task at a time: the next exists only once this one is done
        await task(i, d)
