//! What the views compute from the dataset and the URL: which passages and events match
//! the filters (and their live facet counts), full-text search, counts for the statistics,
//! the timeline's layout, and the one compiled sort all of it uses.

pub mod entity;
pub mod expand;
pub mod facts;
pub mod filter;
pub mod notice;
pub mod order;
pub mod search;
pub mod sharded;
pub mod shards;
pub mod stats;
pub mod timeline;
