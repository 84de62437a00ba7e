//! One file per view.

pub mod documents;
pub mod missing;
pub mod reader;
