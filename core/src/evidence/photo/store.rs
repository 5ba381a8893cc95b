//! A content-addressed folder of photos: each file is named by the SHA-256 of its bytes (`dir/ab/abcdef….jpg`).
//!
//! Writes are atomic (temporary file, fsync, rename, fsync of the folder), so a crash leaves either the whole photo
//! or nothing. Reads re-hash the bytes and refuse a file that no longer matches its name, so a photo edited on the
//! phone's storage is caught before it is shown or uploaded as evidence.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::messages::{Lang, Text, evidence_photo as msg};

use super::sha256_hex;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum PhotoStoreError {
    /// The hash is not 64 hexadecimal characters.
    #[error("not a SHA-256 hex digest: {0:?}")]
    BadHash(String),
    /// No photo with this hash is stored.
    #[error("photo {0} not found")]
    NotFound(String),
    /// The stored file's bytes no longer hash to its name.
    #[error("photo {expected} was changed: its bytes now hash to {actual}")]
    Tampered {
        /// The hash the file is named by.
        expected: String,
        /// The hash of what is in it now.
        actual: String,
    },
    /// The file system failed.
    #[error("photo store I/O: {0}")]
    Io(#[from] io::Error),
}

impl PhotoStoreError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            PhotoStoreError::BadHash(_) => "photo.bad_hash",
            PhotoStoreError::NotFound(_) => "photo.not_found",
            PhotoStoreError::Tampered { .. } => "photo.tampered",
            PhotoStoreError::Io(_) => "photo.io",
        }
    }

    /// One sentence for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let text = self.text();
        match self {
            PhotoStoreError::NotFound(sha) | PhotoStoreError::Tampered { expected: sha, .. } => {
                text.fill(lang, &[("sha", short(sha))])
            }
            PhotoStoreError::Io(e) => text.fill(lang, &[("detail", &e.to_string())]),
            PhotoStoreError::BadHash(_) => text.get(lang).to_owned(),
        }
    }

    /// The catalogue entry for this error.
    pub fn text(&self) -> Text {
        match self {
            PhotoStoreError::BadHash(_) => msg::PHOTO_BAD_HASH,
            PhotoStoreError::NotFound(_) => msg::PHOTO_NOT_FOUND,
            PhotoStoreError::Tampered { .. } => msg::PHOTO_TAMPERED,
            PhotoStoreError::Io(_) => msg::PHOTO_IO,
        }
    }
}

/// The photo store's failures reach the caller as the core's errors: a disk failure as I/O, the rest as a refusal
/// on the `photo` field.
impl From<PhotoStoreError> for crate::error::Error {
    fn from(e: PhotoStoreError) -> Self {
        match e {
            PhotoStoreError::Io(io) => crate::error::Error::Io(io),
            other => crate::error::Error::Invalid(vec![crate::error::FieldError {
                field: "photo".into(),
                code: other.code().into(),
                message: other.text(),
            }]),
        }
    }
}

/// The first 12 hex digits: enough for a person to tell photos apart.
fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

/// Photos on disk, addressed by SHA-256.
#[derive(Clone, Debug)]
pub struct PhotoStore {
    dir: PathBuf,
}

/// Makes temporary names unique among writers in this process; the process id separates processes.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl PhotoStore {
    /// A store rooted at `dir` (created on the first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        PhotoStore { dir: dir.into() }
    }

    /// The folder the store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Stores `bytes` and returns their SHA-256 (lowercase hex). A photo already stored under that hash is left
    /// alone, so putting the same photo twice is safe and cheap.
    pub fn put(&self, bytes: &[u8]) -> Result<String, PhotoStoreError> {
        let sha = sha256_hex(bytes);
        let path = self.path(&sha)?;
        if path.exists() {
            return Ok(sha);
        }
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_else(|| self.dir.clone());
        fs::create_dir_all(&folder)?;
        let temp =
            folder.join(format!(".{sha}.{}.{}.tmp", std::process::id(), TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)));
        let written = write_synced(&temp, bytes).and_then(|()| fs::rename(&temp, &path));
        if let Err(e) = written {
            // Best effort: a leftover temp file is harmless (never read) but wastes space.
            let _ = fs::remove_file(&temp);
            return Err(e.into());
        }
        sync_dir(&folder)?;
        Ok(sha)
    }

    /// The bytes of the photo with this hash, after checking they still hash to it.
    pub fn get(&self, sha: &str) -> Result<Vec<u8>, PhotoStoreError> {
        let path = self.path(sha)?;
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(PhotoStoreError::NotFound(sha.to_ascii_lowercase()));
            }
            Err(e) => return Err(e.into()),
        };
        let expected = sha.to_ascii_lowercase();
        let actual = sha256_hex(&bytes);
        if actual != expected {
            return Err(PhotoStoreError::Tampered { expected, actual });
        }
        Ok(bytes)
    }

    /// Whether a photo with this hash is stored (without re-hashing it).
    pub fn contains(&self, sha: &str) -> Result<bool, PhotoStoreError> {
        Ok(self.path(sha)?.is_file())
    }

    /// Where the photo with this hash lives (or would live): `dir/ab/abcdef….jpg`. Refuses anything but 64 hex
    /// digits, so a hash from outside can never name a path outside the store.
    pub fn path(&self, sha: &str) -> Result<PathBuf, PhotoStoreError> {
        if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(PhotoStoreError::BadHash(sha.chars().take(80).collect()));
        }
        let sha = sha.to_ascii_lowercase();
        Ok(self.dir.join(&sha[..2]).join(format!("{sha}.jpg")))
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes the rename itself durable. Only Unix can open a folder to fsync it; elsewhere the rename is as durable as
/// the platform makes it.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}
