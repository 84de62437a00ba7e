//! From source files to passages (build time): corpus headers, segmentation into passages
//! (omissions, headings, layout breaks), character helpers, web pages' date stamps, content-derived passage ids and
//! the re-anchoring of ids published against earlier corpus versions.

pub mod anchor;
pub mod header;
pub mod ids;
pub mod segment;
pub mod stamp;
pub mod text;
