//! The facts of one loan that its status is computed from: terms, schedule, payments and relief.

use chrono::NaiveDate;

use crate::format::Dong;

/// What was agreed at disbursement. Rates are yearly, in parts per million (7.92% = 79 200), copied from the rule
/// set in force on the disbursement date so later decrees never change an existing loan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoanTerms {
    /// Amount lent.
    pub principal: Dong,
    /// Ngày giải ngân.
    pub disbursed_on: NaiveDate,
    /// Ngày đến hạn cuối: the last day of the term (after any extension).
    pub maturity_on: NaiveDate,
    /// Lãi suất cho vay, per year.
    pub annual_rate_ppm: i64,
    /// Lãi suất quá hạn, per year (130% of the loan's rate under both decrees).
    pub overdue_rate_ppm: i64,
}

/// One agreed principal instalment (kỳ hạn trả nợ gốc).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instalment {
    /// 1-based position in the schedule.
    pub seq: u32,
    /// Due date.
    pub due_on: NaiveDate,
    /// Principal due on that date.
    pub principal_due: Dong,
}

/// One payment received at the transaction point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    /// Day paid.
    pub paid_on: NaiveDate,
    /// Principal repaid.
    pub principal_paid: Dong,
    /// Interest paid.
    pub interest_paid: Dong,
    /// Overdue interest paid.
    pub overdue_interest_paid: Dong,
}

/// Relief granted on a loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ReliefKind {
    /// No relief.
    #[default]
    None,
    /// Gia hạn nợ: the term was extended (the schedule holds the new dates).
    Extended,
    /// Điều chỉnh kỳ hạn: the instalments were rearranged (the schedule holds the new ones).
    Rescheduled,
    /// Khoanh nợ: repayment and interest suspended between `from` and `to`.
    Frozen,
    /// Xóa nợ: the remaining debt was cancelled on `from`.
    WrittenOff,
}

impl ReliefKind {
    /// The text stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ReliefKind::None => "none",
            ReliefKind::Extended => "extended",
            ReliefKind::Rescheduled => "rescheduled",
            ReliefKind::Frozen => "frozen",
            ReliefKind::WrittenOff => "written_off",
        }
    }

    /// Parses the database text.
    pub fn parse(s: &str) -> Option<ReliefKind> {
        Some(match s {
            "none" => ReliefKind::None,
            "extended" => ReliefKind::Extended,
            "rescheduled" => ReliefKind::Rescheduled,
            "frozen" => ReliefKind::Frozen,
            "written_off" => ReliefKind::WrittenOff,
            _ => return None,
        })
    }
}

/// The relief state of a loan with its dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Relief {
    /// Which relief.
    pub kind: ReliefKind,
    /// When it starts (freeze start, write-off date, extension date).
    pub from: Option<NaiveDate>,
    /// When it ends (freeze end).
    pub to: Option<NaiveDate>,
}
