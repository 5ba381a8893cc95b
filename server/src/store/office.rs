//! Office records (`OfficeBatch`, from an import or the demo) into `records`, with their scope columns: a borrower
//! and everything hanging off their loans carry `borrower_id` and `commune_code`; programmes, enterprises, job
//! programmes and rule sets are public; an inspection plan carries its own id in `plan_id`. One batch is one transaction.

use std::collections::HashMap;

use serde::Serialize;
use vieclam_core::store::office::OfficeBatch;

use super::grouping;
use super::records::{self, RecordRow};
use crate::db::{Db, DbResult, Tx};
use crate::error::ApiResult;
use crate::{params, work};

/// Where a record hangs: (borrower id, commune code).
type Owner = (Option<String>, Option<String>);

fn row<T: Serialize>(kind: &str, id: &str, value: &T, owner: &Owner) -> RecordRow {
    RecordRow {
        kind: kind.into(),
        id: id.into(),
        borrower_id: owner.0.clone(),
        commune_code: owner.1.clone(),
        body: serde_json::to_string(value).unwrap_or_default(),
        ..RecordRow::default()
    }
}

fn public_row<T: Serialize>(kind: &str, id: &str, value: &T) -> RecordRow {
    RecordRow { public: true, ..row(kind, id, value, &(None, None)) }
}

/// Resolves owners of loans and models the batch refers to but does not carry, from what the server holds.
async fn owner_of(tx: &mut Tx, known: &mut HashMap<String, Owner>, kind: &str, id: &str) -> DbResult<Owner> {
    if let Some(o) = known.get(id) {
        return Ok(o.clone());
    }
    let o = tx
        .one("SELECT borrower_id, commune_code FROM records WHERE kind = $1 AND id = $2", params![kind, id])
        .await?
        .map_or((None, None), |r| (r.opt_text(0), r.opt_text(1)));
    known.insert(id.to_owned(), o.clone());
    Ok(o)
}

/// Turns `b` into rows, resolving each loan-hung record's borrower and commune.
pub async fn batch_rows(tx: &mut Tx, b: &OfficeBatch) -> DbResult<Vec<RecordRow>> {
    let mut rows = Vec::new();
    rows.extend(b.programmes.iter().map(|p| public_row("loan_programme", &p.id, p)));
    rows.extend(b.enterprises.iter().map(|e| public_row("enterprise", &e.id, e)));
    rows.extend(b.job_programmes.iter().map(|j| public_row("job_programme", &j.id, j)));
    rows.extend(b.rule_sets.iter().map(|r| public_row("rule_set", &r.id, r)));
    // A commune's calendar is no one's personal data: every device may show it.
    rows.extend(b.transaction_points.iter().map(|t| public_row("transaction_point", &t.id, t)));
    for g in &b.groups {
        rows.push(row("savings_group", &g.id, g, &(None, Some(g.commune_code.clone()))));
    }
    for p in &b.plans {
        rows.push(RecordRow { plan_id: Some(p.id.clone()), ..row("inspection_plan", &p.id, p, &(None, None)) });
    }
    let mut borrowers: HashMap<String, Owner> = HashMap::new();
    for x in &b.borrowers {
        let owner = (Some(x.id.clone()), Some(x.commune_code.clone()));
        borrowers.insert(x.id.clone(), owner.clone());
        rows.push(row("borrower", &x.id, x, &owner));
    }
    let mut loans: HashMap<String, Owner> = HashMap::new();
    for l in &b.loans {
        let owner = owner_of(tx, &mut borrowers, "borrower", &l.borrower_id).await?;
        loans.insert(l.id.clone(), owner.clone());
        rows.push(row("loan", &l.id, l, &owner));
    }
    for (loan_id, schedule) in &b.schedules {
        let owner = owner_of(tx, &mut loans, "loan", loan_id).await?;
        rows.push(row("schedule", loan_id, &schedule_json(loan_id, schedule), &owner));
    }
    for p in &b.payments {
        let owner = owner_of(tx, &mut loans, "loan", &p.loan_id).await?;
        rows.push(row("payment", &p.id, p, &owner));
    }
    let mut models: HashMap<String, Owner> = HashMap::new();
    for m in &b.models {
        let owner = owner_of(tx, &mut loans, "loan", &m.loan_id).await?;
        models.insert(m.id.clone(), owner.clone());
        rows.push(row("funded_model", &m.id, m, &owner));
    }
    for s in &b.sites {
        let owner = owner_of(tx, &mut models, "funded_model", &s.model_id).await?;
        // A site lies in its own commune, which is what an inspector's plan names.
        rows.push(row("site", &s.id, s, &(owner.0, Some(s.commune_code.clone()))));
    }
    Ok(rows)
}

impl Db {
    /// Writes an office batch in one transaction; answers how many records it wrote. A batch is a whole loan book
    /// or the demo province, so it is a bulk write.
    pub async fn apply_office_batch(&self, batch: &OfficeBatch) -> ApiResult<usize> {
        let batch = batch.clone();
        self.write_bulk(work!(|tx| async move {
            let rows = grouping::group_by_borrower(batch_rows(tx, &batch).await?, &batch);
            records::upsert(tx, &rows).await?;
            Ok(rows.len())
        }))
        .await
    }
}

/// A loan's whole schedule as one record body.
fn schedule_json(loan_id: &str, schedule: &[vieclam_core::loans::Instalment]) -> serde_json::Value {
    let items: Vec<serde_json::Value> = schedule
        .iter()
        .map(|i| serde_json::json!({ "seq": i.seq, "due_on": i.due_on.to_string(), "principal_due": i.principal_due }))
        .collect();
    serde_json::json!({ "loan_id": loan_id, "instalments": items })
}
