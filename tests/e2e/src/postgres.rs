//! A throwaway PostgreSQL cluster for tests, or the one `DATABASE_URL` names. Each test takes a fresh database
//! from it, so tests never see each other's rows.
//!
//! initdb refuses to run as root, and tests here often do: then the cluster's folder is given to the `postgres`
//! user and every PostgreSQL tool runs through `runuser -u postgres`. The cluster listens on loopback on a free
//! port with its socket in its own folder, runs with `fsync=off` (a test cluster need not survive a power cut),
//! and is stopped and deleted when dropped.

use std::ffi::CString;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::{Result, io, process};
use crate::net;

use vieclam_test_support::pg_bin;

/// A PostgreSQL server to make test databases in.
pub struct PgCluster {
    kind: Kind,
}

enum Kind {
    /// One we started: its folder (deleted on drop) and port.
    Owned { dir: tempfile::TempDir, port: u16, as_postgres: bool },
    /// `DATABASE_URL`: someone else's; databases are made in it and dropped with it left running.
    External { url: url::Url },
}

impl PgCluster {
    /// The cluster `DATABASE_URL` names, or a new throwaway one.
    pub fn start() -> Result<PgCluster> {
        if let Ok(text) = std::env::var("DATABASE_URL") {
            let url = url::Url::parse(&text).map_err(|e| process("DATABASE_URL", e.to_string()))?;
            return Ok(PgCluster { kind: Kind::External { url } });
        }
        PgCluster::throwaway()
    }

    /// A new cluster of our own, whatever `DATABASE_URL` says.
    pub fn throwaway() -> Result<PgCluster> {
        let as_postgres = is_root();
        let dir = tempfile::Builder::new().prefix("vieclam-pg").tempdir().map_err(io("creating the cluster folder"))?;
        if as_postgres {
            give_to_postgres(dir.path())?;
        }
        let data = dir.path().join("data");
        let port = net::free_port()?;
        let initdb = pg_tool(as_postgres, "initdb")
            .arg("-D")
            .arg(&data)
            .args(["--auth=trust", "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8"])
            .output()
            .map_err(io("running initdb"))?;
        check("initdb", &initdb)?;
        let opts = format!("-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", dir.path().display());
        let start = pg_tool(as_postgres, "pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-o", &opts, "-l"])
            .arg(dir.path().join("postgres.log"))
            .args(["-w", "start"])
            .output()
            .map_err(io("running pg_ctl start"))?;
        let cluster = PgCluster { kind: Kind::Owned { dir, port, as_postgres } };
        check("pg_ctl start", &start)?;
        Ok(cluster)
    }

    /// The URL of the database `name` in this cluster.
    pub fn url_of(&self, name: &str) -> String {
        match &self.kind {
            Kind::Owned { port, .. } => format!("postgres://postgres@127.0.0.1:{port}/{name}"),
            Kind::External { url } => {
                let mut url = url.clone();
                url.set_path(&format!("/{name}"));
                url.to_string()
            }
        }
    }

    /// Creates the database `name` and returns its URL.
    pub fn create_database(&self, name: &str) -> Result<String> {
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(process("create database", format!("unsafe database name {name:?}")));
        }
        self.sql("postgres", &format!("CREATE DATABASE {name}"))?;
        Ok(self.url_of(name))
    }

    /// A new, empty database with a unique name; its URL.
    pub fn fresh_database(&self) -> Result<String> {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let name = format!("e2e_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        self.create_database(&name)
    }

    /// Runs one SQL statement in database `db` with `psql`; its output.
    pub fn sql(&self, db: &str, statement: &str) -> Result<String> {
        let mut cmd = match &self.kind {
            Kind::Owned { as_postgres, .. } => pg_tool(*as_postgres, "psql"),
            Kind::External { .. } => Command::new(pg_bin().join("psql")),
        };
        let out = cmd
            .arg(self.url_of(db))
            .args(["-v", "ON_ERROR_STOP=1", "-At", "-c", statement])
            .output()
            .map_err(io("running psql"))?;
        check("psql", &out)?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        if let Kind::Owned { dir, as_postgres, .. } = &self.kind {
            let _ = pg_tool(*as_postgres, "pg_ctl")
                .arg("-D")
                .arg(dir.path().join("data"))
                .args(["-m", "immediate", "-w", "stop"])
                .output();
        }
    }
}

/// A PostgreSQL tool, run as `postgres` when we are root.
fn pg_tool(as_postgres: bool, tool: &str) -> Command {
    let path = pg_bin().join(tool);
    if as_postgres {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(path);
        cmd
    } else {
        Command::new(path)
    }
}

fn check(what: &str, out: &Output) -> Result<()> {
    if out.status.success() {
        return Ok(());
    }
    Err(process(
        what,
        format!(
            "exited with {}:\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    ))
}

fn is_root() -> bool {
    // SAFETY: geteuid(2) has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Gives `dir` to the `postgres` user, so initdb (run as that user) can write in it.
fn give_to_postgres(dir: &Path) -> Result<()> {
    let name = CString::new("postgres").map_err(|e| process("postgres user", e.to_string()))?;
    // SAFETY: getpwnam(3) with a valid NUL-terminated name; the result is read at once, before any other call
    // that could reuse its static buffer.
    let (uid, gid) = unsafe {
        let pw = libc::getpwnam(name.as_ptr());
        if pw.is_null() {
            return Err(process("postgres user", "no `postgres` user on this machine: install PostgreSQL"));
        }
        ((*pw).pw_uid, (*pw).pw_gid)
    };
    std::os::unix::fs::chown(dir, Some(uid), Some(gid)).map_err(io("giving the cluster folder to postgres"))
}
