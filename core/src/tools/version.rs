//! The dataset's version: the day it was built and a hash of its content; and the hash
//! that names each content-named data file.
//!
//! The day comes from `SOURCE_DATE_EPOCH` when the build sets it (reproducible builds),
//! else from the clock. The hash is the first four bytes of the SHA-256 of the encoded
//! dataset with its version left empty, so it changes exactly when what the page shows
//! can change.

use crate::model::StoredDataset;
use sha2::{Digest, Sha256};

/// Sets `ds.version`.
pub fn stamp(ds: &mut StoredDataset) {
    ds.version.clear();
    let hash = Sha256::digest(ds.encode());
    let hex: String = hash[..4].iter().map(|b| format!("{b:02x}")).collect();
    ds.version = format!("{}.{hex}", today());
}

/// The number a content-named data file of the site carries in its name (the documents'
/// excerpts, the search shards): the first eight bytes of its SHA-256, which the page
/// checks on arrival.
pub fn file_hash(bytes: &[u8]) -> u64 {
    let digest = Sha256::digest(bytes);
    u64::from_be_bytes(digest[..8].try_into().expect("a SHA-256 has eight bytes"))
}

/// The build day as `YYYY-MM-DD` (UTC).
fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    let (y, m, d) = civil((seconds / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(11_016), (2000, 2, 29));
        assert_eq!(civil(20_783), (2026, 11, 26));
        assert_eq!(civil(-1), (1969, 12, 31));
    }

    #[test]
    fn the_hash_follows_the_content() {
        let mut a = StoredDataset::default();
        stamp(&mut a);
        let mut b = StoredDataset::default();
        b.counterparts.push((0, 1));
        stamp(&mut b);
        let hash = |v: &str| v.split_once('.').map(|(_, h)| h.to_string());
        assert_ne!(hash(&a.version), hash(&b.version));
        let first = a.version.clone();
        stamp(&mut a);
        assert_eq!(a.version, first, "stamping twice gives the same version");
        assert_eq!(hash(&first).map(|h| h.len()), Some(8));
    }
}
