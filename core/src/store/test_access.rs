//! The raw SQLCipher connection of a store, for tests only: a test that proves the store detects a tampered row
//! must first tamper with it, and only raw SQL can do that. Compiled only with the `test-access` feature, which
//! the workspace enables from `[dev-dependencies]` alone, so no shipped build (the FFI library, the CLI, the
//! server) can reach the connection; `vieclam-test-support`'s `raw_access_stays_in_tests` test fails if a product
//! source names the accessor or enables the feature outside its dev-dependencies.

use rusqlite::Connection;

use super::Store;

impl Store {
    /// The store's own connection, to edit rows behind the core's back. Tests only: no product code may call it
    /// (and without the `test-access` feature it does not exist).
    #[doc(hidden)]
    pub fn raw_connection_for_tests(&self) -> &Connection {
        &self.conn
    }
}
