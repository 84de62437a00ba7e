//! The timeline as text: the dated events of the visible window in date order (the chart's
//! text equivalent), and the undated events, which the chart cannot place.

use super::TimelineState;
use crate::components::events::describe;
use crate::components::more::{use_show_more, Listed, UseShowMore};
use crate::nav::use_ui;
use leptos::prelude::*;
use milcoop_core::model::Event;
use milcoop_core::query::order;

/// Events the list draws at first, and at each "Show more".
const PAGE: usize = 100;

#[component]
pub(super) fn TimelineText(state: TimelineState) -> impl IntoView {
    let ui = use_ui();
    let data = state.data;
    let in_window = Memo::new(move |_| {
        let mut shown = state.filters.derived(state.events, Clone::clone);
        let window = state.range.get();
        shown.retain(|&i| {
            let e = &data.events[i as usize];
            e.start.is_some_and(|s| window.overlaps(s, e.end))
        });
        order::sort_by_key(&mut shown, |&i| (data.events[i as usize].start, i));
        shown
    });
    let (dated, more) = paged(state, in_window, "timeline-list-more");
    let undated_list = Memo::new(move |_| {
        state.filters.derived(state.events, |events| {
            let undated = |&&i: &&u32| data.events[i as usize].start.is_none();
            events.iter().filter(undated).copied().collect::<Vec<u32>>()
        })
    });
    let (undated, more_undated) = paged(state, undated_list, "undated-more");
    // On a phone the list is the timeline (the chart is hidden there; docs/views.md).
    let narrow = window()
        .match_media("(max-width: 40rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    view! {
        <details class="as-text" open=narrow>
            <summary>{ui.pick("The timeline as a list", "以列表显示时间线")}</summary>
            <ol data-testid="timeline-list">{dated}</ol>
            {more.button}
        </details>
        <section class="undated" aria-labelledby="undated-title">
            <h2 id="undated-title">{ui.pick("Undated", "日期不详")}</h2>
            <p class="hint">{ui.pick("Events the text gives no date for; they are not placed on the timeline.", "原文未给出日期的事件，不放在时间线上。")}</p>
            <ul data-testid="undated">{undated}</ul>
            {more_undated.button}
        </section>
    }
}

/// The events of `list` as lines of text, [`PAGE`] at a time, and the "Show more" that
/// draws the next page.
fn paged(
    state: TimelineState,
    list: Memo<Vec<u32>>,
    testid: &'static str,
) -> (impl Fn() -> AnyView + Copy, UseShowMore) {
    let total = Signal::derive(move || list.with(Vec::len));
    let events = Listed {
        en: "events",
        zh: "个事件",
    };
    let more = use_show_more(total, PAGE, events, testid);
    let shown = more.shown;
    let items = move || {
        let n = shown.get();
        list.with(|list| {
            list.iter()
                .take(n)
                .map(|&i| view! { <EventItem state=state event=&state.data.events[i as usize] /> })
                .collect_view()
                .into_any()
        })
    };
    (items, more)
}

/// An event as a line of text that opens it on the timeline.
#[component]
fn EventItem(state: TimelineState, event: &'static Event) -> impl IntoView {
    let ui = use_ui();
    let mut url = state.url_of(Some(event.id.clone()));
    url.ui = ui.in_url();
    let id = event.id.clone();
    let open = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        state.open(Some(id.clone()));
    };
    view! {
        <li data-event-id=event.id.clone()>
            <a href=url.to_query() on:click=open>{describe(state.data, event, ui)}</a>
        </li>
    }
}
