//! Statistics of the current filters: events per year stacked by type, events per
//! document, and the figures the texts state (aggregates such as troop totals or escort
//! counts), each with its source. Counting rules are `milcoop_core::query::stats`.

use crate::components::figures::FigureTable;
use crate::components::filtered::{use_filters, FilteredViewHead};
use crate::nav::use_ui;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, EventType};
use milcoop_core::query::stats::{
    figures_in, peak_source, per_document, per_year, per_year_by_document, span, ByType,
};
use milcoop_core::Ui;

const WIDTH: i32 = 1000;
const HEIGHT: i32 = 220;
const LEFT: i32 = 40;

/// Stacked bars of counts by type, one per label.
fn stacked(rows: Vec<(String, ByType)>, ui: Ui, testid: &'static str) -> impl IntoView {
    let max = rows
        .iter()
        .map(|(_, r)| r.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let n = rows.len().max(1) as i32;
    let step = (WIDTH - LEFT) / n;
    let unit = (HEIGHT - 30) as f32 / max as f32;
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, counts))| {
            let x = LEFT + i as i32 * step;
            let w = (step - 2).max(1);
            let mut y = HEIGHT - 20;
            let total = counts.total();
            let parts = counts
                .nonzero()
                .map(|(t, c)| {
                    let h = ((c as f32 * unit).round() as i32).max(1);
                    y -= h;
                    view! {
                        <rect class=format!("bar type-{}", t.slug()) x=x y=y width=w height=h data-type=t.slug() data-count=c>
                            <title>{format!("{label}: {} {c}", ui.event_type(t))}</title>
                        </rect>
                    }
                })
                .collect_view();
            let show_label = n <= 30 || i % 5 == 0;
            view! {
                <g class="column" data-label=label.clone() data-total=total>
                    {parts}
                    {(total > 0).then(|| view! { <text class="total" x=x + w / 2 y=y - 3>{total}</text> })}
                    {show_label.then(|| view! { <text class="axis-label" x=x + w / 2 y=HEIGHT - 5>{label.clone()}</text> })}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="stacked" data-testid=testid viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=ui.pick("Bar chart; the table below holds the same numbers", "柱状图；下表给出相同数字")>
            <line class="baseline" x1=LEFT x2=WIDTH y1=HEIGHT - 20 y2=HEIGHT - 20 />
            {bars}
        </svg>
    }
}

/// What the chart measures, said with the numbers that show it: how many of the peak
/// year's events one document reports.
fn honesty(data: &'static Dataset, events: &[u32], range: (u16, u16), ui: Ui) -> impl IntoView {
    let peak = peak_source(data, events, range).map(|(year, total, doc, n)| {
        let title = &data.documents[doc as usize].title;
        match ui {
            Ui::En => format!(" In {year}, the busiest year here, {n} of the {total} events come from one document: {title}."),
            Ui::Zh => format!("本图事件最多的{year}年共{total}个事件，其中{n}个来自同一份文献：《{title}》。"),
        }
    });
    view! {
        <p class="note" data-testid="stats-note">
            {ui.pick(
                "These counts are what the corpus's documents report, not all of China's military cooperation: a year is high when a document covers it in detail.",
                "这些计数是语料中各文献所报道的事件，并非中国军事合作的全部；某年数字高，往往是因为某份文献对该年记述较详。",
            )}
            {peak}
        </p>
    }
}

/// Events per year as a table with one column per document that reports them.
fn by_document(data: &'static Dataset, events: &[u32], range: (u16, u16), ui: Ui) -> impl IntoView {
    let rows = per_year_by_document(data, events, range);
    let used: Vec<usize> = (0..data.documents.len())
        .filter(|&d| rows.iter().any(|(_, c)| c[d] > 0))
        .collect();
    let head = used
        .iter()
        .map(|&d| view! { <th scope="col" lang="zh">{data.documents[d].title.clone()}</th> })
        .collect_view();
    let body = rows
        .iter()
        .filter(|(_, c)| c.iter().any(|&n| n > 0))
        .map(|(y, c)| {
            let cells = used
                .iter()
                .map(|&d| view! { <td>{c[d]}</td> })
                .collect_view();
            view! { <tr><th scope="row">{*y}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-frame" tabindex="0" role="region" aria-label=ui.pick("Events per year by document", "各年事件数（按文献）")>
            <table class="counts by-document" data-testid="per-year-document">
                <thead><tr><th scope="col">{ui.pick("Year", "年份")}</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The same counts as a table: one row per label, one column per type.
fn table(rows: &[(String, ByType)], ui: Ui, first: &'static str) -> impl IntoView {
    let head = EventType::ALL
        .into_iter()
        .map(|t| view! { <th scope="col">{ui.event_type(t)}</th> })
        .collect_view();
    let body = rows
        .iter()
        .filter(|(_, c)| c.total() > 0)
        .map(|(label, c)| {
            let cells = EventType::ALL
                .into_iter()
                .map(|t| view! { <td>{c.get(t)}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{label.clone()}</th>
                    {cells}
                    <td class="total">{c.total()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-frame" tabindex="0" role="region" aria-label=first>
            <table class="counts">
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        {head}
                        <th scope="col">{ui.pick("All", "合计")}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn Stats(data: &'static Dataset) -> impl IntoView {
    let ui = use_ui();
    let filters = use_filters(data);
    let results = Memo::new(move |_| crate::on_demand::apply(data, &filters.filters.get()));

    let years = move || {
        let events = filters.derived(results, |r| r.events.clone());
        let Some(range) = filters
            .filters
            .get()
            .years
            .or_else(|| span(data, events.iter().copied()))
        else {
            return view! { <p data-testid="no-dated">{ui.pick("No dated events match.", "没有符合条件的有日期事件。")}</p> }.into_any();
        };
        let rows: Vec<(String, ByType)> = per_year(data, &events, range)
            .into_iter()
            .map(|(y, c)| (y.to_string(), c))
            .collect();
        let undated = events
            .iter()
            .filter(|&&e| data.events[e as usize].start.is_none())
            .count();
        view! {
            {honesty(data, &events, range, ui)}
            {stacked(rows.clone(), ui, "per-year")}
            <p class="hint">
                {match ui {
                    Ui::En => format!("Each event counts once, in the year it starts. {undated} undated events are not shown."),
                    Ui::Zh => format!("每个事件只计一次，计入其开始年份。{undated} 个日期不详的事件未列入。"),
                }}
            </p>
            {table(&rows, ui, ui.pick("Year", "年份"))}
            <h3>{ui.pick("The same years, by the document that reports them", "同一年份，按报道的文献")}</h3>
            <p class="hint">{ui.pick("An event reported in two documents counts in both.", "两份文献都报道的事件在两处各计一次。")}</p>
            {by_document(data, &events, range, ui)}
        }
        .into_any()
    };

    let documents = move || {
        let events = filters.derived(results, |r| r.events.clone());
        let rows: Vec<(String, ByType)> = per_document(data, &events)
            .into_iter()
            .map(|(d, c)| (data.documents[d as usize].title.clone(), c))
            .collect();
        view! {
            <p class="hint">{ui.pick("An event reported in two documents counts in both.", "两份文献都报道的事件在两处各计一次。")}</p>
            {table(&rows, ui, ui.pick("Document", "文献"))}
        }
    };

    let figures = move || {
        let passages: Vec<u32> =
            filters.derived(results, |r| r.passages.iter().map(|h| h.passage).collect());
        let list = figures_in(data, &passages);
        if list.is_empty() {
            return view! { <p>{ui.pick("No figures in the matching passages.", "匹配的段落中没有统计数字。")}</p> }.into_any();
        }
        view! { <FigureTable data=data figures=list /> }.into_any()
    };

    view! {
        <section class="stats-view" aria-labelledby="stats-title">
            <FilteredViewHead
                data=data
                id="stats-title"
                title=ui.pick("Statistics", "统计")
                hint=ui.pick("Counts of the events that match the current filters. Totals the texts state themselves (\"34 joint exercises\") are figures, listed below with their sources; they are never counted as single events.", "当前筛选下的事件计数。原文自身给出的总数（如“联演联训34项”）属于统计数字，连同出处列于下方，不作为单个事件计数。")
                notices=filters.notices
                results=results
            />
            <h2>{ui.pick("Events per year, by type", "每年事件数（按类型）")}</h2>
            {years}
            <h2>{ui.pick("Events per document", "各文献事件数")}</h2>
            {documents}
            <h2>{ui.pick("Figures stated in the texts", "原文给出的统计数字")}</h2>
            {figures}
        </section>
    }
}
