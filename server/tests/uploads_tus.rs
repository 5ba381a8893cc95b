//! tus uploads against a real axum server on a free port, over a `LocalFileSystem` store in a temporary folder:
//! chunked uploads, a resume after a PATCH cut off mid-body, wrong offsets and checksums, a hash mismatch that
//! stores nothing, a refused record, and a repeated upload that is a no-op.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use axum::Extension;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use object_store::local::LocalFileSystem;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use vieclam_core::sync::wire::Role;
use vieclam_server::uploads::{Caller, GateError, PhotoGate, UploadState, router};

/// TEST IMPLEMENTATION of the storage layer's gate: the `check_photo` records are a map from hash to
/// `(account, photo id, signature verified)`, and accepted photos a set.
#[derive(Default)]
struct MapGate {
    records: Mutex<HashMap<String, (String, String, bool)>>,
    held: Mutex<HashSet<String>>,
}

impl PhotoGate for MapGate {
    async fn authorize_upload(
        &self,
        caller: &Caller,
        sha256: &str,
        photo_id: &str,
        _len: u64,
    ) -> Result<(), GateError> {
        match self.records.lock().unwrap().get(sha256) {
            Some((account, id, _)) if *account == caller.account_id && id == photo_id => Ok(()),
            _ => Err(GateError::UnknownRecord),
        }
    }
    async fn accept(
        &self,
        _c: &Caller,
        sha256: &str,
        _id: &str,
        _p: &object_store::path::Path,
    ) -> Result<(), GateError> {
        let verified = self.records.lock().unwrap().get(sha256).map(|r| r.2);
        match verified {
            Some(true) => {
                self.held.lock().unwrap().insert(sha256.to_owned());
                Ok(())
            }
            Some(false) => Err(GateError::BadSignature),
            None => Err(GateError::UnknownRecord),
        }
    }
    async fn exists(&self, sha256: &str) -> bool {
        self.held.lock().unwrap().contains(sha256)
    }
    async fn may_read(&self, caller: &Caller, sha256: &str) -> Result<(), GateError> {
        match self.records.lock().unwrap().get(sha256) {
            Some((account, _, _)) if *account == caller.account_id || caller.role == Role::Admin => Ok(()),
            _ => Err(GateError::NotFound),
        }
    }
}

struct Server {
    base: String,
    addr: std::net::SocketAddr,
    dir: tempfile::TempDir,
    gate: Arc<MapGate>,
    http: reqwest::Client,
}

async fn start() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(LocalFileSystem::new_with_prefix(dir.path()).unwrap());
    let gate = Arc::new(MapGate::default());
    let caller = Caller { account_id: "acc-1".into(), device_id: "dev-1".into(), role: Role::Inspector };
    let app = router(UploadState::new(store, gate.clone())).layer(Extension(caller));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Server { base: format!("http://{addr}"), addr, dir, gate, http: reqwest::Client::new() }
}

/// A fake JPEG of `n` bytes: real bytes with a JPEG start, which is all the upload path looks at.
fn photo(n: usize, seed: u8) -> Vec<u8> {
    let mut v: Vec<u8> = (0..n).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect();
    v[..3].copy_from_slice(&[0xFF, 0xD8, 0xFF]);
    v
}

use vieclam_test_support::sha256_hex;

impl Server {
    fn record(&self, sha: &str, photo_id: &str, verified: bool) {
        self.gate.records.lock().unwrap().insert(sha.into(), ("acc-1".into(), photo_id.into(), verified));
    }

    async fn create(&self, len: usize, sha: &str, photo_id: &str) -> reqwest::Response {
        let meta = format!("sha256 {},photo_id {}", STANDARD.encode(sha), STANDARD.encode(photo_id));
        self.http
            .post(format!("{}/v1/uploads", self.base))
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", len.to_string())
            .header("Upload-Metadata", meta)
            .send()
            .await
            .unwrap()
    }

    async fn patch(&self, location: &str, offset: usize, chunk: &[u8], checksum: Option<String>) -> reqwest::Response {
        let mut req = self
            .http
            .patch(format!("{}{location}", self.base))
            .header("Tus-Resumable", "1.0.0")
            .header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Offset", offset.to_string())
            .body(chunk.to_vec());
        if let Some(c) = checksum {
            req = req.header("Upload-Checksum", c);
        }
        req.send().await.unwrap()
    }

    async fn head_offset(&self, location: &str) -> u64 {
        let r =
            self.http.head(format!("{}{location}", self.base)).header("Tus-Resumable", "1.0.0").send().await.unwrap();
        assert_eq!(r.status(), 200);
        r.headers()["upload-offset"].to_str().unwrap().parse().unwrap()
    }

    fn stored(&self, sha: &str) -> Option<Vec<u8>> {
        std::fs::read(self.dir.path().join("photos").join(format!("{sha}.jpg"))).ok()
    }
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn chunked_upload_with_checksums_stores_the_photo_once() {
    let s = start().await;
    let bytes = photo(100_000, 1);
    let sha = sha256_hex(&bytes);
    s.record(&sha, "photo-1", true);
    let opts = s.http.request(reqwest::Method::OPTIONS, format!("{}/v1/uploads", s.base)).send().await.unwrap();
    assert_eq!(opts.headers()["tus-extension"], "creation,checksum,expiration");
    assert_eq!(opts.headers()["tus-version"], "1.0.0");

    let created = s.create(bytes.len(), &sha, "photo-1").await;
    assert_eq!(created.status(), 201);
    let loc = location(&created);
    for (i, chunk) in bytes.chunks(30_000).enumerate() {
        let sum = format!("sha256 {}", STANDARD.encode(Sha256::digest(chunk)));
        let r = s.patch(&loc, i * 30_000, chunk, Some(sum)).await;
        assert_eq!(r.status(), 204);
        assert_eq!(r.headers()["upload-offset"], (i * 30_000 + chunk.len()).to_string().as_str());
    }
    assert_eq!(s.stored(&sha).as_deref(), Some(bytes.as_slice()));
    let got = s.http.get(format!("{}/v1/photos/{sha}", s.base)).send().await.unwrap();
    assert_eq!(got.status(), 200);
    assert_eq!(got.bytes().await.unwrap().as_ref(), bytes.as_slice());
    let head = s.http.head(format!("{}/v1/photos/{sha}", s.base)).send().await.unwrap();
    assert_eq!(head.status(), 200);

    // The same photo again: created complete, nothing to send.
    let again = s.create(bytes.len(), &sha, "photo-1").await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["upload-offset"], bytes.len().to_string().as_str());
    let unknown = s.http.head(format!("{}/v1/photos/{}", s.base, sha256_hex(b"other"))).send().await.unwrap();
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn a_patch_cut_off_mid_body_resumes_from_the_offset_head_gives() {
    let s = start().await;
    let bytes = photo(60_000, 2);
    let sha = sha256_hex(&bytes);
    s.record(&sha, "photo-2", true);
    let loc = location(&s.create(bytes.len(), &sha, "photo-2").await);
    assert_eq!(s.patch(&loc, 0, &bytes[..20_000], None).await.status(), 204);

    // A second PATCH announces 40,000 bytes, sends 10,000 and the connection drops.
    let mut tcp = tokio::net::TcpStream::connect(s.addr).await.unwrap();
    let head = format!(
        "PATCH {loc} HTTP/1.1\r\nHost: {}\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\n\
         Upload-Offset: 20000\r\nContent-Length: 40000\r\n\r\n",
        s.addr
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    tcp.write_all(&bytes[20_000..30_000]).await.unwrap();
    drop(tcp);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;

    assert_eq!(s.head_offset(&loc).await, 20_000);
    assert!(s.stored(&sha).is_none());
    assert_eq!(s.patch(&loc, 20_000, &bytes[20_000..], None).await.status(), 204);
    assert_eq!(s.stored(&sha).as_deref(), Some(bytes.as_slice()));
}

#[tokio::test]
async fn wrong_offset_checksum_version_and_type_are_refused() {
    let s = start().await;
    let bytes = photo(10_000, 3);
    let sha = sha256_hex(&bytes);
    s.record(&sha, "photo-3", true);
    let loc = location(&s.create(bytes.len(), &sha, "photo-3").await);
    let r = s.patch(&loc, 500, &bytes[..100], None).await;
    assert_eq!(r.status(), 409);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "upload.offset_mismatch");
    let wrong = format!("sha256 {}", STANDARD.encode(Sha256::digest(b"not this chunk")));
    let r = s.patch(&loc, 0, &bytes[..100], Some(wrong)).await;
    assert_eq!(r.status(), 460);
    assert_eq!(s.head_offset(&loc).await, 0);
    let r = s.http.patch(format!("{}{loc}", s.base)).header("Tus-Resumable", "0.2.2").send().await.unwrap();
    assert_eq!(r.status(), 412);
    let r = s
        .http
        .patch(format!("{}{loc}", s.base))
        .header("Tus-Resumable", "1.0.0")
        .header("Content-Type", "image/jpeg")
        .header("Upload-Offset", "0")
        .body(bytes.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 415);
}

#[tokio::test]
async fn bytes_that_do_not_match_or_records_that_fail_store_nothing() {
    let s = start().await;
    let bytes = photo(5_000, 4);
    let sha = sha256_hex(&bytes);
    s.record(&sha, "photo-4", true);
    let loc = location(&s.create(bytes.len(), &sha, "photo-4").await);
    let other = photo(5_000, 5);
    let r = s.patch(&loc, 0, &other, None).await;
    assert_eq!(r.status(), 422);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "photo.hash_mismatch");
    assert!(s.stored(&sha).is_none());
    assert!(!s.dir.path().join("photos").exists());

    // A record whose evidence link failed: refused at the end, nothing stored.
    let bad = photo(4_000, 6);
    let bad_sha = sha256_hex(&bad);
    s.record(&bad_sha, "photo-5", false);
    let loc = location(&s.create(bad.len(), &bad_sha, "photo-5").await);
    let r = s.patch(&loc, 0, &bad, None).await;
    assert_eq!(r.status(), 422);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["error"]["code"], "photo.bad_signature");
    assert!(s.stored(&bad_sha).is_none());

    // No record names this hash: refused at creation.
    let r = s.create(1_000, &sha256_hex(b"nobody"), "photo-6").await;
    assert_eq!(r.status(), 422);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["error"]["code"], "photo.unknown_record");
}

/// A raw request on a fresh connection: the status line of the answer, or `None` when none came within 3 s.
async fn raw_status(addr: std::net::SocketAddr, head: &str, body: &[u8]) -> Option<String> {
    use tokio::io::AsyncReadExt;
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    tcp.write_all(head.as_bytes()).await.unwrap();
    tcp.write_all(body).await.unwrap();
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(std::time::Duration::from_secs(3), tcp.read(&mut buf)).await.ok()?.ok()?;
    String::from_utf8_lossy(&buf[..n]).lines().next().map(str::to_owned)
}

#[tokio::test]
async fn a_patch_to_another_accounts_upload_is_refused_before_its_body_is_read() {
    let s = start().await;
    // An upload of another account, as the server keeps it.
    let id = "0123456789abcdef0123456789abcdef";
    let info = serde_json::json!({ "id": id, "length": 15_000_000u64, "offset": 0, "sha256": sha256_hex(b"x"),
        "photo_id": "photo-x", "account_id": "acc-2" });
    std::fs::create_dir_all(s.dir.path().join(format!("uploads/{id}"))).unwrap();
    std::fs::write(s.dir.path().join(format!("uploads/{id}/info.json")), info.to_string()).unwrap();
    // 15 MB announced (under the size limit), 1 KB sent, and the rest never comes: the answer must not wait for it.
    let head = format!(
        "PATCH /v1/uploads/{id} HTTP/1.1\r\nHost: {}\r\nTus-Resumable: 1.0.0\r\n\
         Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\nContent-Length: 15000000\r\n\r\n",
        s.addr
    );
    let started = std::time::Instant::now();
    let status = raw_status(s.addr, &head, &[7u8; 1024]).await;
    assert_eq!(status.as_deref(), Some("HTTP/1.1 403 Forbidden"), "answered without reading the body");
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
    // An upload that does not exist: the same, promptly.
    let head = head.replace(id, "ffffffffffffffffffffffffffffffff");
    assert_eq!(raw_status(s.addr, &head, &[7u8; 1024]).await.as_deref(), Some("HTTP/1.1 404 Not Found"));
    // The caller's own upload: a body longer than the upload's remaining length is refused when it is announced.
    let bytes = photo(1_000, 9);
    let sha = sha256_hex(&bytes);
    s.record(&sha, "photo-9", true);
    let loc = location(&s.create(bytes.len(), &sha, "photo-9").await);
    let head = format!(
        "PATCH {loc} HTTP/1.1\r\nHost: {}\r\nTus-Resumable: 1.0.0\r\n\
         Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\nContent-Length: 15000000\r\n\r\n",
        s.addr
    );
    let status = raw_status(s.addr, &head, &[7u8; 1024]).await;
    assert_eq!(status.as_deref(), Some("HTTP/1.1 413 Payload Too Large"));
    assert_eq!(s.head_offset(&loc).await, 0);
}

#[tokio::test]
async fn already_held_is_told_only_to_a_caller_whose_record_names_the_hash() {
    let s = start().await;
    let bytes = photo(3_000, 10);
    let sha = sha256_hex(&bytes);
    // Another account's record names the hash, and the photo is held.
    s.gate.records.lock().unwrap().insert(sha.clone(), ("acc-2".into(), "photo-10".into(), true));
    s.gate.held.lock().unwrap().insert(sha.clone());
    let r = s.create(bytes.len(), &sha, "photo-10").await;
    let held_answer = (r.status().as_u16(), r.json::<serde_json::Value>().await.unwrap()["error"]["code"].clone());
    // A hash nobody holds gets exactly the same answer.
    let r = s.create(bytes.len(), &sha256_hex(b"nobody holds this"), "photo-10").await;
    let nobody = (r.status().as_u16(), r.json::<serde_json::Value>().await.unwrap()["error"]["code"].clone());
    assert_eq!(held_answer, (422, serde_json::json!("photo.unknown_record")));
    assert_eq!(held_answer, nobody);
}

#[tokio::test]
async fn a_failed_photo_write_marks_nothing_held_and_the_upload_finishes_later() {
    let s = start().await;
    let bytes = photo(40_000, 11);
    let sha = sha256_hex(&bytes);
    s.record(&sha, "photo-11", true);
    let loc = location(&s.create(bytes.len(), &sha, "photo-11").await);
    assert_eq!(s.patch(&loc, 0, &bytes[..25_000], None).await.status(), 204);
    // `photos` is a file: writing `photos/<sha>.jpg` fails.
    std::fs::write(s.dir.path().join("photos"), b"in the way").unwrap();
    let r = s.patch(&loc, 25_000, &bytes[25_000..], None).await;
    assert_eq!(r.status(), 503);
    assert!(!s.gate.held.lock().unwrap().contains(&sha), "not marked held without its bytes");
    // The offset stays before the last chunk: the client sends it again once storage is back.
    assert_eq!(s.head_offset(&loc).await, 25_000);
    std::fs::remove_file(s.dir.path().join("photos")).unwrap();
    assert_eq!(s.patch(&loc, 25_000, &bytes[25_000..], None).await.status(), 204);
    assert!(s.gate.held.lock().unwrap().contains(&sha));
    assert_eq!(s.stored(&sha).as_deref(), Some(bytes.as_slice()));
}

#[tokio::test]
async fn an_abandoned_upload_expires_and_the_sweeper_removes_it() {
    let s = start().await;
    let bytes = photo(20_000, 12);
    let sha = sha256_hex(&bytes);
    s.record(&sha, "photo-12", true);
    let created = s.create(bytes.len(), &sha, "photo-12").await;
    let expires = created.headers()["upload-expires"].to_str().unwrap().to_owned();
    let at = chrono::DateTime::parse_from_rfc2822(&expires).unwrap();
    let hours = (at.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_minutes();
    assert!((23 * 60..=24 * 60).contains(&hours), "{expires}");
    let loc = location(&created);
    let r = s.patch(&loc, 0, &bytes[..5_000], None).await;
    assert!(r.headers().contains_key("upload-expires"));
    let store = LocalFileSystem::new_with_prefix(s.dir.path()).unwrap();
    let day = std::time::Duration::from_secs(86_400);
    let now = chrono::Utc::now();
    assert_eq!(vieclam_server::uploads::sweep::sweep(&store, day, now).await.unwrap(), 0);
    assert_eq!(s.head_offset(&loc).await, 5_000);
    let later = now + chrono::Duration::hours(25);
    assert_eq!(vieclam_server::uploads::sweep::sweep(&store, day, later).await.unwrap(), 1);
    let r = s.http.head(format!("{}{loc}", s.base)).header("Tus-Resumable", "1.0.0").send().await.unwrap();
    assert_eq!(r.status(), 404);
    let id = loc.rsplit('/').next().unwrap();
    let left = std::fs::read_dir(s.dir.path().join("uploads").join(id)).map_or(0, |d| d.count());
    assert_eq!(left, 0, "chunks and info removed");
}
