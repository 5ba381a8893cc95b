//! A pull page comes from the network: whatever bytes arrive, parsing (and putting back the ids it left out) either
//! fails or the page applies (or is refused with an error) inside a transaction that is then rolled back; nothing
//! panics.
#![no_main]

use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use vieclam_core::sync::compact::expand;
use vieclam_core::sync::pull::apply_page;
use vieclam_core::sync::wire::PullResponse;
use vieclam_core::{DbKey, Store};

struct Kept(#[allow(dead_code)] tempfile::TempDir, Mutex<Store>);

fn store() -> &'static Kept {
    static STORE: OnceLock<Kept> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path().join("f.db"), &DbKey::Raw([2; 32])).expect("store opens");
        Kept(dir, Mutex::new(store))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(mut page) = serde_json::from_slice::<PullResponse>(data) else { return };
    // As the client does: ids left out of the page are put back first, or the page is refused.
    if expand(&mut page.changes).is_err() {
        return;
    }
    let store = store().1.lock().expect("not poisoned");
    // The raw connection (feature `test-access`): the page must go into a transaction this target rolls back, which
    // no core function offers, since the client commits every page it applies.
    let tx = store.raw_connection_for_tests().unchecked_transaction().expect("transaction");
    let _ = apply_page(&tx, &page);
    // Dropping the transaction rolls it back: every input starts from the same empty store.
});
