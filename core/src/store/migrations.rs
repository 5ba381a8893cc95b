//! Versioned schema migrations, tracked in SQLite's `user_version`.
//!
//! Each migration runs in its own transaction, so a crash mid-upgrade leaves the store at the previous version, and
//! a store made by any earlier version of the app opens at the latest one with its data intact.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// One step of the schema.
struct Migration {
    version: u32,
    sql: &'static str,
    /// Work that SQL alone cannot express (filling derived tables with folded text).
    after: Option<fn(&rusqlite::Connection) -> Result<()>>,
}

const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, sql: include_str!("../../migrations/0001_base.sql"), after: None },
    Migration {
        version: 2,
        sql: include_str!("../../migrations/0002_search_and_places.sql"),
        // The search index as version 2 built it: the map of its entries comes with version 6.
        after: Some(super::index::rebuild_docs),
    },
    Migration { version: 3, sql: include_str!("../../migrations/0003_evidence_chain.sql"), after: None },
    Migration { version: 4, sql: include_str!("../../migrations/0004_site_checks.sql"), after: None },
    Migration { version: 5, sql: include_str!("../../migrations/0005_sync.sql"), after: None },
    Migration { version: 6, sql: include_str!("../../migrations/0006_search_doc_map.sql"), after: None },
    Migration { version: 7, sql: include_str!("../../migrations/0007_answer_drafts.sql"), after: None },
    Migration { version: 8, sql: include_str!("../../migrations/0008_overdue_interest_paid.sql"), after: None },
    Migration { version: 9, sql: include_str!("../../migrations/0009_transaction_points.sql"), after: None },
    Migration { version: 10, sql: include_str!("../../migrations/0010_registration_status_reason.sql"), after: None },
    Migration { version: 11, sql: include_str!("../../migrations/0011_commune_reviews.sql"), after: None },
    Migration { version: 12, sql: include_str!("../../migrations/0012_plot_walks.sql"), after: None },
    Migration { version: 13, sql: include_str!("../../migrations/0013_site_cards.sql"), after: None },
    Migration { version: 14, sql: include_str!("../../migrations/0014_site_positions_by_trigger.sql"), after: None },
];

/// The newest schema version this build knows.
pub const LATEST: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// The store's current schema version.
pub fn version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the store up to `target` (normally [`LATEST`]); refuses a store newer than this build.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<()> {
    let found = version(conn)?;
    if found > LATEST {
        return Err(Error::SchemaTooNew { found, supported: LATEST });
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > found && m.version <= target) {
        let tx = conn.transaction()?;
        tx.execute_batch(m.sql)?;
        if let Some(after) = m.after {
            after(&tx)?;
        }
        tx.pragma_update(None, "user_version", m.version)?;
        tx.commit()?;
    }
    Ok(())
}
