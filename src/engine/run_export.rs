use super::{ParamValues, RunRecord};

/// The format tag written in every export, so outside tools can check what they read.
pub const EXPORT_FORMAT: &str = "asyncscope-run/1";

/// A finished run as exported to JSON: the lesson, its parameters and every record.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RunExport {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The lesson's id (for example `gather`).
    pub lesson: String,
    /// The validated parameters the run used.
    pub params: ParamValues,
    /// One record per strategy run, in the order they were started.
    pub runs: Vec<RunRecord>,
}

impl RunExport {
    /// Bundles a lesson's parameters and records.
    pub fn new(lesson: &str, params: ParamValues, runs: Vec<RunRecord>) -> Self {
        Self {
            format: EXPORT_FORMAT.to_string(),
            lesson: lesson.to_string(),
            params,
            runs,
        }
    }

    /// Pretty JSON. Serialising plain data cannot fail; an empty object is the fallback.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Scenario, Strategy, VirtualClock};

    #[test]
    fn an_export_round_trips_through_json() {
        let clock = VirtualClock::new();
        let scenario = Scenario::from_durations(&[30.0, 10.0]);
        let c = clock.clone();
        let record = clock
            .run(async move { Strategy::Gather.run(&c, &scenario, &|_| {}).await })
            .unwrap();
        let export = RunExport::new("gather", ParamValues::default(), vec![record]);
        let json = export.to_json();
        assert!(json.contains("\"format\": \"asyncscope-run/1\""));
        let back: RunExport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, export);
    }
}
