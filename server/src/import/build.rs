//! Turning rows into records: each cell checked with the core's own rules (ID numbers, phones, communes, rule sets,
//! schedules, point-in-commune), every problem of a row reported, and only whole good rows kept.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use vieclam_core::fold::fold;
use vieclam_core::format::money;
use vieclam_core::loans::rules::{RuleSet, in_force};
use vieclam_core::loans::schedule::{add_months, equal_instalments};
use vieclam_core::messages::Text;
use vieclam_core::places::{commune, commune_at};
use vieclam_core::records::{Borrower, FundedModel, Loan, Site};
use vieclam_core::registration::cccd::{self, IdError};
use vieclam_core::registration::phone::{self, PhoneError};

use super::cells;
use super::columns::{Columns, Field, key};
use super::records::{model_kind, programme, site_radius_m, stable_id};
use super::table::{Cell, Row};
use super::{LoanImport, RowError};
use vieclam_core::messages::import as m;

/// Instalments every six months when the export does not say: the most common shape of these loans.
const DEFAULT_REPAY_EVERY_MONTHS: i64 = 6;

/// Collects the records of good rows and the problems of bad ones.
pub struct Builder {
    pub(super) today: NaiveDate,
    /// The table being read (a sheet's name, or the file's), for the report.
    pub(super) table: String,
    pub(super) payments_pending: Vec<super::history::PendingPayment>,
    pub(super) relief_pending: Vec<super::history::PendingRelief>,
    sets: Vec<RuleSet>,
    /// Agreement number → row that holds it.
    agreements: HashMap<String, u64>,
    /// ID digits → (row, folded name, birth year, borrower id).
    borrowers: HashMap<String, (u64, String, i32, String)>,
    programmes: BTreeSet<String>,
    /// Ids of the savings groups already in the batch.
    groups: HashSet<String>,
    /// Transaction points already in the batch.
    pub(super) points: super::calendar::PointIndex,
    pub(super) out: LoanImport,
}

/// The problems of one row, each tied to its column.
pub(super) struct Problems<'a> {
    pub(super) row: &'a Row,
    pub(super) cols: &'a Columns,
    pub(super) list: Vec<RowError>,
}

impl Problems<'_> {
    pub(super) fn add(&mut self, field: Field, problem: &str, text: Text, args: &[(&str, &str)]) {
        let code = format!("{}.{problem}", key(field));
        self.list.push(RowError::new(self.row.number, self.cols.header(field), code, text, args));
    }

    fn cell(&self, field: Field) -> &Cell {
        self.cols.cell(self.row, field)
    }

    /// The cell as text with runs of spaces collapsed; a required empty cell or one longer than `max` is a problem.
    pub(super) fn text(&mut self, field: Field, required: bool, max: usize) -> Option<String> {
        let text = self.cell(field).text().split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            if required {
                self.add(field, "required", m::REQUIRED, &[]);
                return None;
            }
            return Some(text);
        }
        if text.chars().count() > max {
            self.add(field, "too_long", m::TOO_LONG, &[("max", &max.to_string())]);
            return None;
        }
        Some(text)
    }

    /// A required value read by `parse`; an empty cell is `required`, an unreadable one `format` with `text`.
    pub(super) fn value<T>(&mut self, field: Field, parse: fn(&Cell) -> Option<T>, text: Text) -> Option<T> {
        if self.cell(field).is_empty() {
            self.add(field, "required", m::REQUIRED, &[]);
            return None;
        }
        let v = parse(self.cell(field));
        if v.is_none() {
            self.add(field, "format", text, &[]);
        }
        v
    }

    /// An optional value: `Some(None)` when empty, `None` (a problem) when unreadable.
    pub(super) fn optional<T>(&mut self, field: Field, parse: fn(&Cell) -> Option<T>, text: Text) -> Option<Option<T>> {
        if self.cell(field).is_empty() {
            return Some(None);
        }
        let v = parse(self.cell(field));
        if v.is_none() {
            self.add(field, "format", text, &[]);
        }
        v.map(Some)
    }
}

/// A funded model as a row gives it: kind, description, funded area (ha), jobs planned.
type ModelCells = (String, String, Option<f64>, i64);

/// What the cells of one good row say.
struct Parsed {
    agreement_no: String,
    programme_code: String,
    borrower: Borrower,
    loan: Loan,
    term_months: u32,
    every_months: u32,
    model: Option<ModelCells>,
    site: Option<(f64, f64)>,
    findings: Vec<RowError>,
    group: Option<vieclam_core::records::SavingsGroup>,
}

impl Builder {
    /// A builder for an import as of `today`, judging each loan by the set of `sets` in force on its disbursement.
    pub fn new(today: NaiveDate, sets: &[RuleSet]) -> Builder {
        Builder {
            today,
            table: String::new(),
            payments_pending: Vec::new(),
            relief_pending: Vec::new(),
            sets: sets.to_vec(),
            agreements: HashMap::new(),
            borrowers: HashMap::new(),
            programmes: BTreeSet::new(),
            groups: HashSet::new(),
            points: HashMap::new(),
            out: LoanImport::default(),
        }
    }

    /// Reads one data row: its records join the batch, or its problems join the report.
    pub fn row(&mut self, cols: &Columns, row: &Row) {
        let mut p = Problems { row, cols, list: Vec::new() };
        let parsed = self.parse(&mut p);
        let parsed = parsed.filter(|_| p.list.is_empty()).and_then(|parsed| self.cross_check(&mut p, parsed));
        match parsed {
            Some(parsed) if p.list.is_empty() => self.accept(row.number, parsed),
            _ => self.reject(p.list),
        }
    }

    /// Starts reading the table named `name` (a sheet, or a file): the rows read next are reported under it.
    pub fn start_table(&mut self, name: &str) {
        self.table = name.to_owned();
    }

    /// Reports a row's problems under the table being read.
    pub(super) fn reject(&mut self, mut list: Vec<RowError>) {
        for e in &mut list {
            e.table.clone_from(&self.table);
        }
        self.out.rejected.append(&mut list);
    }

    /// The import, its histories tied to its loans, with the programmes its loans use.
    pub fn finish(mut self) -> LoanImport {
        self.resolve_history();
        self.out.batch.programmes = self.programmes.iter().filter_map(|c| programme(c)).collect();
        self.out
    }

    fn parse(&self, p: &mut Problems) -> Option<Parsed> {
        let agreement_no = p.text(Field::AgreementNo, true, 40);
        let full_name = p.text(Field::FullName, true, 200).filter(|name| {
            let ok = name.chars().count() <= 100 && !name.chars().any(|c| c.is_ascii_digit());
            if !ok {
                p.add(Field::FullName, "format", m::NAME_FORMAT, &[]);
            }
            ok
        });
        let birth_year = self.birth_year(p);
        let id_number = id_number(p, birth_year);
        let phone = phone_number(p);
        let address = p.text(Field::Address, true, 200);
        let commune_code = commune_code(p);
        let programme = self.programme(p);
        let disbursed = self.disbursed(p);
        let maturity = p.value(Field::MaturityOn, cells::date, m::DATE_FORMAT);
        let principal = p.value(Field::Principal, cells::money, m::MONEY_FORMAT);
        let rate = p.value(Field::AnnualRate, cells::rate_ppm, m::NUMBER_FORMAT).filter(|r| {
            let ok = (1..=200_000).contains(r);
            if !ok {
                p.add(Field::AnnualRate, "range", m::RATE_RANGE, &[]);
            }
            ok
        });
        let purpose = p.text(Field::Purpose, true, 200);
        let vbsp_office = p.text(Field::VbspOffice, true, 120);
        let every = repay_every(p);
        let ethnic = p.optional(Field::EthnicMinority, cells::yes_no, m::YES_NO_FORMAT);
        let savings = p.optional(Field::SavingsBalance, cells::amount, m::AMOUNT_FORMAT);
        let group = super::groups::group(p, commune_code.as_deref());
        let model = model(p, purpose.as_deref());
        let site = site(p, commune_code.as_deref(), model.as_ref());
        let (set, term) = match (disbursed, maturity) {
            (Some((d, set)), Some(mat)) => self.term(p, d, mat, set)?,
            _ => return None,
        };
        let limit = programme.as_ref().and_then(|prog| limit_of(&prog.kind, set));
        if let (Some(limit), Some(amount)) = (limit, principal)
            && amount > limit
        {
            p.add(Field::Principal, "above_limit", m::ABOVE_LIMIT, &[("limit", &money(limit))]);
        }
        let (d, set) = disbursed?;
        let id_digits = id_number?;
        let agreement_no = agreement_no?;
        let rate = rate?;
        let principal = principal?;
        let commune_code = commune_code?;
        let borrower = Borrower {
            id: stable_id("borrower", &id_digits),
            full_name: full_name?,
            birth_year: birth_year?,
            id_number: id_digits,
            phone: phone?,
            address: address?,
            commune_code,
            group_id: group.as_ref()?.as_ref().map(|g| g.id.clone()),
            ethnic_minority: ethnic?.unwrap_or(false),
        };
        let loan = Loan {
            id: stable_id("loan", &agreement_no),
            agreement_no: agreement_no.clone(),
            borrower_id: borrower.id.clone(),
            programme_id: programme.as_ref()?.id.clone(),
            rule_set_id: set.id.clone(),
            vbsp_office: vbsp_office?,
            purpose: purpose?,
            disbursed_on: d,
            maturity_on: maturity?,
            principal,
            annual_rate_ppm: rate,
            overdue_rate_ppm: set.overdue_rate_ppm(rate),
            savings_balance: savings?.unwrap_or(0),
            relief: "none".into(),
            relief_from: None,
            relief_to: None,
            findings: Vec::new(),
        };
        let programme = programme?;
        let model = model?;
        let jobs = model.as_ref().map(|m| m.3);
        let facts =
            super::findings::Facts { set, kind: &programme.kind, rate_ppm: rate, principal, term_months: term, jobs };
        let findings = super::findings::of_row(p, &facts);
        let programme_code = programme.code;
        Some(Parsed {
            agreement_no,
            programme_code,
            borrower,
            loan,
            term_months: term,
            every_months: every?,
            model,
            site: site?,
            findings,
            group: group?,
        })
    }

    fn birth_year(&self, p: &mut Problems) -> Option<i32> {
        let year = p.value(Field::BirthYear, cells::whole, m::NUMBER_FORMAT)?;
        let latest = i64::from(self.today.year()) - 15;
        if !(1920..=latest).contains(&year) {
            p.add(Field::BirthYear, "range", m::BIRTH_YEAR_RANGE, &[]);
            return None;
        }
        i32::try_from(year).ok()
    }

    fn programme(&self, p: &mut Problems) -> Option<vieclam_core::records::LoanProgramme> {
        let code = p.text(Field::ProgrammeCode, true, 20)?;
        match programme(&code) {
            Some(prog) => Some(prog),
            None => {
                p.add(Field::ProgrammeCode, "unknown", m::PROGRAMME_UNKNOWN, &[("value", &code)]);
                None
            }
        }
    }

    fn disbursed<'s>(&'s self, p: &mut Problems) -> Option<(NaiveDate, &'s RuleSet)> {
        let d = p.value(Field::DisbursedOn, cells::date, m::DATE_FORMAT)?;
        if d > self.today {
            p.add(Field::DisbursedOn, "future", m::DISBURSED_FUTURE, &[]);
            return None;
        }
        let Some(set) = in_force(&self.sets, d) else {
            p.add(Field::DisbursedOn, "no_rule_set", m::NO_RULE_SET, &[]);
            return None;
        };
        Some((d, set))
    }

    /// The term in whole months: the most months whose anniversary is not after maturity.
    fn term<'s>(&self, p: &mut Problems, d: NaiveDate, mat: NaiveDate, set: &'s RuleSet) -> Option<(&'s RuleSet, u32)> {
        let rough = (mat.year() - d.year()) * 12 + mat.month() as i32 - d.month() as i32;
        let mut term = u32::try_from(rough.clamp(0, 2_400)).unwrap_or(0);
        while term > 0 && add_months(d, term) > mat {
            term -= 1;
        }
        if term == 0 {
            p.add(Field::MaturityOn, "before_disbursement", m::MATURITY_BEFORE, &[]);
            return None;
        }
        if term > set.values.max_term_months {
            let (t, max) = (term.to_string(), set.values.max_term_months.to_string());
            p.add(Field::MaturityOn, "term_too_long", m::TERM_TOO_LONG, &[("months", &t), ("max", &max)]);
            return None;
        }
        Some((set, term))
    }

    /// Checks against the rows already accepted: one agreement number once, one ID number one person.
    fn cross_check(&self, p: &mut Problems, parsed: Parsed) -> Option<Parsed> {
        if let Some(first) = self.agreements.get(&parsed.agreement_no) {
            p.add(Field::AgreementNo, "duplicate", m::AGREEMENT_DUPLICATE, &[("row", &first.to_string())]);
        }
        if let Some((first, name, year, _)) = self.borrowers.get(&parsed.borrower.id_number)
            && (*name != fold(&parsed.borrower.full_name) || *year != parsed.borrower.birth_year)
        {
            p.add(Field::IdNumber, "conflict", m::ID_CONFLICT, &[("row", &first.to_string())]);
        }
        Some(parsed)
    }

    fn accept(&mut self, row: u64, parsed: Parsed) {
        let Parsed {
            agreement_no,
            programme_code,
            borrower,
            mut loan,
            term_months,
            every_months,
            model,
            site,
            findings,
            group,
        } = parsed;
        if let Some(g) = group
            && self.groups.insert(g.id.clone())
        {
            self.out.batch.groups.push(g);
        }
        loan.findings = findings.iter().map(|f| f.code.clone()).collect();
        for mut f in findings {
            f.table.clone_from(&self.table);
            self.out.findings.push(f);
        }
        self.agreements.insert(agreement_no.clone(), row);
        self.programmes.insert(programme_code);
        if !self.borrowers.contains_key(&borrower.id_number) {
            let entry = (row, fold(&borrower.full_name), borrower.birth_year, borrower.id.clone());
            self.borrowers.insert(borrower.id_number.clone(), entry);
            self.out.batch.borrowers.push(borrower.clone());
        }
        let mut schedule = equal_instalments(loan.principal, loan.disbursed_on, term_months, every_months);
        // The agreement's maturity is the bank's date; the last instalment falls on it even mid-month.
        if let Some(last) = schedule.last_mut() {
            last.due_on = loan.maturity_on;
        }
        if let Some((kind, description, area, jobs)) = model {
            let model_id = stable_id("model", &agreement_no);
            if let Some((lat, lon)) = site {
                self.out.batch.sites.push(Site {
                    id: stable_id("site", &agreement_no),
                    model_id: model_id.clone(),
                    commune_code: borrower.commune_code.clone(),
                    lat,
                    lon,
                    radius_m: site_radius_m(&kind),
                    plot: None,
                });
            }
            self.out.batch.models.push(FundedModel {
                id: model_id,
                loan_id: loan.id.clone(),
                kind,
                description,
                funded_area_ha: area,
                jobs_planned: jobs,
            });
        }
        self.out.batch.schedules.push((loan.id.clone(), schedule));
        self.out.batch.loans.push(loan);
        self.out.accepted_rows += 1;
    }
}

/// The most a loan of this programme kind may be under `set`; `None` where the rule set fixes no limit.
fn limit_of(kind: &str, set: &RuleSet) -> Option<i64> {
    match kind {
        "job_creation_worker" => Some(set.values.worker_limit),
        "job_creation_business" => Some(set.values.business_limit),
        _ => None,
    }
}

fn id_number(p: &mut Problems, birth_year: Option<i32>) -> Option<String> {
    let text = p.text(Field::IdNumber, true, 30)?;
    match cccd::parse(&text) {
        Ok(id) => {
            let in_id = id.facts.map(|f| f.birth_year);
            if let (Some(in_id), Some(year)) = (in_id, birth_year)
                && in_id != year
            {
                p.add(Field::IdNumber, "birth_year_mismatch", m::ID_BIRTH_YEAR, &[("in_id", &in_id.to_string())]);
                return None;
            }
            Some(id.digits)
        }
        Err(IdError::Format) => {
            p.add(Field::IdNumber, "format", m::ID_FORMAT, &[]);
            None
        }
        Err(IdError::ProvinceUnknown) => {
            p.add(Field::IdNumber, "province_unknown", m::ID_PROVINCE, &[]);
            None
        }
    }
}

fn phone_number(p: &mut Problems) -> Option<Option<String>> {
    let text = p.text(Field::Phone, false, 30)?;
    if text.is_empty() {
        return Some(None);
    }
    match phone::normalise(&text) {
        Ok(n) => Some(Some(n)),
        Err(PhoneError::Format) => {
            p.add(Field::Phone, "format", m::PHONE_FORMAT, &[]);
            None
        }
        Err(PhoneError::PrefixUnknown) => {
            p.add(Field::Phone, "prefix_unknown", m::PHONE_PREFIX, &[]);
            None
        }
    }
}

/// A commune code of the 2025 list; a code Excel turned into a number (`6040`) gets its leading zeros back.
pub(super) fn commune_code(p: &mut Problems) -> Option<String> {
    let text = p.text(Field::CommuneCode, true, 20)?;
    let code = if text.len() < 5 && text.chars().all(|c| c.is_ascii_digit()) { format!("{text:0>5}") } else { text };
    match commune(&code) {
        Some(c) => Some(c.code.clone()),
        None => {
            p.add(Field::CommuneCode, "unknown", m::COMMUNE_UNKNOWN, &[("value", &code)]);
            None
        }
    }
}

fn repay_every(p: &mut Problems) -> Option<u32> {
    let every = p.optional(Field::RepayEveryMonths, cells::whole, m::NUMBER_FORMAT)?;
    let every = every.unwrap_or(DEFAULT_REPAY_EVERY_MONTHS);
    if !(1..=60).contains(&every) {
        p.add(Field::RepayEveryMonths, "range", m::REPAY_EVERY_RANGE, &[]);
        return None;
    }
    u32::try_from(every).ok()
}

/// The funded model: `Some(None)` when the row names none; `None` when what it names is bad.
fn model(p: &mut Problems, purpose: Option<&str>) -> Option<Option<ModelCells>> {
    let kind_text = p.text(Field::ModelKind, false, 60)?;
    let description = p.text(Field::ModelDescription, false, 200)?;
    let area = p.optional(Field::FundedAreaHa, cells::decimal, m::NUMBER_FORMAT)?;
    let jobs = p.optional(Field::JobsPlanned, cells::whole, m::NUMBER_FORMAT)?;
    if area.is_some_and(|a| a <= 0.0 || a > 100_000.0) {
        p.add(Field::FundedAreaHa, "range", m::NOT_POSITIVE, &[]);
    }
    if jobs.is_some_and(|j| !(1..=100_000).contains(&j)) {
        p.add(Field::JobsPlanned, "range", m::NOT_POSITIVE, &[]);
    }
    if kind_text.is_empty() {
        return Some(None);
    }
    let Some(kind) = model_kind(&kind_text) else {
        p.add(Field::ModelKind, "unknown", m::MODEL_KIND_UNKNOWN, &[]);
        return None;
    };
    let description = if description.is_empty() { purpose.unwrap_or_default().to_owned() } else { description };
    Some(Some((kind.to_owned(), description, area, jobs.unwrap_or(1))))
}

/// The site's position, checked to lie inside the row's commune with the core's boundaries.
fn site(
    p: &mut Problems,
    commune_code: Option<&str>,
    model: Option<&Option<ModelCells>>,
) -> Option<Option<(f64, f64)>> {
    let lat = p.optional(Field::SiteLat, cells::decimal, m::NUMBER_FORMAT)?;
    let lon = p.optional(Field::SiteLon, cells::decimal, m::NUMBER_FORMAT)?;
    let (lat, lon) = match (lat, lon) {
        (None, None) => return Some(None),
        (Some(lat), Some(lon)) => (lat, lon),
        (lat, _) => {
            let field = if lat.is_none() { Field::SiteLat } else { Field::SiteLon };
            p.list.push(RowError::new(
                p.row.number,
                p.cols.header(field),
                "site.incomplete".into(),
                m::SITE_INCOMPLETE,
                &[],
            ));
            return None;
        }
    };
    if matches!(model, Some(None)) {
        let header = p.cols.header(Field::ModelKind);
        p.list.push(RowError::new(p.row.number, header, "site.without_model".into(), m::SITE_WITHOUT_MODEL, &[]));
        return None;
    }
    let code = commune_code?;
    if commune_at(lat, lon).is_none_or(|c| c.code != code) {
        let header = p.cols.header(Field::SiteLat);
        p.list.push(RowError::new(p.row.number, header, "site.outside_commune".into(), m::SITE_OUTSIDE, &[]));
        return None;
    }
    Some(Some((lat, lon)))
}
