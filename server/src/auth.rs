//! Secrets and who is calling: Argon2id password hashes, random tokens kept as SHA-256, activation codes, the
//! bearer-token extractor that turns a request into a [`Caller`], and the per-address limiter on enrolment.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::error::ApiError;
use crate::state::AppState;
use crate::store::accounts::{self, Account};
use crate::{params, work};

/// An Argon2id hash (default parameters) of `password`, as a PHC string. Slow on purpose: call it off the
/// database's transaction.
pub fn hash_password(password: &str) -> Result<String, ApiError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|_| ApiError::internal())?;
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|_| ApiError::internal())
}

/// Whether `password` matches the PHC string `hash`.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// How long a sign-in waits for an Argon2 slot before it is answered 503 `auth.busy`.
const HASH_QUEUE_WAIT: Duration = Duration::from_secs(20);

/// A bounded pool for Argon2: every hash and verification the server runs takes one of a few permits, so a flood
/// of sign-ins (each a deliberately slow hash) queues here instead of filling the blocking pool that SQLite and
/// the photo store also need.
pub struct HashPool {
    permits: tokio::sync::Semaphore,
}

impl HashPool {
    /// A pool running at most `permits` hashes at once (at least one).
    pub fn new(permits: usize) -> HashPool {
        HashPool { permits: tokio::sync::Semaphore::new(permits.max(1)) }
    }

    /// Runs `work` (an Argon2 hash or verification) on the blocking pool once a permit is free; 503 `auth.busy`
    /// when none frees up in time.
    pub async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
        let busy = || {
            ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "auth.busy",
                vieclam_core::messages::api::AUTH_BUSY,
            )
        };
        let _permit = tokio::time::timeout(HASH_QUEUE_WAIT, self.permits.acquire())
            .await
            .map_err(|_| busy())?
            .map_err(|_| ApiError::internal())?;
        tokio::task::spawn_blocking(work).await.map_err(|_| ApiError::internal())
    }

    /// [`hash_password`] in the pool.
    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        self.run(move || hash_password(&password)).await?
    }
}

/// Hex SHA-256 of `text`: how tokens and activation codes are stored.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A new bearer token: 32 random bytes, base64url without padding.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A new activation code, e.g. `7KQ4-MX2P-9TDA`: 12 characters from an alphabet without look-alikes (no 0/O, 1/I).
pub fn new_activation_code() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut bytes = [0u8; 12];
    rand::rng().fill_bytes(&mut bytes);
    let chars: Vec<char> = bytes.iter().map(|b| ALPHABET[(*b as usize) % ALPHABET.len()] as char).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// An activation code as typed, normalised: upper case, without spaces or dashes.
pub fn normalise_code(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// Now, UTC, ISO 8601 with milliseconds (text order is time order).
pub fn now_iso() -> String {
    iso(chrono::Utc::now())
}

/// `t` as the server's time text.
pub fn iso(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The caller of an authenticated request.
#[derive(Clone, Debug)]
pub struct Caller {
    /// Their account.
    pub account: Account,
    /// The device the token was issued to.
    pub device_id: String,
    /// Hash of the token (for logout).
    pub token_hash: String,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
        let header = parts.headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok());
        let token = header
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| ApiError::unauthorized("auth.missing_token"))?;
        caller_for_token(state, token).await
    }
}

/// The caller a bearer token (or the office's session cookie) stands for: unknown, revoked, expired tokens and
/// disabled accounts are refused with their codes.
pub async fn caller_for_token(state: &AppState, token: &str) -> Result<Caller, ApiError> {
    let h = sha256_hex(token);
    let now = now_iso();
    state
        .db
        .read(work!(|tx| async move {
            let row = tx
                .one(
                    "SELECT t.account_id, t.device_id, t.expires_at, t.revoked_at, d.revoked_at
                     FROM tokens t JOIN devices d ON d.id = t.device_id WHERE t.hash = $1",
                    params![&h],
                )
                .await?
                .ok_or_else(|| ApiError::unauthorized("auth.invalid_token"))?;
            if row.opt_text(3).is_some() || row.opt_text(4).is_some() {
                return Err(ApiError::unauthorized("auth.revoked_token"));
            }
            if row.text(2) <= now {
                return Err(ApiError::unauthorized("auth.expired_token"));
            }
            let account = accounts::by_id(tx, &row.text(0))
                .await?
                .filter(|a| !a.disabled)
                .ok_or_else(|| ApiError::unauthorized("auth.revoked_token"))?;
            Ok(Caller { account, device_id: row.text(1), token_hash: h })
        }))
        .await
}

/// Middleware for routes that take the caller from the request's extensions (the uploads): checks the bearer
/// token like the [`Caller`] extractor, and puts both this [`Caller`] and the uploads' own
/// [`crate::uploads::Caller`] into the request; a token problem is answered at once.
pub async fn require_caller(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let (mut parts, body) = request.into_parts();
    match Caller::from_request_parts(&mut parts, &state).await {
        Ok(caller) => {
            parts.extensions.insert(crate::uploads::Caller {
                account_id: caller.account.id.clone(),
                device_id: caller.device_id.clone(),
                role: caller.account.role,
            });
            parts.extensions.insert(caller);
            next.run(axum::extract::Request::from_parts(parts, body)).await
        }
        Err(e) => e.into_response(),
    }
}

/// Allows at most `limit` events per address in a sliding `window`.
pub struct RateLimiter {
    limit: usize,
    window: Duration,
    seen: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
}

impl RateLimiter {
    /// A limiter of `limit` per `window`.
    pub fn new(limit: usize, window: Duration) -> RateLimiter {
        RateLimiter { limit, window, seen: Mutex::new(HashMap::new()) }
    }

    /// Records one event from `ip`; answers whether it is within the limit.
    pub fn allow(&self, ip: IpAddr) -> bool {
        let now = Instant::now();
        let Ok(mut seen) = self.seen.lock() else { return false };
        // Forget quiet addresses so the map cannot grow without bound.
        seen.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < self.window));
        let times = seen.entry(ip).or_default();
        while times.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            times.pop_front();
        }
        if times.len() >= self.limit {
            return false;
        }
        times.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_and_codes() {
        let h = hash_password("mật khẩu dài").expect("hash");
        assert!(verify_password("mật khẩu dài", &h));
        assert!(!verify_password("mat khau dai", &h));
        assert!(!verify_password("x", "not a phc string"));
        let code = new_activation_code();
        assert_eq!(code.len(), 14);
        assert_eq!(normalise_code(&code.to_lowercase().replace('-', " ")), code.replace('-', ""));
        assert_eq!(URL_SAFE_NO_PAD.decode(new_token()).map(|b| b.len()).ok(), Some(32));
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn hash_pool_runs_at_most_its_permits_at_once() {
        let pool = std::sync::Arc::new(HashPool::new(2));
        let running = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let most = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let jobs = (0..8).map(|_| {
            let (pool, running, most) = (pool.clone(), running.clone(), most.clone());
            tokio::spawn(async move {
                pool.run(move || {
                    let now = running.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                    most.fetch_max(now, std::sync::atomic::Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(50));
                    running.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                })
                .await
            })
        });
        for job in futures::future::join_all(jobs).await {
            assert!(job.expect("joined").is_ok());
        }
        assert_eq!(most.load(std::sync::atomic::Ordering::SeqCst), 2, "never more than two hashes at once");
    }

    #[test]
    fn limiter_counts_per_address() {
        let l = RateLimiter::new(2, Duration::from_secs(60));
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        assert!(l.allow(a) && l.allow(a));
        assert!(!l.allow(a));
        assert!(l.allow(b));
    }
}
