//! The embedded SQLite backend: one file in the data folder, WAL, one writer connection behind a lock (SQLite has
//! one writer anyway) and a few reader connections that read in parallel with it.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, OpenFlags};
use tokio::sync::{Mutex, OwnedMutexGuard};

use super::{Access, DbError, DbResult, Row, Tx, Val, Work};
use crate::error::ApiResult;

/// How many reader connections to keep.
const READERS: usize = 4;

/// SQLite's default page cache, KiB: what every connection keeps outside a bulk write.
const DEFAULT_CACHE_KIB: i64 = 2000;

/// The writer's page cache during a bulk write, KiB. An import of
/// 100,000 loans changes about 1 GB of pages in one transaction; with the default cache nearly every page is
/// spilled to the WAL and read back several times. Measured on that import (2 cores): 64 s with the default,
/// 59 s with 64 MiB, 53 s with 256 MiB. The cache is back to the default when the transaction ends, which frees it.
const BULK_CACHE_KIB: i64 = 256 * 1024;

/// The SQLite database: a writer and readers over one file.
pub struct SqliteDb {
    writer: Arc<Mutex<Connection>>,
    readers: Vec<Arc<Mutex<Connection>>>,
    next_reader: AtomicUsize,
}

/// A transaction on one SQLite connection, held for its whole duration.
pub struct SqliteTx(OwnedMutexGuard<Connection>);

fn connect(path: &Path) -> DbResult<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // WAL lets readers go on while the writer commits; a busy timeout rides out checkpoints.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    Ok(conn)
}

impl SqliteDb {
    /// Opens the file at `path` (created if missing).
    pub fn open(path: &Path) -> DbResult<SqliteDb> {
        let writer = Arc::new(Mutex::new(connect(path)?));
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            readers.push(Arc::new(Mutex::new(connect(path)?)));
        }
        Ok(SqliteDb { writer, readers, next_reader: AtomicUsize::new(0) })
    }

    /// Runs `work` in a transaction on this (blocking) thread, driving its future with `handle`.
    pub fn run<T>(&self, handle: &tokio::runtime::Handle, work: Work<T>, access: Access) -> ApiResult<T> {
        let conn = if access == Access::Read {
            let i = self.next_reader.fetch_add(1, Ordering::Relaxed) % self.readers.len();
            self.readers[i].clone()
        } else {
            self.writer.clone()
        };
        let guard = conn.clone().blocking_lock_owned();
        if access == Access::Bulk {
            guard.pragma_update(None, "cache_size", -BULK_CACHE_KIB).map_err(DbError::from)?;
        }
        let result = run_locked(guard, handle, work, access);
        if access == Access::Bulk {
            // Shrinking the cache frees the pages above the default at once.
            let guard = conn.blocking_lock();
            guard.pragma_update(None, "cache_size", -DEFAULT_CACHE_KIB).map_err(DbError::from)?;
        }
        result
    }
}

/// BEGIN, `work`, then COMMIT (ROLLBACK when it failed), on a connection already locked.
fn run_locked<T>(
    guard: OwnedMutexGuard<Connection>,
    handle: &tokio::runtime::Handle,
    work: Work<T>,
    access: Access,
) -> ApiResult<T> {
    // IMMEDIATE takes the write lock at once, so two writers never both read and then fight to upgrade.
    guard.execute_batch(if access == Access::Read { "BEGIN" } else { "BEGIN IMMEDIATE" }).map_err(DbError::from)?;
    let mut tx = Tx::Sqlite(SqliteTx(guard));
    let result = handle.block_on(work(&mut tx));
    let Tx::Sqlite(SqliteTx(guard)) = tx else { return result };
    match &result {
        Ok(_) => guard.execute_batch("COMMIT").map_err(DbError::from)?,
        Err(_) => guard.execute_batch("ROLLBACK").map_err(DbError::from)?,
    }
    result
}

/// `$1` → `?1`: SQLite reads `?N` as the N-th parameter, exactly what `$N` means to PostgreSQL.
fn sqlite_sql(sql: &str) -> String {
    sql.replace('$', "?")
}

impl rusqlite::ToSql for Val {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Val::Null => ToSqlOutput::Owned(Value::Null),
            Val::Int(n) => ToSqlOutput::Owned(Value::Integer(*n)),
            Val::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

impl SqliteTx {
    /// Runs a statement.
    pub fn exec(&mut self, sql: &str, params: &[Val]) -> DbResult<u64> {
        let mut st = self.0.prepare_cached(&sqlite_sql(sql))?;
        Ok(st.execute(rusqlite::params_from_iter(params.iter()))? as u64)
    }

    /// Runs a query.
    pub fn query(&mut self, sql: &str, params: &[Val]) -> DbResult<Vec<Row>> {
        let mut st = self.0.prepare_cached(&sqlite_sql(sql))?;
        let n = st.column_count();
        let mut rows = st.query(rusqlite::params_from_iter(params.iter()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut vals = Vec::with_capacity(n);
            for i in 0..n {
                vals.push(match r.get_ref(i)? {
                    ValueRef::Null => Val::Null,
                    ValueRef::Integer(v) => Val::Int(v),
                    ValueRef::Real(v) => Val::Int(v as i64),
                    ValueRef::Text(t) | ValueRef::Blob(t) => Val::Text(String::from_utf8_lossy(t).into_owned()),
                });
            }
            out.push(Row(vals));
        }
        Ok(out)
    }

    /// Runs several statements (a migration file).
    pub fn batch(&mut self, sql: &str) -> DbResult<()> {
        Ok(self.0.execute_batch(sql)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;
    use crate::work;

    async fn writer_cache(db: &Db, access: Access) -> i64 {
        let work: Work<Option<i64>> =
            work!(|tx| async move { Ok(tx.one("PRAGMA cache_size", vec![]).await?.map(|r| r.int(0))) });
        let cache = match access {
            Access::Bulk => db.write_bulk(work).await,
            _ => db.write(work).await,
        };
        cache.unwrap().unwrap()
    }

    /// A bulk write runs with the wide cache, and the writer is back to the default after it, even when the bulk
    /// work failed (its pages are freed, not kept for the life of the server).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_bulk_write_widens_the_cache_only_while_it_runs() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open_sqlite(&dir.path().join("server.db")).await.unwrap();
        assert_eq!(writer_cache(&db, Access::Write).await, -DEFAULT_CACHE_KIB);
        assert_eq!(writer_cache(&db, Access::Bulk).await, -BULK_CACHE_KIB);
        assert_eq!(writer_cache(&db, Access::Write).await, -DEFAULT_CACHE_KIB);
        let failed = db
            .write_bulk(work!(|tx| async move {
                tx.one("SELECT * FROM no_such_table", vec![]).await?;
                Ok(())
            }))
            .await;
        assert!(failed.is_err());
        assert_eq!(writer_cache(&db, Access::Write).await, -DEFAULT_CACHE_KIB);
    }
}
