//! Sorting for the code that runs in the browser, through one compiled copy of the sort.
//!
//! Every `sort_by` with a new element type or comparator compiles its own copy of the
//! standard library's sort, 1–5 KB of wasm apiece, and the views and filters had over
//! twenty of them. Here the sorting itself happens on `u32` positions with a comparator
//! behind a reference, so the page carries a single copy however many call sites there
//! are; only the small step that moves the items into place is generic. Build-time code
//! (the pipeline) keeps the standard sorts: none of it reaches the wasm.
//!
//! The order is stable, like `slice::sort_by`.

use std::cmp::Ordering;

/// Positions `0..len`, stably ordered by `cmp`.
// Not inlined: inlined, LLVM clones the sort to specialise it for the caller's comparator.
#[inline(never)]
pub fn permutation(len: usize, cmp: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = permutation(items.len(), &|a, b| {
        cmp(&items[a as usize], &items[b as usize])
    });
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i as usize].take()));
}

/// Sorts `items` stably by the key `key` gives each.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` and drops repeated values.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
    items.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Same order as the standard stable sort, ties included (the key is only the
        /// first field, so equal keys keep their original order).
        #[test]
        fn agrees_with_the_standard_stable_sort(v in prop::collection::vec((0u8..8, any::<u32>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v;
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sort_dedup_matches_sort_then_dedup(v in prop::collection::vec(any::<i16>(), 0..200)) {
            let mut ours = v.clone();
            sort_dedup(&mut ours);
            let mut std = v;
            std.sort();
            std.dedup();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn moves_owned_items_without_cloning() {
        let mut v = vec![String::from("b"), String::from("c"), String::from("a")];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["c", "b", "a"]);
    }
}
