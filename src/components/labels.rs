//! How the views name things: a country in the interface language, an event's partners, a
//! passage by its document and number.

use crate::nav::Link;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, Event, Passage};
use milcoop_core::{Route, Ui};

/// A partner country's name in the interface language, or its code if the corpus has none.
pub fn country_name(data: &Dataset, code: &str, ui: Ui) -> String {
    data.country(code)
        .map_or_else(|| code.to_string(), |c| ui.pick(&c.en, &c.zh).to_string())
}

/// An organisation's name in the interface language (上合组织 for SCO), else its code.
pub fn organisation_name(data: &Dataset, code: &str, ui: Ui) -> String {
    data.concept(&format!("organisation:{code}"))
        .map_or_else(|| code.to_string(), |c| c.label(ui == Ui::Zh).to_string())
}

/// The partners of an event, named, with their codes: "Russia (RU), ASEAN".
pub fn partners(data: &Dataset, e: &Event, ui: Ui) -> String {
    e.countries
        .iter()
        .map(|c| format!("{} ({c})", country_name(data, c, ui)))
        .chain(
            e.organisations
                .iter()
                .map(|o| organisation_name(data, o, ui)),
        )
        .collect::<Vec<_>>()
        .join(", ")
}

/// A series' or mission's name in the interface language (`series:golden-dragon`).
pub fn concept_name(data: &Dataset, id: &str, ui: Ui) -> String {
    data.concept(id).map_or_else(
        || id.split_once(':').map_or(id, |(_, k)| k).to_string(),
        |c| c.label(ui == Ui::Zh).to_string(),
    )
}

/// A passage as a reader cites it: its document's title and its number, "… ¶12".
pub fn passage_label(data: &Dataset, p: &Passage) -> String {
    let title = data
        .documents
        .get(p.doc as usize)
        .map_or("", |d| d.title.as_str());
    format!("{title} ¶{}", p.index)
}

/// A link to a passage, labelled with [`passage_label`].
#[component]
pub fn PassageLink(data: &'static Dataset, passage: &'static Passage) -> impl IntoView {
    view! { <Link route=Route::Passage(passage.id.clone())>{passage_label(data, passage)}</Link> }
}

/// The language a name is written in, for its `lang`: Chinese if it has a Han character.
pub fn script_lang(name: &str) -> &'static str {
    if name.chars().any(milcoop_core::query::search::is_han) {
        "zh"
    } else {
        "en"
    }
}

/// Names in either script as one list, each marked with its language, so a screen reader
/// reads each in its own and the Chinese interface knows an English name for a name.
pub fn names_list(names: &[&str], ui: Ui) -> impl IntoView {
    let sep = ui.pick(", ", "、");
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            view! { {(i > 0).then_some(sep)}<span lang=script_lang(n)>{n.to_string()}</span> }
        })
        .collect_view()
}

/// An ARIA state (`aria-pressed`, `aria-expanded`) as the attribute spells it.
pub fn aria_bool(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// Where a document's metadata comes from (its header's note), in the interface language
/// when the corpus gives the note in it, with the language it is written in.
pub fn document_note(
    doc: &milcoop_core::model::Document,
    ui: Ui,
) -> Option<(String, &'static str)> {
    match (ui, &doc.note_zh) {
        (Ui::Zh, Some(zh)) => Some((zh.clone(), "zh")),
        _ => doc.note.clone().map(|n| (n, "en")),
    }
}
