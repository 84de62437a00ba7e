//! The events a passage reports, shown under it: type, date with its precision, partners,
//! and a link to every passage the event is read from.

use crate::nav::Link;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Event, PartialDate, Precision};
use milcoop_core::Route;

/// A date to its precision, or a range; "undated" when the text gives none.
pub fn when(start: Option<PartialDate>, end: Option<PartialDate>) -> String {
    let one = |d: PartialDate| match d.precision() {
        Precision::Year => format!("{} (year)", d.long_en()),
        Precision::Month => format!("{} (month)", d.long_en()),
        Precision::Day => d.long_en(),
    };
    match (start, end) {
        (Some(s), Some(e)) => format!("{} – {}", s.long_en(), e.long_en()),
        (Some(s), None) => one(s),
        _ => "Undated".to_string(),
    }
}

#[component]
pub fn PassageEvents(data: &'static Dataset, passage: u32) -> impl IntoView {
    let events: Vec<&'static Event> = data.events_in(passage).collect();
    (!events.is_empty()).then(|| {
        let items = events
            .into_iter()
            .map(|e| view! { <EventItem data=data event=e here=passage /> })
            .collect_view();
        view! { <ul class="events" aria-label="Events reported in this passage">{items}</ul> }
    })
}

#[component]
fn EventItem(data: &'static Dataset, event: &'static Event, here: u32) -> impl IntoView {
    let partners = event
        .countries
        .iter()
        .map(|code| {
            let name = data
                .country(code)
                .map(|c| c.en.clone())
                .unwrap_or_else(|| code.clone());
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
            <span class=format!("type-chip type-{}", event.kind.slug())>{event.kind.label()}</span>
            <span class="event-date">{when(event.start, event.end)}</span>
            {event.name.clone().map(|n| view! { <span class="event-name" lang="zh">{n}</span> })}
            {event.name_en.clone().map(|n| view! { <span class="event-name-en" lang="en">{n}</span> })}
            {partners}
            {(!organisations.is_empty()).then(|| view! { <span class="organisations">{organisations}</span> })}
            {also.then(|| view! { <span class="also">"Also reported in:"</span> <ul class="event-sources">{sources}</ul> })}
        </li>
    }
}
