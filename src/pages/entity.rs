//! The page of an exercise series (`?series=golden-dragon`): every edition the texts report,
//! across years and documents, with the official counts beside the editions they name; and
//! of a UN mission (`?mission=UNIFIL`): China's contingents and their sizes over time.
//! What belongs to which is `milcoop_core::query::entity`.

use crate::components::events::{EventFacts, EventRow};
use crate::components::figures::FigureTable;
use crate::components::labels::{names_list, PassageLink};
use crate::nav::{use_ui, Link};
use leptos::prelude::*;
use milcoop_core::model::{Concept, Dataset};
use milcoop_core::query::entity::{self, Editions};
use milcoop_core::query::filter::Filters;
use milcoop_core::{Route, Ui};

#[component]
pub fn SeriesPage(data: &'static Dataset, id: String) -> impl IntoView {
    let ui = use_ui();
    let Some(concept) = data.concept(&format!("series:{id}")) else {
        return unknown(ui.pick("exercise series", "演训系列"), &id).into_any();
    };
    let editions = entity::series(data, &id);
    let none = empty(&editions, ui);
    let list = editions
        .events
        .iter()
        .map(|&e| view! { <EventRow data=data event=&data.events[e as usize] /> })
        .collect_view();
    view! {
        <article class="entity" data-testid="series-page" aria-labelledby="entity-title">
            <Heading concept=concept kind=ui.pick("Exercise series", "演训系列") />
            <Summary data=data editions=editions.clone() concept=concept />
            <h2>{ui.pick("Editions in the texts", "原文报道的各届")}</h2>
            {none}
            <ul class="events" data-testid="editions">{list}</ul>
            <Counted data=data editions=editions />
        </article>
    }
    .into_any()
}

#[component]
pub fn MissionPage(data: &'static Dataset, id: String) -> impl IntoView {
    let ui = use_ui();
    let Some(concept) = data.concept(&format!("mission:{id}")) else {
        return unknown(ui.pick("UN mission", "联合国任务区"), &id).into_any();
    };
    let editions = entity::mission(data, &id);
    let none = empty(&editions, ui);
    let rows = editions
        .events
        .iter()
        .map(|&e| {
            let event = &data.events[e as usize];
            let source = event.sources.first().map(
                |s| view! { <PassageLink data=data passage=&data.passages[s.passage as usize] /> },
            );
            view! {
                <li class="contingent" data-event-id=event.id.clone()>
                    <p class="event-title" lang=ui.code()>{ui.title(event).to_string()}</p>
                    <EventFacts data=data event=event />
                    <p>{source}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="entity" data-testid="mission-page" aria-labelledby="entity-title">
            <Heading concept=concept kind=ui.pick("UN peace operation", "联合国维和行动") />
            <Summary data=data editions=editions.clone() concept=concept />
            <h2>{ui.pick("China's contingents, by date", "中国派出的分队（按日期）")}</h2>
            {none}
            <ul class="contingents" data-testid="contingents">{rows}</ul>
            <Counted data=data editions=editions />
        </article>
    }
    .into_any()
}

/// The entity's names in both languages, and the other names it is searched by.
#[component]
fn Heading(concept: &'static Concept, kind: &'static str) -> impl IntoView {
    let ui = use_ui();
    let others: Vec<&str> = concept
        .names
        .iter()
        .map(String::as_str)
        .filter(|n| *n != concept.en && *n != concept.zh)
        .collect();
    view! {
        <p class="entity-kind">{kind}</p>
        <h1 id="entity-title">
            <span lang="en">{concept.en.clone()}</span>
            " · "
            <span lang="zh">{concept.zh.clone()}</span>
        </h1>
        {(!others.is_empty()).then(|| view! {
            <p class="hint">{ui.pick("Also written: ", "其他写法：")}{names_list(&others, ui)}</p>
        })}
    }
}

/// How many events, over which years, in how many documents; and where else to look.
#[component]
fn Summary(data: &'static Dataset, editions: Editions, concept: &'static Concept) -> impl IntoView {
    let ui = use_ui();
    let years: Vec<u16> = editions
        .events
        .iter()
        .filter_map(|&e| data.events[e as usize].start.map(|d| d.year))
        .collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => ui.pick("undated", "日期不详").to_string(),
    };
    let line = match ui {
        Ui::En => format!(
            "{} in the texts ({span}), reported in {} of the corpus's documents.",
            ui.count(editions.events.len(), "event", "events", "个事件"),
            editions.documents.len()
        ),
        Ui::Zh => format!(
            "原文报道 {} 个事件（{span}），见于语料中的 {} 份文献。",
            editions.events.len(),
            editions.documents.len()
        ),
    };
    let search = Filters {
        q: concept.en.clone(),
        ..Filters::default()
    };
    view! {
        <p data-testid="entity-summary">{line}</p>
        <p>
            <Link route=Route::Timeline(search.clone())>{ui.pick("On the timeline", "在时间线上查看")}</Link>
            " · "
            <Link route=Route::Explore(search)>{ui.pick("Every passage that names it", "提及它的全部段落")}</Link>
        </p>
    }
}

/// The figures that count some of these events: the texts' own totals.
#[component]
fn Counted(data: &'static Dataset, editions: Editions) -> impl IntoView {
    let ui = use_ui();
    (!editions.figures.is_empty()).then(|| {
        view! {
            <h2>{ui.pick("What the texts count", "原文给出的统计数字")}</h2>
            <p class="hint">{ui.pick("Totals the texts state that count some of these events; the events they name are listed beside them.", "原文给出、计入上述部分事件的总数；其中列名的事件列于旁边。")}</p>
            <FigureTable data=data figures=editions.figures />
        }
    })
}

fn empty(editions: &Editions, ui: Ui) -> Option<impl IntoView> {
    editions.events.is_empty().then(|| {
        view! { <p>{ui.pick("The texts report no event of it yet.", "原文尚未报道其任何事件。")}</p> }
    })
}

/// A series or mission the thesaurus does not know: said in the page, with a way on.
fn unknown(what: &'static str, id: &str) -> impl IntoView {
    let ui = use_ui();
    view! {
        <article class="entity" data-testid="entity-unknown">
            <h1>{format!("{} {}", ui.pick("No such", "没有这一"), what)}</h1>
            <p>{match ui {
                Ui::En => format!("“{id}” names no {what} in this corpus."),
                Ui::Zh => format!("本语料库中没有名为“{id}”的{what}。"),
            }}</p>
            <p><Link route=Route::Explore(Filters::default())>{ui.pick("Explore the corpus", "浏览语料")}</Link></p>
        </article>
    }
}
