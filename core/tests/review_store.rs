//! Commune reviews on a real encrypted store: the signed-in inspector's review is saved trimmed, signed into the
//! device's chain (the link signs exactly the body that goes up) and queued once per save; a second save replaces
//! it; refusals (another author, a commune outside the plan, a malformed heading, no session) write nothing; a
//! teammate's review stored beside it is merged, never overwritten.

use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::Value;
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::evidence::binding::{Binding, LinkFacts, bind};
use vieclam_core::evidence::signing::{enrol, load_chain, verify_store};
use vieclam_core::review::store::{load, merged_of, mine, reviews_of, save};
use vieclam_core::review::{Attendee, CommuneReview, ENTITY_REVIEW, Rating};
use vieclam_core::store::outbox;
use vieclam_core::sync::StoredSession;
use vieclam_core::sync::wire::Role;
use vieclam_core::{DbKey, Error, Store};

const AS_OF: NaiveDate = NaiveDate::from_ymd_opt(2025, 10, 20).unwrap();

fn store(signed_in: bool) -> (tempfile::TempDir, Store, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("r.db"), &DbKey::Raw([3; 32])).unwrap();
    demo::load(&mut s, DemoSpec { loans: 100, seed: 2, as_of: AS_OF }).unwrap();
    if signed_in {
        let session = StoredSession {
            server_url: "http://127.0.0.1:1".into(),
            token: "t".into(),
            expires_at: "2030-01-01T00:00:00Z".into(),
            account_id: "acc-me".into(),
            role: Role::Inspector,
            display_name: "Hoàng Văn Minh".into(),
            username: None,
        };
        vieclam_core::sync::state::keep_session(&mut s, &session).unwrap();
    }
    let plan = vieclam_core::query::plan(&s, None, vieclam_core::Lang::Vi).unwrap();
    let (plan, commune) = (plan.plan_id, plan.communes[0].commune_code.clone());
    (dir, s, plan, commune)
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 10, 14).unwrap()
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 10, 14, 3, 0, 0).unwrap()
}

fn codes(e: Error) -> Vec<String> {
    match e {
        Error::Invalid(list) => list.into_iter().map(|f| f.code).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn pending(s: &Store) -> Vec<outbox::OutboxEntry> {
    outbox::pending(s.raw_connection_for_tests()).unwrap().into_iter().filter(|e| e.entity == ENTITY_REVIEW).collect()
}

#[test]
fn a_review_is_saved_signed_and_queued_and_a_second_save_replaces_it() {
    let (_d, mut s, plan, commune) = store(true);
    let identity = enrol(&mut s).unwrap();
    let mut r = CommuneReview::new(&plan, &commune, "acc-me", day());
    r.set_note("leadership", Rating::Good, "  Họp 12/12 thôn; loa phát 3 buổi.  ");
    r.attendees.push(Attendee { name: " Hoàng Văn Lân ".into(), role: "Chủ tịch UBND xã".into() });
    let saved = save(&mut s, &identity, &r, now()).unwrap();
    assert_eq!(saved.review.note("leadership").unwrap().text, "Họp 12/12 thôn; loa phát 3 buổi.");
    assert_eq!(saved.review.attendees[0].name, "Hoàng Văn Lân");
    assert_eq!(mine(&s, &plan, &commune).unwrap().as_ref(), Some(&saved.review));

    // The outbox payload is what the server stores; the link it names signed exactly that body.
    let queued = pending(&s);
    assert_eq!(queued.len(), 1);
    assert_eq!((queued[0].op.as_str(), queued[0].entity_id.as_str()), ("insert", saved.review.id.as_str()));
    let body: Value = serde_json::from_str(&queued[0].payload).unwrap();
    let chain = load_chain(s.raw_connection_for_tests()).unwrap();
    let link = chain.iter().find(|l| Some(&l.link_hash) == saved.signature.as_ref()).expect("the named link");
    assert_eq!(link.kind, "review");
    let facts = LinkFacts {
        device_id: &link.device_id,
        of_author: true,
        kind: &link.kind,
        record_id: &link.record_id,
        body: &link.body,
        problem: None,
        latest: true,
    };
    assert_eq!(bind(ENTITY_REVIEW, &saved.review.id, &body, Some(&facts)), Binding::Verified);

    r.set_note("book", Rating::Weak, "Nợ quá hạn 3,4 %.");
    let again = save(&mut s, &identity, &r, now()).unwrap();
    let queued = pending(&s);
    assert_eq!(queued.iter().map(|e| e.op.as_str()).collect::<Vec<_>>(), ["insert", "update"]);
    assert_eq!(load(s.raw_connection_for_tests(), &again.review.id).unwrap().unwrap().review.headings.len(), 2);
    assert_eq!(reviews_of(&s, &plan, &commune).unwrap().len(), 1);
    assert!(verify_store(&s).unwrap().problems.is_empty());
}

#[test]
fn refusals_write_nothing() {
    let (_d, mut s, plan, commune) = store(true);
    let identity = enrol(&mut s).unwrap();
    let links = load_chain(s.raw_connection_for_tests()).unwrap().len();
    // Written as someone else.
    let other = CommuneReview::new(&plan, &commune, "acc-other", day());
    assert_eq!(codes(save(&mut s, &identity, &other, now()).unwrap_err()), ["review.id_mismatch"]);
    // A commune of the province that is not in the plan.
    let in_plan = |c: &str| -> bool {
        s.raw_connection_for_tests()
            .query_row("SELECT EXISTS (SELECT 1 FROM plan_communes WHERE commune_code = ?1)", [c], |r| r.get(0))
            .unwrap()
    };
    let outside = vieclam_core::places::communes().iter().map(|c| c.code.clone()).find(|c| !in_plan(c)).unwrap();
    let r = CommuneReview::new(&plan, &outside, "acc-me", day());
    assert_eq!(codes(save(&mut s, &identity, &r, now()).unwrap_err()), ["review.not_in_plan"]);
    // A heading outside the catalogue, a control character.
    let mut r = CommuneReview::new(&plan, &commune, "acc-me", day());
    r.set_note("weather", Rating::Good, "Nắng");
    r.set_note("targeting", Rating::Fair, "a\u{1b}[31m");
    assert_eq!(
        codes(save(&mut s, &identity, &r, now()).unwrap_err()),
        ["review.control_char", "review.heading_unknown"]
    );
    assert!(pending(&s).is_empty());
    assert_eq!(load_chain(s.raw_connection_for_tests()).unwrap().len(), links);
    assert!(reviews_of(&s, &plan, &commune).unwrap().is_empty());
}

#[test]
fn without_a_session_there_is_no_author() {
    let (_d, mut s, plan, commune) = store(false);
    let identity = enrol(&mut s).unwrap();
    let r = CommuneReview::new(&plan, &commune, "acc-me", day());
    assert_eq!(codes(save(&mut s, &identity, &r, now()).unwrap_err()), ["review.not_signed_in"]);
    assert_eq!(codes(mine(&s, &plan, &commune).unwrap_err()), ["review.not_signed_in"]);
}

#[test]
fn a_teammates_review_is_merged_beside_mine() {
    let (_d, mut s, plan, commune) = store(true);
    let identity = enrol(&mut s).unwrap();
    let mut r = CommuneReview::new(&plan, &commune, "acc-me", day());
    r.set_note("leadership", Rating::Good, "Họp đủ các thôn.");
    save(&mut s, &identity, &r, now()).unwrap();
    // A teammate's review as a pull stores it (the lists as their JSON text).
    let id = vieclam_core::review::review_id(&plan, &commune, "acc-mate");
    s.raw_connection_for_tests()
        .execute(
            "INSERT INTO commune_reviews (id, plan_id, commune_code, author, held_on, headings, attendees, updated_at, hlc)
             VALUES (?1, ?2, ?3, 'acc-mate', '2025-10-14',
               '[{\"key\":\"leadership\",\"rating\":\"fair\",\"text\":\"Chưa niêm yết thủ tục.\"}]',
               '[{\"name\":\"Lý Thị Mai\",\"role\":\"Cán bộ LĐ-TB&XH\"}]', '2025-10-14T04:00:00.000Z', 'h')",
            rusqlite::params![id, plan, commune],
        )
        .unwrap();
    let m = merged_of(&s, &plan, &commune).unwrap();
    let lead = m.heading("leadership").unwrap();
    assert_eq!(
        lead.contributions.iter().map(|c| (c.author.as_str(), c.rating)).collect::<Vec<_>>(),
        [("acc-mate", Rating::Fair), ("acc-me", Rating::Good)]
    );
    assert_eq!(m.attendees.len(), 1);
    // My next save leaves the teammate's record alone.
    r.set_note("book", Rating::Fair, "Dư nợ tăng 8 %.");
    save(&mut s, &identity, &r, now()).unwrap();
    assert_eq!(reviews_of(&s, &plan, &commune).unwrap().len(), 2);
}
