use super::{format_count, LogScale, PlotFrame};

/// A plot with logarithmic scales on both axes, for the server-under-load charts:
/// horizontal positions in percent of the width, vertical ones in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct LogPlot {
    /// The horizontal scale.
    pub x: LogScale,
    /// The vertical scale.
    pub y: LogScale,
    /// The plot's vertical frame.
    pub frame: PlotFrame,
}

impl LogPlot {
    /// The frame of every load chart: an 8 px margin above a 200 px plotting area.
    pub const FRAME: PlotFrame = PlotFrame {
        top: 8.0,
        height: 200.0,
    };

    /// The plot whose scales cover the `xs` and the `ys` (see [`LogScale::covering`]).
    pub fn covering(xs: impl IntoIterator<Item = f64>, ys: impl IntoIterator<Item = f64>) -> Self {
        Self {
            x: LogScale::covering(xs),
            y: LogScale::covering(ys),
            frame: Self::FRAME,
        }
    }

    /// Where `v` falls horizontally, as an SVG percentage (`"33.333%"`).
    pub fn x_at(&self, v: f64) -> String {
        format!("{:.3}%", self.x.percent(v))
    }

    /// The pixel row where `v` falls vertically.
    pub fn y_at(&self, v: f64) -> f64 {
        self.frame.y(self.y.percent(v))
    }

    /// The x-axis ticks: each one's position (as [`Self::x_at`]) and its label, a count.
    pub fn x_ticks(&self) -> Vec<(String, String)> {
        self.x
            .ticks()
            .into_iter()
            .map(|t| (self.x_at(t), format_count(t)))
            .collect()
    }

    /// The y-axis ticks: each one's pixel row and its label, written by `label`.
    pub fn y_ticks(&self, label: fn(f64) -> String) -> Vec<(f64, String)> {
        self.y
            .ticks()
            .into_iter()
            .map(|t| (self.y_at(t), label(t)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_plot_places_each_decade_an_equal_step_apart() {
        let plot = LogPlot::covering([10.0, 1000.0], [2.0, 100.0]);
        assert_eq!((plot.x.lo, plot.x.hi), (5.0, 1000.0));
        assert_eq!((plot.y.lo, plot.y.hi), (1.0, 100.0));
        assert_eq!(plot.x_at(5.0), "0.000%");
        assert_eq!(plot.x_at(1000.0), "100.000%");
        assert_eq!(plot.y_at(100.0), 8.0);
        assert_eq!(plot.y_at(1.0), 208.0);
        assert!((plot.y_at(10.0) - 108.0).abs() < 1e-9);
        let xs = plot.x_ticks();
        assert_eq!(xs.first(), Some(&("0.000%".to_string(), "5".to_string())));
        assert_eq!(xs.last(), Some(&("100.000%".to_string(), "1k".to_string())));
        let ys = plot.y_ticks(format_count);
        assert_eq!(ys.len(), 7);
        assert_eq!(ys[0], (208.0, "1".to_string()));
        assert_eq!(ys[6], (8.0, "100".to_string()));
    }
}
