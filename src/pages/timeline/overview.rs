//! The overview strip: every year of the whole span, stacked by type, with the visible
//! years as a band; clicking a year shows it, shift-clicking extends the visible range.

use super::{TimelineState, GUTTER, RIGHT, WIDTH};
use crate::components::filtered::History;
use crate::nav::use_ui;
use leptos::prelude::*;
use milcoop_core::query::stats::{per_year, ByType};
use milcoop_core::query::timeline::{Scale, Window};
use milcoop_core::Ui;

const HEIGHT: i32 = 84;

#[component]
pub(super) fn Overview(state: TimelineState) -> impl IntoView {
    let ui = use_ui();
    let all = state.all;
    move || {
        let rows = state.filters.derived(state.events, |e| {
            per_year(state.data, e, (all.first_year(), all.last_year()))
        });
        let window = state.range.get();
        let scale = Scale::of(all, GUTTER, WIDTH - GUTTER - RIGHT);
        let max = rows
            .iter()
            .map(|(_, r)| r.total())
            .max()
            .unwrap_or(1)
            .max(1);
        let unit = (HEIGHT - 16) as f32 / max as f32;
        let band = (
            scale.x_month(window.from),
            scale
                .x_month(window.to + 1)
                .max(scale.x_month(window.from) + 2),
        );
        let columns = rows
            .into_iter()
            .map(|(year, counts)| column(state, &scale, year, counts, unit, ui))
            .collect_view();
        let ticks = scale
            .ticks(48)
            .into_iter()
            .map(|t| view! { <text class="overview-tick" x=scale.x(t) y=HEIGHT - 2>{t}</text> })
            .collect_view();
        view! {
            <svg
                class="overview"
                data-testid="overview"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="group"
                aria-label=ui.pick("Events per year over the whole span; click a year to show it", "全时段每年事件数；点击某年以显示该年")
            >
                <text class="overview-label" x=6 y=20>{ui.pick("All years", "全部年份")}</text>
                <rect class="band" x=band.0 y=0 width=(band.1 - band.0).max(2) height=HEIGHT - 12 />
                {columns}
                {ticks}
            </svg>
        }
    }
}

/// One year's stacked bar and the invisible target that selects the year.
fn column(
    state: TimelineState,
    scale: &Scale,
    year: u16,
    counts: ByType,
    unit: f32,
    ui: Ui,
) -> impl IntoView {
    let x0 = scale.x(year);
    let w = (scale.x(year + 1) - x0 - 1).max(1);
    let mut y = HEIGHT - 14;
    let stack = counts
        .nonzero()
        .map(|(t, n)| {
            let h = ((n as f32 * unit).round() as i32).max(2);
            y -= h;
            view! { <rect class=format!("bar type-{}", t.slug()) x=x0 y=y width=w height=h /> }
        })
        .collect_view();
    let total = counts.total();
    let label = match ui {
        Ui::En => format!("{year}: {total} events — show this year"),
        Ui::Zh => format!("{year}年：{total} 个事件——只看这一年"),
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        let w = state.range.get_untracked();
        let r = if ev.shift_key() {
            Window::years(w.first_year().min(year), w.last_year().max(year))
        } else {
            Window::years(year, year)
        };
        state.set_range(r, History::Push);
    };
    view! {
        <g class="overview-year" data-year=year>
            {stack}
            <rect class="hit" x=x0 y=0 width=w.max(2) height=HEIGHT on:click=click>
                <title>{label}</title>
            </rect>
        </g>
    }
}
