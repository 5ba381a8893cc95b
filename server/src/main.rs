//! `vieclam-server`: the sync server and the office's admin commands over the same database.

use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use vieclam_core::messages::server_cli as sc;
use vieclam_core::sync::wire::Role;
use vieclam_server::db::Db;
use vieclam_server::publish::{self, NewJobProgramme};
use vieclam_server::ratelimit::SignInLimits;
use vieclam_server::rules;
use vieclam_server::serve::{ServeOptions, file_url, serve};
use vieclam_server::{admin, demo, plans};

#[derive(Parser)]
#[command(name = "vieclam-server", about = sc::THE_VIECLAM_SYNC_SERVER.joined(&[]))]
struct Cli {
    /// Data folder: the SQLite database and the photos (default ./vieclam-data or $VIECLAM_SERVER_DATA).
    #[arg(long, global = true, env = "VIECLAM_SERVER_DATA", default_value = "vieclam-data")]
    data: PathBuf,
    /// PostgreSQL instead of the embedded SQLite, e.g. postgres://user@host/db.
    #[arg(long, global = true, env = "DATABASE_URL")]
    database_url: Option<String>,
    /// A private CA (PEM) for PostgreSQL over TLS, as `sslrootcert=` in the URL (with `sslmode=verify-full`).
    #[arg(long, global = true, env = "VIECLAM_DATABASE_CA")]
    database_ca: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the /v1 protocol.
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Object store URL for photos (default: DATA/photos).
        #[arg(long)]
        photos: Option<String>,
        /// Seed the demo province first (once).
        #[arg(long)]
        demo: bool,
        /// Token lifetime in days.
        #[arg(long, default_value_t = 30)]
        token_days: i64,
        /// Worker enrolments allowed per client address per 10 minutes.
        #[arg(long, default_value_t = 5)]
        enrol_limit: usize,
        /// Failed sign-ins allowed per account (user name or activation code) per --sign-in-window.
        #[arg(long, default_value_t = 5)]
        sign_in_attempts: usize,
        /// Failed sign-ins allowed per client address per --sign-in-window.
        #[arg(long, default_value_t = 30)]
        sign_in_address_attempts: usize,
        /// The sign-in limits' sliding window, in seconds.
        #[arg(long, default_value_t = 900)]
        sign_in_window: u64,
        /// Argon2 password hashes run at once (each takes a core and 19 MB for a moment).
        #[arg(long, default_value_t = 2)]
        hash_threads: usize,
        /// Mark the office session cookie `Secure` (HTTPS only); default on unless --listen is loopback.
        #[arg(long, num_args = 0..=1, default_missing_value = "true")]
        cookie_secure: Option<bool>,
        /// Seconds an unfinished photo upload lives after its last PATCH before it is removed.
        #[arg(long, default_value_t = 86_400)]
        upload_expiry_secs: u64,
        /// Largest loan-book upload on the office's import page, in MiB (a book of 100,000 loans with its payments
        /// is about 78 MB of CSV).
        #[arg(long, default_value_t = 128)]
        import_max_mb: usize,
    },
    /// Seed the demo province (once) with its field work (photos under DATA/photos) and print how to sign in.
    Demo,
    /// Accounts.
    Users {
        #[command(subcommand)]
        command: Users,
    },
    /// Inspection plans.
    Plans {
        #[command(subcommand)]
        command: Plans,
    },
    /// Borrowers' activation codes.
    Activation {
        #[command(subcommand)]
        command: Activation,
    },
    /// Devices.
    Devices {
        #[command(subcommand)]
        command: Devices,
    },
    /// Workers' registrations.
    Registrations {
        #[command(subcommand)]
        command: Registrations,
    },
    /// Import from the bank's export.
    Import {
        #[command(subcommand)]
        command: Import,
    },
    /// Job programmes the office publishes.
    Programmes {
        #[command(subcommand)]
        command: Programmes,
    },
    /// Lending rule sets (limits, rates, terms), versioned by the day they take effect.
    Rules {
        #[command(subcommand)]
        command: Rules,
    },
}

#[derive(Subcommand)]
enum Rules {
    /// Show every rule set.
    List,
    /// Change a rule set (only the values given), or add one (all values).
    Set(Box<RuleSetArgs>),
}

/// `rules set`'s values; each left out keeps the set's own.
#[derive(clap::Args)]
struct RuleSetArgs {
    /// Short code, e.g. ND338.
    #[arg(long)]
    code: String,
    /// The decree(s) it rests on.
    #[arg(long)]
    legal_basis: Option<String>,
    /// First day in force (YYYY-MM-DD).
    #[arg(long)]
    from: Option<NaiveDate>,
    /// Last day in force (YYYY-MM-DD).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Most a worker may borrow, đồng.
    #[arg(long)]
    worker_limit: Option<i64>,
    /// Most a business may borrow per project, đồng.
    #[arg(long)]
    business_limit: Option<i64>,
    /// Most a business may borrow per worker, đồng.
    #[arg(long)]
    per_worker_limit: Option<i64>,
    /// Loans above this need collateral, đồng.
    #[arg(long)]
    collateral_above: Option<i64>,
    /// Standard rate, percent a year (7,92).
    #[arg(long)]
    standard_rate: Option<String>,
    /// Priority borrowers' rate, percent a year.
    #[arg(long)]
    priority_rate: Option<String>,
    /// Contract work abroad, percent a year.
    #[arg(long)]
    overseas_rate: Option<String>,
    /// Priority workers going abroad, percent a year.
    #[arg(long)]
    overseas_priority_rate: Option<String>,
    /// Overdue interest, percent of the loan's rate (130).
    #[arg(long)]
    overdue_percent: Option<i64>,
    /// Longest term, months.
    #[arg(long)]
    max_term_months: Option<u32>,
    /// official, secondary, derived or uncertain.
    #[arg(long)]
    standing: Option<String>,
}

#[derive(Subcommand)]
enum Import {
    /// Loans from a VBSP export (CSV or XLSX; docs/import-loans.md): the loan list, with its payment history and
    /// relief events as further files or sheets.
    Loans {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Apply the good rows even when some were rejected.
        #[arg(long)]
        skip_bad_rows: bool,
    },
}

#[derive(Subcommand)]
enum Programmes {
    /// Publish a job programme.
    Add {
        #[arg(long)]
        title: String,
        /// domestic_job, training, loan or overseas.
        #[arg(long)]
        kind: String,
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long)]
        country: Option<String>,
        /// Sending enterprise: id or name.
        #[arg(long)]
        enterprise: Option<String>,
        /// Commune code.
        #[arg(long)]
        commune: Option<String>,
        #[arg(long)]
        from: Option<NaiveDate>,
        #[arg(long)]
        to: Option<NaiveDate>,
        #[arg(long)]
        seats: Option<i64>,
    },
}

#[derive(Subcommand)]
enum Users {
    /// Create an account.
    Add {
        #[arg(long)]
        role: String,
        #[arg(long)]
        username: String,
        #[arg(long)]
        name: String,
        #[arg(long, conflicts_with = "password_stdin")]
        password: Option<String>,
        #[arg(long)]
        password_stdin: bool,
    },
    /// List accounts.
    List,
    /// Disable an account: sign-in refused, every token revoked at once.
    Disable {
        /// User name (or account id).
        user: String,
    },
    /// Enable a disabled account again (its old tokens stay revoked).
    Enable {
        /// User name (or account id).
        user: String,
    },
    /// Set a new password (read from stdin, or generated and printed once) and revoke every token.
    ResetPassword {
        /// User name (or account id).
        user: String,
        /// Read the new password from stdin instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum Plans {
    /// Create a plan and assign it to its team.
    Add {
        /// The plan number, e.g. 452/KH-SNV.
        #[arg(long)]
        name: String,
        /// The title (the plan number when not given).
        #[arg(long)]
        title: Option<String>,
        /// The team leader's user name.
        #[arg(long)]
        leader: Option<String>,
        /// A team member: USER or USER:ROLE, ROLE one of leader, deputy, member, secretary. Without --leader and
        /// without a ROLE of leader, the first one leads.
        #[arg(long = "inspector")]
        inspectors: Vec<String>,
        /// Commune codes, comma-separated.
        #[arg(long, value_delimiter = ',', required = true)]
        communes: Vec<String>,
        #[arg(long)]
        from: NaiveDate,
        #[arg(long)]
        to: NaiveDate,
    },
    /// Close a plan today: its team is no longer assigned to it, and it cannot be changed any more.
    Close {
        /// The plan number or id.
        plan: String,
    },
}

#[derive(Subcommand)]
enum Activation {
    /// Issue a one-time code for a borrower.
    Issue {
        #[arg(long)]
        borrower: String,
        /// Days the code stays valid.
        #[arg(long, default_value_t = 30)]
        days: i64,
    },
}

#[derive(Subcommand)]
enum Devices {
    /// Revoke a device and its tokens.
    Revoke { device_id: String },
}

#[derive(Subcommand)]
enum Registrations {
    /// Mark a registration verified.
    Verify { id: String },
    /// Reject a registration with the reason the worker will read.
    Reject {
        id: String,
        #[arg(long)]
        reason: String,
    },
}

/// One rule set on a line: code, dates, legal basis, limits and rates, standing.
fn rule_line(s: &vieclam_core::loans::rules::RuleSet) -> String {
    use vieclam_core::format::{money, percent_ppm};
    let v = &s.values;
    let to = s.effective_to.map_or_else(|| "…".to_owned(), vieclam_core::format::date);
    format!(
        "{}\t{} – {to}\t{}\t{worker} ≤ {}\t{business} ≤ {} ({} / {per_vi}, {per_en})\t\
         {collateral} {}\t{rates} {} · {} · {overseas} {} · {}\t{overdue} {} %\t≤ {} {months}\t{}",
        s.code,
        vieclam_core::format::date(s.effective_from),
        s.legal_basis,
        money(v.worker_limit),
        money(v.business_limit),
        money(v.business_per_worker_limit),
        v.collateral_above.map_or_else(|| "?".to_owned(), money),
        percent_ppm(v.standard_rate_ppm),
        percent_ppm(v.priority_rate_ppm),
        percent_ppm(v.overseas_rate_ppm),
        percent_ppm(v.overseas_priority_rate_ppm),
        v.overdue_percent,
        v.max_term_months,
        v.standing,
        worker = sc::RULE_WORKER.joined(&[]),
        business = sc::RULE_BUSINESS.joined(&[]),
        per_vi = sc::RULE_PER_WORKER.vi,
        per_en = sc::RULE_PER_WORKER.en,
        collateral = sc::RULE_COLLATERAL.joined(&[]),
        rates = sc::RULE_RATES.joined(&[]),
        overseas = sc::RULE_OVERSEAS.vi,
        overdue = sc::RULE_OVERDUE.joined(&[]),
        months = sc::RULE_MONTHS.joined(&[]),
    )
}

async fn open(cli: &Cli) -> Result<Db, String> {
    match &cli.database_url {
        Some(url) => {
            Db::open_postgres(&with_ca(url, cli.database_ca.as_deref())?).await.map_err(|e| format!("PostgreSQL: {e}"))
        }
        None => {
            std::fs::create_dir_all(&cli.data).map_err(|e| format!("{}: {e}", cli.data.display()))?;
            Db::open_sqlite(&cli.data.join("server.db")).await.map_err(|e| format!("SQLite: {e}"))
        }
    }
}

/// `url` with `sslrootcert=` naming `ca`, when given (a `postgres://` URL only).
fn with_ca(url: &str, ca: Option<&std::path::Path>) -> Result<String, String> {
    let Some(ca) = ca else { return Ok(url.to_owned()) };
    let mut parsed = url::Url::parse(url).map_err(|e| format!("--database-url: {e}"))?;
    parsed.query_pairs_mut().append_pair("sslrootcert", &ca.display().to_string());
    Ok(parsed.to_string())
}

async fn run(cli: Cli) -> Result<(), String> {
    let db = open(&cli).await?;
    // A new database gets the shipped rule sets before anything reads them.
    rules::ensure_defaults(&db).await?;
    match cli.command {
        Command::Serve {
            listen,
            photos,
            demo,
            token_days,
            enrol_limit,
            sign_in_attempts,
            sign_in_address_attempts,
            sign_in_window,
            hash_threads,
            cookie_secure,
            upload_expiry_secs,
            import_max_mb,
        } => {
            let photos_url = match photos {
                Some(u) => u,
                None => file_url(&cli.data.join("photos"))?,
            };
            if demo {
                print!("{}", demo::seed(&db, &photos_url).await?);
            }
            let sign_in_limits = SignInLimits {
                per_account: sign_in_attempts,
                per_address: sign_in_address_attempts,
                window: std::time::Duration::from_secs(sign_in_window),
            };
            let opts = ServeOptions {
                listen,
                photos_url,
                token_days,
                enrol_limit,
                sign_in_limits,
                hash_permits: hash_threads,
                cookie_secure,
                upload_expiry: std::time::Duration::from_secs(upload_expiry_secs),
            };
            vieclam_server::web::import::set_max_bytes(import_max_mb.saturating_mul(1024 * 1024));
            serve(db, opts).await
        }
        Command::Demo => {
            print!("{}", demo::seed(&db, &file_url(&cli.data.join("photos"))?).await?);
            Ok(())
        }
        Command::Users { command: Users::Add { role, username, name, password, password_stdin } } => {
            let role = Role::parse(&role).ok_or(sc::ROLE_ADMIN_INSPECTOR_WORKER.joined(&[]))?;
            let password = match (password, password_stdin) {
                (Some(p), _) => p,
                (None, true) => {
                    let mut p = String::new();
                    std::io::stdin().read_to_string(&mut p).map_err(|e| e.to_string())?;
                    p.trim_end_matches(['\r', '\n']).to_owned()
                }
                (None, false) => {
                    return Err(sc::GIVE_PASSWORD_OR_PASSWORD_STDIN.joined(&[]));
                }
            };
            let a = admin::add_user(&db, role, &username, &name, &password).await?;
            println!("{}: {} ({})", sc::ACCOUNT_CREATED.joined(&[]), a.id, role.as_str());
            Ok(())
        }
        Command::Users { command: Users::Disable { user } } => {
            let c = admin::disable_user(&db, &user).await?;
            println!(
                "{}: {} ({})",
                sc::ACCOUNT_DISABLED.joined(&[]),
                c.account.id,
                sc::TOKENS_REVOKED.joined(&[("n", &c.tokens_revoked.to_string())])
            );
            Ok(())
        }
        Command::Users { command: Users::Enable { user } } => {
            let a = admin::enable_user(&db, &user).await?;
            println!("{}: {}", sc::ACCOUNT_ENABLED.joined(&[]), a.id);
            Ok(())
        }
        Command::Users { command: Users::ResetPassword { user, password_stdin } } => {
            let (password, generated) = if password_stdin {
                let mut p = String::new();
                std::io::stdin().read_to_string(&mut p).map_err(|e| e.to_string())?;
                (p.trim_end_matches(['\r', '\n']).to_owned(), false)
            } else {
                (admin::generated_password(), true)
            };
            let c = admin::reset_password(&db, &user, &password).await?;
            println!(
                "{}: {} ({})",
                sc::PASSWORD_RESET.joined(&[]),
                c.account.id,
                sc::TOKENS_REVOKED.joined(&[("n", &c.tokens_revoked.to_string())])
            );
            if generated {
                println!("{}: {password}", sc::NEW_PASSWORD_SHOWN_ONCE.joined(&[]));
            }
            Ok(())
        }
        Command::Users { command: Users::List } => {
            for a in admin::list_users(&db).await? {
                let state = if a.disabled { sc::DISABLED.joined(&[]) } else { String::new() };
                println!(
                    "{}\t{}\t{}\t{}\t{state}",
                    a.id,
                    a.role.as_str(),
                    a.username.as_deref().unwrap_or("-"),
                    a.display_name
                );
            }
            Ok(())
        }
        Command::Plans { command: Plans::Add { name, title, leader, inspectors, communes, from, to } } => {
            let say = |e: vieclam_server::error::ApiError| format!("{} / {}", e.vi, e.en);
            let draft = plans::PlanDraft {
                code: name,
                title: title.unwrap_or_default(),
                starts_on: from,
                ends_on: to,
                communes,
                team: plans::team_from_cli(&inspectors, leader.as_deref()).map_err(say)?,
            };
            let plan = plans::create(&db, &draft).await.map_err(say)?;
            println!("{}: {}", sc::PLAN_CREATED.joined(&[]), plan.id);
            Ok(())
        }
        Command::Plans { command: Plans::Close { plan } } => {
            let say = |e: vieclam_server::error::ApiError| format!("{} / {}", e.vi, e.en);
            let today = vieclam_core::query::session::today_in_province();
            let found = plans::find(&db, &plan).await.map_err(say)?;
            let closed = plans::close(&db, &found.id, today).await.map_err(say)?;
            println!("{}: {} ({})", sc::PLAN_CLOSED.joined(&[]), closed.code, closed.id);
            Ok(())
        }
        Command::Activation { command: Activation::Issue { borrower, days } } => {
            let code = admin::issue_activation(&db, &borrower, days).await?;
            println!("{}: {code}", sc::ONE_TIME_ACTIVATION_CODE.joined(&[]));
            Ok(())
        }
        Command::Devices { command: Devices::Revoke { device_id } } => {
            admin::revoke_device(&db, &device_id).await?;
            println!("{}: {device_id}", sc::DEVICE_REVOKED.joined(&[]));
            Ok(())
        }
        Command::Import { command: Import::Loans { files, skip_bad_rows } } => {
            let today = vieclam_core::query::session::today_in_province();
            let outcome = publish::import_loans(&db, &files, today, skip_bad_rows).await?;
            for r in &outcome.rejected {
                let table = if r.table.is_empty() { String::new() } else { format!("{} › ", r.table) };
                let row = sc::ROW.joined(&[]);
                println!("{table}{row} {}\t{}\t{}\t{} / {}", r.row, r.column, r.code, r.message_vi, r.message_en);
            }
            for f in &outcome.findings {
                let table = if f.table.is_empty() { String::new() } else { format!("{} › ", f.table) };
                let finding = sc::FINDING_ROW.joined(&[]);
                println!("{table}{finding} {}\t{}\t{}\t{} / {}", f.row, f.column, f.code, f.message_vi, f.message_en);
            }
            match outcome.applied {
                Some(n) => {
                    let (rows, n, bad) =
                        (outcome.accepted_rows.to_string(), n.to_string(), outcome.rejected.len().to_string());
                    println!("{}", sc::IMPORTED_SKIPPING.joined(&[("rows", &rows), ("n", &n), ("bad", &bad)]));
                    Ok(())
                }
                None => Err(sc::ROWS_REJECTED.joined(&[("bad", &outcome.rejected.len().to_string())])),
            }
        }
        Command::Programmes {
            command: Programmes::Add { title, kind, description, country, enterprise, commune, from, to, seats },
        } => {
            let p = NewJobProgramme { title, kind, description, country, enterprise, commune, from, to, seats };
            let id = publish::add_job_programme(&db, p, vieclam_core::query::session::today_in_province()).await?;
            println!("{}: {id}", sc::PROGRAMME_PUBLISHED.joined(&[]));
            Ok(())
        }
        Command::Rules { command: Rules::List } => {
            for s in rules::list(&db).await? {
                println!("{}", rule_line(&s));
            }
            Ok(())
        }
        Command::Rules { command: Rules::Set(args) } => {
            let RuleSetArgs {
                code,
                legal_basis,
                from,
                to,
                worker_limit,
                business_limit,
                per_worker_limit,
                collateral_above,
                standard_rate,
                priority_rate,
                overseas_rate,
                overseas_priority_rate,
                overdue_percent,
                max_term_months,
                standing,
            } = *args;
            let rate = |text: Option<String>, flag: &str| -> Result<Option<i64>, String> {
                text.map(|t| {
                    rules::percent_ppm(&t).ok_or_else(|| sc::FLAG_T_IS_NOT_A.joined(&[("flag", flag), ("t", &t)]))
                })
                .transpose()
            };
            let change = rules::RuleChange {
                code,
                legal_basis,
                effective_from: from,
                effective_to: to,
                worker_limit,
                business_limit,
                business_per_worker_limit: per_worker_limit,
                collateral_above,
                standard_rate_ppm: rate(standard_rate, "standard-rate")?,
                priority_rate_ppm: rate(priority_rate, "priority-rate")?,
                overseas_rate_ppm: rate(overseas_rate, "overseas-rate")?,
                overseas_priority_rate_ppm: rate(overseas_priority_rate, "overseas-priority-rate")?,
                overdue_percent,
                max_term_months,
                standing,
            };
            let s = rules::set(&db, change).await?;
            println!("{}:\n{}", sc::RULE_SET_SAVED.joined(&[]), rule_line(&s));
            Ok(())
        }
        Command::Registrations { command: Registrations::Verify { id } } => {
            admin::verify_registration(&db, &id).await?;
            println!("{}: {id}", sc::VERIFIED.joined(&[]));
            Ok(())
        }
        Command::Registrations { command: Registrations::Reject { id, reason } } => {
            admin::reject_registration(&db, &id, &reason).await?;
            println!("{}: {id}", sc::REJECTED.joined(&[]));
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,tower_http=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("tokio: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
