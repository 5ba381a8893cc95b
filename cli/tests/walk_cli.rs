//! A plot walked from the terminal and recorded on a check (demo data): `vieclam walk FILE --check CODE` measures it,
//! compares it with the funded area and keeps it on the check, signed (`evidence verify` passes) and queued; a second
//! walk replaces the first; a walk that makes no plot is refused and leaves the first in place.

use std::process::Output;

mod common;
use common::vieclam;

use vieclam_core::{DbKey, Store};

fn ok(o: &Output) -> String {
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{out}{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// A file of positions round a square of `side_m` metres from (`lat`, `lon`).
fn square(path: &std::path::Path, lat: f64, lon: f64, side_m: f64) {
    let (dlat, dlon) = (side_m / 111_320.0, side_m / (111_320.0 * lat.to_radians().cos()));
    let corners = [(0.0, 0.0), (0.0, dlon), (dlat, dlon), (dlat, 0.0)];
    let lines: Vec<String> = corners.iter().map(|(a, b)| format!("{:.7},{:.7},3", lat + a, lon + b)).collect();
    std::fs::write(path, format!("lat,lon,accuracy\n{}\n", lines.join("\n"))).unwrap();
}

/// The walks on the device's store, as (check id, area).
fn walks(home: &std::path::Path) -> Vec<(String, f64)> {
    let hex = std::fs::read_to_string(home.join("vieclam.key")).unwrap();
    let key: Vec<u8> = (0..32).map(|i| u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap()).collect();
    let store = Store::open(home.join("vieclam.db"), &DbKey::raw(&key).unwrap()).unwrap();
    let mut stmt = store.raw_connection_for_tests().prepare("SELECT check_id, area_ha FROM plot_walks").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn a_walk_is_recorded_on_a_check_from_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    ok(&vieclam(home.path(), &["init", "--demo", "200"]));
    let sites = ok(&vieclam(home.path(), &["sites", "--near", "21.55,107.09", "--limit", "1", "--all"]));
    let row = sites.lines().find(|l| l.contains('-') && l.contains('┆')).expect("a site row");
    let cells: Vec<&str> = row.trim_matches('│').split('┆').map(str::trim).collect();
    let (position, site) = (cells[4], cells[5]);
    let (lat, lon) = position.split_once(',').unwrap();
    let (lat, lon): (f64, f64) = (lat.parse().unwrap(), lon.parse().unwrap());
    let at = ok(&vieclam(home.path(), &["check", "start", "--site", site, "--at", position, "--accuracy", "4"]));
    let code = at.split("kiểm tra ").nth(1).unwrap().split(' ').next().unwrap().to_owned();

    let file = home.path().join("walk.csv");
    square(&file, lat, lon, 100.0);
    let out = ok(&vieclam(home.path(), &["walk", file.to_str().unwrap(), "--check", &code]));
    assert!(out.contains("Diện tích đo được 1,00 ha"), "{out}");
    assert!(out.contains(&format!("Đã lưu diện tích đo vào kiểm tra {code}")), "{out}");
    let first = walks(home.path());
    assert_eq!(first.len(), 1);
    assert!((first[0].1 - 1.0).abs() < 0.01, "{first:?}");
    assert!(ok(&vieclam(home.path(), &["evidence", "verify"])).contains("Chứng cứ hợp lệ"));

    // Walked again, 50 m a side: it replaces the first.
    square(&file, lat, lon, 50.0);
    ok(&vieclam(home.path(), &["walk", file.to_str().unwrap(), "--check", &code]));
    let second = walks(home.path());
    assert_eq!((second.len(), second[0].0.as_str()), (1, first[0].0.as_str()));
    assert!((second[0].1 - 0.25).abs() < 0.01, "{second:?}");

    // Two points make no plot: refused, the walk on the check stays as it was.
    std::fs::write(&file, format!("{lat},{lon}\n{},{lon}\n", lat + 0.001)).unwrap();
    let refused = vieclam(home.path(), &["walk", file.to_str().unwrap(), "--check", &code]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("cần ít nhất"), "{refused:?}");
    assert_eq!(walks(home.path()), second);
    assert!(
        !vieclam(home.path(), &["walk", file.to_str().unwrap(), "--check", &code, "--site", site]).status.success()
    );
}
