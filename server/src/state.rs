//! What every handler shares: the database, the photo store, the settings, the enrolment limiter.

use std::sync::Arc;

use crate::auth::{HashPool, RateLimiter};
use crate::db::Db;
use crate::ratelimit::Throttle;

/// Shared state (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Where photos live (a folder by default, S3 in deployment); the uploads module writes there.
    pub photos: Arc<dyn object_store::ObjectStore>,
    /// How long a token lives, in days (0: expires at once; for tests).
    pub token_days: i64,
    /// Limits worker enrolments per client address.
    pub enrol_limiter: Arc<RateLimiter>,
    /// Limits failed sign-ins per account and per address.
    pub sign_in_throttle: Arc<Throttle>,
    /// Runs every Argon2 hash and verification, a few at a time.
    pub hash_pool: Arc<HashPool>,
}
