//! Sign-in throttling: a sliding window of attempts per account (user name or activation code) and per client
//! address, for `/v1/auth/login`, `/v1/auth/activate` and `/office/login`.
//!
//! An attempt is counted when it starts, before any password is hashed, so a burst of parallel guesses cannot slip
//! past the limit while the first ones are still being checked; a successful attempt takes itself back out (and
//! clears its account's count). Once a key holds `limit` attempts inside the window, further attempts are refused
//! with 429 `auth.too_many_attempts` and a `Retry-After` telling when the oldest one leaves the window. A crate like
//! `governor` counts every request it is asked about; this needs "count only what failed", hence a small module.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Keys kept before expired ones are swept (the sweep is O(keys), so it runs only past this size).
const SWEEP_AT: usize = 10_000;
/// Keys kept at most: past this, keys that are not blocking anybody are dropped first (a spray over millions of
/// user names must not grow the map without bound).
const MAX_KEYS: usize = 100_000;

/// How many failed attempts are allowed, and over how long.
#[derive(Clone, Copy, Debug)]
pub struct SignInLimits {
    /// Attempts per account (user name or activation code) within `window`.
    pub per_account: usize,
    /// Attempts per client address within `window`.
    pub per_address: usize,
    /// The sliding window.
    pub window: Duration,
}

impl Default for SignInLimits {
    fn default() -> SignInLimits {
        SignInLimits { per_account: 5, per_address: 30, window: Duration::from_secs(900) }
    }
}

/// Attempts per key inside a sliding window.
struct Window<K> {
    limit: usize,
    window: Duration,
    seen: HashMap<K, VecDeque<Instant>>,
}

impl<K: Hash + Eq + Clone> Window<K> {
    fn new(limit: usize, window: Duration) -> Window<K> {
        Window { limit: limit.max(1), window, seen: HashMap::new() }
    }

    /// How long until `key` may try again, if it is at its limit now.
    fn wait(&mut self, key: &K, now: Instant) -> Option<Duration> {
        let times = self.seen.get_mut(key)?;
        while times.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            times.pop_front();
        }
        if times.len() < self.limit {
            return None;
        }
        times.front().map(|oldest| self.window.saturating_sub(now.duration_since(*oldest)))
    }

    fn add(&mut self, key: &K, now: Instant) {
        if self.seen.len() >= SWEEP_AT && !self.seen.contains_key(key) {
            let (window, limit) = (self.window, self.limit);
            self.seen.retain(|_, t| t.back().is_some_and(|last| now.duration_since(*last) < window));
            if self.seen.len() >= MAX_KEYS {
                self.seen.retain(|_, t| t.len() >= limit);
            }
        }
        self.seen.entry(key.clone()).or_default().push_back(now);
    }

    fn remove(&mut self, key: &K, at: Instant) {
        if let Some(times) = self.seen.get_mut(key)
            && let Some(i) = times.iter().rposition(|t| *t == at)
        {
            times.remove(i);
        }
    }

    fn clear(&mut self, key: &K) {
        self.seen.remove(key);
    }
}

/// The sign-in throttle the server shares across its handlers.
pub struct Throttle {
    accounts: Mutex<Window<String>>,
    addresses: Mutex<Window<IpAddr>>,
}

/// An attempt let through: hand it back with [`Throttle::succeeded`] when it turns out right; dropped otherwise,
/// it stays counted as a failure.
#[must_use]
pub struct Attempt {
    account: String,
    address: IpAddr,
    at: Instant,
}

impl Throttle {
    /// A throttle with these limits.
    pub fn new(limits: SignInLimits) -> Throttle {
        Throttle {
            accounts: Mutex::new(Window::new(limits.per_account, limits.window)),
            addresses: Mutex::new(Window::new(limits.per_address, limits.window)),
        }
    }

    /// Starts an attempt on `account` (already normalised by the caller, with a prefix saying what it is) from
    /// `address`: counted now, or refused with how long to wait when either key is at its limit.
    pub fn begin(&self, account: &str, address: IpAddr) -> Result<Attempt, TooManyAttempts> {
        let now = Instant::now();
        let account = account.to_owned();
        // One lock order everywhere (accounts, then addresses): check both, then count both, atomically.
        let (Ok(mut accounts), Ok(mut addresses)) = (self.accounts.lock(), self.addresses.lock()) else {
            return Err(TooManyAttempts { retry_after: Duration::from_secs(1) });
        };
        let wait = accounts.wait(&account, now).into_iter().chain(addresses.wait(&address, now)).max();
        if let Some(wait) = wait {
            return Err(TooManyAttempts { retry_after: wait });
        }
        accounts.add(&account, now);
        addresses.add(&address, now);
        Ok(Attempt { account, address, at: now })
    }

    /// The attempt was right: it is no failure, and its account starts afresh.
    pub fn succeeded(&self, attempt: Attempt) {
        if let Ok(mut accounts) = self.accounts.lock() {
            accounts.clear(&attempt.account);
        }
        if let Ok(mut addresses) = self.addresses.lock() {
            addresses.remove(&attempt.address, attempt.at);
        }
    }

    /// The attempt was refused for a reason that says nothing about the secret (a malformed body, a revoked
    /// device after a right password): not counted.
    pub fn forget(&self, attempt: Attempt) {
        if let Ok(mut accounts) = self.accounts.lock() {
            accounts.remove(&attempt.account, attempt.at);
        }
        if let Ok(mut addresses) = self.addresses.lock() {
            addresses.remove(&attempt.address, attempt.at);
        }
    }
}

/// 429 `auth.too_many_attempts`, with `Retry-After` in whole seconds (rounded up).
#[derive(Clone, Copy, Debug)]
pub struct TooManyAttempts {
    /// How long until one more attempt is allowed.
    pub retry_after: Duration,
}

impl TooManyAttempts {
    /// The wait in whole seconds, at least 1.
    pub fn seconds(&self) -> u64 {
        (self.retry_after.as_secs() + u64::from(self.retry_after.subsec_nanos() > 0)).max(1)
    }

    /// The error body.
    pub fn error(&self) -> ApiError {
        let seconds = self.seconds().to_string();
        ApiError::with(
            StatusCode::TOO_MANY_REQUESTS,
            "auth.too_many_attempts",
            vieclam_core::messages::api::TOO_MANY_ATTEMPTS,
            &[("seconds", &seconds)],
        )
    }

    /// `response` with the `Retry-After` header.
    pub fn with_retry_after(&self, mut response: Response) -> Response {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(self.seconds()));
        response
    }
}

impl IntoResponse for TooManyAttempts {
    fn into_response(self) -> Response {
        self.with_retry_after(self.error().into_response())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_account_and_address_and_forgets_success() {
        let t = Throttle::new(SignInLimits { per_account: 2, per_address: 3, window: Duration::from_secs(60) });
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        drop(t.begin("u:ana", a).expect("first"));
        drop(t.begin("u:ana", a).expect("second"));
        let refused = t.begin("u:ana", b).err().expect("ana is at her limit from any address");
        assert!(refused.seconds() > 0 && refused.seconds() <= 60);
        drop(t.begin("u:binh", a).expect("another account, same address"));
        assert!(t.begin("u:chi", a).is_err(), "the address is at its limit");
        let ok = t.begin("u:chi", b).expect("another address");
        t.succeeded(ok);
        for _ in 0..3 {
            let ok = t.begin("u:dung", b).expect("successes never count");
            t.succeeded(ok);
        }
    }

    #[test]
    fn retry_after_rounds_up() {
        assert_eq!(TooManyAttempts { retry_after: Duration::from_millis(1500) }.seconds(), 2);
        assert_eq!(TooManyAttempts { retry_after: Duration::from_secs(3) }.seconds(), 3);
        assert_eq!(TooManyAttempts { retry_after: Duration::ZERO }.seconds(), 1);
    }
}
