//! Recording the plot walked on an open check: the walk is checked by the same rules the server applies
//! ([`plot_walk::problems`]), compared with the area the loan funded, then stored, signed into the chain (kind
//! `walk`) and queued in the outbox in one transaction, like a photo. A new walk of the same check replaces the
//! stored one: the chain keeps the earlier signed version, the outbox sends the new one as an update.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::EvidenceSigner;
use super::record::{self, iso, json};
use crate::checks::plot_walk::{self, ENTITY_WALK, PlotWalkRecord};
use crate::checks::walk::{AreaVerdict, WalkedPlot, compare_area};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::outbox::{self, Op};

const COLUMNS: &str = "check_id, site_id, ring, area_ha, perimeter_m, dropped_points, used_points, mocked_points, \
    funded_ha, verdict_kind, verdict_pct, walked_at, signature, hlc";

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or_default()
}

fn read(r: &Row) -> rusqlite::Result<PlotWalkRecord> {
    let pct: Option<f64> = r.get(10)?;
    let verdict = match (r.get::<_, String>(9)?.as_str(), pct) {
        ("matches", _) => AreaVerdict::Matches,
        ("smaller", Some(pct)) => AreaVerdict::Smaller { pct },
        ("larger", Some(pct)) => AreaVerdict::Larger { pct },
        _ => AreaVerdict::Unknown,
    };
    Ok(PlotWalkRecord {
        check_id: r.get(0)?,
        site_id: r.get(1)?,
        // A row a pull wrote badly reads as an empty ring rather than failing the check screen.
        ring: serde_json::from_str(&r.get::<_, String>(2)?).unwrap_or_default(),
        area_ha: r.get(3)?,
        perimeter_m: r.get(4)?,
        dropped_points: count(r.get(5)?),
        used_points: count(r.get(6)?),
        mocked_points: count(r.get(7)?),
        funded_ha: r.get(8)?,
        verdict,
        walked_at: r.get(11)?,
        signature: r.get(12)?,
        hlc: r.get(13)?,
    })
}

/// The walk recorded on check `check_id`, if any.
pub fn walk_of(store: &Store, check_id: &str) -> Result<Option<PlotWalkRecord>> {
    walk_in(store.conn(), check_id)
}

/// [`walk_of`] on a connection or inside a transaction.
fn walk_in(conn: &Connection, check_id: &str) -> Result<Option<PlotWalkRecord>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM plot_walks WHERE check_id = ?1"))?
        .query_row([check_id], read)
        .optional()?)
}

/// The latest walk of a visit up to `revision`: the walk of that revision, else of the latest one before it.
pub(super) fn walk_of_visit(conn: &Connection, root_id: &str, revision: u32) -> Result<Option<PlotWalkRecord>> {
    let cols: Vec<String> = COLUMNS.split(", ").map(|c| format!("w.{}", c.trim())).collect();
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {} FROM plot_walks w JOIN site_checks s ON s.id = w.check_id
             WHERE s.root_id = ?1 AND s.revision <= ?2 ORDER BY s.revision DESC LIMIT 1",
            cols.join(", ")
        ))?
        .query_row(params![root_id, revision], read)
        .optional()?)
}

/// The funded area of the model at `site_id`, hectares (0 when the loan file names none or the site is unknown
/// here: the comparison then says there is nothing to compare with).
fn funded_ha(conn: &Connection, site_id: &str) -> Result<f64> {
    let funded: Option<Option<f64>> = conn
        .query_row(
            "SELECT m.funded_area_ha FROM sites s JOIN funded_models m ON m.id = s.model_id WHERE s.id = ?1",
            [site_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(funded.flatten().unwrap_or(0.0))
}

/// Records `plot` as the walk of open check `check_id` at `now`, compared with the funded area under
/// `area_tolerance` (a fraction: 0.15 = 15%).
///
/// Refuses a plot that breaks the walk rules (`walk.*`, see [`plot_walk::problems`]), an unknown check
/// ([`Error::NotFound`]) and a finished check (`check.locked`); then nothing is written.
pub fn record_walk(
    store: &mut Store,
    signer: &dyn EvidenceSigner,
    check_id: &str,
    plot: &WalkedPlot,
    area_tolerance: f64,
    now: DateTime<Utc>,
) -> Result<PlotWalkRecord> {
    let node = store.node();
    let tx = store.transaction()?;
    let check = record::load_open(&tx, check_id)?;
    let funded_ha = funded_ha(&tx, &check.site_id)?;
    let mut rec = PlotWalkRecord {
        check_id: check.id.clone(),
        site_id: check.site_id.clone(),
        ring: plot.ring.clone(),
        area_ha: plot.area_ha,
        perimeter_m: plot.perimeter_m,
        dropped_points: plot.dropped_points,
        used_points: plot.used_points,
        mocked_points: plot.mocked_points,
        funded_ha,
        verdict: compare_area(plot.area_ha, funded_ha, area_tolerance),
        walked_at: iso(now),
        signature: None,
        hlc: String::new(),
    };
    let found = plot_walk::problems(&rec);
    if !found.is_empty() {
        // Dropping the transaction rolls it back: nothing was written, not even a clock tick.
        return Err(Error::Invalid(found));
    }
    let existed = walk_in(&tx, check_id)?.is_some();
    let hlc = Store::tick(&tx, node)?;
    rec.hlc = hlc.to_string();
    rec.signature = signer.sign_record(&tx, ENTITY_WALK, check_id, &json(&rec)?)?;
    let (verdict_kind, verdict_pct) = match rec.verdict {
        AreaVerdict::Smaller { pct } | AreaVerdict::Larger { pct } => (rec.verdict.code(), Some(pct)),
        other => (other.code(), None),
    };
    let ring = serde_json::to_string(&rec.ring).map_err(|e| Error::BadArgument(e.to_string()))?;
    tx.execute(
        &format!(
            "INSERT INTO plot_walks ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             ON CONFLICT (check_id) DO UPDATE SET site_id = excluded.site_id, ring = excluded.ring,
               area_ha = excluded.area_ha, perimeter_m = excluded.perimeter_m,
               dropped_points = excluded.dropped_points, used_points = excluded.used_points,
               mocked_points = excluded.mocked_points, funded_ha = excluded.funded_ha,
               verdict_kind = excluded.verdict_kind, verdict_pct = excluded.verdict_pct,
               walked_at = excluded.walked_at, signature = excluded.signature, hlc = excluded.hlc"
        ),
        params![
            rec.check_id,
            rec.site_id,
            ring,
            rec.area_ha,
            rec.perimeter_m,
            i64::try_from(rec.dropped_points).unwrap_or(i64::MAX),
            i64::try_from(rec.used_points).unwrap_or(i64::MAX),
            i64::try_from(rec.mocked_points).unwrap_or(i64::MAX),
            rec.funded_ha,
            verdict_kind,
            verdict_pct,
            rec.walked_at,
            rec.signature,
            rec.hlc
        ],
    )?;
    let op = if existed { Op::Update } else { Op::Insert };
    outbox::record(&tx, ENTITY_WALK, check_id, op, hlc, &rec)?;
    tx.commit()?;
    Ok(rec)
}
