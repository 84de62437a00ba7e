//! The Explore view's facets: one component per kind of filter, each listing its values with
//! live counts (each count with every *other* filter applied, `filter::Facets`) and editing
//! the filters through [`UseFilters`].

use crate::components::filtered::UseFilters;
use crate::components::labels::{aria_bool, country_name};
use crate::nav::use_ui;
use leptos::prelude::*;
use milcoop_core::model::{Dataset, EventType, Lang};
use milcoop_core::query::filter::{CountryMode, Results};
use milcoop_core::query::order;
use milcoop_core::Ui;
use std::collections::HashMap;

/// How many documents the document facet lists before "show all".
const DOCS_SHOWN: usize = 12;
/// How many countries the country facet lists before "show all" (the most frequent; the
/// selected ones always).
const COUNTRIES_SHOWN: usize = 20;

/// The facets. On a narrow screen they are a sheet over the results, opened by the
/// "Filters (n)" button (`open`) and closed by its "Show results" button.
#[component]
pub fn Facets(
    data: &'static Dataset,
    results: Memo<Results>,
    filters: UseFilters,
    open: RwSignal<bool>,
) -> impl IntoView {
    let ui = use_ui();
    let shown = move || results.with(|r| r.passages.len());
    view! {
        <aside id="facets" class="facets" class:open=move || open.get() aria-label=ui.pick("Filters", "筛选") data-testid="facets">
            <div class="sheet-head">
                <button type="button" class="sheet-done" data-testid="filters-done" on:click=move |_| open.set(false)>
                    {move || match ui {
                        Ui::En => format!("Show {} passages", shown()),
                        Ui::Zh => format!("显示 {} 段", shown()),
                    }}
                </button>
            </div>
            <YearFacet data=data results=results filters=filters />
            <TypeFacet results=results filters=filters />
            <CountryFacet data=data results=results filters=filters />
            <DocFacet data=data results=results filters=filters />
            <LangFacet results=results filters=filters />
        </aside>
    }
}

/// Years as a histogram of buttons: a click shows one year, a shift-click extends the
/// range; with "Range" pressed, two taps choose the first and the last year (touch has no
/// shift key).
#[component]
fn YearFacet(data: &'static Dataset, results: Memo<Results>, filters: UseFilters) -> impl IntoView {
    let ui = use_ui();
    // `Some(None)`: range mode, waiting for the first tap; `Some(Some(y))`: for the last.
    let ranging = RwSignal::new(None::<Option<u16>>);
    let tap = move |y: u16, shift: bool| match ranging.get_untracked() {
        Some(None) => {
            ranging.set(Some(Some(y)));
            filters.edit(|f| f.select_range(y, y));
        }
        Some(Some(first)) => {
            ranging.set(None);
            filters.edit(|f| f.select_range(first, y));
        }
        None => filters.edit(|f| f.select_year(y, shift)),
    };
    // Every year of the corpus, at zero when nothing matches: rows that come and go with
    // each keystroke made the histogram jump and cost Explore most of its drawing.
    let rows = Memo::new(move |_| {
        let selected = filters.filters.with(|f| f.years);
        filters.derived(results, |r| {
            let counts = &r.facets.years;
            let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
            data.facts()
                .years
                .iter()
                .map(|&y| {
                    let n = counts
                        .binary_search_by_key(&y, |&(year, _)| year)
                        .map_or(0, |i| counts[i].1);
                    let on = selected.is_some_and(|(a, b)| (a..=b).contains(&y));
                    let width = if n == 0 { 0 } else { (n * 100 / max).max(4) };
                    (y, Row { n, on, width })
                })
                .collect::<Vec<_>>()
        })
    });
    let year_row = move |y: u16, row: Row, nodes: RowNodes| {
        let click = move |ev: leptos::ev::MouseEvent| tap(y, ev.shift_key());
        // An SVG bar rather than a style attribute: the site runs under a strict
        // Content-Security-Policy (no inline styles).
        view! {
            <li>
                <button type="button" class="year" class:none=row.n == 0 aria-pressed=aria_bool(row.on) data-year=y on:click=click node_ref=nodes.year>
                    <span class="year-label">{y}</span>
                    <svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                        <rect width=row.width height=6 rx=1 node_ref=nodes.bar />
                    </svg>
                    <span class="count" node_ref=nodes.count>{row.n}</span>
                </button>
            </li>
        }
    };
    let range_help = move || match ranging.get() {
        None => ui.pick(
            "Click a year; shift-click, or Range then two taps, for a range.",
            "点击年份；按住 Shift 点击，或先按“范围”再点两个年份，可选范围。",
        ),
        Some(None) => ui.pick("Tap the first year of the range.", "请点击范围的起始年份。"),
        Some(Some(_)) => ui.pick("Now tap the last year.", "请点击范围的结束年份。"),
    };
    view! {
        <fieldset>
            <legend>{ui.pick("Year", "年份")}</legend>
            <p class="facet-help" role="status">{range_help}</p>
            <button
                type="button"
                class="year-range"
                data-testid="year-range"
                aria-pressed=move || aria_bool(ranging.get().is_some())
                on:click=move |_| ranging.update(|r| *r = if r.is_some() { None } else { Some(None) })
            >
                {ui.pick("Range", "范围")}
            </button>
            <ul class="years" data-testid="year-histogram">{keyed_rows(rows, year_row)}</ul>
        </fieldset>
    }
}

#[component]
fn TypeFacet(results: Memo<Results>, filters: UseFilters) -> impl IntoView {
    let ui = use_ui();
    // Every type is always listed (with 0 where none matches).
    let rows = Memo::new(move |_| {
        let selected = filters.filters.with(|f| f.types.clone());
        filters.derived(results, |r| {
            EventType::ALL
                .into_iter()
                .map(|t| {
                    let n = r
                        .facets
                        .types
                        .iter()
                        .find(|(k, _)| *k == t)
                        .map_or(0, |(_, n)| *n);
                    (
                        t,
                        Row {
                            n,
                            on: selected.contains(&t),
                            width: 0,
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let type_row = move |t: EventType, row: Row, nodes: RowNodes| {
        view! {
            <li>
                <label>
                    <input
                        type="checkbox"
                        data-type=t.slug()
                        prop:checked=row.on
                        node_ref=nodes.check
                        on:change=move |_| filters.edit(|f| f.toggle_type(t))
                    />
                    <span class=format!("type-chip type-{}", t.slug())>{ui.event_type(t)}</span>
                    <span class="count" node_ref=nodes.count>{row.n}</span>
                </label>
            </li>
        }
    };
    view! {
        <fieldset>
            <legend>{ui.pick("Type of event", "事件类型")}</legend>
            <ul>{keyed_rows(rows, type_row)}</ul>
        </fieldset>
    }
}

#[component]
fn CountryFacet(
    data: &'static Dataset,
    results: Memo<Results>,
    filters: UseFilters,
) -> impl IntoView {
    let ui = use_ui();
    let all_countries = RwSignal::new(false);
    let total = Memo::new(move |_| filters.derived(results, |r| r.facets.countries.len()));
    // The facet lists countries by count, so the list reorders as the counts change; a
    // score of rows keeps that cheap, and "show all" lists the rest.
    let rows = Memo::new(move |_| {
        let selected = filters.filters.with(|f| f.countries.clone());
        let all = all_countries.get();
        filters.derived(results, |r| {
            r.facets
                .countries
                .iter()
                .enumerate()
                .filter(|(rank, (c, _))| all || *rank < COUNTRIES_SHOWN || selected.contains(c))
                .map(|(_, (c, n))| {
                    (
                        c.clone(),
                        Row {
                            n: *n,
                            on: selected.contains(c),
                            width: 0,
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let more = move || {
        let n = total.get();
        (!all_countries.get() && n > COUNTRIES_SHOWN).then(|| {
            let label = match ui {
                Ui::En => format!("Show all {n} countries"),
                Ui::Zh => format!("显示全部 {n} 个国家"),
            };
            view! {
                <li>
                    <button type="button" class="show-all" data-testid="countries-all" on:click=move |_| all_countries.set(true)>{label}</button>
                </li>
            }
        })
    };
    let label = move |code: &String| SlotLabel {
        value: code.clone(),
        texts: [code.clone(), country_name(data, code, ui)],
    };
    let country_row = move |slot: SlotKey<String>, label: SlotLabel, row: Row, nodes: RowNodes| {
        view! {
            <li>
                <label>
                    <input
                        type="checkbox"
                        data-country=label.value.clone()
                        prop:checked=row.on
                        node_ref=nodes.check
                        on:change=move |_| {
                            if let Some(code) = slot.get() {
                                filters.edit(|f| f.toggle_country(&code));
                            }
                        }
                    />
                    <span class="code" node_ref=nodes.texts[0]>{label.texts[0].clone()}</span>
                    " "
                    <span node_ref=nodes.texts[1]>{label.texts[1].clone()}</span>
                    <span class="count" node_ref=nodes.count>{row.n}</span>
                </label>
            </li>
        }
    };
    let option = move |value: CountryMode, label: &'static str, slug: &'static str| {
        view! {
            <label>
                <input
                    type="radio"
                    name="cmode"
                    data-cmode=slug
                    prop:checked=move || filters.filters.with(|f| f.country_mode == value)
                    on:change=move |_| filters.edit(|f| f.country_mode = value)
                />
                {label}
            </label>
        }
    };
    let mode = view! {
        <div class="country-mode" role="radiogroup" aria-label=ui.pick("Count a country as", "国家的计算方式")>
            {option(CountryMode::Partner, ui.pick("Partner in an event", "事件中的合作方"), "partner")}
            {option(CountryMode::Named, ui.pick("Named in the text", "原文提及"), "named")}
        </div>
    };
    view! {
        <fieldset>
            <legend>{ui.pick("Country", "国家")}</legend>
            {mode}
            <ul class="countries">{slotted_rows(rows, "data-country", label, country_row)} {more}</ul>
        </fieldset>
    }
}

/// Documents, with the most matching passages first and only a dozen of them (the selected
/// ones always) until the reader asks for all: the facet is redrawn on every keystroke, and
/// at hundreds of documents it was most of it.
#[component]
fn DocFacet(data: &'static Dataset, results: Memo<Results>, filters: UseFilters) -> impl IntoView {
    let ui = use_ui();
    let all_docs = RwSignal::new(false);
    let counts = Memo::new(move |_| filters.derived(results, |r| r.facets.docs.clone()));
    // The documents listed, in order, each with its count: at most a dozen (the selected
    // ones always) unless the reader asked for all.
    let rows = Memo::new(move |_| {
        let mut all = vec![0usize; data.documents.len()];
        counts.with(|c| {
            for &(d, n) in c {
                if let Some(slot) = all.get_mut(d as usize) {
                    *slot = n;
                }
            }
        });
        let cut = !all_docs.get() && data.documents.len() > DOCS_SHOWN;
        filters.filters.with(|f| {
            let row = |d: u32| {
                let on = f.docs.contains(&data.documents[d as usize].id);
                (
                    d,
                    Row {
                        n: all[d as usize],
                        on,
                        width: 0,
                    },
                )
            };
            if !cut {
                return (0..all.len() as u32).map(row).collect::<Vec<_>>();
            }
            let order =
                order::permutation(all.len(), &|a, b| all[b as usize].cmp(&all[a as usize]));
            order
                .into_iter()
                .enumerate()
                .filter(|&(rank, d)| {
                    rank < DOCS_SHOWN || f.docs.contains(&data.documents[d as usize].id)
                })
                .map(|(_, d)| row(d))
                .collect()
        })
    });
    let label = move |&d: &u32| {
        let doc = &data.documents[d as usize];
        SlotLabel {
            value: doc.id.clone(),
            texts: [doc.title.clone(), String::new()],
        }
    };
    let doc_row = move |slot: SlotKey<u32>, label: SlotLabel, row: Row, nodes: RowNodes| {
        view! {
            <li>
                <label>
                    <input
                        type="checkbox"
                        data-doc=label.value.clone()
                        prop:checked=row.on
                        node_ref=nodes.check
                        on:change=move |_| {
                            if let Some(d) = slot.get() {
                                filters.edit(|f| f.toggle_doc(&data.documents[d as usize].id));
                            }
                        }
                    />
                    <span lang="zh" node_ref=nodes.texts[0]>{label.texts[0].clone()}</span>
                    <span class="count" node_ref=nodes.count>{row.n}</span>
                </label>
            </li>
        }
    };
    let more = move || {
        (!all_docs.get() && data.documents.len() > DOCS_SHOWN).then(|| {
            let label = match ui {
                Ui::En => format!("Show all {} documents", data.documents.len()),
                Ui::Zh => format!("显示全部 {} 份文献", data.documents.len()),
            };
            view! {
                <li>
                    <button type="button" class="show-all" on:click=move |_| all_docs.set(true)>{label}</button>
                </li>
            }
        })
    };
    view! {
        <fieldset>
            <legend>{ui.pick("Document", "文献")}</legend>
            <ul>{slotted_rows(rows, "data-doc", label, doc_row)} {more}</ul>
        </fieldset>
    }
}

#[component]
fn LangFacet(results: Memo<Results>, filters: UseFilters) -> impl IntoView {
    let ui = use_ui();
    let counts = Memo::new(move |_| filters.derived(results, |r| r.facets.langs.clone()));
    let option = move |value: Option<Lang>, label: &'static str| {
        let n = move || {
            let l = value?;
            counts.with(|c| c.iter().find(|(k, _)| *k == l).map(|(_, n)| *n))
        };
        view! {
            <label>
                <input
                    type="radio"
                    name="lang"
                    data-lang=value.map_or("all", |l| l.code())
                    prop:checked=move || filters.filters.with(|f| f.lang == value)
                    on:change=move |_| filters.edit(|f| f.lang = value)
                />
                {label}
                {move || n().map(|n| view! { <span class="count">{n}</span> })}
            </label>
        }
    };
    let langs = view! {
        {option(None, ui.pick("Both", "全部"))}
        {option(Some(Lang::Zh), ui.lang(Lang::Zh))}
        {option(Some(Lang::En), ui.lang(Lang::En))}
    };
    view! {
        <fieldset>
            <legend>{ui.pick("Language", "语言")}</legend>
            {langs}
        </fieldset>
    }
}

/// What one facet row shows that changes: its count, whether it is selected, and (for a
/// year's bar) its width in hundredths of the longest.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Row {
    n: usize,
    on: bool,
    width: usize,
}

/// The elements of a facet row that change with the counts: its count, its checkbox (or,
/// for a year, its button) and a year's bar. A row fills in those it has.
#[derive(Clone, Copy)]
struct RowNodes {
    count: NodeRef<leptos::html::Span>,
    check: NodeRef<leptos::html::Input>,
    year: NodeRef<leptos::html::Button>,
    bar: NodeRef<leptos::svg::Rect>,
    /// A slot's label ([`slotted_rows`]): the texts that name its value.
    texts: [NodeRef<leptos::html::Span>; 2],
}

impl RowNodes {
    fn new() -> RowNodes {
        RowNodes {
            count: NodeRef::new(),
            check: NodeRef::new(),
            year: NodeRef::new(),
            bar: NodeRef::new(),
            texts: [NodeRef::new(), NodeRef::new()],
        }
    }

    /// The elements, once the row is in the page (taken once: each read of a `NodeRef` is
    /// a read of a signal and a new handle to the element).
    fn elements(&self) -> Option<RowElements> {
        let count = self.count.get_untracked()?;
        Some(RowElements {
            // The text node itself, so the span keeps its one child.
            text: count.first_child(),
            count,
            check: self.check.get_untracked(),
            year: self.year.get_untracked(),
            bar: self.bar.get_untracked().map(Into::into),
            texts: self.texts.map(|t| t.get_untracked()),
        })
    }
}

/// A row's elements, as [`RowNodes`] found them.
struct RowElements {
    count: web_sys::HtmlSpanElement,
    text: Option<web_sys::Node>,
    check: Option<web_sys::HtmlInputElement>,
    year: Option<web_sys::HtmlButtonElement>,
    bar: Option<web_sys::Element>,
    texts: [Option<web_sys::HtmlSpanElement>; 2],
}

impl RowElements {
    /// Writes into the row's elements what differs between `old` and `new`.
    fn patch(&self, old: Row, new: Row) {
        if old.n != new.n {
            let n = new.n.to_string();
            match &self.text {
                Some(text) => text.set_node_value(Some(&n)),
                None => self.count.set_text_content(Some(&n)),
            }
        }
        if let Some(check) = &self.check {
            check.set_checked(new.on);
        }
        if let Some(year) = &self.year {
            if old.on != new.on {
                let _ = year.set_attribute("aria-pressed", aria_bool(new.on));
            }
            if (old.n == 0) != (new.n == 0) {
                let _ = year.class_list().toggle_with_force("none", new.n == 0);
            }
        }
        if let Some(bar) = self.bar.as_ref().filter(|_| old.width != new.width) {
            let _ = bar.set_attribute("width", &new.width.to_string());
        }
    }

    /// Writes a slot's new label: its texts and its checkbox's `attr`.
    fn relabel(&self, attr: &str, label: &SlotLabel) {
        for (span, text) in self.texts.iter().zip(&label.texts) {
            if let Some(span) = span {
                span.set_text_content(Some(text));
            }
        }
        if let Some(check) = &self.check {
            let _ = check.set_attribute(attr, &label.value);
        }
    }
}

/// What a facet list knows of a row it shows: what it shows, and where.
struct Shown {
    row: Row,
    nodes: RowNodes,
    elements: Option<RowElements>,
}

/// A facet's rows as a keyed list: a row stays in the page while its value is listed, and
/// one effect writes what changed in each row straight into its elements ([`RowNodes`]).
/// Redrawing every row on every keystroke was most of an interaction's DOM work at 100×
/// the corpus; a signal per row, with an effect per count, bar and checkbox, still made
/// the facets half of a keystroke's cost, as each effect is a task of its own.
fn keyed_rows<K, V>(
    rows: Memo<Vec<(K, Row)>>,
    row: impl Fn(K, Row, RowNodes) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    K: Clone + Eq + std::hash::Hash + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let shown: StoredValue<HashMap<K, Shown>, LocalStorage> =
        StoredValue::new_local(HashMap::new());
    Effect::new(move |_| {
        rows.with(|rs| {
            shown.update_value(|m| {
                let listed: std::collections::HashSet<&K> = rs.iter().map(|(k, _)| k).collect();
                m.retain(|k, _| listed.contains(k));
                for (k, new) in rs {
                    let Some(s) = m.get_mut(k).filter(|s| s.row != *new) else {
                        continue;
                    };
                    if s.elements.is_none() {
                        s.elements = s.nodes.elements();
                    }
                    if let Some(elements) = &s.elements {
                        elements.patch(s.row, *new);
                        s.row = *new;
                    }
                }
            })
        });
    });
    view! {
        <For
            each=move || rows.get()
            key=|(k, _)| k.clone()
            children=move |(k, r)| {
                let nodes = RowNodes::new();
                shown.update_value(|m| {
                    let elements = None;
                    m.insert(k.clone(), Shown { row: r, nodes, elements });
                });
                row(k, r, nodes)
            }
        />
    }
}

/// What a slot shows of the value it holds: the value for its checkbox's data attribute,
/// and up to two texts (a country's code and name, a document's title).
struct SlotLabel {
    value: String,
    texts: [String; 2],
}

/// Which slot of [`slotted_rows`] a row is, to find the value it holds when clicked.
struct SlotKey<K: Send + Sync + 'static> {
    index: usize,
    keys: StoredValue<Vec<K>>,
}

impl<K: Clone + Send + Sync + 'static> SlotKey<K> {
    /// The value the slot holds now (it changes with the counts).
    fn get(&self) -> Option<K> {
        self.keys.with_value(|k| k.get(self.index).cloned())
    }
}

impl<K: Send + Sync + 'static> Clone for SlotKey<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Send + Sync + 'static> Copy for SlotKey<K> {}

/// A facet ranked by count (countries, documents) as a list of slots: the first row always
/// shows the most frequent value, whichever that is, and one effect writes a slot's new
/// value, label, count and check into its elements. Keyed by value, a keystroke removed and
/// drew most of these rows again (twenty countries, a dozen documents at 100× the corpus).
fn slotted_rows<K, V>(
    rows: Memo<Vec<(K, Row)>>,
    attr: &'static str,
    label: impl Fn(&K) -> SlotLabel + Clone + Send + Sync + 'static,
    row: impl Fn(SlotKey<K>, SlotLabel, Row, RowNodes) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    K: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let keys = StoredValue::new(Vec::<K>::new());
    let shown: StoredValue<Vec<Option<(K, Shown)>>, LocalStorage> =
        StoredValue::new_local(Vec::new());
    let relabel = label.clone();
    Effect::new(move |_| {
        rows.with(|rs| {
            keys.set_value(rs.iter().map(|(k, _)| k.clone()).collect());
            shown.update_value(|slots| {
                slots.truncate(rs.len());
                for ((k, new), slot) in rs.iter().zip(slots.iter_mut()) {
                    let Some((key, s)) = slot.as_mut() else {
                        continue;
                    };
                    if *key == *k && s.row == *new {
                        continue;
                    }
                    if s.elements.is_none() {
                        s.elements = s.nodes.elements();
                    }
                    let Some(elements) = &s.elements else {
                        continue;
                    };
                    if *key != *k {
                        elements.relabel(attr, &relabel(k));
                        *key = k.clone();
                    }
                    elements.patch(s.row, *new);
                    s.row = *new;
                }
            })
        });
    });
    view! {
        <For
            each=move || 0..rows.with(Vec::len)
            key=|&i| i
            children=move |index| {
                let (k, r) = rows.with_untracked(|rs| rs.get(index).cloned())?;
                let nodes = RowNodes::new();
                shown.update_value(|slots| {
                    if slots.len() <= index {
                        slots.resize_with(index + 1, || None);
                    }
                    slots[index] = Some((k.clone(), Shown { row: r, nodes, elements: None }));
                });
                keys.update_value(|ks| {
                    if ks.len() <= index {
                        ks.resize(index + 1, k.clone());
                    }
                    ks[index] = k.clone();
                });
                Some(row(SlotKey { index, keys }, label(&k), r, nodes))
            }
        />
    }
}
