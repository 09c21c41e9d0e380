use std::rc::Rc;

use super::{Catalog, LatencyModel, SearchAnswer};

/// The simulated database: a catalog of names and how long each query takes.
///
/// Cheap to clone (the catalog is shared).
#[derive(Debug, Clone)]
pub struct SearchDb {
    /// The rows.
    pub catalog: Rc<Catalog>,
    /// The latency of each query.
    pub latency: LatencyModel,
}

impl SearchDb {
    /// A database over `catalog` whose queries take the time `latency` says.
    pub fn new(catalog: Catalog, latency: LatencyModel) -> Self {
        Self {
            catalog: Rc::new(catalog),
            latency,
        }
    }

    /// The answer to a query for `text` (computed at once; the caller waits its latency).
    pub fn answer(&self, text: &str) -> SearchAnswer {
        let rows = self.catalog.matching(text);
        SearchAnswer {
            matches: rows.len(),
            latency_ms: self.latency.latency_ms(text, rows.len()),
            top: rows
                .into_iter()
                .take(SearchAnswer::SHOWN)
                .map(str::to_string)
                .collect(),
        }
    }
}
