MASK = (1 << 64) - 1

def crunch(seed: int, rounds: int) -> int:
    """Hash a number round after round: pure computing, nothing to wait for.
    (CPython is much slower than this page's wasm: use fewer rounds there.)"""
    x = seed
    for _ in range(rounds):
        x = (x + 0x9E3779B97F4A7C15) & MASK
        z = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        x = z ^ (z >> 31)
    return x
