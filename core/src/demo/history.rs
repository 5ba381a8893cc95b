//! Demo loan histories: relief granted, payments made up to "today", and the funded model with its site.

use chrono::{Datelike, Duration, NaiveDate};
use rand::Rng;

use super::{Behaviour, Generator};
use crate::loans::Instalment;
use crate::places::geo::random_point_in;
use crate::records::{Borrower, FundedModel, Loan, LoanPayment, Site};

/// Interest for `days` on `balance` the VBSP way: the monthly rate (yearly / 12) over 30 days.
fn interest(balance: i64, annual_rate_ppm: i64, days: i64) -> i64 {
    (balance as i128 * annual_rate_ppm as i128 * days as i128 / (360 * 1_000_000)) as i64
}

/// The monthly session day of the commune's transaction point, in 1..=28.
fn session_day(commune_code: &str) -> u32 {
    commune_code.bytes().map(u32::from).sum::<u32>() % 20 + 5
}

impl Generator {
    pub(super) fn relief(&mut self, loan: &mut Loan, schedule: &mut [Instalment], behaviour: Behaviour) {
        let as_of = self.spec.as_of;
        match behaviour {
            Behaviour::Frozen => {
                let from = (loan.disbursed_on + Duration::days(200)).min(as_of - Duration::days(10));
                loan.relief = "frozen".into();
                loan.relief_from = Some(from.max(loan.disbursed_on));
                loan.relief_to = Some(from + Duration::days(730));
            }
            Behaviour::Extended => {
                // Gia hạn: the last instalment moves out by a year.
                if let Some(last) = schedule.last_mut() {
                    last.due_on += Duration::days(365);
                    loan.maturity_on = last.due_on;
                }
                loan.relief = "extended".into();
                loan.relief_from = Some(as_of - Duration::days(self.rng.random_range(1..90)));
            }
            Behaviour::WrittenOff => {
                loan.relief = "written_off".into();
                loan.relief_from = Some(as_of - Duration::days(self.rng.random_range(1..120)));
            }
            _ => {}
        }
    }

    /// Payments up to `as_of`: interest monthly at the transaction point, principal on (or after) each due date.
    pub(super) fn payments(&mut self, loan: &Loan, schedule: &[Instalment], behaviour: Behaviour, commune_code: &str) {
        let as_of = self.spec.as_of;
        let stop_at = match behaviour {
            Behaviour::Stopped | Behaviour::WrittenOff => {
                loan.disbursed_on + Duration::days(self.rng.random_range(60..400))
            }
            Behaviour::Frozen => loan.relief_from.unwrap_or(as_of),
            _ => as_of,
        };
        let late_by = if behaviour == Behaviour::Late { self.rng.random_range(15..75) } else { 0 };
        let day = session_day(commune_code);
        let mut balance = loan.principal;
        let mut last_interest_day = loan.disbursed_on;
        let mut next_instalment = 0usize;
        let mut month = loan.disbursed_on;
        loop {
            month = next_session(month, day);
            if month > as_of.min(stop_at) {
                break;
            }
            // Principal instalments due up to this session, paid (late payers pay `late_by` days after).
            while next_instalment < schedule.len()
                && schedule[next_instalment].due_on + Duration::days(late_by) <= month
            {
                let amount = schedule[next_instalment].principal_due.min(balance);
                let paid_on = schedule[next_instalment].due_on + Duration::days(late_by);
                let owed = interest(balance, loan.annual_rate_ppm, (paid_on - last_interest_day).num_days());
                self.push_payment(loan, paid_on, amount, owed);
                balance -= amount;
                last_interest_day = paid_on;
                next_instalment += 1;
            }
            if balance <= 0 {
                break;
            }
            if behaviour == Behaviour::Settled && month > loan.disbursed_on + Duration::days(500) {
                let owed = interest(balance, loan.annual_rate_ppm, (month - last_interest_day).num_days());
                self.push_payment(loan, month, balance, owed);
                break;
            }
            if month > last_interest_day {
                let owed = interest(balance, loan.annual_rate_ppm, (month - last_interest_day).num_days());
                self.push_payment(loan, month, 0, owed);
                last_interest_day = month;
            }
        }
    }

    fn push_payment(&mut self, loan: &Loan, paid_on: NaiveDate, principal: i64, interest: i64) {
        let id = self.ids.next(&mut self.rng);
        self.batch.payments.push(LoanPayment {
            id,
            loan_id: loan.id.clone(),
            paid_on,
            principal_paid: principal,
            interest_paid: interest,
            overdue_interest_paid: 0,
        });
    }

    pub(super) fn model_and_site(
        &mut self,
        loan: &Loan,
        borrower: &Borrower,
        kind: &str,
        purpose: &str,
        is_land: bool,
        area: f64,
    ) {
        let model_id = self.ids.next(&mut self.rng);
        let funded_area = is_land.then(|| (area * self.rng.random_range(0.5..1.8) * 100.0).round() / 100.0);
        let (lat, lon) = random_point_in(&borrower.commune_code, &mut self.rng).unwrap_or((21.85, 106.76));
        let plot = funded_area.map(|ha| plot_around(lat, lon, ha, &mut self.rng));
        self.batch.models.push(FundedModel {
            id: model_id.clone(),
            loan_id: loan.id.clone(),
            kind: kind.into(),
            description: purpose.into(),
            funded_area_ha: funded_area,
            jobs_planned: if loan.principal > 200_000_000 {
                self.rng.random_range(3..20)
            } else {
                self.rng.random_range(1..3)
            },
        });
        let site_id = self.ids.next(&mut self.rng);
        self.batch.sites.push(Site {
            id: site_id,
            model_id,
            commune_code: borrower.commune_code.clone(),
            lat,
            lon,
            radius_m: if is_land { 60.0 } else { 30.0 },
            plot,
        });
    }
}

/// The next transaction-point session strictly after `after`.
fn next_session(after: NaiveDate, day: u32) -> NaiveDate {
    let this_month = NaiveDate::from_ymd_opt(after.year(), after.month(), day).expect("day ≤ 28");
    if this_month > after {
        return this_month;
    }
    let (y, m) = if after.month() == 12 { (after.year() + 1, 1) } else { (after.year(), after.month() + 1) };
    NaiveDate::from_ymd_opt(y, m, day).expect("day ≤ 28")
}

/// A rough plot ring of about `hectares` around a point: seven jittered vertices, closed, in `[lon, lat]` order.
fn plot_around(lat: f64, lon: f64, hectares: f64, rng: &mut impl Rng) -> Vec<[f64; 2]> {
    let radius_m = (hectares * 10_000.0 / std::f64::consts::PI).sqrt();
    let m_per_deg_lat = 110_574.0;
    let m_per_deg_lon = 111_320.0 * lat.to_radians().cos();
    let mut ring: Vec<[f64; 2]> = (0..7)
        .map(|k| {
            let angle = k as f64 / 7.0 * std::f64::consts::TAU;
            let r = radius_m * rng.random_range(0.85..1.15);
            [lon + r * angle.cos() / m_per_deg_lon, lat + r * angle.sin() / m_per_deg_lat]
        })
        .map(|[x, y]| [(x * 1e6).round() / 1e6, (y * 1e6).round() / 1e6])
        .collect();
    ring.push(ring[0]);
    ring
}
