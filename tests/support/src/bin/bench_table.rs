//! `bench_table`: prints one table of every budget `scripts/bench.sh` measures (docs/design.md §3 in the document's
//! order, then the budgets of the issues) from the rows file the bench binaries appended to: measured, budget, met,
//! and the command that measured it. A budget with no row (its bench failed or was skipped) shows "not measured"
//! and is not met.
//!
//! `bench_table [ROWS]` (default `$VIECLAM_BENCH_ROWS`); exits 0 when every budget is met, 2 when one is not (or was
//! not measured), 1 when the rows file cannot be read.

use std::process::ExitCode;

use vieclam_test_support::bench_rows::{ROWS_ENV, all, parse_rows, table};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).or_else(|| std::env::var_os(ROWS_ENV)) else {
        eprintln!("usage: bench_table ROWS (or set {ROWS_ENV})");
        return ExitCode::FAILURE;
    };
    let path = std::path::PathBuf::from(path);
    // A rows file nobody wrote to is every budget unmeasured, not an error.
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            eprintln!("bench_table: reading {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let (rows, bad) = parse_rows(&text);
    for line in bad {
        eprintln!("bench_table: {}:{line} is not a row (id, figure, measured, budget, met, command)", path.display());
    }
    let (table, met) = table(&rows);
    println!("Budgets (docs/design.md §3, then the issues'), from {}:", path.display());
    print!("{table}");
    let total = all().count();
    let measured = all().filter(|b| rows.iter().any(|r| r.id == b.id)).count();
    println!(
        "{measured} of {total} budgets measured; {}",
        if met { "every budget met" } else { "NOT every budget met" }
    );
    if met { ExitCode::SUCCESS } else { ExitCode::from(2) }
}
