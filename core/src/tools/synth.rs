//! Synthetic corpora for benchmarks: the real documents varied, not copied. Copy `k` of a
//! document gets its paragraphs shuffled within each section, every year shifted by a
//! per-copy offset, and its partner countries swapped along a ring of names in both
//! languages, so its passages, ids, index terms and events all differ from the original's
//! while the text keeps the corpus' shape (lengths, scripts, layout breaks, bilingual halves).
//!
//! Deterministic: the same corpus and factor give the same files.

use crate::ingest::header;
use crate::tools::pipeline::BuildError;
use std::path::Path;

/// Countries swapped among themselves (Chinese, English), copy `k` moving each `k` steps.
const RING: [(&str, &str); 10] = [
    ("俄罗斯", "Russia"),
    ("巴基斯坦", "Pakistan"),
    ("柬埔寨", "Cambodia"),
    ("泰国", "Thailand"),
    ("老挝", "Laos"),
    ("越南", "Vietnam"),
    ("新加坡", "Singapore"),
    ("印度尼西亚", "Indonesia"),
    ("马来西亚", "Malaysia"),
    ("蒙古", "Mongolia"),
];

/// A small deterministic generator (xorshift64*), enough for shuffling.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// Shifts every year from 1950 to 2049 written with four ASCII digits by `by` years.
fn shift_years(text: &str, by: i32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let digits: String = chars[i..i + run].iter().collect();
        match digits.parse::<i32>() {
            Ok(y) if run == 4 && (1950..2050).contains(&y) => out.push_str(&(y + by).to_string()),
            _ => out.push_str(&digits),
        }
        i += run;
    }
    out
}

/// Swaps each ring country for the one `k` steps on, in both languages, in one pass (so a
/// name written by the swap is not swapped again).
fn swap_partners(text: &str, k: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for (i, (zh, en)) in RING.iter().enumerate() {
            let target = RING[(i + k) % RING.len()];
            if let Some(after) = rest.strip_prefix(zh) {
                out.push_str(target.0);
                rest = after;
                continue 'scan;
            }
            if let Some(after) = rest.strip_prefix(en) {
                out.push_str(target.1);
                rest = after;
                continue 'scan;
            }
        }
        let c = rest.chars().next().expect("rest is not empty");
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Moves a section's paragraphs, shuffled (Fisher–Yates), to the end of `out`.
fn flush<'a>(section: &mut Vec<&'a str>, out: &mut Vec<&'a str>, rng: &mut Rng) {
    for i in (1..section.len()).rev() {
        section.swap(i, rng.below(i + 1));
    }
    out.append(section);
}

/// Copy `k` of a document's body: sections kept in order, their paragraphs shuffled.
fn vary_body(body: &str, k: usize) -> String {
    let mut rng = Rng::new(k as u64);
    let mut out: Vec<&str> = Vec::new();
    let mut section: Vec<&str> = Vec::new();
    for line in body.lines() {
        if line.starts_with('#') || line.trim() == "---" {
            flush(&mut section, &mut out, &mut rng);
            out.push(line);
        } else if !line.trim().is_empty() {
            section.push(line);
        }
    }
    flush(&mut section, &mut out, &mut rng);
    let shift = (k % 7) as i32 - 3;
    let shift = if shift == 0 { 1 } else { shift };
    swap_partners(&shift_years(&out.join("\n\n"), shift), k)
}

/// Copy `k` of a corpus file: header (id, title, date and notes in both languages changed)
/// and varied body.
pub fn vary_file(file: &str, text: &str, k: usize) -> Result<String, BuildError> {
    let (h, body) = header::parse(file, text).map_err(BuildError::Header)?;
    let shift = {
        let s = (k % 7) as i32 - 3;
        if s == 0 {
            1
        } else {
            s
        }
    };
    let published = h
        .published
        .map(|d| shift_years(&d.to_string(), shift))
        .unwrap_or_else(|| "unknown".into());
    let languages: Vec<&str> = h.languages.iter().map(|l| l.code()).collect();
    let or_unknown = |v: &Option<String>| v.clone().unwrap_or_else(|| "unknown".into());
    Ok(format!(
        "id: {}-x{k}\ntitle: {}（变体{k}）\ntitle_en: {}\nkind: {}\npublisher: {}\npublished: {published}\nlanguages: {}\nsource_file: {}\nnote: Synthetic benchmark copy {k} of {}: paragraphs shuffled within sections, years shifted by {shift}, partners swapped.\nnote_zh: 基准测试用的合成副本（《{}》的第{k}份）：各节内段落打乱，年份平移{shift}年，合作伙伴互换。\n---\n{}\n",
        h.id,
        h.title,
        or_unknown(&h.title_en),
        h.kind.slug(),
        or_unknown(&h.publisher),
        languages.join(", "),
        h.source_file,
        h.id,
        h.title,
        vary_body(&body, k)
    ))
}

/// Writes a corpus `factor` times the size of `dir` into `out`: the real documents, then
/// `factor - 1` varied copies of each.
pub fn write(dir: &Path, out: &Path, factor: usize) -> Result<usize, BuildError> {
    std::fs::create_dir_all(out).map_err(|e| BuildError::Io(out.to_path_buf(), e))?;
    let mut written = 0;
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| BuildError::Io(dir.to_path_buf(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|e| BuildError::Io(path.clone(), e))?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = format!("{name}.txt");
        let target = out.join(&file);
        std::fs::write(&target, &text).map_err(|e| BuildError::Io(target.clone(), e))?;
        written += 1;
        for k in 1..factor {
            let varied = vary_file(&file, &text, k)?;
            let target = out.join(format!("{name}-x{k}.txt"));
            std::fs::write(&target, varied).map_err(|e| BuildError::Io(target.clone(), e))?;
            written += 1;
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_shift_and_partners_swap_once() {
        assert_eq!(
            shift_years("2020年12月, 34项, 12345, 1949", 2),
            "2022年12月, 34项, 12345, 1949"
        );
        assert_eq!(
            swap_partners("中俄与巴基斯坦; Russia", 1),
            "中俄与柬埔寨; Pakistan"
        );
        assert_eq!(swap_partners("俄罗斯、巴基斯坦", 1), "巴基斯坦、柬埔寨");
        assert_eq!(swap_partners("蒙古", 1), "俄罗斯");
    }

    #[test]
    fn a_copy_keeps_every_paragraph_but_not_the_bytes() {
        let body =
            "# T\n\n一是2020年与俄罗斯。\n\n二是2021年。\n\n三是。\n\n## S\n\n四是巴基斯坦。";
        let varied = vary_body(body, 3);
        assert_ne!(varied, body);
        assert!(varied.starts_with("# T\n\n"));
        assert_eq!(varied.lines().filter(|l| !l.is_empty()).count(), 6);
        assert!(
            varied.contains("## S\n\n四是"),
            "sections stay in order: {varied}"
        );
        assert!(varied.contains("2020年") || varied.contains("2021年"));
    }

    /// A copy's header says what it is in both interface languages (the Chinese interface
    /// shows `note_zh`), and reads back as a header.
    #[test]
    fn a_copy_is_noted_in_both_languages() {
        let file = "id: d\ntitle: 标题\ntitle_en: unknown\nkind: review-article\npublisher: unknown\npublished: 2020-12\nlanguages: zh\nsource_file: d.txt\n---\n一是。";
        let copy = vary_file("d.txt", file, 2).unwrap();
        let (h, _) = header::parse("d-x2.txt", &copy).unwrap();
        assert_eq!(h.id, "d-x2");
        assert!(h.note.unwrap().contains("copy 2 of d"));
        assert!(h.note_zh.unwrap().contains("《标题》的第2份"));
    }
}
