//! The whole pipeline and the `milcoop` command's work (build time): building the dataset
//! from a corpus folder, the integrity check, the JSON export, importing a saved page, and synthetic corpora for the
//! benchmark.

pub mod check;
pub mod export;
pub mod import;
pub mod pipeline;
pub mod score;
pub mod synth;
pub mod version;
