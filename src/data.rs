//! The dataset embedded in the page at build time (see `build.rs`), decoded once on first use.

use milcoop_core::Dataset;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));
static DATASET: OnceLock<Result<Dataset, String>> = OnceLock::new();

/// The corpus, or why it could not be read (shown in the page rather than panicking).
pub fn dataset() -> Result<&'static Dataset, &'static str> {
    DATASET
        .get_or_init(|| Dataset::decode(BYTES).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(String::as_str)
}
