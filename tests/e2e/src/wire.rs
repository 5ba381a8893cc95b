//! A bare `/v1` client for the tests and the load generator: the wire types of `vieclam_core::sync::wire` over
//! reqwest, gzip both ways, with nothing of the core's sync logic, so a test can send exactly what it means to
//! (a malformed body, a stale token) and a benchmark measures the server, not the client.

use std::io::Write;

use ed25519_dalek::SigningKey;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use serde::de::DeserializeOwned;
use vieclam_core::sync::wire::{DeviceInfo, ErrorBody, LoginRequest, PullResponse, PushRequest, PushResponse, Session};

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

    fn authed(&self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.token {
            Some(t) => req.bearer_auth(t),
            None => req,
        }
    }
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
