import asyncio
from concurrent.futures import ProcessPoolExecutor

WIDTH, HEIGHT, SIDE, MAX_ITER = «width», «height», «side», «iter»

def render_tile(box):
    """Iteration counts of one tile, row by row, over x in [-2.2, 0.8], y in [-1.2, 1.2]."""
    x0, y0, x1, y1 = box
    counts = []
    for py in range(y0, y1):
        ci = -1.2 + 2.4 * (py + 0.5) / HEIGHT
        for px in range(x0, x1):
            cr = -2.2 + 3.0 * (px + 0.5) / WIDTH
            zr = zi = 0.0
            n = 0
            while n < MAX_ITER and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            counts.append(n)
    return box, counts

def tiles():
    for r in range(SIDE):
        for c in range(SIDE):
            yield (WIDTH * c // SIDE, HEIGHT * r // SIDE,
                   WIDTH * (c + 1) // SIDE, HEIGHT * (r + 1) // SIDE)

async def render(workers: int):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # each tile goes to a free process; the loop stays free meanwhile
        jobs = [loop.run_in_executor(pool, render_tile, box) for box in tiles()]
        return await asyncio.gather(*jobs)

if __name__ == "__main__":   # process pools re-import this file
    done = asyncio.run(render(«workers»))
    print(sum(sum(counts) for _, counts in done), "iterations")
