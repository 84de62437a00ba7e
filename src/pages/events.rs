//! The events a passage reports, shown under it: type, date with its precision, partners,
//! and a link to every passage the event is read from.

use crate::nav::{use_ui, Link};
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Event};
use milcoop_core::{Route, Ui};

/// A partner country's name in the interface language, or its code if the corpus has none.
pub fn country_name(data: &Dataset, code: &str, ui: Ui) -> String {
    data.country(code)
        .map_or_else(|| code.to_string(), |c| ui.pick(&c.en, &c.zh).to_string())
}

/// The partners of an event, named, with their codes: "Russia (RU), ASEAN".
pub fn partners(data: &Dataset, e: &Event, ui: Ui) -> String {
    e.countries
        .iter()
        .map(|c| format!("{} ({c})", country_name(data, c, ui)))
        .chain(e.organisations.iter().cloned())
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
pub fn PassageEvents(data: &'static Dataset, passage: u32) -> impl IntoView {
    let events: Vec<&'static Event> = data.events_in(passage).collect();
    (!events.is_empty()).then(|| {
        let items = events
            .into_iter()
            .map(|e| view! { <EventItem data=data event=e here=passage /> })
            .collect_view();
        let label = use_ui().pick("Events reported in this passage", "本段报道的事件");
        view! { <ul class="events" aria-label=label>{items}</ul> }
    })
}

#[component]
fn EventItem(data: &'static Dataset, event: &'static Event, here: u32) -> impl IntoView {
    let ui = use_ui();
    let partners = event
        .countries
        .iter()
        .map(|code| {
            let name = country_name(data, code, ui);
            view! { <abbr class="partner" title=name>{code.clone()}</abbr> }
        })
        .collect_view();
    let organisations = event.organisations.join(", ");
    let mut elsewhere: Vec<u32> = event
        .sources
        .iter()
        .map(|s| s.passage)
        .filter(|&p| p != here)
        .collect();
    elsewhere.dedup();
    let also = !elsewhere.is_empty();
    let sources = elsewhere
        .into_iter()
        .map(|i| {
            let p = &data.passages[i as usize];
            let doc = &data.documents[p.doc as usize];
            view! {
                <li>
                    <Link route=Route::Passage(p.id.clone())>
                        {format!("{} ¶{}", doc.title, p.index)}
                    </Link>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="event" data-event-id=event.id.clone() data-type=event.kind.slug()>
            <span class=format!("type-chip type-{}", event.kind.slug())>{ui.event_type(event.kind)}</span>
            <span class="event-date">{ui.when(event.start, event.end)}</span>
            {event.name.clone().map(|n| view! { <span class="event-name" lang="zh">{n}</span> })}
            {event.name_en.clone().map(|n| view! { <span class="event-name-en" lang="en">{n}</span> })}
            {partners}
            {(!organisations.is_empty()).then(|| view! { <span class="organisations">{organisations}</span> })}
            {also.then(|| view! { <span class="also">{ui.pick("Also reported in:", "另见：")}</span> <ul class="event-sources">{sources}</ul> })}
        </li>
    }
}
