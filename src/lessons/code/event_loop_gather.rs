    // every future is polled once now, so every timer is set at once
    join_all((1..).zip(&durations).map(|(i, &ms)| task(i, ms))).await;
