//! Milcoop's core: everything the explorer knows about its corpus, in plain Rust.
//!
//! The native half (feature `build`, on by default) reads `corpus/`, segments it into
//! passages, checks that nothing is lost, re-anchors published ids and exports JSON. The
//! always-present half ([`model`], [`route`]) is what the wasm view links: the decoded
//! dataset and the URL-state codec.

pub mod cite;
pub mod filter;
pub mod model;
pub mod order;
pub mod route;
pub mod search;
pub mod stats;
pub mod table;
pub mod timeline;
pub mod ui;

#[cfg(feature = "build")]
pub mod align;
#[cfg(feature = "build")]
pub mod anchor;
#[cfg(feature = "build")]
pub mod check;
#[cfg(feature = "build")]
pub mod dates;
#[cfg(feature = "build")]
pub mod events;
#[cfg(feature = "build")]
pub mod export;
#[cfg(feature = "build")]
pub mod facets;
#[cfg(feature = "build")]
pub mod gazetteer;
#[cfg(feature = "build")]
pub mod header;
#[cfg(feature = "build")]
pub mod ids;
#[cfg(feature = "build")]
pub mod pipeline;
#[cfg(feature = "build")]
pub mod segment;
#[cfg(feature = "build")]
pub mod synth;
#[cfg(feature = "build")]
pub mod text;

pub use model::Dataset;
pub use route::{Route, Url};
pub use ui::Ui;
