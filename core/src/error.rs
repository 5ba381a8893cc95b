//! The core's errors: what went wrong, a stable code for machines, and a sentence for people in both languages.
//!
//! Codes are part of the contract with the apps, the server and the tests (`store.wrong_key`, `registration.invalid`),
//! so they never change once shipped; messages may be reworded.

use crate::messages::errors::{BAD_ARGUMENT, CORRUPT, DATABASE, IO, TOO_NEW, WRONG_KEY};
pub use crate::messages::errors::{INVALID, NOT_FOUND};
use crate::messages::{Lang, Text};

/// One field of a form that failed validation: which field, a stable code, and the message in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The form field, e.g. `id_number`, `phone`.
    pub field: String,
    /// Stable code, e.g. `cccd.province_unknown`.
    pub code: String,
    /// What a person reads, in Vietnamese and English.
    pub message: Text,
}

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The key does not open this database (or the file is not a database at all).
    #[error("the key does not open this database")]
    WrongKey,
    /// The database file is cut short or damaged.
    #[error("the database file is damaged or truncated: {0}")]
    Corrupt(String),
    /// The database was written by a newer version of the app.
    #[error("the database schema version {found} is newer than this app understands ({supported})")]
    SchemaTooNew {
        /// Version found in the file.
        found: u32,
        /// Newest version this build knows.
        supported: u32,
    },
    /// No record with this id.
    #[error("{entity} {id} not found")]
    NotFound {
        /// Kind of record, e.g. `loan`.
        entity: &'static str,
        /// The id that was asked for.
        id: String,
    },
    /// Input that failed validation, field by field. Nothing was written.
    #[error("invalid input: {}", .0.iter().map(|e| e.code.as_str()).collect::<Vec<_>>().join(", "))]
    Invalid(Vec<FieldError>),
    /// A request outside what the caller may do or see.
    #[error("bad argument: {0}")]
    BadArgument(String),
    /// SQLite failed for another reason.
    #[error("database error: {0}")]
    Database(rusqlite::Error),
    /// The file system failed.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl From<rusqlite::Error> for Error {
    /// SQLite's own corruption reports become [`Error::Corrupt`], so a damaged file is named as such wherever it is
    /// first noticed.
    fn from(e: rusqlite::Error) -> Self {
        match &e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseCorrupt => {
                Error::Corrupt(e.to_string())
            }
            _ => Error::Database(e),
        }
    }
}

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongKey => "store.wrong_key",
            Error::Corrupt(_) => "store.corrupt",
            Error::SchemaTooNew { .. } => "store.schema_too_new",
            Error::NotFound { .. } => "not_found",
            Error::Invalid(_) => "invalid",
            Error::BadArgument(_) => "bad_argument",
            Error::Database(_) => "store.database",
            Error::Io(_) => "io",
        }
    }

    /// One sentence for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::WrongKey => WRONG_KEY.get(lang).to_owned(),
            Error::Corrupt(_) => CORRUPT.get(lang).to_owned(),
            Error::SchemaTooNew { .. } => TOO_NEW.get(lang).to_owned(),
            Error::NotFound { entity, id } => NOT_FOUND.fill(lang, &[("entity", entity), ("id", id)]),
            Error::Invalid(fields) => {
                let list: Vec<String> =
                    fields.iter().map(|f| format!("{} ({})", f.message.get(lang), f.field)).collect();
                INVALID.fill(lang, &[("fields", &list.join("; "))])
            }
            Error::BadArgument(d) => BAD_ARGUMENT.fill(lang, &[("detail", d)]),
            Error::Database(e) => DATABASE.fill(lang, &[("detail", &e.to_string())]),
            Error::Io(e) => IO.fill(lang, &[("detail", &e.to_string())]),
        }
    }
}
