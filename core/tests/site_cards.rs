//! `site_cards` (schema version 13) is derived data: the nearest-sites list reads it instead of joining a site to
//! its funded model, loan and borrower. These tests change each of the four tables the ways the office and a sync
//! pull change them (upserts that rename, renumber, move and re-parent; deletes; a reset) and compare the cards,
//! every time, with the join written out here independently of the schema's view and triggers. A missed trigger
//! shows up as a card that differs from, lacks or outlives its join row.
//!
//! The sites' R*Tree (kept by triggers since version 14) is checked at the same points: one entry per site, whose
//! box holds the site's position.

use chrono::NaiveDate;
use proptest::prelude::*;
use rusqlite::types::Value;
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::query::{SiteScope, sites_near};
use vieclam_core::store::migrations;
use vieclam_core::store::office::{OfficeBatch, clear_office_records, delete_office_record};
use vieclam_core::{DbKey, Lang, Store};

const KEY: DbKey = DbKey::Raw([13; 32]);
const SPEC: DemoSpec = DemoSpec { loans: 120, seed: 13, as_of: NaiveDate::from_ymd_opt(2026, 11, 15).unwrap() };

/// One card as the list shows it, from either side: its columns in the order of the two queries below.
type Card = Vec<Value>;

const CARDS: &str = "SELECT site_rowid, site_id, model_id, loan_id, borrower_id, agreement_no, borrower_name,
        commune_code, model_kind || '|' || description, CAST(lat * 1e6 AS INTEGER), CAST(lon * 1e6 AS INTEGER),
        CAST(radius_m AS INTEGER), has_plot
    FROM site_cards ORDER BY site_rowid";

/// The join the cards stand for, written out here (not the schema's `site_card_source` view).
const JOIN: &str = "SELECT s.rowid, s.id, m.id, l.id, b.id, l.agreement_no, b.full_name, s.commune_code,
        m.kind || '|' || m.description, CAST(s.lat * 1e6 AS INTEGER), CAST(s.lon * 1e6 AS INTEGER),
        CAST(s.radius_m AS INTEGER), s.plot IS NOT NULL
    FROM sites s, funded_models m, loans l, borrowers b
    WHERE m.id = s.model_id AND l.id = m.loan_id AND b.id = l.borrower_id ORDER BY s.rowid";

fn rows(store: &Store, sql: &str) -> Vec<Card> {
    let conn = store.raw_connection_for_tests();
    let mut st = conn.prepare(sql).unwrap();
    st.query_map([], |r| (0..13).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Card>>())
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

/// Sites without an R*Tree entry whose box holds their position, and entries without a site. (The tree stores
/// 32-bit floats rounded outwards, so a box holds its site's position rather than equalling it.)
const POSITION_FAULTS: &str = "
    SELECT (SELECT count(*) FROM sites s LEFT JOIN sites_rtree t ON t.site_rowid = s.rowid
            WHERE t.site_rowid IS NULL OR NOT (t.min_lat <= s.lat AND s.lat <= t.max_lat
                                               AND t.min_lon <= s.lon AND s.lon <= t.max_lon)),
           (SELECT count(*) FROM sites_rtree t WHERE NOT EXISTS (SELECT 1 FROM sites s WHERE s.rowid = t.site_rowid))";

fn position_faults(store: &Store) -> (i64, i64) {
    store.raw_connection_for_tests().query_row(POSITION_FAULTS, [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap()
}

#[track_caller]
fn assert_cards_match(store: &Store, after: &str) {
    let (cards, join) = (rows(store, CARDS), rows(store, JOIN));
    assert_eq!(cards.len(), join.len(), "after {after}: {} cards for {} sites", cards.len(), join.len());
    for (c, j) in cards.iter().zip(&join) {
        assert_eq!(c, j, "after {after}");
    }
    assert_eq!(position_faults(store), (0, 0), "after {after}: (sites missing from the R*Tree, stale entries)");
}

fn loaded(dir: &std::path::Path) -> (Store, OfficeBatch) {
    let mut store = Store::open(dir.join("cards.db"), &KEY).unwrap();
    let batch = demo::load(&mut store, SPEC).unwrap();
    (store, batch)
}

fn apply(store: &mut Store, batch: OfficeBatch) {
    store.apply_office_batch(&batch).unwrap();
}

fn delete(store: &Store, kind: &str, id: &str) {
    let tx = store.raw_connection_for_tests().unchecked_transaction().unwrap();
    assert!(delete_office_record(&tx, kind, id).unwrap(), "{kind} is an office kind");
    tx.commit().unwrap();
}

#[test]
fn cards_follow_every_office_change() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, demo) = loaded(dir.path());
    assert!(demo.sites.len() >= 100, "the demo has sites to work on");
    assert_cards_match(&store, "the demo load");

    // A borrower renamed: every card of their loans' sites shows the new name.
    let loan = demo.loans.iter().find(|l| demo.models.iter().any(|m| m.loan_id == l.id)).unwrap().clone();
    let mut borrower = demo.borrowers.iter().find(|b| b.id == loan.borrower_id).unwrap().clone();
    borrower.full_name = "Hoàng Thị Đổi Tên".into();
    apply(&mut store, OfficeBatch { borrowers: vec![borrower.clone()], ..OfficeBatch::default() });
    assert_cards_match(&store, "a borrower's new name");
    assert!(rows(&store, CARDS).iter().any(|c| c[6] == text("Hoàng Thị Đổi Tên")));

    // A loan renumbered and handed to another borrower.
    let other = demo.borrowers.iter().find(|b| b.id != loan.borrower_id).unwrap();
    let moved = vieclam_core::records::Loan {
        agreement_no: "KU-CARDS-0001".into(),
        borrower_id: other.id.clone(),
        ..loan.clone()
    };
    apply(&mut store, OfficeBatch { loans: vec![moved], ..OfficeBatch::default() });
    assert_cards_match(&store, "a loan renumbered and re-parented");

    // A funded model re-described, of another kind, and moved to another loan.
    let mut model = demo.models.iter().find(|m| m.loan_id == loan.id).unwrap().clone();
    model.description = "Nuôi ong lấy mật".into();
    model.kind = "livestock".into();
    model.loan_id = demo.loans.iter().find(|l| l.id != loan.id).unwrap().id.clone();
    apply(&mut store, OfficeBatch { models: vec![model.clone()], ..OfficeBatch::default() });
    assert_cards_match(&store, "a model changed and moved to another loan");

    // A site moved, its plot mapped, re-parented to another model; a new site added.
    let mut site = demo.sites.iter().find(|s| s.model_id != model.id).unwrap().clone();
    site.lat += 0.01;
    site.radius_m = 75.0;
    site.plot = Some(vec![[site.lon, site.lat], [site.lon + 0.001, site.lat], [site.lon, site.lat + 0.001]]);
    site.model_id = model.id.clone();
    let mut added = site.clone();
    added.id = "site-cards-new".into();
    added.plot = None;
    apply(&mut store, OfficeBatch { sites: vec![site.clone(), added], ..OfficeBatch::default() });
    assert_cards_match(&store, "a site moved and one added");
    assert!(rows(&store, CARDS).iter().any(|c| c[1] == text("site-cards-new")));

    // Deletes, as a pull brings them: a site, a funded model with its sites, a loan with everything under it.
    delete(&store, "site", &site.id);
    assert_cards_match(&store, "a site deleted");
    delete(&store, "funded_model", &model.id);
    assert_cards_match(&store, "a funded model deleted");
    delete(&store, "loan", &loan.id);
    assert_cards_match(&store, "a loan deleted");
    assert!(rows(&store, CARDS).iter().all(|c| c[3] != text(&loan.id) && c[2] != text(&model.id)));

    // The same demo sent again (a full re-download): every card back as the join gives it.
    apply(&mut store, demo::generate(SPEC).unwrap());
    assert_cards_match(&store, "the whole book sent again");

    // A reset: the office records go, and with them every card.
    let tx = store.raw_connection_for_tests().unchecked_transaction().unwrap();
    clear_office_records(&tx).unwrap();
    tx.commit().unwrap();
    assert_cards_match(&store, "a reset");
    assert!(rows(&store, CARDS).is_empty());
}

#[test]
fn the_list_shows_what_the_office_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, demo) = loaded(dir.path());
    let site = demo.sites[0].clone();
    let model = demo.models.iter().find(|m| m.id == site.model_id).unwrap();
    let loan = demo.loans.iter().find(|l| l.id == model.loan_id).unwrap();
    let mut borrower = demo.borrowers.iter().find(|b| b.id == loan.borrower_id).unwrap().clone();
    borrower.full_name = "Lục Văn Mới".into();
    apply(&mut store, OfficeBatch { borrowers: vec![borrower], ..OfficeBatch::default() });
    let near = sites_near(&store, site.lat, site.lon, 1, SiteScope::All, Lang::Vi).unwrap();
    assert_eq!(near[0].site_id, site.id);
    assert_eq!(near[0].borrower_name, "Lục Văn Mới");
    assert_eq!(near[0].agreement_no, loan.agreement_no);
    assert_eq!(near[0].description, model.description);
}

/// A store made at schema `version` with the demo loaded, checked by `before`, then opened by this build.
fn upgraded_from(dir: &std::path::Path, version: u32, before: impl FnOnce(&Store)) -> Store {
    let path = dir.join(format!("v{version}.db"));
    let mut old = Store::open_at_version(&path, &KEY, version).unwrap();
    demo::load(&mut old, SPEC).unwrap();
    before(&old);
    drop(old);
    let store = Store::open(&path, &KEY).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
    store
}

fn count(store: &Store, table: &str) -> i64 {
    store.raw_connection_for_tests().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn a_store_of_version_12_gets_its_cards_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let store = upgraded_from(dir.path(), 12, |_| {});
    assert!(!rows(&store, CARDS).is_empty());
    assert_cards_match(&store, "the upgrade from version 12");
}

#[test]
fn a_store_of_version_13_gets_its_positions_kept_by_trigger() {
    let dir = tempfile::tempdir().unwrap();
    // This build no longer writes the tree by hand, so at version 13 it lacks the sites just loaded (as a tree that
    // had drifted would): the upgrade rebuilds it.
    let store = upgraded_from(dir.path(), 13, |old| assert_ne!(position_faults(old), (0, 0)));
    assert_cards_match(&store, "the upgrade from version 13");
    // From now on a delete of a loan takes its sites' entries with it, with no code of ours touching the tree.
    let before = count(&store, "sites_rtree");
    let loan = store
        .raw_connection_for_tests()
        .query_row("SELECT m.loan_id FROM sites s JOIN funded_models m ON m.id = s.model_id LIMIT 1", [], |r| {
            r.get::<_, String>(0)
        })
        .unwrap();
    delete(&store, "loan", &loan);
    assert!(count(&store, "sites_rtree") < before);
    assert_cards_match(&store, "deleting a loan after the upgrade");
}

/// One office change of the kinds a pull brings, on the demo's records picked by index.
#[derive(Clone, Debug)]
enum Change {
    RenameBorrower(usize),
    MoveLoan(usize, usize),
    Remodel(usize, usize),
    MoveSite(usize, usize),
    DeleteSite(usize),
    DeleteModel(usize),
    DeleteLoan(usize),
    SendAgain,
}

fn change() -> impl Strategy<Value = Change> {
    let i = 0usize..1_000;
    prop_oneof![
        i.clone().prop_map(Change::RenameBorrower),
        (i.clone(), i.clone()).prop_map(|(a, b)| Change::MoveLoan(a, b)),
        (i.clone(), i.clone()).prop_map(|(a, b)| Change::Remodel(a, b)),
        (i.clone(), i.clone()).prop_map(|(a, b)| Change::MoveSite(a, b)),
        i.clone().prop_map(Change::DeleteSite),
        i.clone().prop_map(Change::DeleteModel),
        i.prop_map(Change::DeleteLoan),
        Just(Change::SendAgain),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Whatever sequence of changes and deletes, the cards are the join.
    #[test]
    fn cards_are_the_join_after_any_changes(changes in proptest::collection::vec(change(), 1..12)) {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, demo) = loaded(dir.path());
        for (n, c) in changes.iter().enumerate() {
            let pick = |len: usize, i: usize| i % len;
            match c {
                Change::RenameBorrower(i) => {
                    let mut b = demo.borrowers[pick(demo.borrowers.len(), *i)].clone();
                    b.full_name = format!("Tên Mới {n}");
                    apply(&mut store, OfficeBatch { borrowers: vec![b], ..OfficeBatch::default() });
                }
                Change::MoveLoan(i, j) => {
                    let mut l = demo.loans[pick(demo.loans.len(), *i)].clone();
                    l.borrower_id = demo.borrowers[pick(demo.borrowers.len(), *j)].id.clone();
                    l.agreement_no = format!("KU-PROP-{n}");
                    // A loan deleted earlier comes back with its schedule-less row; its models stay gone.
                    let _ = store.apply_office_batch(&OfficeBatch { loans: vec![l], ..OfficeBatch::default() });
                }
                Change::Remodel(i, j) => {
                    let mut m = demo.models[pick(demo.models.len(), *i)].clone();
                    m.loan_id = demo.loans[pick(demo.loans.len(), *j)].id.clone();
                    m.description = format!("Mô hình {n}");
                    // Refused (and nothing changed) when that loan was deleted before.
                    let _ = store.apply_office_batch(&OfficeBatch { models: vec![m], ..OfficeBatch::default() });
                }
                Change::MoveSite(i, j) => {
                    let mut s = demo.sites[pick(demo.sites.len(), *i)].clone();
                    s.model_id = demo.models[pick(demo.models.len(), *j)].id.clone();
                    s.lon += 0.001 * n as f64;
                    let _ = store.apply_office_batch(&OfficeBatch { sites: vec![s], ..OfficeBatch::default() });
                }
                Change::DeleteSite(i) => delete(&store, "site", &demo.sites[pick(demo.sites.len(), *i)].id),
                Change::DeleteModel(i) => delete(&store, "funded_model", &demo.models[pick(demo.models.len(), *i)].id),
                Change::DeleteLoan(i) => delete(&store, "loan", &demo.loans[pick(demo.loans.len(), *i)].id),
                Change::SendAgain => apply(&mut store, demo::generate(SPEC).unwrap()),
            }
            let (cards, join) = (rows(&store, CARDS), rows(&store, JOIN));
            prop_assert_eq!(cards, join, "after change {} ({:?})", n, c);
            prop_assert_eq!(position_faults(&store), (0, 0), "R*Tree after change {} ({:?})", n, c);
        }
    }
}
