//! The server's database: one API over two backends, embedded SQLite (the default, one command on a fresh machine)
//! and PostgreSQL (deployments, several server processes over one database).
//!
//! Every query is written once, in PostgreSQL's `$1` placeholder style; the SQLite backend turns `$n` into `?n`,
//! which SQLite reads as the same numbered parameter. Values are only integers, text and null ([`Val`]) so that one
//! SQL text runs on both. Work happens inside [`Db::write`] / [`Db::read`]: a closure gets a [`Tx`] and runs in one
//! transaction, committed when it returns `Ok` and rolled back otherwise. The transaction runs on a task of its
//! own, so a client that disconnects half-way can never leave a pooled connection inside a transaction.

mod migrate;
mod postgres;
mod sqlite;

use std::path::Path;
use std::sync::Arc;

use futures::future::BoxFuture;

use crate::error::ApiResult;

pub use postgres::PgTx;
pub use sqlite::SqliteTx;

/// A database failure: the backend's message, never shown to a client (answers say `internal`).
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite refused.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL refused.
    #[error("postgres: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    /// The PostgreSQL pool could not give a connection.
    #[error("postgres pool: {0}")]
    Pool(String),
    /// Anything else (a migration file, a task that died).
    #[error("{0}")]
    Other(String),
}

/// Result of database work.
pub type DbResult<T> = Result<T, DbError>;

/// One SQL value: the schema uses only integers and text, with null.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// SQL NULL.
    Null,
    /// A 64-bit integer (also booleans as 0/1).
    Int(i64),
    /// Text.
    Text(String),
}

impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::Int(v)
    }
}
impl From<bool> for Val {
    fn from(v: bool) -> Val {
        Val::Int(v as i64)
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Val {
        Val::Text(v.to_owned())
    }
}
impl From<String> for Val {
    fn from(v: String) -> Val {
        Val::Text(v)
    }
}
impl From<&String> for Val {
    fn from(v: &String) -> Val {
        Val::Text(v.clone())
    }
}
impl<T: Into<Val>> From<Option<T>> for Val {
    fn from(v: Option<T>) -> Val {
        v.map_or(Val::Null, Into::into)
    }
}

/// One result row.
#[derive(Clone, Debug)]
pub struct Row(pub Vec<Val>);

impl Row {
    /// Column `i` as text (empty for null or an integer).
    pub fn text(&self, i: usize) -> String {
        self.opt_text(i).unwrap_or_default()
    }
    /// Column `i` as text, `None` for null.
    pub fn opt_text(&self, i: usize) -> Option<String> {
        match self.0.get(i) {
            Some(Val::Text(s)) => Some(s.clone()),
            Some(Val::Int(n)) => Some(n.to_string()),
            _ => None,
        }
    }
    /// Column `i` as an integer (0 for null or text).
    pub fn int(&self, i: usize) -> i64 {
        match self.0.get(i) {
            Some(Val::Int(n)) => *n,
            _ => 0,
        }
    }
}

/// Builds a parameter list: `params![a, b]` → `Vec<Val>`.
#[macro_export]
macro_rules! params {
    ($($v:expr),* $(,)?) => { vec![$($crate::db::Val::from($v)),*] };
}

/// An open transaction on either backend.
pub enum Tx {
    /// On the SQLite file.
    Sqlite(SqliteTx),
    /// On PostgreSQL (boxed: a pooled connection is much larger than a lock guard).
    Pg(Box<PgTx>),
}

impl Tx {
    /// Runs a statement; answers how many rows it changed.
    pub async fn exec(&mut self, sql: &str, params: Vec<Val>) -> DbResult<u64> {
        match self {
            Tx::Sqlite(t) => t.exec(sql, &params),
            Tx::Pg(t) => t.exec(sql, &params).await,
        }
    }

    /// Runs a query; answers its rows.
    pub async fn query(&mut self, sql: &str, params: Vec<Val>) -> DbResult<Vec<Row>> {
        match self {
            Tx::Sqlite(t) => t.query(sql, &params),
            Tx::Pg(t) => t.query(sql, &params).await,
        }
    }

    /// The first row of a query, if any.
    pub async fn one(&mut self, sql: &str, params: Vec<Val>) -> DbResult<Option<Row>> {
        Ok(self.query(sql, params).await?.into_iter().next())
    }

    /// Takes `n` values of the global sequence and answers the last one (the first is `last - n + 1`). The
    /// counter row stays locked until commit, so commits happen in sequence order (a reader paging by `seq`
    /// never skips a row that commits late).
    pub async fn next_seq(&mut self, n: i64) -> DbResult<i64> {
        let row =
            self.one("UPDATE counter SET value = value + $1 WHERE id = 1 RETURNING value", vec![Val::Int(n)]).await?;
        row.map(|r| r.int(0)).ok_or_else(|| DbError::Other("the counter row is missing".into()))
    }

    /// Whether this transaction runs on PostgreSQL (for the rare statement whose SQL differs).
    pub fn is_postgres(&self) -> bool {
        matches!(self, Tx::Pg(_))
    }
}

/// What a transaction does, which decides the connection it runs on and how that is set up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// A read-only snapshot (a reader connection on SQLite).
    Read,
    /// A write (the one writer connection on SQLite).
    Write,
    /// A write that changes a large part of the database at once, like a whole loan book: on SQLite the writer's
    /// page cache is widened for it (see `sqlite::BULK_CACHE_KIB`). PostgreSQL runs it as any write.
    Bulk,
}

/// Work to run in one transaction.
pub type Work<T> = Box<dyn for<'t> FnOnce(&'t mut Tx) -> BoxFuture<'t, ApiResult<T>> + Send>;

/// The database handle (cheap to clone).
#[derive(Clone)]
pub enum Db {
    /// Embedded SQLite.
    Sqlite(Arc<sqlite::SqliteDb>),
    /// PostgreSQL.
    Pg(Arc<postgres::PgDb>),
}

impl Db {
    /// Opens (creating if needed) the SQLite database at `path` and brings its schema up to date.
    pub async fn open_sqlite(path: &Path) -> DbResult<Db> {
        let db = Db::Sqlite(Arc::new(sqlite::SqliteDb::open(path)?));
        migrate::run(&db).await?;
        Ok(db)
    }

    /// Connects to PostgreSQL at `url` and brings its schema up to date.
    pub async fn open_postgres(url: &str) -> DbResult<Db> {
        let db = Db::Pg(Arc::new(postgres::PgDb::connect(url)?));
        migrate::run(&db).await?;
        Ok(db)
    }

    /// `sqlite` or `postgres`.
    pub fn backend_name(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Pg(_) => "postgres",
        }
    }

    /// Runs `work` in one writing transaction (serialised with other writers on SQLite).
    pub async fn write<T: Send + 'static>(&self, work: Work<T>) -> ApiResult<T> {
        self.run(work, Access::Write).await
    }

    /// Runs `work` in one writing transaction that changes a large part of the database (see [`Access::Bulk`]).
    pub async fn write_bulk<T: Send + 'static>(&self, work: Work<T>) -> ApiResult<T> {
        self.run(work, Access::Bulk).await
    }

    /// Runs `work` in one read-only snapshot.
    pub async fn read<T: Send + 'static>(&self, work: Work<T>) -> ApiResult<T> {
        self.run(work, Access::Read).await
    }

    async fn run<T: Send + 'static>(&self, work: Work<T>, access: Access) -> ApiResult<T> {
        let write = access != Access::Read;
        match self {
            Db::Sqlite(db) => {
                let db = db.clone();
                let handle = tokio::runtime::Handle::current();
                tokio::task::spawn_blocking(move || db.run(&handle, work, access))
                    .await
                    .map_err(|e| DbError::Other(e.to_string()))?
            }
            Db::Pg(db) => {
                let db = db.clone();
                tokio::spawn(async move { db.run(work, write).await })
                    .await
                    .map_err(|e| DbError::Other(e.to_string()))?
            }
        }
    }
}

/// Boxes a transaction closure: `work!(|tx| async move { … })`.
#[macro_export]
macro_rules! work {
    (|$tx:ident| $body:expr) => {
        Box::new(move |$tx: &mut $crate::db::Tx| Box::pin($body) as futures::future::BoxFuture<'_, _>)
    };
}
