//! The programme catalogue a returning worker browses: domestic jobs, training, loans, and contract work abroad
//! offered only by licensed enterprises (with their licence number and markets).

use chrono::NaiveDate;
use rusqlite::params;

use super::search::{SearchKind, search};
use crate::error::Result;
use crate::format;
use crate::messages::{Lang, labels as l};
use crate::store::Store;

/// One programme in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgrammeRow {
    /// Id.
    pub id: String,
    /// `domestic_job`, `training`, `loan`, `overseas`.
    pub kind: String,
    /// Kind in words.
    pub kind_text: String,
    /// Title.
    pub title: String,
    /// What it offers.
    pub description: String,
    /// Where (commune name) or the country abroad.
    pub place: Option<String>,
    /// For work abroad: the licensed enterprise, with its licence.
    pub enterprise_text: Option<String>,
    /// "12 chỗ".
    pub seats_text: Option<String>,
    /// "Hạn đăng ký 15/01/2027".
    pub closes_text: Option<String>,
}

/// The catalogue screen.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Catalogue {
    /// Heading.
    pub title: String,
    /// Programmes open on the day asked, by kind then title.
    pub programmes: Vec<ProgrammeRow>,
}

fn kind_text(kind: &str, lang: Lang) -> &'static str {
    match kind {
        "domestic_job" => l::KIND_DOMESTIC_JOB,
        "training" => l::KIND_TRAINING,
        "loan" => l::KIND_LOAN,
        _ => l::KIND_OVERSEAS,
    }
    .get(lang)
}

/// Programmes open on `on`, optionally only those a search finds. Work abroad is listed only when its enterprise's
/// licence is active: a worker must never be steered to an unlicensed or suspended sender.
pub fn catalogue(store: &Store, query: &str, on: NaiveDate, lang: Lang) -> Result<Catalogue> {
    let ids: Option<Vec<String>> = if query.trim().is_empty() {
        None
    } else {
        Some(search(store, query, &[SearchKind::Programme], 0, 200)?.hits.into_iter().map(|h| h.id).collect())
    };
    let mut stmt = store.conn().prepare_cached(
        "SELECT p.id, p.kind, p.title, p.description, coalesce(c.name, p.country), e.name, e.licence_no,
                p.seats, p.closes_on
         FROM job_programmes p
         LEFT JOIN sending_enterprises e ON e.id = p.enterprise_id
         LEFT JOIN communes c ON c.list = '2025' AND c.code = p.commune_code
         WHERE p.opens_on <= ?1 AND (p.closes_on IS NULL OR p.closes_on >= ?1)
           AND (p.kind <> 'overseas' OR e.status = 'active')
         ORDER BY CASE p.kind WHEN 'domestic_job' THEN 0 WHEN 'training' THEN 1 WHEN 'loan' THEN 2 ELSE 3 END,
                  p.title",
    )?;
    let rows = stmt.query_map(params![on.to_string()], |r| {
        let kind: String = r.get(1)?;
        let enterprise: Option<String> = r.get(5)?;
        let licence: Option<String> = r.get(6)?;
        let seats: Option<i64> = r.get(7)?;
        let closes: Option<String> = r.get(8)?;
        Ok(ProgrammeRow {
            id: r.get(0)?,
            kind_text: kind_text(&kind, lang).to_owned(),
            kind,
            title: r.get(2)?,
            description: r.get(3)?,
            place: r.get(4)?,
            enterprise_text: enterprise.map(|name| {
                l::LICENSED_BY.fill(lang, &[("name", &name), ("licence", licence.as_deref().unwrap_or("?"))])
            }),
            seats_text: seats.map(|n| l::SEATS.fill(lang, &[("n", &n.to_string())])),
            closes_text: closes
                .and_then(|d| d.parse().ok())
                .map(|d| l::CLOSES_ON.fill(lang, &[("date", &format::date(d))])),
        })
    })?;
    let mut programmes: Vec<ProgrammeRow> = rows.collect::<rusqlite::Result<_>>()?;
    if let Some(ids) = ids {
        programmes.retain(|p| ids.contains(&p.id));
    }
    Ok(Catalogue { title: l::PROGRAMMES_TITLE.get(lang).to_owned(), programmes })
}
