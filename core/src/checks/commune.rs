//! A commune as an inspection team works through it: the sites to check, each with the model and the loan it was
//! funded by and the borrower's name, and the commune's loan book (the loans of the borrowers who live there), which
//! the commune review reports on.

use rusqlite::params;

use crate::error::Result;
use crate::store::Store;

/// A site of a commune with what was funded there and for whom.
#[derive(Clone, Debug, PartialEq)]
pub struct CommuneSite {
    /// The site's id.
    pub site_id: String,
    /// The commune the site lies in.
    pub commune_code: String,
    /// The funded model's kind (`livestock`, `afforestation`, …).
    pub kind: String,
    /// The model in the borrower's words.
    pub description: String,
    /// Jobs the loan's project promised.
    pub jobs_planned: i64,
    /// The loan that funded the model.
    pub loan_id: String,
    /// The borrower's full name.
    pub borrower_name: String,
}

/// The sites lying in `commune_code`, by id, each with its model, loan and borrower. A site whose model or loan
/// is missing on the device is left out: there is nothing to check it against.
pub fn commune_sites(store: &Store, commune_code: &str) -> Result<Vec<CommuneSite>> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT s.id, s.commune_code, m.kind, m.description, m.jobs_planned, m.loan_id, b.full_name
         FROM sites s JOIN funded_models m ON m.id = s.model_id JOIN loans l ON l.id = m.loan_id
         JOIN borrowers b ON b.id = l.borrower_id WHERE s.commune_code = ?1 ORDER BY s.id",
    )?;
    let rows = stmt.query_map(params![commune_code.trim()], |r| {
        Ok(CommuneSite {
            site_id: r.get(0)?,
            commune_code: r.get(1)?,
            kind: r.get(2)?,
            description: r.get(3)?,
            jobs_planned: r.get(4)?,
            loan_id: r.get(5)?,
            borrower_name: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The ids of the commune's loan book, by id: the loans of the borrowers who live in `commune_code`. A loan belongs
/// to its borrower's commune, wherever the model it funded lies (a site can sit across a commune border).
pub fn commune_loans(store: &Store, commune_code: &str) -> Result<Vec<String>> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT l.id FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE b.commune_code = ?1 ORDER BY l.id",
    )?;
    let rows = stmt.query_map(params![commune_code.trim()], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
