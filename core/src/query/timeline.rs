//! Timeline layout, computed in Rust rather than by the DOM: a time scale in whole pixels,
//! one lane per event type (exercises and deployments first), and rows within a lane so
//! that marks never overlap. The visible window is a run of whole months: whole years are
//! the year filter; below a year the window is a zoom of its own (`months=` in the link).

use crate::model::{Event, EventType, PartialDate, Precision};
use std::fmt;

/// Lane order: exercises and deployments first (the vocabulary's own order).
pub const LANES: [EventType; 13] = EventType::ALL;

/// Units of a month on the scale: every month counts 31 days, so month and year boundaries
/// fall on whole units (a year is 372).
const MONTH: i64 = 31;

/// The visible months, `from..=to`, each as a month number (year × 12 + month − 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub from: u32,
    pub to: u32,
}

impl Window {
    /// The whole years `from..=to`.
    pub fn years(from: u16, to: u16) -> Window {
        let (a, b) = (from.min(to), from.max(to));
        Window {
            from: month_number(a, 1),
            to: month_number(b, 12),
        }
    }

    pub fn months(&self) -> u32 {
        self.to - self.from + 1
    }

    pub fn first_year(&self) -> u16 {
        (self.from / 12) as u16
    }

    pub fn last_year(&self) -> u16 {
        (self.to / 12) as u16
    }

    /// The years, when the window is whole years.
    pub fn whole_years(&self) -> Option<(u16, u16)> {
        (self.from.is_multiple_of(12) && self.to % 12 == 11)
            .then(|| (self.first_year(), self.last_year()))
    }

    /// Whether a dated event (from `start` to `end`, each to its precision) shows in it.
    pub fn overlaps(&self, start: PartialDate, end: Option<PartialDate>) -> bool {
        let stop = end.unwrap_or(start);
        let first = month_number(start.year, start.month.unwrap_or(1));
        let last = month_number(stop.year, stop.month.unwrap_or(12));
        first <= self.to && last >= self.from
    }

    /// Reads `2020-04..2020-09` (as written in a link); `None` for anything else.
    pub fn parse(s: &str) -> Option<Window> {
        let (a, b) = s.split_once("..")?;
        let month = |t: &str| {
            let d = PartialDate::parse(t.trim())?;
            (d.day.is_none() && d.month.is_some())
                .then(|| month_number(d.year, d.month.unwrap_or(1)))
        };
        let (from, to) = (month(a)?, month(b)?);
        (from <= to).then_some(Window { from, to })
    }

    /// The window moved inside `bounds`, keeping its width where the bounds allow.
    pub fn within(self, bounds: Window) -> Window {
        let width = self.months().min(bounds.months());
        let from = self.from.clamp(bounds.from, bounds.to + 1 - width);
        Window {
            from,
            to: from + width - 1,
        }
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ym = |m: u32| format!("{}-{:02}", m / 12, m % 12 + 1);
        write!(f, "{}..{}", ym(self.from), ym(self.to))
    }
}

/// A month's number: year × 12 + month − 1.
pub fn month_number(year: u16, month: u8) -> u32 {
    year as u32 * 12 + (month.clamp(1, 12) as u32 - 1)
}

/// Maps time to x pixels: the window's first month starts at `left`, its end is at
/// `left + width`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    pub window: Window,
    pub left: i32,
    pub width: i32,
}

impl Scale {
    /// A scale for the inclusive year range over `width` pixels starting at `left`.
    pub fn new(from: u16, to: u16, left: i32, width: i32) -> Scale {
        Scale::of(Window::years(from, to), left, width)
    }

    /// A scale for any window of months.
    pub fn of(window: Window, left: i32, width: i32) -> Scale {
        Scale {
            window,
            left,
            width: width.max(1),
        }
    }

    fn years(&self) -> i32 {
        self.window.months().div_ceil(12) as i32
    }

    /// The x of a point in time: `day` units (31 a month) into `year`.
    fn x_of_day(&self, year: u16, day: i32) -> i32 {
        let total = self.window.months() as i64 * MONTH;
        let offset = year as i64 * 12 * MONTH + day as i64 - self.window.from as i64 * MONTH;
        self.left + (offset * self.width as i64 / total) as i32
    }

    /// The x where a year starts.
    pub fn x(&self, year: u16) -> i32 {
        self.x_of_day(year, 0)
    }

    /// The x where a month (by its number) starts.
    pub fn x_month(&self, month: u32) -> i32 {
        self.x_of_day((month / 12) as u16, (month % 12) as i32 * MONTH as i32)
    }

    /// Pixel extent of a date to its precision: a day is a point, a month or a year a bar.
    pub fn extent(&self, start: PartialDate, end: Option<PartialDate>) -> (i32, i32) {
        let m = MONTH as i32;
        let first_day = |d: PartialDate| -> i32 {
            (d.month.unwrap_or(1) as i32 - 1) * m + d.day.unwrap_or(1) as i32 - 1
        };
        let last_day = |d: PartialDate| -> i32 {
            match d.precision() {
                Precision::Year => 12 * m,
                Precision::Month => d.month.unwrap_or(12) as i32 * m,
                Precision::Day => first_day(d) + 1,
            }
        };
        let stop = end.unwrap_or(start);
        let a = self.x_of_day(start.year, first_day(start));
        let b = self.x_of_day(stop.year, last_day(stop));
        (a, b.max(a))
    }

    /// Years to label (those that start inside the window), every `step` years, so labels
    /// stay at least `min_gap` pixels apart.
    pub fn ticks(&self, min_gap: i32) -> Vec<u16> {
        let per_year = self.width / self.years();
        let step = if per_year <= 0 {
            self.years()
        } else {
            (min_gap + per_year - 1) / per_year
        }
        .max(1) as u16;
        let first = self.window.from.div_ceil(12) as u16;
        (first..=self.window.last_year())
            .filter(|y| (y - first).is_multiple_of(step))
            .collect()
    }
}

impl Scale {
    /// Months to mark between the year ticks when three years or less are shown: every
    /// first, second, third or sixth month, whichever keeps marks `min_gap` pixels apart
    /// (none if even half-years are closer). January is the year's own tick, so left out.
    pub fn month_ticks(&self, min_gap: i32) -> Vec<(u16, u8, i32)> {
        if self.window.months() > 36 {
            return Vec::new();
        }
        let per_month = self.width / self.window.months() as i32;
        let Some(step) = [1u8, 2, 3, 6]
            .into_iter()
            .find(|s| per_month * *s as i32 >= min_gap)
        else {
            return Vec::new();
        };
        (self.window.from..=self.window.to)
            .map(|n| ((n / 12) as u16, (n % 12) as u8 + 1))
            .filter(|(_, m)| *m != 1 && (m - 1).is_multiple_of(step))
            .map(|(y, m)| (y, m, self.x_month(month_number(y, m))))
            .collect()
    }
}

/// One placed mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Index into the event list given to [`layout`].
    pub event: usize,
    pub lane: usize,
    /// Row within the lane (0 = top).
    pub row: usize,
    pub x0: i32,
    pub x1: i32,
    pub precision: Precision,
}

/// The events of one lane that found no room in its rows, gathered by the year they start
/// in (by the month, in a window of two years or less): one mark in a row of their own
/// below the lane's, which zooms in to that year or month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    pub lane: usize,
    /// The year or month it gathers, within the scale's window: what a click zooms to,
    /// unless it is the window already.
    pub window: Window,
    pub x0: i32,
    pub x1: i32,
    /// Indexes into the event list given to [`layout`], in date order.
    pub events: Vec<usize>,
}

/// Marks for every dated event of the given types, and the undated ones apart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub marks: Vec<Mark>,
    /// Rows used by each lane (at least 1 for a lane with events), the clusters' row
    /// included: never more than [`MAX_ROWS`] + 1.
    pub rows: Vec<usize>,
    /// By lane, then time.
    pub clusters: Vec<Cluster>,
    pub undated: Vec<usize>,
}

impl Layout {
    /// The dated events on show: those with a mark and those in a cluster.
    pub fn dated(&self) -> usize {
        self.marks.len() + self.clusters.iter().map(|c| c.events.len()).sum::<usize>()
    }
}

/// The rows of marks a lane shows. Past them a lane's events are clustered: a corpus of
/// thousands of exercises would otherwise stack hundreds of rows (docs/scale.md, step 5).
pub const MAX_ROWS: usize = 8;

/// Minimum width of a mark, so a day is still visible and clickable.
pub const MIN_MARK: i32 = 8;
/// Space kept between marks on a row.
const GAP: i32 = 2;

/// Places events on the scale: each in its type's lane, on the first row where it does not
/// overlap (greedy interval packing, events in date order, those dated only to a year
/// after the rest: a year's bar would take a whole row from the events that have a month
/// or a day, so where a lane is crowded it is the year-only ones that are clustered).
/// Events outside the scale are left out; undated ones are listed apart, never guessed.
pub fn layout(events: &[&Event], scale: &Scale) -> Layout {
    let year_only = |e: &Event| e.end.is_none() && e.start.is_some_and(|s| s.month.is_none());
    let order = crate::query::order::permutation(events.len(), &|a, b| {
        let (a, b) = (events[a as usize], events[b as usize]);
        (year_only(a), a.start).cmp(&(year_only(b), b.start))
    });
    let mut out = Layout {
        rows: vec![0; LANES.len()],
        ..Layout::default()
    };
    // The marks on each row of each lane.
    let mut lane_rows: Vec<Vec<Row>> = vec![Vec::new(); LANES.len()];
    let mut clusters: std::collections::BTreeMap<(usize, u32, u32), Cluster> = Default::default();
    for i in order.into_iter().map(|i| i as usize) {
        let e = events[i];
        let Some(start) = e.start else {
            out.undated.push(i);
            continue;
        };
        if !scale.window.overlaps(start, e.end) {
            continue;
        }
        let lane = LANES
            .iter()
            .position(|t| *t == e.kind)
            .unwrap_or(LANES.len() - 1);
        // A mark reaching past the window (a year-only date in a zoom below a year) is cut
        // at its edges, never drawn over the lane labels.
        let (lo, hi) = (scale.left, scale.left + scale.width);
        let (x0, x1) = scale.extent(start, e.end);
        let (mut x0, mut x1) = (x0.max(lo), x1.min(hi).max(x0.max(lo)));
        if x1 - x0 < MIN_MARK {
            let mid = (x0 + x1) / 2;
            x0 = mid - MIN_MARK / 2;
            x1 = x0 + MIN_MARK;
        }
        let rows = &mut lane_rows[lane];
        let row = match rows.iter_mut().position(|r| r.place(x0, x1)) {
            Some(r) => r,
            None if rows.len() < MAX_ROWS => {
                rows.push(Row(vec![(x0, x1)]));
                rows.len() - 1
            }
            None => {
                let bucket = bucket(scale, start);
                let key = (lane, bucket.from, bucket.to);
                clusters
                    .entry(key)
                    .or_insert_with(|| cluster(scale, lane, bucket))
                    .events
                    .push(i);
                continue;
            }
        };
        out.rows[lane] = out.rows[lane].max(row + 1);
        let precision = if e.end.is_some_and(|end| end != start) {
            // A range is drawn as a bar, whatever the precision of its ends.
            Precision::Year
        } else {
            start.precision()
        };
        out.marks.push(Mark {
            event: i,
            lane,
            row,
            x0,
            x1,
            precision,
        });
    }
    for mut c in year_first(clusters.into_values().collect(), events) {
        // What it zooms to lies within the window: in a zoom below a year, a year's cluster
        // is the window itself (a click then lists its events rather than zooming out).
        let w = scale.window;
        c.window = Window {
            from: c.window.from.max(w.from),
            to: c.window.to.min(w.to),
        };
        out.rows[c.lane] = MAX_ROWS + 1;
        out.clusters.push(c);
    }
    out
}

/// The marks of one row, as (x0, x1), in order and apart.
#[derive(Clone, Debug, Default)]
struct Row(Vec<(i32, i32)>);

impl Row {
    /// Places a mark from `x0` to `x1` if it keeps clear of the marks on either side.
    fn place(&mut self, x0: i32, x1: i32) -> bool {
        let at = self.0.partition_point(|&(a, _)| a < x0);
        let clear_before = at == 0 || self.0[at - 1].1 + GAP <= x0;
        let clear_after = self.0.get(at).is_none_or(|&(next, _)| x1 + GAP <= next);
        if clear_before && clear_after {
            self.0.insert(at, (x0, x1));
        }
        clear_before && clear_after
    }
}

/// The period an event that found no room clusters in: its year, or within a window of
/// two years or less, its month where it has one (a year-only date is not put in a month it
/// may not belong to).
fn bucket(scale: &Scale, start: PartialDate) -> Window {
    let first = month_number(start.year, start.month.unwrap_or(1)).max(scale.window.from);
    let year = (first / 12) as u16;
    match scale.window.months() > 24 || start.month.is_none() {
        true => Window::years(year, year),
        false => Window {
            from: first,
            to: first,
        },
    }
}

/// A lane's clusters with no two over each other: a month's cluster goes into its year's,
/// where the lane has one, the events kept in date order.
fn year_first(mut clusters: Vec<Cluster>, events: &[&Event]) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::with_capacity(clusters.len());
    clusters.sort_by_key(|c| (c.lane, c.window.whole_years().is_none(), c.window.from));
    for c in clusters {
        let is_month = c.window.whole_years().is_none();
        let year = out.iter_mut().find(|y| {
            y.lane == c.lane
                && y.window.whole_years().is_some()
                && y.window.first_year() == c.window.first_year()
        });
        match year {
            Some(y) if is_month => {
                y.events.extend(c.events);
                y.events.sort_by_key(|&i| (events[i].start, i));
            }
            _ => out.push(c),
        }
    }
    out.sort_by_key(|c| (c.lane, c.window.from));
    out
}

/// An empty cluster of `lane` over `window`, drawn within the scale.
fn cluster(scale: &Scale, lane: usize, window: Window) -> Cluster {
    let (lo, hi) = (scale.left, scale.left + scale.width);
    let x0 = scale.x_month(window.from).clamp(lo, hi);
    let x1 = scale.x_month(window.to + 1).clamp(lo, hi);
    Cluster {
        lane,
        window,
        x0,
        x1: x1.max(x0 + MIN_MARK),
        events: Vec::new(),
    }
}

/// The window a zoom step gives: `factor` < 1 zooms in around the centre, > 1 out, never
/// beyond `bounds` and never narrower than one month. A year or more is whole years.
pub fn zoom(range: Window, factor: f32, bounds: Window) -> Window {
    zoom_at(range, factor, 0.5, bounds)
}

/// A zoom step that keeps the point at `at` (0 = left edge, 1 = right edge of the window)
/// where it is, as a wheel or pinch under the pointer does.
pub fn zoom_at(range: Window, factor: f32, at: f32, bounds: Window) -> Window {
    let (a, b) = (range.from as f32, range.to as f32 + 1.0);
    let at = if at.is_finite() {
        at.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let factor = if factor.is_finite() && factor > 0.0 {
        factor
    } else {
        1.0
    };
    let pivot = a + (b - a) * at;
    let width = ((b - a) * factor).max(1.0);
    let mut lo = (pivot - width * at).round();
    let mut hi = lo + width.round();
    if hi - lo >= 12.0 {
        // A year or more: whole years, as the year filter says them.
        let years = ((hi - lo) / 12.0).round();
        lo = (lo / 12.0).round() * 12.0;
        hi = lo + years * 12.0;
    }
    // Keep the width when a bound cuts one side, as far as the bounds allow.
    let (min, max) = (bounds.from as f32, bounds.to as f32 + 1.0);
    if lo < min {
        hi = (hi + (min - lo)).min(max);
        lo = min;
    }
    if hi > max {
        lo = (lo - (hi - max)).max(min);
        hi = max;
    }
    let from = lo as u32;
    Window {
        from,
        to: (hi as u32).saturating_sub(1).max(from),
    }
}

/// The window moved by `months`, kept inside `bounds` with its width.
pub fn pan(range: Window, months: i32, bounds: Window) -> Window {
    let from = (range.from as i64 + months as i64).max(0) as u32;
    Window {
        from,
        to: from + range.months() - 1,
    }
    .within(bounds)
}

/// A pan step of about `1/parts` of the window: whole years while whole years are shown.
fn pan_step(range: Window, parts: u32) -> i32 {
    match range.whole_years() {
        Some((a, b)) => ((b - a) as i32 / parts as i32).max(1) * 12,
        None => (range.months() / parts).max(1) as i32,
    }
}

/// How wide a label is drawn, in chart units: a Han character (or any wide character) takes
/// `FULL`, any other `HALF` (the chart's label font is 10 units).
const FULL: i32 = 10;
const HALF: i32 = 6;

fn width_of(text: &str) -> i32 {
    text.chars()
        .map(|c| if c.is_ascii() { HALF } else { FULL })
        .sum()
}

/// The room each mark has for a label after it, on its own row: up to the next mark on the
/// row, or to `right` (the chart's right edge). In the order of `layout.marks`.
pub fn label_room(layout: &Layout, right: i32) -> Vec<i32> {
    layout
        .marks
        .iter()
        .map(|m| {
            let next = layout
                .marks
                .iter()
                .filter(|o| {
                    o.lane == m.lane && o.row == m.row && o.x0 >= m.x1 && !std::ptr::eq(*o, m)
                })
                .map(|o| o.x0)
                .min()
                .unwrap_or(right);
            next - m.x1 - 2 * GAP
        })
        .collect()
}

/// The label a mark can carry in `room` units: its title whole, or cut with "…" when at
/// least four characters fit, else none (the tooltip and the panel carry it).
pub fn fit_label(title: &str, room: i32) -> Option<String> {
    if width_of(title) <= room {
        return Some(title.to_string());
    }
    let mut out = String::new();
    let mut used = width_of("…");
    for c in title.chars() {
        let w = if c.is_ascii() { HALF } else { FULL };
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    (out.chars().count() >= 4).then(|| format!("{}…", out.trim_end()))
}

/// Where a pointer is across a chart's time axis, from 0 (left edge) to 1 (right edge): the
/// chart is drawn `view_width` units wide with the axis from `left` to `view_width - right`,
/// and shown `box_width` pixels wide from `box_left`.
pub fn axis_fraction(
    client_x: f64,
    (box_left, box_width): (f64, f64),
    view_width: i32,
    (left, right): (i32, i32),
) -> f32 {
    if box_width <= 0.0 || view_width <= 0 {
        return 0.5;
    }
    let scale = box_width / view_width as f64;
    let start = box_left + left as f64 * scale;
    let width = (view_width - left - right) as f64 * scale;
    if width <= 0.0 {
        return 0.5;
    }
    ((client_x - start) / width) as f32
}

/// What a wheel step does: a mostly sideways wheel pans by an eighth of the window, an
/// upward one zooms in under the pointer (at `at`), a downward one out; a trackpad pinch
/// arrives as a wheel too.
pub fn wheel(range: Window, (dx, dy): (f64, f64), at: f32, bounds: Window) -> Option<Window> {
    if dx.abs() > dy.abs() {
        Some(pan(range, pan_step(range, 8) * dx.signum() as i32, bounds))
    } else if dy != 0.0 {
        let factor = if dy < 0.0 { 0.8 } else { 1.25 };
        Some(zoom_at(range, factor, at, bounds))
    } else {
        None
    }
}

/// A two-finger pinch: the fingers' distance when it began and now, and where between them
/// it is centred (0–1 across the axis). Spreading the fingers zooms in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pinch {
    pub start: f64,
    pub now: f64,
    pub at: f32,
}

impl Pinch {
    /// The range the pinch gives when it ends, if it moved enough (15%) to mean a zoom.
    pub fn zoom(self, range: Window, bounds: Window) -> Option<Window> {
        let ratio = self.now / self.start;
        (self.start > 0.0 && self.now > 0.0 && (ratio - 1.0).abs() > 0.15)
            .then(|| zoom_at(range, (1.0 / ratio) as f32, self.at, bounds))
    }
}

/// A key on the zoom toolbar: `+`/`-` zoom, the arrows pan by a quarter of the window.
pub fn key(range: Window, key: &str, bounds: Window) -> Option<Window> {
    let step = pan_step(range, 4);
    match key {
        "+" | "=" => Some(zoom(range, 0.5, bounds)),
        "-" | "_" => Some(zoom(range, 2.0, bounds)),
        "ArrowLeft" => Some(pan(range, -step, bounds)),
        "ArrowRight" => Some(pan(range, step, bounds)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventSource;

    #[test]
    fn labels_fit_their_room_or_are_cut_or_left_out() {
        assert_eq!(
            fit_label("中俄联合演习", 100).as_deref(),
            Some("中俄联合演习")
        );
        assert_eq!(
            fit_label("中俄“海上联合-2016”联合演习", 60).as_deref(),
            Some("中俄“海上…")
        );
        assert_eq!(fit_label("中俄“海上联合-2016”联合演习", 20), None);
        assert_eq!(
            fit_label("Joint exercise", 200).as_deref(),
            Some("Joint exercise")
        );
    }

    #[test]
    fn a_mark_has_room_up_to_the_next_on_its_row() {
        let scale = Scale::new(2020, 2020, 0, 1000);
        let events = [
            event(EventType::Exercise, "2020-01-01", None),
            event(EventType::Exercise, "2020-07-01", None),
        ];
        let refs: Vec<&Event> = events.iter().collect();
        let placed = layout(&refs, &scale);
        let room = label_room(&placed, 1000);
        assert_eq!(placed.marks[0].row, placed.marks[1].row);
        assert!(
            room[0] < placed.marks[1].x0 - placed.marks[0].x1 && room[0] > 300,
            "{room:?}"
        );
        assert!(room[1] > 0 && room[1] < 1000 - placed.marks[1].x1);
    }

    #[test]
    fn the_pointer_is_placed_across_the_axis_not_the_box() {
        // A 1000-unit chart with a 150-unit gutter shown 500 px wide from x = 100.
        let at = |x| axis_fraction(x, (100.0, 500.0), 1000, (150, 10));
        assert!((at(175.0) - 0.0).abs() < 1e-6);
        assert!((at(595.0) - 1.0).abs() < 1e-6);
        assert!((at(385.0) - 0.5).abs() < 1e-6);
        assert_eq!(axis_fraction(10.0, (0.0, 0.0), 1000, (150, 10)), 0.5);
    }

    /// Whole years, as the tests write them.
    fn y(a: u16, b: u16) -> Window {
        Window::years(a, b)
    }

    #[test]
    fn the_wheel_pans_sideways_and_zooms_up_and_down() {
        let all = y(2000, 2023);
        assert_eq!(
            wheel(y(2008, 2015), (40.0, 2.0), 0.5, all),
            Some(y(2009, 2016))
        );
        assert_eq!(
            wheel(y(2008, 2015), (-40.0, 2.0), 0.5, all),
            Some(y(2007, 2014))
        );
        let closer = wheel(all, (0.0, -10.0), 0.0, all).unwrap();
        assert_eq!(
            closer.first_year(),
            2000,
            "zooming at the left edge keeps the left edge"
        );
        assert!(closer.last_year() < 2023 && closer.whole_years().is_some());
        let wider = wheel(y(2010, 2012), (0.0, 10.0), 0.5, all).unwrap();
        assert!(
            wider.first_year() <= 2010 && wider.last_year() >= 2012 && wider != y(2010, 2012),
            "{wider}"
        );
        assert_eq!(wheel(y(2010, 2012), (0.0, 0.0), 0.5, all), None);
    }

    #[test]
    fn a_pinch_zooms_only_when_it_means_it() {
        let all = y(2000, 2023);
        let spread = Pinch {
            start: 100.0,
            now: 200.0,
            at: 0.5,
        };
        let zoomed = spread.zoom(all, all).unwrap();
        assert!(
            zoomed.months() < all.months(),
            "spreading the fingers zooms in: {zoomed}"
        );
        let squeeze = Pinch {
            start: 200.0,
            now: 100.0,
            at: 0.5,
        };
        assert_eq!(
            squeeze.zoom(y(2010, 2013), all).map(|w| w.months() > 48),
            Some(true)
        );
        let slight = Pinch {
            start: 100.0,
            now: 110.0,
            at: 0.5,
        };
        assert_eq!(slight.zoom(all, all), None);
        let broken = Pinch {
            start: 0.0,
            now: 110.0,
            at: 0.5,
        };
        assert_eq!(broken.zoom(all, all), None);
    }

    #[test]
    fn keys_zoom_and_pan() {
        let all = y(2000, 2023);
        assert_eq!(key(all, "ArrowRight", all), Some(all));
        assert_eq!(key(y(2004, 2011), "ArrowLeft", all), Some(y(2003, 2010)));
        assert!(key(all, "+", all).unwrap().months() < all.months());
        assert_eq!(key(all, "x", all), None);
    }

    #[test]
    fn zoom_goes_below_a_year_in_months_and_back_to_whole_years() {
        let all = y(2000, 2023);
        let half = zoom(y(2020, 2020), 0.5, all);
        assert_eq!(half.to_string(), "2020-04..2020-09");
        assert_eq!(half.whole_years(), None);
        let quarter = zoom(half, 0.5, all);
        assert_eq!(quarter.months(), 3);
        // Never narrower than a month.
        let mut w = quarter;
        for _ in 0..6 {
            w = zoom(w, 0.5, all);
        }
        assert_eq!(w.months(), 1);
        // Out again: from a year on, whole years.
        assert_eq!(zoom(half, 2.0, all), y(2020, 2020));
        assert_eq!(
            zoom(y(2020, 2020), 2.0, all)
                .whole_years()
                .map(|(a, b)| b - a),
            Some(1)
        );
        // Panning months moves by months and stays inside.
        assert_eq!(
            key(half, "ArrowRight", all).unwrap().to_string(),
            "2020-05..2020-10"
        );
        assert_eq!(pan(half, -1000, all).to_string(), "2000-01..2000-06");
        assert_eq!(pan(half, 1000, all).to_string(), "2023-07..2023-12");
    }

    #[test]
    fn a_window_reads_and_writes_as_in_a_link() {
        let w = Window::parse("2020-04..2020-09").unwrap();
        assert_eq!((w.first_year(), w.months()), (2020, 6));
        assert_eq!(w.to_string(), "2020-04..2020-09");
        assert_eq!(
            Window::parse("2020-01..2021-12").unwrap().whole_years(),
            Some((2020, 2021))
        );
        for bad in [
            "2020-09..2020-04",
            "2020..2021",
            "2020-13..2021-01",
            "2020-04-01..2020-05",
            "x",
            "",
        ] {
            assert_eq!(Window::parse(bad), None, "{bad}");
        }
        let june = PartialDate::parse("2020-06").unwrap();
        assert!(w.overlaps(june, None));
        assert!(
            w.overlaps(PartialDate::parse("2020").unwrap(), None),
            "a year-only date overlaps its months"
        );
        assert!(!w.overlaps(PartialDate::parse("2020-12-01").unwrap(), None));
        assert_eq!(
            Window { from: 10, to: 30 }.within(y(2000, 2001)),
            Window {
                from: 24000,
                to: 24020
            }
        );
    }

    #[test]
    fn a_sub_year_scale_spreads_the_months_and_leaves_out_the_rest() {
        let w = Window::parse("2020-04..2020-09").unwrap();
        let s = Scale::of(w, 0, 600);
        assert_eq!(s.x_month(w.from), 0);
        assert_eq!(s.x_month(w.to + 1), 600);
        assert_eq!(s.ticks(40), Vec::<u16>::new(), "no year starts inside");
        let months: Vec<u8> = s.month_ticks(40).iter().map(|t| t.1).collect();
        assert_eq!(months, [4, 5, 6, 7, 8, 9]);
        let es = [
            event(EventType::Exercise, "2020-05-10", None),
            event(EventType::Exercise, "2020-11-10", None),
            event(EventType::Exercise, "2020", None),
        ];
        let refs: Vec<&Event> = es.iter().collect();
        let l = layout(&refs, &s);
        let shown: Vec<usize> = l.marks.iter().map(|m| m.event).collect();
        assert_eq!(shown.len(), 2);
        assert!(
            !shown.contains(&1),
            "November is outside April to September"
        );
        let year = l.marks.iter().find(|m| m.event == 2).unwrap();
        assert_eq!(
            (year.x0, year.x1),
            (0, 600),
            "a year-only date spans the window, cut at its edges"
        );
    }

    fn event(kind: EventType, start: &str, end: Option<&str>) -> Event {
        Event {
            id: start.into(),
            start: PartialDate::parse(start),
            end: end.and_then(PartialDate::parse),
            ..Event::new(
                kind,
                EventSource {
                    passage: 0,
                    quote: String::new(),
                    at: None,
                },
            )
        }
    }

    #[test]
    fn scale_maps_years_to_whole_pixels() {
        let s = Scale::new(2000, 2009, 100, 1000);
        assert_eq!(s.x(2000), 100);
        assert_eq!(s.x(2005), 600);
        let (a, b) = s.extent(PartialDate::parse("2005").unwrap(), None);
        assert_eq!((a, b), (600, 700));
        let (a, b) = s.extent(PartialDate::parse("2005-12-31").unwrap(), None);
        assert!(b - a <= 1 && a > 690);
        assert_eq!(
            s.ticks(60),
            vec![2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009]
        );
        assert_eq!(
            Scale::new(1990, 2029, 0, 400).ticks(50),
            vec![1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025]
        );
    }

    #[test]
    fn months_are_marked_when_three_years_or_less_are_shown() {
        // One year over 1200 px: 100 px a month, every month from February.
        let one = Scale::new(2020, 2020, 0, 1200).month_ticks(40);
        assert_eq!(
            one.iter().map(|t| t.1).collect::<Vec<_>>(),
            (2..=12).collect::<Vec<u8>>()
        );
        assert!(one.windows(2).all(|w| w[0].2 < w[1].2));
        let mar = one.iter().find(|t| t.1 == 3).unwrap();
        let (x, _) =
            Scale::new(2020, 2020, 0, 1200).extent(PartialDate::parse("2020-03").unwrap(), None);
        assert_eq!(mar.2, x, "a month tick stands where the month's bar starts");
        // Three years over 600 px: about 16 px a month, so every third month.
        let three = Scale::new(2019, 2021, 0, 600).month_ticks(40);
        assert_eq!(
            three
                .iter()
                .filter(|t| t.0 == 2020)
                .map(|t| t.1)
                .collect::<Vec<_>>(),
            [4, 7, 10]
        );
        assert!(
            Scale::new(2016, 2021, 0, 6000).month_ticks(40).is_empty(),
            "more than three years"
        );
        assert!(
            Scale::new(2019, 2021, 0, 200).month_ticks(40).is_empty(),
            "too narrow"
        );
    }

    #[test]
    fn marks_stack_instead_of_overlapping() {
        let es = [
            event(EventType::Exercise, "2020", None),
            event(EventType::Exercise, "2020-09", None),
            event(EventType::Exercise, "2020-12-22", None),
            event(EventType::Forum, "2020-12-01", Some("2020-12-02")),
            event(EventType::Exercise, "2018", None),
            event(EventType::Dialogue, "1990", None),
        ];
        let refs: Vec<&Event> = es.iter().collect();
        let l = layout(&refs, &Scale::new(2018, 2020, 0, 300));
        assert_eq!(l.marks.len(), 5, "1990 is outside the scale");
        let exercise: Vec<&Mark> = l.marks.iter().filter(|m| m.lane == 0).collect();
        for (i, a) in exercise.iter().enumerate() {
            for b in &exercise[i + 1..] {
                assert!(
                    a.row != b.row || a.x1 <= b.x0 || b.x1 <= a.x0,
                    "{a:?} {b:?}"
                );
            }
        }
        assert_eq!(
            l.rows[0], 2,
            "the 2020 bar and the month and day inside it need two rows"
        );
        let forum = l.marks.iter().find(|m| m.event == 3).unwrap();
        assert_eq!(
            forum.lane,
            LANES.iter().position(|t| *t == EventType::Forum).unwrap()
        );
        assert!(forum.x1 - forum.x0 >= MIN_MARK);
    }

    #[test]
    fn a_crowded_lane_clusters_what_its_rows_cannot_hold() {
        // Twelve year-long exercises in 2019 and three in 2020, a quarter apart: eight rows
        // of 2019, the other four gathered in one cluster; 2020's fit in one row.
        let mut es: Vec<Event> = (0..12)
            .map(|_| event(EventType::Exercise, "2019", None))
            .collect();
        es.extend(["2020-03", "2020-06", "2020-09"].map(|m| event(EventType::Exercise, m, None)));
        es.push(event(EventType::Forum, "2019", None));
        let refs: Vec<&Event> = es.iter().collect();
        let l = layout(&refs, &Scale::new(2015, 2020, 0, 600));
        assert_eq!(l.rows[0], MAX_ROWS + 1, "eight rows and the clusters' row");
        assert!(l.marks.iter().all(|m| m.row < MAX_ROWS));
        assert_eq!(l.clusters.len(), 1);
        let c = &l.clusters[0];
        assert_eq!((c.lane, c.window), (0, Window::years(2019, 2019)));
        assert_eq!(c.events, [8, 9, 10, 11]);
        assert_eq!(
            (c.x0, c.x1),
            (400, 500),
            "the cluster spans its year on the scale"
        );
        assert_eq!(
            l.dated(),
            es.len(),
            "every event is shown once, marked or clustered"
        );
        let forum = LANES.iter().position(|t| *t == EventType::Forum).unwrap();
        assert_eq!(l.rows[forum], 1, "another lane is not affected");
        // Within two years, a cluster gathers a month, or for year-only dates a year (a
        // month's cluster then joins its year's).
        let l = layout(&refs, &Scale::of(Window::years(2019, 2020), 0, 600));
        assert_eq!(l.clusters.len(), 1);
        assert_eq!(l.clusters[0].window, Window::years(2019, 2019));
        assert_eq!(l.dated(), es.len());
        let mut june: Vec<Event> = (0..9)
            .map(|_| event(EventType::Exercise, "2020-06", None))
            .collect();
        june.push(event(EventType::Dialogue, "2020", None));
        let refs: Vec<&Event> = june.iter().collect();
        let l = layout(&refs, &Scale::of(Window::years(2020, 2020), 0, 600));
        let june_2020 = Window {
            from: month_number(2020, 6),
            to: month_number(2020, 6),
        };
        let c: Vec<(Window, usize)> = l
            .clusters
            .iter()
            .map(|c| (c.window, c.events.len()))
            .collect();
        assert_eq!(c, [(june_2020, 1)]);
        june.extend((0..9).map(|_| event(EventType::Exercise, "2020", None)));
        let refs: Vec<&Event> = june.iter().collect();
        let l = layout(&refs, &Scale::of(Window::years(2020, 2020), 0, 600));
        let c: Vec<(Window, usize)> = l
            .clusters
            .iter()
            .map(|c| (c.window, c.events.len()))
            .collect();
        assert_eq!(
            c,
            [(Window::years(2020, 2020), 10)],
            "June's cluster joins the year's"
        );
        assert_eq!(l.dated(), june.len());
        // Below a year, a cluster never reaches past the window: zooming to it never zooms
        // out.
        let spring = Window::parse("2020-03..2020-08").unwrap();
        let l = layout(&refs, &Scale::of(spring, 0, 600));
        let c: Vec<(Window, usize)> = l
            .clusters
            .iter()
            .map(|c| (c.window, c.events.len()))
            .collect();
        assert_eq!(c, [(spring, 10)]);
    }

    #[test]
    fn undated_events_are_apart() {
        let mut e = event(EventType::Agreement, "2007", None);
        e.start = None;
        let l = layout(&[&e], &Scale::new(2000, 2010, 0, 100));
        assert!(l.marks.is_empty());
        assert_eq!(l.undated, [0]);
    }

    #[test]
    fn zoom_and_pan_stay_in_bounds() {
        let bounds = y(1990, 2030);
        assert_eq!(zoom(y(2000, 2019), 0.5, bounds), y(2005, 2014));
        assert_eq!(zoom(y(2005, 2014), 2.0, bounds), y(2000, 2019));
        assert_eq!(zoom(bounds, 4.0, bounds), bounds);
        assert_eq!(pan(y(2000, 2009), 60, y(1990, 2012)), y(2003, 2012));
        // Under the pointer: zooming in at the left edge keeps the left edge.
        assert_eq!(zoom_at(y(2000, 2019), 0.5, 0.0, bounds), y(2000, 2009));
        assert_eq!(zoom_at(y(2000, 2019), 0.5, 1.0, bounds), y(2010, 2019));
        assert_eq!(zoom_at(y(1995, 2000), 4.0, 0.0, bounds), y(1995, 2018));
        assert_eq!(
            zoom_at(y(2000, 2001), f32::NAN, f32::NAN, bounds),
            y(2000, 2001)
        );
        assert_eq!(pan(y(2000, 2009), -600, bounds), y(1990, 1999));
    }
}
