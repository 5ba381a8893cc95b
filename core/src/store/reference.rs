//! Reference data every store holds from its first open: the communes and the default rule sets.
//!
//! Seeding is idempotent and never overwrites: the office may have changed a rule set, and that change wins.

use rusqlite::{Connection, params};

use crate::error::Result;
use crate::fold::fold;
use crate::loans::rules::default_rule_sets;
use crate::places::{COMMUNE_LIST, communes};

/// Inserts what is missing of the reference data.
pub(super) fn seed(conn: &mut Connection, schema_version: u32) -> Result<()> {
    let tx = conn.transaction()?;
    let have: i64 = tx.query_row("SELECT count(*) FROM communes WHERE list = ?1", [COMMUNE_LIST], |r| r.get(0))?;
    if have < communes().len() as i64 {
        let mut ins = tx.prepare(
            "INSERT OR IGNORE INTO communes (list, code, name, kind, name_folded) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for c in communes() {
            ins.execute(params![COMMUNE_LIST, c.code, c.name, c.kind.as_str(), fold(&c.short_name)])?;
        }
        drop(ins);
        // The search index arrived with schema version 2 and the map of its entries with version 6.
        if schema_version >= 6 {
            super::index::rebuild_communes(&tx)?;
        } else if schema_version >= 2 {
            super::index::rebuild_commune_docs(&tx)?;
        }
    }
    super::office::write_rule_sets(&tx, &default_rule_sets(), super::office::Existing::Keep)?;
    tx.commit()?;
    Ok(())
}
