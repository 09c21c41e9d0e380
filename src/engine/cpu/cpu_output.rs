use super::Tile;

/// What a CPU job produced.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum CpuOutput {
    /// The answer to [`super::CpuJob::Ping`].
    Pong,
    /// A count (primes).
    Count(u32),
    /// A hash value.
    Hash(u64),
    /// A computed Mandelbrot tile.
    Tile {
        /// Which tile.
        tile: Tile,
        /// Iteration count per pixel, row by row.
        counts: Vec<u16>,
        /// Sum of the counts.
        checksum: u64,
    },
}

impl CpuOutput {
    /// A one-line summary (the tile's pixels are left out).
    pub fn summary(&self) -> String {
        match self {
            CpuOutput::Pong => "pong".into(),
            CpuOutput::Count(n) => n.to_string(),
            CpuOutput::Hash(h) => format!("{h:016x}"),
            CpuOutput::Tile { checksum, .. } => format!("checksum {checksum}"),
        }
    }
}
