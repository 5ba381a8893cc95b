//! The inspector's plan screen: the inspection plans running on a day (the same rule as `sites_near(assigned_on)`:
//! `starts_on <= day <= ends_on`), each with its communes, how many funded sites each has on the device and how many
//! of them already have a finished check within the plan's dates.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::OptionalExtension;

use crate::checks::lookup;
use crate::error::{Error, Result};
use crate::format::{self, parse_date};
use crate::messages::Lang;
use crate::messages::plans::{NO_PLAN, PLAN_DATES, PLANS_TITLE, SITES_CHECKED};
use crate::store::Store;

/// One commune of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanCommuneRow {
    /// Commune code (pass it to `commune_minutes`).
    pub commune_code: String,
    /// Commune name ("Xã Đình Lập").
    pub commune_name: String,
    /// Funded sites in the commune on this device.
    pub sites: u32,
    /// Of those, sites with a finished check started within the plan's dates.
    pub checked: u32,
    /// "12 mô hình · đã kiểm tra 3".
    pub sites_text: String,
}

/// An inspection plan, ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanSummary {
    /// Plan id.
    pub plan_id: String,
    /// Plan number ("452/KH-SNV").
    pub code: String,
    /// Title.
    pub title: String,
    /// First day of field work.
    pub starts_on: NaiveDate,
    /// Last day of field work.
    pub ends_on: NaiveDate,
    /// "Từ 20/09/2025 đến 19/12/2025".
    pub dates_text: String,
    /// The communes assigned, by code.
    pub communes: Vec<PlanCommuneRow>,
}

/// The plan screen: every plan running on the day asked.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanList {
    /// Heading.
    pub title: String,
    /// Plans running, earliest start first.
    pub plans: Vec<PlanSummary>,
    /// What to show when there is none.
    pub empty_text: String,
}

/// The local (Vietnam, UTC+7) date of a stored RFC 3339 time.
fn local_date(text: &str) -> Option<NaiveDate> {
    let vietnam = FixedOffset::east_opt(7 * 3600)?;
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&vietnam).date_naive())
}

fn commune_row(store: &Store, code: String, from: NaiveDate, to: NaiveDate, lang: Lang) -> Result<PlanCommuneRow> {
    let conn = store.conn();
    let sites: i64 = conn.query_row("SELECT count(*) FROM sites WHERE commune_code = ?1", [&code], |r| r.get(0))?;
    let mut stmt = conn
        .prepare_cached("SELECT site_id, started_at FROM site_checks WHERE commune_code = ?1 AND state = 'finished'")?;
    let finished = stmt
        .query_map([&code], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // A site visited twice (or corrected) counts once; the visit must fall inside this plan's field work.
    let mut checked: Vec<String> = finished
        .into_iter()
        .filter(|(_, started)| local_date(started).is_some_and(|d| d >= from && d <= to))
        .map(|(site, _)| site)
        .collect();
    checked.sort();
    checked.dedup();
    let sites = sites.max(0) as u32;
    let checked = checked.len() as u32;
    Ok(PlanCommuneRow {
        commune_name: crate::places::commune(&code).map(|c| c.name.clone()).unwrap_or_else(|| code.clone()),
        sites_text: SITES_CHECKED.fill(lang, &[("sites", &sites.to_string()), ("checked", &checked.to_string())]),
        commune_code: code,
        sites,
        checked,
    })
}

/// The plan with this id, with its communes.
fn summary(store: &Store, plan_id: &str, lang: Lang) -> Result<PlanSummary> {
    let row: Option<(String, String, String, String)> = store
        .conn()
        .query_row("SELECT code, title, starts_on, ends_on FROM inspection_plans WHERE id = ?1", [plan_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let (code, title, s, e) = row.ok_or_else(|| Error::NotFound { entity: "plan", id: plan_id.to_owned() })?;
    let date = |t: &str| parse_date(t).ok_or_else(|| Error::Corrupt(format!("plan date {t}")));
    let (from, to) = (date(&s)?, date(&e)?);
    let mut stmt = store
        .conn()
        .prepare_cached("SELECT commune_code FROM plan_communes WHERE plan_id = ?1 ORDER BY commune_code")?;
    let codes = stmt.query_map([plan_id], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let communes = codes.into_iter().map(|c| commune_row(store, c, from, to, lang)).collect::<Result<_>>()?;
    Ok(PlanSummary {
        plan_id: plan_id.to_owned(),
        code,
        title,
        starts_on: from,
        ends_on: to,
        dates_text: PLAN_DATES.fill(lang, &[("from", &format::date(from)), ("to", &format::date(to))]),
        communes,
    })
}

/// The plans running on `on`, earliest start first, each with its communes and their progress.
pub fn current_plans(store: &Store, on: NaiveDate, lang: Lang) -> Result<PlanList> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT id FROM inspection_plans WHERE starts_on <= ?1 AND ends_on >= ?1 ORDER BY starts_on, code",
    )?;
    let ids = stmt.query_map([on.to_string()], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let plans = ids.iter().map(|id| summary(store, id, lang)).collect::<Result<Vec<_>>>()?;
    Ok(PlanList { title: PLANS_TITLE.get(lang).to_owned(), plans, empty_text: NO_PLAN.get(lang).to_owned() })
}

/// The plan with this id or number (`452/KH-SNV`), or the latest plan when none is named. Fails with `NotFound`
/// when there is no such plan.
pub fn plan(store: &Store, id_or_code: Option<&str>, lang: Lang) -> Result<PlanSummary> {
    let id = lookup::plan_id(store, id_or_code)?;
    summary(store, &id, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visit_just_after_midnight_in_vietnam_falls_on_the_local_day() {
        // 17:30 UTC on 31 Oct is 00:30 on 1 Nov in Lạng Sơn: a plan starting 1 Nov counts it.
        assert_eq!(local_date("2025-10-31T17:30:00.000Z"), NaiveDate::from_ymd_opt(2025, 11, 1));
        assert_eq!(local_date("not a time"), None);
    }
}
