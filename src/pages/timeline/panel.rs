//! The opened event (`event=` in the URL): its type, name, date and partners, and every
//! passage it is read from with the exact quote.

use super::TimelineState;
use crate::components::events::EventFacts;
use crate::components::labels::PassageLink;
use crate::nav::use_ui;
use leptos::prelude::*;

#[component]
pub(super) fn EventPanel(state: TimelineState) -> impl IntoView {
    let ui = use_ui();
    let data = state.data;
    move || {
        let id = state.selected.get()?;
        let Some(e) = data.event(&id) else {
            return Some(
                view! {
                    <p class="notice" role="status" data-testid="event-notice">
                        {format!("{} event={id}", ui.pick("No such event:", "没有此事件："))}
                    </p>
                }
                .into_any(),
            );
        };
        let sources = e
            .sources
            .iter()
            .filter_map(|s| Some((data.passages.get(s.passage as usize)?, s)))
            .map(|(p, s)| {
                view! {
                    <li>
                        <PassageLink data=data passage=p />
                        <blockquote lang=p.lang.code()>{move || crate::on_demand::source_quote(data, s)}</blockquote>
                    </li>
                }
            })
            .collect_view();
        Some(
            view! {
                <section class="event-panel" data-testid="event-panel" data-event-id=e.id.clone() aria-labelledby="event-title">
                    <h2 id="event-title">
                        <span class=format!("type-chip type-{}", e.kind.slug())>{ui.event_type(e.kind)}</span>
                        " "
                        <span class="event-title" data-testid="event-title">{ui.title(e).to_string()}</span>
                    </h2>
                    <EventFacts data=data event=e />
                    <h3>{ui.pick("Sources", "出处")}</h3>
                    <ul class="event-sources" data-testid="event-sources">{sources}</ul>
                    <button type="button" on:click=move |_| state.open(None)>{ui.pick("Close", "关闭")}</button>
                </section>
            }
            .into_any(),
        )
    }
}
