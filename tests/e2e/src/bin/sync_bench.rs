//! `sync_bench`: docs/design.md (figures) P1 and P2, measured on the wire between the real `vieclam` and `vieclam-server`.
//!
//! The office imports a bank export of `--loans` loans in one commune, each with its borrower, funded model and
//! site (`vieclam-server import loans`), and plans an inspector on that commune. A fresh `vieclam` store signs in
//! through the counting proxy and syncs: **P1** is the bytes that crossed the wire for that first download
//! (compressed bodies and HTTP headers, both ways) per loan, and the records applied per second of the client
//! process's CPU time (user + system, from `getrusage` of the finished child). **P2** is a second sync with nothing
//! new (HTTP requests the proxy saw, bytes), then one after the bank corrected `--changed` loans (re-imported with
//! a new principal). Prints the table with the budgets; exits 2 when one is not met.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use comfy_table::Table;
use vieclam_e2e::cli::Device;
use vieclam_e2e::loans_csv;
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::proxy::{FaultPolicy, Proxy, ProxyStats};
use vieclam_e2e::server::{Server, ServerConfig, admin_command};
use vieclam_test_support::bench_rows;

/// Options.
#[derive(Debug, Parser)]
struct Args {
    /// Loans in the commune's package.
    #[arg(long, default_value_t = 10_000)]
    loans: usize,
    /// Loans the bank corrects before the last incremental sync.
    #[arg(long, default_value_t = 10)]
    changed: usize,
    /// The commune (2025 code).
    #[arg(long, default_value = "05977")]
    commune: String,
    /// Run the server on PostgreSQL (a throwaway cluster unless DATABASE_URL is set) instead of SQLite.
    #[arg(long)]
    postgres: bool,
    /// Seed of the generated export.
    #[arg(long, default_value_t = 2025)]
    seed: u64,
    /// Payments a loan in the export's history (monthly interest from April 2024): P1 counts a loan with its history.
    #[arg(long, default_value_t = 12)]
    payments: usize,
}

/// What one measured `vieclam sync` did.
struct Measured {
    wire: ProxyStats,
    wall: Duration,
    cpu: Duration,
    records: u64,
    output: String,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        Err(e) => {
            eprintln!("sync_bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<bool, Box<dyn std::error::Error>> {
    let work = tempfile::tempdir()?;
    let cluster = if args.postgres { Some(PgCluster::start()?) } else { None };
    let config = match &cluster {
        Some(c) => ServerConfig::postgres(work.path().join("server"), c.fresh_database()?),
        None => ServerConfig::sqlite(work.path().join("server")),
    };

    eprintln!("importing {} loans in commune {}…", args.loans, args.commune);
    let csv = work.path().join("sao-ke.csv");
    let loans = loans_csv::write(&csv, &args.commune, args.loans, args.loans, "BN", args.seed)?;
    let started = Instant::now();
    let mut files = vec![csv.display().to_string()];
    if args.payments > 0 {
        let history = work.path().join("tra-no.csv");
        write_payments(&history, &loans, args.payments)?;
        files.push(history.display().to_string());
    }
    let import: Vec<&str> = ["import", "loans"].into_iter().chain(files.iter().map(String::as_str)).collect();
    admin_command(&config, &import)?;
    eprintln!("imported in {:.1} s", started.elapsed().as_secs_f64());
    let add = [
        "users",
        "add",
        "--role",
        "inspector",
        "--username",
        "thanhtra",
        "--name",
        "Lộc Văn Kiểm",
        "--password",
        "mat-khau-dai",
    ];
    admin_command(&config, &add)?;
    let today = vieclam_core::query::session::today_in_province();
    let (from, to) = ((today - chrono::Days::new(1)).to_string(), (today + chrono::Days::new(30)).to_string());
    admin_command(
        &config,
        &[
            "plans",
            "add",
            "--name",
            "BENCH",
            "--inspector",
            "thanhtra",
            "--communes",
            &args.commune,
            "--from",
            &from,
            "--to",
            &to,
        ],
    )?;

    let server = Server::start(config.clone())?;
    let rt = tokio::runtime::Runtime::new()?;
    let proxy = Proxy::start_on(rt.handle(), server.addr(), FaultPolicy::Pass)?;
    let device = Device::init(work.path().join("field"))?;
    device.login(&proxy.url(), "thanhtra", "mat-khau-dai")?;

    eprintln!("P1: first download…");
    let first = measured_sync(&device, &proxy)?;
    eprintln!("P2: nothing new…");
    let idle = measured_sync(&device, &proxy)?;
    eprintln!("P2: {} loans corrected by the bank…", args.changed);
    let fix = work.path().join("dieu-chinh.csv");
    let changed = corrected(&csv, &fix, args.changed)?;
    admin_command(&config, &["import", "loans", &fix.display().to_string()])?;
    let after_change = measured_sync(&device, &proxy)?;
    drop(server);

    let ok = report(&args, loans.len(), changed, &first, &idle, &after_change);
    Ok(ok)
}

/// Writes `per_loan` monthly interest payments of each loan (disbursed 15/03/2024 by `loans_csv`), from 25/04/2024:
/// the interest of the days since the last payment at the loan's 7.92 % a year, as a transaction point takes it, so
/// that amounts differ from loan to loan and month to month as a real history's do.
fn write_payments(path: &Path, loans: &[vieclam_e2e::loans_csv::ImportedLoan], per_loan: usize) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let mut text = String::from("Agreement no,Payment date,Principal paid,Interest paid\n");
    let disbursed = chrono::NaiveDate::from_ymd_opt(2024, 3, 15).expect("a date");
    let first = chrono::NaiveDate::from_ymd_opt(2024, 4, 25).expect("a date");
    for loan in loans {
        let mut since = disbursed;
        for m in 0..per_loan {
            let day = first.checked_add_months(chrono::Months::new(m as u32)).unwrap_or(first);
            let days = (day - since).num_days() as u64;
            let interest = loan.principal * 792 * days / (10_000 * 365);
            let _ = writeln!(text, "{},{},0,{interest}", loan.agreement_no, day.format("%d/%m/%Y"));
            since = day;
        }
    }
    std::fs::write(path, text)
}

/// Runs `vieclam sync` and measures it: proxy counters, wall time, the child's CPU time, records applied.
fn measured_sync(device: &Device, proxy: &Proxy) -> Result<Measured, Box<dyn std::error::Error>> {
    let before = proxy.stats();
    let cpu_before = children_cpu();
    let started = Instant::now();
    let output = device.ok(&["sync"])?;
    let wall = started.elapsed();
    let cpu = children_cpu().saturating_sub(cpu_before);
    let after = proxy.stats();
    let wire = ProxyStats {
        connections: after.connections - before.connections,
        bytes_up: after.bytes_up - before.bytes_up,
        bytes_down: after.bytes_down - before.bytes_down,
        requests: after.requests - before.requests,
        ..ProxyStats::default()
    };
    // "…, nhận N bản ghi, …" (or nothing at all when nothing was new).
    let records =
        output.split("nhận ").nth(1).and_then(|rest| rest.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or(0);
    Ok(Measured { wire, wall, cpu, records, output })
}

/// User + system CPU time of every child process that has ended and been waited for.
fn children_cpu() -> Duration {
    // SAFETY: getrusage(2) fills the zeroed struct we own; RUSAGE_CHILDREN is always valid.
    let usage = unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut u);
        u
    };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec.max(0) as u64, (t.tv_usec.max(0) as u32) * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// Writes to `out` the header and the first `n` rows of `csv` with a new principal (the bank's correction): the
/// import rewrites those loans (and their schedules) under the same ids. Answers how many rows it wrote.
fn corrected(csv: &Path, out: &Path, n: usize) -> Result<usize, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(csv)?;
    let mut lines = text.lines();
    let mut fixed = vec![lines.next().unwrap_or_default().to_owned()];
    for line in lines.take(n) {
        let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
        // Column 9 is the principal: a million more.
        if let Some(p) = cells.get_mut(9).and_then(|c| c.parse::<u64>().ok().map(|v| (v, c))) {
            *p.1 = (p.0 + 1_000_000).to_string();
        }
        fixed.push(cells.join(","));
    }
    std::fs::write(out, fixed.join("\n") + "\n")?;
    Ok(fixed.len() - 1)
}

fn report(args: &Args, loans: usize, changed: usize, first: &Measured, idle: &Measured, after: &Measured) -> bool {
    let per_loan = first.wire.bytes_down as f64 / loans as f64;
    let per_loan_both = (first.wire.bytes_down + first.wire.bytes_up) as f64 / loans as f64;
    let cpu = first.cpu.as_secs_f64().max(1e-9);
    let rate = first.records as f64 / cpu;
    let idle_bytes = idle.wire.bytes_up + idle.wire.bytes_down;
    let after_bytes = after.wire.bytes_up + after.wire.bytes_down;
    let met = [
        per_loan <= 150.0,
        cpu <= 0.5,
        rate >= 20_000.0,
        idle.wire.requests == 1,
        idle_bytes <= 1024,
        after.wire.requests == 1,
        after_bytes <= 5 * 1024,
    ];
    let checks = [
        (
            "P1",
            format!("first download, {loans} loans ({} payments each): bytes down per loan", args.payments),
            format!("{per_loan:.1} B"),
            "≤ 150 B",
            met[0],
        ),
        ("P1", "  (both ways, per loan)".into(), format!("{per_loan_both:.1} B"), "", true),
        ("P1", "  records applied / client CPU".into(), format!("{} / {:.2} s", first.records, cpu), "≤ 0.5 s", met[1]),
        ("P1", "  records/s (client CPU)".into(), format!("{rate:.0}"), "≥ 20,000", met[2]),
        ("P1", "  wall time of `vieclam sync`".into(), format!("{:.2} s", first.wall.as_secs_f64()), "", true),
        ("P2", "nothing new: round trips".into(), idle.wire.requests.to_string(), "1", met[3]),
        ("P2", "nothing new: bytes (both ways)".into(), format!("{idle_bytes} B"), "≤ 1 KB", met[4]),
        ("P2", format!("{changed} loans corrected: records received"), after.records.to_string(), "", true),
        ("P2", format!("{changed} loans corrected: round trips"), after.wire.requests.to_string(), "1", met[5]),
        ("P2", format!("{changed} loans corrected: bytes (both ways)"), format!("{after_bytes} B"), "≤ 5 KB", met[6]),
    ];
    let mut table = Table::new();
    table.set_header(vec!["#", "what", "measured", "budget", "met"]);
    for (id, what, measured, budget, met) in &checks {
        let mark = if budget.is_empty() {
            ""
        } else if *met {
            "yes"
        } else {
            "NO"
        };
        table.add_row(vec![id.to_string(), what.clone(), measured.clone(), budget.to_string(), mark.to_string()]);
    }
    let build = if cfg!(debug_assertions) { "debug build: CPU figures are pessimistic" } else { "release build" };
    println!(
        "P1/P2: one commune ({}), {loans} loans with borrowers and sites, loopback through the counting proxy; {build}",
        args.commune
    );
    println!("{table}");
    for (name, m) in [("first", first), ("nothing new", idle), ("after the correction", after)] {
        println!("{name}: {}", m.output.lines().last().unwrap_or_default());
    }
    // The rows of the one table bench.sh prints: each budget's own figure, with its unit.
    let debug = if cfg!(debug_assertions) { ", debug build" } else { "" };
    let setup = format!("{loans} loans, {} payments each, commune {}{debug}", args.payments, args.commune);
    let rows = [
        (&bench_rows::P1A, format!("first download: bytes down per loan ({setup})"), format!("{per_loan:.1} B")),
        (&bench_rows::P1B, format!("first download: client CPU ({setup})"), format!("{cpu:.2} s")),
        (
            &bench_rows::P1C,
            format!("first download: records applied per second of client CPU ({setup})"),
            format!("{rate:.0} records/s ({} records)", first.records),
        ),
        (&bench_rows::P2A, format!("nothing new: round trips ({setup})"), idle.wire.requests.to_string()),
        (&bench_rows::P2B, format!("nothing new: bytes both ways ({setup})"), format!("{idle_bytes} B")),
        (
            &bench_rows::P2C,
            format!("{changed} loans corrected: round trips ({setup})"),
            after.wire.requests.to_string(),
        ),
        (&bench_rows::P2D, format!("{changed} loans corrected: bytes both ways ({setup})"), format!("{after_bytes} B")),
    ];
    for ((budget, figure, measured), met) in rows.iter().zip(met) {
        bench_rows::record(budget, figure, measured, met);
    }
    checks.iter().all(|c| c.3.is_empty() || c.4)
}
