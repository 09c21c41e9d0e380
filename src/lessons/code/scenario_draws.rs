let mut rng = fastrand::Rng::with_seed(«seed»);
    let durations: Vec<u64> = (0..«n»).map(|_| rng.u64(«min_ms»..=«max_ms»)).collect();
