//! The commands, one file each, and what they share: the day, the data folder, opening the store.

mod check;
mod evidence;
mod init;
mod loans;
mod login;
mod minutes;
mod parse;
mod programmes;
mod register;
mod review;
mod sites;
mod status;
mod sync;
mod walk;

use std::path::PathBuf;

use chrono::NaiveDate;
use vieclam_core::messages::cli as m;
use vieclam_core::{Lang, Store, format};

use crate::Failure;
use crate::args::{Cli, Command, EvidenceCommand};
use crate::home;

/// What every command needs.
pub struct Ctx {
    /// Language of the output.
    pub lang: Lang,
    /// The data folder.
    pub folder: PathBuf,
    /// Today (or `--on`).
    pub today: NaiveDate,
}

impl Ctx {
    /// Opens the existing store.
    pub fn open(&self) -> Result<Store, Failure> {
        let path = home::store_path(&self.folder);
        if !path.exists() {
            return Err(Failure(m::NO_STORE.fill(self.lang, &[("path", &self.folder.display().to_string())])));
        }
        let key = home::read_key(&self.folder, self.lang).map_err(Failure)?;
        Store::open(&path, &key).map_err(|e| Failure::core(e, self.lang))
    }
}

/// Runs the command line.
pub fn run(cli: Cli, lang: Lang) -> Result<(), Failure> {
    let today = match &cli.on {
        Some(text) => format::parse_date(text).ok_or_else(|| Failure(m::BAD_DATE.fill(lang, &[("text", text)])))?,
        // The province's day, as the apps and the server count it, whatever zone the desktop is set to.
        None => vieclam_core::query::session::today_in_province(),
    };
    let ctx = Ctx { lang, folder: home::folder(cli.home.as_deref()), today };
    match cli.command {
        Command::Init { demo, seed, force } => init::run(&ctx, demo, seed, force),
        Command::Loans { search, page } => loans::list(&ctx, search.as_deref().unwrap_or(""), page),
        Command::Loan { id, remind } => loans::show(&ctx, &id, remind),
        Command::Sites { near, limit, all } => sites::run(&ctx, &near, limit, all),
        Command::Register(args) => register::run(&ctx, *args),
        Command::Programmes { search } => programmes::run(&ctx, search.as_deref().unwrap_or("")),
        Command::Check { action } => check::run(&ctx, action),
        Command::Walk { file, site, check } => walk::run(&ctx, &file, site.as_deref(), check.as_deref()),
        Command::Minutes { commune, plan, html } => minutes::run(&ctx, &commune, plan.as_deref(), html.as_deref()),
        Command::Review { action } => review::run(&ctx, action),
        Command::Evidence { action: EvidenceCommand::Verify } => evidence::verify(&ctx),
        Command::Exif { file } => evidence::exif(&ctx, &file),
        Command::Login { server, username, password_stdin } => login::login(&ctx, &server, &username, password_stdin),
        Command::Activate { server, code, id_number } => login::activate(&ctx, &server, &code, &id_number),
        Command::Enrol { server, name, phone, password_stdin } => {
            login::enrol(&ctx, &server, &name, &phone, password_stdin)
        }
        Command::Logout => login::logout(&ctx),
        Command::Sync => sync::run(&ctx),
        Command::Status => status::run(&ctx),
    }
}
