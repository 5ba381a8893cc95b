//! Writing the office's records into the store in one transaction: what a sync pull or the demo generator brings.
//!
//! Office records are read-only on a device, so they leave no outbox entry. A batch is applied whole or not at
//! all, and the derived indexes are brought up to date in the same transaction: search here, the sites' R*Tree and
//! cards by the schema's triggers.

use rusqlite::{Transaction, params};

use crate::error::{Error, Result};
use crate::fold::fold;
use crate::loans::Instalment;
use crate::loans::rules::RuleSet;
use crate::records::*;
use crate::store::{Store, index};

/// A set of office records to write together.
#[derive(Clone, Debug, Default)]
pub struct OfficeBatch {
    /// Savings-and-loan groups.
    pub groups: Vec<SavingsGroup>,
    /// Loan programmes.
    pub programmes: Vec<LoanProgramme>,
    /// Borrowers.
    pub borrowers: Vec<Borrower>,
    /// Loans.
    pub loans: Vec<Loan>,
    /// Each loan's full schedule, replacing what was there.
    pub schedules: Vec<(String, Vec<Instalment>)>,
    /// Payments.
    pub payments: Vec<LoanPayment>,
    /// Funded models.
    pub models: Vec<FundedModel>,
    /// Sites.
    pub sites: Vec<Site>,
    /// Licensed sending enterprises.
    pub enterprises: Vec<SendingEnterprise>,
    /// Job programmes.
    pub job_programmes: Vec<JobProgramme>,
    /// Inspection plans.
    pub plans: Vec<InspectionPlan>,
    /// Rule sets, as the office keeps them (the shipped ones changed, or new ones).
    pub rule_sets: Vec<RuleSet>,
    /// Transaction points and their calendars.
    pub transaction_points: Vec<TransactionPoint>,
}

/// Above this many borrowers a batch rebuilds the search index in bulk instead of row by row.
const BULK_REINDEX: usize = 2_000;

/// `INSERT … ON CONFLICT (key) DO UPDATE` for every column: an upsert that, unlike `INSERT OR REPLACE`, never deletes
/// the row and so never trips the foreign keys of the rows that point at it.
fn upsert_sql(table: &str, key: &str, cols: &[&str]) -> String {
    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
    let sets: Vec<String> = cols.iter().filter(|c| **c != key).map(|c| format!("{c} = excluded.{c}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT ({key}) DO UPDATE SET {}",
        cols.join(", "),
        marks.join(", "),
        sets.join(", ")
    )
}

impl Store {
    /// Writes `batch` in one transaction and updates the derived indexes.
    pub fn apply_office_batch(&mut self, batch: &OfficeBatch) -> Result<()> {
        let tx = self.transaction()?;
        apply_office_batch_in(&tx, batch)?;
        tx.commit()?;
        Ok(())
    }
}

/// Writes `batch` inside the caller's transaction and updates the derived indexes: a sync pull commits a page's
/// records together with its cursor.
pub fn apply_office_batch_in(tx: &Transaction, batch: &OfficeBatch) -> Result<()> {
    write_batch(tx, batch)?;
    if batch.borrowers.len() > BULK_REINDEX {
        index::rebuild_all(tx)?;
    } else {
        reindex_touched(tx, batch)?;
    }
    Ok(())
}

/// Office tables, children before parents so that the foreign keys hold while they are emptied.
const OFFICE_TABLES: &[&str] = &[
    "transaction_points",
    "plan_communes",
    "inspection_plans",
    "job_programmes",
    "sending_enterprises",
    "sites",
    "funded_models",
    "loan_payments",
    "loan_instalments",
    "loans",
    "borrowers",
    "loan_programmes",
    "savings_groups",
];

/// Deletes every office record the device holds, inside the caller's transaction, and empties the derived indexes
/// built from them: a pull with `reset` starts the device's scope from nothing. The device's own records (checks,
/// photos, registrations, findings) and the reference data shipped with the app (communes, rule sets) are kept.
pub fn clear_office_records(tx: &Transaction) -> Result<()> {
    for table in OFFICE_TABLES {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    tx.execute("DELETE FROM search_index WHERE kind IN ('borrower', 'programme')", [])?;
    tx.execute("DELETE FROM search_docs WHERE kind IN ('borrower', 'programme')", [])?;
    Ok(())
}

/// Deletes one office record of `kind` (a pull's `delete`), with the rows that depend on it, inside the caller's
/// transaction. Returns false for a kind that is not an office kind.
pub fn delete_office_record(tx: &Transaction, kind: &str, id: &str) -> Result<bool> {
    let sql: &[&str] = match kind {
        "savings_group" => &["DELETE FROM savings_groups WHERE id = ?1"],
        "loan_programme" => &["DELETE FROM loan_programmes WHERE id = ?1"],
        "borrower" => {
            index::drop_doc(tx, "borrower", id)?;
            &["DELETE FROM borrowers WHERE id = ?1"]
        }
        "loan" => &[
            "DELETE FROM sites WHERE model_id IN (SELECT id FROM funded_models WHERE loan_id = ?1)",
            "DELETE FROM funded_models WHERE loan_id = ?1",
            "DELETE FROM loan_instalments WHERE loan_id = ?1",
            "DELETE FROM loan_payments WHERE loan_id = ?1",
            "DELETE FROM loans WHERE id = ?1",
        ],
        "schedule" => &["DELETE FROM loan_instalments WHERE loan_id = ?1"],
        "payment" => &["DELETE FROM loan_payments WHERE id = ?1"],
        "funded_model" => &["DELETE FROM sites WHERE model_id = ?1", "DELETE FROM funded_models WHERE id = ?1"],
        "site" => &["DELETE FROM sites WHERE id = ?1"],
        "enterprise" => &["DELETE FROM sending_enterprises WHERE id = ?1"],
        "job_programme" => {
            index::drop_doc(tx, "programme", id)?;
            &["DELETE FROM job_programmes WHERE id = ?1"]
        }
        "inspection_plan" => {
            &["DELETE FROM plan_communes WHERE plan_id = ?1", "DELETE FROM inspection_plans WHERE id = ?1"]
        }
        "transaction_point" => &["DELETE FROM transaction_points WHERE id = ?1"],
        // Loans keep naming the set they were made under: a rule set is replaced by a newer one, never removed.
        "rule_set" => &[],
        _ => return Ok(false),
    };
    for statement in sql {
        tx.execute(statement, [id])?;
    }
    Ok(true)
}

fn write_batch(tx: &Transaction, b: &OfficeBatch) -> Result<()> {
    // First: the loans of the same batch name their rule set.
    write_rule_sets(tx, &b.rule_sets, Existing::Replace)?;
    let mut st = tx.prepare(&upsert_sql(
        "savings_groups",
        "id",
        &["id", "code", "name", "leader_name", "organisation", "commune_code"],
    ))?;
    for g in &b.groups {
        st.execute(params![g.id, g.code, g.name, g.leader_name, g.organisation, g.commune_code])?;
    }
    let mut st = tx.prepare(&upsert_sql("loan_programmes", "id", &["id", "code", "kind", "name_vi", "name_en"]))?;
    for p in &b.programmes {
        st.execute(params![p.id, p.code, p.kind, p.name_vi, p.name_en])?;
    }
    let mut st = tx.prepare(&upsert_sql(
        "borrowers",
        "id",
        &[
            "id",
            "full_name",
            "name_folded",
            "birth_year",
            "id_number",
            "phone",
            "address",
            "commune_code",
            "group_id",
            "ethnic_minority",
        ],
    ))?;
    for x in &b.borrowers {
        st.execute(params![
            x.id,
            x.full_name,
            fold(&x.full_name),
            x.birth_year,
            x.id_number,
            x.phone,
            x.address,
            x.commune_code,
            x.group_id,
            x.ethnic_minority
        ])?;
    }
    write_loans(tx, b)?;
    write_places(tx, b)?;
    write_transaction_points(tx, &b.transaction_points)?;
    write_catalogue(tx, b)?;
    Ok(())
}

/// What writing a rule set does to the row of the same id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Existing {
    /// Overwrite it: the office changed the set (a pull).
    Replace,
    /// Leave it: seeding the shipped sets never undoes the office's change.
    Keep,
}

/// Writes rule sets by id (the server keeps one id a code, so a changed set overwrites its row and the loans that
/// name it read the new values).
pub(crate) fn write_rule_sets(tx: &Transaction, sets: &[RuleSet], existing: Existing) -> Result<()> {
    const COLUMNS: [&str; 6] = ["id", "code", "legal_basis", "effective_from", "effective_to", "body"];
    let sql = match existing {
        Existing::Replace => upsert_sql("rule_sets", "id", &COLUMNS),
        Existing::Keep => {
            format!("INSERT OR IGNORE INTO rule_sets ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", COLUMNS.join(", "))
        }
    };
    let mut st = tx.prepare(&sql)?;
    for r in sets {
        let body = serde_json::to_string(&r.values).map_err(|e| Error::BadArgument(e.to_string()))?;
        st.execute(params![
            r.id,
            r.code,
            r.legal_basis,
            r.effective_from.to_string(),
            r.effective_to.map(|d| d.to_string()),
            body
        ])?;
    }
    Ok(())
}

fn write_transaction_points(tx: &Transaction, points: &[TransactionPoint]) -> Result<()> {
    let mut st = tx.prepare(&upsert_sql(
        "transaction_points",
        "id",
        &["id", "commune_code", "place", "days_of_month", "dates"],
    ))?;
    for p in points {
        let days = serde_json::to_string(&p.days_of_month).map_err(|e| Error::BadArgument(e.to_string()))?;
        let dates = serde_json::to_string(&p.dates).map_err(|e| Error::BadArgument(e.to_string()))?;
        st.execute(params![p.id, p.commune_code, p.place, days, dates])?;
    }
    Ok(())
}

fn write_loans(tx: &Transaction, b: &OfficeBatch) -> Result<()> {
    let mut st = tx.prepare(&upsert_sql(
        "loans",
        "id",
        &[
            "id",
            "agreement_no",
            "borrower_id",
            "programme_id",
            "rule_set_id",
            "vbsp_office",
            "purpose",
            "disbursed_on",
            "maturity_on",
            "principal",
            "annual_rate_ppm",
            "overdue_rate_ppm",
            "savings_balance",
            "relief",
            "relief_from",
            "relief_to",
        ],
    ))?;
    for l in &b.loans {
        st.execute(params![
            l.id,
            l.agreement_no,
            l.borrower_id,
            l.programme_id,
            l.rule_set_id,
            l.vbsp_office,
            l.purpose,
            l.disbursed_on.to_string(),
            l.maturity_on.to_string(),
            l.principal,
            l.annual_rate_ppm,
            l.overdue_rate_ppm,
            l.savings_balance,
            l.relief,
            l.relief_from.map(|d| d.to_string()),
            l.relief_to.map(|d| d.to_string())
        ])?;
    }
    let mut del = tx.prepare("DELETE FROM loan_instalments WHERE loan_id = ?1")?;
    let mut ins =
        tx.prepare("INSERT INTO loan_instalments (loan_id, seq, due_on, principal_due) VALUES (?1, ?2, ?3, ?4)")?;
    for (loan_id, schedule) in &b.schedules {
        del.execute([loan_id])?;
        for i in schedule {
            ins.execute(params![loan_id, i.seq, i.due_on.to_string(), i.principal_due])?;
        }
    }
    let mut st = tx.prepare(&upsert_sql(
        "loan_payments",
        "id",
        &["id", "loan_id", "paid_on", "principal_paid", "interest_paid", "overdue_interest_paid"],
    ))?;
    for p in &b.payments {
        st.execute(params![
            p.id,
            p.loan_id,
            p.paid_on.to_string(),
            p.principal_paid,
            p.interest_paid,
            p.overdue_interest_paid
        ])?;
    }
    Ok(())
}

fn write_places(tx: &Transaction, b: &OfficeBatch) -> Result<()> {
    let mut st = tx.prepare(&upsert_sql(
        "funded_models",
        "id",
        &["id", "loan_id", "kind", "description", "funded_area_ha", "jobs_planned"],
    ))?;
    for m in &b.models {
        st.execute(params![m.id, m.loan_id, m.kind, m.description, m.funded_area_ha, m.jobs_planned])?;
    }
    let mut st =
        tx.prepare(&upsert_sql("sites", "id", &["id", "model_id", "commune_code", "lat", "lon", "radius_m", "plot"]))?;
    for s in &b.sites {
        let plot = s.plot.as_ref().map(|p| serde_json::to_string(p).expect("numbers serialise"));
        st.execute(params![s.id, s.model_id, s.commune_code, s.lat, s.lon, s.radius_m, plot])?;
    }
    let mut st = tx.prepare(&upsert_sql("inspection_plans", "id", &["id", "code", "title", "starts_on", "ends_on"]))?;
    let mut pc = tx.prepare("INSERT OR IGNORE INTO plan_communes (plan_id, commune_code) VALUES (?1, ?2)")?;
    let mut clear = tx.prepare("DELETE FROM plan_communes WHERE plan_id = ?1")?;
    for p in &b.plans {
        // A plan the office closed ended its field work the day before: every query of the device that asks
        // whether a plan is running (its screens, the sites it offers) then stops offering it, and the server
        // would refuse a check for it anyway.
        let ends_on = p.closed_on.map_or(p.ends_on, |c| p.ends_on.min(c - chrono::Duration::days(1)));
        st.execute(params![p.id, p.code, p.title, p.starts_on.to_string(), ends_on.to_string()])?;
        // A plan written again replaces its communes: the office may have taken one out.
        clear.execute([&p.id])?;
        for c in &p.commune_codes {
            pc.execute(params![p.id, c])?;
        }
    }
    Ok(())
}

fn write_catalogue(tx: &Transaction, b: &OfficeBatch) -> Result<()> {
    let mut st =
        tx.prepare(&upsert_sql("sending_enterprises", "id", &["id", "name", "licence_no", "markets", "status"]))?;
    for e in &b.enterprises {
        let markets = serde_json::to_string(&e.markets).expect("strings serialise");
        st.execute(params![e.id, e.name, e.licence_no, markets, e.status])?;
    }
    let mut st = tx.prepare(&upsert_sql(
        "job_programmes",
        "id",
        &[
            "id",
            "kind",
            "title",
            "description",
            "commune_code",
            "enterprise_id",
            "country",
            "opens_on",
            "closes_on",
            "seats",
        ],
    ))?;
    for p in &b.job_programmes {
        st.execute(params![
            p.id,
            p.kind,
            p.title,
            p.description,
            p.commune_code,
            p.enterprise_id,
            p.country,
            p.opens_on.to_string(),
            p.closes_on.map(|d| d.to_string()),
            p.seats
        ])?;
    }
    Ok(())
}

/// Row-by-row search upkeep for small batches: every borrower whose record or loans changed, and every programme.
/// (The sites' derived tables follow by trigger.)
fn reindex_touched(tx: &Transaction, b: &OfficeBatch) -> Result<()> {
    let mut borrowers: Vec<&str> = b.borrowers.iter().map(|x| x.id.as_str()).collect();
    borrowers.extend(b.loans.iter().map(|l| l.borrower_id.as_str()));
    borrowers.sort_unstable();
    borrowers.dedup();
    for id in borrowers {
        index::index_borrower(tx, id)?;
    }
    for p in &b.job_programmes {
        index::index_programme(tx, &p.id)?;
    }
    Ok(())
}
