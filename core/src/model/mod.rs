//! The dataset the browser receives: documents, their outline and passages, events and
//! figures, and the aliases that keep links published against earlier corpus versions
//! working.
//!
//! These types are shared by the native pipeline (which builds and encodes them) and the
//! wasm view (which only decodes and reads them), so they hold plain data and cheap lookups.

mod concept;
mod dataset;
mod date;
mod excerpt;
mod records;
mod validate;
mod vocab;

pub use concept::*;
pub use dataset::*;
pub use date::*;
pub use excerpt::{excerpt_file_name, ExcerptFiles};
pub use records::*;
pub use vocab::*;
