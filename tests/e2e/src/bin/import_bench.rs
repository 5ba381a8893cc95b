//! `import_bench`: the loan import at the size of a province's book (issue 10: "importing 100,000 loans with 1.2
//! million payments takes under 60 s on SQLite and on PostgreSQL").
//!
//! Writes a book of `--loans` loans with their payment history (about twelve payments a loan: the last year's
//! monthly interest and the instalments) and relief events with `server/tests/data/make_samples.py --bench`, then
//! times `vieclam-server import loans` on it into a fresh SQLite database and into a fresh database of a throwaway
//! PostgreSQL cluster, and prints a table: rows, seconds, records per second, budget, met. The import is timed end
//! to end as the office runs it: reading, checking every row, and writing in one transaction.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::Parser;
use comfy_table::Table;
use vieclam_e2e::bins;
use vieclam_e2e::postgres::PgCluster;
use vieclam_test_support::bench_rows::{self, Budget};

/// The budget, seconds.
const BUDGET_S: f64 = 60.0;

/// Options.
#[derive(Debug, Parser)]
struct Args {
    /// Loans in the book.
    #[arg(long, default_value_t = 100_000)]
    loans: usize,
}

fn lines(path: &Path) -> usize {
    std::fs::read_to_string(path).map(|t| t.lines().count().saturating_sub(1)).unwrap_or(0)
}

/// Runs the import with `store_args` (`--data DIR` or `--database-url URL`); answers seconds taken.
fn import(server: &Path, store_args: &[String], files: &[PathBuf]) -> Result<f64, String> {
    let started = Instant::now();
    let out = Command::new(server)
        .args(store_args)
        .args(["import", "loans"])
        .args(files)
        .env_remove("DATABASE_URL")
        .output()
        .map_err(|e| format!("running the import: {e}"))?;
    let took = started.elapsed().as_secs_f64();
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stdout);
        let head: String = said.lines().take(5).collect::<Vec<_>>().join("\n");
        return Err(format!("the import failed: {head}\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(took)
}

fn main() -> Result<(), String> {
    let args = Args::parse();
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let book = work.path().join("book");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../server/tests/data/make_samples.py");
    let made = Command::new("python3")
        .arg(&script)
        .args(["--bench", &book.display().to_string(), &args.loans.to_string()])
        .status()
        .map_err(|e| format!("python3: {e}"))?;
    if !made.success() {
        return Err("make_samples.py --bench failed".into());
    }
    let files: Vec<PathBuf> = ["du-no.csv", "tra-no.csv", "xu-ly-no.csv"].iter().map(|f| book.join(f)).collect();
    let (loans, payments, relief) = (lines(&files[0]) - 1, lines(&files[1]), lines(&files[2]));
    let rows = loans + payments + relief;
    let server = bins::binary(bins::SERVER).map_err(|e| e.to_string())?;

    let mut table = Table::new();
    table.set_header(vec!["database", "loans", "payments", "relief", "seconds", "rows / s", "budget", "met"]);
    let debug = if cfg!(debug_assertions) { ", debug build" } else { "" };
    let mut row = |budget: &Budget, db: &str, took: f64| {
        bench_rows::record(
            budget,
            &format!("import into {db}: {loans} loans, {payments} payments, {relief} relief events{debug}"),
            &format!("{took:.1} s"),
            took <= BUDGET_S,
        );
        let met = if took <= BUDGET_S { "yes" } else { "NO" };
        table.add_row(vec![
            db.to_owned(),
            loans.to_string(),
            payments.to_string(),
            relief.to_string(),
            format!("{took:.1}"),
            format!("{:.0}", rows as f64 / took),
            format!("≤ {BUDGET_S:.0} s"),
            met.to_owned(),
        ]);
    };
    let sqlite = ["--data".to_owned(), work.path().join("sqlite").display().to_string()];
    row(&bench_rows::I10A, "SQLite", import(&server, &sqlite, &files)?);
    let cluster = PgCluster::start().map_err(|e| e.to_string())?;
    let url = cluster.fresh_database().map_err(|e| e.to_string())?;
    let pg = ["--data".to_owned(), work.path().join("pg").display().to_string(), "--database-url".to_owned(), url];
    row(&bench_rows::I10B, "PostgreSQL", import(&server, &pg, &files)?);
    println!("{table}");
    Ok(())
}
