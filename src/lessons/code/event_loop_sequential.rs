    for (i, &ms) in (1..).zip(&durations) {
        // one future at a time: the next is created only once this one is done
        task(i, ms).await;
    }
