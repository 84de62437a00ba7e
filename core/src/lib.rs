//! Milcoop's core: everything the explorer knows about its corpus, in plain Rust.
//!
//! The folders follow the pipeline. At build time (feature `build`, on by default, native
//! only) [`ingest`] reads `corpus/` into documents, passages and stable ids, [`extract`]
//! reads events, figures, countries and parallel text from the passages, and [`tools`]
//! runs the whole pipeline and the `milcoop` command's checks, export and benchmarks. What
//! the browser also runs (the web crate links this crate without `build`) is the decoded
//! [`model`], the URL codec ([`route`]), what the views compute from them ([`query`]:
//! filters, search, counts, timeline layout) and how things are written for a reader
//! ([`present`]: interface vocabulary, citations, downloads).

pub mod model;
pub mod present;
pub mod query;
pub mod route;

#[cfg(feature = "build")]
pub mod extract;
#[cfg(feature = "build")]
pub mod ingest;
#[cfg(feature = "build")]
pub mod tools;

pub use model::Dataset;
pub use present::ui::Ui;
pub use route::{Route, Url};
