//! Milcoop's web view: a thin layer of Leptos components over `milcoop-core`.
//!
//! `main.rs` mounts [`App`]; this file only composes. [`boot`] gets the corpus (and a deep
//! link's preview) to the page, [`explorer`] frames every view and picks the one the URL
//! asks for, [`lazy`] fetches the views that live in wasm chunks. Views are in [`pages`]
//! (one file per route), the pieces several views share in [`components`]. Domain logic
//! stays in `milcoop-core`.

pub mod boot;
pub mod components;
pub mod data;
pub mod explorer;
pub mod gestures;
pub mod lazy;
pub mod nav;
pub mod on_demand;
pub mod page;
pub mod pages;
pub mod perf;
pub mod update;
pub mod xlsx;

pub use boot::App;
pub use explorer::Explorer;
