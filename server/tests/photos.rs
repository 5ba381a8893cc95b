//! Photos through the real server, on SQLite and PostgreSQL: an inspector's device signs in with its Ed25519 key,
//! pushes a check and a `check_photo` with their signed links, uploads the JPEG with tus; the photo is held
//! (`HEAD /v1/photos/{sha}` 200, a row in `photos`), a second upload is a no-op, another inspector is refused and
//! the office reads it. A photo whose link fails verification is refused `photo.bad_signature` and nothing is kept.

mod common;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use common::{Api, Backend, Server, record};
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Value, json};

use vieclam_core::evidence::signing::{SignedLink, ZERO_HASH, canonical, link_hash, sha256};
use vieclam_core::ids::new_id;
use vieclam_server::{params, work};

use vieclam_test_support::hex;

fn hlc(millis: u64) -> String {
    format!("{millis:013}-00000000-00000001")
}

fn mutation(entity: &str, entity_id: &str, payload: &Value, hlc: &str) -> Value {
    json!({ "id": new_id(), "entity": entity, "entity_id": entity_id, "op": "insert", "payload": payload, "hlc": hlc })
}

/// A device's signing chain, as the core's signer builds it.
struct Chain {
    key: SigningKey,
    device_id: String,
    seq: i64,
    prev: [u8; 32],
}

impl Chain {
    fn link(&mut self, kind: &str, record_id: &str, body: &Value) -> SignedLink {
        self.seq += 1;
        let body = String::from_utf8(canonical(body).expect("canonical")).expect("utf-8");
        let body_hash = sha256(body.as_bytes());
        let own = link_hash(self.seq, kind, record_id, &body_hash, &self.prev);
        let link = SignedLink {
            seq: self.seq,
            device_id: self.device_id.clone(),
            kind: kind.into(),
            record_id: record_id.into(),
            body,
            body_hash: hex(&body_hash),
            prev_hash: if self.seq == 1 { ZERO_HASH.into() } else { hex(&self.prev) },
            link_hash: hex(&own),
            signature: hex(&self.key.sign(&own).to_bytes()),
            created_at: "2026-11-28T00:00:00.000Z".into(),
        };
        self.prev = own;
        link
    }
}

/// A small real JPEG: SOI, a comment naming the variant, EOI.
fn jpeg(variant: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xFE];
    let text = format!("vieclam test photo {variant}");
    b.extend_from_slice(&u16::try_from(text.len() + 2).expect("short").to_be_bytes());
    b.extend_from_slice(text.as_bytes());
    b.extend_from_slice(&[0xFF, 0xD9]);
    b
}

use vieclam_test_support::sha256_hex as sha_hex;

/// `POST /v1/uploads`: answers status, Location, Upload-Offset and the body.
async fn create(api: &Api, sha: &str, photo_id: &str, len: usize) -> (u16, String, u64, Value) {
    let meta = format!("sha256 {},photo_id {}", STANDARD.encode(sha), STANDARD.encode(photo_id));
    let mut rb = api
        .http
        .post(format!("{}/v1/uploads", api.base))
        .header("tus-resumable", "1.0.0")
        .header("upload-length", len.to_string())
        .header("upload-metadata", meta);
    if let Some(t) = &api.token {
        rb = rb.bearer_auth(t);
    }
    let r = rb.send().await.expect("create");
    let status = r.status().as_u16();
    let header = |k: &str| r.headers().get(k).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let (location, offset) = (header("location"), header("upload-offset").parse().unwrap_or(0));
    let body = serde_json::from_str(&r.text().await.unwrap_or_default()).unwrap_or(Value::Null);
    (status, location, offset, body)
}

/// `PATCH` the whole photo at offset 0.
async fn patch(api: &Api, location: &str, bytes: &[u8]) -> (u16, Value) {
    let r = api
        .http
        .patch(format!("{}{location}", api.base))
        .bearer_auth(api.token.as_deref().unwrap_or_default())
        .header("tus-resumable", "1.0.0")
        .header("upload-offset", "0")
        .header("content-type", "application/offset+octet-stream")
        .body(bytes.to_vec())
        .send()
        .await
        .expect("patch");
    let status = r.status().as_u16();
    (status, serde_json::from_str(&r.text().await.unwrap_or_default()).unwrap_or(Value::Null))
}

async fn photo_status(api: &Api, sha: &str, head: bool) -> (u16, Vec<u8>) {
    let url = format!("{}/v1/photos/{sha}", api.base);
    let rb = if head { api.http.head(url) } else { api.http.get(url) };
    let r = rb.bearer_auth(api.token.as_deref().unwrap_or_default()).send().await.expect("photo");
    let status = r.status().as_u16();
    (status, r.bytes().await.map(|b| b.to_vec()).unwrap_or_default())
}

async fn held_photos(s: &Server) -> i64 {
    let db = s.db().await;
    db.read(work!(
        |tx| async move { Ok(tx.one("SELECT COUNT(*) FROM photos", params![]).await?.map_or(0, |r| r.int(0))) }
    ))
    .await
    .expect("count")
}

async fn photos(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["demo"]);
    let s = s.start().await;
    // The demo's field work holds photos of its own; this test counts the ones it sends.
    let demo_photos = held_photos(&s).await;
    let api = s.client();
    let key = SigningKey::from_bytes(&[9u8; 32]);
    let mut chain = Chain { device_id: new_id(), key, seq: 0, prev: [0u8; 32] };
    let device = json!({ "device_id": chain.device_id, "public_key": hex(chain.key.verifying_key().as_bytes()),
        "name": "may-kiem-tra", "platform": "android" });
    let (st, session) = api
        .post("/v1/auth/login", &json!({ "username": "thanhtra1", "password": "thanhtra1-vieclam", "device": device }))
        .await;
    assert_eq!(st, 200, "{session}");
    let inspector = api.with_token(&session);
    let all = inspector.pull_all(5_000).await;
    let site = record(all.iter().find(|c| c["kind"] == "site").expect("a site in the plan"));

    // A check and its photo, each signed into the device's chain, pushed together.
    let good = jpeg("good");
    let sha = sha_hex(&good);
    let check_id = new_id();
    // Signed as the core signs: the record with its `signature` empty, then the link's hash written into it.
    let mut check = json!({ "id": check_id, "site_id": site["id"], "state": "open", "signature": null,
        "device_id": chain.device_id });
    let photo_id = new_id();
    let mut photo = json!({ "id": photo_id, "check_id": check_id, "sha256": sha, "width": 4, "height": 3,
        "size_bytes": good.len(), "taken_at": "2026-11-28T01:00:00Z", "signature": null });
    let links = vec![chain.link("check", &check_id, &check), chain.link("photo", &photo_id, &photo)];
    check["signature"] = json!(links[0].link_hash);
    photo["signature"] = json!(links[1].link_hash);
    let push = json!({ "mutations": [mutation("site_check", &check_id, &check, &hlc(1_000)),
        mutation("check_photo", &photo_id, &photo, &hlc(1_001))], "links": links });
    let (st, r) = inspector.post("/v1/push", &push).await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(r["chain_problems"], json!([]), "{r}");
    assert!(r["results"].as_array().expect("results").iter().all(|m| m["status"] == "applied"), "{r}");

    // Without a token the uploads answer 401; a hash no record names is refused.
    let anon = s.client();
    assert_eq!(create(&anon, &sha, &photo_id, good.len()).await.0, 401);
    let stranger = sha_hex(b"not a photo of any record");
    let refused = create(&inspector, &stranger, &photo_id, 10).await;
    assert_eq!((refused.0, refused.3["error"]["code"].as_str()), (422, Some("photo.unknown_record")));

    // The upload: created at offset 0, the whole photo in one PATCH, then held.
    let (st, location, offset, body) = create(&inspector, &sha, &photo_id, good.len()).await;
    assert_eq!((st, offset), (201, 0), "{body}");
    let (st, body) = patch(&inspector, &location, &good).await;
    assert_eq!(st, 204, "{body}");
    assert_eq!(photo_status(&inspector, &sha, true).await.0, 200);
    assert_eq!(held_photos(&s).await - demo_photos, 1);
    // A second upload of the same photo is created complete: nothing to send.
    let (st, _, offset, _) = create(&inspector, &sha, &photo_id, good.len()).await;
    assert_eq!((st, offset), (201, good.len() as u64));
    assert_eq!(held_photos(&s).await - demo_photos, 1);
    // Another inspector (other communes) is refused; the office reads the same bytes.
    let other = api.login("thanhtra2", "thanhtra2-vieclam").await;
    let (st, _) = photo_status(&other, &sha, false).await;
    assert_eq!(st, 403);
    let admin = api.login("admin", "admin-vieclam").await;
    assert_eq!(photo_status(&admin, &sha, false).await, (200, good.clone()));

    // A photo whose link was altered after signing: the server flags it and refuses its bytes.
    let bad = jpeg("bad");
    let bad_sha = sha_hex(&bad);
    let bad_id = new_id();
    let bad_photo = json!({ "id": bad_id, "check_id": check_id, "sha256": bad_sha, "width": 4, "height": 3,
        "size_bytes": bad.len(), "taken_at": "2026-11-28T01:05:00Z" });
    let mut link = chain.link("photo", &bad_id, &bad_photo);
    link.body = link.body.replace("\"width\":4", "\"width\":5");
    let push = json!({ "mutations": [mutation("check_photo", &bad_id, &bad_photo, &hlc(1_002))], "links": [link] });
    let (st, r) = inspector.post("/v1/push", &push).await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(r["chain_problems"].as_array().map(Vec::len), Some(1), "{r}");
    let (st, _, _, body) = create(&inspector, &bad_sha, &bad_id, bad.len()).await;
    assert_eq!((st, body["error"]["code"].as_str()), (422, Some("photo.bad_signature")), "{body}");
    assert_eq!(held_photos(&s).await - demo_photos, 1);
    assert_eq!(photo_status(&admin, &bad_sha, true).await.0, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_on_sqlite() {
    photos(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_on_postgres() {
    photos(Backend::Postgres).await;
}
