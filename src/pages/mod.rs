//! One file (or folder) per route; the pieces several routes share are in `components`.

pub mod countries;
pub mod documents;
pub mod entity;
pub mod explore;
pub mod missing;
pub mod preview;
pub mod reader;
pub mod stats;
pub mod timeline;
