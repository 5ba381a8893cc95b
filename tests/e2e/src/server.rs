//! The sync server as a child process: `vieclam-server serve` on a free loopback port over a data folder (and a
//! PostgreSQL database when given), ready once `GET /v1/health` answers 200; stopped with SIGTERM then SIGKILL;
//! restarted on the same port and data, as an operator's restart would. Its output goes to `server.log` in a
//! folder of its own, whose tail is shown when it fails to start.

use std::fs::File;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use crate::bins;
use crate::error::{Result, io, process};
use crate::{http, net};

/// How long a start may take before it is a failure (debug builds on a loaded 2-core machine are slow).
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// How long SIGTERM gets before SIGKILL.
const STOP_GRACE: Duration = Duration::from_secs(10);

/// What the server runs on.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// `--data`: the server's folder (SQLite store, photos).
    pub data: PathBuf,
    /// `--database-url`: PostgreSQL instead of the embedded SQLite.
    pub database_url: Option<String>,
    /// `--demo`: start with the demo province.
    pub demo: bool,
    /// More arguments for `serve`.
    pub extra: Vec<String>,
}

impl ServerConfig {
    /// A server on SQLite in `data`.
    pub fn sqlite(data: impl Into<PathBuf>) -> ServerConfig {
        ServerConfig { data: data.into(), database_url: None, demo: false, extra: Vec::new() }
    }

    /// A server on the PostgreSQL database at `url`, keeping photos in `data`.
    pub fn postgres(data: impl Into<PathBuf>, url: impl Into<String>) -> ServerConfig {
        ServerConfig { database_url: Some(url.into()), ..ServerConfig::sqlite(data) }
    }

    /// The `--data` and `--database-url` arguments every server command takes.
    pub fn store_args(&self) -> Vec<String> {
        let mut args = vec!["--data".to_string(), self.data.display().to_string()];
        if let Some(url) = &self.database_url {
            args.extend(["--database-url".to_string(), url.clone()]);
        }
        args
    }
}

/// A running (or stopped) `vieclam-server serve`.
pub struct Server {
    config: ServerConfig,
    port: u16,
    child: Option<Child>,
    log: PathBuf,
}

impl Server {
    /// Starts the server on a free port and waits until it is healthy.
    pub fn start(config: ServerConfig) -> Result<Server> {
        std::fs::create_dir_all(&config.data).map_err(io("creating the server's data folder"))?;
        let log = config.data.join("server.log");
        let mut server = Server { config, port: net::free_port()?, child: None, log };
        server.launch()?;
        Ok(server)
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn url(&self) -> String {
        format!("http://{}", self.addr())
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }

    /// What it runs on.
    pub fn config(&self) -> &ServerConfig {
        &self.config
    }

    /// The server process's id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Whether the process is running.
    pub fn is_running(&mut self) -> bool {
        self.child.as_mut().is_some_and(|c| matches!(c.try_wait(), Ok(None)))
    }

    /// SIGTERM, then SIGKILL after a grace period; waits for the process to end.
    pub fn stop(&mut self) -> Result<()> {
        if let Some(mut child) = self.child.take() {
            signal(&child, libc::SIGTERM);
            let ended = net::wait_until(STOP_GRACE, || !matches!(child.try_wait(), Ok(None)));
            if !ended {
                let _ = child.kill();
            }
            child.wait().map_err(io("waiting for the server to stop"))?;
        }
        Ok(())
    }

    /// SIGKILL at once: a crash, as far as the server can tell.
    pub fn kill(&mut self) -> Result<()> {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            child.wait().map_err(io("waiting for the killed server"))?;
        }
        Ok(())
    }

    /// Stops the server (gracefully) and starts it again on the same port and data.
    pub fn restart(&mut self) -> Result<()> {
        self.stop()?;
        self.launch()
    }

    /// Kills the server (SIGKILL) and starts it again on the same port and data.
    pub fn crash_restart(&mut self) -> Result<()> {
        self.kill()?;
        self.launch()
    }

    /// Runs another `vieclam-server` command on the same store (`import`, `users add`, …), e.g.
    /// `server.command(&["users", "add", …])`; the store arguments are appended. Fails when it exits non-zero.
    pub fn command(&self, args: &[&str]) -> Result<Output> {
        admin_command(&self.config, args)
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn launch(&mut self) -> Result<()> {
        let exe = bins::binary(bins::SERVER)?;
        let log = File::options().create(true).append(true).open(&self.log).map_err(io("opening server.log"))?;
        let log_err = log.try_clone().map_err(io("opening server.log"))?;
        let mut cmd = Command::new(exe);
        cmd.arg("serve").arg("--listen").arg(self.addr().to_string()).args(self.config.store_args());
        if self.config.demo {
            cmd.arg("--demo");
        }
        cmd.args(&self.config.extra).stdin(Stdio::null()).stdout(log).stderr(log_err);
        if self.config.database_url.is_none() {
            // The server reads DATABASE_URL itself: a SQLite server must not pick up the test cluster's.
            cmd.env_remove("DATABASE_URL");
        }
        let child = cmd.spawn().map_err(io("starting vieclam-server"))?;
        self.child = Some(child);
        let addr = self.addr();
        let mut exited = None;
        let healthy = net::wait_until(START_TIMEOUT, || {
            if let Some(Ok(Some(status))) = self.child.as_mut().map(|c| c.try_wait()) {
                exited = Some(status);
                return true;
            }
            matches!(http::get(addr, "/v1/health", Duration::from_secs(2)), Some((200, _)))
        });
        if let Some(status) = exited {
            self.child = None;
            return Err(process("vieclam-server serve", format!("exited with {status}; log:\n{}", tail(&self.log))));
        }
        if !healthy {
            let _ = self.kill();
            return Err(process(
                "vieclam-server serve",
                format!("not healthy in {START_TIMEOUT:?}; log:\n{}", tail(&self.log)),
            ));
        }
        Ok(())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.kill();
    }
}

/// Runs `vieclam-server ARGS --data … [--database-url …]`; fails with its output when it exits non-zero.
pub fn admin_command(config: &ServerConfig, args: &[&str]) -> Result<Output> {
    run_admin(config, args, None)
}

/// [`admin_command`] with `input` on stdin (a password for `users add --password-stdin`).
pub fn admin_command_with_stdin(config: &ServerConfig, args: &[&str], input: &str) -> Result<Output> {
    run_admin(config, args, Some(input))
}

fn run_admin(config: &ServerConfig, args: &[&str], input: Option<&str>) -> Result<Output> {
    let exe = bins::binary(bins::SERVER)?;
    let mut cmd = Command::new(exe);
    cmd.args(args).args(config.store_args()).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
    if config.database_url.is_none() {
        cmd.env_remove("DATABASE_URL");
    }
    let mut child = cmd.spawn().map_err(io("running vieclam-server"))?;
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        use std::io::Write;
        stdin.write_all(text.as_bytes()).map_err(io("writing vieclam-server's stdin"))?;
    }
    let out = child.wait_with_output().map_err(io("waiting for vieclam-server"))?;
    if !out.status.success() {
        return Err(process(
            format!("vieclam-server {}", args.first().copied().unwrap_or_default()),
            format!(
                "exited with {}:\n{}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        ));
    }
    Ok(out)
}

/// Sends `sig` to a child process.
pub fn signal(child: &Child, sig: libc::c_int) {
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill(2) on the pid of a child we own and have not reaped; no memory is involved.
        unsafe {
            libc::kill(pid, sig);
        }
    }
}

/// The last 40 lines of a log file.
pub fn tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}
