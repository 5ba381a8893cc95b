//! `vieclam-server import loans` and `programmes add` against the real binary, on SQLite and PostgreSQL: a bad
//! export prints every rejected row and changes nothing (exit 1) unless `--skip-bad-rows`; a good one lands in one
//! transaction and the office's pull shows its loans pointing at the demo's own three programme records; a job
//! programme published from the command line is pulled by everyone.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{Backend, Server, bin};
use serde_json::Value;
use vieclam_server::import::stable_id;
use vieclam_server::{params, work};

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name).display().to_string()
}

/// Runs the binary on the server's database; answers (exit code, stdout, stderr).
fn run(s: &Server, args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new(bin());
    cmd.arg("--data").arg(s.data.path()).env_remove("DATABASE_URL");
    if let Some(u) = &s.database_url {
        cmd.args(["--database-url", u]);
    }
    let out = cmd.args(args).output().expect("run");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

async fn records(s: &Server) -> i64 {
    s.db()
        .await
        .read(work!(|tx| async move {
            Ok(tx.one("SELECT COUNT(*) FROM records", params![]).await?.map_or(0, |r| r.int(0)))
        }))
        .await
        .expect("count")
}

fn of_kind<'a>(all: &'a [Value], kind: &str) -> Vec<&'a Value> {
    all.iter().filter(|c| c["kind"] == kind).collect()
}

async fn import(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["demo"]);
    let before = records(&s).await;

    // A bad export: every rejected row printed (row, column, code, Vietnamese / English), exit 1, nothing written.
    let (status, out, err) = run(&s, &["import", "loans", &data("loans-bad.csv")]);
    assert_eq!(status, 1, "{out}{err}");
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with("Dòng / Row ")).collect();
    assert!(lines.len() >= 20, "{out}");
    assert!(lines.iter().any(|l| l.starts_with("Dòng / Row 3\t") && l.contains("full_name.required")), "{out}");
    assert!(lines.iter().all(|l| l.contains(" / ")), "{out}");
    assert!(err.contains("--skip-bad-rows"), "{err}");
    assert_eq!(records(&s).await, before);

    // The good export: applied.
    let (status, out, err) = run(&s, &["import", "loans", &data("loans-good.csv")]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("Imported 5 rows"), "{out}");
    let after_good = records(&s).await;
    assert!(after_good > before, "{before} → {after_good}");
    // The same export again rewrites the same records.
    assert_eq!(run(&s, &["import", "loans", &data("loans-good.csv")]).0, 0);
    assert_eq!(records(&s).await, after_good);

    // A job programme, and one refused for an unknown commune.
    let (status, out, err) = run(
        &s,
        &[
            "programmes",
            "add",
            "--title",
            "Tuyển lao động đi Hàn Quốc (EPS)",
            "--kind",
            "overseas",
            "--country",
            "KR",
            "--enterprise",
            "không có",
            "--from",
            "2026-01-01",
        ],
    );
    assert_eq!(status, 1, "{out}{err}");
    assert!(err.contains("No enterprise"), "{err}");
    let (status, out, err) = run(
        &s,
        &[
            "programmes",
            "add",
            "--title",
            "Lớp dạy nghề may công nghiệp",
            "--kind",
            "training",
            "--commune",
            "05977",
            "--from",
            "2026-01-01",
            "--to",
            "2026-06-30",
            "--seats",
            "30",
        ],
    );
    assert_eq!(status, 0, "{out}{err}");
    assert_eq!(run(&s, &["programmes", "add", "--title", "x", "--kind", "training", "--commune", "99999"]).0, 1);

    let s = s.start().await;
    let admin = s.client().login("admin", "admin-vieclam").await;
    let all = admin.pull_all(5_000).await;
    let loans = of_kind(&all, "loan");
    let imported: Vec<&&Value> = loans
        .iter()
        .filter(|l| l["body"]["agreement_no"].as_str().is_some_and(|a| a.starts_with("730100000")))
        .collect();
    assert_eq!(imported.len(), 5);
    assert!(imported.iter().any(|l| l["id"] == stable_id("loan", "7301000001").as_str()));
    // Each imported loan comes down right after its borrower, with its schedule, model and site after it (the
    // order that lets the compressor reuse the ids), and no office body repeats its own id.
    let loan_at = all.iter().position(|c| c["id"] == stable_id("loan", "7301000001").as_str()).expect("the loan");
    let kinds: Vec<&str> = all[loan_at - 1..=loan_at + 3].iter().filter_map(|c| c["kind"].as_str()).collect();
    assert_eq!(kinds, ["borrower", "loan", "schedule", "funded_model", "site"]);
    assert_eq!(all[loan_at]["body"]["borrower_id"], all[loan_at - 1]["id"]);
    assert_eq!(all[loan_at + 1]["body"]["loan_id"], all[loan_at]["id"]);
    assert_eq!(all[loan_at + 2]["body"]["loan_id"], all[loan_at]["id"]);
    assert_eq!(all[loan_at + 3]["body"]["model_id"], all[loan_at + 2]["id"]);
    let office = |c: &&Value| vieclam_core::sync::wire::is_office_kind(c["kind"].as_str().unwrap_or_default());
    assert!(all.iter().filter(office).all(|c| c["body"].get("id").is_none()), "office bodies leave out their id");
    // One record per programme code: the demo's programmes carry the ids the import derives.
    let programmes = of_kind(&all, "loan_programme");
    assert_eq!(programmes.len(), 3, "{programmes:?}");
    assert!(
        programmes.iter().all(
            |p| p["id"].as_str() == Some(stable_id("programme", p["body"]["code"].as_str().unwrap_or("")).as_str())
        )
    );
    let programme_ids: Vec<&str> = programmes.iter().filter_map(|p| p["id"].as_str()).collect();
    assert!(loans.iter().all(|l| l["body"]["programme_id"].as_str().is_some_and(|p| programme_ids.contains(&p))));
    let jobs = of_kind(&all, "job_programme");
    assert!(jobs.iter().any(|j| j["body"]["title"] == "Lớp dạy nghề may công nghiệp" && j["body"]["seats"] == 30));
    // Everyone sees published programmes.
    let inspector = s.client().login("thanhtra1", "thanhtra1-vieclam").await;
    assert!(
        of_kind(&inspector.pull_all(5_000).await, "job_programme")
            .iter()
            .any(|j| j["body"]["title"] == "Lớp dạy nghề may công nghiệp")
    );

    // With --skip-bad-rows the good rows of the bad export are applied.
    let before_skip = records(&s).await;
    let (status, out, err) = run(&s, &["import", "loans", &data("loans-bad.csv"), "--skip-bad-rows"]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("skipped"), "{out}");
    assert!(records(&s).await > before_skip);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_on_sqlite() {
    import(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_on_postgres() {
    import(Backend::Postgres).await;
}
