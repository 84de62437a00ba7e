//! The detail chart: one lane per type over the visible years, each event a mark whose
//! shape says its precision (a dot a day, a bar a month, a pale thin bar a year), laid out
//! by `milcoop_core::query::timeline::layout`. Pointing at a mark describes it above the
//! chart; clicking or Enter opens it.

use super::{TimelineState, GUTTER, RIGHT, WIDTH};
use crate::components::events::describe;
use crate::components::filtered::History;
use crate::components::labels::aria_bool;
use crate::gestures::{use_zoom_gestures, Axis};
use crate::nav::use_ui;
use leptos::prelude::*;
use milcoop_core::model::{Event, Precision};
use milcoop_core::query::timeline::{
    fit_label, label_room, layout, Cluster, Layout, Mark, Scale, Window, LANES, MAX_ROWS,
};
use milcoop_core::Ui;
use wasm_bindgen::JsCast;

/// A row's height: each mark's hit area is a whole row, at least 24 px square.
const ROW: i32 = 24;
const HIT: i32 = 24;
const LANE_PAD: i32 = 10;
const AXIS: i32 = 28;

#[component]
pub(super) fn Chart(state: TimelineState) -> impl IntoView {
    let ui = use_ui();
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let axis = Axis {
        view_width: WIDTH,
        left: GUTTER,
        right: RIGHT,
    };
    let gestures = use_zoom_gestures(svg, axis, state.range, state.all, move |r, h| {
        state.set_range(r, h)
    });
    // The layout of the visible years: the events on show and where each mark goes.
    let placed = Memo::new(move |_| {
        let indexes = state.filters.derived(state.events, Clone::clone);
        let scale = Scale::of(state.range.get(), GUTTER, WIDTH - GUTTER - RIGHT);
        let list: Vec<&'static Event> = indexes
            .iter()
            .map(|&i| &state.data.events[i as usize])
            .collect();
        (indexes, scale, layout(&list, &scale))
    });
    let count = move || state.filters.derived(placed, |(_, _, p)| p.dated());
    let drawn = move || {
        let open_id = state.selected.get();
        state.filters.derived(placed, |(indexes, scale, placed)| {
            let (lane_top, height) = lane_tops(placed);
            let room = label_room(placed, WIDTH - RIGHT);
            let marks = placed
                .marks
                .iter()
                .zip(room)
                .map(|(m, room)| {
                    let e = &state.data.events[indexes[m.event] as usize];
                    let is_open = open_id.as_deref() == Some(e.id.as_str());
                    let label = fit_label(ui.title(e), room);
                    mark(
                        state,
                        m,
                        e,
                        (indexes[m.event], lane_top[m.lane]),
                        (is_open, label),
                        ui,
                    )
                })
                .collect_view();
            let clusters = placed
                .clusters
                .iter()
                .map(|c| cluster(state, c, lane_top[c.lane] + MAX_ROWS as i32 * ROW, ui))
                .collect_view();
            let (span, n) = (span_label(scale.window, ui), placed.dated());
            view! {
                <svg
                    class="timeline"
                    node_ref=svg
                    viewBox=format!("0 0 {WIDTH} {height}")
                    role="group"
                    aria-label=match ui {
                        Ui::En => format!("Timeline of {n} events, {span}"),
                        Ui::Zh => format!("{span} {n} 个事件的时间线"),
                    }
                >
                    {lanes(placed, &lane_top, ui)}
                    {ticks(scale, height, ui)}
                    {marks}
                    {clusters}
                </svg>
            }
        })
    };
    let detail = move || {
        state
            .hovered
            .get()
            .map(|i| describe(state.data, &state.data.events[i as usize], ui))
            .unwrap_or_else(|| {
                ui.pick(
                    "Point at or focus an event to see it here; click it to open its sources.",
                    "指向或聚焦某个事件即在此显示；点击可查看出处。",
                )
                .to_string()
            })
    };
    view! {
        <p class="result-count">
            <span data-testid="timeline-count">{count}</span>
            <span data-testid="timeline-span">
                {move || {
                    let span = span_label(state.range.get(), ui);
                    match ui {
                        Ui::En => format!(" dated events, {span}"),
                        Ui::Zh => format!(" 个有日期的事件，{span}"),
                    }
                }}
            </span>
        </p>
        <p class="mark-detail" aria-live="polite" data-testid="mark-detail">{detail}</p>
        <div
            class="timeline-frame"
            on:wheel=move |ev| gestures.on_wheel.run(ev)
            on:touchstart=move |ev: leptos::ev::TouchEvent| gestures.on_touchstart.run(ev.unchecked_into())
            on:touchmove=move |ev: leptos::ev::TouchEvent| gestures.on_touchmove.run(ev.unchecked_into())
            on:touchend=move |ev: leptos::ev::TouchEvent| gestures.on_touchend.run(ev.unchecked_into())
        >
            {drawn}
        </div>
    }
}

/// Where each lane starts, and the chart's height.
fn lane_tops(placed: &Layout) -> (Vec<i32>, i32) {
    let mut tops = vec![0; LANES.len()];
    let mut y = AXIS;
    for (lane, rows) in placed.rows.iter().enumerate() {
        tops[lane] = y;
        y += (*rows).max(1) as i32 * ROW + LANE_PAD;
    }
    (tops, y)
}

fn lanes(placed: &Layout, lane_top: &[i32], ui: Ui) -> impl IntoView {
    LANES
        .iter()
        .enumerate()
        .map(|(lane, t)| {
            let top = lane_top[lane];
            let h = placed.rows[lane].max(1) as i32 * ROW;
            view! {
                <g class="lane">
                    <rect class="lane-bg" x=0 y=top - 3 width=WIDTH height=h + 6 />
                    <text class="lane-label" x=6 y=top + 12>{ui.event_type(*t)}</text>
                </g>
            }
        })
        .collect_view()
}

/// The visible window in words: "2016 to 2020", or "Apr 2020 to Sep 2020" below a year.
fn span_label(w: Window, ui: Ui) -> String {
    let month = |n: u32| month_label(n, ui);
    match (w.whole_years(), ui) {
        (Some((a, b)), Ui::En) => format!("{a} to {b}"),
        (Some((a, b)), Ui::Zh) => format!("{a}—{b}年"),
        (None, Ui::En) => format!("{} to {}", month(w.from), month(w.to)),
        (None, Ui::Zh) => format!("{}—{}", month(w.from), month(w.to)),
    }
}

/// A month, by its number: "Apr 2020", "2020年4月".
fn month_label(n: u32, ui: Ui) -> String {
    let (y, m) = (n / 12, n % 12 + 1);
    match ui {
        Ui::En => format!("{} {y}", MONTHS[m as usize - 1]),
        Ui::Zh => format!("{y}年{m}月"),
    }
}

fn ticks(scale: &Scale, height: i32, ui: Ui) -> impl IntoView {
    let mut years = scale.ticks(56);
    // A window inside one year shows that year at its left edge.
    let left_year = years.is_empty().then(|| scale.window.first_year());
    let left_year = left_year.map(|y| {
        view! {
            <g class="tick">
                <text x=scale.left + 3 y=AXIS - 10>{y}</text>
            </g>
        }
    });
    let years = std::mem::take(&mut years)
        .into_iter()
        .map(|t| {
            let x = scale.x(t);
            view! {
                <g class="tick">
                    <line x1=x x2=x y1=AXIS - 6 y2=height />
                    <text x=x + 3 y=AXIS - 10>{t}</text>
                </g>
            }
        })
        .collect_view();
    // Within three years, the months between (docs/views.md).
    let months = scale
        .month_ticks(36)
        .into_iter()
        .map(|(_, m, x)| {
            let label = match ui {
                Ui::En => MONTHS[m as usize - 1].to_string(),
                Ui::Zh => format!("{m}月"),
            };
            view! {
                <g class="tick month" data-month=m>
                    <line x1=x x2=x y1=AXIS - 3 y2=height />
                    <text x=x + 2 y=AXIS - 2>{label}</text>
                </g>
            }
        })
        .collect_view();
    view! { {left_year} {years} {months} }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One event's mark: focusable, described when pointed at, opened by a click or Enter,
/// labelled with its title where its row has room.
fn mark(
    state: TimelineState,
    m: &Mark,
    e: &'static Event,
    (index, lane_top): (u32, i32),
    (is_open, shown): (bool, Option<String>),
    ui: Ui,
) -> impl IntoView {
    let top = lane_top + m.row as i32 * ROW;
    let label = describe(state.data, e, ui);
    let title = label.clone();
    let shape = match m.precision {
        Precision::Day => view! { <circle cx=(m.x0 + m.x1) / 2 cy=top + 12 r=5 /> }.into_any(),
        Precision::Month => {
            view! { <rect x=m.x0 y=top + 7 width=m.x1 - m.x0 height=10 rx=2 /> }.into_any()
        }
        Precision::Year => {
            view! { <rect class="year-only" x=m.x0 y=top + 9 width=m.x1 - m.x0 height=6 rx=3 /> }
                .into_any()
        }
    };
    // What a pointer or a finger hits: the row's height, and at least as wide.
    let hit_w = (m.x1 - m.x0).max(HIT);
    let hit_x = (m.x0 + m.x1) / 2 - hit_w / 2;
    let (open, open_key) = (e.id.clone(), e.id.clone());
    view! {
        <g
            class=format!("mark type-{}{}", e.kind.slug(), if is_open { " selected" } else { "" })
            data-event-id=e.id.clone()
            role="button"
            tabindex="0"
            aria-label=label
            aria-pressed=aria_bool(is_open)
            on:click=move |_| state.open(Some(open.clone()))
            on:mouseenter=move |_| state.hovered.set(Some(index))
            on:focus=move |_| state.hovered.set(Some(index))
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    state.open(Some(open_key.clone()));
                }
            }
        >
            <title>{title}</title>
            <rect class="hit" x=hit_x y=top width=hit_w height=HIT />
            {shape}
        </g>
        // Beside the mark, not in it: the mark's accessible name is its full description.
        {shown.map(|l| view! { <text class="mark-label" x=m.x1 + 3 y=top + 16 aria-hidden="true" data-label-for=e.id.clone()>{l}</text> })}
    }
}

/// The events of a lane its rows could not hold, in a year or month, as one mark: it zooms
/// in to that period, or, at a month already, lists them in Explore.
fn cluster(state: TimelineState, c: &Cluster, top: i32, ui: Ui) -> impl IntoView {
    let (n, kind, window) = (c.events.len(), LANES[c.lane], c.window);
    let when = period_label(window, ui);
    let zooms = window != state.range.get_untracked();
    let label = match (ui, zooms) {
        (Ui::En, true) => format!("{n} more: {}, {when}. Zoom in to see them.", kind.label()),
        (Ui::En, false) => format!("{n} more: {}, {when}. List them in Explore.", kind.label()),
        (Ui::Zh, true) => format!("另有 {n} 个：{}，{when}。放大查看。", ui.event_type(kind)),
        (Ui::Zh, false) => format!(
            "另有 {n} 个：{}，{when}。在“探索”中列出。",
            ui.event_type(kind)
        ),
    };
    let go = move || match zooms {
        true => state.set_range(window, History::Push),
        false => state.list_in_explore(kind, window),
    };
    let (width, title) = (c.x1 - c.x0, label.clone());
    view! {
        <g
            class=format!("cluster type-{}", kind.slug())
            data-cluster-count=n
            role="button"
            tabindex="0"
            aria-label=label
            on:click=move |_| go()
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    go();
                }
            }
        >
            <title>{title}</title>
            <rect x=c.x0 y=top + 2 width=width height=HIT - 4 rx=4 />
            <text x=c.x0 + width / 2 y=top + 16 text-anchor="middle" aria-hidden="true">
                {format!("+{n}")}
            </text>
        </g>
    }
}

/// The period a cluster gathers: "2020", "Apr 2020", or the window it is cut to.
fn period_label(w: Window, ui: Ui) -> String {
    match (w.whole_years(), ui) {
        (Some((a, b)), Ui::En) if a == b => a.to_string(),
        (Some((a, b)), Ui::Zh) if a == b => format!("{a}年"),
        _ if w.months() == 1 => month_label(w.from, ui),
        _ => span_label(w, ui),
    }
}
