//! Exact figures for [`loan_status`], each worked out by hand in the comment above it.
//!
//! At 7.92% a year one day of 1,000,000 ₫ is 1,000,000 × 79,200 / 360,000,000 = 220 ₫, so one day of 50,000,000 ₫
//! is 11,000 ₫, of 40,000,000 ₫ 8,800 ₫ and of 12,000,000 ₫ 2,640 ₫. The overdue rate is 130% of 7.92% = 10.296%:
//! one day of 1,000,000 ₫ overdue is 286 ₫.

use chrono::NaiveDate;

use super::*;
use crate::loans::rules::{default_rule_sets, in_force};
use crate::loans::schedule::{equal_instalments, maturity};
use crate::messages::Lang;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn terms(principal: Dong, disbursed_on: NaiveDate, months: u32) -> LoanTerms {
    LoanTerms {
        principal,
        disbursed_on,
        maturity_on: maturity(disbursed_on, months),
        annual_rate_ppm: 79_200,
        overdue_rate_ppm: 102_960,
    }
}

fn pay(day: NaiveDate, principal_paid: Dong, interest_paid: Dong) -> Payment {
    Payment { paid_on: day, principal_paid, interest_paid, overdue_interest_paid: 0 }
}

fn due(seq: u32, due_on: NaiveDate, amount_remaining: Dong) -> DueInstalment {
    DueInstalment { seq, due_on, amount_remaining }
}

/// 50,000,000 ₫ at 7.92% disbursed 1 Mar 2026 for 24 months, 12,500,000 ₫ every 6 months from 1 Sep 2026.
fn fifty_million() -> (LoanTerms, Vec<Instalment>) {
    let t = terms(50_000_000, ymd(2026, 3, 1), 24);
    let s = equal_instalments(t.principal, t.disbursed_on, 24, 6);
    (t, s)
}

fn status(t: &LoanTerms, s: &[Instalment], p: &[Payment], r: Relief, on: NaiveDate) -> LoanStatus {
    loan_status(t, s, p, &r, on, 7)
}

#[test]
fn worked_example_fifty_million() {
    let (t, s) = fifty_million();
    // No payments, 30 April: April is 30 days × 11,000 = 330,000; since disbursement 31 + 30 = 61 days = 671,000.
    let st = status(&t, &s, &[], Relief::default(), ymd(2026, 4, 30));
    assert_eq!(st.interest_this_month, 330_000);
    assert_eq!(st.interest_accrued, 671_000);
    assert_eq!(st.unpaid_interest, 671_000);
    assert_eq!((st.state, st.outstanding, st.overdue_principal), (LoanState::Current, 50_000_000, 0));

    // March's 341,000 paid on 5 April, 10,000,000 principal on 16 April. April: 1–15 at 50M (15 × 11,000 =
    // 165,000), 16–30 at 40M (15 × 8,800 = 132,000) = 297,000. Accrued 341,000 + 297,000 = 638,000, unpaid 297,000.
    let p = [pay(ymd(2026, 4, 5), 0, 341_000), pay(ymd(2026, 4, 16), 10_000_000, 0)];
    let st = status(&t, &s, &p, Relief::default(), ymd(2026, 4, 30));
    assert_eq!(st.interest_this_month, 297_000);
    assert_eq!(st.interest_accrued, 638_000);
    assert_eq!(st.interest_paid_total, 341_000);
    assert_eq!(st.unpaid_interest, 297_000);
    assert_eq!((st.principal_repaid, st.outstanding), (10_000_000, 40_000_000));
    // The 10M goes to the first instalment: 2,500,000 of it is left, due 1 Sep.
    assert_eq!(st.next_instalment, Some(due(1, ymd(2026, 9, 1), 2_500_000)));
    assert!(st.reminders.is_empty());

    // Seven days ahead of 1 Sep the reminder shows; from 26 Aug it is eight days away and does not.
    let st = status(&t, &s, &p, Relief::default(), ymd(2026, 8, 25));
    assert_eq!(st.reminders, vec![due(1, ymd(2026, 9, 1), 2_500_000)]);
    assert!(status(&t, &s, &p, Relief::default(), ymd(2026, 8, 24)).reminders.is_empty());
    // The due day itself is inside the window and not yet overdue.
    let st = status(&t, &s, &p, Relief::default(), ymd(2026, 9, 1));
    assert_eq!((st.reminders.len(), st.overdue_principal), (1, 0));
}

#[test]
fn overdue_principal_days_and_interest() {
    let (t, s) = fifty_million();
    // Nothing repaid; on 1 Oct the 12,500,000 due 1 Sep is overdue from 2 Sep: 29 + 1 = 30 days.
    // Overdue interest 12,500,000 × 30 × 102,960 / 360,000,000 = 107,250. The overdue principal bears that rate
    // instead of the normal one, so October's normal interest runs on 37,500,000 (8,250 a day): 31 × 8,250 =
    // 255,750, not 341,000. Since disbursement: 1 Mar – 1 Sep is 185 days × 11,000 = 2,035,000, then 2 Sep – 1 Oct
    // 30 days × 8,250 = 247,500: 2,282,500 at the normal rate, and the 107,250 beside it.
    let st = status(&t, &s, &[], Relief::default(), ymd(2026, 10, 1));
    assert_eq!(st.state, LoanState::Overdue);
    assert_eq!(st.overdue_principal, 12_500_000);
    assert_eq!((st.days_overdue, st.first_overdue_since), (30, Some(ymd(2026, 9, 2))));
    assert_eq!(st.overdue_interest, 107_250);
    assert_eq!(st.interest_this_month, 255_750);
    assert_eq!(st.interest_accrued, 2_282_500);
    assert_eq!(st.unpaid_interest, 2_282_500);
    // To pay now: the overdue 12,500,000, the unpaid 2,282,500 and the overdue interest 107,250.
    assert_eq!(st.to_pay_now, 12_500_000 + 2_282_500 + 107_250);
    // Paying 100,000 of the overdue interest on 1 Oct leaves 7,250 of it; normal interest is untouched.
    let part =
        [Payment { paid_on: ymd(2026, 10, 1), principal_paid: 0, interest_paid: 0, overdue_interest_paid: 100_000 }];
    let st = status(&t, &s, &part, Relief::default(), ymd(2026, 10, 1));
    assert_eq!((st.overdue_interest_paid_total, st.unpaid_interest), (100_000, 2_282_500));
    assert_eq!(st.to_pay_now, 12_500_000 + 2_282_500 + 7_250);
    assert_eq!(st.next_instalment, Some(due(2, ymd(2027, 3, 1), 12_500_000)));

    // 5,000,000 paid late on 20 Sep leaves 7,500,000 overdue: 7,500,000 × 30 × 102,960 / 360,000,000 = 64,350.
    let st = status(&t, &s, &[pay(ymd(2026, 9, 20), 5_000_000, 0)], Relief::default(), ymd(2026, 10, 1));
    assert_eq!((st.overdue_principal, st.overdue_interest, st.days_overdue), (7_500_000, 64_350, 30));

    // A payment dated after the status date is not known yet.
    let late = [pay(ymd(2026, 10, 2), 12_500_000, 0)];
    assert_eq!(status(&t, &s, &late, Relief::default(), ymd(2026, 10, 1)), st_without_payments(&t, &s));
    assert_eq!(status(&t, &s, &late, Relief::default(), ymd(2026, 10, 2)).overdue_principal, 0);
}

fn st_without_payments(t: &LoanTerms, s: &[Instalment]) -> LoanStatus {
    status(t, s, &[], Relief::default(), ymd(2026, 10, 1))
}

#[test]
fn month_ends_from_a_31_january_disbursement() {
    // 12,000,000 ₫ disbursed 31 Jan 2027, 12 monthly instalments of 1,000,000: due 28 Feb, 31 Mar, 30 Apr, ...
    let t = terms(12_000_000, ymd(2027, 1, 31), 12);
    let s = equal_instalments(t.principal, t.disbursed_on, 12, 1);
    assert_eq!((s[0].due_on, s[1].due_on, s[2].due_on), (ymd(2027, 2, 28), ymd(2027, 3, 31), ymd(2027, 4, 30)));

    // January holds one day of interest, 2,640; February 28 days × 2,640 = 73,920.
    assert_eq!(status(&t, &s, &[], Relief::default(), ymd(2027, 1, 31)).interest_this_month, 2_640);
    let feb = status(&t, &s, &[], Relief::default(), ymd(2027, 2, 28));
    assert_eq!(feb.interest_this_month, 73_920);
    assert_eq!((feb.overdue_principal, feb.next_instalment), (0, Some(due(1, ymd(2027, 2, 28), 1_000_000))));

    // Unpaid on 1 Mar: one day overdue, 1,000,000 × 102,960 / 360,000,000 = 286.
    let mar = status(&t, &s, &[], Relief::default(), ymd(2027, 3, 1));
    assert_eq!((mar.overdue_principal, mar.days_overdue, mar.overdue_interest), (1_000_000, 1, 286));
    assert_eq!(mar.first_overdue_since, Some(ymd(2027, 3, 1)));

    // Paid on its due day: nothing overdue, the next is due 31 Mar.
    let paid = status(&t, &s, &[pay(ymd(2027, 2, 28), 1_000_000, 76_560)], Relief::default(), ymd(2027, 3, 1));
    assert_eq!((paid.state, paid.overdue_principal), (LoanState::Current, 0));
    assert_eq!(paid.next_instalment, Some(due(2, ymd(2027, 3, 31), 1_000_000)));
}

#[test]
fn leap_february_has_29_day_terms() {
    // 50,000,000 ₫ at 7.92%: February 2028 is 29 × 11,000 = 319,000, February 2027 28 × 11,000 = 308,000.
    let t = terms(50_000_000, ymd(2027, 12, 15), 24);
    let s = equal_instalments(t.principal, t.disbursed_on, 24, 12);
    assert_eq!(status(&t, &s, &[], Relief::default(), ymd(2028, 2, 10)).interest_this_month, 319_000);
    let t = terms(50_000_000, ymd(2026, 12, 15), 24);
    let s = equal_instalments(t.principal, t.disbursed_on, 24, 12);
    assert_eq!(status(&t, &s, &[], Relief::default(), ymd(2027, 2, 10)).interest_this_month, 308_000);
    // And a 31-day month: 31 × 11,000 = 341,000.
    assert_eq!(status(&t, &s, &[], Relief::default(), ymd(2027, 3, 10)).interest_this_month, 341_000);
}

#[test]
fn a_decree_61_loan_keeps_its_terms_in_2026() {
    let sets = default_rule_sets();
    let disbursed = ymd(2025, 6, 10);
    let set = in_force(&sets, disbursed).unwrap();
    assert_eq!(set.code, "ND61-74");
    let rate = set.values.standard_rate_ppm;
    let t = LoanTerms {
        principal: 50_000_000,
        disbursed_on: disbursed,
        maturity_on: maturity(disbursed, 24),
        annual_rate_ppm: rate,
        overdue_rate_ppm: set.overdue_rate_ppm(rate),
    };
    let s = equal_instalments(t.principal, disbursed, 24, 6);
    let on = ymd(2026, 1, 15);
    assert_eq!(in_force(&sets, on).unwrap().code, "ND338");
    // January 2026 at 7.92%, not the new decree's 8.382%, on the 37,500,000 not overdue: 31 × 8,250 = 255,750.
    let st = status(&t, &s, &[], Relief::default(), on);
    assert_eq!(st.interest_this_month, 255_750);
    // The 12,500,000 due 10 Dec 2025 is overdue 11 Dec – 15 Jan = 21 + 15 = 36 days at 130% of 7.92%:
    // 12,500,000 × 36 × 102,960 / 360,000,000 = 128,700.
    assert_eq!((st.overdue_principal, st.days_overdue), (12_500_000, 36));
    assert_eq!(st.overdue_interest, 128_700);
}

#[test]
fn a_freeze_stops_interest_and_overdue() {
    let (t, s) = fifty_million();
    let freeze = Relief { kind: ReliefKind::Frozen, from: Some(ymd(2026, 8, 1)), to: Some(ymd(2026, 10, 31)) };
    // Inside the freeze the 1 Sep instalment is not overdue; the whole 50M is reported frozen; no interest.
    // Accrued before it: 1 Mar – 31 Jul = 153 days × 11,000 = 1,683,000.
    let st = status(&t, &s, &[], freeze, ymd(2026, 9, 15));
    assert_eq!(st.state, LoanState::Frozen);
    assert_eq!((st.overdue_principal, st.days_overdue, st.first_overdue_since), (0, 0, None));
    assert_eq!((st.frozen_principal, st.outstanding), (50_000_000, 50_000_000));
    assert_eq!((st.interest_this_month, st.overdue_interest), (0, 0));
    assert_eq!(st.interest_accrued, 1_683_000);
    // The month before the freeze is whole: July = 341,000.
    assert_eq!(status(&t, &s, &[], freeze, ymd(2026, 7, 20)).interest_this_month, 341_000);

    // After it, the instalment that fell due inside is overdue from 1 Nov: on 5 Nov, 5 days,
    // 12,500,000 × 5 × 102,960 / 360,000,000 = 17,875. November accrues again, on the 37,500,000 not overdue:
    // 30 × 8,250 = 247,500; since disbursement 1,683,000 + 5 × 8,250.
    let st = status(&t, &s, &[], freeze, ymd(2026, 11, 5));
    assert_eq!(st.state, LoanState::Overdue);
    assert_eq!((st.overdue_principal, st.days_overdue), (12_500_000, 5));
    assert_eq!(st.first_overdue_since, Some(ymd(2026, 11, 1)));
    assert_eq!(st.overdue_interest, 17_875);
    assert_eq!(st.interest_this_month, 247_500);
    assert_eq!(st.interest_accrued, 1_683_000 + 5 * 8_250);
    assert_eq!(st.frozen_principal, 0);

    // A freeze with no end is still in effect.
    let open = Relief { to: None, ..freeze };
    assert_eq!(status(&t, &s, &[], open, ymd(2030, 1, 1)).state, LoanState::Frozen);
}

#[test]
fn a_write_off_zeroes_the_debt() {
    let (t, s) = fifty_million();
    let p = [pay(ymd(2026, 4, 16), 10_000_000, 0)];
    let off = Relief { kind: ReliefKind::WrittenOff, from: Some(ymd(2026, 6, 15)), to: None };
    let st = status(&t, &s, &p, off, ymd(2026, 12, 1));
    assert_eq!(st.state, LoanState::WrittenOff);
    assert_eq!((st.written_off_amount, st.principal_repaid), (40_000_000, 10_000_000));
    assert_eq!((st.outstanding, st.overdue_principal, st.days_overdue), (0, 0, 0));
    assert_eq!((st.interest_this_month, st.overdue_interest, st.unpaid_interest), (0, 0, 0));
    assert!(st.next_instalment.is_none() && st.reminders.is_empty());

    // Before the write-off day the loan runs as usual, and June's interest stops on the 14th: 14 × 8,800 = 123,200.
    let st = status(&t, &s, &p, off, ymd(2026, 6, 10));
    assert_eq!((st.state, st.outstanding, st.written_off_amount), (LoanState::Current, 40_000_000, 0));
    assert_eq!(st.interest_this_month, 123_200);
}

#[test]
fn repaid_loans_are_settled_and_keep_unpaid_interest() {
    let (t, s) = fifty_million();
    // All 50M repaid on 1 May: May accrues nothing (the end-of-day balance is 0). March 341,000 + April 330,000
    // = 671,000 is still owed as lãi tồn.
    let st = status(&t, &s, &[pay(ymd(2026, 5, 1), 50_000_000, 0)], Relief::default(), ymd(2026, 5, 31));
    assert_eq!(st.state, LoanState::Settled);
    assert_eq!((st.outstanding, st.overdue_principal, st.next_instalment), (0, 0, None));
    assert_eq!((st.interest_this_month, st.unpaid_interest), (0, 671_000));
}

#[test]
fn debt_left_after_maturity_is_overdue() {
    // 12,000,000 ₫ from 10 Jan 2026 for 12 months, the schedule only names 6,000,000 due 10 Jul 2026: the other
    // 6,000,000 falls due on maturity (10 Jan 2027) as instalment 2. On 20 Jan 2027 all 12M is overdue, since
    // 11 Jul: 21 + 31 + 30 + 31 + 30 + 31 + 20 = 194 days.
    let t = terms(12_000_000, ymd(2026, 1, 10), 12);
    let s = [Instalment { seq: 1, due_on: ymd(2026, 7, 10), principal_due: 6_000_000 }];
    let st = status(&t, &s, &[], Relief::default(), ymd(2026, 12, 31));
    assert_eq!(st.next_instalment, Some(due(2, ymd(2027, 1, 10), 6_000_000)));
    let st = status(&t, &s, &[], Relief::default(), ymd(2027, 1, 20));
    assert_eq!((st.state, st.overdue_principal, st.days_overdue), (LoanState::Overdue, 12_000_000, 194));

    // An instalment dated past maturity (bad data) counts as due on maturity; one promising more than the
    // principal is cut at it.
    let s = [Instalment { seq: 1, due_on: ymd(2030, 1, 1), principal_due: 99_000_000 }];
    let st = status(&t, &s, &[], Relief::default(), ymd(2027, 1, 11));
    assert_eq!((st.overdue_principal, st.days_overdue), (12_000_000, 1));
}

#[test]
fn extensions_and_reschedules_are_reported() {
    let (t, s) = fifty_million();
    let ext = Relief { kind: ReliefKind::Extended, from: Some(ymd(2026, 5, 1)), to: None };
    assert_eq!(status(&t, &s, &[], ext, ymd(2026, 5, 2)).state, LoanState::Extended);
    assert_eq!(status(&t, &s, &[], ext, ymd(2026, 4, 2)).state, LoanState::Current);
    // Overdue on the stored schedule wins over the relief.
    assert_eq!(status(&t, &s, &[], ext, ymd(2026, 10, 1)).state, LoanState::Overdue);
    let res = Relief { kind: ReliefKind::Rescheduled, from: None, to: None };
    let st = status(&t, &s, &[], res, ymd(2026, 5, 2));
    assert_eq!((st.state, st.relief), (LoanState::Rescheduled, res));
}

#[test]
fn states_have_labels_in_both_languages() {
    assert_eq!(LoanState::Overdue.label().get(Lang::Vi), "Quá hạn");
    assert_eq!(LoanState::Frozen.label().get(Lang::En), "Frozen");
    assert_eq!(LoanState::WrittenOff.as_str(), "written_off");
}

#[test]
fn a_ten_year_loan_in_its_sixth_year_adds_up() {
    // 120 monthly instalments, 240 payments (principal and interest separately) and 100 more small interest
    // payments, read in year six: the longest history a device holds. How long this takes is P4's business
    // (vieclam-bench), not a test's.
    let t = terms(100_000_000, ymd(2026, 1, 31), 120);
    let s = equal_instalments(t.principal, t.disbursed_on, 120, 1);
    let p: Vec<Payment> = s
        .iter()
        .take(70)
        .flat_map(|i| [pay(i.due_on, i.principal_due, 0), pay(i.due_on, 0, 500_000)])
        .chain((0..100).map(|k| pay(ymd(2026, 2, 1) + chrono::Days::new(k * 20), 0, 10_000)))
        .collect();
    let on = ymd(2032, 3, 15);
    let st = loan_status(&t, &s, &p, &Relief::default(), on, 7);
    let repaid: Dong = s.iter().take(70).map(|i| i.principal_due).sum();
    let overdue: Dong = s.iter().skip(70).filter(|i| i.due_on < on).map(|i| i.principal_due).sum();
    assert_eq!(st.principal_repaid, repaid);
    assert_eq!(st.outstanding, t.principal - repaid);
    assert_eq!(st.overdue_principal, overdue);
    assert!(overdue > 0, "instalments 71 on have fallen due unpaid");
    assert_eq!(st.state, LoanState::Overdue);
    assert_eq!(st.interest_paid_total, 70 * 500_000 + 100 * 10_000);
    // More interest was paid than accrued (500,000 a month against a falling balance): nothing is owed, never less.
    assert_eq!(st.unpaid_interest, (st.interest_accrued - st.interest_paid_total).max(0));
}

#[test]
fn overdue_principal_is_charged_one_rate_not_two() {
    // 12,000,000 ₫ at 7.92% disbursed 31 Jan 2027, 1,000,000 due monthly; nothing paid. On 15 Apr the February
    // and March instalments are overdue (from 1 Mar: 46 days; from 1 Apr: 15 days).
    let t = terms(12_000_000, ymd(2027, 1, 31), 12);
    let s = equal_instalments(t.principal, t.disbursed_on, 12, 1);
    let st = status(&t, &s, &[], Relief::default(), ymd(2027, 4, 15));
    assert_eq!((st.overdue_principal, st.days_overdue), (2_000_000, 46));
    // Overdue: 1,000,000 × 46 × 286 / 1,000,000 + 1,000,000 × 15 × 286 / 1,000,000 = 13,156 + 4,290 = 17,446.
    assert_eq!(st.overdue_interest, 17_446);
    // Normal: 31 Jan – 15 Apr is 75 days × 2,640 (12M) = 198,000, less the overdue đồng-days at 220 per million:
    // (46 + 15) × 220 = 13,420, so 184,580. The old sum charged the overdue days twice: 198,000 + 17,446.
    assert_eq!(st.interest_accrued, 184_580);
    // April: 30 days × 2,640 = 79,200, less March's instalment over 1–30 Apr (30 × 220 = 6,600) and February's
    // over the same days (6,600): 66,000.
    assert_eq!(st.interest_this_month, 66_000);

    // With the overdue rate set equal to the normal one, the two parts add up to the interest on the whole balance
    // (to rounding): nothing is charged twice and nothing is left out.
    let flat = LoanTerms { overdue_rate_ppm: t.annual_rate_ppm, ..t };
    let st = status(&flat, &s, &[], Relief::default(), ymd(2027, 4, 15));
    assert!((st.interest_accrued + st.overdue_interest - 198_000).abs() <= 1, "{st:?}");
}
