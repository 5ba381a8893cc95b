//! The commune review from the terminal on demo data: refused before sign-in; then headings, a heading written,
//! attendees, opinions and recommendations added and removed by number, refusals in words (an unknown heading, an
//! unknown rating, a number no item has), the team view, and the review waiting to go up.

use std::process::Output;

mod common;
use common::vieclam;

use vieclam_core::sync::StoredSession;
use vieclam_core::sync::wire::Role;
use vieclam_core::{DbKey, Store};

fn ok(o: &Output) -> String {
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{out}{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn refused(o: &Output) -> String {
    assert!(!o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Signs the store in as an inspector, as `vieclam login` leaves it (no server is needed for what follows).
fn sign_in(home: &std::path::Path) {
    let hex = std::fs::read_to_string(home.join("vieclam.key")).unwrap();
    let key: Vec<u8> = (0..32).map(|i| u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap()).collect();
    let mut store = Store::open(home.join("vieclam.db"), &DbKey::raw(&key).unwrap()).unwrap();
    let session = StoredSession {
        server_url: "http://127.0.0.1:1".into(),
        token: "t".into(),
        expires_at: "2030-01-01T00:00:00Z".into(),
        account_id: "acc-an".into(),
        role: Role::Inspector,
        display_name: "Nguyễn Văn An".into(),
        username: Some("an".into()),
    };
    vieclam_core::sync::state::keep_session(&mut store, &session).unwrap();
}

#[test]
fn a_review_written_from_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    ok(&vieclam(h, &["init", "--demo", "100"]));
    let target = ["452/KH-SNV", "dinh lap"];
    let with = |args: &[&str]| -> Vec<String> {
        let mut all: Vec<String> = vec!["review".into()];
        all.extend(args.iter().map(|s| s.to_string()));
        all
    };
    let run = |args: Vec<String>| vieclam(h, &args.iter().map(String::as_str).collect::<Vec<_>>());

    let before = refused(&run(with(&["set", target[0], target[1], "--heading", "leadership", "--rating", "tốt"])));
    assert!(before.contains("Cần đăng nhập"), "{before}");
    sign_in(h);

    let headings = ok(&run(with(&["headings"])));
    assert!(headings.contains("leadership") && headings.contains("Tốt") && headings.contains("not_assessed"));

    let saved = ok(&run(with(&[
        "set",
        target[0],
        target[1],
        "--heading",
        "leadership",
        "--rating",
        "tốt",
        "--text",
        "Họp đủ 12 thôn.",
    ])));
    assert!(saved.contains("Đã lưu đánh giá"), "{saved}");
    ok(&run(with(&[
        "set",
        target[0],
        target[1],
        "--heading",
        "overseas",
        "--rating",
        "weak",
        "--held-on",
        "12/11/2026",
    ])));
    ok(&run(with(&["attendee", "add", target[0], target[1], "Hoàng Văn Lân", "Chủ tịch UBND xã"])));
    ok(&run(with(&["attendee", "add", target[0], target[1], "Lý Thị Mai", "Hội Nông dân xã"])));
    ok(&run(with(&["opinion", "add", target[0], target[1], "Hộ ông Tô Văn Hải", "Xin gia hạn nợ vì lũ."])));
    ok(&run(with(&["recommend", "add", target[0], target[1], "UBND xã", "Niêm yết thủ tục vay vốn."])));

    let mine = ok(&run(with(&["show", target[0], target[1], "--mine"])));
    assert!(mine.contains("Ngày làm việc: 12/11/2026"), "{mine}");
    assert!(mine.contains("  1. Hoàng Văn Lân — Chủ tịch UBND xã") && mine.contains("  2. Lý Thị Mai"), "{mine}");

    let none = refused(&run(with(&["attendee", "remove", target[0], target[1], "3"])));
    assert!(none.contains("Không có mục số này"), "{none}");
    ok(&run(with(&["attendee", "remove", target[0], target[1], "1"])));
    let unknown = refused(&run(with(&["set", target[0], target[1], "--heading", "weather", "--rating", "good"])));
    assert!(unknown.contains("không có trong danh mục"), "{unknown}");
    let rating = refused(&run(with(&["set", target[0], target[1], "--heading", "book", "--rating", "excellent"])));
    assert!(rating.contains("Xếp loại không hợp lệ"), "{rating}");
    let outside = refused(&run(with(&["show", target[0], "khong co xa nay"])));
    assert!(!outside.is_empty());

    let team = ok(&run(with(&["show", target[0], target[1]])));
    assert!(team.contains("1 cán bộ đã đóng góp"), "{team}");
    assert!(team.contains("- [Tốt] (tôi) Họp đủ 12 thôn."), "{team}");
    assert!(team.contains("Lý Thị Mai — Hội Nông dân xã") && !team.contains("Hoàng Văn Lân"), "{team}");
    assert!(team.contains("UBND xã — Niêm yết thủ tục vay vốn."), "{team}");

    let english = ok(&vieclam(h, &["--lang", "en", "review", "show", target[0], target[1]]));
    assert!(english.contains("[Good] (me)") && english.contains("Overseas-employment work"), "{english}");

    let status = ok(&vieclam(h, &["status"]));
    assert!(status.contains("đánh giá tại xã"), "{status}");
}
