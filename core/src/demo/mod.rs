//! A deterministic demo province: believable borrowers, loans, sites and programmes across the 65 real communes.
//!
//! The same `(loans, seed, as_of)` always gives the same records, byte for byte, so tests, benchmarks and the CLI
//! can rely on it. Loans follow the rule set in force on their disbursement day; repayment behaviour is a mix the
//! office would recognise: most borrowers pay on time, some pay late, a few stop paying, a few loans are frozen,
//! extended or written off. Sites lie inside their commune's real boundary.

mod names;
mod people;

use chrono::{Datelike, Duration, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::error::{Error, Result};
use crate::loans::rules::{RuleSet, default_rule_sets, in_force};
use crate::loans::schedule::equal_instalments;
use crate::places::{COMMUNE_LIST, communes};
use crate::records::*;
use crate::store::Store;
use crate::store::office::OfficeBatch;

pub use people::DemoIds;

/// Smallest and largest demo sizes, in loans.
pub const SIZES: std::ops::RangeInclusive<usize> = 100..=100_000;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct DemoSpec {
    /// How many loans.
    pub loans: usize,
    /// Random seed: the same seed gives the same province.
    pub seed: u64,
    /// "Today" for the generated history: nothing is paid after it.
    pub as_of: NaiveDate,
}

/// Refuses a demo size outside [`SIZES`].
pub fn check_size(loans: usize) -> Result<()> {
    if SIZES.contains(&loans) {
        return Ok(());
    }
    Err(Error::BadArgument(format!("demo size {loans} is outside {}..={} loans", SIZES.start(), SIZES.end())))
}

/// Generates the demo province as one batch of office records.
pub fn generate(spec: DemoSpec) -> Result<OfficeBatch> {
    check_size(spec.loans)?;
    let mut g = Generator {
        rng: ChaCha8Rng::seed_from_u64(spec.seed),
        ids: DemoIds::new(spec.seed),
        spec,
        batch: OfficeBatch::default(),
    };
    g.catalogue();
    g.province();
    Ok(g.batch)
}

/// Generates the demo province and writes it into `store` in one transaction.
pub fn load(store: &mut Store, spec: DemoSpec) -> Result<OfficeBatch> {
    let batch = generate(spec)?;
    store.apply_office_batch(&batch)?;
    Ok(batch)
}

/// How a borrower repays, drawn once per loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Behaviour {
    OnTime,
    Late,
    Stopped,
    Frozen,
    Extended,
    WrittenOff,
    Settled,
}

struct Generator {
    rng: ChaCha8Rng,
    ids: DemoIds,
    spec: DemoSpec,
    batch: OfficeBatch,
}

impl Generator {
    fn catalogue(&mut self) {
        let b = &mut self.batch;
        for (code, kind, vi, en) in [
            ("TVL-LD", "job_creation_worker", "Cho vay tạo việc làm (người lao động)", "Job-creation loan (worker)"),
            (
                "TVL-CS",
                "job_creation_business",
                "Cho vay tạo việc làm (cơ sở sản xuất, kinh doanh)",
                "Job-creation loan (business)",
            ),
            (
                "XKLD",
                "overseas_contract",
                "Cho vay đi làm việc ở nước ngoài theo hợp đồng",
                "Loan for contract work abroad",
            ),
        ] {
            b.programmes.push(LoanProgramme {
                id: self.ids.next(&mut self.rng),
                code: code.into(),
                kind: kind.into(),
                name_vi: vi.into(),
                name_en: en.into(),
            });
        }
        for (i, (name, markets)) in names::ENTERPRISES.iter().enumerate() {
            b.enterprises.push(SendingEnterprise {
                id: self.ids.next(&mut self.rng),
                name: (*name).into(),
                licence_no: format!("{:03}/LĐTBXH-GP", 100 + i * 37),
                markets: markets.iter().map(|m| (*m).into()).collect(),
                status: if i == names::ENTERPRISES.len() - 1 { "suspended".into() } else { "active".into() },
            });
        }
        let opens = NaiveDate::from_ymd_opt(self.spec.as_of.year(), 1, 15).expect("valid date");
        for (kind, title, description) in names::JOB_PROGRAMMES {
            let commune = communes().choose(&mut self.rng).map(|c| c.code.clone());
            b.job_programmes.push(JobProgramme {
                id: self.ids.next(&mut self.rng),
                kind: (*kind).into(),
                title: (*title).into(),
                description: (*description).into(),
                commune_code: if *kind == "loan" { None } else { commune },
                enterprise_id: None,
                country: None,
                opens_on: opens,
                closes_on: Some(opens + Duration::days(365)),
                seats: Some(self.rng.random_range(10..150)),
            });
        }
        for e in b.enterprises.clone().iter().filter(|e| e.status == "active") {
            for market in &e.markets {
                b.job_programmes.push(JobProgramme {
                    id: self.ids.next(&mut self.rng),
                    kind: "overseas".into(),
                    title: format!("Làm việc tại {market} theo hợp đồng"),
                    description: format!("{} tuyển lao động đi {market}; giấy phép {}.", e.name, e.licence_no),
                    commune_code: None,
                    enterprise_id: Some(e.id.clone()),
                    country: Some(market.clone()),
                    opens_on: opens,
                    closes_on: Some(opens + Duration::days(450)),
                    seats: Some(self.rng.random_range(20..200)),
                });
            }
        }
        let plan_communes: Vec<String> = communes()
            .iter()
            .filter(|c| ["Đình Lập", "Lộc Bình", "Thất Khê", "Na Sầm"].contains(&c.short_name.as_str()))
            .map(|c| c.code.clone())
            .collect();
        b.plans.push(InspectionPlan {
            id: self.ids.next(&mut self.rng),
            code: "452/KH-SNV".into(),
            title: "Kiểm tra việc thực hiện cho vay giải quyết việc làm từ Quỹ quốc gia về việc làm".into(),
            starts_on: self.spec.as_of - Duration::days(30),
            ends_on: self.spec.as_of + Duration::days(60),
            commune_codes: plan_communes,
            team: Vec::new(),
            closed_on: None,
        });
    }

    fn province(&mut self) {
        let sets = default_rule_sets();
        let all = communes();
        let mut groups_by_commune: Vec<Vec<String>> = vec![Vec::new(); all.len()];
        let mut made = 0usize;
        while made < self.spec.loans {
            // Communes differ in size: weight the draw towards the bigger rural ones.
            let ci = (self.rng.random::<f64>().powf(1.3) * all.len() as f64) as usize % all.len();
            let commune = &all[ci];
            if groups_by_commune[ci].is_empty() || self.rng.random_bool(0.03) {
                let group = self.people_group(&commune.code, groups_by_commune[ci].len());
                groups_by_commune[ci].push(group);
            }
            let group_id = groups_by_commune[ci].choose(&mut self.rng).cloned();
            let borrower = self.people_borrower(&commune.code, &commune.short_name, group_id);
            let loans_here = if self.rng.random_bool(0.1) && made + 1 < self.spec.loans { 2 } else { 1 };
            for _ in 0..loans_here {
                self.loan(&borrower, &sets, made);
                made += 1;
            }
            self.batch.borrowers.push(borrower);
        }
        debug_assert_eq!(self.batch.loans.len(), self.spec.loans);
        let _ = COMMUNE_LIST;
    }

    fn loan(&mut self, borrower: &Borrower, sets: &[RuleSet], n: usize) {
        let days_back = self.rng.random_range(20..(6 * 365));
        let disbursed_on = self.spec.as_of - Duration::days(days_back);
        let set = in_force(sets, disbursed_on).unwrap_or(&sets[sets.len() - 1]);
        let (programme, principal) = self.programme_and_amount(set);
        let rate = match (programme, borrower.ethnic_minority) {
            (2, false) => set.values.overseas_rate_ppm,
            (2, true) => set.values.overseas_priority_rate_ppm,
            (_, true) if self.rng.random_bool(0.4) => set.values.priority_rate_ppm,
            _ => set.values.standard_rate_ppm,
        };
        let term_months = *[36u32, 48, 60, 60, 36].choose(&mut self.rng).expect("non-empty");
        let every = if self.rng.random_bool(0.7) { 6 } else { 12 };
        let mut schedule = equal_instalments(principal, disbursed_on, term_months, every);
        let behaviour = self.behaviour();
        let (model_kind, purpose, is_land, area) = *names::MODELS.choose(&mut self.rng).expect("non-empty");
        let mut loan = Loan {
            findings: Vec::new(),
            id: self.ids.next(&mut self.rng),
            agreement_no: format!("{}{:07}", 7300 + (n % 11), 1_000_000 + n),
            borrower_id: borrower.id.clone(),
            programme_id: self.batch.programmes[programme].id.clone(),
            rule_set_id: set.id.clone(),
            vbsp_office: "Phòng giao dịch NHCSXH".into(),
            purpose: purpose.into(),
            disbursed_on,
            maturity_on: schedule.last().map(|i| i.due_on).unwrap_or(disbursed_on),
            principal,
            annual_rate_ppm: rate,
            overdue_rate_ppm: set.overdue_rate_ppm(rate),
            savings_balance: self.rng.random_range(0..40) * 50_000,
            relief: "none".into(),
            relief_from: None,
            relief_to: None,
        };
        self.relief(&mut loan, &mut schedule, behaviour);
        self.payments(&loan, &schedule, behaviour, &borrower.commune_code);
        self.model_and_site(&loan, borrower, model_kind, purpose, is_land, area);
        self.batch.schedules.push((loan.id.clone(), schedule));
        self.batch.loans.push(loan);
    }

    fn programme_and_amount(&mut self, set: &RuleSet) -> (usize, i64) {
        let roll = self.rng.random::<f64>();
        let million = 1_000_000i64;
        if roll < 0.06 {
            (2, self.rng.random_range(60..=160) * million)
        } else if roll < 0.09 {
            let cap = (set.values.business_limit / million).min(1_000);
            (1, self.rng.random_range(200..=cap.max(201)) * million)
        } else {
            let cap = set.values.worker_limit / million;
            (0, self.rng.random_range(4..=cap / 5) * 5 * million)
        }
    }

    fn behaviour(&mut self) -> Behaviour {
        match self.rng.random_range(0..1000) {
            0..=779 => Behaviour::OnTime,
            780..=869 => Behaviour::Late,
            870..=929 => Behaviour::Stopped,
            930..=959 => Behaviour::Frozen,
            960..=979 => Behaviour::Extended,
            980..=984 => Behaviour::WrittenOff,
            _ => Behaviour::Settled,
        }
    }
}

mod history;
