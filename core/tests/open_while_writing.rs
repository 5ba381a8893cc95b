//! Opening a store while another connection is writing to it: the app's screen and its sync worker share one file.
//! Opening reads and then writes (reference data, rule sets), and SQLite cannot wait for the write lock inside a
//! transaction that has already read; CI saw "database is locked" there when one test opened the store another was
//! writing to. The open must wait for the writer and then succeed.

use std::time::{Duration, Instant};

use vieclam_core::{DbKey, Store};

#[test]
fn a_store_opened_while_another_connection_writes_waits_and_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let key = DbKey::Raw([9; 32]);
    let writer = Store::open(&path, &key).unwrap();
    // Holds the write lock as a long sync write would.
    writer
        .raw_connection_for_tests()
        .execute_batch("BEGIN IMMEDIATE; UPDATE meta SET value = value WHERE key = 'device_id';")
        .unwrap();

    let opener = {
        let path = path.clone();
        std::thread::spawn(move || {
            let began = Instant::now();
            let opened = Store::open(&path, &DbKey::Raw([9; 32])).map(|_| ());
            (opened, began.elapsed())
        })
    };
    std::thread::sleep(Duration::from_millis(400));
    writer.raw_connection_for_tests().execute_batch("COMMIT").unwrap();

    let (opened, waited) = opener.join().unwrap();
    opened.expect("the second open waits for the writer instead of failing with 'database is locked'");
    assert!(waited >= Duration::from_millis(300), "the open waited for the writer's commit ({waited:?})");
}
