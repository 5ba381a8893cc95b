//! The encrypted on-device store: SQLCipher through rusqlite, WAL, versioned migrations, reference data.
//!
//! Opening is careful about three failures an inspector's phone can meet: the wrong key (the keystore was reset),
//! a truncated file (the disk filled, a copy was cut short), and a file from a newer app. Each is reported as its
//! own error before anything is written, so a failed open never changes the file or leaves a new empty database.

pub mod index;
pub mod migrations;
pub mod office;
pub mod outbox;
mod reference;
#[cfg(feature = "test-access")]
mod test_access;

use std::path::{Path, PathBuf};

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags, Transaction};

use crate::error::{Error, Result};
use crate::ids::{self, Hlc};

/// The key that opens a store. The apps pass 32 random bytes from Android Keystore / iOS Keychain (no key
/// derivation needed); a passphrase is accepted for desktop use and goes through SQLCipher's PBKDF2.
#[derive(Clone)]
pub enum DbKey {
    /// A 256-bit raw key.
    Raw([u8; 32]),
    /// A passphrase.
    Passphrase(String),
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(..)") // never print key material
    }
}

impl DbKey {
    /// A raw key from exactly 32 bytes.
    pub fn raw(bytes: &[u8]) -> Result<DbKey> {
        let arr: [u8; 32] =
            bytes.try_into().map_err(|_| Error::BadArgument(format!("a raw key is 32 bytes, not {}", bytes.len())))?;
        Ok(DbKey::Raw(arr))
    }

    /// The value of `PRAGMA key`.
    fn pragma_value(&self) -> String {
        match self {
            DbKey::Raw(k) => {
                let hex: String = k.iter().map(|b| format!("{b:02x}")).collect();
                format!("x'{hex}'")
            }
            DbKey::Passphrase(p) => p.clone(),
        }
    }
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    node: u32,
}

/// SQLCipher's page size: a healthy file is a whole number of these.
const PAGE_SIZE: u64 = 4096;

/// SQLite marks itself initialised before it runs SQLCipher's own start-up (`SQLITE_EXTRA_INIT`), so while the
/// first connection of a process is being opened, a second thread's `sqlite3_initialize` returns at once and its
/// `PRAGMA key` fails ("An error occurred with PRAGMA key or rekey") because SQLCipher is not ready yet. Seen in CI
/// when two tests opened their first stores in the same millisecond; an app that opens the store on one thread while
/// a sync worker opens it on another would meet it too. The first open of a process therefore finishes SQLCipher's
/// start-up alone, on an in-memory database, and every other open waits for it.
static SQLCIPHER_READY: std::sync::Once = std::sync::Once::new();

fn sqlcipher_ready() {
    SQLCIPHER_READY.call_once(|| {
        // A keyed in-memory database needs SQLCipher ready. Another thread of the process (one opening a plain SQLite
        // database) may be the one running the start-up, so the key is tried until it takes, for at most a second;
        // a failure past that shows again, with its error, on the real open.
        for _ in 0..1_000 {
            let keyed = Connection::open_in_memory().and_then(|c| {
                c.pragma_update(None, "key", "x'0000000000000000000000000000000000000000000000000000000000000000'")
            });
            if keyed.is_ok() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    });
}

impl Store {
    /// Opens (or creates) the store at `path` with `key`, migrating it to the latest schema.
    pub fn open(path: impl AsRef<Path>, key: &DbKey) -> Result<Store> {
        Self::open_at_version(path, key, migrations::LATEST)
    }

    /// Opens the store and migrates it only up to `version`: for tests of upgrades from earlier schemas.
    pub fn open_at_version(path: impl AsRef<Path>, key: &DbKey, version: u32) -> Result<Store> {
        sqlcipher_ready();
        let path = path.as_ref().to_path_buf();
        let existed = check_file_shape(&path)?;
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if !existed {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let mut conn = Connection::open_with_flags(&path, flags)?;
        // Before anything that may take a lock: another connection (a sync worker, a second screen) may be writing.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Every transaction here writes, so it takes the write lock when it begins. A deferred one that read first
        // and then wrote would fail at once with "database is locked" when another connection is writing: SQLite
        // cannot wait for the lock there without risking deadlock, so the busy timeout does not help it.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        conn.pragma_update(None, "key", key.pragma_value())?;
        probe_key(&conn)?;
        if existed {
            check_length_against_header(&conn, &path)?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // WAL with FULL sync: an accepted change survives a killed app and a power cut.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // 16 MB of decrypted pages instead of SQLite's 2 MB: every page read from the file is decrypted and its
        // HMAC-SHA512 checked, and a first download inserting 170,000 records under random ids kept evicting and
        // re-reading the same index pages (client CPU 8.8 s → 6.7 s, docs/design.md P1). A ceiling, not an
        // allocation: a small store uses what it holds.
        conn.pragma_update(None, "cache_size", -16_384)?;
        register_functions(&conn)?;
        migrations::migrate_to(&mut conn, version)?;
        let mut store = Store { conn, path, node: 0 };
        if version >= 1 {
            store.node = store.device_node()?;
            reference::seed(&mut store.conn, version)?;
        }
        Ok(store)
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for queries in this crate. Private to the core so that every read and write goes
    /// through a core function that keeps the store's rules; tests that must tamper with rows use
    /// `raw_connection_for_tests` (feature `test-access`, dev-dependencies only).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A write transaction, for changes in this crate.
    pub(crate) fn transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(self.conn.transaction()?)
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<u32> {
        migrations::version(&self.conn)
    }

    /// Entries waiting to go up.
    pub fn pending_outbox(&self) -> Result<Vec<outbox::OutboxEntry>> {
        outbox::pending(&self.conn)
    }

    /// Runs a full integrity check (every page's HMAC and SQLite's own check); slow on big stores.
    pub fn verify_integrity(&self) -> Result<()> {
        let bad: Vec<String> = self
            .conn
            .prepare("PRAGMA cipher_integrity_check")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(first) = bad.first() {
            return Err(Error::Corrupt(first.clone()));
        }
        let ok: String = self.conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if ok != "ok" {
            return Err(Error::Corrupt(ok));
        }
        Ok(())
    }

    /// The next clock reading for a local change, saved so it never goes backwards across restarts.
    pub(crate) fn tick(tx: &Transaction, node: u32) -> Result<Hlc> {
        let last: Option<String> = tx.query_row("SELECT value FROM meta WHERE key = 'hlc'", [], |r| r.get(0)).ok();
        let last = last.and_then(|s| s.parse().ok()).unwrap_or(Hlc::ZERO);
        let next = last.tick(ids::now_millis(), node);
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('hlc', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [next.to_string()],
        )?;
        Ok(next)
    }

    /// This device's node number for the clock.
    pub(crate) fn node(&self) -> u32 {
        self.node
    }

    /// This device's id, made once when the store is created.
    pub fn device_id(&self) -> Result<String> {
        Ok(self.conn.query_row("SELECT value FROM meta WHERE key = 'device_id'", [], |r| r.get(0))?)
    }

    fn device_node(&self) -> Result<u32> {
        let existing: Option<String> =
            self.conn.query_row("SELECT value FROM meta WHERE key = 'device_id'", [], |r| r.get(0)).ok();
        let id = match existing {
            Some(id) => id,
            None => {
                let id = ids::new_id();
                self.conn.execute("INSERT INTO meta (key, value) VALUES ('device_id', ?1)", [&id])?;
                id
            }
        };
        // The random tail of a UUIDv7 makes a good node number.
        let hex: String = id.chars().filter(|c| c.is_ascii_hexdigit()).collect();
        Ok(u32::from_str_radix(&hex[hex.len() - 8..], 16).unwrap_or(0))
    }
}

/// Rejects a file that cannot be a whole database before SQLite touches it. Returns whether the file existed.
fn check_file_shape(path: &Path) -> Result<bool> {
    match std::fs::metadata(path) {
        Ok(meta) => {
            let len = meta.len();
            if len == 0 {
                // We never leave an empty file behind (creation writes the schema at once), so an empty file is a
                // truncated one: opening it would silently make a new, empty database.
                return Err(Error::Corrupt("the file is empty".into()));
            }
            if len % PAGE_SIZE != 0 {
                return Err(Error::Corrupt(format!("{len} bytes is not a whole number of {PAGE_SIZE}-byte pages")));
            }
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Reads the schema with the key: SQLCipher reports a wrong key as "file is not a database".
fn probe_key(conn: &Connection) -> Result<()> {
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::NotADatabase => {
            Err(Error::WrongKey)
        }
        Err(e) => Err(e.into()),
    }
}

/// A file cut at a page boundary still opens; the page count in its (decrypted) header tells us it is short.
/// While a write-ahead log holds pages not yet copied into the main file (another connection is open, or the app
/// was killed before a checkpoint), the main file is legitimately shorter, so the check is left to SQLite's own.
fn check_length_against_header(conn: &Connection, path: &Path) -> Result<()> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Ok(());
    }
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let pages = pages.max(0) as u64;
    let len = std::fs::metadata(path)?.len();
    if pages * PAGE_SIZE > len {
        return Err(Error::Corrupt(format!("the header counts {pages} pages but the file holds {}", len / PAGE_SIZE)));
    }
    Ok(())
}

/// SQL functions the schema relies on: `fold(text)` for diacritic-free keys.
fn register_functions(conn: &Connection) -> Result<()> {
    conn.create_scalar_function("fold", 1, FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC, |ctx| {
        Ok(crate::fold::fold(&ctx.get::<String>(0).unwrap_or_default()))
    })?;
    Ok(())
}
