//! The `/v1` protocol against the real server binary, on SQLite and on PostgreSQL: sign-in, activation, enrolment
//! and its rate limit, token expiry and revocation, push idempotency and refusals, a malformed push that changes
//! nothing, and pull paging with its cursor.

mod common;

use std::collections::HashSet;

use common::{Api, Backend, Server, code, demo_codes, device, record};
use serde_json::{Value, json};
use vieclam_core::ids::new_id;

fn hlc(millis: u64, node: u32) -> String {
    format!("{millis:013}-{:08x}-{node:08x}", 0)
}

fn mutation(entity: &str, entity_id: &str, payload: Value, hlc: &str) -> Value {
    json!({ "id": new_id(), "entity": entity, "entity_id": entity_id, "op": "insert", "payload": payload, "hlc": hlc })
}

async fn seeded(backend: Backend, extra: &[&str]) -> (Server, String) {
    let s = Server::new(backend, extra).await;
    let sheet = s.admin(&["demo"]);
    (s.start().await, sheet)
}

async fn sign_in_and_tokens(s: &Server, sheet: &str) {
    let api = s.client();
    // Password sign-in, and the refusals with their codes.
    let admin = api.login("admin", "admin-vieclam").await;
    let bad = api
        .post("/v1/auth/login", &json!({ "username": "admin", "password": "wrong-password", "device": device() }))
        .await;
    assert_eq!((bad.0, code(&bad)), (401, "auth.bad_credentials"));
    let nobody =
        api.post("/v1/auth/login", &json!({ "username": "nobody", "password": "whatever1", "device": device() })).await;
    assert_eq!(code(&nobody), "auth.bad_credentials");
    // The same device id with another key is refused.
    let d = device();
    let first = api
        .post("/v1/auth/login", &json!({ "username": "thanhtra1", "password": "thanhtra1-vieclam", "device": d }))
        .await;
    assert_eq!(first.0, 200);
    let mut other = d.clone();
    other["public_key"] = json!("ab".repeat(32));
    let clash = api
        .post("/v1/auth/login", &json!({ "username": "thanhtra1", "password": "thanhtra1-vieclam", "device": other }))
        .await;
    assert_eq!((clash.0, code(&clash)), (409, "device.key_mismatch"));

    // Borrower activation: the code works once, and only with the right ID number.
    let codes = demo_codes(sheet);
    assert_eq!(codes.len(), 2, "two activation codes in the sheet: {sheet}");
    let (c, id_number) = &codes[0];
    let wrong =
        api.post("/v1/auth/activate", &json!({ "code": c, "id_number": "000000000000", "device": device() })).await;
    assert_eq!((wrong.0, code(&wrong)), (401, "auth.bad_activation_code"));
    let ok = api
        .post("/v1/auth/activate", &json!({ "code": c.to_lowercase(), "id_number": id_number, "device": device() }))
        .await;
    assert_eq!(ok.0, 200, "{}", ok.1);
    assert_eq!(ok.1["role"], "borrower");
    let again = api.post("/v1/auth/activate", &json!({ "code": c, "id_number": id_number, "device": device() })).await;
    assert_eq!(code(&again), "auth.bad_activation_code");

    // A worker enrols and can sign in again with the phone as user name.
    let e = api
        .post("/v1/auth/enrol", &json!({ "full_name": "Lý Văn Bình", "phone": "0912 345 678", "password": "matkhau-123", "device": device() }))
        .await;
    assert_eq!(e.0, 200, "{}", e.1);
    assert_eq!(e.1["role"], "worker");
    let username = e.1["username"].as_str().expect("user name").to_owned();
    api.login(&username, "matkhau-123").await;

    // Token problems each have their code.
    let none = api.get("/v1/pull").await;
    assert_eq!((none.0, code(&none)), (401, "auth.missing_token"));
    let junk = Api { token: Some("not-a-token".into()), ..api.clone() }.get("/v1/pull").await;
    assert_eq!(code(&junk), "auth.invalid_token");
    let out = admin.post("/v1/auth/logout", &json!({})).await;
    assert_eq!(out.0, 204);
    let after = admin.get("/v1/pull").await;
    assert_eq!((after.0, code(&after)), (401, "auth.revoked_token"));
    // The office revokes a device: its tokens stop working.
    let dev = device();
    let sess = api
        .post("/v1/auth/login", &json!({ "username": "thanhtra2", "password": "thanhtra2-vieclam", "device": dev }))
        .await;
    let t2 = api.with_token(&sess.1);
    assert_eq!(t2.get("/v1/pull?limit=1").await.0, 200);
    s.admin(&["devices", "revoke", dev["device_id"].as_str().unwrap_or_default()]);
    assert_eq!(code(&t2.get("/v1/pull?limit=1").await), "auth.revoked_token");
}

/// A site in the inspector's current plan, from their own pull.
async fn my_site(inspector: &Api) -> Value {
    let all = inspector.pull_all(5_000).await;
    record(&all.into_iter().find(|c| c["kind"] == "site").expect("a site in the plan"))
}

async fn push_rules(s: &Server) {
    let api = s.client();
    let inspector = api.login("thanhtra1", "thanhtra1-vieclam").await;
    let admin = api.login("admin", "admin-vieclam").await;
    let site = my_site(&inspector).await;
    let check_id = new_id();
    let check = mutation(
        "site_check",
        &check_id,
        json!({ "id": check_id, "site_id": site["id"], "state": "open" }),
        &hlc(1_000, 1),
    );
    let answer_id = format!("{check_id}/purpose_kept");
    let answer = mutation(
        "check_answer",
        &answer_id,
        json!({ "check_id": check_id, "question": "purpose_kept", "value": true }),
        &hlc(1_001, 1),
    );
    let batch = json!({ "mutations": [check, answer], "links": [] });
    let first = inspector.post("/v1/push", &batch).await;
    assert_eq!(first.0, 200, "{}", first.1);
    let statuses: Vec<&str> =
        first.1["results"].as_array().expect("results").iter().filter_map(|r| r["status"].as_str()).collect();
    assert_eq!(statuses, ["applied", "applied"]);
    // The same batch again changes nothing and says so.
    let before = admin.pull_all(5_000).await.len();
    let second = inspector.post("/v1/push", &batch).await;
    let statuses: Vec<&str> =
        second.1["results"].as_array().expect("results").iter().filter_map(|r| r["status"].as_str()).collect();
    assert_eq!(statuses, ["already_applied", "already_applied"]);
    let all = admin.pull_all(5_000).await;
    assert_eq!(all.len(), before);
    assert_eq!(all.iter().filter(|c| c["kind"] == "site_check" && c["id"] == check_id.as_str()).count(), 1);
    let got = admin.get(&format!("/v1/checks/{check_id}")).await;
    assert_eq!(got.0, 200);
    assert_eq!(got.1["answers"].as_array().map(Vec::len), Some(1));

    // The same mutation id with other content; an office record; a site outside the plan; an unknown kind.
    let mut reused = batch["mutations"][0].clone();
    reused["payload"]["state"] = json!("finished");
    let office = mutation("loan", &new_id(), json!({}), &hlc(2_000, 1));
    let far_site = admin.pull_all(5_000).await.into_iter().find(|c| {
        c["kind"] == "site"
            && !inspector_communes(&all_plans(&all)).contains(c["body"]["commune_code"].as_str().unwrap_or(""))
    });
    let far_site = far_site.expect("a site outside the plans");
    let cid = new_id();
    let outside = mutation("site_check", &cid, json!({ "id": cid, "site_id": far_site["id"] }), &hlc(3_000, 1));
    let unknown = mutation("spaceship", &new_id(), json!({}), &hlc(4_000, 1));
    let r = inspector.post("/v1/push", &json!({ "mutations": [reused, office, outside, unknown], "links": [] })).await;
    let codes: Vec<&str> =
        r.1["results"].as_array().expect("results").iter().map(|x| x["code"].as_str().unwrap_or("")).collect();
    assert_eq!(
        codes,
        ["mutation.id_reused", "mutation.office_record", "mutation.out_of_scope", "mutation.unknown_entity"]
    );

    // A malformed push is refused whole and changes nothing.
    let count = admin.pull_all(5_000).await.len();
    let m = inspector.post_raw("/v1/push", r#"{"mutations": [{"id": 1}], "links": []}"#).await;
    assert_eq!((m.0, code(&m)), (400, "push.malformed"));
    let ok_then_bad = json!({ "mutations": [mutation("site_check", &new_id(), json!({"site_id": site["id"]}), &hlc(5_000, 1)),
        { "id": "not-a-uuid", "entity": "site_check", "entity_id": "x", "op": "insert", "payload": {}, "hlc": hlc(1, 1) }], "links": [] });
    let m = inspector.post("/v1/push", &ok_then_bad).await;
    assert_eq!((m.0, code(&m)), (400, "push.malformed"));
    assert_eq!(admin.pull_all(5_000).await.len(), count);
    // Over the batch limit.
    let many: Vec<Value> = (0..501).map(|_| mutation("site_check", &new_id(), json!({}), &hlc(1, 1))).collect();
    let big = inspector.post("/v1/push", &json!({ "mutations": many, "links": [] })).await;
    assert_eq!((big.0, code(&big)), (413, "push.too_large"));

    // Two devices of one author: the later clock wins the whole record (evidence is kept exactly as one device
    // signed it, never merged field by field), the other is kept for the office, and the record is marked for review.
    let other = api.login("thanhtra1", "thanhtra1-vieclam").await;
    let late = mutation(
        "site_check",
        &check_id,
        json!({ "id": check_id, "site_id": site["id"], "state": "finished", "note": "b" }),
        &hlc(9_000, 2),
    );
    assert_eq!(
        other.post("/v1/push", &json!({ "mutations": [late], "links": [] })).await.1["results"][0]["status"],
        "applied"
    );
    let early = mutation(
        "site_check",
        &check_id,
        json!({ "id": check_id, "site_id": site["id"], "state": "open", "extra": 1 }),
        &hlc(5_000, 1),
    );
    assert_eq!(
        inspector.post("/v1/push", &json!({ "mutations": [early], "links": [] })).await.1["results"][0]["status"],
        "applied"
    );
    let merged = admin.get(&format!("/v1/checks/{check_id}")).await.1["check"].clone();
    assert_eq!(
        (merged["state"].as_str(), merged["note"].as_str(), merged["extra"].as_i64()),
        (Some("finished"), Some("b"), None)
    );
    assert_eq!(merged["server_review"], true);
}

fn all_plans(all: &[Value]) -> Vec<Value> {
    all.iter().filter(|c| c["kind"] == "inspection_plan").map(|c| c["body"].clone()).collect()
}

fn inspector_communes(plans: &[Value]) -> HashSet<String> {
    plans
        .iter()
        .flat_map(|p| p["commune_codes"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c.as_str().map(str::to_owned))
        .collect()
}

async fn pull_paging(s: &Server) {
    let admin = s.client().login("admin", "admin-vieclam").await;
    let whole = admin.get("/v1/pull?limit=5000").await.1;
    let paged = admin.pull_all(777).await;
    let ids: HashSet<(String, String)> = paged.iter().map(|c| (c["kind"].to_string(), c["id"].to_string())).collect();
    assert_eq!(ids.len(), paged.len(), "no record twice");
    assert!(paged.len() > 2_000, "the demo province pulled: {}", paged.len());
    assert_eq!(
        &whole["changes"].as_array().expect("changes")[..],
        &paged[..whole["changes"].as_array().map_or(0, Vec::len)]
    );
    // Nothing new after the last page; a junk cursor is refused.
    let (_, first) = admin.get("/v1/pull?limit=1").await;
    let mut cursor = first["cursor"].as_str().unwrap_or_default().to_owned();
    loop {
        let (_, p) = admin.get(&format!("/v1/pull?limit=5000&cursor={cursor}")).await;
        cursor = p["cursor"].as_str().unwrap_or_default().to_owned();
        if p["more"] == false {
            break;
        }
    }
    let (_, tail) = admin.get(&format!("/v1/pull?cursor={cursor}")).await;
    assert_eq!(
        (tail["changes"].as_array().map(Vec::len), &tail["more"], &tail["reset"]),
        (Some(0), &json!(false), &json!(false))
    );
    assert_eq!(code(&admin.get("/v1/pull?cursor=%%%").await), "push.malformed");

    // A new plan changes the inspector's scope: the old cursor answers `reset`.
    let inspector = s.client().login("thanhtra2", "thanhtra2-vieclam").await;
    let (_, p) = inspector.get("/v1/pull?limit=5000").await;
    let c = p["cursor"].as_str().unwrap_or_default().to_owned();
    let today = vieclam_core::query::session::today_in_province();
    s.admin(&[
        "plans",
        "add",
        "--name",
        "03/KH",
        "--inspector",
        "thanhtra2",
        "--communes",
        "06040",
        "--from",
        &today.to_string(),
        "--to",
        &(today + chrono::Duration::days(5)).to_string(),
    ]);
    let (_, p) = inspector.get(&format!("/v1/pull?limit=5000&cursor={c}")).await;
    assert_eq!(p["reset"], true);
}

/// A pull page comes compressed: zstd when offered (the core's client offers it), gzip otherwise, the same JSON
/// either way; a small answer comes as it is.
async fn compression(s: &Server) {
    let admin = s.client().login("admin", "admin-vieclam").await;
    let raw = reqwest::Client::builder().no_gzip().no_zstd().build().expect("client");
    let get = |path: &str, accept: &str| {
        raw.get(format!("{}{path}", admin.base))
            .bearer_auth(admin.token.clone().unwrap_or_default())
            .header("accept-encoding", accept)
            .send()
    };
    let page = "/v1/pull?limit=2000";
    let plain = get(page, "identity").await.expect("pull");
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.bytes().await.expect("body");
    assert!(
        serde_json::from_slice::<Value>(&plain).is_ok_and(|p| p["changes"].as_array().is_some_and(|c| c.len() == 2000))
    );
    let zstd = get(page, "gzip, zstd").await.expect("pull");
    assert_eq!(zstd.headers().get("content-encoding").map(|v| v.as_bytes()), Some(&b"zstd"[..]));
    let zstd = zstd.bytes().await.expect("body");
    assert!(zstd.len() * 4 < plain.len(), "zstd {} of {} bytes", zstd.len(), plain.len());
    let gzip = get(page, "gzip").await.expect("pull");
    assert_eq!(gzip.headers().get("content-encoding").map(|v| v.as_bytes()), Some(&b"gzip"[..]));
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&gzip.bytes().await.expect("body")[..]),
        &mut unzipped,
    )
    .expect("gzip");
    assert_eq!(unzipped, plain, "the same page either way");
    let small = get("/v1/health", "gzip, zstd").await.expect("health");
    assert!(small.headers().get("content-encoding").is_none(), "a small answer goes as it is");
}

async fn protocol(backend: Backend) {
    let (s, sheet) = seeded(backend, &[]).await;
    // The demo is seeded once: a second run prints the same sheet and adds nothing.
    assert_eq!(s.admin(&["demo"]), sheet);
    sign_in_and_tokens(&s, &sheet).await;
    push_rules(&s).await;
    pull_paging(&s).await;
    compression(&s).await;
    let (st, doc) = s.client().get("/v1/openapi.json").await;
    assert_eq!(st, 200);
    assert!(doc["components"]["schemas"]["PushRequest"].is_object());
}

async fn expiry_and_rate_limit(backend: Backend) {
    let s = Server::new(backend, &["--token-days", "0"]).await.start().await;
    let api = s.client();
    let mut sessions = Vec::new();
    for i in 0..5 {
        let e = api
            .post("/v1/auth/enrol", &json!({ "full_name": "Vi Thị Hoa", "phone": format!("091234560{i}"), "password": "matkhau-123", "device": device() }))
            .await;
        assert_eq!(e.0, 200, "{}", e.1);
        sessions.push(e.1);
    }
    let sixth = api
        .post(
            "/v1/auth/enrol",
            &json!({ "full_name": "Vi Thị Hoa", "phone": "0912345609", "password": "matkhau-123", "device": device() }),
        )
        .await;
    assert_eq!((sixth.0, code(&sixth)), (429, "rate_limited"));
    let expired = api.with_token(&sessions[0]).get("/v1/pull").await;
    assert_eq!((expired.0, code(&expired)), (401, "auth.expired_token"));
}

#[tokio::test(flavor = "multi_thread")]
async fn protocol_on_sqlite() {
    protocol(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn protocol_on_postgres() {
    protocol(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn expiry_and_rate_limit_on_sqlite() {
    expiry_and_rate_limit(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn expiry_and_rate_limit_on_postgres() {
    expiry_and_rate_limit(Backend::Postgres).await;
}
