//! Commune reviews end to end, on SQLite and PostgreSQL: two inspectors of one plan each write their review of the
//! same commune on their own device (the core's store: validated, signed into the device's chain, queued) and sync;
//! the office page shows both, merged, each named by the author's display name and verified against its signature,
//! and each device then holds its teammate's review too. Refused and changing nothing: an inspector not on the plan,
//! a review naming another author, one whose id names another record, malformed bodies.

mod common;

use std::sync::Mutex;

use chrono::{Duration, Utc};
use common::field::field_device;
use common::office::Browser;
use common::{Api, Backend, Server};
use serde_json::{Value, json};
use vieclam_core::Store;
use vieclam_core::evidence::signing::DeviceIdentity;
use vieclam_core::ids::new_id;
use vieclam_core::review::store::{merged_of, save};
use vieclam_core::review::{Attendee, CommuneReview, Opinion, Rating, Recommendation, review_id};
use vieclam_core::sync::{CancelToken, NoProgress, SyncOptions, sync};
use vieclam_server::{params, work};

/// Writes `review` on the device as its signed-in inspector and sends it up.
async fn write_and_sync(store: &Mutex<Store>, review: &CommuneReview) {
    {
        let mut s = store.lock().expect("store");
        let identity = DeviceIdentity::load(&s).expect("identity").expect("enrolled at sign-in");
        save(&mut s, &identity, review, Utc::now()).expect("saved on the device");
    }
    let report = sync(store, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.expect("sync");
    assert_eq!((report.pushed, report.rejected), (1, 0), "{report:?}");
}

fn account_of(store: &Mutex<Store>) -> String {
    let s = store.lock().expect("store");
    vieclam_core::sync::state::stored_session(&s).expect("session").expect("signed in").account_id
}

fn hlc(n: u64) -> String {
    format!("{:013}-{:08x}-{:08x}", 1_700_000_000_000u64 + n, 0, 7)
}

/// Pushes one `commune_review` mutation through the raw API; answers its result's code (`""` when applied).
async fn push(api: &Api, entity_id: &str, payload: Value, n: u64) -> String {
    let m = json!({ "id": new_id(), "entity": "commune_review", "entity_id": entity_id, "op": "insert",
        "payload": payload, "hlc": hlc(n) });
    let (status, answer) = api.post("/v1/push", &json!({ "mutations": [m], "links": [] })).await;
    assert_eq!(status, 200, "{answer}");
    answer["results"][0]["code"].as_str().unwrap_or_default().to_owned()
}

/// Every stored review as (id, body), by id.
async fn stored(s: &Server) -> Vec<(String, String)> {
    let db = s.db().await;
    db.read(work!(|tx| async move {
        Ok(tx
            .query("SELECT id, body FROM records WHERE kind = $1 ORDER BY id", params!["commune_review"])
            .await?
            .iter()
            .map(|r| (r.text(0), r.text(1)))
            .collect::<Vec<_>>())
    }))
    .await
    .expect("read")
}

async fn display_name(s: &Server, username: &str) -> String {
    let db = s.db().await;
    let username = username.to_owned();
    db.read::<Option<String>>(work!(|tx| async move {
        Ok(tx
            .one("SELECT display_name FROM accounts WHERE username = $1", params![&username])
            .await?
            .map(|r| r.text(0)))
    }))
    .await
    .expect("read")
    .expect("the account")
}

async fn reviews(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["demo"]);
    s.admin(&[
        "users",
        "add",
        "--role",
        "inspector",
        "--username",
        "an",
        "--name",
        "Hà Văn Ngoài",
        "--password",
        "an-password",
    ]);
    // A plan of two inspectors over one commune, running today.
    let commune = vieclam_core::places::communes()[5].code.clone();
    let today = vieclam_core::query::session::today_in_province();
    let out = s.admin(&[
        "plans",
        "add",
        "--name",
        "09/KH-DG",
        "--inspector",
        "thanhtra1",
        "--inspector",
        "thanhtra2",
        "--communes",
        &commune,
        "--from",
        &(today - Duration::days(2)).to_string(),
        "--to",
        &(today + Duration::days(5)).to_string(),
    ]);
    let plan = out.trim().rsplit(' ').next().expect("the plan's id").to_owned();
    let s = s.start().await;
    let dir = tempfile::tempdir().expect("dir");

    // Two inspectors, two devices, two reviews of the same commune.
    let one = field_device(&s, dir.path(), "thanhtra1").await;
    let two = field_device(&s, dir.path(), "thanhtra2").await;
    let (a1, a2) = (account_of(&one), account_of(&two));
    let held_on = today;
    let mut r1 = CommuneReview::new(&plan, &commune, &a1, held_on);
    r1.set_note("leadership", Rating::Good, "Họp đủ 12 thôn; loa phát 3 buổi.");
    r1.set_note("book", Rating::Fair, "Nợ quá hạn 2,4 %.");
    r1.attendees.push(Attendee { name: "Hoàng Văn Lân".into(), role: "Chủ tịch UBND xã".into() });
    r1.opinions.push(Opinion { who: "Hộ ông Tô Văn Hải".into(), what: "Xin gia hạn nợ vì lũ.".into() });
    write_and_sync(&one, &r1).await;
    let mut r2 = CommuneReview::new(&plan, &commune, &a2, held_on);
    r2.set_note("leadership", Rating::Weak, "Chưa niêm yết thủ tục tại điểm giao dịch.");
    r2.set_note("overseas", Rating::Fair, "Tư vấn 14 lao động; 3 người đã đi Nhật Bản.");
    // The same chairman as the teammate wrote him: one attendee on the page.
    r2.attendees.push(Attendee { name: "Hoàng  Văn Lân".into(), role: "chủ tịch UBND xã".into() });
    r2.recommendations
        .push(Recommendation { to: "UBND xã".into(), what: "Niêm yết thủ tục vay vốn.".into() });
    write_and_sync(&two, &r2).await;

    // The office sees both, merged, by name.
    let web = Browser::signed_in(&s.url, "admin", "admin-vieclam").await;
    let (status, _, plans) = web.get("/office/plans").await;
    assert_eq!(status, 200);
    let link = format!("/office/plans/{plan}/communes/{commune}/review");
    assert!(plans.contains(&format!("href=\"{link}\"")), "the commune row links to its review");
    let (status, _, page) = web.get(&link).await;
    assert_eq!(status, 200, "{page}");
    let (n1, n2) = (display_name(&s, "thanhtra1").await, display_name(&s, "thanhtra2").await);
    let lead = &page[page.find("data-heading=\"leadership\"").expect("the heading")..];
    let lead = &lead[..lead.find("</section>").expect("its end")];
    for text in
        [n1.as_str(), n2.as_str(), "Họp đủ 12 thôn; loa phát 3 buổi.", "Chưa niêm yết thủ tục tại điểm giao dịch."]
    {
        assert!(lead.contains(text), "{text} in {lead}");
    }
    assert!(lead.contains("Tốt") && lead.contains("Yếu"), "{lead}");
    assert!(page.contains("3 người đã đi Nhật Bản") && page.contains("Xin gia hạn nợ vì lũ."), "{page}");
    assert_eq!(page.matches("Hoàng Văn Lân").count() + page.matches("Hoàng  Văn Lân").count(), 1, "one attendee");
    assert_eq!(page.matches("Đã xác thực").count(), 2, "both signed by their authors' devices: {page}");
    for id in [&a1, &a2] {
        assert!(!page.contains(id.as_str()), "no account id on the page");
    }
    let devices = {
        let db = s.db().await;
        db.read::<Vec<String>>(work!(|tx| async move {
            Ok(tx.query("SELECT id FROM devices", vec![]).await?.iter().map(|r| r.text(0)).collect::<Vec<_>>())
        }))
        .await
        .expect("read")
    };
    assert!(devices.iter().all(|d| !page.contains(d.as_str())), "no device id on the page");
    // A commune outside the plan has no review page.
    let other = vieclam_core::places::communes()[6].code.clone();
    assert_eq!(web.get(&format!("/office/plans/{plan}/communes/{other}/review")).await.0, 404);

    // Each device gets its teammate's review at its next sync.
    sync(&one, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.expect("sync");
    let merged = merged_of(&one.lock().expect("store"), &plan, &commune).expect("merged");
    assert_eq!(merged.contributors.len(), 2);
    assert_eq!(merged.heading("leadership").map(|h| h.contributions.len()), Some(2));

    // Refusals, through the raw API; none changes anything.
    let before = stored(&s).await;
    // The demo's own plans hold reviews too (its field work); this plan holds the two written here.
    assert_eq!(before.iter().filter(|(id, _)| id.starts_with(&format!("{plan}/"))).count(), 2);
    let api = s.client();
    let first = api.login("thanhtra1", "thanhtra1-vieclam").await;
    let (status, session) = api
        .post("/v1/auth/login", &json!({ "username": "an", "password": "an-password", "device": common::device() }))
        .await;
    assert_eq!(status, 200, "{session}");
    let outsider = api.with_token(&session);
    let an = session["account_id"].as_str().expect("account id").to_owned();
    let body = |author: &str| {
        let mut r = CommuneReview::new(&plan, &commune, author, held_on);
        r.set_note("leadership", Rating::Weak, "Ghi đè.");
        let mut v = serde_json::to_value(&r).expect("json");
        v["updated_at"] = json!("2026-11-28T01:00:00.000Z");
        v["signature"] = Value::Null;
        v["hlc"] = json!(hlc(1));
        v
    };
    // Not on the plan (their own review, their own id).
    assert_eq!(push(&outsider, &review_id(&plan, &commune, &an), body(&an), 1).await, "mutation.out_of_scope");
    // Writing as the teammate, over the teammate's record.
    assert_eq!(push(&first, &review_id(&plan, &commune, &a2), body(&a2), 2).await, "mutation.other_author");
    // A body whose id is not the record it claims.
    assert_eq!(push(&first, &review_id(&plan, &commune, &a2), body(&a1), 3).await, "mutation.id_mismatch");
    // Malformed: a heading outside the catalogue, a control character, an unknown rating, a missing field.
    let mine = review_id(&plan, &commune, &a1);
    let mut bad = body(&a1);
    bad["headings"][0]["key"] = json!("weather");
    assert_eq!(push(&first, &mine, bad, 4).await, "review.heading_unknown");
    let mut bad = body(&a1);
    bad["headings"][0]["text"] = json!("a\u{1b}[2Jb");
    assert_eq!(push(&first, &mine, bad, 5).await, "review.control_char");
    let mut bad = body(&a1);
    bad["attendees"] = json!([{ "name": "x".repeat(201), "role": "" }]);
    assert_eq!(push(&first, &mine, bad, 6).await, "review.too_long");
    let mut bad = body(&a1);
    bad["headings"][0]["rating"] = json!("excellent");
    assert_eq!(push(&first, &mine, bad, 7).await, "mutation.bad_payload");
    let mut bad = body(&a1);
    bad.as_object_mut().map(|o| o.remove("held_on"));
    assert_eq!(push(&first, &mine, bad, 8).await, "mutation.bad_payload");
    assert_eq!(stored(&s).await, before, "nothing changed");
    let (_, _, again) = web.get(&link).await;
    assert!(!again.contains("Ghi đè."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reviews_on_sqlite() {
    reviews(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reviews_on_postgres() {
    reviews(Backend::Postgres).await;
}
