//! Builds the dataset from `corpus/` at compile time and hands it to the page as bytes.
//!
//! A malformed corpus fails the build here, with the file, line and problem.

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    // The benchmark builds the page over a synthetic corpus (`milcoop synth`) this way.
    println!("cargo:rerun-if-env-changed=MILCOOP_CORPUS");
    let corpus = std::env::var_os("MILCOOP_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("corpus"));
    println!("cargo:rerun-if-changed={}", corpus.display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join("core/rules").display()
    );
    println!("cargo:rerun-if-changed={}", root.join("core/src").display());
    let built = match milcoop_core::tools::pipeline::build_dir(&corpus) {
        Ok(built) => built,
        Err(e) => {
            eprintln!("error: corpus: {e}");
            println!("cargo:warning=corpus: {e}");
            std::process::exit(1);
        }
    };
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let encoded = built.dataset.encode();
    std::fs::write(out_dir.join("dataset.bin"), &encoded).expect("OUT_DIR is writable");
    write_site_files(&out_dir, &built.dataset);
}

/// The site build (feature `site`) does not embed the dataset: the page fetches it, and a
/// deep link's document first (see docs/architecture.md). This writes those files, named by
/// their content, to `OUT_DIR/site/`, where the Trunk hook `scripts/place-files.mjs` finds
/// them by the dataset's name in the wasm, and the names of the dataset, the texts and the
/// search table to `OUT_DIR/site_files.rs` for the page (the excerpts' names reach it
/// through the start-up script, the shards' through the search table). (Each feature set has its own OUT_DIR, so builds over other corpora or
/// without `site` cannot overwrite these.)
fn write_site_files(out_dir: &Path, dataset: &milcoop_core::Dataset) {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    // A file's name carries the start of its SHA-256, and the page checks the whole of it
    // (Subresource Integrity) when it fetches the file.
    let named = |stem: &str, bytes: &[u8]| {
        let hash = Sha256::digest(bytes);
        let hex: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
        let integrity = format!(
            "sha256-{}",
            base64::engine::general_purpose::STANDARD.encode(hash)
        );
        (format!("{stem}-{hex}.bin"), integrity)
    };
    let site = out_dir.join("site");
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(&site).expect("the target directory is writable");
    // A link into a document fetches only that document's excerpt (its passages with their
    // texts, its events and figures); the other views fetch the shell (everything but the
    // passages' texts), the search table and a query's shards, and the excerpts of the
    // documents whose texts they show; the texts of every passage, in a file of their own,
    // only for a download that holds them.
    let (shell, texts) = dataset.shell();
    // The search shards (docs/scale.md, step 3), each named by the start of its SHA-256 as
    // the excerpts are, and the table that lists them, fetched with the first search.
    let first_eight = milcoop_core::tools::version::file_hash;
    let (search, shards) = dataset.search_files(first_eight);
    for (name, bytes) in shards {
        std::fs::write(site.join(name), bytes).expect("the target directory is writable");
    }
    let mut files = String::new();
    for (stem, bytes, what) in [
        (
            "dataset",
            shell.encode(),
            "The dataset file the page fetches first: the shell, without the passages' texts.",
        ),
        (
            "texts",
            texts.encode(),
            "Every passage's text, fetched by the downloads that hold every passage.",
        ),
        (
            "search",
            search.encode(),
            "The search table: what every search needs before its shards, fetched once.",
        ),
    ] {
        let (name, integrity) = named(stem, &bytes);
        std::fs::write(site.join(&name), &bytes).expect("the target directory is writable");
        files.push_str(&format!(
            "/// {what}\npub const {}: SiteFile = SiteFile {{ name: {name:?}, integrity: {integrity:?} }};\n",
            stem.to_uppercase()
        ));
    }
    // Each document's excerpt, named by the start of its SHA-256, which the page checks on
    // arrival. The page learns the names from the start-up script, which lists the files
    // (`milcoop_core::model::ExcerptFiles` says why).
    for (i, doc) in dataset.documents.iter().enumerate() {
        let excerpt = dataset
            .excerpt(i as u32)
            .expect("every document has an excerpt");
        let bytes = excerpt.encode();
        let hash = first_eight(&bytes);
        let name = milcoop_core::model::excerpt_file_name(&doc.id, hash);
        std::fs::write(site.join(name), &bytes).expect("the target directory is writable");
    }
    std::fs::write(out_dir.join("site_files.rs"), files).expect("OUT_DIR is writable");
}
