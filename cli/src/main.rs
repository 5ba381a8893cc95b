//! `vieclam`: the Vieclam core in a terminal — a field device on a desktop, for demos, support and tests.
//!
//! Every failure is one clear sentence on stderr and a non-zero exit, in the chosen language; never a panic.

mod args;
mod commands;
mod home;
mod table;

use std::process::ExitCode;

use clap::Parser;
use vieclam_core::Lang;
use vieclam_core::messages::cli as m;

/// A failure already worded for the person at the terminal.
pub struct Failure(pub String);

impl Failure {
    /// Wraps a core error in the chosen language.
    pub fn core(e: vieclam_core::Error, lang: Lang) -> Failure {
        Failure(e.message(lang))
    }
}

/// Output piped into `head` ends quietly, as for any Unix tool, instead of failing on the closed pipe.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread exists; SIG_DFL is always a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = args::Cli::parse();
    let lang: Lang = match cli.lang.parse() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}: {e}", m::ERROR.get(Lang::Vi));
            return ExitCode::from(2);
        }
    };
    match commands::run(cli, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("{}: {message}", m::ERROR.get(lang));
            ExitCode::FAILURE
        }
    }
}
