//! How things are written for a reader: the interface vocabulary in both languages,
//! citations, and the downloadable tables.

pub mod cite;
pub mod table;
pub mod ui;
