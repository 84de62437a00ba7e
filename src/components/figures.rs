//! The figures the texts state (aggregates such as troop totals or escort counts) as a
//! table: value, as-of date, the statement, the events it names among those it counts
//! (codebook G3) and its source. Statistics, a country's page and a series' page show it.

use crate::components::labels::PassageLink;
use crate::components::more::{use_show_more, Listed};
use crate::nav::{use_ui, UrlLink};
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Figure};
use milcoop_core::Ui;

/// The events a figure's statement names among those it counts: "34 stated, 4 named",
/// each a link to the event on the timeline (codebook G3).
fn named_events(data: &'static Dataset, f: &'static Figure, ui: Ui) -> AnyView {
    if f.events.is_empty() {
        return ui.pick("none named", "未列名").into_any();
    }
    let links = f
        .events
        .iter()
        .filter_map(|&i| data.events.get(i as usize))
        .map(|e| {
            let url = crate::components::events::event_url(e);
            view! { <li><UrlLink url=url>{ui.title(e).to_string()}</UrlLink></li> }
        })
        .collect_view();
    let summary = match ui {
        Ui::En => format!("{} stated, {} named:", f.value, f.events.len()),
        Ui::Zh => format!("原文{}，列名{}：", f.value, f.events.len()),
    };
    view! { <span>{summary}</span> <ul class="named-events">{links}</ul> }.into_any()
}

/// How many figures a table lists at first, and how many more each "show more" adds: each
/// row listed fetches its document's text for its quote (`on_demand`), and at scale a
/// view's figures are thousands.
const PAGE: usize = 20;

/// The figures `figures` (indexes), one row each, the first [`PAGE`] at first.
#[component]
pub fn FigureTable(data: &'static Dataset, figures: Vec<u32>) -> impl IntoView {
    let ui = use_ui();
    let total = figures.len();
    let more = use_show_more(
        Signal::stored(total),
        PAGE,
        Listed {
            en: "figures",
            zh: "项",
        },
        "figures-more",
    );
    let shown = more.shown;
    // The columns' names, also written beside each cell on a phone, where a row is a card.
    let heads = [
        ui.pick("Figure", "数字"),
        ui.pick("As of", "截至"),
        ui.pick("Statement", "原文"),
        ui.pick("Events it names", "其中列名的事件"),
        ui.pick("Source", "出处"),
    ];
    let row = move |i: u32| {
        let f = &data.figures[i as usize];
        let p = &data.passages[f.passage as usize];
        let quote = move || crate::on_demand::figure_quote(data, f);
        view! {
            <tr class="figure" data-passage-id=p.id.clone()>
                <td class="figure-value" data-label=heads[0]>{format!("{} {}", f.value, f.unit)}</td>
                <td class="figure-when" data-label=heads[1]>{f.as_of.map(|d| ui.date(d)).unwrap_or_else(|| ui.pick("not stated", "未注明").to_string())}</td>
                <td class="figure-quote" data-label=heads[2]><blockquote lang=p.lang.code() aria-busy=move || quote().is_empty().to_string()>{quote}</blockquote></td>
                <td class="figure-named" data-label=heads[3]>{named_events(data, f, ui)}</td>
                <td data-label=heads[4]><PassageLink data=data passage=p /></td>
            </tr>
        }
    };
    let listed = move || {
        figures
            .iter()
            .take(shown.get())
            .copied()
            .collect::<Vec<u32>>()
    };
    view! {
        <div class="table-frame">
            <table class="figures" data-testid="figures">
                <thead>
                    <tr>
                        {heads.map(|h| view! { <th scope="col">{h}</th> })}
                    </tr>
                </thead>
                <tbody><For each=listed key=|&i| i children=row /></tbody>
            </table>
        </div>
        {more.button}
    }
}
