//! What a sync can fail with, each with a stable code: no connection (`sync.offline`), a token the server refuses
//! (`sync.unauthorized`, the server's own `auth.*` code kept beside it), a server failure, a cancelled run, or the
//! server's own `ErrorBody` code for anything it refused on purpose.

use crate::error::Error;
use crate::messages::{Lang, sync as msg};

/// What the server said when it refused a request on purpose: its stable code and one sentence in each language
/// (empty when its answer carried none). The apps receive it as it is (the FFI's `Unauthorized` carries it), so
/// it is one record for the core and the apps alike. The default is an answer that carried no body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ServerRefusal {
    /// The server's stable code, e.g. `auth.expired_token` or `scope.forbidden`.
    pub code: String,
    /// What a person reads, in Vietnamese.
    pub message_vi: String,
    /// What a person reads, in English.
    pub message_en: String,
}

impl ServerRefusal {
    /// The sentence in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        if lang == Lang::Vi { &self.message_vi } else { &self.message_en }
    }
}

/// Why a sync (or a sign-in) did not finish.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The server could not be reached (no network, DNS, refused, a connection dropped, a time-out).
    #[error("the server could not be reached")]
    Offline,
    /// The server refused the token or the credentials (HTTP 401); the code is the server's
    /// (`auth.expired_token`, `auth.revoked_token`, `auth.bad_credentials`).
    #[error("unauthorized: {}", .0.code)]
    Unauthorized(ServerRefusal),
    /// The store has no session: sign in first.
    #[error("not signed in")]
    NotSignedIn,
    /// A 5xx, or an answer that does not follow the protocol.
    #[error("server error: {0}")]
    Server(String),
    /// The server refused on purpose with an `ErrorBody` (`scope.forbidden`, `rate_limited`, …).
    #[error("refused by the server: {}", refusal.code)]
    Refused {
        /// HTTP status.
        status: u16,
        /// The server's code and sentences.
        refusal: ServerRefusal,
    },
    /// The caller cancelled; what was committed before stays.
    #[error("cancelled")]
    Cancelled,
    /// The server URL is not a URL.
    #[error("bad server address: {0}")]
    BadUrl(String),
    /// The server URL is plain `http://` to a host that is not this machine: passwords and tokens would cross the
    /// network in clear.
    #[error("insecure server address: {0}")]
    InsecureUrl(String),
    /// The server named a URL on another scheme, host or port (a tus `Location`); the token is never sent there.
    #[error("the server pointed to another origin: {0}")]
    ForeignLocation(String),
    /// A photo could not be read from the photo store.
    #[error("photo: {0}")]
    Photo(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] Error),
}

impl SyncError {
    /// The stable code: `sync.offline`, `sync.unauthorized`, `sync.not_signed_in`, `sync.server_error`,
    /// `sync.cancelled`, `sync.bad_url`, `sync.insecure_url`, `sync.foreign_location`, `sync.photo`, the server's own code for a refusal, or the store's code.
    pub fn code(&self) -> &str {
        match self {
            SyncError::Offline => "sync.offline",
            SyncError::Unauthorized(_) => "sync.unauthorized",
            SyncError::NotSignedIn => "sync.not_signed_in",
            SyncError::Server(_) => "sync.server_error",
            SyncError::Refused { refusal, .. } => &refusal.code,
            SyncError::Cancelled => "sync.cancelled",
            SyncError::BadUrl(_) => "sync.bad_url",
            SyncError::InsecureUrl(_) => "sync.insecure_url",
            SyncError::ForeignLocation(_) => "sync.foreign_location",
            SyncError::Photo(_) => "sync.photo",
            SyncError::Store(e) => e.code(),
        }
    }

    /// The server's own code where it gave one (`auth.expired_token` behind `sync.unauthorized`).
    pub fn server_code(&self) -> Option<&str> {
        match self {
            SyncError::Unauthorized(refusal) | SyncError::Refused { refusal, .. } => Some(&refusal.code),
            _ => None,
        }
    }

    /// Whether a later try may succeed by itself (the scheduler retries these; the others wait for the user).
    pub fn is_transient(&self) -> bool {
        matches!(self, SyncError::Offline | SyncError::Server(_))
            || matches!(self, SyncError::Refused { status, .. } if *status == 429 || *status >= 500)
    }

    /// One sentence for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SyncError::Offline => msg::OFFLINE.get(lang).to_owned(),
            SyncError::Unauthorized(refusal) if !refusal.message_vi.is_empty() => {
                format!("{} {}", refusal.message(lang), msg::UNAUTHORIZED.get(lang))
            }
            SyncError::Unauthorized(_) => msg::UNAUTHORIZED.get(lang).to_owned(),
            SyncError::NotSignedIn => msg::NOT_SIGNED_IN.get(lang).to_owned(),
            SyncError::Server(d) => msg::SERVER_ERROR.fill(lang, &[("detail", d)]),
            SyncError::Refused { refusal, .. } => refusal.message(lang).to_owned(),
            SyncError::Cancelled => msg::CANCELLED.get(lang).to_owned(),
            SyncError::BadUrl(u) => msg::BAD_URL.fill(lang, &[("url", u)]),
            SyncError::InsecureUrl(u) => msg::INSECURE_URL.fill(lang, &[("url", u)]),
            SyncError::ForeignLocation(u) => msg::FOREIGN_LOCATION.fill(lang, &[("url", u)]),
            SyncError::Photo(d) => msg::PHOTO.fill(lang, &[("detail", d)]),
            SyncError::Store(e) => msg::STORE.fill(lang, &[("detail", &e.message(lang))]),
        }
    }

    /// The sentence in both languages (Vietnamese first), for logs of outcomes and the status screen.
    pub fn both(&self) -> String {
        format!("{} / {}", self.message(Lang::Vi), self.message(Lang::En))
    }

    /// A protocol violation by the server.
    pub(crate) fn bad_answer(detail: impl std::fmt::Display) -> SyncError {
        SyncError::Server(msg::BAD_ANSWER.fill(Lang::En, &[("detail", &detail.to_string())]))
    }
}

impl From<rusqlite::Error> for SyncError {
    fn from(e: rusqlite::Error) -> Self {
        SyncError::Store(e.into())
    }
}

/// Result of a sync step.
pub type SyncResult<T> = std::result::Result<T, SyncError>;
