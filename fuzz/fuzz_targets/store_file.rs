//! A store file with arbitrary bytes (a damaged copy, a wrong file): opening it is an error, never a panic, and never
//! a new database silently made in its place.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vieclam_core::{DbKey, Store};

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("x.db");
    std::fs::write(&path, data).expect("write");
    if Store::open(&path, &DbKey::Raw([9; 32])).is_ok() {
        // Only a file that really is a store under this key may open; random bytes never are.
        panic!("random bytes opened as a store");
    }
    assert_eq!(std::fs::read(&path).expect("read"), data, "a failed open changed the file");
});
