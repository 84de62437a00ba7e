//! Builds the dataset from `corpus/` at compile time and hands it to the page as bytes.
//!
//! A malformed corpus fails the build here, with the file, line and problem.

use std::path::PathBuf;

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
    let built = match milcoop_core::pipeline::build_dir(&corpus) {
        Ok(built) => built,
        Err(e) => {
            eprintln!("error: corpus: {e}");
            println!("cargo:warning=corpus: {e}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("dataset.bin");
    std::fs::write(&out, built.dataset.encode()).expect("OUT_DIR is writable");
}
