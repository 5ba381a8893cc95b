//! Reads one loan's facts (terms, schedule, payments, relief) from the store and computes its status.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use crate::error::{Error, Result};
use crate::loans::status::{LoanStatus, loan_status};
use crate::loans::{Instalment, LoanTerms, Payment, Relief, ReliefKind};
use crate::records::{Loan, LoanPayment};
use crate::store::Store;

/// A loan's facts as stored, ready for [`loan_status`].
#[derive(Clone, Debug)]
pub struct LoanFacts {
    /// Terms at disbursement.
    pub terms: LoanTerms,
    /// The current schedule.
    pub schedule: Vec<Instalment>,
    /// Payments received.
    pub payments: Vec<Payment>,
    /// Relief granted.
    pub relief: Relief,
}

impl LoanFacts {
    /// The facts of `loan` from its records as they travel between the server and the devices (the server keeps
    /// them as record bodies, the phone as rows): the office's figures go through [`LoanFacts::status`] too, so the
    /// dashboard, the phone and the CLI compute one loan book. An unknown relief kind reads as none.
    pub fn from_records<'a>(
        loan: &Loan,
        schedule: Vec<Instalment>,
        payments: impl IntoIterator<Item = &'a LoanPayment>,
    ) -> LoanFacts {
        LoanFacts {
            terms: LoanTerms {
                principal: loan.principal,
                disbursed_on: loan.disbursed_on,
                maturity_on: loan.maturity_on,
                annual_rate_ppm: loan.annual_rate_ppm,
                overdue_rate_ppm: loan.overdue_rate_ppm,
            },
            schedule,
            payments: payments
                .into_iter()
                .map(|p| Payment {
                    paid_on: p.paid_on,
                    principal_paid: p.principal_paid,
                    interest_paid: p.interest_paid,
                    overdue_interest_paid: p.overdue_interest_paid,
                })
                .collect(),
            relief: Relief {
                kind: ReliefKind::parse(&loan.relief).unwrap_or_default(),
                from: loan.relief_from,
                to: loan.relief_to,
            },
        }
    }

    /// The loan's status on `on`, with reminders for what falls due within `remind_within_days`.
    pub fn status(&self, on: NaiveDate, remind_within_days: u32) -> LoanStatus {
        loan_status(&self.terms, &self.schedule, &self.payments, &self.relief, on, remind_within_days)
    }
}

fn date(text: String) -> rusqlite::Result<NaiveDate> {
    text.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

fn opt_date(text: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    text.map(date).transpose()
}

/// Loads the facts of loan `loan_id`.
pub fn load(store: &Store, loan_id: &str) -> Result<LoanFacts> {
    let conn = store.conn();
    let row = conn
        .prepare_cached(
            "SELECT principal, disbursed_on, maturity_on, annual_rate_ppm, overdue_rate_ppm, relief, relief_from,
                    relief_to FROM loans WHERE id = ?1",
        )?
        .query_row([loan_id], |r| {
            Ok((
                LoanTerms {
                    principal: r.get(0)?,
                    disbursed_on: date(r.get(1)?)?,
                    maturity_on: date(r.get(2)?)?,
                    annual_rate_ppm: r.get(3)?,
                    overdue_rate_ppm: r.get(4)?,
                },
                Relief {
                    kind: ReliefKind::parse(&r.get::<_, String>(5)?).unwrap_or_default(),
                    from: opt_date(r.get(6)?)?,
                    to: opt_date(r.get(7)?)?,
                },
            ))
        })
        .optional()?;
    let (terms, relief) = row.ok_or_else(|| Error::NotFound { entity: "loan", id: loan_id.to_owned() })?;
    let schedule = conn
        .prepare_cached("SELECT seq, due_on, principal_due FROM loan_instalments WHERE loan_id = ?1 ORDER BY seq")?
        .query_map(params![loan_id], |r| {
            Ok(Instalment { seq: r.get(0)?, due_on: date(r.get(1)?)?, principal_due: r.get(2)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let payments = conn
        .prepare_cached(
            "SELECT paid_on, principal_paid, interest_paid, overdue_interest_paid FROM loan_payments
             WHERE loan_id = ?1 ORDER BY paid_on",
        )?
        .query_map(params![loan_id], |r| {
            Ok(Payment {
                paid_on: date(r.get(0)?)?,
                principal_paid: r.get(1)?,
                interest_paid: r.get(2)?,
                overdue_interest_paid: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(LoanFacts { terms, schedule, payments, relief })
}
