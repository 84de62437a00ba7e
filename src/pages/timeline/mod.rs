//! The timeline of events: an overview of the whole span (events per year, stacked by
//! type) that drives a zoomable detail chart with one lane per type. The visible window is
//! the `year` filter in the URL, and below a year also `months=` (the year filter then
//! holds the window's years), changed by the overview, the buttons, the keyboard, the
//! wheel and a two-finger pinch (`gestures::use_zoom_gestures`). Clicking an event opens it
//! (`event=` in the URL) with all its source passages. Layout and gesture maths are
//! `milcoop_core::query::timeline`; these components draw.

mod chart;
mod overview;
mod panel;
mod text;

use crate::components::filtered::{use_filters, FilteredViewHead, History, UseFilters};
use crate::nav::{use_route, use_ui, UseRoute};
use chart::Chart;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, EventType};
use milcoop_core::query::filter::Filters;
use milcoop_core::query::stats::span;
use milcoop_core::query::timeline::{self as layout, Window, LANES};
use milcoop_core::{Route, Url};
use overview::Overview;
use panel::EventPanel;
use text::TimelineText;

/// The charts' drawing width, in viewBox units, and the gutter that holds the lane labels.
const WIDTH: i32 = 1000;
const GUTTER: i32 = 150;
/// Space kept right of the axis.
const RIGHT: i32 = 10;

/// What the timeline's parts share: the filters, the whole span and the visible years, the
/// events on show, the opened and the pointed-at event.
#[derive(Clone, Copy)]
pub(crate) struct TimelineState {
    pub data: &'static Dataset,
    pub filters: UseFilters,
    nav: UseRoute,
    /// Every year with an event; zooming never leaves it.
    pub all: Window,
    /// The visible months.
    pub range: Memo<Window>,
    /// The events that match every filter but the years (indexes into `data.events`).
    pub events: Memo<Vec<u32>>,
    /// The opened event's id (`event=` in the URL).
    pub selected: Memo<Option<String>>,
    /// The event pointed at or focused, described above the chart.
    pub hovered: RwSignal<Option<u32>>,
}

impl TimelineState {
    fn new(data: &'static Dataset) -> TimelineState {
        let nav = use_route();
        let filters = use_filters(data);
        let (first, last) = span(data, 0..data.events.len() as u32).unwrap_or((2000, 2025));
        let all = Window::years(first, last);
        TimelineState {
            data,
            filters,
            nav,
            all,
            range: Memo::new(move |_| {
                let years = filters.filters.get().years;
                let months = nav.location.with(|l| l.url.months);
                window_of(years, months).unwrap_or(all)
            }),
            events: Memo::new(move |_| {
                // Everything but the year filter applies; the year range is the window.
                let mut f = filters.filters.get();
                f.years = None;
                crate::on_demand::apply(data, &f).events
            }),
            selected: Memo::new(move |_| nav.location.with(|l| l.url.event.clone())),
            hovered: RwSignal::new(None),
        }
    }

    /// Shows the window `w`, keeping the opened event: whole years are the year filter (the
    /// whole span is none); below a year, the year filter holds its years and `months=`
    /// the window.
    pub fn set_range(&self, w: Window, history: History) {
        let mut f: Filters = self.filters.filters.get_untracked();
        let mut url = self.nav.location.with_untracked(|l| l.url.clone());
        match w.whole_years() {
            Some(years) => {
                f.years = (w != self.all).then_some(years);
                url.months = None;
            }
            None => {
                f.years = Some((w.first_year(), w.last_year()));
                url.months = Some(w);
            }
        }
        url.route = url.route.with_filters(f);
        self.nav.open(url, history == History::Replace);
    }

    /// The link that opens `event` (or closes the panel) with the current filters and zoom.
    pub fn url_of(&self, event: Option<String>) -> Url {
        Url {
            route: Route::Timeline(self.filters.filters.get_untracked()),
            event,
            months: self.nav.location.with_untracked(|l| l.url.months),
            ..Url::default()
        }
    }

    /// Opens Explore on the events of type `kind` in `window`'s years, with the other
    /// filters kept: what a cluster holds when the window cannot zoom in further.
    pub fn list_in_explore(&self, kind: EventType, window: Window) {
        let mut f = self.filters.filters.get_untracked();
        f.types = vec![kind];
        f.years = Some((window.first_year(), window.last_year()));
        self.nav.open(
            Url {
                route: Route::Explore(f),
                ..Url::default()
            },
            false,
        );
    }

    pub fn open(&self, event: Option<String>) {
        self.nav.open(self.url_of(event), false);
    }
}

/// The window a link shows: `months=` when it lies within the year filter's years (a stale
/// zoom left by another filter edit is not shown), else the year filter's whole years.
fn window_of(years: Option<(u16, u16)>, months: Option<Window>) -> Option<Window> {
    let (a, b) = years?;
    let whole = Window::years(a, b);
    Some(
        months
            .filter(|m| m.from >= whole.from && m.to <= whole.to)
            .unwrap_or(whole),
    )
}

#[component]
pub fn Timeline(data: &'static Dataset) -> impl IntoView {
    let ui = use_ui();
    let state = TimelineState::new(data);
    let filters = state.filters;
    // What the view shows with every filter, the visible years included: what it downloads.
    // Below a year, the events outside the visible months are not shown, nor downloaded.
    let range = state.range;
    let shown = Memo::new(move |_| {
        let mut r = crate::on_demand::apply(data, &filters.filters.get());
        let w = range.get();
        if w.whole_years().is_none() {
            r.events.retain(|&i| {
                let e = &data.events[i as usize];
                e.start.is_some_and(|s| w.overlaps(s, e.end))
            });
        }
        r
    });
    let legend = LANES
        .iter()
        .map(|t: &EventType| view! { <li><span class=format!("swatch type-{}", t.slug())></span>{ui.event_type(*t)}</li> })
        .collect_view();
    view! {
        <section class="timeline-view" aria-labelledby="timeline-title">
            <FilteredViewHead
                data=data
                id="timeline-title"
                title=ui.pick("Timeline of events", "事件时间线")
                hint=ui.pick("A dot is a day, a bar a month, a thin bar a year-only date; ranges are bars. Zoom with the wheel, a pinch, the buttons or + and −; click an event to open its sources. All Explore filters apply; the visible years are the year filter, and zooming below a year shows months.", "圆点为具体日期，短条为月份，细条为仅知年份；时间段显示为条。可用滚轮、双指、按钮或 + − 缩放；点击事件可查看出处。浏览页的筛选条件同样适用；可见年份即年份筛选，放大到一年以内则按月显示。")
                notices=filters.notices
                results=shown
            />
            <Overview state=state />
            <ul class="legend" aria-label=ui.pick("Event types", "事件类型")>{legend}</ul>
            <ZoomBar state=state />
            <EventPanel state=state />
            <Chart state=state />
            <TimelineText state=state />
        </section>
    }
}

/// The zoom and pan buttons; the toolbar also takes `+`, `-` and the arrow keys.
#[component]
fn ZoomBar(state: TimelineState) -> impl IntoView {
    let ui = use_ui();
    let all = state.all;
    let step = move |key: &'static str| {
        if let Some(r) = layout::key(state.range.get_untracked(), key, all) {
            state.set_range(r, History::Push);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(r) = layout::key(state.range.get_untracked(), &ev.key(), all) {
            state.set_range(r, History::Push);
        }
    };
    view! {
        <div class="zoom" role="toolbar" aria-label=ui.pick("Zoom and pan", "缩放与平移") on:keydown=on_key>
            <button type="button" data-testid="zoom-in" on:click=move |_| step("+")>{ui.pick("Zoom in (+)", "放大 (+)")}</button>
            <button type="button" data-testid="zoom-out" on:click=move |_| step("-")>{ui.pick("Zoom out (−)", "缩小 (−)")}</button>
            <button type="button" on:click=move |_| step("ArrowLeft")>{ui.pick("← Earlier", "← 更早")}</button>
            <button type="button" on:click=move |_| step("ArrowRight")>{ui.pick("Later →", "更晚 →")}</button>
            <button type="button" on:click=move |_| state.set_range(all, History::Push)>{ui.pick("All years", "全部年份")}</button>
        </div>
    }
}
