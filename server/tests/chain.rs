//! Evidence-chain links in a push, on SQLite and on PostgreSQL: the server verifies them with the core's verifier
//! against the key the device registered at sign-in, stores every link that continues the chain (a bad one with its
//! problem, never flagging a record by itself), refuses a link past a gap, and answers the chain head and the
//! problems.

mod common;

use common::{Backend, Server};
use ed25519_dalek::{Signer, SigningKey};
use serde_json::json;
use vieclam_core::evidence::signing::{SignedLink, ZERO_HASH, canonical, link_hash, sha256};
use vieclam_server::work;

use vieclam_test_support::hex;

/// Builds `n` links of a chain signed by `key`, as a device would.
fn chain(key: &SigningKey, device_id: &str, n: i64) -> Vec<SignedLink> {
    let mut prev = [0u8; 32];
    (1..=n)
        .map(|seq| {
            let record_id = format!("check-{seq}");
            let body =
                String::from_utf8(canonical(&json!({ "id": record_id, "n": seq })).expect("canonical")).expect("utf-8");
            let body_hash = sha256(body.as_bytes());
            let own = link_hash(seq, "check", &record_id, &body_hash, &prev);
            let link = SignedLink {
                seq,
                device_id: device_id.to_owned(),
                kind: "check".into(),
                record_id,
                body,
                body_hash: hex(&body_hash),
                prev_hash: if seq == 1 { ZERO_HASH.into() } else { hex(&prev) },
                link_hash: hex(&own),
                signature: hex(&key.sign(&own).to_bytes()),
                created_at: "2026-11-28T00:00:00.000Z".into(),
            };
            prev = own;
            link
        })
        .collect()
}

async fn links(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&[
        "users",
        "add",
        "--role",
        "inspector",
        "--username",
        "tt",
        "--name",
        "Thanh Tra",
        "--password",
        "mat-khau-1",
    ]);
    let s = s.start().await;
    let key = SigningKey::from_bytes(&[7u8; 32]);
    let device_id = vieclam_core::ids::new_id();
    let device = json!({ "device_id": device_id, "public_key": hex(key.verifying_key().as_bytes()), "name": "t", "platform": "desktop" });
    let api = s.client();
    let (st, session) =
        api.post("/v1/auth/login", &json!({ "username": "tt", "password": "mat-khau-1", "device": device })).await;
    assert_eq!(st, 200, "{session}");
    let me = api.with_token(&session);

    let mut all = chain(&key, &device_id, 4);
    let (_, r) = me.post("/v1/push", &json!({ "mutations": [], "links": all[..3] })).await;
    assert_eq!((r["chain_head"].as_i64(), r["chain_problems"].as_array().map(Vec::len)), (Some(3), Some(0)), "{r}");
    // The fourth link's body changed after signing: stored, flagged, reported.
    all[3].body = all[3].body.replace("\"n\":4", "\"n\":5");
    let (_, r) = me.post("/v1/push", &json!({ "mutations": [], "links": all })).await;
    assert_eq!(r["chain_head"], 4, "{r}");
    assert_eq!(r["chain_problems"], json!([{ "seq": 4, "code": "body_hash_mismatch" }]));
    // Links signed by another key are refused as bad signatures.
    let other = chain(&SigningKey::from_bytes(&[9u8; 32]), &device_id, 5);
    let (_, r) = me.post("/v1/push", &json!({ "mutations": [], "links": [other[4].clone()] })).await;
    let codes: Vec<&str> =
        r["chain_problems"].as_array().expect("problems").iter().filter_map(|p| p["code"].as_str()).collect();
    assert!(codes.contains(&"bad_signature"), "{r}");
    // Point 8: a link far ahead in sequence is answered `missing_link`, not stored, and never becomes the head;
    // the genuine next link is still taken after it.
    let genuine = chain(&key, &device_id, 8);
    let (_, r) = me.post("/v1/push", &json!({ "mutations": [], "links": [genuine[7].clone()] })).await;
    assert_eq!(r["chain_head"], 5, "{r}");
    assert_eq!(r["chain_problems"], json!([{ "seq": 8, "code": "missing_link" }]));
    // Another device's links make the push malformed.
    let mut foreign = chain(&key, "someone-else", 1);
    foreign[0].seq = 6;
    let (st, _) = me.post("/v1/push", &json!({ "mutations": [], "links": foreign })).await;
    assert_eq!(st, 400);

    let db = s.db().await;
    let (stored, bad, flags) = db
        .read::<(i64, i64, i64)>(work!(|tx| async move {
            let n = |r: Option<vieclam_server::db::Row>| r.map_or(0, |r| r.int(0));
            let stored = n(tx.one("SELECT COUNT(*) FROM links", vec![]).await?);
            let bad = n(tx.one("SELECT COUNT(*) FROM links WHERE problem IS NOT NULL", vec![]).await?);
            // Point 1: a link flags no record by itself; what it means for a record is the record's evidence
            // status, worked out against its author's devices only.
            let flags = n(tx.one("SELECT COUNT(*) FROM flags", vec![]).await?);
            Ok((stored, bad, flags))
        }))
        .await
        .expect("read links");
    assert_eq!((stored, bad, flags), (5, 2, 0));
}

#[tokio::test(flavor = "multi_thread")]
async fn links_on_sqlite() {
    links(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn links_on_postgres() {
    links(Backend::Postgres).await;
}
