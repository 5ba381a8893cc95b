//! `vieclam login`, `vieclam activate`, `vieclam enrol` and `vieclam logout`: signing this desktop device in to the
//! office server. The password is read from stdin (`--password-stdin`) or typed at a prompt without echo; it is
//! never taken on the command line, where it would land in the shell's history.

use std::io::{BufRead, IsTerminal, Write};
use std::sync::Mutex;

use vieclam_core::messages::sync as msg;
use vieclam_core::sync::{self, DeviceLabel, StoredSession};

use super::Ctx;
use crate::Failure;

/// How the device names itself to the office.
fn label() -> DeviceLabel {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "desktop".into());
    DeviceLabel { name: format!("vieclam CLI ({host})"), platform: "desktop".into() }
}

/// A tokio runtime for one command.
pub fn runtime(ctx: &Ctx) -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::core(vieclam_core::Error::Io(e), ctx.lang))
}

/// A sync failure worded for the terminal, with its stable code.
pub fn sync_failure(e: sync::SyncError, ctx: &Ctx) -> Failure {
    Failure(format!("{} [{}]", e.message(ctx.lang), e.server_code().unwrap_or(e.code())))
}

fn welcome(ctx: &Ctx, s: &StoredSession) {
    let role = msg::role_label(s.role).get(ctx.lang);
    println!("{}", msg::WELCOME.fill(ctx.lang, &[("name", &s.display_name), ("role", role)]));
}

/// `vieclam login --server URL --username U [--password-stdin]`.
pub fn login(ctx: &Ctx, server: &str, username: &str, password_stdin: bool) -> Result<(), Failure> {
    let password = read_password(ctx, password_stdin)?;
    let store = Mutex::new(ctx.open()?);
    let session = runtime(ctx)?
        .block_on(sync::login(&store, server, username, &password, &label()))
        .map_err(|e| sync_failure(e, ctx))?;
    welcome(ctx, &session);
    Ok(())
}

/// `vieclam activate --server URL --code C --id-number N`.
pub fn activate(ctx: &Ctx, server: &str, code: &str, id_number: &str) -> Result<(), Failure> {
    let store = Mutex::new(ctx.open()?);
    let session = runtime(ctx)?
        .block_on(sync::activate(&store, server, code, id_number, &label()))
        .map_err(|e| sync_failure(e, ctx))?;
    welcome(ctx, &session);
    Ok(())
}

/// `vieclam enrol --server URL --name N --phone P [--password-stdin]`.
pub fn enrol(ctx: &Ctx, server: &str, name: &str, phone: &str, password_stdin: bool) -> Result<(), Failure> {
    let password = read_password(ctx, password_stdin)?;
    let store = Mutex::new(ctx.open()?);
    let session = runtime(ctx)?
        .block_on(sync::enrol(&store, server, name, phone, &password, &label()))
        .map_err(|e| sync_failure(e, ctx))?;
    welcome(ctx, &session);
    Ok(())
}

/// `vieclam logout`.
pub fn logout(ctx: &Ctx) -> Result<(), Failure> {
    let store = Mutex::new(ctx.open()?);
    runtime(ctx)?.block_on(sync::logout(&store)).map_err(|e| sync_failure(e, ctx))?;
    println!("{}", msg::LOGGED_OUT.get(ctx.lang));
    Ok(())
}

/// The password: the first line of stdin with `--password-stdin`, else typed at a prompt on a terminal.
fn read_password(ctx: &Ctx, from_stdin: bool) -> Result<String, Failure> {
    let stdin = std::io::stdin();
    if !from_stdin && !stdin.is_terminal() {
        return Err(Failure(msg::NO_PASSWORD.get(ctx.lang).to_owned()));
    }
    if !from_stdin {
        eprint!("{}", msg::PASSWORD_PROMPT.get(ctx.lang));
        let _ = std::io::stderr().flush();
    }
    let echo = (!from_stdin).then(EchoOff::new);
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    drop(echo);
    if !from_stdin {
        eprintln!();
    }
    read.map_err(|e| Failure::core(vieclam_core::Error::Io(e), ctx.lang))?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        return Err(Failure(msg::NO_PASSWORD.get(ctx.lang).to_owned()));
    }
    Ok(password)
}

/// Turns the terminal's echo off while the password is typed, and back on when dropped.
struct EchoOff {
    #[cfg(unix)]
    saved: Option<libc::termios>,
}

impl EchoOff {
    fn new() -> EchoOff {
        #[cfg(unix)]
        {
            // SAFETY: tcgetattr/tcsetattr on stdin with a zeroed termios that tcgetattr fills; failures are ignored.
            unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(libc::STDIN_FILENO, &mut t) != 0 {
                    return EchoOff { saved: None };
                }
                let saved = t;
                t.c_lflag &= !libc::ECHO;
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &t);
                EchoOff { saved: Some(saved) }
            }
        }
        #[cfg(not(unix))]
        EchoOff {}
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(saved) = self.saved {
            // SAFETY: restores the settings read in `new`.
            unsafe {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &saved);
            }
        }
    }
}
