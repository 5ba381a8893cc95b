//! `vieclam-server serve`: opens the database and the photo store, binds, and serves until SIGINT or SIGTERM,
//! letting requests in flight finish. It also starts the sweeper of expired uploads, and marks the office's answers
//! with the browser security headers (and the session cookie `Secure` unless serving on loopback).

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::middleware;

use crate::api;
use crate::auth::{HashPool, RateLimiter};
use crate::db::Db;
use crate::ratelimit::{SignInLimits, Throttle};
use crate::state::AppState;
use crate::web::headers::{WebPolicy, cookie_secure_default, secure_headers};

/// How to serve.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Object store URL for photos (`file:///…`, `s3://…`).
    pub photos_url: String,
    /// Token lifetime in days.
    pub token_days: i64,
    /// Enrolments allowed per address per 10 minutes.
    pub enrol_limit: usize,
    /// Failed sign-ins allowed per account and per address.
    pub sign_in_limits: SignInLimits,
    /// Argon2 hashes run at once.
    pub hash_permits: usize,
    /// Whether the office session cookie is marked `Secure` (`None`: on unless `listen` is loopback).
    pub cookie_secure: Option<bool>,
    /// How long an unfinished upload lives after its last PATCH before the sweeper removes it.
    pub upload_expiry: Duration,
}

/// The photo store for `url` (`file://` folders are created if missing).
pub fn photo_store(url: &str) -> Result<Arc<dyn object_store::ObjectStore>, String> {
    let parsed = url::Url::parse(url).map_err(|e| format!("--photos {url}: {e}"))?;
    if parsed.scheme() == "file"
        && let Ok(dir) = parsed.to_file_path()
    {
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let (store, prefix) =
        object_store::parse_url_opts(&parsed, std::env::vars().filter(|(k, _)| k.starts_with("AWS_")))
            .map_err(|e| format!("--photos: {e}"))?;
    // The store is rooted at the filesystem's root (or the bucket's); the URL's path is where ours begins.
    if prefix.as_ref().is_empty() {
        return Ok(Arc::from(store));
    }
    Ok(Arc::new(object_store::prefix::PrefixStore::new(store, prefix)))
}

/// The `file://` URL of `dir`.
pub fn file_url(dir: &Path) -> Result<String, String> {
    let abs = std::path::absolute(dir).map_err(|e| e.to_string())?;
    url::Url::from_directory_path(&abs)
        .map(|u| u.to_string())
        .map_err(|_| format!("{}: not a folder path", abs.display()))
}

/// Serves until a shutdown signal.
pub async fn serve(db: Db, opts: ServeOptions) -> Result<(), String> {
    let state = AppState {
        db: db.clone(),
        photos: photo_store(&opts.photos_url)?,
        token_days: opts.token_days,
        enrol_limiter: Arc::new(RateLimiter::new(opts.enrol_limit, Duration::from_secs(600))),
        sign_in_throttle: Arc::new(Throttle::new(opts.sign_in_limits)),
        hash_pool: Arc::new(HashPool::new(opts.hash_permits)),
    };
    crate::uploads::set_expiry(opts.upload_expiry);
    let _sweeper = crate::uploads::sweep::spawn(state.photos.clone(), opts.upload_expiry);
    let policy = WebPolicy { cookie_secure: opts.cookie_secure.unwrap_or(cookie_secure_default(&opts.listen)) };
    let web = crate::web::router(state.clone()).layer(middleware::from_fn_with_state(policy, secure_headers));
    let app = api::router(state).merge(web);
    let listener = tokio::net::TcpListener::bind(opts.listen).await.map_err(|e| format!("{}: {e}", opts.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!(%addr, backend = db.backend_name(), "serving");
    println!("{}", vieclam_core::messages::server_cli::SERVING_AT.joined(&[("addr", &addr.to_string())]));
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
