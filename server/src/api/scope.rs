//! What a caller may see: the one rule per role, as SQL for a pull and as a test on one record for a read.
//!
//! admin: everything; inspector: public records, their own, records of the communes of plans whose dates include
//! today, and the plans they are assigned to; borrower: public, their own borrower's records, their own; worker:
//! public and their own.

use vieclam_core::sync::wire::Role;

use crate::auth::{Caller, sha256_hex};
use crate::db::{DbResult, Tx, Val};
use crate::store::accounts;
use crate::store::records::RecordRow;

/// The caller's scope today.
#[derive(Clone, Debug)]
pub struct Scope {
    /// Role.
    pub role: Role,
    /// Account id.
    pub account_id: String,
    /// A borrower's borrower id.
    pub borrower_id: Option<String>,
    /// An inspector's communes under a current plan.
    pub communes: Vec<String>,
    /// An inspector's plans (any date).
    pub plans: Vec<String>,
}

impl Scope {
    /// Works out `caller`'s scope on `today` (YYYY-MM-DD).
    pub async fn of(tx: &mut Tx, caller: &Caller, today: &str) -> DbResult<Scope> {
        let (communes, plans) = if caller.account.role == Role::Inspector {
            let (communes, _) = accounts::current_plans(tx, &caller.account.id, today).await?;
            let mut plans: Vec<String> = tx
                .query(
                    "SELECT DISTINCT plan_id FROM plan_assignments WHERE account_id = $1",
                    vec![caller.account.id.as_str().into()],
                )
                .await?
                .iter()
                .map(|r| r.text(0))
                .collect();
            plans.sort();
            (communes, plans)
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(Scope {
            role: caller.account.role,
            account_id: caller.account.id.clone(),
            borrower_id: caller.account.borrower_id.clone(),
            communes,
            plans,
        })
    }

    /// A short hash of everything the scope depends on: a cursor made under another scope is stale.
    pub fn hash(&self) -> String {
        let text = format!(
            "{}|{}|{}|{}|{}",
            self.role.as_str(),
            self.account_id,
            self.borrower_id.as_deref().unwrap_or(""),
            self.communes.join(","),
            self.plans.join(",")
        );
        sha256_hex(&text)[..16].to_owned()
    }

    /// The SQL condition on `records` and its parameters, numbered from `$first`.
    pub fn sql(&self, first: usize) -> (String, Vec<Val>) {
        let me = Val::Text(self.account_id.clone());
        match self.role {
            Role::Admin => ("1 = 1".into(), vec![]),
            Role::Worker => (format!("(public = 1 OR author_id = ${first})"), vec![me]),
            Role::Borrower => (
                format!("(public = 1 OR author_id = ${first} OR borrower_id = ${})", first + 1),
                vec![me, Val::Text(self.borrower_id.clone().unwrap_or_default())],
            ),
            Role::Inspector => {
                let mut params = vec![me];
                let marks = |values: &[String], params: &mut Vec<Val>| {
                    if values.is_empty() {
                        return "NULL".to_owned();
                    }
                    values
                        .iter()
                        .map(|v| {
                            params.push(Val::Text(v.clone()));
                            format!("${}", first + params.len() - 1)
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let communes = marks(&self.communes, &mut params);
                let plans = marks(&self.plans, &mut params);
                (
                    format!(
                        "(public = 1 OR author_id = ${first} OR commune_code IN ({communes}) OR plan_id IN ({plans}))"
                    ),
                    params,
                )
            }
        }
    }

    /// Whether the record is in this scope (the same rule as [`Scope::sql`]).
    pub fn sees(&self, r: &RecordRow) -> bool {
        let own = r.author_id.as_deref() == Some(self.account_id.as_str());
        let has = |list: &[String], v: &Option<String>| v.as_ref().is_some_and(|v| list.contains(v));
        match self.role {
            Role::Admin => true,
            Role::Worker => r.public || own,
            Role::Borrower => r.public || own || (r.borrower_id.is_some() && r.borrower_id == self.borrower_id),
            Role::Inspector => r.public || own || has(&self.communes, &r.commune_code) || has(&self.plans, &r.plan_id),
        }
    }
}
