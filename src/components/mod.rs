//! Pieces several views share.
