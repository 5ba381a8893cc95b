//! Builds the loan detail screen: header fields, figures from the loan's status, schedule and payment rows.

use chrono::{Duration, NaiveDate};
use rusqlite::OptionalExtension;

use super::facts;
use super::loans::{LabeledValue, LoanDetail, PaymentRow, ScheduleRow, state_text};
use crate::Store;
use crate::error::{Error, Result};
use crate::format;
use crate::loans::ReliefKind;
use crate::loans::status::LoanState;
use crate::messages::{Lang, Text, labels as l};
use crate::records::TransactionPoint;

struct Header {
    agreement_no: String,
    borrower_name: String,
    commune_name: String,
    programme_vi: String,
    programme_en: String,
    purpose: String,
    rule_code: String,
    /// The bank's office that lent (phòng giao dịch), the other place a borrower turns to.
    vbsp_office: String,
    savings: i64,
    group: Option<String>,
    /// Tổ trưởng: whom a borrower asks first.
    leader: Option<String>,
    /// The borrower's commune, whose transaction point they pay at.
    commune_code: String,
}

/// Every commune's next session on or after `on`, read once: for a list of loans across communes.
pub fn next_session_in(store: &Store, on: NaiveDate) -> Result<impl Fn(&str) -> Option<(NaiveDate, String)> + use<>> {
    let mut stmt = store.conn().prepare_cached("SELECT DISTINCT commune_code FROM transaction_points")?;
    let communes: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut next = std::collections::HashMap::new();
    for c in communes {
        if let Some(found) = next_session(store, &c, on)? {
            next.insert(c, found);
        }
    }
    Ok(move |commune: &str| next.get(commune).cloned())
}

/// The next day on or after `on` that a transaction point of `commune_code` sits, with its place.
pub fn next_session(store: &Store, commune_code: &str, on: NaiveDate) -> Result<Option<(NaiveDate, String)>> {
    let mut stmt = store
        .conn()
        .prepare_cached("SELECT id, place, days_of_month, dates FROM transaction_points WHERE commune_code = ?1")?;
    let points = stmt.query_map([commune_code], |r| {
        let days: String = r.get(2)?;
        let dates: String = r.get(3)?;
        Ok(TransactionPoint {
            id: r.get(0)?,
            commune_code: commune_code.to_owned(),
            place: r.get(1)?,
            days_of_month: serde_json::from_str(&days).unwrap_or_default(),
            dates: serde_json::from_str(&dates).unwrap_or_default(),
        })
    })?;
    let mut best: Option<(NaiveDate, String)> = None;
    for p in points {
        let p = p?;
        if let Some(day) = p.next_session(on)
            && best.as_ref().is_none_or(|b| day < b.0)
        {
            best = Some((day, p.place));
        }
    }
    Ok(best)
}

fn header(store: &crate::Store, loan_id: &str) -> Result<Header> {
    store
        .conn()
        .prepare_cached(
            "SELECT l.agreement_no, b.full_name, coalesce(c.name, b.commune_code), p.name_vi, p.name_en, l.purpose,
                    r.code, l.savings_balance, g.name, g.leader_name, b.commune_code, l.vbsp_office
             FROM loans l
             JOIN borrowers b ON b.id = l.borrower_id
             JOIN loan_programmes p ON p.id = l.programme_id
             JOIN rule_sets r ON r.id = l.rule_set_id
             LEFT JOIN savings_groups g ON g.id = b.group_id
             LEFT JOIN communes c ON c.list = '2025' AND c.code = b.commune_code
             WHERE l.id = ?1",
        )?
        .query_row([loan_id], |r| {
            Ok(Header {
                agreement_no: r.get(0)?,
                borrower_name: r.get(1)?,
                commune_name: r.get(2)?,
                programme_vi: r.get(3)?,
                programme_en: r.get(4)?,
                purpose: r.get(5)?,
                rule_code: r.get(6)?,
                savings: r.get(7)?,
                group: r.get(8)?,
                leader: r.get(9)?,
                commune_code: r.get(10)?,
                vbsp_office: r.get(11)?,
            })
        })
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "loan", id: loan_id.to_owned() })
}

/// A loan's heading: its agreement number.
pub(super) fn title(agreement_no: &str, lang: Lang) -> String {
    format!("{} {}", l::AGREEMENT_NO.get(lang), agreement_no)
}

/// One sentence per instalment `status` reminds of (due within its window), soonest first.
pub(super) fn reminder_lines(status: &crate::loans::status::LoanStatus, lang: Lang) -> Vec<String> {
    status
        .reminders
        .iter()
        .map(|r| {
            let (seq, amount, date) = (r.seq.to_string(), format::money(r.amount_remaining), format::date(r.due_on));
            l::REMINDER.fill(lang, &[("seq", &seq), ("amount", &amount), ("date", &date)])
        })
        .collect()
}

/// Builds the detail of `loan_id` on `on`.
pub(super) fn build(
    store: &crate::Store,
    loan_id: &str,
    on: NaiveDate,
    remind_within_days: u32,
    lang: Lang,
) -> Result<LoanDetail> {
    let h = header(store, loan_id)?;
    let f = facts::load(store, loan_id)?;
    let s = f.status(on, remind_within_days);
    let money = format::money;
    let item = |label: Text, value: String| LabeledValue { label: label.get(lang).to_owned(), value };
    let mut fields = vec![
        item(l::BORROWER, h.borrower_name.clone()),
        item(l::COMMUNE, h.commune_name.clone()),
        item(l::PROGRAMME, if lang == Lang::Vi { h.programme_vi.clone() } else { h.programme_en.clone() }),
        item(l::PURPOSE, h.purpose.clone()),
        item(l::STATE, state_text(s.state, lang).to_owned()),
        item(l::PRINCIPAL, money(f.terms.principal)),
        item(l::RATE, l::RATE_PER_YEAR.fill(lang, &[("rate", &format::percent_ppm(f.terms.annual_rate_ppm))])),
        item(l::RULE_SET, h.rule_code.clone()),
        item(l::DISBURSED_ON, format::date(f.terms.disbursed_on)),
        item(l::MATURITY_ON, format::date(f.terms.maturity_on)),
        item(l::OUTSTANDING, money(s.outstanding)),
        item(l::PRINCIPAL_REPAID, money(s.principal_repaid)),
    ];
    if s.to_pay_now > 0 {
        fields.push(item(l::TO_PAY_NOW, money(s.to_pay_now)));
    }
    if let Some(next) = &s.next_instalment {
        let value = l::AMOUNT_ON_DATE
            .fill(lang, &[("amount", &money(next.amount_remaining)), ("date", &format::date(next.due_on))]);
        fields.push(item(l::NEXT_INSTALMENT, value));
    }
    fields.push(item(l::OVERDUE_PRINCIPAL, money(s.overdue_principal)));
    if s.days_overdue > 0 {
        fields.push(item(l::DAYS_OVERDUE, s.days_overdue.to_string()));
    }
    fields.push(item(l::INTEREST_THIS_MONTH, money(s.interest_this_month)));
    if s.overdue_interest > 0 {
        fields.push(item(l::OVERDUE_INTEREST, money(s.overdue_interest)));
    }
    fields.push(item(l::UNPAID_INTEREST, money(s.unpaid_interest)));
    match f.relief.kind {
        ReliefKind::Frozen => {
            fields.push(item(l::FROZEN_PRINCIPAL, money(s.frozen_principal)));
            if let (Some(a), Some(b)) = (f.relief.from, f.relief.to) {
                fields.push(item(l::RELIEF_PERIOD, format!("{} – {}", format::date(a), format::date(b))));
            }
        }
        ReliefKind::WrittenOff => fields.push(item(l::WRITTEN_OFF, money(s.written_off_amount))),
        _ => {}
    }
    fields.push(item(l::SAVINGS, money(h.savings)));
    if let Some(g) = &h.group {
        fields.push(item(l::GROUP, g.clone()));
    }
    if let Some(leader) = &h.leader {
        fields.push(item(l::GROUP_LEADER, leader.clone()));
    }
    if let Some((day, place)) = next_session(store, &h.commune_code, on)? {
        fields.push(item(
            l::NEXT_SESSION,
            l::DATE_AT_PLACE.fill(lang, &[("date", &format::date(day)), ("place", &place)]),
        ));
    }
    if !h.vbsp_office.trim().is_empty() {
        fields.push(item(l::VBSP_OFFICE, h.vbsp_office.clone()));
    }
    // What the inspectors found on the borrower's own model, once they have been.
    fields.extend(super::inspection::latest(store, loan_id, lang)?);

    // Principal repaid so far, applied to the instalments in due order.
    let mut repaid = s.principal_repaid;
    let soon = on + Duration::days(i64::from(remind_within_days));
    let schedule = f
        .schedule
        .iter()
        .map(|i| {
            let covered = repaid.min(i.principal_due);
            repaid -= covered;
            let remaining = i.principal_due - covered;
            // Inside a freeze what fell due is held, not overdue; after a write-off nothing is owed.
            let frozen = s.state == LoanState::Frozen && f.relief.to.is_none_or(|to| i.due_on <= to);
            let status = if remaining == 0 {
                l::INSTALMENT_PAID
            } else if s.state == LoanState::WrittenOff {
                l::INSTALMENT_WRITTEN_OFF
            } else if frozen {
                l::INSTALMENT_FROZEN
            } else if i.due_on < on {
                l::INSTALMENT_OVERDUE
            } else if i.due_on <= soon {
                l::INSTALMENT_DUE_SOON
            } else {
                l::INSTALMENT_UPCOMING
            };
            ScheduleRow {
                seq: i.seq,
                due_text: format::date(i.due_on),
                amount_text: money(i.principal_due),
                remaining_text: money(remaining),
                status_text: status.get(lang).to_owned(),
            }
        })
        .collect();
    let payments = f
        .payments
        .iter()
        .rev()
        .filter(|p| p.paid_on <= on)
        .map(|p| PaymentRow {
            date_text: format::date(p.paid_on),
            principal_text: money(p.principal_paid),
            interest_text: money(p.interest_paid),
        })
        .collect();
    let reminders = reminder_lines(&s, lang);
    Ok(LoanDetail {
        loan_id: loan_id.to_owned(),
        title: title(&h.agreement_no, lang),
        fields,
        schedule_title: l::SCHEDULE.get(lang).to_owned(),
        schedule,
        payments_title: l::PAYMENTS.get(lang).to_owned(),
        payments,
        reminders,
        status: s,
    })
}
