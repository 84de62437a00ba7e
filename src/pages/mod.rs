//! One file per view.

pub mod documents;
pub mod events;
pub mod explore;
pub mod missing;
pub mod reader;
pub mod timeline;
