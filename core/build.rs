//! Compresses the commune boundaries (a 4.2 MB GeoJSON text) into the build folder, for the library to carry at
//! about a seventh of the size: the bindings library is held to 12 MB (docs/design.md, P6) and the text alone was a
//! quarter of it. The GeoJSON in `data/` stays the one readable source; nothing compressed is committed.

use std::path::PathBuf;

fn main() {
    let source = "data/lang_son_communes_2025.geojson";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read(source).expect("the commune boundaries are in core/data");
    // Level 19: built once per change of the file; the smallest output zstd makes without its long-range modes.
    let packed = zstd::bulk::compress(&text, 19).expect("zstd compresses the boundaries");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("communes.geojson.zst"), packed).expect("the build folder is writable");
}
