//! `vieclam-bench`: measures the figures of docs/design.md (figures) that this build can reach and prints them against their
//! budgets. Run through `scripts/bench.sh`, which builds the release bindings library for P6 first.
//!
//! P4 runs on a store of 100,000 demo loans, made once and kept so later runs start at once; P5 runs the photo
//! path on a small demo store of its own.

mod p4;
mod p5;

use std::path::PathBuf;

use clap::Parser;
use vieclam_test_support::bench_rows::{self, Budget};

/// Options.
#[derive(Debug, Parser)]
struct Args {
    /// Loans in the P4 store.
    #[arg(long, default_value_t = 100_000)]
    loans: usize,
    /// Where to keep the P4 store between runs.
    #[arg(long, default_value = "target/bench")]
    dir: PathBuf,
    /// The stripped release bindings library, for P6.
    #[arg(long)]
    lib: Option<PathBuf>,
    /// Samples per P4 measurement.
    #[arg(long, default_value_t = 500)]
    samples: usize,
    /// Photos through the P5 pipeline.
    #[arg(long, default_value_t = 8)]
    photos: usize,
}

/// One line of the table.
pub struct Row {
    /// The budget of docs/design.md §3 it is measured against (the id of its row in bench.sh's table).
    pub id: &'static Budget,
    /// Budget id and what is measured.
    pub what: String,
    /// The measured figure, formatted.
    pub measured: String,
    /// The budget, formatted.
    pub budget: String,
    /// Whether the budget is met.
    pub ok: bool,
}

fn main() {
    let args = Args::parse();
    let mut rows = match p4::run(&args.dir, args.loans, args.samples) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("P4 failed: {e}");
            std::process::exit(1);
        }
    };
    match p5::run(&args.dir, args.photos) {
        Ok(r) => rows.extend(r),
        Err(e) => {
            eprintln!("P5 failed: {e}");
            record(&rows);
            std::process::exit(1);
        }
    }
    if let Some(lib) = &args.lib {
        match std::fs::metadata(lib) {
            Ok(m) => {
                let mb = m.len() as f64 / 1_000_000.0;
                rows.push(Row {
                    id: &bench_rows::P6A,
                    what: format!("P6 bindings library, release, stripped, x86-64 ({})", lib.display()),
                    measured: format!("{mb:.2} MB"),
                    budget: "≤ 12 MB".into(),
                    ok: mb <= 12.0,
                });
            }
            Err(e) => eprintln!("P6: cannot read {}: {e}", lib.display()),
        }
    }
    let w0 = rows.iter().map(|r| r.what.chars().count()).max().unwrap_or(0);
    let w1 = rows.iter().map(|r| r.measured.chars().count()).max().unwrap_or(0).max(8);
    println!("| {:<w0$} | {:>w1$} | {:<12} | {:<4} |", "figure", "measured", "budget", "met");
    println!("|{}|{}|{}|{}|", "-".repeat(w0 + 2), "-".repeat(w1 + 2), "-".repeat(14), "-".repeat(6));
    for r in &rows {
        let padded_budget = format!("{:<12}", r.budget);
        println!(
            "| {:<w0$} | {:>w1$} | {} | {:<4} |",
            r.what,
            r.measured,
            padded_budget,
            if r.ok { "yes" } else { "NO" }
        );
    }
    record(&rows);
}

/// Appends `rows` to the rows file of bench.sh's one table (`$VIECLAM_BENCH_ROWS`; nothing when unset).
fn record(rows: &[Row]) {
    let debug = if cfg!(debug_assertions) { ", debug build" } else { "" };
    for r in rows {
        // "P4 folded search…": the table's id already names the figure.
        let what = r.what.strip_prefix(&r.id.id[..2]).map_or(r.what.as_str(), str::trim_start);
        bench_rows::record(r.id, &format!("{what}{debug}"), &r.measured, r.ok);
    }
}
