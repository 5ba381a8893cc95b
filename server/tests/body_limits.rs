//! Request bodies are bounded by what they inflate to, while they are read, on the real server over SQLite and
//! PostgreSQL: a gzip bomb on `/v1/push` or on sign-in is answered 413 `push.too_large`; a plain body over the
//! bound too; another encoding 415; a full batch of 500 mutations still goes through; and sign-in bodies with a
//! field over its bound are refused 400 `auth.invalid_field` before any password is checked.

mod common;

use std::io::Write;

use common::{Backend, Server, code, device};
use serde_json::{Value, json};
use vieclam_core::ids::new_id;
use vieclam_core::sync::wire::{MAX_PASSWORD_BYTES, MAX_PUSH_MUTATIONS, MAX_USERNAME_BYTES};
use vieclam_server::api::{PUSH_BODY_LIMIT, SMALL_BODY_LIMIT};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

/// A push of one mutation whose note is `len` bytes of one letter: looks valid, compresses a thousandfold.
fn push_bomb(len: usize) -> Vec<u8> {
    let body = json!({ "mutations": [{ "id": new_id(), "entity": "worker_registration", "entity_id": new_id(),
        "op": "insert", "payload": { "id": "x", "note": "A".repeat(len) }, "hlc": "0000000000001-00000000-00000001" }],
        "links": [] });
    serde_json::to_vec(&body).expect("json")
}

async fn post_bytes(
    s: &Server,
    token: Option<&str>,
    path: &str,
    body: Vec<u8>,
    encoding: Option<&str>,
) -> (u16, Value) {
    try_post_bytes(s, token, path, body, encoding).await.expect("request")
}

/// The answer, or the send's error: a server that answers 413 from `Content-Length` and closes without reading a
/// large body may break the pipe before the client reads its answer.
async fn try_post_bytes(
    s: &Server,
    token: Option<&str>,
    path: &str,
    body: Vec<u8>,
    encoding: Option<&str>,
) -> Result<(u16, Value), reqwest::Error> {
    let mut rb =
        reqwest::Client::new().post(format!("{}{path}", s.url)).header("content-type", "application/json").body(body);
    if let Some(e) = encoding {
        rb = rb.header("content-encoding", e);
    }
    if let Some(t) = token {
        rb = rb.bearer_auth(t);
    }
    let r = rb.send().await?;
    let status = r.status().as_u16();
    Ok((status, serde_json::from_str(&r.text().await.unwrap_or_default()).unwrap_or(Value::Null)))
}

async fn limits(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["users", "add", "--role", "inspector", "--username", "an", "--name", "An", "--password", "an-password"]);
    let s = s.start().await;
    let api = s.client().login("an", "an-password").await;
    let token = api.token.clone().expect("token");

    // A gzip bomb: 16 KB on the wire inflating to 8 MB (within the old 16 MB bound) is stopped at the push bound.
    let bomb = gzip(&push_bomb(2 * PUSH_BODY_LIMIT));
    assert!(bomb.len() < 16 * 1024, "the bomb is {} bytes compressed", bomb.len());
    let a = post_bytes(&s, Some(&token), "/v1/push", bomb, Some("gzip")).await;
    assert_eq!((a.0, code(&a)), (413, "push.too_large"), "{}", a.1);
    // A plain body over the bound: refused from its Content-Length, unread (so the client may see the connection
    // closed while it still writes, instead of the 413); never taken.
    let plain = push_bomb(PUSH_BODY_LIMIT);
    match try_post_bytes(&s, Some(&token), "/v1/push", plain, None).await {
        Ok(a) => assert_eq!((a.0, code(&a)), (413, "push.too_large"), "{}", a.1),
        Err(e) => assert!(e.is_request(), "{e}"),
    }
    // A gzip bomb on sign-in: 32 KB of password inflated from a few hundred bytes, stopped at the small bound.
    let login = json!({ "username": "an", "password": "p".repeat(2 * SMALL_BODY_LIMIT), "device": device() });
    let a =
        post_bytes(&s, None, "/v1/auth/login", gzip(&serde_json::to_vec(&login).expect("json")), Some("gzip")).await;
    assert_eq!((a.0, code(&a)), (413, "push.too_large"), "{}", a.1);
    // Only gzip is taken; a broken gzip stream is malformed.
    let a = post_bytes(&s, Some(&token), "/v1/push", b"{}".to_vec(), Some("br")).await;
    assert_eq!((a.0, code(&a)), (415, "push.unsupported_encoding"), "{}", a.1);
    let a = post_bytes(&s, Some(&token), "/v1/push", b"\x1f\x8bnot gzip at all".to_vec(), Some("gzip")).await;
    assert_eq!(a.0, 400, "{}", a.1);

    // A full batch of 500 mutations with realistic payloads fits: answered per mutation, not refused whole.
    let mutations: Vec<Value> = (0..MAX_PUSH_MUTATIONS)
        .map(|i| {
            json!({ "id": new_id(), "entity": "worker_registration", "entity_id": new_id(), "op": "insert",
                "payload": { "id": new_id(), "full_name": "Nguyễn Thị Hồng Nhung", "note": "ghi chú ".repeat(200) },
                "hlc": format!("{:013}-00000000-00000001", 1_700_000_000_000u64 + i as u64) })
        })
        .collect();
    let full = serde_json::to_vec(&json!({ "mutations": mutations, "links": [] })).expect("json");
    let full_len = full.len();
    let a = post_bytes(&s, Some(&token), "/v1/push", gzip(&full), Some("gzip")).await;
    assert_eq!(a.0, 200, "a full batch of {full_len} bytes: {}", a.1);
    assert_eq!(a.1["results"].as_array().map(Vec::len), Some(MAX_PUSH_MUTATIONS));

    // Sign-in fields over their bounds: 400 with the field named, before any password check.
    let cases = [
        json!({ "username": "a".repeat(MAX_USERNAME_BYTES + 1), "password": "an-password", "device": device() }),
        json!({ "username": "an", "password": "p".repeat(MAX_PASSWORD_BYTES + 1), "device": device() }),
        json!({ "username": "an", "password": "an-password",
            "device": { "device_id": new_id(), "public_key": "ab".repeat(32), "name": "n".repeat(101), "platform": "android" } }),
        json!({ "username": "an", "password": "an-password",
            "device": { "device_id": new_id(), "public_key": "ab".repeat(31), "name": "n", "platform": "android" } }),
        json!({ "username": "an", "password": "an-password",
            "device": { "device_id": "d".repeat(65), "public_key": "ab".repeat(32), "name": "n", "platform": "android" } }),
    ];
    for (i, body) in cases.iter().enumerate() {
        let a = s.client().post("/v1/auth/login", body).await;
        assert_eq!((a.0, code(&a)), (400, "auth.invalid_field"), "case {i}: {}", a.1);
    }
    let a = s
        .client()
        .post("/v1/auth/activate", &json!({ "code": "C".repeat(65), "id_number": "012345678901", "device": device() }))
        .await;
    assert_eq!((a.0, code(&a)), (400, "auth.invalid_field"), "{}", a.1);
    let a = s
        .client()
        .post(
            "/v1/auth/enrol",
            &json!({ "full_name": "Lê Văn Ba", "phone": "0912345678", "password": "p".repeat(MAX_PASSWORD_BYTES + 1),
                "device": device() }),
        )
        .await;
    assert_eq!((a.0, code(&a)), (400, "auth.invalid_field"), "{}", a.1);
    // A password at the bound is still checked (and wrong).
    let a = s
        .client()
        .post(
            "/v1/auth/login",
            &json!({ "username": "an", "password": "p".repeat(MAX_PASSWORD_BYTES), "device": device() }),
        )
        .await;
    assert_eq!((a.0, code(&a)), (401, "auth.bad_credentials"), "{}", a.1);

    // A NUL, which PostgreSQL's text cannot hold, is a clear 4xx wherever it comes in, never a 500.
    let nul_cases = [
        json!({ "username": "an\0min", "password": "an-password", "device": device() }),
        json!({ "username": "an", "password": "an-password",
            "device": { "device_id": new_id(), "public_key": "ab".repeat(32), "name": "Pixel\0", "platform": "android" } }),
    ];
    for (i, body) in nul_cases.iter().enumerate() {
        let a = s.client().post("/v1/auth/login", body).await;
        assert_eq!((a.0, code(&a)), (400, "auth.invalid_field"), "NUL case {i}: {}", a.1);
    }
    let nul_push = json!({ "mutations": [{ "id": new_id(), "entity": "worker_registration", "entity_id": "r\0",
        "op": "insert", "payload": {}, "hlc": "0000000001000-00000000-00000001" }], "links": [] });
    let a = post_bytes(&s, Some(&token), "/v1/push", serde_json::to_vec(&nul_push).expect("json"), None).await;
    assert_eq!((a.0, code(&a)), (400, "push.malformed"), "{}", a.1);
    let a = post_bytes(
        &s,
        Some(&token),
        "/v1/push",
        serde_json::to_vec(&json!({ "mutations": [], "links": [{
        "seq": 1, "device_id": "d", "kind": "check", "record_id": "c\0", "body": "{}", "body_hash": "",
        "prev_hash": "", "link_hash": "", "signature": "", "created_at": "" }] }))
        .expect("json"),
        None,
    )
    .await;
    assert_eq!((a.0, code(&a)), (400, "push.malformed"), "{}", a.1);
    let a = api.get("/v1/registrations/r%00x").await;
    assert_eq!(a.0, 404, "{}", a.1);
}

#[tokio::test(flavor = "multi_thread")]
async fn body_limits_on_sqlite() {
    limits(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn body_limits_on_postgres() {
    limits(Backend::Postgres).await;
}
