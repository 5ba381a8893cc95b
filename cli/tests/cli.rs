//! The `vieclam` binary as a person uses it: real processes, a real encrypted store in a temporary folder.

use std::process::Output;

mod common;
use common::vieclam;

fn text(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn demo_home() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let o = vieclam(dir.path(), &["init", "--demo", "1000"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(out.contains("Đã tạo dữ liệu mẫu: 1000 khoản vay"), "{out}");
    dir
}

#[test]
fn search_without_diacritics_lists_dinh_lap_borrowers_in_vietnamese() {
    let home = demo_home();
    let o = vieclam(home.path(), &["loans", "--search", "dinh lap"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Khoản vay tìm thấy cho “dinh lap”"), "{out}");
    assert!(out.contains("Xã Đình Lập"), "{out}");
    assert!(out.contains("Dư nợ") && out.contains("₫"), "{out}");
    let en = vieclam(home.path(), &["--lang", "en", "loans", "--search", "dinh lap"]);
    assert!(text(&en).0.contains("Outstanding principal"));
}

#[test]
fn loan_sites_and_programmes_show() {
    let home = demo_home();
    let o = vieclam(home.path(), &["loans"]);
    let (out, _) = text(&o);
    let agreement = out
        .lines()
        .find_map(|l| {
            l.trim_start_matches('│')
                .split_whitespace()
                .next()
                .filter(|c| c.len() == 11 && c.bytes().all(|b| b.is_ascii_digit()))
        })
        .expect("an agreement number in the list")
        .to_owned();
    let o = vieclam(home.path(), &["loan", &agreement]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Lịch trả nợ gốc") && out.contains("Lãi suất"), "{out}");
    let o = vieclam(home.path(), &["sites", "--near", "21.55,107.1", "--limit", "5"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Mô hình cần kiểm tra gần bạn"), "{out}");
    let o = vieclam(home.path(), &["programmes"]);
    assert!(text(&o).0.contains("Làm việc ở nước ngoài"));
}

#[test]
fn registration_from_flags_and_its_errors() {
    let home = demo_home();
    let ok = vieclam(
        home.path(),
        &[
            "register",
            "--name",
            "Hoàng Văn Lập",
            "--id-number",
            "020090123456",
            "--birth-date",
            "12/03/1990",
            "--sex",
            "nam",
            "--phone",
            "+84 912 345 678",
            "--commune",
            "dinh lap",
            "--address",
            "Thôn Bản Chắt",
            "--country",
            "Nhật Bản",
            "--years",
            "3",
            "--occupation",
            "Thợ hàn",
            "--wants",
            "training,domestic_job",
            "--consent",
        ],
    );
    let (out, err) = text(&ok);
    assert!(ok.status.success(), "{out}{err}");
    assert!(out.contains("Đã lưu đăng ký"), "{out}");
    let bad = vieclam(
        home.path(),
        &[
            "register",
            "--name",
            "X",
            "--id-number",
            "12345",
            "--birth-date",
            "12/03/1990",
            "--sex",
            "nam",
            "--phone",
            "0112345678",
            "--commune",
            "06040",
            "--address",
            "A",
            "--occupation",
            "B",
            "--wants",
            "training",
            "--consent",
        ],
    );
    let (_, err) = text(&bad);
    assert_eq!(bad.status.code(), Some(1));
    assert!(err.contains("id_number.") && err.contains("phone.prefix_unknown"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn errors_are_one_sentence_and_non_zero() {
    let empty = tempfile::tempdir().unwrap();
    let o = vieclam(empty.path(), &["loans"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.starts_with("Lỗi: Chưa có dữ liệu"), "{err}");

    let home = demo_home();
    std::fs::write(home.path().join("vieclam.key"), "00".repeat(32)).unwrap();
    let o = vieclam(home.path(), &["loans"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("Khóa không mở được cơ sở dữ liệu này."), "{err}");

    let o = vieclam(home.path(), &["sites", "--near", "north"]);
    assert!(text(&o).1.contains("Tọa độ “north” không hợp lệ"));
    let o = vieclam(home.path(), &["init", "--demo", "50"]);
    assert_eq!(o.status.code(), Some(1), "an existing store is not clobbered");
    let fresh = tempfile::tempdir().unwrap();
    let o = vieclam(fresh.path(), &["init", "--demo", "50"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!fresh.path().join("vieclam.db").exists(), "a refused size makes nothing");
    let (_, err) = text(&o);
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
}
