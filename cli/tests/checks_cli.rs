//! A site check from the terminal on demo data: "at site" at the site, "away" 5 km off, a stamped photo whose EXIF
//! `vieclam exif` reads back, and `evidence verify` passing — then failing with its reason after one changed byte.

use std::path::Path;
use std::process::Output;

mod common;
use common::vieclam;

use vieclam_core::{DbKey, Store};

fn ok(o: &Output) -> String {
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{out}{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// A small camera-like JPEG with no EXIF of its own.
fn camera_jpeg(path: &Path) {
    let (w, h) = (640u16, 480u16);
    let rgb: Vec<u8> = (0..w as usize * h as usize).flat_map(|i| [(i % 251) as u8, (i % 83) as u8, 90]).collect();
    jpeg_encoder::Encoder::new_file(path, 90).unwrap().encode(&rgb, w, h, jpeg_encoder::ColorType::Rgb).unwrap();
}

#[test]
fn check_photo_exif_and_evidence_from_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    ok(&vieclam(home.path(), &["init", "--demo", "200"]));
    let sites = ok(&vieclam(home.path(), &["sites", "--near", "21.55,107.09", "--limit", "1", "--all"]));
    let row = sites.lines().find(|l| l.contains('-') && l.contains('┆')).expect("a site row");
    let cells: Vec<&str> = row.trim_matches('│').split('┆').map(str::trim).collect();
    let (position, site) = (cells[4], cells[5]);
    let (lat, lon) = position.split_once(',').unwrap();

    let at = ok(&vieclam(home.path(), &["check", "start", "--site", site, "--at", position, "--accuracy", "4"]));
    assert!(at.contains("Đang ở tại mô hình"), "{at}");
    let far = format!("{:.6},{lon}", lat.parse::<f64>().unwrap() + 0.045);
    let away = ok(&vieclam(home.path(), &["check", "start", "--site", site, "--at", &far, "--accuracy", "4"]));
    assert!(away.contains("Đang ở xa mô hình"), "{away}");
    let code = at.split("kiểm tra ").nth(1).unwrap().split(' ').next().unwrap().to_owned();

    let jpeg = home.path().join("camera.jpg");
    camera_jpeg(&jpeg);
    let none = ok(&vieclam(home.path(), &["exif", jpeg.to_str().unwrap()]));
    assert!(none.contains("không mang tọa độ GPS"), "{none}");
    let saved = ok(&vieclam(home.path(), &["check", "photo", &code, jpeg.to_str().unwrap()]));
    let stored = saved.split(" tại ").nth(1).unwrap().trim().trim_end_matches('.').to_owned();
    let exif = ok(&vieclam(home.path(), &["exif", &stored]));
    assert!(exif.contains(&format!("Vị trí: {lat}° N, {lon}° E")), "{exif}");
    assert!(exif.contains("+07:00"), "{exif}");

    let verified = ok(&vieclam(home.path(), &["evidence", "verify"]));
    assert!(verified.contains("Chứng cứ hợp lệ"), "{verified}");

    // One byte of a stored record changes (by someone holding the store key): verification names it.
    let hex = std::fs::read_to_string(home.path().join("vieclam.key")).unwrap();
    let key: Vec<u8> = (0..32).map(|i| u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap()).collect();
    let store = Store::open(home.path().join("vieclam.db"), &DbKey::raw(&key).unwrap()).unwrap();
    store.raw_connection_for_tests().execute_batch("DROP TRIGGER evidence_chain_no_update;").unwrap();
    let changed = store
        .raw_connection_for_tests()
        .execute("UPDATE evidence_chain SET body = replace(body, '\"width\":', '\"width\":1') WHERE kind = 'photo'", [])
        .unwrap();
    assert_eq!(changed, 1);
    drop(store);
    let failed = vieclam(home.path(), &["evidence", "verify"]);
    assert_eq!(failed.status.code(), Some(1));
    let err = String::from_utf8_lossy(&failed.stderr);
    assert!(err.contains("body_hash_mismatch"), "{err}");
}
