//! Versioned migrations: `server/migrations/{sqlite,postgres}/NNNN_*.sql`, compiled in, applied in order inside one
//! transaction each, the version kept in `schema_version`. Several servers starting together over one PostgreSQL
//! take an advisory lock so only one migrates.

use super::{Db, DbError, DbResult, Tx};
use crate::work;

/// The SQLite steps, in order.
const SQLITE: &[&str] = &[
    include_str!("../../migrations/sqlite/0001_init.sql"),
    include_str!("../../migrations/sqlite/0002_evidence.sql"),
    include_str!("../../migrations/sqlite/0003_records_by_kind.sql"),
];
/// The PostgreSQL steps, in order (same numbering as SQLite).
const POSTGRES: &[&str] = &[
    include_str!("../../migrations/postgres/0001_init.sql"),
    include_str!("../../migrations/postgres/0002_evidence.sql"),
    include_str!("../../migrations/postgres/0003_records_by_kind.sql"),
];

/// Brings the schema up to the latest version.
pub async fn run(db: &Db) -> DbResult<()> {
    db.write(work!(|tx| async move {
        if let Tx::Pg(t) = tx {
            t.batch("SELECT pg_advisory_xact_lock(7301)").await?;
        }
        tx.exec("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)", vec![]).await?;
        let current = tx.one("SELECT MAX(version) FROM schema_version", vec![]).await?.map_or(0, |r| r.int(0));
        let steps = if tx.is_postgres() { POSTGRES } else { SQLITE };
        for (i, sql) in steps.iter().enumerate() {
            let version = i as i64 + 1;
            if version <= current {
                continue;
            }
            match tx {
                Tx::Sqlite(t) => t.batch(sql)?,
                Tx::Pg(t) => t.batch(sql).await?,
            }
            tx.exec("INSERT INTO schema_version (version) VALUES ($1)", vec![version.into()]).await?;
        }
        Ok(())
    }))
    .await
    .map_err(|e| DbError::Other(e.to_string()))
}
