//! The timeline of events: one lane per type, years across, zoom and pan that write the
//! `year` filter. Layout (scale, stacking, zoom) is `milcoop_core::timeline`.

use crate::nav::{use_route, Link};
use crate::pages::events::when;
use crate::pages::explore::{use_filters, FilterNotices};
use leptos::prelude::*;
use milcoop_core::filter::{apply, Filters};
use milcoop_core::model::{Dataset, Event, Precision};
use milcoop_core::timeline::{layout, pan, zoom, Scale, LANES};
use milcoop_core::Route;

const WIDTH: i32 = 1000;
const GUTTER: i32 = 120;
const ROW: i32 = 16;
const LANE_PAD: i32 = 10;
const AXIS: i32 = 28;

/// The first and last year of any dated event in the corpus.
fn bounds(data: &Dataset) -> (u16, u16) {
    let years = data
        .events
        .iter()
        .filter_map(|e| e.start.map(|s| (s.year, e.end.map_or(s.year, |d| d.year))));
    let (lo, hi) = years.fold((u16::MAX, 0), |(lo, hi), (a, b)| (lo.min(a), hi.max(b)));
    if lo > hi {
        (2000, 2025)
    } else {
        (lo, hi)
    }
}

fn describe(data: &Dataset, e: &Event) -> String {
    let mut parts = vec![e.kind.label().to_string(), when(e.start, e.end)];
    if let Some(n) = &e.name {
        parts.push(n.clone());
    }
    let partners: Vec<String> = e
        .countries
        .iter()
        .map(|c| {
            data.country(c)
                .map_or(c.clone(), |x| format!("{} ({c})", x.en))
        })
        .chain(e.organisations.iter().cloned())
        .collect();
    if !partners.is_empty() {
        parts.push(partners.join(", "));
    }
    parts.join(" · ")
}

/// An event as a line of text linking to the passage it was read from.
fn event_item(data: &'static Dataset, e: &'static Event) -> impl IntoView {
    let p = &data.passages[e.sources[0].passage as usize];
    view! {
        <li data-event-id=e.id.clone()>
            <Link route=Route::Passage(p.id.clone())>{describe(data, e)}</Link>
        </li>
    }
}

#[component]
pub fn Timeline(data: &'static Dataset) -> impl IntoView {
    let nav = use_route();
    let filters = use_filters(data);
    let all = bounds(data);
    let range = Memo::new(move |_| filters.filters.get().years.unwrap_or(all));
    let events = Memo::new(move |_| {
        // Everything but the year filter applies; the year range is the visible window.
        let mut f = filters.filters.get();
        f.years = None;
        apply(data, &f).events
    });
    let set_range = move |r: (u16, u16)| {
        let mut f: Filters = filters.filters.get_untracked();
        f.years = if r == all { None } else { Some(r) };
        filters.set.run((f, false));
    };
    let zoom_by = move |factor: f32| set_range(zoom(range.get_untracked(), factor, all));
    let pan_by = move |dir: i32| {
        let (a, b) = range.get_untracked();
        let step = ((b - a) as i32 / 4).max(1) * dir;
        set_range(pan((a, b), step, all));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "+" | "=" => zoom_by(0.5),
        "-" | "_" => zoom_by(2.0),
        "ArrowLeft" => pan_by(-1),
        "ArrowRight" => pan_by(1),
        _ => {}
    };

    let chart = move || {
        let (from, to) = range.get();
        let scale = Scale::new(from, to, GUTTER, WIDTH - GUTTER - 10);
        let list: Vec<&'static Event> = events
            .get()
            .iter()
            .map(|&i| &data.events[i as usize])
            .collect();
        let placed = layout(&list, &scale);
        let mut lane_top = vec![0; LANES.len()];
        let mut y = AXIS;
        for (lane, rows) in placed.rows.iter().enumerate() {
            lane_top[lane] = y;
            y += (*rows).max(1) as i32 * ROW + LANE_PAD;
        }
        let height = y;
        let ticks = scale
            .ticks(56)
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
        let lanes = LANES
            .iter()
            .enumerate()
            .map(|(lane, t)| {
                let top = lane_top[lane];
                let h = placed.rows[lane].max(1) as i32 * ROW;
                view! {
                    <g class="lane">
                        <rect class="lane-bg" x=0 y=top - 3 width=WIDTH height=h + 6 />
                        <text class="lane-label" x=6 y=top + 12>{t.label()}</text>
                    </g>
                }
            })
            .collect_view();
        let marks = placed
            .marks
            .iter()
            .map(|m| {
                let e = list[m.event];
                let top = lane_top[m.lane] + m.row as i32 * ROW;
                let label = describe(data, e);
                let title = label.clone();
                let target = data.passages[e.sources[0].passage as usize].id.clone();
                let open = move || nav.navigate(Route::Passage(target.clone()));
                let open2 = open.clone();
                let shape = match m.precision {
                    Precision::Day => view! {
                        <circle cx=(m.x0 + m.x1) / 2 cy=top + 6 r=5 />
                    }
                    .into_any(),
                    Precision::Month => view! {
                        <rect x=m.x0 y=top + 1 width=m.x1 - m.x0 height=10 rx=2 />
                    }
                    .into_any(),
                    Precision::Year => view! {
                        <rect class="year-only" x=m.x0 y=top + 3 width=m.x1 - m.x0 height=6 rx=3 />
                    }
                    .into_any(),
                };
                view! {
                    <g
                        class=format!("mark type-{}", e.kind.slug())
                        data-event-id=e.id.clone()
                        role="link"
                        tabindex="0"
                        aria-label=label
                        on:click=move |_| open()
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" {
                                open2();
                            }
                        }
                    >
                        <title>{title}</title>
                        {shape}
                    </g>
                }
            })
            .collect_view();
        let undated = placed
            .undated
            .iter()
            .map(|&i| event_item(data, list[i]))
            .collect_view();
        // The same events as text, in date order: the timeline's text equivalent.
        let mut dated: Vec<&milcoop_core::timeline::Mark> = placed.marks.iter().collect();
        dated.sort_by_key(|m| (list[m.event].start, m.event));
        let as_text = dated
            .into_iter()
            .map(|m| event_item(data, list[m.event]))
            .collect_view();
        let count = placed.marks.len();
        view! {
            <p class="result-count">
                <span data-testid="timeline-count">{count}</span>
                {format!(" dated events from {from} to {to}")}
            </p>
            <div class="timeline-frame">
                <svg
                    class="timeline"
                    viewBox=format!("0 0 {WIDTH} {height}")
                    role="group"
                    aria-label=format!("Timeline of {count} events, {from} to {to}")
                >
                    {lanes}
                    {ticks}
                    {marks}
                </svg>
            </div>
            <details class="as-text">
                <summary>"The timeline as a list"</summary>
                <ol data-testid="timeline-list">{as_text}</ol>
            </details>
            <section class="undated" aria-labelledby="undated-title">
                <h2 id="undated-title">"Undated"</h2>
                <p class="hint">"Events the text gives no date for; they are not placed on the timeline."</p>
                <ul data-testid="undated">{undated}</ul>
            </section>
        }
    };

    view! {
        <section class="timeline-view" aria-labelledby="timeline-title">
            <h1 id="timeline-title">"Timeline of events"</h1>
            <p class="hint">
                "A dot is a day, a bar a month, a thin bar a year-only date; ranges are bars. Click an event to open the passage it was read from. All Explore filters apply; the visible years are the year filter."
            </p>
            <FilterNotices notices=filters.notices />
            <div class="zoom" role="toolbar" aria-label="Zoom and pan" on:keydown=on_key>
                <button type="button" data-testid="zoom-in" on:click=move |_| zoom_by(0.5)>"Zoom in (+)"</button>
                <button type="button" data-testid="zoom-out" on:click=move |_| zoom_by(2.0)>"Zoom out (−)"</button>
                <button type="button" on:click=move |_| pan_by(-1)>"← Earlier"</button>
                <button type="button" on:click=move |_| pan_by(1)>"Later →"</button>
                <button type="button" on:click=move |_| set_range(all)>"All years"</button>
            </div>
            {chart}
        </section>
    }
}
