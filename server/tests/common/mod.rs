//! Test harness shared by the server's integration tests (and reusable by the lead's end-to-end tests): a throwaway
//! PostgreSQL cluster per test binary, and the real `vieclam-server` binary started on a free port with a temporary
//! data folder, over SQLite or PostgreSQL.

#![allow(dead_code)]

pub mod field;
pub mod office;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The server binary cargo built for this test.
const BUILT: &str = env!("CARGO_BIN_EXE_vieclam-server");

/// A private copy of the server binary under test. The target folder may be shared with other branches that build a
/// binary of the same name, so the tests copy theirs once and check it is this branch's (it has `serve`).
pub fn bin() -> &'static Path {
    static COPY: OnceLock<PathBuf> = OnceLock::new();
    COPY.get_or_init(|| {
        let copy = std::env::temp_dir().join(format!("vieclam-server-test-{}", std::process::id()));
        std::fs::copy(BUILT, &copy).expect("copy the server binary");
        let help = Command::new(&copy).arg("--help").output().expect("run --help");
        let help = String::from_utf8_lossy(&help.stdout);
        assert!(help.contains("serve"), "{BUILT} is not this branch's server (no `serve`): rebuild and rerun");
        after_exit(&format!("rm -f {}", copy.display()));
        copy
    })
}

/// A free TCP port on loopback.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// Runs the shell command `then` once this test process has exited (a watchdog polling its pid).
fn after_exit(then: &str) {
    let script = format!("while kill -0 {} 2>/dev/null; do sleep 1; done; {then}", std::process::id());
    // Never waited for on purpose: it must outlive this process to clean up after it.
    #[allow(clippy::zombie_processes)]
    Command::new("sh").args(["-c", &script]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("watchdog");
}

/// A PostgreSQL cluster made for this test binary, stopped when the binary exits.
pub struct PgCluster {
    /// `postgres://postgres@127.0.0.1:PORT`, without a database name.
    pub base_url: String,
}

fn pg_tool(name: &str) -> PathBuf {
    let p = vieclam_test_support::pg_bin().join(name);
    assert!(
        p.exists(),
        "PostgreSQL's server binaries are needed for these tests ({} is missing); install the postgresql package \
         or set DATABASE_URL",
        p.display()
    );
    p
}

/// The cluster for this test binary: `DATABASE_URL`'s server if set, else a throwaway one started once.
pub fn pg() -> &'static PgCluster {
    static CLUSTER: OnceLock<PgCluster> = OnceLock::new();
    CLUSTER.get_or_init(|| {
        if let Ok(url) = std::env::var("DATABASE_URL") {
            let base = url.rsplit_once('/').map_or(url.clone(), |(b, _)| b.to_owned());
            return PgCluster { base_url: base };
        }
        let dir = std::env::temp_dir().join(format!("vieclam-pg-{}-{}", std::process::id(), free_port()));
        std::fs::create_dir_all(&dir).expect("cluster folder");
        let ok = Command::new("chown").arg("postgres:postgres").arg(&dir).status().expect("chown");
        assert!(ok.success(), "chown the cluster folder to postgres");
        let init = Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(pg_tool("initdb"))
            .args(["-D"])
            .arg(&dir)
            .args(["--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync"])
            .stdout(Stdio::null())
            .status()
            .expect("initdb runs");
        assert!(init.success(), "initdb failed");
        let port = free_port();
        let opts =
            format!("-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", dir.display());
        let start = Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(pg_tool("pg_ctl"))
            .arg("-D")
            .arg(&dir)
            .args(["-o", &opts, "-l"])
            .arg(dir.join("log"))
            .args(["-w", "start"])
            .stdout(Stdio::null())
            .status()
            .expect("pg_ctl runs");
        assert!(start.success(), "pg_ctl start failed");
        // Statics are never dropped: the cluster is stopped and removed once this test process is gone.
        after_exit(&format!(
            "runuser -u postgres -- {ctl} -D {d} -m immediate stop; rm -rf {d}",
            ctl = pg_tool("pg_ctl").display(),
            d = dir.display()
        ));
        PgCluster { base_url: format!("postgres://postgres@127.0.0.1:{port}") }
    })
}

impl PgCluster {
    /// A new empty database in the cluster; answers its URL.
    pub async fn new_database(&self) -> String {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!("t{}_{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst));
        let (client, conn) = tokio_postgres::connect(&format!("{}/postgres", self.base_url), tokio_postgres::NoTls)
            .await
            .expect("connect");
        tokio::spawn(conn);
        client.batch_execute(&format!("CREATE DATABASE {name}")).await.expect("create database");
        format!("{}/{name}", self.base_url)
    }
}

/// Which database a server runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite in the data folder.
    Sqlite,
    /// A fresh database in the test cluster.
    Postgres,
}

/// A running `vieclam-server serve`, killed on drop.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// The data folder.
    pub data: tempfile::TempDir,
    /// The PostgreSQL URL, if on PostgreSQL.
    pub database_url: Option<String>,
    child: Option<Child>,
    extra: Vec<String>,
}

impl Server {
    /// Prepares a data folder (and database) without starting; run admin commands, then [`Server::start`].
    pub async fn new(backend: Backend, extra: &[&str]) -> Server {
        let database_url = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(pg().new_database().await),
        };
        Server {
            url: String::new(),
            data: tempfile::tempdir().expect("temp dir"),
            database_url,
            child: None,
            extra: extra.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn base_args(&self) -> Vec<String> {
        let mut args = vec!["--data".to_owned(), self.data.path().display().to_string()];
        if let Some(u) = &self.database_url {
            args.extend(["--database-url".to_owned(), u.clone()]);
        }
        args
    }

    /// Runs an admin command (`users add …`) on the same database; answers its stdout, panicking on failure.
    pub fn admin(&self, args: &[&str]) -> String {
        let out =
            Command::new(bin()).args(self.base_args()).args(args).env_remove("DATABASE_URL").output().expect("run");
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs an admin command that must fail; answers its stderr.
    #[allow(dead_code)] // not every test file expects a refusal
    pub fn admin_refused(&self, args: &[&str]) -> String {
        let out =
            Command::new(bin()).args(self.base_args()).args(args).env_remove("DATABASE_URL").output().expect("run");
        assert!(!out.status.success(), "{args:?} succeeded: {}", String::from_utf8_lossy(&out.stdout));
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// Starts serving and waits for `/v1/health`.
    pub async fn start(mut self) -> Server {
        let port = free_port();
        let child = Command::new(bin())
            .args(self.base_args())
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .args(&self.extra)
            .env_remove("DATABASE_URL")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("server starts");
        self.child = Some(child);
        self.url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = reqwest::Client::new();
        loop {
            if client.get(format!("{}/v1/health", self.url)).send().await.is_ok_and(|r| r.status().is_success()) {
                return self;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "the server did not come up");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The library's handle on the same database, to check what the server stored.
    pub async fn db(&self) -> vieclam_server::db::Db {
        match &self.database_url {
            Some(u) => vieclam_server::db::Db::open_postgres(u).await.expect("open postgres"),
            None => {
                vieclam_server::db::Db::open_sqlite(&self.data.path().join("server.db")).await.expect("open sqlite")
            }
        }
    }

    /// A returning worker enrolled from a new device (Lý Văn Bình, 0912 345 679), signed in.
    #[allow(dead_code)] // not every test file enrols a worker
    pub async fn enrolled_worker(&self) -> Api {
        let enrol = serde_json::json!({ "full_name": "Lý Văn Bình", "phone": "0912 345 679", "password": "matkhau-123",
            "device": device() });
        let (st, session) = self.client().post("/v1/auth/enrol", &enrol).await;
        assert_eq!(st, 200, "{session}");
        self.client().with_token(&session)
    }

    /// A client for this server.
    pub fn client(&self) -> Api {
        Api { base: self.url.clone(), http: reqwest::Client::new(), token: None }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// A pulled change's record as a device rebuilds it: the body, with the `id` an office record's body leaves out on
/// the wire put back from the change.
#[allow(dead_code)] // not every test file reads records
pub fn record(change: &Value) -> Value {
    let mut body = change["body"].clone();
    if let Some(obj) = body.as_object_mut() {
        obj.entry("id").or_insert_with(|| change["id"].clone());
    }
    body
}

/// A new device: a fresh id and a random (well-formed) public key.
pub fn device() -> Value {
    let key: String = (0..32).map(|_| format!("{:02x}", rand::random::<u8>())).collect();
    json!({ "device_id": vieclam_core::ids::new_id(), "public_key": key, "name": "test", "platform": "desktop" })
}

/// A JSON client with an optional bearer token.
#[derive(Clone)]
pub struct Api {
    /// Server URL.
    pub base: String,
    /// HTTP client.
    pub http: reqwest::Client,
    /// Bearer token.
    pub token: Option<String>,
}

/// An answer: status and JSON body (Null when empty).
pub type Answer = (u16, Value);

impl Api {
    async fn send(&self, rb: reqwest::RequestBuilder) -> Answer {
        let rb = match &self.token {
            Some(t) => rb.bearer_auth(t),
            None => rb,
        };
        let r = rb.send().await.expect("request");
        let status = r.status().as_u16();
        let text = r.text().await.unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// GET `path`.
    pub async fn get(&self, path: &str) -> Answer {
        self.send(self.http.get(format!("{}{path}", self.base))).await
    }

    /// POST `body` as JSON to `path`.
    pub async fn post(&self, path: &str, body: &Value) -> Answer {
        self.send(self.http.post(format!("{}{path}", self.base)).json(body)).await
    }

    /// POST raw bytes to `path`.
    pub async fn post_raw(&self, path: &str, body: &'static str) -> Answer {
        self.send(self.http.post(format!("{}{path}", self.base)).header("content-type", "application/json").body(body))
            .await
    }

    /// Signs in with a password; answers a client holding the token.
    pub async fn login(&self, username: &str, password: &str) -> Api {
        let (status, s) = self
            .post("/v1/auth/login", &json!({ "username": username, "password": password, "device": device() }))
            .await;
        assert_eq!(status, 200, "login {username}: {s}");
        self.with_token(&s)
    }

    /// This client with the session's token.
    pub fn with_token(&self, session: &Value) -> Api {
        Api { token: session["token"].as_str().map(str::to_owned), ..self.clone() }
    }

    /// Pulls every page from the start; answers all changes.
    pub async fn pull_all(&self, limit: u32) -> Vec<Value> {
        let mut cursor = String::new();
        let mut all = Vec::new();
        loop {
            let (status, page) = self.get(&format!("/v1/pull?limit={limit}&cursor={cursor}")).await;
            assert_eq!(status, 200, "pull: {page}");
            all.extend(page["changes"].as_array().cloned().unwrap_or_default());
            cursor = page["cursor"].as_str().unwrap_or_default().to_owned();
            if page["more"] != json!(true) {
                return all;
            }
        }
    }
}

/// The error code of an error answer.
pub fn code(answer: &Answer) -> &str {
    answer.1["error"]["code"].as_str().unwrap_or("")
}

/// The demo's borrower activation codes and ID numbers, read from the sign-in sheet.
pub fn demo_codes(sheet: &str) -> Vec<(String, String)> {
    sheet
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            let code = w.next()?;
            (w.next()? == "CCCD").then(|| (code.to_owned(), w.next().unwrap_or_default().to_owned()))
        })
        .collect()
}
