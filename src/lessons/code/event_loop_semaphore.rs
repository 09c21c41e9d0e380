    // at most 2 futures in flight; the next is created when one of them is done
    stream::iter((1..).zip(durations))
        .map(|(i, ms)| task(i, ms))
        .buffer_unordered(2)
        .for_each(|_| async {})
        .await;
