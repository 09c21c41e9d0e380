use crate::engine::cpu::{CpuOutput, Tile};

/// One row of the tile table: arrival order, the tile, its worker and its checksum.
pub type TileRow = (usize, Tile, usize, u64);

/// The computed tiles among `entries`, in arrival order (other outputs are skipped).
pub fn tile_rows(entries: &[(CpuOutput, usize)]) -> Vec<TileRow> {
    entries
        .iter()
        .filter_map(|(output, worker)| match output {
            CpuOutput::Tile { tile, checksum, .. } => Some((*tile, *worker, *checksum)),
            _ => None,
        })
        .enumerate()
        .map(|(i, (tile, worker, checksum))| (i, tile, worker, checksum))
        .collect()
}

/// The workers that computed `rows`, increasing and without repeats.
pub fn tile_workers(rows: &[TileRow]) -> Vec<usize> {
    let mut ids: Vec<usize> = rows.iter().map(|row| row.2).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// How much of a `width × height` picture `rows` cover, in percent (at most 100; tiles
/// are clipped to the picture).
pub fn tile_coverage(rows: &[TileRow], width: u32, height: u32) -> f64 {
    let covered: u64 = rows
        .iter()
        .map(|(_, t, _, _)| {
            let w = t.width.min(width.saturating_sub(t.x));
            let h = t.height.min(height.saturating_sub(t.y));
            u64::from(w) * u64::from(h)
        })
        .sum();
    (covered as f64 / (f64::from(width) * f64::from(height)) * 100.0).min(100.0)
}

/// The picture's progress in words: `3 tiles from 2 workers · 75% of the picture`.
pub fn tile_progress(tiles: usize, workers: usize, coverage: f64) -> String {
    format!(
        "{tiles} tile{} from {workers} worker{} · {coverage:.0}% of the picture",
        if tiles == 1 { "" } else { "s" },
        if workers == 1 { "" } else { "s" },
    )
}

/// Workers are numbered from 1 for people.
pub fn worker_label(worker: usize) -> String {
    format!("Worker {}", worker.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tile(x: u32, y: u32, side: u32) -> Tile {
        Tile {
            x,
            y,
            width: side,
            height: side,
            image_width: 100,
            image_height: 100,
            max_iter: 50,
        }
    }

    fn computed(t: Tile, checksum: u64) -> CpuOutput {
        CpuOutput::Tile {
            tile: t,
            counts: Vec::new(),
            checksum,
        }
    }

    #[test]
    fn only_tiles_become_rows_numbered_in_arrival_order() {
        let entries = vec![
            (computed(tile(0, 0, 50), 7), 1),
            (CpuOutput::Pong, 0),
            (computed(tile(50, 0, 50), 9), 0),
        ];
        let rows = tile_rows(&entries);
        assert_eq!(
            rows,
            vec![(0, tile(0, 0, 50), 1, 7), (1, tile(50, 0, 50), 0, 9)]
        );
        assert_eq!(tile_workers(&rows), vec![0, 1]);
    }

    #[test]
    fn coverage_clips_tiles_to_the_picture() {
        let rows = vec![(0, tile(0, 0, 50), 0, 0), (1, tile(80, 80, 50), 0, 0)];
        // 2500 pixels, and 20 × 20 of the second tile.
        assert!((tile_coverage(&rows, 100, 100) - 29.0).abs() < 1e-9);
        let twice = vec![(0, tile(0, 0, 100), 0, 0), (1, tile(0, 0, 100), 1, 0)];
        assert_eq!(tile_coverage(&twice, 100, 100), 100.0);
    }

    #[test]
    fn progress_counts_tiles_and_workers_in_words() {
        assert_eq!(
            tile_progress(1, 1, 25.0),
            "1 tile from 1 worker · 25% of the picture"
        );
        assert_eq!(
            tile_progress(0, 0, 0.0),
            "0 tiles from 0 workers · 0% of the picture"
        );
        assert_eq!(worker_label(0), "Worker 1");
    }
}
