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

    /// One CSV row per task of every run, with a header row. Fields that contain a comma,
    /// a quote or a line break are quoted. A CPU task's row says when its job started
    /// computing and where (empty for I/O): from its start until then it waited for a
    /// worker.
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "strategy,spec,task,label,requested_ms,start_ms,compute_start_ms,lane,end_ms,status,\
             finish_rank,result\n",
        );
        for run in &self.runs {
            for t in &run.tasks {
                let fields = [
                    run.strategy.clone(),
                    run.spec.clone(),
                    (t.id + 1).to_string(),
                    t.label.clone(),
                    t.requested_ms.to_string(),
                    t.start_ms.to_string(),
                    t.compute_start_ms
                        .map_or_else(String::new, |c| c.to_string()),
                    t.lane.map_or_else(String::new, |l| l.label()),
                    t.end_ms.to_string(),
                    t.status.key().to_string(),
                    t.finish_rank.to_string(),
                    t.result.clone(),
                ];
                let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                out.push_str(&row.join(","));
                out.push('\n');
            }
        }
        out
    }

    /// Pretty JSON. Serialising plain data cannot fail; an empty object is the fallback.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }
}

/// Quotes a CSV field when needed (RFC 4180), and defuses spreadsheet formulas.
fn csv_field(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err() {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{RunOptions, Scenario, Strategy};

    fn record(strategy: Strategy) -> RunRecord {
        let scenario = Scenario::from_durations(&[30.0, 10.0]);
        strategy
            .simulate(&scenario, &RunOptions::default())
            .expect("sleeps always finish")
    }

    #[test]
    fn csv_has_a_header_and_one_row_per_task_with_quoting() {
        let record = record(Strategy::Sequential);
        let csv = RunExport::new("gather", ParamValues::default(), vec![record]).to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("strategy,spec,task"));
        assert_eq!(
            lines[2],
            "sequential,sequential,2,task 2,10,30,,,40,ok,2,task 2 done"
        );
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(csv_field("=cmd()"), "'=cmd()");
        assert_eq!(csv_field("-1.5"), "-1.5");
    }

    #[test]
    fn an_export_round_trips_through_json() {
        let record = record(Strategy::Gather);
        let export = RunExport::new("gather", ParamValues::default(), vec![record]);
        let json = export.to_json();
        assert!(json.contains("\"format\": \"asyncscope-run/1\""));
        let back: RunExport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, export);
    }
}
