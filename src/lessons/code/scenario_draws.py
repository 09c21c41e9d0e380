rng = random.Random(«seed»)
    durations = [rng.uniform(«min», «max») for _ in range(«n»)]
