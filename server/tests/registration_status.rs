//! A worker's registration and the office's verification, on SQLite and on PostgreSQL: the office's status survives
//! a resend of the same content, and goes back to "unverified" as soon as the worker rewrites anything the office
//! checked (issue 9, point 6). The device never sets the status itself.

mod common;

use common::{Backend, Server};
use serde_json::{Value, json};
use vieclam_core::ids::new_id;

fn push(id: &str, body: &Value, millis: u64) -> Value {
    json!({ "mutations": [{ "id": new_id(), "entity": "worker_registration", "entity_id": id, "op": "update",
        "payload": body, "hlc": format!("{millis:013}-00000000-00000007") }], "links": [] })
}

async fn registration_status(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["demo"]);
    let s = s.start().await;
    let worker = s.enrolled_worker().await;
    let admin = s.client().login("admin", "admin-vieclam").await;
    let id = new_id();
    let mut reg = json!({ "id": id, "full_name": "Lý Văn Bình", "id_number": "020090654321", "phone": "0912345679",
        "commune_code": "05977", "country_abroad": "Hàn Quốc", "created_at": "2026-11-20T03:00:00.000Z",
        "hlc": "0000000001000-00000000-00000007", "status": "verified" });
    let status = |v: &Value| v["status"].as_str().unwrap_or_default().to_owned();

    // The device cannot verify itself.
    let (st, r) = worker.post("/v1/push", &push(&id, &reg, 1_000)).await;
    assert_eq!((st, r["results"][0]["status"].as_str()), (200, Some("applied")), "{r}");
    assert_eq!(status(&worker.get(&format!("/v1/registrations/{id}")).await.1), "unverified");
    // The office verifies it; the same content sent again (a resend after a lost answer) keeps the verification.
    let (st, v) = admin.post(&format!("/v1/registrations/{id}/verify"), &json!({})).await;
    assert_eq!((st, status(&v)), (200, "verified".to_owned()));
    reg["hlc"] = json!("0000000002000-00000000-00000007");
    worker.post("/v1/push", &push(&id, &reg, 2_000)).await;
    assert_eq!(status(&worker.get(&format!("/v1/registrations/{id}")).await.1), "verified");
    // The worker changes their ID number: what the office verified no longer stands.
    reg["id_number"] = json!("020090999999");
    reg["hlc"] = json!("0000000003000-00000000-00000007");
    let (_, r) = worker.post("/v1/push", &push(&id, &reg, 3_000)).await;
    assert_eq!(r["results"][0]["status"], "applied", "{r}");
    let seen = worker.get(&format!("/v1/registrations/{id}")).await.1;
    assert_eq!((status(&seen), seen["id_number"].as_str()), ("unverified".to_owned(), Some("020090999999")));
    assert_eq!(status(&admin.get(&format!("/v1/registrations/{id}")).await.1), "unverified");
}

#[tokio::test(flavor = "multi_thread")]
async fn registration_status_on_sqlite() {
    registration_status(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn registration_status_on_postgres() {
    registration_status(Backend::Postgres).await;
}
