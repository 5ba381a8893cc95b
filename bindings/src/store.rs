//! The encrypted on-device store as an FFI object: open it with the key from Android Keystore / iOS Keychain, then
//! ask it about itself. Domain calls (loans, registrations, places, checks) are methods too, each in the file of its
//! domain (`loans.rs`, `checks.rs`, …), and all of them go through [`VieclamStore::with`].

use std::sync::{Arc, Mutex};

use vieclam_core::messages::errors::STORE_POISONED;
use vieclam_core::{DbKey, Store};

use crate::error::VieclamError;

/// An open encrypted store. One per database file; calls from several threads wait for each other.
///
/// Kotlin: close it (`use {}` or `close()`) when done, or the file stays open until the garbage collector runs.
#[derive(uniffi::Object)]
pub struct VieclamStore {
    // SQLite connections are not shareable between threads; the mutex serialises calls from the app's threads.
    inner: Mutex<Store>,
}

#[uniffi::export]
impl VieclamStore {
    /// Opens (or creates) the store at `path` with a raw 32-byte `key`, migrating it to the latest schema.
    ///
    /// Fails with `WrongKey` when the key does not open the file, `Corrupt` when the file is damaged or truncated,
    /// `SchemaTooNew` when a newer app wrote it, and `Other` with code `bad_argument` when the key is not 32 bytes.
    /// A failed open never changes the file.
    #[uniffi::constructor]
    pub fn open(path: String, key: Vec<u8>) -> Result<Arc<Self>, VieclamError> {
        let key = DbKey::raw(&key)?;
        let store = Store::open(path, &key)?;
        Ok(Arc::new(VieclamStore { inner: Mutex::new(store) }))
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<u32, VieclamError> {
        self.with(|s| s.schema_version())
    }

    /// This device's id (a UUID made once, when the store was created); it names the device to the server.
    pub fn device_id(&self) -> Result<String, VieclamError> {
        self.with(|s| s.device_id())
    }

    /// How many local changes are waiting to be sent to the server.
    pub fn pending_changes(&self) -> Result<u64, VieclamError> {
        self.with(|s| vieclam_core::query::pending_changes(s))
    }
}

impl VieclamStore {
    /// Runs `f` on the store under the lock, converting the core's error. A lock poisoned by an earlier panic is
    /// reported as `Other` (`store.poisoned`) rather than panicking again across the FFI.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut Store) -> vieclam_core::Result<T>) -> Result<T, VieclamError> {
        let mut guard = self.inner.lock().map_err(|_| VieclamError::other("store.poisoned", STORE_POISONED))?;
        Ok(f(&mut guard)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];

    fn temp_store() -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("vieclam.db").to_string_lossy().into_owned();
        (dir, path)
    }

    #[test]
    fn a_new_store_reports_its_version_and_keeps_its_device_id() {
        let (_dir, path) = temp_store();
        let first = VieclamStore::open(path.clone(), KEY.to_vec()).expect("create");
        assert!(first.schema_version().expect("version") >= 1);
        assert_eq!(first.pending_changes().expect("pending"), 0);
        let id = first.device_id().expect("device id");
        drop(first);
        let again = VieclamStore::open(path, KEY.to_vec()).expect("reopen");
        assert_eq!(again.device_id().expect("device id"), id);
    }

    #[test]
    fn a_wrong_key_is_reported_as_such() {
        let (_dir, path) = temp_store();
        drop(VieclamStore::open(path.clone(), KEY.to_vec()).expect("create"));
        let Err(err) = VieclamStore::open(path, vec![8; 32]) else { panic!("a wrong key must fail") };
        assert_eq!(err, VieclamError::WrongKey);
    }

    #[test]
    fn a_poisoned_lock_is_an_error_not_a_panic() {
        let (_dir, path) = temp_store();
        let store = VieclamStore::open(path, KEY.to_vec()).expect("create");
        let poison = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _guard = store.inner.lock().expect("first lock");
            panic!("a panic while holding the lock poisons it");
        }));
        assert!(poison.is_err());
        let err = store.device_id().expect_err("a poisoned store must fail");
        assert!(matches!(&err, VieclamError::Other { code, .. } if code == "store.poisoned"), "{err:?}");
    }

    #[test]
    fn a_short_key_is_a_bad_argument() {
        let (_dir, path) = temp_store();
        let Err(err) = VieclamStore::open(path, vec![1, 2, 3]) else { panic!("a short key must fail") };
        assert!(matches!(&err, VieclamError::Other { code, .. } if code == "bad_argument"), "{err:?}");
    }
}
