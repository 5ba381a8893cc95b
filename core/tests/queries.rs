//! Screen queries over a real encrypted store holding a 1,000-loan demo province.

use std::sync::OnceLock;

use chrono::NaiveDate;
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::fold::fold;
use vieclam_core::places::geo::distance_m;
use vieclam_core::query::*;
use vieclam_core::{DbKey, Lang, Store};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()
}

const SPEC: DemoSpec = DemoSpec { loans: 1_000, seed: 11, as_of: NaiveDate::from_ymd_opt(2026, 11, 15).unwrap() };

/// One store for the whole file: made once, then opened read-mostly by each test.
fn store() -> Store {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path().join("q.db"), &DbKey::Raw([3; 32])).unwrap();
        demo::load(&mut s, SPEC).unwrap();
        dir
    });
    Store::open(dir.path().join("q.db"), &DbKey::Raw([3; 32])).unwrap()
}

#[test]
fn demo_is_deterministic_and_sized() {
    let a = demo::generate(SPEC).unwrap();
    let b = demo::generate(SPEC).unwrap();
    assert_eq!(a.loans, b.loans);
    assert_eq!(a.borrowers, b.borrowers);
    assert_eq!(a.payments, b.payments);
    assert_eq!(a.loans.len(), 1_000);
    assert!(demo::generate(DemoSpec { loans: 99, ..SPEC }).is_err());
    assert!(demo::generate(DemoSpec { loans: 100_001, ..SPEC }).is_err());
    let other = demo::generate(DemoSpec { seed: 12, ..SPEC }).unwrap();
    assert_ne!(
        a.borrowers[0].full_name.clone() + &a.borrowers[1].full_name,
        other.borrowers[0].full_name.clone() + &other.borrowers[1].full_name
    );
}

#[test]
fn demo_sites_lie_in_their_commune() {
    let batch = demo::generate(SPEC).unwrap();
    for s in batch.sites.iter().take(200) {
        let c = vieclam_core::places::boundaries::commune_at(s.lat, s.lon).expect("inside the province");
        assert_eq!(c.code, s.commune_code);
    }
}

#[test]
fn demo_has_a_realistic_mix_of_states() {
    let s = store();
    let list = loan_list(&s, "", 0, 1_000, day(), Lang::Vi).unwrap();
    let count = |st| list.rows.iter().filter(|r| r.state == st).count();
    use vieclam_core::loans::status::LoanState::*;
    let (cur, over, frozen) = (count(Current), count(Overdue), count(Frozen));
    assert!(cur > 500, "most loans are current: {cur}");
    assert!((30..300).contains(&over), "some are overdue: {over}");
    assert!(frozen >= 5, "a few are frozen: {frozen}");
}

#[test]
fn search_without_diacritics_finds_dinh_lap() {
    let s = store();
    let list = loan_list(&s, "dinh lap", 0, 50, day(), Lang::Vi).unwrap();
    assert!(!list.rows.is_empty());
    assert!(
        list.rows.iter().all(|r| fold(&r.commune_name).contains("dinh lap") || fold(&r.borrower_name).contains("dinh")),
        "{:?}",
        list.rows.iter().map(|r| &r.commune_name).collect::<Vec<_>>()
    );
    assert!(list.rows.iter().filter(|r| r.commune_name == "Xã Đình Lập").count() >= list.rows.len() / 2);
    let page = search(&s, "ĐÌNH LẬP", &[SearchKind::Commune], 0, 10).unwrap();
    assert_eq!(page.hits.len(), 1);
}

#[test]
fn hoa_finds_both_tone_placements() {
    let s = store();
    let page = search(&s, "hoa", &[SearchKind::Borrower], 0, 500).unwrap();
    let names: Vec<String> = page
        .hits
        .iter()
        .map(|h| {
            s.raw_connection_for_tests()
                .query_row("SELECT full_name FROM borrowers WHERE id = ?1", [&h.id], |r| r.get(0))
                .unwrap()
        })
        .collect();
    assert!(names.iter().any(|n: &String| n.contains("Hòa")), "Hòa");
    assert!(names.iter().any(|n| n.contains("Hoà")), "Hoà");
}

#[test]
fn search_pages_do_not_overlap() {
    let s = store();
    let p0 = search(&s, "thi", &[], 0, 20).unwrap();
    let p1 = search(&s, "thi", &[], 1, 20).unwrap();
    assert!(p0.has_more);
    assert_eq!(p0.hits.len(), 20);
    assert!(p0.hits.iter().all(|a| p1.hits.iter().all(|b| a.id != b.id)));
    assert!(search(&s, "\"*) OR (", &[], 0, 20).is_ok(), "query syntax is never interpreted");
}

#[test]
fn nearest_sites_are_ordered_and_correct() {
    let s = store();
    let (lat, lon) = (21.55, 107.1);
    let rows = sites_near(&s, lat, lon, 20, SiteScope::All, Lang::Vi).unwrap();
    assert_eq!(rows.len(), 20);
    assert!(rows.windows(2).all(|w| w[0].distance_m <= w[1].distance_m));
    // Brute force over every site agrees on the 20th distance.
    let mut all: Vec<f64> = s
        .raw_connection_for_tests()
        .prepare("SELECT lat, lon FROM sites")
        .unwrap()
        .query_map([], |r| Ok(distance_m(lat, lon, r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    all.sort_by(f64::total_cmp);
    assert!((all[19] - rows[19].distance_m).abs() < 1e-6);
}

#[test]
fn assigned_sites_stay_in_the_plan_communes() {
    let s = store();
    let rows = sites_near(&s, 21.85, 106.76, 20, SiteScope::AssignedOn(day()), Lang::Vi).unwrap();
    assert!(!rows.is_empty());
    let allowed = ["Xã Đình Lập", "Xã Lộc Bình", "Xã Thất Khê", "Xã Na Sầm"];
    assert!(
        rows.iter().all(|r| allowed.contains(&r.commune_name.as_str())),
        "{:?}",
        rows.iter().map(|r| &r.commune_name).collect::<Vec<_>>()
    );
    let none = sites_near(&s, 21.85, 106.76, 20, SiteScope::AssignedOn(day() + chrono::Duration::days(400)), Lang::Vi)
        .unwrap();
    assert!(none.is_empty(), "no plan runs then");
}

#[test]
fn loan_detail_is_formatted_and_consistent() {
    let s = store();
    let list = loan_list(&s, "", 0, 200, day(), Lang::Vi).unwrap();
    let overdue = list.rows.iter().find(|r| r.overdue_principal > 0).expect("an overdue loan");
    let d = loan_detail(&s, &overdue.loan_id, day(), 30, Lang::Vi).unwrap();
    assert!(d.title.starts_with("Số khế ước "));
    let field = |label: &str| d.fields.iter().find(|f| f.label == label).map(|f| f.value.clone());
    assert_eq!(field("Dư nợ").unwrap(), vieclam_core::format::money(d.status.outstanding));
    assert_eq!(field("Nợ quá hạn").unwrap(), vieclam_core::format::money(overdue.overdue_principal));
    assert!(field("Lãi suất").unwrap().ends_with("%/năm"));
    assert!(d.schedule.iter().any(|r| r.status_text == "Quá hạn"));
    let en = loan_detail(&s, &overdue.loan_id, day(), 30, Lang::En).unwrap();
    assert!(en.fields.iter().any(|f| f.label == "Outstanding principal"));
    assert_eq!(find_loan(&s, &d.title["Số khế ước ".len()..]).unwrap(), overdue.loan_id);
    assert!(matches!(loan_detail(&s, "nope", day(), 30, Lang::Vi), Err(vieclam_core::Error::NotFound { .. })));
}

#[test]
fn catalogue_lists_only_licensed_senders() {
    // A store of its own: a suspended and a revoked sender, each with an open programme beside an active one's, so
    // the test fails the moment the licence filter goes (the demo alone makes only active senders).
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("licences.db"), &DbKey::Raw([4; 32])).unwrap();
    demo::load(&mut s, SPEC).unwrap();
    for (id, name, licence, status) in [
        ("e-suspended", "Công ty Nhân lực Chi Lăng", "GP 901/LĐTBXH", "suspended"),
        ("e-revoked", "Công ty Xuất khẩu Lao động Chi Lăng", "GP 902/LĐTBXH", "revoked"),
        ("e-active", "Công ty Cung ứng Bắc Sơn", "GP 903/LĐTBXH", "active"),
    ] {
        s.raw_connection_for_tests()
            .execute(
                "INSERT INTO sending_enterprises (id, name, licence_no, markets, status) VALUES (?1, ?2, ?3, ?4, ?5)",
                [id, name, licence, r#"["Nhật Bản"]"#, status],
            )
            .unwrap();
        s.raw_connection_for_tests()
            .execute(
                "INSERT INTO job_programmes (id, kind, title, description, enterprise_id, country, opens_on)
                 VALUES (?1, 'overseas', ?2, 'Đơn hàng chế biến thực phẩm', ?3, 'Nhật Bản', '2026-01-01')",
                [format!("p-{id}"), format!("Đơn hàng Nhật Bản — {name}"), id.to_owned()],
            )
            .unwrap();
    }
    let c = catalogue(&s, "", day(), Lang::Vi).unwrap();
    let titles: Vec<&str> = c.programmes.iter().map(|p| p.title.as_str()).collect();
    assert!(titles.iter().any(|t| t.contains("Bắc Sơn")), "the active sender's programme is offered: {titles:?}");
    assert!(c.programmes.iter().any(|p| p.kind == "training"));
    let abroad: Vec<_> = c.programmes.iter().filter(|p| p.kind == "overseas").collect();
    assert!(!abroad.is_empty());
    assert!(abroad.iter().all(|p| p.enterprise_text.as_deref().unwrap().contains("GP số")));
    assert!(
        abroad.iter().all(|p| !p.enterprise_text.as_deref().unwrap().contains("Chi Lăng")),
        "the suspended sender is not offered"
    );
    let japan = catalogue(&s, "nhat ban", day(), Lang::Vi).unwrap();
    assert!(
        !japan.programmes.is_empty()
            && japan.programmes.iter().all(|p| fold(&format!("{} {}", p.title, p.description)).contains("nhat"))
    );
}

#[test]
fn nearest_sites_match_brute_force_inside_and_outside_the_province() {
    let s = store();
    let all: Vec<(f64, f64)> = s
        .raw_connection_for_tests()
        .prepare("SELECT lat, lon FROM sites")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // A grid over and well beyond the province's box: far-off points make the search box grow a long way.
    for i in 0..6 {
        for j in 0..6 {
            let (lat, lon) = (20.9 + i as f64 * 0.3, 105.8 + j as f64 * 0.35);
            let rows = sites_near(&s, lat, lon, 20, SiteScope::All, Lang::Vi).unwrap();
            let mut brute: Vec<f64> = all.iter().map(|&(a, b)| distance_m(lat, lon, a, b)).collect();
            brute.sort_by(f64::total_cmp);
            let got: Vec<f64> = rows.iter().map(|r| r.distance_m).collect();
            assert_eq!(got.len(), 20);
            for (g, b) in got.iter().zip(&brute) {
                assert!((g - b).abs() < 1e-6, "at {lat},{lon}: {got:?} vs {:?}", &brute[..20]);
            }
        }
    }
}

/// Every search entry is in the map and every map row names an entry of the same kind and record, after a bulk
/// load, row-by-row re-indexing (a renamed borrower, a new loan) and deletes through the pull's office path.
#[test]
fn the_search_entry_map_follows_every_change() {
    use vieclam_core::store::office::{OfficeBatch, delete_office_record};
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("m.db"), &DbKey::Raw([5; 32])).unwrap();
    let demo = demo::generate(DemoSpec { loans: 100, ..SPEC }).unwrap();
    s.apply_office_batch(&demo).unwrap();
    let consistent = |s: &Store| {
        let conn = s.raw_connection_for_tests();
        let entries: i64 = conn.query_row("SELECT count(*) FROM search_index", [], |r| r.get(0)).unwrap();
        let mapped: i64 = conn
            .query_row(
                "SELECT count(*) FROM search_docs d JOIN search_index i ON i.rowid = d.doc
                 WHERE i.kind = d.kind AND i.ref = d.ref",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let map_rows: i64 = conn.query_row("SELECT count(*) FROM search_docs", [], |r| r.get(0)).unwrap();
        assert!(entries > 100, "communes, borrowers and programmes are indexed: {entries}");
        assert_eq!((mapped, map_rows), (entries, entries), "map and index agree");
    };
    consistent(&s);

    // A small batch (row-by-row upkeep): one borrower renamed, another with a new loan.
    let mut renamed = demo.borrowers[0].clone();
    renamed.full_name = "Lường Thị Quỳnh Mai".into();
    let mut loan = demo.loans.iter().find(|l| l.borrower_id == demo.borrowers[1].id).unwrap().clone();
    loan.id = "new-loan".into();
    loan.agreement_no = "7300199999999".into();
    s.apply_office_batch(&OfficeBatch {
        borrowers: vec![renamed.clone()],
        loans: vec![loan],
        ..OfficeBatch::default()
    })
    .unwrap();
    consistent(&s);
    let hits = |s: &Store, q: &str| search(s, q, &[SearchKind::Borrower], 0, 50).unwrap().hits;
    assert_eq!(
        hits(&s, "luong thi quynh mai").iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        [renamed.id.as_str()]
    );
    assert!(hits(&s, &fold(&demo.borrowers[0].full_name)).iter().all(|h| h.id != renamed.id), "the old name is gone");
    assert_eq!(
        hits(&s, "7300199999999").iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        [demo.borrowers[1].id.as_str()]
    );

    // Deleting a borrower (and their loans first) removes their entry and its map row.
    let gone = demo.borrowers[2].id.clone();
    let tx = s.raw_connection_for_tests().unchecked_transaction().unwrap();
    for l in demo.loans.iter().filter(|l| l.borrower_id == gone) {
        assert!(delete_office_record(&tx, "loan", &l.id).unwrap());
    }
    assert!(delete_office_record(&tx, "borrower", &gone).unwrap());
    tx.commit().unwrap();
    consistent(&s);
    assert!(hits(&s, &fold(&demo.borrowers[2].full_name)).iter().all(|h| h.id != gone));
}

#[test]
fn the_plan_running_today_lists_its_communes_and_a_far_day_lists_none() {
    let s = store();
    let list = current_plans(&s, day(), Lang::Vi).unwrap();
    assert_eq!(list.title, "Kế hoạch kiểm tra");
    let running = list.plans.first().expect("a plan runs on the demo day");
    assert!(running.starts_on <= day() && running.ends_on >= day());
    let names: Vec<&str> = running.communes.iter().map(|c| c.commune_name.as_str()).collect();
    for c in ["Xã Đình Lập", "Xã Lộc Bình", "Xã Thất Khê", "Xã Na Sầm"] {
        assert!(names.contains(&c), "{names:?}");
    }
    let c = &running.communes[0];
    assert!(c.sites > 0 && c.checked <= c.sites);
    assert_eq!(c.sites_text, format!("{} mô hình · đã kiểm tra {}", c.sites, c.checked));
    assert!(running.dates_text.starts_with("Từ "), "{}", running.dates_text);
    let latest = plan(&s, None, Lang::En).unwrap();
    assert_eq!(plan(&s, Some(&latest.code), Lang::En).unwrap().plan_id, latest.plan_id);
    assert!(matches!(plan(&s, Some("999/KH-X"), Lang::Vi), Err(vieclam_core::Error::NotFound { .. })));
    let later = current_plans(&s, day() + chrono::Duration::days(400), Lang::En).unwrap();
    assert!(later.plans.is_empty());
    assert_eq!(later.empty_text, "No inspection plan is running today.");
}

#[test]
fn a_fresh_device_has_no_applications_and_nothing_pending() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("a.db"), &DbKey::Raw([4; 32])).unwrap();
    let list = applications(&s, Lang::En).unwrap();
    assert!(list.rows.is_empty());
    assert_eq!(list.empty_text, "You have not sent any application yet.");
    assert_eq!(pending_changes(&s).unwrap(), 0);
}

/// A copy of the demo store of this test's own, for tests that sign it in (the shared one must stay signed out).
fn own_store() -> (tempfile::TempDir, Store) {
    let shared = store();
    let from = shared.path().to_path_buf();
    drop(shared);
    let dir = tempfile::tempdir().unwrap();
    for suffix in ["", "-wal"] {
        let src = std::path::PathBuf::from(format!("{}{suffix}", from.display()));
        if src.exists() {
            std::fs::copy(&src, dir.path().join(format!("q.db{suffix}"))).unwrap();
        }
    }
    let s = Store::open(dir.path().join("q.db"), &DbKey::Raw([3; 32])).unwrap();
    (dir, s)
}

/// Signs the store in as `role` (what a sign-in leaves in it).
fn sign_in(s: &mut Store, role: vieclam_core::sync::wire::Role) {
    let session = vieclam_core::sync::StoredSession {
        server_url: "http://127.0.0.1:1".into(),
        token: "t".into(),
        expires_at: "2030-01-01T00:00:00Z".into(),
        account_id: "a".into(),
        role,
        display_name: "Hoàng Văn Minh".into(),
        username: None,
    };
    vieclam_core::sync::state::keep_session(s, &session).unwrap();
}

#[test]
fn only_a_borrowers_device_is_reminded() {
    use vieclam_core::sync::wire::Role;
    let (_dir, mut s) = own_store();
    // The demo's store holds 200 people's loans: on an inspector's, an admin's or an unsigned device, no reminder.
    assert!(reminders(&s, day(), Lang::Vi).unwrap().is_empty(), "not signed in");
    for role in [Role::Inspector, Role::Admin, Role::Worker] {
        sign_in(&mut s, role);
        assert!(reminders(&s, day(), Lang::Vi).unwrap().is_empty(), "{role:?}");
    }
    sign_in(&mut s, Role::Borrower);
    assert!(!reminders(&s, day(), Lang::Vi).unwrap().is_empty());
}

#[test]
fn overdue_loans_are_reminded_with_the_figure_to_pay_now() {
    let (_dir, mut s) = own_store();
    sign_in(&mut s, vieclam_core::sync::wire::Role::Borrower);
    let got = reminders(&s, day(), Lang::Vi).unwrap();
    let overdue: Vec<_> =
        got.iter().filter(|r| r.lines.iter().any(|l| l.starts_with("Khoản vay đã quá hạn"))).collect();
    assert!(!overdue.is_empty(), "the demo holds overdue loans");
    for r in overdue {
        let st = vieclam_core::query::facts::load(&s, &r.loan_id).unwrap().status(day(), REMINDER_WINDOW_DAYS);
        let want = format!("cần trả ngay {}", vieclam_core::format::money(st.to_pay_now));
        assert!(r.lines[0].contains(&want), "{:?} / {want}", r.lines);
    }

    // The month's interest, once the commune's transaction point sits within the window (here on the 20th).
    let loans: Vec<(String, String)> = s
        .raw_connection_for_tests()
        .prepare("SELECT l.id, b.commune_code FROM loans l JOIN borrowers b ON b.id = l.borrower_id ORDER BY l.id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let current = |id: &str| {
        let st = vieclam_core::query::facts::load(&s, id).unwrap().status(day(), REMINDER_WINDOW_DAYS);
        st.state == vieclam_core::loans::status::LoanState::Current && st.interest_this_month > 0
    };
    let (loan_id, commune) = loans.iter().find(|(id, _)| current(id)).cloned().expect("a loan being repaid");
    let point = vieclam_core::records::TransactionPoint {
        id: "tp-1".into(),
        commune_code: commune.clone(),
        place: "Nhà văn hóa thôn".into(),
        days_of_month: vec![20],
        dates: vec![],
    };
    let batch = vieclam_core::store::office::OfficeBatch { transaction_points: vec![point], ..Default::default() };
    s.apply_office_batch(&batch).unwrap();
    let st = vieclam_core::query::facts::load(&s, &loan_id).unwrap().status(day(), REMINDER_WINDOW_DAYS);
    let got = reminders(&s, day(), Lang::Vi).unwrap();
    let lines = got.iter().find(|r| r.loan_id == loan_id).map(|r| r.lines.clone()).unwrap_or_default();
    let interest = format!(
        "Lãi tháng này {}: trả tại phiên giao dịch ngày 20/11/2026, Nhà văn hóa thôn",
        vieclam_core::format::money(st.interest_this_month)
    );
    assert!(lines.contains(&interest), "{lines:?} / {interest}");
}

#[test]
fn reminders_cover_every_loan_on_the_device_in_one_window() {
    let (_dir, mut s) = own_store();
    sign_in(&mut s, vieclam_core::sync::wire::Role::Borrower);
    let got = reminders(&s, day(), Lang::Vi).unwrap();
    // Brute force over every loan, through the loan screen with the same window.
    let mut expected = Vec::new();
    let mut page = 0;
    loop {
        let list = loan_list(&s, "", page, 200, day(), Lang::Vi).unwrap();
        for row in &list.rows {
            let d = loan_detail(&s, &row.loan_id, day(), REMINDER_WINDOW_DAYS, Lang::Vi).unwrap();
            let st = vieclam_core::query::facts::load(&s, &row.loan_id).unwrap().status(day(), REMINDER_WINDOW_DAYS);
            // An instalment within the window, or something overdue (the demo has no transaction points, so no
            // interest line).
            if !d.reminders.is_empty() || st.state == vieclam_core::loans::status::LoanState::Overdue {
                expected.push(row.loan_id.clone());
            }
        }
        if !list.has_more {
            break;
        }
        page += 1;
    }
    let mut ids: Vec<String> = got.iter().map(|r| r.loan_id.clone()).collect();
    ids.sort();
    expected.sort();
    assert_eq!(ids, expected);
    // The apps used to look only at the first 50 rows of the loan list: some loans due this week lie beyond them.
    let first_page: Vec<String> =
        loan_list(&s, "", 0, 50, day(), Lang::Vi).unwrap().rows.into_iter().map(|r| r.loan_id).collect();
    assert!(!got.is_empty());
    assert!(ids.iter().any(|id| !first_page.contains(id)), "a due loan beyond the first page");
    assert!(got.iter().all(|r| !r.lines.is_empty() && r.title.starts_with("Số khế ước ")));
}
