//! Device identity, signed links and the chain verifier, on a real encrypted store: every kind of tampering an
//! auditor cares about is reported with its reason, at the right link, and nothing else is.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;
use vieclam_core::evidence::signing::{
    self, ChainHead, DeviceIdentity, LinkKind, ProblemCode, SignedLink, VerifyReport, ZERO_HASH, append, enrol,
    latest_link, load_chain, verify_chain, verify_chain_after, verify_detached, verify_store,
};
use vieclam_core::{DbKey, Lang, Store};

const KEY: DbKey = DbKey::Raw([7u8; 32]);

/// A check record as the lifecycle might sign it.
#[derive(Serialize)]
struct CheckBody {
    id: String,
    commune: &'static str,
    verdict: &'static str,
    distance_m: f64,
    accuracy_m: f64,
    started_at: &'static str,
    note: String,
}

fn body(n: usize) -> CheckBody {
    CheckBody {
        id: format!("check-{n:03}"),
        commune: "Đình Lập",
        verdict: "at_site",
        distance_m: 3.25 + n as f64,
        accuracy_m: 4.5,
        started_at: "2025-10-14T08:30:00Z",
        note: format!("Mô hình chăn nuôi số {n} đúng mục đích"),
    }
}

fn open(dir: &Path) -> Store {
    Store::open(dir.join("vieclam.db"), &KEY).expect("open store")
}

/// Appends `n` check links, each in its own committed transaction as the lifecycle would.
fn append_checks(store: &Store, identity: &DeviceIdentity, range: std::ops::Range<usize>) -> Vec<SignedLink> {
    range
        .map(|n| {
            let tx = store.raw_connection_for_tests().unchecked_transaction().expect("tx");
            let link = append(&tx, identity, LinkKind::Check, &format!("check-{n:03}"), &body(n)).expect("append");
            tx.commit().expect("commit");
            link
        })
        .collect()
}

/// A store with an enrolled identity and 20 links.
fn chain_of_20(dir: &Path) -> (Store, DeviceIdentity, Vec<SignedLink>) {
    let mut store = open(dir);
    let identity = enrol(&mut store).expect("enrol");
    let links = append_checks(&store, &identity, 1..21);
    (store, identity, links)
}

/// Lets a test play the attacker who holds the store key: the app's append-only triggers are dropped first.
fn tamper(store: &Store, sql: &str, params: impl rusqlite::Params) {
    store
        .raw_connection_for_tests()
        .execute_batch("DROP TRIGGER evidence_chain_no_update; DROP TRIGGER evidence_chain_no_delete;")
        .expect("drop triggers");
    store.raw_connection_for_tests().execute(sql, params).expect("tamper");
}

fn codes(report: &VerifyReport) -> Vec<(i64, ProblemCode)> {
    report.problems.iter().map(|p| (p.seq, p.code)).collect()
}

fn unhex<const N: usize>(text: &str) -> [u8; N] {
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).expect("hex");
    }
    out
}

#[test]
fn enrolment_is_once_per_store_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    assert!(DeviceIdentity::load(&store).unwrap().is_none());
    let first = enrol(&mut store).unwrap();
    let second = enrol(&mut store).unwrap();
    assert_eq!(first.public_key(), second.public_key());
    assert_eq!(first.device_id(), store.device_id().unwrap());
    assert_eq!(first.public_key_hex().len(), 64);

    // One registration for the server, however often enrolment is called.
    let keys: Vec<_> = store.pending_outbox().unwrap().into_iter().filter(|e| e.entity == "device_key").collect();
    assert_eq!(keys.len(), 1);
    let payload: Value = serde_json::from_str(&keys[0].payload).unwrap();
    assert_eq!(payload["public_key"], first.public_key_hex());
    assert_eq!(payload["algorithm"], "ed25519");

    drop(store);
    let mut store = open(dir.path());
    assert_eq!(DeviceIdentity::load(&store).unwrap().unwrap().public_key(), first.public_key());
    assert_eq!(enrol(&mut store).unwrap().public_key(), first.public_key());

    // Signatures are deterministic and verify against the public key only.
    assert_eq!(first.sign(b"photo bytes"), second.sign(b"photo bytes"));
    assert_eq!(verify_detached(&first.public_key(), b"photo bytes", &first.sign_hex(b"photo bytes")), Ok(()));
}

#[test]
fn the_secret_never_shows_in_debug_output() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let identity = enrol(&mut store).unwrap();
    let secret: String = store
        .raw_connection_for_tests()
        .query_row("SELECT lower(hex(secret_key)) FROM device_identity", [], |r| r.get(0))
        .unwrap();
    assert_eq!(secret.len(), 64);
    let shown = format!("{identity:?} {identity:#?}");
    assert!(!shown.contains(&secret), "{shown}");
    assert!(shown.contains("redacted") && shown.contains(&identity.public_key_hex()));
}

#[test]
fn twenty_links_in_twenty_transactions_verify_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let (store, identity, links) = chain_of_20(dir.path());
    assert_eq!(links.iter().map(|l| l.seq).collect::<Vec<_>>(), (1..=20).collect::<Vec<_>>());
    assert_eq!(links[0].prev_hash, ZERO_HASH);
    for pair in links.windows(2) {
        assert_eq!(pair[1].prev_hash, pair[0].link_hash);
    }
    // What was returned is what was stored, and the body is the canonical form of the record.
    assert_eq!(load_chain(store.raw_connection_for_tests()).unwrap(), links);
    assert_eq!(links[4].body.as_bytes(), signing::canonical(&body(5)).unwrap().as_slice());
    assert!(links[4].body.starts_with(r#"{"accuracy_m":4.5,"commune":"Đình Lập","distance_m":8.25,"#));

    let report = verify_chain(&identity.public_key(), &links);
    assert_eq!((report.ok, report.checked, report.problems.len()), (true, 20, 0));
    assert_eq!(report.summary(Lang::Vi), "Chuỗi bằng chứng nguyên vẹn: đã kiểm tra 20 bản ghi.");

    drop(store);
    let mut store = open(dir.path());
    let identity = enrol(&mut store).unwrap();
    let more = append_checks(&store, &identity, 21..24);
    assert_eq!(more[0].seq, 21);
    assert_eq!(more[0].prev_hash, links[19].link_hash);
    let report = verify_store(&store).unwrap();
    assert!(report.ok, "{:?}", report.problems);
    assert_eq!(report.checked, 23);

    // A link travels as JSON and comes back identical.
    let json = serde_json::to_string(&more[2]).unwrap();
    assert_eq!(serde_json::from_str::<SignedLink>(&json).unwrap(), more[2]);
    assert_eq!(
        latest_link(store.raw_connection_for_tests(), LinkKind::Check, "check-022").unwrap().as_ref(),
        Some(&more[1])
    );
    assert_eq!(latest_link(store.raw_connection_for_tests(), LinkKind::Photo, "check-022").unwrap(), None);
}

#[test]
fn threads_sharing_one_store_keep_one_chain() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let identity = enrol(&mut store).unwrap();
    let shared = std::sync::Mutex::new(store);
    std::thread::scope(|scope| {
        for worker in 0..4 {
            let (shared, identity) = (&shared, &identity);
            scope.spawn(move || {
                for n in 0..5 {
                    let store = shared.lock().expect("lock");
                    append_checks(&store, identity, worker * 10 + n..worker * 10 + n + 1);
                }
            });
        }
    });
    let store = shared.into_inner().unwrap();
    let report = verify_store(&store).unwrap();
    assert!(report.ok && report.checked == 20, "{report:?}");
}

#[test]
fn reopening_between_every_link_keeps_one_chain() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..6 {
        let mut store = open(dir.path());
        let identity = enrol(&mut store).unwrap();
        append_checks(&store, &identity, n..n + 1);
    }
    let report = verify_store(&open(dir.path())).unwrap();
    assert!(report.ok && report.checked == 6, "{report:?}");
}

#[test]
fn a_rolled_back_record_leaves_no_link() {
    let dir = tempfile::tempdir().unwrap();
    let (store, identity, _) = chain_of_20(dir.path());
    {
        let tx = store.raw_connection_for_tests().unchecked_transaction().unwrap();
        let link = append(&tx, &identity, LinkKind::Photo, "photo-1", &body(99)).unwrap();
        assert_eq!(link.seq, 21);
        // dropped without commit: the record failed, so its link must go too
    }
    let next = append_checks(&store, &identity, 21..22);
    assert_eq!(next[0].seq, 21);
    assert!(verify_store(&store).unwrap().ok);
}

#[test]
fn append_refuses_what_it_cannot_sign_faithfully_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, identity, _) = chain_of_20(dir.path());
    let tx = store.raw_connection_for_tests().unchecked_transaction().unwrap();
    let mut nan = body(1);
    nan.distance_m = f64::NAN;
    assert!(append(&tx, &identity, LinkKind::Check, "check-x", &nan).is_err());
    assert!(append(&tx, &identity, LinkKind::Check, "", &body(1)).is_err());
    assert!(append(&tx, &identity, LinkKind::Check, "a\nb", &body(1)).is_err());
    assert!(append(&tx, &identity, LinkKind::Check, "big", &serde_json::json!({"n": u64::MAX})).is_err());
    tx.commit().unwrap();
    assert_eq!(load_chain(store.raw_connection_for_tests()).unwrap().len(), 20);
}

#[test]
fn the_app_cannot_edit_or_delete_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, _) = chain_of_20(dir.path());
    assert!(
        store.raw_connection_for_tests().execute("UPDATE evidence_chain SET body = '{}' WHERE seq = 3", []).is_err()
    );
    assert!(store.raw_connection_for_tests().execute("DELETE FROM evidence_chain WHERE seq = 3", []).is_err());
    assert!(verify_store(&store).unwrap().ok);
}

#[test]
fn one_changed_byte_in_a_body_is_reported_there_and_nowhere_else() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, links) = chain_of_20(dir.path());
    // 8.25 → 8.35: still valid, still canonical JSON, one byte different.
    let changed = links[4].body.replacen("8.25", "8.35", 1);
    assert_eq!(changed.len(), links[4].body.len());
    tamper(&store, "UPDATE evidence_chain SET body = ?1 WHERE seq = 5", [&changed]);

    let report = verify_store(&store).unwrap();
    assert!(!report.ok);
    assert_eq!(codes(&report), vec![(5, ProblemCode::BodyHashMismatch)]);
    assert_eq!(
        report.problems[0].message(Lang::Vi),
        "Mắt xích số 5: Nội dung bản ghi đã bị thay đổi sau khi ký (mã băm nội dung không khớp)."
    );
    assert!(report.problems[0].message(Lang::En).starts_with("Link 5: The record's content was changed"));
    assert_eq!(report.summary(Lang::En), "The evidence chain has 1 problems in 20 records checked.");
}

#[test]
fn a_body_rewritten_with_a_fresh_hash_breaks_the_link_hash() {
    let dir = tempfile::tempdir().unwrap();
    let (store, identity, mut links) = chain_of_20(dir.path());
    links[6].body = links[6].body.replacen("đúng mục đích", "sai mục đích", 1);
    links[6].body_hash = hex(&signing::sha256(links[6].body.as_bytes()));
    assert_eq!(codes(&verify_chain(&identity.public_key(), &links)), vec![(7, ProblemCode::LinkHashMismatch)]);
    // …and rewriting the link hash too leaves a signature that no longer matches, and a broken next link.
    let prev = unhex::<32>(&links[6].prev_hash);
    let body_hash = signing::sha256(links[6].body.as_bytes());
    links[6].link_hash = hex(&signing::link_hash(7, "check", &links[6].record_id, &body_hash, &prev));
    assert_eq!(
        codes(&verify_chain(&identity.public_key(), &links)),
        vec![(7, ProblemCode::BadSignature), (8, ProblemCode::MissingLink)]
    );
    drop(store);
}

use vieclam_test_support::hex;

#[test]
fn swapped_links_are_out_of_order() {
    let dir = tempfile::tempdir().unwrap();
    let (store, identity, mut links) = chain_of_20(dir.path());
    links.swap(9, 10); // seq 10 and 11 as received
    let report = verify_chain(&identity.public_key(), &links);
    assert_eq!(codes(&report), vec![(10, ProblemCode::OutOfOrder)]);

    // In the store, seq is the row's key: swapping two rows' contents shows as links that no longer fit their place.
    let rows: Vec<(i64, String, String, String, String, String, String)> = [10, 11]
        .iter()
        .map(|seq| {
            store
                .raw_connection_for_tests()
                .query_row(
                    "SELECT seq, record_id, body, body_hash, prev_hash, link_hash, signature
                     FROM evidence_chain WHERE seq = ?1",
                    [seq],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
                )
                .unwrap()
        })
        .collect();
    tamper(&store, "DELETE FROM evidence_chain WHERE seq IN (10, 11)", []);
    for (own, other) in [(&rows[0], &rows[1]), (&rows[1], &rows[0])] {
        store
            .raw_connection_for_tests()
            .execute(
                "INSERT INTO evidence_chain (seq, device_id, kind, record_id, body, body_hash, prev_hash, link_hash,
                   signature, created_at) VALUES (?1, ?2, 'check', ?3, ?4, ?5, ?6, ?7, ?8, 'x')",
                rusqlite::params![own.0, identity.device_id(), other.1, other.2, other.3, other.4, other.5, other.6],
            )
            .unwrap();
    }
    let report = verify_store(&store).unwrap();
    assert_eq!(
        codes(&report),
        vec![
            (10, ProblemCode::LinkHashMismatch),
            (10, ProblemCode::MissingLink),
            (11, ProblemCode::LinkHashMismatch),
            (11, ProblemCode::MissingLink),
            (12, ProblemCode::MissingLink),
        ]
    );
}

#[test]
fn a_deleted_middle_link_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, _) = chain_of_20(dir.path());
    tamper(&store, "DELETE FROM evidence_chain WHERE seq = 12", []);
    let report = verify_store(&store).unwrap();
    assert_eq!(codes(&report), vec![(13, ProblemCode::MissingLink)]);
    assert_eq!(report.problems[0].detail, "link 12 is missing");
    assert_eq!(report.checked, 19);
}

#[test]
fn a_link_signed_by_another_key_is_a_bad_signature() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, identity, mut links) = chain_of_20(dir.path());
    let other_dir = tempfile::tempdir().unwrap();
    let mut other_store = open(other_dir.path());
    let stranger = enrol(&mut other_store).unwrap();
    assert_ne!(stranger.public_key(), identity.public_key());

    // Same seq, same hashes, a well-formed signature, but by someone else's key.
    links[7].signature = stranger.sign_hex(&unhex::<32>(&links[7].link_hash));
    assert_eq!(codes(&verify_chain(&identity.public_key(), &links)), vec![(8, ProblemCode::BadSignature)]);

    // The whole chain against the wrong device's key: every link but the one the stranger signed fails.
    let report = verify_chain(&stranger.public_key(), &links);
    assert_eq!(report.problems.len(), 19);
    assert!(report.problems.iter().all(|p| p.code == ProblemCode::BadSignature && p.seq != 8));
}

#[test]
fn the_server_verifies_a_batch_from_the_head_it_already_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, identity, links) = chain_of_20(dir.path());
    let head = ChainHead::after(&links[9]);
    assert!(verify_chain_after(&identity.public_key(), &head, &links[10..]).ok);
    // A batch that skips a link, or replays one the server already has, is refused.
    let skipped = verify_chain_after(&identity.public_key(), &head, &links[11..]);
    assert_eq!(codes(&skipped), vec![(12, ProblemCode::MissingLink)]);
    let replayed = verify_chain_after(&identity.public_key(), &head, &links[9..]);
    assert_eq!(codes(&replayed), vec![(10, ProblemCode::OutOfOrder)]);
    // A head the batch does not continue from (a forked chain).
    let forked = ChainHead { seq: 10, link_hash: links[3].link_hash.clone() };
    assert_eq!(
        codes(&verify_chain_after(&identity.public_key(), &forked, &links[10..])),
        vec![(11, ProblemCode::MissingLink)]
    );
}

#[test]
fn detached_signatures_name_their_problem() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let identity = enrol(&mut store).unwrap();
    let photo_hash = signing::sha256(b"\xff\xd8 a jpeg");
    let signature = identity.sign_hex(&photo_hash);
    assert_eq!(verify_detached(&identity.public_key(), &photo_hash, &signature), Ok(()));
    let other = signing::sha256(b"\xff\xd8 another jpeg");
    assert_eq!(verify_detached(&identity.public_key(), &other, &signature), Err(ProblemCode::BadSignature));
    assert_eq!(verify_detached(&identity.public_key(), &photo_hash, "zz"), Err(ProblemCode::BadEncoding));
    let shouting = signature.to_uppercase();
    assert_eq!(verify_detached(&identity.public_key(), &photo_hash, &shouting), Err(ProblemCode::BadEncoding));
}

#[test]
fn a_link_moved_to_another_device_name_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, _) = chain_of_20(dir.path());
    tamper(&store, "UPDATE evidence_chain SET device_id = 'someone-else' WHERE seq = 4", []);
    assert_eq!(codes(&verify_store(&store).unwrap()), vec![(4, ProblemCode::BadEncoding)]);
}

#[test]
fn a_store_without_identity_cannot_be_verified() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    assert_eq!(verify_store(&store).unwrap_err().code(), "not_found");
}

#[path = "signing/props.rs"]
mod props;
