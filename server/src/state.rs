//! What every handler shares: the database, the photo store, the settings, the enrolment limiter.

use std::sync::Arc;

use crate::auth::RateLimiter;
use crate::db::Db;

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
}
