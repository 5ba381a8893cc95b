//! P4: the on-device store with 100,000 loans — folded search, nearest sites, one borrower's loan status.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::query::{SearchKind, SiteScope, borrower_loans, search, sites_near};
use vieclam_core::{DbKey, Lang, Store};

use vieclam_test_support::bench_rows::{self, Budget};

use crate::Row;

const KEY: DbKey = DbKey::Raw([0x42; 32]);

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 15).expect("valid date")
}

/// The demo province a store of `loans` loans holds.
fn spec(loans: usize) -> DemoSpec {
    DemoSpec { loans, seed: 4, as_of: as_of() }
}

/// Opens the kept store, or makes it.
fn store(dir: &Path, loans: usize) -> vieclam_core::Result<Store> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("p4-{loans}.db"));
    if path.exists() {
        return Store::open(&path, &KEY);
    }
    let started = Instant::now();
    let mut store = Store::open(&path, &KEY)?;
    demo::load(&mut store, spec(loans))?;
    eprintln!("made {} with {loans} demo loans in {:.1} s", path.display(), started.elapsed().as_secs_f64());
    Ok(store)
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// Measures the three P4 figures.
pub fn run(dir: &Path, loans: usize, samples: usize) -> vieclam_core::Result<Vec<Row>> {
    let store = store(dir, loans)?;
    let mut rng = ChaCha8Rng::seed_from_u64(7);

    // Queries people type: commune names and given/family names, without diacritics, some partial.
    let queries = [
        "dinh lap",
        "loc binh",
        "hoang van",
        "nguyen thi hang",
        "hoa",
        "that khe",
        "nong",
        "lap",
        "vi thi",
        "trang dinh",
    ];
    let mut t = Vec::with_capacity(samples);
    for i in 0..samples {
        let q = queries[i % queries.len()];
        let start = Instant::now();
        let page = search(&store, q, &[SearchKind::Borrower], 0, 50)?;
        t.push(start.elapsed());
        assert!(!page.hits.is_empty(), "{q} finds someone");
    }
    let search_p95 = percentile(&mut t, 0.95);

    // Where inspectors stand: random points inside random communes of the province.
    let communes = vieclam_core::places::communes();
    let mut t = Vec::with_capacity(samples);
    for _ in 0..samples {
        let code = &communes[rng.random_range(0..communes.len())].code;
        let (lat, lon) = vieclam_core::places::geo::random_point_in(code, &mut rng).expect("every commune has points");
        let start = Instant::now();
        let near = sites_near(&store, lat, lon, 20, SiteScope::All, Lang::Vi)?;
        t.push(start.elapsed());
        assert_eq!(near.len(), 20);
    }
    let near_p95 = percentile(&mut t, 0.95);

    // The kept store holds the demo province of `spec(loans)`, which is the same every time: its borrowers are
    // generated again rather than read out of the store behind the core's back.
    let borrowers = demo::generate(spec(loans))?.borrowers;
    let ids: Vec<&str> = borrowers.choose_multiple(&mut rng, 1000).map(|b| b.id.as_str()).collect();
    let mut t = Vec::with_capacity(samples);
    for i in 0..samples {
        let start = Instant::now();
        let loans = borrower_loans(&store, ids[i % ids.len()], as_of(), Lang::Vi)?;
        t.push(start.elapsed());
        assert!(!loans.rows.is_empty());
    }
    let status_p95 = percentile(&mut t, 0.95);

    let row = |id: &'static Budget, what: &str, d: Duration, budget_ms: f64| Row {
        id,
        what: format!("P4 {what} ({loans} loans, p95 of {samples})"),
        measured: ms(d),
        budget: format!("≤ {budget_ms} ms"),
        ok: d.as_secs_f64() * 1e3 <= budget_ms,
    };
    Ok(vec![
        row(&bench_rows::P4A, "folded search, page of 50", search_p95, 10.0),
        row(&bench_rows::P4B, "nearest 20 sites", near_p95, 2.0),
        row(&bench_rows::P4C, "one borrower's loan status", status_p95, 1.0),
    ])
}
