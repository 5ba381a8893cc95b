//! A bare `/v1` client for the tests and the load generator: the wire types of `vieclam_core::sync::wire` over
//! reqwest, gzip both ways, with nothing of the core's sync logic, so a test can send exactly what it means to
//! (a malformed body, a stale token) and a benchmark measures the server, not the client.

use std::io::Write;

use ed25519_dalek::SigningKey;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use serde::de::DeserializeOwned;
use vieclam_core::sync::wire::{
    Change, DeviceInfo, ErrorBody, LoginRequest, PullResponse, PushRequest, PushResponse, Session,
};

/// A failed exchange.
#[derive(Debug, thiserror::Error)]
pub enum WireError {
    /// No answer: refused, reset, cut, timed out.
    #[error("transport: {0}")]
    Transport(#[from] reqwest::Error),
    /// An error answer, with its stable code (empty when the body was not an `ErrorBody`).
    #[error("HTTP {status} {code}")]
    Status {
        /// The HTTP status.
        status: u16,
        /// The `ErrorBody` code.
        code: String,
    },
    /// A 2xx answer that is not the JSON expected.
    #[error("undecodable answer: {0}")]
    Decode(String),
}

/// A simulated device: an id and an Ed25519 key made from a seed, so a run can be replayed.
pub struct Device {
    /// The device id (a UUID made from the seed).
    pub device_id: String,
    /// The evidence key.
    pub key: SigningKey,
}

impl Device {
    /// The device made from `seed`.
    pub fn from_seed(seed: u64) -> Device {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut secret = [0u8; 32];
        rng.fill(&mut secret);
        let id_bytes: [u8; 16] = rng.random();
        let device_id = uuid::Builder::from_random_bytes(id_bytes).into_uuid().to_string();
        Device { device_id, key: SigningKey::from_bytes(&secret) }
    }

    /// What a sign-in sends about it.
    pub fn info(&self) -> DeviceInfo {
        let public: String = self.key.verifying_key().to_bytes().iter().map(|b| format!("{b:02x}")).collect();
        DeviceInfo {
            device_id: self.device_id.clone(),
            public_key: public,
            name: format!("e2e {}", &self.device_id[..8]),
            platform: "desktop".into(),
        }
    }
}

/// A client of one server, signed in or not.
#[derive(Clone)]
pub struct WireClient {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

impl WireClient {
    /// A client of the server at `base` (`http://host:port`), sharing `http`'s connection pool.
    pub fn new(http: reqwest::Client, base: impl Into<String>) -> WireClient {
        WireClient { http, base: base.into(), token: None }
    }

    /// The bearer token in use.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Uses this token from now on (or none).
    pub fn set_token(&mut self, token: Option<String>) {
        self.token = token;
    }

    /// `POST /v1/auth/login`; keeps the token.
    pub async fn login(&mut self, username: &str, password: &str, device: &Device) -> Result<Session, WireError> {
        let body = LoginRequest { username: username.into(), password: password.into(), device: device.info() };
        let session: Session = self.post_json("/v1/auth/login", &body).await?;
        self.token = Some(session.token.clone());
        Ok(session)
    }

    /// `GET /v1/pull` after `cursor`.
    pub async fn pull(&self, cursor: Option<&str>, limit: Option<u32>) -> Result<PullResponse, WireError> {
        let mut query = Vec::new();
        if let Some(c) = cursor {
            query.push(("cursor", c.to_string()));
        }
        if let Some(l) = limit {
            query.push(("limit", l.to_string()));
        }
        let req = self.authed(self.http.get(format!("{}/v1/pull", self.base)).query(&query));
        decode(req.send().await?).await
    }

    /// Every change in the caller's scope from the start, page after page.
    pub async fn pull_all(&self) -> Result<Vec<Change>, WireError> {
        let (mut all, mut cursor) = (Vec::new(), None::<String>);
        loop {
            let page = self.pull(cursor.as_deref(), None).await?;
            all.extend(page.changes);
            cursor = Some(page.cursor);
            if !page.more {
                return Ok(all);
            }
        }
    }

    /// `POST /v1/push`.
    pub async fn push(&self, request: &PushRequest) -> Result<PushResponse, WireError> {
        self.post_json("/v1/push", request).await
    }

    /// `GET path` as JSON.
    pub async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, WireError> {
        let req = self.authed(self.http.get(format!("{}{path}", self.base)));
        decode(req.send().await?).await
    }

    /// `POST path` with `body` as gzip-compressed JSON.
    pub async fn post_json<B: Serialize, T: DeserializeOwned>(&self, path: &str, body: &B) -> Result<T, WireError> {
        let json = serde_json::to_vec(body).map_err(|e| WireError::Decode(e.to_string()))?;
        let (status, bytes) = self.post_raw(path, json, true).await?;
        if !(200..300).contains(&status) {
            return Err(status_error(status, &bytes));
        }
        serde_json::from_slice(&bytes).map_err(|e| WireError::Decode(e.to_string()))
    }

    /// `POST path` with exactly these bytes (gzip-compressed first when `gzip`); the status and the answer's bytes,
    /// whatever the status.
    pub async fn post_raw(&self, path: &str, body: Vec<u8>, gzip: bool) -> Result<(u16, Vec<u8>), WireError> {
        let mut req = self.http.post(format!("{}{path}", self.base)).header("content-type", "application/json");
        let body = if gzip {
            req = req.header("content-encoding", "gzip");
            gzip_bytes(&body)
        } else {
            body
        };
        let resp = self.authed(req).body(body).send().await?;
        let status = resp.status().as_u16();
        Ok((status, resp.bytes().await?.to_vec()))
    }

    /// `POST /v1/uploads` (tus creation) for the photo `sha256_hex` of record `photo_id`, `len` bytes long: the
    /// status, the `Location`, the `Upload-Offset` and the error code (empty on success).
    pub async fn upload_create(&self, sha256_hex: &str, photo_id: &str, len: usize) -> Result<Upload, WireError> {
        use base64::Engine;
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        let req = self
            .http
            .post(format!("{}/v1/uploads", self.base))
            .header("tus-resumable", "1.0.0")
            .header("upload-length", len.to_string())
            .header("upload-metadata", format!("sha256 {},photo_id {}", b64(sha256_hex), b64(photo_id)));
        let resp = self.authed(req).send().await?;
        let status = resp.status().as_u16();
        let header = |k: &str| resp.headers().get(k).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let (location, offset) = (header("location"), header("upload-offset").parse().unwrap_or(0));
        let code = error_code(&resp.bytes().await?);
        Ok(Upload { status, location, offset, code })
    }

    /// `PATCH` of the whole photo at offset 0 to the upload at `location`: the status and the error code.
    pub async fn upload_patch(&self, location: &str, bytes: &[u8]) -> Result<(u16, String), WireError> {
        let url = if location.starts_with("http") { location.to_owned() } else { format!("{}{location}", self.base) };
        let req = self
            .http
            .patch(url)
            .header("tus-resumable", "1.0.0")
            .header("upload-offset", "0")
            .header("content-type", "application/offset+octet-stream")
            .body(bytes.to_vec());
        let resp = self.authed(req).send().await?;
        let status = resp.status().as_u16();
        Ok((status, error_code(&resp.bytes().await?)))
    }

    /// `HEAD /v1/photos/{sha256}`: 200 when the server holds the photo (in the caller's scope).
    pub async fn photo_held(&self, sha256_hex: &str) -> Result<u16, WireError> {
        let req = self.authed(self.http.head(format!("{}/v1/photos/{sha256_hex}", self.base)));
        Ok(req.send().await?.status().as_u16())
    }

    fn authed(&self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.token {
            Some(t) => req.bearer_auth(t),
            None => req,
        }
    }
}

/// What a tus creation answered.
#[derive(Clone, Debug)]
pub struct Upload {
    /// The HTTP status (201 when created).
    pub status: u16,
    /// Where to send the bytes.
    pub location: String,
    /// The server's offset (the whole length when it already holds the photo).
    pub offset: u64,
    /// The error code, empty on success.
    pub code: String,
}

/// The stable code of an error answer's body, or an empty string.
pub fn error_code(bytes: &[u8]) -> String {
    serde_json::from_slice::<ErrorBody>(bytes).map(|b| b.error.code).unwrap_or_default()
}

fn status_error(status: u16, bytes: &[u8]) -> WireError {
    WireError::Status { status, code: error_code(bytes) }
}

async fn decode<T: DeserializeOwned>(resp: reqwest::Response) -> Result<T, WireError> {
    let status = resp.status().as_u16();
    let bytes = resp.bytes().await?;
    if !(200..300).contains(&status) {
        return Err(status_error(status, &bytes));
    }
    serde_json::from_slice(&bytes).map_err(|e| WireError::Decode(e.to_string()))
}

/// `bytes` gzip-compressed.
pub fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}
