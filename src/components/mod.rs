//! Pieces several views share: the filtered-view frame, facets, event rows, figures,
//! labels, text highlighting, and downloads and citations.

pub mod cite;
pub mod events;
pub mod facets;
pub mod figures;
pub mod filtered;
pub mod highlight;
pub mod labels;
pub mod share;
