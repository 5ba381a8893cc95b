//! The harness's one error type: what went wrong setting up or driving a process, with enough context (the command,
//! the tail of its log) to act on it without re-running the test.

use std::path::PathBuf;

/// A harness failure.
#[derive(Debug, thiserror::Error)]
pub enum HarnessError {
    /// A workspace binary the tests drive has not been built.
    #[error(
        "binary `{name}` not found at {path}: build it first with `cargo build -p vieclam-server -p vieclam-cli` \
         (same CARGO_TARGET_DIR as the tests)"
    )]
    MissingBinary {
        /// The binary's name.
        name: String,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// A process could not be started, exited early, or did not get ready in time.
    #[error("{what}: {detail}")]
    Process {
        /// Which process, doing what.
        what: String,
        /// Why, often with the tail of its log.
        detail: String,
    },
    /// An I/O error, with what was being done.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The error.
        source: std::io::Error,
    },
}

/// The harness's result.
pub type Result<T> = std::result::Result<T, HarnessError>;

/// Wraps an I/O error with what was being done.
pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> HarnessError {
    let what = what.into();
    move |source| HarnessError::Io { what, source }
}

/// A process failure.
pub fn process(what: impl Into<String>, detail: impl Into<String>) -> HarnessError {
    HarnessError::Process { what: what.into(), detail: detail.into() }
}
