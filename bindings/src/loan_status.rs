//! A loan's figures on a date as records: where it stands, what is owed and overdue, what falls due next. These are
//! the numbers behind the loan detail's text, for an app that draws a chart or schedules a reminder itself. Money
//! is whole đồng (`i64`); dates are ISO `yyyy-MM-dd`.

use vieclam_core::loans::{self as core, status as st};

use crate::types::iso_day;

/// Where a loan stands on a date. When several apply, the first in this order wins: `WrittenOff`, `Frozen`,
/// `Settled`, `Overdue`, `Extended` / `Rescheduled`, `Current`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum LoanState {
    /// Trong hạn: nothing overdue.
    Current,
    /// Quá hạn: some principal due before the date is unpaid.
    Overdue,
    /// Khoanh nợ: inside a freeze.
    Frozen,
    /// Xóa nợ: the remaining debt was cancelled.
    WrittenOff,
    /// Gia hạn nợ: nothing overdue on the extended schedule.
    Extended,
    /// Điều chỉnh kỳ hạn: nothing overdue on the rearranged schedule.
    Rescheduled,
    /// Đã tất toán: the principal has been repaid in full.
    Settled,
}

impl From<st::LoanState> for LoanState {
    fn from(s: st::LoanState) -> Self {
        match s {
            st::LoanState::Current => LoanState::Current,
            st::LoanState::Overdue => LoanState::Overdue,
            st::LoanState::Frozen => LoanState::Frozen,
            st::LoanState::WrittenOff => LoanState::WrittenOff,
            st::LoanState::Extended => LoanState::Extended,
            st::LoanState::Rescheduled => LoanState::Rescheduled,
            st::LoanState::Settled => LoanState::Settled,
        }
    }
}

/// Relief granted on a loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum ReliefKind {
    /// No relief.
    None,
    /// Gia hạn nợ: the term was extended.
    Extended,
    /// Điều chỉnh kỳ hạn: the instalments were rearranged.
    Rescheduled,
    /// Khoanh nợ: repayment and interest suspended between `from` and `to`.
    Frozen,
    /// Xóa nợ: the remaining debt was cancelled on `from`.
    WrittenOff,
}

impl From<core::ReliefKind> for ReliefKind {
    fn from(k: core::ReliefKind) -> Self {
        match k {
            core::ReliefKind::None => ReliefKind::None,
            core::ReliefKind::Extended => ReliefKind::Extended,
            core::ReliefKind::Rescheduled => ReliefKind::Rescheduled,
            core::ReliefKind::Frozen => ReliefKind::Frozen,
            core::ReliefKind::WrittenOff => ReliefKind::WrittenOff,
        }
    }
}

/// The relief recorded on a loan, with its dates.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Relief {
    /// Which relief.
    pub kind: ReliefKind,
    /// When it starts (freeze start, write-off date, extension date), ISO.
    pub from: Option<String>,
    /// When it ends (freeze end), ISO.
    pub to: Option<String>,
}

impl From<core::Relief> for Relief {
    fn from(r: core::Relief) -> Self {
        Relief { kind: r.kind.into(), from: r.from.map(iso_day), to: r.to.map(iso_day) }
    }
}

/// An instalment with principal still to pay.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct DueInstalment {
    /// Its position in the schedule (1-based).
    pub seq: u32,
    /// Its due date, ISO.
    pub due_on: String,
    /// Principal of it not yet covered by payments, đồng.
    pub amount_remaining: i64,
}

impl From<st::DueInstalment> for DueInstalment {
    fn from(d: st::DueInstalment) -> Self {
        DueInstalment { seq: d.seq, due_on: iso_day(d.due_on), amount_remaining: d.amount_remaining }
    }
}

/// A loan's figures on one date. All amounts are whole đồng and never negative.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct LoanStatus {
    /// The date the status is for, ISO.
    pub on: String,
    /// Where the loan stands.
    pub state: LoanState,
    /// The relief recorded on the loan, whether or not in effect on the date.
    pub relief: Relief,
    /// Principal paid on or before the date.
    pub principal_repaid: i64,
    /// Dư nợ: principal less what was repaid; 0 once written off.
    pub outstanding: i64,
    /// Nợ quá hạn: principal due strictly before the date and not covered by payments.
    pub overdue_principal: i64,
    /// Days overdue, leaving out days of a freeze; 0 when nothing is overdue.
    pub days_overdue: u32,
    /// The first day the earliest uncovered instalment was overdue, ISO.
    pub first_overdue_since: Option<String>,
    /// Dư nợ khoanh: the principal frozen while a freeze is in effect, else 0.
    pub frozen_principal: i64,
    /// Xóa nợ: what was outstanding on the write-off day, once written off; else 0.
    pub written_off_amount: i64,
    /// The first instalment not fully covered that falls due on or after the date.
    pub next_instalment: Option<DueInstalment>,
    /// Instalments with something left to pay that fall due within the reminder window.
    pub reminders: Vec<DueInstalment>,
    /// Interest at the loan's rate for the calendar month holding the date.
    pub interest_this_month: i64,
    /// Lãi quá hạn: interest at the overdue rate on the overdue portions, up to the date.
    pub overdue_interest: i64,
    /// Interest at the loan's rate from disbursement to the date.
    pub interest_accrued: i64,
    /// Interest paid on or before the date.
    pub interest_paid_total: i64,
    /// Lãi tồn: interest accrued less interest paid, not below 0.
    pub unpaid_interest: i64,
    /// Overdue interest paid on or before the date.
    pub overdue_interest_paid_total: i64,
    /// Cần trả ngay: overdue principal, unpaid interest and unpaid overdue interest; 0 in a freeze or once written
    /// off.
    pub to_pay_now: i64,
}

impl From<st::LoanStatus> for LoanStatus {
    fn from(s: st::LoanStatus) -> Self {
        LoanStatus {
            on: iso_day(s.on),
            state: s.state.into(),
            relief: s.relief.into(),
            principal_repaid: s.principal_repaid,
            outstanding: s.outstanding,
            overdue_principal: s.overdue_principal,
            days_overdue: s.days_overdue,
            first_overdue_since: s.first_overdue_since.map(iso_day),
            frozen_principal: s.frozen_principal,
            written_off_amount: s.written_off_amount,
            next_instalment: s.next_instalment.map(Into::into),
            reminders: s.reminders.into_iter().map(Into::into).collect(),
            interest_this_month: s.interest_this_month,
            overdue_interest: s.overdue_interest,
            interest_accrued: s.interest_accrued,
            interest_paid_total: s.interest_paid_total,
            unpaid_interest: s.unpaid_interest,
            overdue_interest_paid_total: s.overdue_interest_paid_total,
            to_pay_now: s.to_pay_now,
        }
    }
}
