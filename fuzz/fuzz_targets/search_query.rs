//! Whatever a person types in the search box reaches FTS5 only as quoted folded tokens: the query always runs.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vieclam_core::query::{SearchKind, search};
use vieclam_core::{DbKey, Store};

struct Kept(#[allow(dead_code)] tempfile::TempDir, std::sync::Mutex<Store>);

fn store() -> &'static Kept {
    static STORE: OnceLock<Kept> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path().join("f.db"), &DbKey::Raw([1; 32])).expect("store opens");
        Kept(dir, std::sync::Mutex::new(store))
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let store = store().1.lock().expect("not poisoned");
    search(&store, &text, &[], 0, 10).expect("any text is a valid search");
    search(&store, &text, &[SearchKind::Commune], 1, 5).expect("any text is a valid search");
});
