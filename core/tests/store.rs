//! The encrypted store: keys, damaged files, migrations. Each failure must leave the file exactly as it was.

use std::path::Path;

use vieclam_core::store::migrations;
use vieclam_core::{DbKey, Error, Store};

const KEY: DbKey = DbKey::Raw([7u8; 32]);

/// Every file in the folder with its bytes, so a test can prove that nothing on disk changed.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

fn closed_store(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("vieclam.db");
    let store = Store::open(&path, &KEY).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
    drop(store);
    path
}

#[test]
fn creates_reopens_and_is_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let path = closed_store(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"), "the file must not be plain SQLite");
    assert!(!bytes.windows(8).any(|w| w == "Đình".as_bytes()), "no plain text on disk");
    let store = Store::open(&path, &KEY).unwrap();
    let communes: i64 =
        store.raw_connection_for_tests().query_row("SELECT count(*) FROM communes", [], |r| r.get(0)).unwrap();
    assert_eq!(communes, 65);
    let rules: i64 =
        store.raw_connection_for_tests().query_row("SELECT count(*) FROM rule_sets", [], |r| r.get(0)).unwrap();
    assert_eq!(rules, 2);
}

#[test]
fn wrong_key_is_a_clear_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = closed_store(dir.path());
    let before = snapshot(dir.path());
    let err = Store::open(&path, &DbKey::Raw([8u8; 32])).err().expect("wrong key must fail");
    assert!(matches!(err, Error::WrongKey), "{err:?}");
    assert_eq!(err.code(), "store.wrong_key");
    let err = Store::open(&path, &DbKey::Passphrase("guess".into())).err().unwrap();
    assert!(matches!(err, Error::WrongKey));
    assert_eq!(snapshot(dir.path()), before);
    Store::open(&path, &KEY).expect("the right key still opens it");
}

#[test]
fn truncated_files_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = closed_store(dir.path());
    let full = std::fs::read(&path).unwrap();
    assert!(full.len() >= 3 * 4096);
    for cut in [0usize, 100, 4096 + 17, full.len() - 4096, full.len() / 2 / 4096 * 4096] {
        std::fs::write(&path, &full[..cut]).unwrap();
        let before = snapshot(dir.path());
        let err = Store::open(&path, &KEY).err().unwrap_or_else(|| panic!("cut at {cut} must fail"));
        assert!(matches!(err, Error::Corrupt(_)), "cut at {cut}: {err:?}");
        assert_eq!(err.code(), "store.corrupt");
        assert_eq!(snapshot(dir.path()), before, "cut at {cut} changed the folder");
    }
}

#[test]
fn migrates_from_every_earlier_version() {
    for start in 0..migrations::LATEST {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let store = Store::open_at_version(&path, &KEY, start).unwrap_or_else(|e| panic!("v{start}: {e:?}"));
        assert_eq!(store.schema_version().unwrap(), start);
        drop(store);
        let len = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let store = Store::open(&path, &KEY).unwrap_or_else(|e| panic!("reopening v{start} ({len} bytes): {e:?}"));
        assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
        let hits: i64 = store
            .raw_connection_for_tests()
            .query_row("SELECT count(*) FROM search_index WHERE search_index MATCH 'dinh* lap*'", [], |r| r.get(0))
            .unwrap();
        assert!(hits >= 1, "from v{start}: commune Đình Lập is searchable after the upgrade");
    }
}
