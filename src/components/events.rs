//! Events as the views list them: one row renderer for every list (Explore, a country's
//! events, the passages' own events), and the one-line description the timeline's marks and
//! text list use.

use crate::components::cite::CiteMenu;
use crate::components::labels::{
    concept_name, country_name, organisation_name, partners, PassageLink,
};
use crate::nav::{absolute, use_ui, Link};
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Event};
use milcoop_core::present::cite::reference::Reading;
use milcoop_core::{Route, Ui, Url};

/// The link that opens an event on the timeline, with its sources.
pub fn event_url(e: &Event) -> Url {
    Url {
        route: Route::Timeline(Default::default()),
        event: Some(e.id.clone()),
        ..Url::default()
    }
}

/// One line about an event: what happened (its title), its date, its type and partners.
pub fn describe(data: &Dataset, e: &Event, ui: Ui) -> String {
    let mut parts = vec![
        ui.title(e).to_string(),
        ui.when(e.start, e.end),
        ui.event_type(e.kind).to_string(),
    ];
    let who = partners(data, e, ui);
    if !who.is_empty() {
        parts.push(who);
    }
    parts.join(" · ")
}

/// One event in a list: its type, date, name and partners, and where it was read. Listed
/// under a passage (`here`), it links the *other* passages that report it; elsewhere, its
/// first source.
#[component]
pub fn EventRow(
    data: &'static Dataset,
    event: &'static Event,
    /// The passage the list stands under, if any.
    #[prop(optional)]
    here: Option<u32>,
) -> impl IntoView {
    let ui = use_ui();
    let partners = event
        .countries
        .iter()
        .map(|code| {
            let name = country_name(data, code, ui);
            view! { <abbr class="partner" title=name>{code.clone()}</abbr> }
        })
        .collect_view();
    let organisations = event
        .organisations
        .iter()
        .map(|o| organisation_name(data, o, ui))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="event" data-event-id=event.id.clone() data-type=event.kind.slug()>
            <span class=format!("type-chip type-{}", event.kind.slug())>{ui.event_type(event.kind)}</span>
            <span class="event-title" lang=ui.code()>{ui.title(event).to_string()}</span>
            <span class="event-date">{ui.when(event.start, event.end)}</span>
            {partners}
            {(!organisations.is_empty()).then(|| view! { <span class="organisations">{organisations}</span> })}
            <EntityLinks data=data event=event />
            {match here {
                Some(here) => also_reported(data, event, here, ui).into_any(),
                None => first_source(data, event, ui).into_any(),
            }}
        </li>
    }
}

/// Links to the pages of the series and the mission an event belongs to.
#[component]
pub fn EntityLinks(data: &'static Dataset, event: &'static Event) -> impl IntoView {
    let ui = use_ui();
    let series = event.series.clone().map(|id| {
        let name = concept_name(data, &format!("series:{id}"), ui);
        view! { <Link route=Route::Series(id) class="entity-link">{format!("{} {name}", ui.pick("series:", "系列："))}</Link> }
    });
    let mission = event.mission.clone().map(|id| {
        let name = concept_name(data, &format!("mission:{id}"), ui);
        view! { <Link route=Route::Mission(id) class="entity-link">{format!("{} {name}", ui.pick("mission:", "任务区："))}</Link> }
    });
    view! { {series} {mission} }
}

/// A link to the event's first (most detailed) source.
fn first_source(data: &'static Dataset, event: &Event, ui: Ui) -> impl IntoView {
    event
        .sources
        .first()
        .and_then(|s| data.passages.get(s.passage as usize))
        .map(|p| view! { <Link route=Route::Passage(p.id.clone())>{ui.pick("source", "出处")}</Link> })
}

/// The other passages that report the event, for a list under passage `here`.
fn also_reported(data: &'static Dataset, event: &Event, here: u32, ui: Ui) -> impl IntoView {
    let mut elsewhere: Vec<u32> = event
        .sources
        .iter()
        .map(|s| s.passage)
        .filter(|&p| p != here)
        .collect();
    elsewhere.dedup();
    (!elsewhere.is_empty()).then(|| {
        let sources = elsewhere
            .into_iter()
            .filter_map(|i| data.passages.get(i as usize))
            .map(|p| view! { <li><PassageLink data=data passage=p /></li> })
            .collect_view();
        view! {
            <span class="also">{ui.pick("Also reported in:", "另见：")}</span>
            <ul class="event-sources">{sources}</ul>
        }
    })
}

/// The events a passage reports, listed under it.
#[component]
pub fn PassageEvents(data: &'static Dataset, passage: u32) -> impl IntoView {
    let events: Vec<&'static Event> = data.events_in(passage).collect();
    (!events.is_empty()).then(|| {
        let items = events
            .into_iter()
            .map(|e| view! { <EventRow data=data event=e here=passage /> })
            .collect_view();
        let label = use_ui().pick("Events reported in this passage", "本段报道的事件");
        view! { <ul class="events" aria-label=label>{items}</ul> }
    })
}

/// What the text says of an event, as a definition list: date, partners (and the total the
/// text counts), name, deployment and size, CAMEO code.
#[component]
pub fn EventFacts(data: &'static Dataset, event: &'static Event) -> impl IntoView {
    let ui = use_ui();
    let e = event;
    let who = partners(data, e, ui);
    let who = match (who.is_empty(), e.partner_total) {
        (true, _) => ui.pick("not named in the text", "原文未指明").to_string(),
        (false, Some(n)) if n as usize > e.countries.len() => match ui {
            Ui::En => format!("{who} (of {n} the text counts)"),
            Ui::Zh => format!("{who}（原文共计{n}国）"),
        },
        _ => who,
    };
    let when = match (e.ongoing, ui) {
        (true, Ui::En) => format!("{} (ongoing)", ui.when(e.start, e.end)),
        (true, Ui::Zh) => format!("{}（持续）", ui.when(e.start, e.end)),
        _ => ui.when(e.start, e.end),
    };
    let units = e
        .personnel
        .iter()
        .map(|p| match p.count {
            Some(n) => format!("{} {n}", ui.unit(&p.unit)),
            None => ui.unit(&p.unit).to_string(),
        })
        .collect::<Vec<_>>()
        .join(ui.pick(", ", "，"));
    let cite = move |r: Reading<'static>| r.event(event, &absolute(&event_url(event)));
    view! {
        <dl class="meta">
            <dt>{ui.pick("Date", "日期")}</dt>
            <dd>{when}</dd>
            <dt>{ui.pick("Partners", "合作方")}</dt>
            <dd>{who}</dd>
            {e.name.clone().map(|n| view! { <dt>{ui.pick("Name in the text", "原文名称")}</dt><dd lang="zh">{n}</dd> })}
            {(e.mission.is_some() || e.series.is_some()).then(|| view! {
                <dt>{ui.pick("Belongs to", "所属")}</dt>
                <dd><EntityLinks data=data event=event /></dd>
            })}
            {(!units.is_empty()).then(|| view! { <dt>{ui.pick("Units", "分队")}</dt><dd data-testid="personnel">{units}</dd> })}
            {e.as_of.map(|d| view! { <dt>{ui.pick("As of", "截至")}</dt><dd>{ui.date(d)}</dd> })}
            <dt>{ui.pick("CAMEO code", "CAMEO 代码")}</dt>
            <dd>{e.cameo.clone()}</dd>
        </dl>
        <CiteMenu
            data=data
            reference=cite
            what=ui.pick("this event", "此事件")
            label=ui.pick("Cite this event", "引用此事件")
            testid="cite-event"
        />
    }
}
