//! One file per view, plus the pieces several views share.

pub mod countries;
pub mod documents;
pub mod events;
pub mod explore;
pub mod missing;
pub mod preview;
pub mod reader;
pub mod share;
pub mod stats;
pub mod timeline;
