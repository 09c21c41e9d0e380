/// The vertical frame of a plot drawn in pixels: a margin above the plotting area (so
/// the top tick label is not cut), the area itself, and room below it for the x-axis
/// tick labels. Horizontal positions are percentages, so the plot stretches to any width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotFrame {
    /// Room above the plotting area, in pixels.
    pub top: f64,
    /// Height of the plotting area, in pixels.
    pub height: f64,
}

impl PlotFrame {
    /// The pixel row of a value at `percent` of the y axis (0 at the bottom of the
    /// plotting area, 100 at its top).
    pub fn y(&self, percent: f64) -> f64 {
        self.top + self.height * (1.0 - percent / 100.0)
    }

    /// The pixel row of the bottom of the plotting area.
    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }

    /// The baseline of the x-axis tick labels, below the plotting area.
    pub fn label_y(&self) -> f64 {
        self.bottom() + 14.0
    }

    /// The height of the whole SVG: the margin, the plotting area and the label row.
    pub fn svg_height(&self) -> f64 {
        self.bottom() + 20.0
    }
}

/// The `text-anchor` of the `i`th of `count` x-axis tick labels: the first starts at its
/// tick and the last ends at it, so neither runs off the plot; the others are centred.
pub fn tick_anchor(i: usize, count: usize) -> &'static str {
    match i {
        0 => "start",
        i if i + 1 >= count => "end",
        _ => "middle",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_puts_zero_percent_at_the_bottom_and_labels_below_it() {
        let f = PlotFrame {
            top: 8.0,
            height: 200.0,
        };
        assert_eq!(f.y(100.0), 8.0);
        assert_eq!(f.y(0.0), 208.0);
        assert_eq!(f.y(25.0), 158.0);
        assert_eq!(f.bottom(), 208.0);
        assert_eq!(f.label_y(), 222.0);
        assert_eq!(f.svg_height(), 228.0);
    }

    #[test]
    fn the_first_tick_label_starts_the_last_ends_and_the_others_are_centred() {
        let anchors: Vec<_> = (0..4).map(|i| tick_anchor(i, 4)).collect();
        assert_eq!(anchors, ["start", "middle", "middle", "end"]);
        assert_eq!(tick_anchor(0, 1), "start");
    }
}
