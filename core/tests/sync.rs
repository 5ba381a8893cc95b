//! The sync client against a small `/v1` server on loopback (`sync/server.rs`): sign-in, push with its marks and
//! rejections, a dropped connection, pull pages with their cursors and a reset, field records coming down, a
//! cancelled sync, and 401 handling. Every test uses a real encrypted store and real HTTP.

#[path = "sync/server.rs"]
mod server;

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use serde_json::{Value, json};
use server::Fake;
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::store::office::OfficeBatch;
use vieclam_core::sync::wire::{Change, ChangeOp};
use vieclam_core::sync::{
    self, CancelToken, DeviceLabel, NoProgress, ProgressEvent, SyncError, SyncOptions, SyncPhase, SyncProgress, state,
};
use vieclam_core::{DbKey, Lang, Store};

const KEY: DbKey = DbKey::Raw([9; 32]);
const TOKEN: &str = "token-abc";

fn label() -> DeviceLabel {
    DeviceLabel { name: "Máy thử".into(), platform: "desktop".into() }
}

fn new_store() -> (tempfile::TempDir, Mutex<Store>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("s.db"), &KEY).unwrap();
    (dir, Mutex::new(store))
}

fn fake() -> Fake {
    Fake { token: TOKEN.into(), ..Fake::default() }
}

async fn signed_in(fake: Fake) -> (tempfile::TempDir, Mutex<Store>, String, server::Shared) {
    let (dir, store) = new_store();
    let (url, state) = server::start(fake).await;
    sync::login(&store, &url, "an", "mat-khau-dung", &label()).await.unwrap();
    (dir, store, url, state)
}

/// Queues an outbox entry as a local change would (raw SQL: the test needs entries of chosen ids).
fn queue(store: &Mutex<Store>, entity: &str, entity_id: &str, payload: Value) -> String {
    let id = format!("m-{entity_id}");
    store
        .lock()
        .unwrap()
        .raw_connection_for_tests()
        .execute(
            "INSERT INTO outbox (id, entity, entity_id, op, payload, hlc, created_at)
             VALUES (?1, ?2, ?3, 'insert', ?4, '0000000000001-0000-00000000', '2025-10-14T01:30:00.000Z')",
            rusqlite::params![id, entity, entity_id, payload.to_string()],
        )
        .unwrap();
    id
}

fn states(store: &Mutex<Store>) -> Vec<(String, String, Option<String>)> {
    let s = store.lock().unwrap();
    let mut stmt =
        s.raw_connection_for_tests().prepare("SELECT entity_id, state, code FROM outbox ORDER BY seq").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
}

fn count(store: &Mutex<Store>, table: &str) -> i64 {
    store
        .lock()
        .unwrap()
        .raw_connection_for_tests()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// A demo province's office records as pull changes, parents first.
fn office_changes(loans: usize, seed: u64) -> (OfficeBatch, Vec<Change>) {
    let as_of = NaiveDate::from_ymd_opt(2025, 10, 20).unwrap();
    let b = demo::generate(DemoSpec { loans, seed, as_of }).unwrap();
    let mut out = Vec::new();
    let mut add = |kind: &str, id: &str, body: Value| {
        out.push(Change { kind: kind.into(), id: id.into(), op: ChangeOp::Upsert, body: Some(body) })
    };
    let v = |x: &dyn erased::Ser| x.value();
    for g in &b.groups {
        add("savings_group", &g.id, v(g));
    }
    for p in &b.programmes {
        add("loan_programme", &p.id, v(p));
    }
    for x in &b.borrowers {
        add("borrower", &x.id, v(x));
    }
    for l in &b.loans {
        add("loan", &l.id, v(l));
    }
    for (loan, sched) in &b.schedules {
        let list: Vec<Value> = sched
            .iter()
            .map(|i| json!({"seq": i.seq, "due_on": i.due_on.to_string(), "principal_due": i.principal_due}))
            .collect();
        add("schedule", loan, Value::Array(list));
    }
    for p in &b.payments {
        add("payment", &p.id, v(p));
    }
    for m in &b.models {
        add("funded_model", &m.id, v(m));
    }
    for s in &b.sites {
        add("site", &s.id, v(s));
    }
    for e in &b.enterprises {
        add("enterprise", &e.id, v(e));
    }
    for p in &b.job_programmes {
        add("job_programme", &p.id, v(p));
    }
    for p in &b.plans {
        add("inspection_plan", &p.id, v(p));
    }
    (b, out)
}

mod erased {
    /// Serialises any record to JSON in the helper above.
    pub trait Ser {
        fn value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn value(&self) -> serde_json::Value {
            serde_json::to_value(self).expect("records serialise")
        }
    }
}

#[tokio::test]
async fn login_enrols_the_device_key_and_keeps_the_session() {
    let (_dir, store) = new_store();
    let (url, fake) = server::start(fake()).await;
    let wrong = sync::login(&store, &url, "an", "sai", &label()).await.unwrap_err();
    assert_eq!(wrong.code(), "sync.unauthorized");
    assert_eq!(wrong.server_code(), Some("auth.bad_credentials"));
    assert!(sync::current_session(&store).unwrap().is_none(), "a refused sign-in keeps nothing");

    let session = sync::login(&store, &format!("{url}/"), "an", "mat-khau-dung", &label()).await.unwrap();
    assert_eq!(session.server_url, url, "the trailing slash is dropped");
    assert_eq!(session.token, TOKEN);
    let sent = fake.lock().unwrap().last_device.clone().unwrap();
    {
        let s = store.lock().unwrap();
        let identity = vieclam_core::evidence::signing::DeviceIdentity::load(&s).unwrap().unwrap();
        assert_eq!(sent.public_key, identity.public_key_hex());
        assert_eq!(sent.device_id, s.device_id().unwrap());
        assert_eq!(state::stored_session(&s).unwrap(), Some(session));
    }

    sync::logout(&store).await.unwrap();
    assert!(sync::current_session(&store).unwrap().is_none());
    let err = sync::sync(&store, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.unwrap_err();
    assert_eq!(err.code(), "sync.not_signed_in");
}

#[tokio::test]
async fn a_rejected_entry_is_set_aside_and_never_blocks_the_rest() {
    let mut f = fake();
    f.reject_entity_ids.insert("r2".into());
    let (_dir, store, _url, fake) = signed_in(f).await;
    for id in ["r1", "r2", "r3", "r4", "r5"] {
        queue(&store, "worker_registration", id, json!({"id": id}));
    }
    let options = SyncOptions { push_batch: 2, ..SyncOptions::default() };
    let report = sync::sync(&store, &options, &NoProgress, &CancelToken::new()).await.unwrap();
    // The device key (queued at sign-in) and four registrations went in; r2 was refused.
    assert_eq!((report.pushed, report.rejected), (5, 1));
    assert_eq!(fake.lock().unwrap().push_requests, 3, "six entries in batches of two");
    let st = states(&store);
    assert!(st.iter().filter(|(id, ..)| id != "r2").all(|(_, s, _)| s == "sent"), "{st:?}");
    assert!(st.contains(&("r2".into(), "rejected".into(), Some("mutation.bad_payload".into()))));
    // The server now holds the chain head the device sent (none yet: no signed evidence), and a second sync has
    // nothing to send: the rejected entry does not go again.
    let again = sync::sync(&store, &options, &NoProgress, &CancelToken::new()).await.unwrap();
    assert!(again.nothing_to_do);
    assert_eq!(fake.lock().unwrap().push_requests, 3);
    let screen = sync::status(&store.lock().unwrap(), Lang::Vi).unwrap();
    assert_eq!(screen.waiting_total, 0);
    assert_eq!(screen.rejected.len(), 1);
    assert_eq!(screen.rejected[0].code, "mutation.bad_payload");
    assert!(screen.rejected[0].reason.starts_with("Nội dung không hợp lệ"));
    assert!(screen.last_success.is_some());
    assert!(screen.lines.iter().any(|l| l.contains("bị máy chủ từ chối")), "{:?}", screen.lines);
}

#[tokio::test]
async fn a_dropped_connection_is_retried_and_applied_once() {
    let mut f = fake();
    f.drop_pushes = 1;
    let (_dir, store, _url, fake) = signed_in(f).await;
    queue(&store, "worker_registration", "w1", json!({"id": "w1"}));
    let report = sync::sync(&store, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.unwrap();
    assert_eq!(report.pushed, 2);
    let f = fake.lock().unwrap();
    assert_eq!(f.push_requests, 2, "the dropped push was sent again");
    assert_eq!(f.applied.len(), 2);
}

#[tokio::test]
async fn a_lost_answer_is_resent_and_answered_already_applied() {
    let (_dir, store, _url, fake) = signed_in(fake()).await;
    let id = queue(&store, "worker_registration", "w1", json!({"id": "w1"}));
    // The server applied it but the answer never arrived: the entry is still pending on the device.
    fake.lock().unwrap().applied_set.insert(id);
    let report = sync::sync(&store, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.unwrap();
    assert_eq!((report.pushed, report.already_applied), (1, 1));
    assert!(states(&store).iter().all(|(_, s, _)| s == "sent"));
}

#[tokio::test]
async fn pull_pages_commit_with_their_cursor_and_reset_keeps_own_records() {
    let (batch, changes) = office_changes(100, 3);
    let mut f = fake();
    let half = changes.len() / 2;
    // Page boundaries at kind boundaries would be kind to us; split in the middle of a kind instead (borrowers
    // before loans is all the foreign keys need, and the demo's order keeps it).
    f.pages = vec![(changes[..half].to_vec(), false), (changes[half..].to_vec(), false)];
    let (_dir, store, _url, fake) = signed_in(f).await;
    queue(&store, "worker_registration", "own-1", json!({"id": "own-1"}));
    let report = sync::sync(&store, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.unwrap();
    assert_eq!(report.pulled as usize, changes.len());
    assert_eq!(count(&store, "loans") as usize, batch.loans.len());
    assert_eq!(count(&store, "sites") as usize, batch.sites.len());
    assert_eq!(state::cursor(store.lock().unwrap().raw_connection_for_tests()).unwrap().as_deref(), Some("p2"));
    // Search works on what came down: the index was kept up in the same transactions.
    let hits: i64 = store
        .lock()
        .unwrap()
        .raw_connection_for_tests()
        .query_row("SELECT count(*) FROM search_index WHERE kind = 'borrower'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(hits as usize, batch.borrowers.len());

    // The scope changes: one page with reset and a single group; every other office record goes, the device's own
    // registration entry stays.
    let group = changes.iter().find(|c| c.kind == "savings_group").unwrap().clone();
    {
        let mut f = fake.lock().unwrap();
        f.pages.push((vec![group], true));
    }
    let report = sync::sync(&store, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.unwrap();
    assert_eq!(report.pulled, 1);
    assert_eq!(count(&store, "loans"), 0);
    assert_eq!(count(&store, "borrowers"), 0);
    assert_eq!(count(&store, "sites_rtree"), 0);
    assert_eq!(count(&store, "savings_groups"), 1);
    assert!(count(&store, "communes") > 0, "reference data shipped with the app stays");
    assert_eq!(states(&store).iter().filter(|(id, s, _)| id == "own-1" && s == "sent").count(), 1);
}

#[tokio::test]
async fn field_records_come_down_unless_the_device_has_its_own_pending() {
    let theirs = json!({
        "id": "reg-office", "full_name": "Hoàng Thị Mai", "id_kind": "cccd", "id_number": "020190001234",
        "birth_date": "1990-05-01", "sex": "female", "phone": "0912345678", "commune_code": "06613",
        "commune_list": "2025", "address": "Thôn Bản Chắt", "country_abroad": "Nhật Bản", "years_abroad": 3,
        "occupation": "Cơ khí", "skills": ["hàn"], "languages": ["tiếng Nhật"], "certificates": [],
        "wants": ["domestic_job"], "consent": true, "consent_at": "2025-10-01T01:00:00.000Z", "status": "verified",
        "created_at": "2025-10-01T01:00:00.000Z", "hlc": "0000000000002-0000-00000000"
    });
    let mut mine = theirs.clone();
    mine["id"] = json!("reg-mine");
    let mut f = fake();
    f.pages = vec![(
        vec![
            Change {
                kind: "worker_registration".into(),
                id: "reg-office".into(),
                op: ChangeOp::Upsert,
                body: Some(theirs),
            },
            Change {
                kind: "worker_registration".into(),
                id: "reg-mine".into(),
                op: ChangeOp::Upsert,
                body: Some(mine),
            },
            Change { kind: "no_such_kind".into(), id: "x".into(), op: ChangeOp::Upsert, body: Some(json!({})) },
        ],
        false,
    )];
    let (_dir, store, _url, _fake) = signed_in(f).await;
    // The device changed reg-mine itself and has not sent it yet: the pulled copy must not overwrite it.
    queue(&store, "worker_registration", "reg-mine", json!({"id": "reg-mine"}));
    let (applied, skipped) = {
        let s = store.lock().unwrap();
        let page = _fake.lock().unwrap().pages[0].0.clone();
        let resp =
            vieclam_core::sync::wire::PullResponse { changes: page, cursor: "p1".into(), more: false, reset: false };
        let tx = s.raw_connection_for_tests().unchecked_transaction().unwrap();
        let out = sync::pull::apply_page(&tx, &resp).unwrap();
        tx.commit().unwrap();
        out
    };
    assert_eq!((applied, skipped), (1, 2), "the office's verdict applied; own pending and unknown kind skipped");
    let s = store.lock().unwrap();
    let status: String = s
        .raw_connection_for_tests()
        .query_row("SELECT status FROM worker_registrations WHERE id = 'reg-office'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "verified");
    let skills: String = s
        .raw_connection_for_tests()
        .query_row("SELECT skills FROM worker_registrations WHERE id = 'reg-office'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(skills, r#"["hàn"]"#);
    let mine: i64 = s
        .raw_connection_for_tests()
        .query_row("SELECT count(*) FROM worker_registrations WHERE id = 'reg-mine'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mine, 0);
}

/// Cancels the sync as soon as the first pull page is committed.
struct CancelAfterFirstPage(CancelToken);

impl SyncProgress for CancelAfterFirstPage {
    fn on_progress(&self, e: ProgressEvent) {
        if e.phase == SyncPhase::Pull {
            self.0.cancel();
        }
    }
}

#[tokio::test]
async fn a_cancelled_sync_keeps_only_committed_pages_and_resumes_from_the_cursor() {
    let (_, changes) = office_changes(100, 5);
    let groups: Vec<Change> = changes.iter().filter(|c| c.kind == "savings_group").cloned().collect();
    let programmes: Vec<Change> = changes.iter().filter(|c| c.kind == "loan_programme").cloned().collect();
    let mut f = fake();
    f.pages = vec![(groups.clone(), false), (programmes.clone(), false)];
    let (_dir, store, _url, fake) = signed_in(f).await;
    let cancel = CancelToken::new();
    let err =
        sync::sync(&store, &SyncOptions::default(), &CancelAfterFirstPage(cancel.clone()), &cancel).await.unwrap_err();
    assert!(matches!(err, SyncError::Cancelled));
    assert_eq!(err.code(), "sync.cancelled");
    assert_eq!(count(&store, "savings_groups") as usize, groups.len());
    assert_eq!(count(&store, "loan_programmes"), 0);
    assert_eq!(state::cursor(store.lock().unwrap().raw_connection_for_tests()).unwrap().as_deref(), Some("p1"));
    store.lock().unwrap().verify_integrity().unwrap();

    let report = sync::sync(&store, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.unwrap();
    assert_eq!(report.pulled as usize, programmes.len(), "the second run starts after the committed page");
    assert_eq!(fake.lock().unwrap().pull_requests, 2);
}

#[tokio::test]
async fn an_expired_token_is_unauthorized_and_changes_nothing() {
    let (_dir, store, _url, fake) = signed_in(fake()).await;
    queue(&store, "worker_registration", "w1", json!({"id": "w1"}));
    {
        let mut f = fake.lock().unwrap();
        f.expired_token = Some(TOKEN.into());
    }
    let err = sync::sync(&store, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.unwrap_err();
    assert_eq!(err.code(), "sync.unauthorized");
    assert_eq!(err.server_code(), Some("auth.expired_token"));
    assert!(!err.is_transient(), "the scheduler waits for a new sign-in");
    assert!(err.message(Lang::Vi).contains("đăng nhập lại"));
    assert!(states(&store).iter().all(|(_, s, _)| s == "pending"));
    let screen = sync::status(&store.lock().unwrap(), Lang::En).unwrap();
    assert!(screen.last_failure.unwrap().starts_with("sync.unauthorized"));
    assert_eq!(screen.waiting_total, 2);
}

#[tokio::test]
async fn an_enrolment_with_bad_fields_is_refused_on_the_device_and_changes_nothing() {
    let (_dir, store) = new_store();
    // Nothing listens here: had the request been sent, the answer would be `sync.offline`.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}");
    let err = sync::enrol(&store, &url, "  ", "0123", "ngan", &label()).await.unwrap_err();
    let SyncError::Store(vieclam_core::Error::Invalid(fields)) = &err else { panic!("expected field errors: {err:?}") };
    let codes: Vec<&str> = fields.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["full_name.required", "phone.format", "password.too_short"]);
    assert!(err.message(Lang::Vi).contains("Mật khẩu cần ít nhất 8 ký tự"), "{}", err.message(Lang::Vi));
    {
        let conn = store.lock().unwrap();
        assert!(state::stored_session(&conn).unwrap().is_none());
        let identities: i64 = conn
            .raw_connection_for_tests()
            .query_row("SELECT count(*) FROM device_identity", [], |r| r.get(0))
            .unwrap();
        assert_eq!(identities, 0, "no signing key made for a refused enrolment");
    }
    // Valid fields go on to the network (and find nothing there).
    let offline =
        sync::enrol(&store, &url, "Hoàng Văn Minh", "+84 912 345 678", "mat-khau-dai", &label()).await.unwrap_err();
    assert_eq!(offline.code(), "sync.offline");
}

#[tokio::test]
async fn no_server_is_offline() {
    let (_dir, store) = new_store();
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let err = sync::login(&store, &format!("http://127.0.0.1:{port}"), "an", "x", &label()).await.unwrap_err();
    assert_eq!(err.code(), "sync.offline");
    assert!(err.is_transient());
    let bad = sync::login(&store, "not a url", "an", "x", &label()).await.unwrap_err();
    assert_eq!(bad.code(), "sync.bad_url");
    let _ = Arc::new(0);
}
