//! The HTTP side of the client: JSON bodies gzip-compressed going up (`Content-Encoding: gzip`) and accepted
//! compressed coming down (zstd or gzip), the bearer token, a few quick retries when a connection drops (every request the client
//! makes is safe to repeat: pushes are idempotent by mutation id, pulls and HEADs read), and the mapping of answers
//! to [`SyncError`]s with the server's stable codes.
//!
//! The token goes only to the server's own origin: plain `http://` is refused unless the host is this machine
//! (loopback), redirects are not followed, and a URL the server names (a tus `Location`) must be on the same scheme,
//! host and port, else it is refused ([`Http::resolve`]) and never sent the token ([`Http::request`]).

use std::io::Write;
use std::time::Duration;

use flate2::Compression;
use flate2::write::GzEncoder;
use reqwest::header::{AUTHORIZATION, CONTENT_ENCODING, CONTENT_TYPE};
use reqwest::{Method, RequestBuilder, Response, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::cancel::CancelToken;
use super::error::{ServerRefusal, SyncError, SyncResult};
use super::wire::ErrorBody;

/// Tries of one request when the connection fails before an answer (the first and two more).
const TRIES: u32 = 3;
/// The wait before the second try; doubled before the third.
const RETRY_PAUSE: Duration = Duration::from_millis(300);

/// A client for one server, with or without a token.
#[derive(Clone)]
pub(crate) struct Http {
    client: reqwest::Client,
    base: String,
    token: Option<String>,
}

/// An answer's body and how many bytes crossed in each direction.
pub(crate) struct Exchange<T> {
    pub body: T,
    pub up: u64,
    pub down: u64,
}

impl Http {
    /// A client for `base` (e.g. `http://127.0.0.1:8080`), sending `token` if given.
    pub fn new(base: &str, token: Option<String>) -> SyncResult<Http> {
        let base = base.trim().trim_end_matches('/').to_owned();
        let parsed = Url::parse(&base).map_err(|_| SyncError::BadUrl(base.clone()))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(SyncError::BadUrl(base));
        }
        if parsed.scheme() == "http" && !is_loopback(&parsed) {
            return Err(SyncError::InsecureUrl(base));
        }
        let client = reqwest::Client::builder()
            // The server never redirects; following one could carry the token to another host or down to http.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(10))
            .read_timeout(Duration::from_secs(60))
            .gzip(true)
            // Preferred by the server when offered: a first download's pages are about a quarter smaller than gzip.
            .zstd(true)
            .user_agent(concat!("vieclam-core/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Server(e.to_string()))?;
        Ok(Http { client, base, token })
    }

    /// The full URL of `path` (`/v1/push`), or `path` itself when it is already absolute (a tus `Location`).
    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_owned()
        } else {
            format!("{}{}", self.base, path)
        }
    }

    /// A URL the server named (a tus `Location`), made safe to keep and to send the token to: a path (`/v1/…`) stays
    /// relative to the server URL as every other path; anything else is resolved against the server URL and must
    /// land on its scheme, host and port, else `ForeignLocation`.
    pub fn resolve(&self, location: &str) -> SyncResult<String> {
        let location = location.trim();
        if location.starts_with('/') && !location.starts_with("//") {
            return Ok(location.to_owned());
        }
        let foreign = || SyncError::ForeignLocation(location.to_owned());
        let base = Url::parse(&format!("{}/", self.base)).map_err(|_| foreign())?;
        let full = base.join(location).map_err(|_| foreign())?;
        if !same_origin(&full, &base) {
            return Err(foreign());
        }
        Ok(full.to_string())
    }

    /// A request with the token, which goes only to the server's own origin.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let url = self.url(path);
        let ours = Url::parse(&url).ok().zip(Url::parse(&self.base).ok()).is_some_and(|(u, b)| same_origin(&u, &b));
        let rb = self.client.request(method, url);
        match &self.token {
            Some(t) if ours => rb.header(AUTHORIZATION, format!("Bearer {t}")),
            _ => rb,
        }
    }

    /// POSTs `body` as gzip JSON and reads a JSON answer.
    pub async fn post_json<B: Serialize, R: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        cancel: &CancelToken,
    ) -> SyncResult<Exchange<R>> {
        let raw = serde_json::to_vec(body).map_err(|e| SyncError::Server(e.to_string()))?;
        let gz = gzip(&raw)?;
        let up = gz.len() as u64;
        let response = self
            .send(cancel, || {
                self.request(Method::POST, path)
                    .header(CONTENT_TYPE, "application/json")
                    .header(CONTENT_ENCODING, "gzip")
                    .body(gz.clone())
            })
            .await?;
        let (body, down) = read_json(response, cancel).await?;
        Ok(Exchange { body, up, down })
    }

    /// GETs a JSON answer.
    pub async fn get_json<R: DeserializeOwned>(&self, path: &str, cancel: &CancelToken) -> SyncResult<Exchange<R>> {
        let response = self.send(cancel, || self.request(Method::GET, path)).await?;
        let (body, down) = read_json(response, cancel).await?;
        Ok(Exchange { body, up: 0, down })
    }

    /// Sends the request `make` builds, again after a dropped connection (up to [`TRIES`] times), and turns an
    /// error answer into a [`SyncError`]. Returns the successful answer.
    pub async fn send(&self, cancel: &CancelToken, make: impl Fn() -> RequestBuilder) -> SyncResult<Response> {
        let mut pause = RETRY_PAUSE;
        for attempt in 1..=TRIES {
            let outcome = cancel.run(async { Ok(make().send().await) }).await?;
            match outcome {
                Ok(response) if response.status().is_success() => return Ok(response),
                Ok(response) => return Err(error_from(response).await),
                Err(e) if attempt < TRIES && is_connection_error(&e) => {
                    cancel
                        .run(async {
                            tokio::time::sleep(pause).await;
                            Ok(())
                        })
                        .await?;
                    pause *= 2;
                }
                Err(e) if is_connection_error(&e) => return Err(SyncError::Offline),
                Err(e) => return Err(SyncError::Server(e.without_url().to_string())),
            }
        }
        Err(SyncError::Offline)
    }
}

/// Whether `url`'s host is this machine: `localhost`, 127.0.0.0/8 or `::1`.
fn is_loopback(url: &Url) -> bool {
    let host = url.host_str().unwrap_or_default().trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Whether two URLs share scheme, host and port (the default port counted as given).
fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme() && a.host() == b.host() && a.port_or_known_default() == b.port_or_known_default()
}

/// Whether the failure is the network's (a try later may succeed) rather than a malformed request.
fn is_connection_error(e: &reqwest::Error) -> bool {
    e.is_connect() || e.is_timeout() || e.is_request() || e.is_body()
}

/// `bytes` gzip-compressed.
pub(crate) fn gzip(bytes: &[u8]) -> SyncResult<Vec<u8>> {
    let mut enc = GzEncoder::new(Vec::with_capacity(bytes.len() / 4 + 64), Compression::default());
    enc.write_all(bytes).map_err(|e| SyncError::Server(e.to_string()))?;
    enc.finish().map_err(|e| SyncError::Server(e.to_string()))
}

/// Reads a whole JSON answer (decompressed by reqwest), counting its bytes. A body cut by a dropped connection is
/// `Offline`; one that is not the expected JSON is a server error.
async fn read_json<R: DeserializeOwned>(response: Response, cancel: &CancelToken) -> SyncResult<(R, u64)> {
    let bytes = cancel.run(async { response.bytes().await.map_err(|_| SyncError::Offline) }).await?;
    let body = serde_json::from_slice(&bytes).map_err(SyncError::bad_answer)?;
    Ok((body, bytes.len() as u64))
}

/// The error an answer that is not 2xx means, keeping the server's `ErrorBody` code.
pub(crate) async fn error_from(response: Response) -> SyncError {
    let status = response.status();
    let body: Option<ErrorBody> = response.bytes().await.ok().and_then(|b| serde_json::from_slice(&b).ok());
    let mut refusal = body
        .map(|b| ServerRefusal { code: b.error.code, message_vi: b.error.message_vi, message_en: b.error.message_en })
        .unwrap_or_default();
    if status == StatusCode::UNAUTHORIZED {
        if refusal.code.is_empty() {
            refusal.code = "auth.invalid_token".to_owned();
        }
        return SyncError::Unauthorized(refusal);
    }
    if status.is_server_error() || refusal.code.is_empty() {
        return SyncError::Server(format!("HTTP {}", status.as_u16()));
    }
    SyncError::Refused { status: status.as_u16(), refusal }
}
