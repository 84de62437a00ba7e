//! What the passages report (build time): events and figures with their provenance, the
//! dates and places they name, the countries and organisations (CLDR gazetteer and aliases),
//! each passage's years and countries for the filters, and the Chinese–English alignment of
//! bilingual documents.

pub mod align;
pub mod annotate;
pub mod concepts;
pub mod dates;
pub mod events;
pub mod gazetteer;
