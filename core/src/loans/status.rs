//! A loan's status on a date: dư nợ, nợ quá hạn, interest for the month, lãi tồn, the next instalment and the
//! reminders due, as VBSP's loan book would show them that day.
//!
//! The status is a pure function of the loan's stored facts (terms, schedule, payments, relief) and the date, so
//! the phone, the CLI and the server compute the same figures offline. Payments dated after the date are ignored:
//! the status is what was known that day. Interest follows [`accrual`]: daily end-of-day balance × rate / 12 / 30,
//! rounded once.

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

use chrono::{Days, NaiveDate};

use crate::format::Dong;
use crate::loans::accrual::{self, Balances, Span};
use crate::loans::types::{Instalment, LoanTerms, Payment, Relief, ReliefKind};
use crate::messages::{Text, loans as m};

/// Where a loan stands on a date. When several apply, the first in this order wins: `WrittenOff`, `Frozen`,
/// `Settled`, `Overdue`, `Extended` / `Rescheduled`, `Current`. A loan past maturity with debt left is `Overdue`
/// (all of its remaining principal is due by then); there is no separate "matured" state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LoanState {
    /// Trong hạn: nothing overdue.
    Current,
    /// Quá hạn: some principal due before the date is unpaid.
    Overdue,
    /// Khoanh nợ: inside a freeze, when no interest accrues and nothing counts as overdue.
    Frozen,
    /// Xóa nợ: the remaining debt was cancelled on or before the date.
    WrittenOff,
    /// Gia hạn nợ: nothing overdue on the extended schedule.
    Extended,
    /// Điều chỉnh kỳ hạn: nothing overdue on the rearranged schedule.
    Rescheduled,
    /// Đã tất toán: the principal has been repaid in full.
    Settled,
}

impl LoanState {
    /// A stable code for files and the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            LoanState::Current => "current",
            LoanState::Overdue => "overdue",
            LoanState::Frozen => "frozen",
            LoanState::WrittenOff => "written_off",
            LoanState::Extended => "extended",
            LoanState::Rescheduled => "rescheduled",
            LoanState::Settled => "settled",
        }
    }

    /// The state as people read it, Vietnamese first.
    pub fn label(self) -> Text {
        match self {
            LoanState::Current => m::STATE_CURRENT,
            LoanState::Overdue => m::STATE_OVERDUE,
            LoanState::Frozen => m::STATE_FROZEN,
            LoanState::WrittenOff => m::STATE_WRITTEN_OFF,
            LoanState::Extended => m::STATE_EXTENDED,
            LoanState::Rescheduled => m::STATE_RESCHEDULED,
            LoanState::Settled => m::STATE_SETTLED,
        }
    }
}

/// An instalment with principal still to pay.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DueInstalment {
    /// Its position in the schedule. Principal the stored schedule leaves out is due on maturity as one more
    /// instalment numbered after the last.
    pub seq: u32,
    /// Its due date (never later than maturity).
    pub due_on: NaiveDate,
    /// Principal of it not yet covered by payments, which are applied to instalments in due order.
    pub amount_remaining: Dong,
}

/// A loan's figures on one date. All amounts are whole đồng and never negative.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LoanStatus {
    /// The date the status is for.
    pub on: NaiveDate,
    /// Where the loan stands.
    pub state: LoanState,
    /// The relief recorded on the loan, whether or not it is in effect on the date.
    pub relief: Relief,
    /// Principal paid on or before the date.
    pub principal_repaid: Dong,
    /// Dư nợ: principal less what was repaid; 0 once written off.
    pub outstanding: Dong,
    /// Nợ quá hạn: principal due strictly before the date and not covered by payments.
    pub overdue_principal: Dong,
    /// Days from the day after the earliest uncovered instalment's due date to the date, both included, leaving
    /// out days of a freeze; 0 when nothing is overdue.
    pub days_overdue: u32,
    /// The first day the earliest uncovered instalment was overdue (after a freeze, when it fell due inside one).
    pub first_overdue_since: Option<NaiveDate>,
    /// Dư nợ khoanh: the principal frozen while a freeze is in effect (the whole outstanding principal), else 0.
    pub frozen_principal: Dong,
    /// Xóa nợ: what was outstanding on the write-off day, once written off; else 0.
    pub written_off_amount: Dong,
    /// The first instalment not fully covered whose due date is on or after the date.
    pub next_instalment: Option<DueInstalment>,
    /// Instalments with something left to pay that fall due within the reminder window (the date included).
    pub reminders: Vec<DueInstalment>,
    /// Interest at the loan's rate for the calendar month holding the date, on the outstanding balance that is not
    /// overdue, as it stands on the date (later days of the month assume no further payment, so what is overdue
    /// stays overdue). Overdue principal bears the overdue rate instead ([`LoanStatus::overdue_interest`]).
    pub interest_this_month: Dong,
    /// Lãi quá hạn: interest at the overdue rate on each overdue portion from the day after its due date to the
    /// date, both included. Reported beside, not inside, [`LoanStatus::interest_this_month`].
    pub overdue_interest: Dong,
    /// Interest at the loan's rate from disbursement to the date, both included, on each day's balance less what
    /// was overdue that day (which bears the overdue rate instead).
    pub interest_accrued: Dong,
    /// Interest paid on or before the date.
    pub interest_paid_total: Dong,
    /// Lãi tồn: interest accrued less interest paid, not below 0.
    pub unpaid_interest: Dong,
    /// Overdue interest paid on or before the date.
    pub overdue_interest_paid_total: Dong,
    /// Cần trả ngay: the overdue principal, the unpaid interest and the overdue interest not yet paid, the one
    /// figure a borrower brings to the transaction point. 0 inside a freeze (khoanh nợ holds both) and once written
    /// off.
    pub to_pay_now: Dong,
}

/// The status of a loan on `on`, with reminders for instalments due within `remind_within_days` days of it.
///
/// Relief shapes the figures: inside a freeze (`from ≤ on ≤ to`; a missing end is open) nothing is overdue and
/// the outstanding principal is reported as frozen; no interest of any kind accrues on freeze days, before or
/// after; an instalment that fell due inside a freeze becomes overdue the day after it. From the write-off day (the
/// date itself when the record has none) outstanding, overdue and interest are 0 and the written-off amount is
/// what was outstanding that day. Extended and rescheduled loans are read on their stored, already adjusted
/// schedule. Bad data never panics: instalments past maturity count as due on maturity, a schedule that promises
/// more than the principal is cut at the principal, one that promises less gets the rest due on maturity.
pub fn loan_status(
    terms: &LoanTerms,
    schedule: &[Instalment],
    payments: &[Payment],
    relief: &Relief,
    on: NaiveDate,
    remind_within_days: u32,
) -> LoanStatus {
    let known = || payments.iter().filter(move |p| p.paid_on <= on);
    let principal_repaid = clamp_dong(known().map(|p| i128::from(p.principal_paid)).sum()).max(0);
    let interest_paid_total = clamp_dong(known().map(|p| i128::from(p.interest_paid)).sum()).max(0);
    let overdue_interest_paid_total = clamp_dong(known().map(|p| i128::from(p.overdue_interest_paid)).sum()).max(0);
    let outstanding = terms.principal.saturating_sub(principal_repaid).max(0);

    if let Some(day) = written_off_on(relief, on) {
        let repaid_then: i128 =
            payments.iter().filter(|p| p.paid_on <= day).map(|p| i128::from(p.principal_paid)).sum();
        return LoanStatus {
            on,
            state: LoanState::WrittenOff,
            relief: *relief,
            principal_repaid,
            outstanding: 0,
            overdue_principal: 0,
            days_overdue: 0,
            first_overdue_since: None,
            frozen_principal: 0,
            written_off_amount: terms.principal.saturating_sub(clamp_dong(repaid_then)).max(0),
            next_instalment: None,
            reminders: Vec::new(),
            interest_this_month: 0,
            overdue_interest: 0,
            interest_accrued: 0,
            interest_paid_total,
            unpaid_interest: 0,
            overdue_interest_paid_total,
            to_pay_now: 0,
        };
    }

    let freeze = freeze_span(relief);
    let frozen_now = freeze.is_some_and(|f| f.contains(on));
    let balances = Balances::new(terms.principal, terms.disbursed_on, known().map(|p| (p.paid_on, p.principal_paid)));
    let remaining = remaining_instalments(&working_schedule(terms, schedule), principal_repaid);

    // Inside a freeze nothing is overdue; otherwise everything uncovered and due before the date is.
    let overdue: &[DueInstalment] =
        if frozen_now { &[] } else { &remaining[..remaining.partition_point(|i| i.due_on < on)] };
    let overdue_days = |i: &DueInstalment| Span::new(i.due_on.succ_opt().unwrap_or(i.due_on), on);
    let overdue_principal = clamp_dong(overdue.iter().map(|i| i128::from(i.amount_remaining)).sum()).min(outstanding);
    let overdue_balance_days: i128 = overdue
        .iter()
        .map(|i| i128::from(i.amount_remaining).saturating_mul(i128::from(overdue_days(i).days_outside(freeze))))
        .fold(0, i128::saturating_add);
    let earliest = overdue.first().map(overdue_days);

    // A write-off later than the date still ends the month's interest the day before it.
    let month = accrual::month_of(on);
    let month_end = match future_write_off(relief, on).and_then(|d| d.pred_opt()) {
        Some(last) => month.last.min(last),
        None => month.last,
    };
    // Overdue principal bears the overdue rate *instead of* the normal rate, never both: each đồng-day of the
    // balance is charged once, at one rate. So the normal interest runs on the balance less what was overdue that
    // day. For the month the overdue part is projected to its end, as the balance is (no payment is foreseen).
    let normal_interest = |span: Span| {
        let overdue_in_span: i128 = overdue
            .iter()
            .map(|i| {
                let from = span.first.max(overdue_days(i).first);
                i128::from(i.amount_remaining)
                    .saturating_mul(i128::from(Span::new(from, span.last).days_outside(freeze)))
            })
            .fold(0, i128::saturating_add);
        let days = balances.balance_days(span, freeze).saturating_sub(overdue_in_span).max(0);
        accrual::interest(days, terms.annual_rate_ppm)
    };
    let interest_this_month = normal_interest(Span::new(month.first, month_end));
    let interest_accrued = normal_interest(Span::new(terms.disbursed_on, on));

    let window_end = on.checked_add_days(Days::new(u64::from(remind_within_days))).unwrap_or(NaiveDate::MAX);
    let reminders = remaining
        .iter()
        .filter(|i| on <= i.due_on && i.due_on <= window_end && !freeze.is_some_and(|f| f.contains(i.due_on)))
        .cloned()
        .collect();

    let state = if frozen_now {
        LoanState::Frozen
    } else if outstanding == 0 {
        LoanState::Settled
    } else if overdue_principal > 0 {
        LoanState::Overdue
    } else {
        match relief.kind {
            ReliefKind::Extended if in_effect(relief, on) => LoanState::Extended,
            ReliefKind::Rescheduled if in_effect(relief, on) => LoanState::Rescheduled,
            _ => LoanState::Current,
        }
    };

    let overdue_interest = accrual::interest(overdue_balance_days, terms.overdue_rate_ppm);
    let unpaid_interest = interest_accrued.saturating_sub(interest_paid_total).max(0);
    let to_pay_now = if frozen_now {
        0
    } else {
        overdue_principal
            .saturating_add(unpaid_interest)
            .saturating_add(overdue_interest.saturating_sub(overdue_interest_paid_total).max(0))
    };
    LoanStatus {
        on,
        state,
        relief: *relief,
        principal_repaid,
        outstanding,
        overdue_principal,
        days_overdue: earliest.map_or(0, |s| u32::try_from(s.days_outside(freeze)).unwrap_or(u32::MAX)),
        first_overdue_since: earliest.and_then(|s| s.first_outside(freeze)),
        frozen_principal: if frozen_now { outstanding } else { 0 },
        written_off_amount: 0,
        next_instalment: remaining.iter().find(|i| i.due_on >= on).cloned(),
        reminders,
        interest_this_month,
        overdue_interest,
        interest_accrued,
        interest_paid_total,
        unpaid_interest,
        overdue_interest_paid_total,
        to_pay_now,
    }
}

/// The schedule as the status reads it: in due order, no date past maturity, no negative amounts, and summing to
/// exactly the principal (cut where it promises more, the rest due on maturity where it promises less).
fn working_schedule(terms: &LoanTerms, schedule: &[Instalment]) -> Vec<Instalment> {
    let mut items: Vec<Instalment> = schedule
        .iter()
        .filter(|i| i.principal_due > 0)
        .map(|i| Instalment { seq: i.seq, due_on: i.due_on.min(terms.maturity_on), principal_due: i.principal_due })
        .collect();
    items.sort_unstable_by_key(|i| (i.due_on, i.seq));
    let mut left = terms.principal.max(0);
    for item in &mut items {
        item.principal_due = item.principal_due.min(left);
        left -= item.principal_due;
    }
    items.retain(|i| i.principal_due > 0);
    if left > 0 {
        let seq = schedule.iter().map(|i| i.seq).max().map_or(1, |s| s.saturating_add(1));
        items.push(Instalment { seq, due_on: terms.maturity_on, principal_due: left });
    }
    items
}

/// The instalments `repaid` leaves uncovered, applying it to instalments in due order.
fn remaining_instalments(items: &[Instalment], repaid: Dong) -> Vec<DueInstalment> {
    let mut available = repaid.max(0);
    items
        .iter()
        .filter_map(|i| {
            let covered = i.principal_due.min(available);
            available -= covered;
            let amount_remaining = i.principal_due - covered;
            (amount_remaining > 0).then_some(DueInstalment { seq: i.seq, due_on: i.due_on, amount_remaining })
        })
        .collect()
}

/// The days of a freeze; a missing start or end is open, a start after the end (bad data) is no freeze.
fn freeze_span(relief: &Relief) -> Option<Span> {
    if relief.kind != ReliefKind::Frozen {
        return None;
    }
    let span = Span::new(relief.from.unwrap_or(NaiveDate::MIN), relief.to.unwrap_or(NaiveDate::MAX));
    (span.days() > 0).then_some(span)
}

/// The write-off day if the loan is written off on or before `on`. A write-off with no date counts from `on`.
fn written_off_on(relief: &Relief, on: NaiveDate) -> Option<NaiveDate> {
    if relief.kind != ReliefKind::WrittenOff {
        return None;
    }
    let day = relief.from.unwrap_or(on);
    (day <= on).then_some(day)
}

/// The write-off day if it is later than `on`.
fn future_write_off(relief: &Relief, on: NaiveDate) -> Option<NaiveDate> {
    relief.from.filter(|&day| relief.kind == ReliefKind::WrittenOff && day > on)
}

/// Whether an extension or rescheduling has taken effect by `on` (one with no date always has).
fn in_effect(relief: &Relief, on: NaiveDate) -> bool {
    relief.from.is_none_or(|day| day <= on)
}

/// An exact sum brought back into đồng, saturating rather than wrapping on absurd input.
fn clamp_dong(sum: i128) -> Dong {
    Dong::try_from(sum.clamp(i128::from(Dong::MIN), i128::from(Dong::MAX))).unwrap_or(0)
}
