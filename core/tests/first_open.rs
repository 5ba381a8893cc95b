//! The first stores a process opens, opened on several threads at once: SQLite marks itself initialised before
//! SQLCipher's own start-up has run, so without the core waiting for that start-up a second thread's `PRAGMA key`
//! failed ("An error occurred with PRAGMA key or rekey"), as CI saw twice. This binary has one test so that its
//! threads really are the process's first openers.

use std::sync::{Arc, Barrier};

use vieclam_core::{DbKey, Store};

#[test]
fn eight_threads_opening_the_processs_first_stores_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let start = Arc::new(Barrier::new(8));
    let threads: Vec<_> = (0..8u8)
        .map(|i| {
            let (start, path) = (start.clone(), dir.path().join(format!("s{i}.db")));
            std::thread::spawn(move || {
                start.wait();
                Store::open(&path, &DbKey::Raw([i; 32])).map(|_| ()).map_err(|e| format!("thread {i}: {e:?}"))
            })
        })
        .collect();
    let failed: Vec<String> = threads.into_iter().filter_map(|t| t.join().unwrap().err()).collect();
    assert!(failed.is_empty(), "{failed:#?}");
}
