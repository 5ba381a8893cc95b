//! Invariants of [`loan_status`] over generated loans, schedules, payments, reliefs and dates.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::loans::schedule::{equal_instalments, maturity};

/// A generated loan with everything `loan_status` reads.
#[derive(Clone, Debug)]
struct Case {
    terms: LoanTerms,
    schedule: Vec<Instalment>,
    payments: Vec<Payment>,
    relief: Relief,
    on: NaiveDate,
    window: u32,
}

fn day(base: NaiveDate, offset: i64) -> NaiveDate {
    if offset >= 0 { base + Days::new(offset as u64) } else { base - Days::new(offset.unsigned_abs()) }
}

fn relief(disbursed: NaiveDate) -> impl Strategy<Value = Relief> {
    let at = move |o: i64| Some(day(disbursed, o));
    prop_oneof![
        Just(Relief::default()),
        (0i64..4000).prop_map(move |o| Relief { kind: ReliefKind::Extended, from: at(o), to: None }),
        Just(Relief { kind: ReliefKind::Rescheduled, from: None, to: None }),
        (0i64..4000, 0i64..800).prop_map(move |(o, len)| Relief {
            kind: ReliefKind::Frozen,
            from: at(o),
            to: at(o + len)
        }),
        (0i64..4000).prop_map(move |o| Relief { kind: ReliefKind::WrittenOff, from: at(o), to: None }),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    (
        1_000_000i64..2_000_000_000,
        0u64..5000,
        1u32..=120,
        1u32..=12,
        prop_oneof![Just(79_200i64), Just(39_600), Just(83_820)],
    )
        .prop_flat_map(|(principal, start, months, every, rate)| {
            let disbursed = NaiveDate::from_ymd_opt(2015, 9, 1).unwrap() + Days::new(start);
            let payment = (0i64..3800, 0i64..=principal / 4, 0i64..2_000_000).prop_map(move |(o, p, i)| Payment {
                paid_on: day(disbursed, o),
                principal_paid: p,
                interest_paid: i,
                overdue_interest_paid: i / 10,
            });
            (
                Just(principal),
                Just(disbursed),
                Just(months),
                Just(every),
                Just(rate),
                proptest::collection::vec(payment, 0..12),
                relief(disbursed),
                -40i64..3900,
                0u32..60,
            )
        })
        .prop_map(|(principal, disbursed, months, every, rate, payments, relief, on, window)| Case {
            terms: LoanTerms {
                principal,
                disbursed_on: disbursed,
                maturity_on: maturity(disbursed, months),
                annual_rate_ppm: rate,
                overdue_rate_ppm: rate * 130 / 100,
            },
            schedule: equal_instalments(principal, disbursed, months, every),
            payments,
            relief,
            on: day(disbursed, on),
            window,
        })
}

fn status_of(c: &Case) -> LoanStatus {
    loan_status(&c.terms, &c.schedule, &c.payments, &c.relief, c.on, c.window)
}

fn written_off(c: &Case) -> bool {
    c.relief.kind == ReliefKind::WrittenOff && c.relief.from.is_some_and(|d| d <= c.on)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn outstanding_is_principal_less_repaid(c in case()) {
        let st = status_of(&c);
        let repaid: i64 = c.payments.iter().filter(|p| p.paid_on <= c.on).map(|p| p.principal_paid).sum();
        prop_assert_eq!(st.principal_repaid, repaid);
        if written_off(&c) {
            prop_assert_eq!(st.outstanding, 0);
            prop_assert_eq!(st.state, LoanState::WrittenOff);
        } else {
            prop_assert_eq!(st.outstanding, (c.terms.principal - repaid).max(0));
        }
    }

    #[test]
    fn overdue_stays_within_outstanding(c in case()) {
        let st = status_of(&c);
        prop_assert!(0 <= st.overdue_principal && st.overdue_principal <= st.outstanding);
        prop_assert_eq!(st.overdue_principal > 0, st.days_overdue > 0);
        prop_assert_eq!(st.overdue_principal > 0, st.first_overdue_since.is_some());
        prop_assert_eq!(st.overdue_principal > 0, st.state == LoanState::Overdue);
        prop_assert!(st.overdue_interest >= 0 && st.interest_this_month >= 0 && st.unpaid_interest >= 0);
        if let Some(since) = st.first_overdue_since {
            prop_assert!(since <= c.on);
        }
    }

    #[test]
    fn nothing_is_overdue_before_the_first_due_date(c in case()) {
        let first_due = c.schedule.iter().map(|i| i.due_on).min().unwrap_or(c.terms.maturity_on);
        if c.on <= first_due {
            let st = status_of(&c);
            prop_assert_eq!(st.overdue_principal, 0);
            prop_assert_eq!(st.overdue_interest, 0);
            prop_assert_eq!(st.days_overdue, 0);
        }
    }

    #[test]
    fn frozen_and_written_off_loans_show_no_overdue(c in case()) {
        let st = status_of(&c);
        if matches!(st.state, LoanState::Frozen | LoanState::WrittenOff) {
            prop_assert_eq!((st.overdue_principal, st.days_overdue, st.overdue_interest), (0, 0, 0));
            prop_assert!(st.first_overdue_since.is_none());
        }
        if st.state == LoanState::Frozen {
            prop_assert_eq!(st.frozen_principal, st.outstanding);
            let month = crate::loans::accrual::month_of(c.on);
            let frozen_all_month = c.relief.from.is_some_and(|f| f <= month.first)
                && c.relief.to.is_some_and(|t| t >= month.last);
            if frozen_all_month {
                prop_assert_eq!(st.interest_this_month, 0);
            }
        } else {
            prop_assert_eq!(st.frozen_principal, 0);
        }
        if st.state == LoanState::WrittenOff {
            prop_assert_eq!((st.interest_this_month, st.unpaid_interest), (0, 0));
            prop_assert!(st.written_off_amount <= c.terms.principal);
        }
    }

    #[test]
    fn interest_grows_with_the_balance(c in case(), drop in any::<prop::sample::Index>(), extra in 1i64..50_000_000) {
        let st = status_of(&c);
        // Taking a payment away leaves every day's balance the same or higher. What it makes overdue moves from
        // the normal rate to the higher overdue rate, so the two together grow (each is rounded once: 1 đồng of
        // slack), and the normal part alone grows while the overdue part stays the same.
        if !c.payments.is_empty() {
            let mut fewer = c.clone();
            fewer.payments.remove(drop.index(c.payments.len()));
            let more = status_of(&fewer);
            prop_assert!(
                more.interest_accrued + more.overdue_interest + 1 >= st.interest_accrued + st.overdue_interest
            );
            if more.overdue_principal == st.overdue_principal && more.days_overdue == st.days_overdue {
                prop_assert!(more.interest_this_month >= st.interest_this_month);
            }
        }
        // So does lending more on the same terms and schedule (the extra falls due on maturity).
        let mut bigger = c.clone();
        bigger.terms.principal += extra;
        let more = status_of(&bigger);
        prop_assert!(more.interest_accrued + more.overdue_interest + 1 >= st.interest_accrued + st.overdue_interest);
        if more.overdue_principal == st.overdue_principal && more.days_overdue == st.days_overdue {
            prop_assert!(more.interest_this_month >= st.interest_this_month);
            prop_assert!(more.interest_accrued >= st.interest_accrued);
        }
        prop_assert!(more.outstanding >= st.outstanding);
    }

    #[test]
    fn each_day_of_the_balance_bears_one_rate(c in case()) {
        // With the overdue rate equal to the normal rate, normal plus overdue interest is the interest on the whole
        // balance since disbursement: overdue principal is neither charged twice nor left out.
        let mut flat = c.clone();
        flat.terms.overdue_rate_ppm = flat.terms.annual_rate_ppm;
        let st = status_of(&flat);
        if matches!(st.state, LoanState::Overdue | LoanState::Current | LoanState::Settled) {
            let known = flat.payments.iter().filter(|p| p.paid_on <= c.on).map(|p| (p.paid_on, p.principal_paid));
            let balances = crate::loans::accrual::Balances::new(flat.terms.principal, flat.terms.disbursed_on, known);
            let freeze = super::freeze_span(&flat.relief);
            let whole = crate::loans::accrual::interest(
                balances.balance_days(Span::new(flat.terms.disbursed_on, c.on), freeze),
                flat.terms.annual_rate_ppm,
            );
            prop_assert!((st.interest_accrued + st.overdue_interest - whole).abs() <= 1, "{} + {} vs {}", st.interest_accrued, st.overdue_interest, whole);
        }
    }

    #[test]
    fn reminders_fall_inside_the_window(c in case()) {
        let st = status_of(&c);
        let end = c.on + Days::new(u64::from(c.window));
        for r in &st.reminders {
            prop_assert!(c.on <= r.due_on && r.due_on <= end);
            prop_assert!(r.amount_remaining > 0);
        }
        prop_assert!(st.reminders.windows(2).all(|w| w[0].due_on <= w[1].due_on));
        if let Some(next) = &st.next_instalment {
            prop_assert!(next.due_on >= c.on && next.amount_remaining > 0);
        }
    }

    #[test]
    fn later_payments_change_nothing(c in case(), after in 1u64..400, amount in 1i64..10_000_000) {
        let mut later = c.clone();
        later.payments.push(Payment {
            paid_on: c.on + Days::new(after),
            principal_paid: amount,
            interest_paid: amount,
            overdue_interest_paid: amount,
        });
        prop_assert_eq!(status_of(&later), status_of(&c));
    }
}
