//! "Which sites are nearest to where I stand?": funded models' sites ordered by distance, from the R*Tree.
//!
//! The R*Tree answers boxes, not nearest-k, so the box grows (doubling) until it holds enough sites that the k-th
//! nearest lies inside the circle the box encloses; only then is the order certain.

use chrono::NaiveDate;

use crate::error::Result;
use crate::messages::{Lang, labels as l};
use crate::places::geo::{degrees_box, distance_m};
use crate::store::Store;

/// Which sites to consider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteScope {
    /// Every site on the device.
    All,
    /// Sites in the communes of the inspection plans running on this date.
    AssignedOn(NaiveDate),
}

/// One site in the list, nearest first.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SiteRow {
    /// Site id.
    pub site_id: String,
    /// Loan id.
    pub loan_id: String,
    /// Số khế ước: the agreement number.
    pub agreement_no: String,
    /// Borrower's name.
    pub borrower_name: String,
    /// Commune name.
    pub commune_name: String,
    /// Model kind in words.
    pub model_text: String,
    /// What was funded.
    pub description: String,
    /// Latitude (WGS84) of the site's point.
    pub lat: f64,
    /// Longitude (WGS84).
    pub lon: f64,
    /// Acceptance radius in metres.
    pub radius_m: f64,
    /// Whether a plot polygon is mapped.
    pub has_plot: bool,
    /// Distance from the asking point in metres.
    pub distance_m: f64,
    /// Distance, formatted ("850 m", "12,3 km").
    pub distance_text: String,
}

/// Formats a distance the way a Vietnamese screen writes it.
pub fn distance_text(m: f64) -> String {
    if m < 1_000.0 { format!("{} m", m.round() as i64) } else { format!("{:.1} km", m / 1_000.0).replace('.', ",") }
}

const START_RADIUS_M: f64 = 2_000.0;
const MAX_RADIUS_M: f64 = 1_024_000.0;
/// How far a position kept in the R*Tree (float32: ~1e-6 degrees of rounding at these latitudes) can be from the
/// site's own: generous, since it only widens the set read exactly.
const RTREE_SLACK_M: f64 = 5.0;

/// The candidates that can still be among the nearest `limit`: with positions from the R*Tree (float32), every one
/// approximately within the k-th distance plus twice the rounding; with exact positions, the first `limit`.
fn candidates(found: &[(i64, f64)], limit: usize, approximate: bool) -> Vec<i64> {
    if !approximate {
        return found.iter().take(limit).map(|f| f.0).collect();
    }
    let Some(kth) = found.get(limit.saturating_sub(1)).or(found.last()).map(|k| k.1) else { return Vec::new() };
    found.iter().take_while(|f| f.1 <= kth + 2.0 * RTREE_SLACK_M).map(|f| f.0).collect()
}

/// The `limit` sites nearest to (`lat`, `lon`) within `scope`, nearest first.
pub fn sites_near(
    store: &Store,
    lat: f64,
    lon: f64,
    limit: usize,
    scope: SiteScope,
    lang: Lang,
) -> Result<Vec<SiteRow>> {
    let scope_sql = match scope {
        SiteScope::All => "",
        SiteScope::AssignedOn(_) => {
            "AND s.commune_code IN (SELECT pc.commune_code FROM plan_communes pc
                 JOIN inspection_plans p ON p.id = pc.plan_id WHERE p.starts_on <= ?5 AND p.ends_on >= ?5)"
        }
    };
    // Candidates come from the R*Tree alone (its float32 corners; no table row read per site in the box); only
    // the few that can still be among the nearest are read exactly below. A scope still needs the site's commune.
    let sql = if scope_sql.is_empty() {
        "SELECT t.site_rowid, t.min_lat, t.min_lon FROM sites_rtree t
         WHERE t.min_lat >= ?1 AND t.max_lat <= ?2 AND t.min_lon >= ?3 AND t.max_lon <= ?4"
            .to_owned()
    } else {
        format!(
            "SELECT s.rowid, s.lat, s.lon FROM sites_rtree t JOIN sites s ON s.rowid = t.site_rowid
             WHERE t.min_lat >= ?1 AND t.max_lat <= ?2 AND t.min_lon >= ?3 AND t.max_lon <= ?4 {scope_sql}"
        )
    };
    let day = match scope {
        SiteScope::AssignedOn(d) => d.to_string(),
        SiteScope::All => String::new(),
    };
    let query = |stmt: &mut rusqlite::CachedStatement, radius: f64| -> Result<Vec<(i64, f64)>> {
        // The box is widened by the R*Tree's float32 rounding so that no site on its edge is missed.
        let (a, b, c, d) = degrees_box(lat, lon, radius + RTREE_SLACK_M);
        let rows = if scope == SiteScope::All {
            stmt.query_map(rusqlite::params![a, b, c, d], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<Vec<(i64, f64, f64)>>>()?
        } else {
            stmt.query_map(rusqlite::params![a, b, c, d, day], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<Vec<(i64, f64, f64)>>>()?
        };
        let mut found: Vec<(i64, f64)> =
            rows.into_iter().map(|(id, la, lo)| (id, distance_m(lat, lon, la, lo))).collect();
        found.sort_by(|x, y| x.1.total_cmp(&y.1));
        Ok(found)
    };
    let mut stmt = store.conn().prepare_cached(&sql)?;
    let mut radius = START_RADIUS_M;
    let mut found = query(&mut stmt, radius)?;
    // Grow the box until it holds `limit` sites; then the k-th of them bounds the answer: every nearer site lies
    // within that distance, so one last box of exactly that radius is complete (and small).
    while found.len() < limit && radius < MAX_RADIUS_M {
        radius *= 2.0;
        found = query(&mut stmt, radius)?;
    }
    if let Some(kth) = found.get(limit.saturating_sub(1)).map(|k| k.1)
        && kth > radius
    {
        found = query(&mut stmt, kth)?;
    }
    // One read of the candidates' rows, ranked by their exact positions: a point query per site cost more than the
    // search itself (P4).
    let ids = candidates(&found, limit, scope == SiteScope::All);
    let mut rows = rows(store, &ids, lat, lon, lang)?;
    rows.sort_by(|x, y| x.distance_m.total_cmp(&y.distance_m).then_with(|| x.site_id.cmp(&y.site_id)));
    rows.truncate(limit);
    Ok(rows)
}

/// The sites of `rowids` as list rows, with their exact distance from (`lat`, `lon`), in no particular order.
fn rows(store: &Store, rowids: &[i64], lat: f64, lon: f64, lang: Lang) -> Result<Vec<SiteRow>> {
    if rowids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; rowids.len()].join(", ");
    // `site_cards` (schema version 13) holds each site's row as the join of site, model, loan and borrower would
    // give it, beside the site's rowid: the join itself read over a hundred scattered pages per answer.
    let mut stmt = store.conn().prepare_cached(&format!(
        "SELECT s.site_id, s.loan_id, s.agreement_no, s.borrower_name, coalesce(c.name, s.commune_code), s.model_kind,
                s.description, s.lat, s.lon, s.radius_m, s.has_plot
         FROM site_cards s
         LEFT JOIN communes c ON c.list = '2025' AND c.code = s.commune_code
         WHERE s.site_rowid IN ({marks})"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(rowids), |r| {
        let (la, lo): (f64, f64) = (r.get(7)?, r.get(8)?);
        let dist = distance_m(lat, lon, la, lo);
        Ok(SiteRow {
            site_id: r.get(0)?,
            loan_id: r.get(1)?,
            agreement_no: r.get(2)?,
            borrower_name: r.get(3)?,
            commune_name: r.get(4)?,
            model_text: l::model_kind(&r.get::<_, String>(5)?).get(lang).to_owned(),
            description: r.get(6)?,
            lat: la,
            lon: lo,
            radius_m: r.get(9)?,
            has_plot: r.get(10)?,
            distance_m: dist,
            distance_text: distance_text(dist),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_read_naturally() {
        assert_eq!(distance_text(849.6), "850 m");
        assert_eq!(distance_text(12_345.0), "12,3 km");
    }
}
