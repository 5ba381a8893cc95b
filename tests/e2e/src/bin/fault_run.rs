//! `fault_run --rounds 10000 --seed S`: the long mode of the fault rounds (`tests/faults.rs` runs 20). Starts
//! its own server (SQLite, or PostgreSQL with `--postgres`: a throwaway cluster unless `DATABASE_URL` is set),
//! runs the rounds through the seeded fault proxy and prints the summary table; exits non-zero when any
//! invariant broke, naming the seed to replay.

use clap::Parser;
use vieclam_e2e::postgres::PgCluster;
use vieclam_e2e::proxy::{FaultPolicy, Proxy};
use vieclam_e2e::rounds;
use vieclam_e2e::server::{Server, ServerConfig};

/// Options.
#[derive(Debug, Parser)]
struct Args {
    /// Rounds to run.
    #[arg(long, default_value_t = 10_000)]
    rounds: u64,
    /// Seed of the faults and records.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Devices syncing at once.
    #[arg(long, default_value_t = 4)]
    devices: usize,
    /// Run the server on PostgreSQL instead of SQLite.
    #[arg(long)]
    postgres: bool,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    match run(&args).await {
        Ok(true) => std::process::ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("fault_run: invariants broke; replay with --seed {} --rounds {}", args.seed, args.rounds);
            std::process::ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("fault_run: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<bool, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let cluster = if args.postgres {
        Some(tokio::task::block_in_place(PgCluster::start).map_err(|e| e.to_string())?)
    } else {
        None
    };
    let config = match &cluster {
        Some(c) => ServerConfig::postgres(dir.path(), c.fresh_database().map_err(|e| e.to_string())?),
        None => ServerConfig::sqlite(dir.path()),
    };
    let mut server = tokio::task::block_in_place(|| Server::start(ServerConfig { demo: true, ..config }))
        .map_err(|e| e.to_string())?;
    let proxy = Proxy::start(server.addr(), FaultPolicy::Pass).await.map_err(|e| e.to_string())?;
    let (mut devices, admin) = rounds::prepare(&server, &proxy.url(), args.devices, args.seed).await?;
    let summary = rounds::run(&mut server, &proxy, &mut devices, &admin, args.rounds, args.seed).await?;
    println!(
        "fault_run: seed {}, {} devices, {}",
        args.seed,
        args.devices,
        if args.postgres { "PostgreSQL" } else { "SQLite" }
    );
    println!("{}", summary.table());
    Ok(summary.clean())
}
