//! Pieces several views share: the filtered-view frame, facets, event rows, figures,
//! labels, lists drawn a page at a time, text highlighting, downloads and citations, and offline use.

pub mod cite;
pub mod events;
pub mod facets;
pub mod figures;
pub mod filtered;
pub mod highlight;
pub mod labels;
pub mod more;
pub mod offline;
pub mod share;
