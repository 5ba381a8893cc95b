//! `vieclam register`: a returning worker's registration, from flags, asking in the terminal for what is missing.

use std::io::{BufRead, IsTerminal, Write};

use vieclam_core::messages::{Text, cli as m};
use vieclam_core::registration::{self, RegistrationForm};
use vieclam_core::{Error, Lang};

use super::Ctx;
use crate::Failure;
use crate::args::RegisterArgs;

fn list(text: Option<String>) -> Vec<String> {
    text.map(|t| t.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()).unwrap_or_default()
}

/// Asks for a missing value on the terminal; elsewhere leaves it empty for validation to name.
fn ask(value: Option<String>, label: Text, lang: Lang, interactive: bool) -> Option<String> {
    if value.is_some() || !interactive {
        return value;
    }
    print!("{}", m::PROMPT.fill(lang, &[("label", label.get(lang))]));
    std::io::stdout().flush().ok();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok()?;
    let line = line.trim().to_owned();
    (!line.is_empty()).then_some(line)
}

/// Validates and saves the registration.
pub fn run(ctx: &Ctx, a: RegisterArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let tty = std::io::stdin().is_terminal();
    let mut store = ctx.open()?;
    let full_name = ask(a.name, m::ASK_FULL_NAME, lang, tty);
    let id_number = ask(a.id_number, m::ASK_ID_NUMBER, lang, tty);
    let birth_date = ask(a.birth_date, m::ASK_BIRTH_DATE, lang, tty);
    let sex = ask(a.sex, m::ASK_SEX, lang, tty);
    let phone = ask(a.phone, m::ASK_PHONE, lang, tty);
    let commune = ask(a.commune, m::ASK_COMMUNE, lang, tty);
    let address = ask(a.address, m::ASK_ADDRESS, lang, tty);
    let occupation = ask(a.occupation, m::ASK_OCCUPATION, lang, tty);
    let wants = ask(a.wants, m::ASK_WANTS, lang, tty);
    let form = RegistrationForm {
        full_name: full_name.unwrap_or_default(),
        id_number: id_number.unwrap_or_default(),
        birth_date: birth_date.unwrap_or_default(),
        sex: sex.unwrap_or_default(),
        phone: phone.unwrap_or_default(),
        commune_code: commune.map(|c| super::parse::commune_code(&c).unwrap_or(c)).unwrap_or_default(),
        address: address.unwrap_or_default(),
        country_abroad: a.country,
        years_abroad: a.years,
        occupation: occupation.unwrap_or_default(),
        skills: list(a.skills),
        languages: list(a.languages),
        certificates: list(a.certificates),
        wants: list(wants),
        consent: a.consent,
    };
    match registration::submit(&mut store, &form, ctx.today) {
        Ok(id) => {
            println!("{}", m::REGISTERED.fill(lang, &[("id", &id)]));
            Ok(())
        }
        Err(Error::Invalid(fields)) => {
            let lines: Vec<String> =
                fields.iter().map(|f| format!("  - {} [{}]", f.message.get(lang), f.code)).collect();
            Err(Failure(format!("{}\n{}", m::REGISTRATION_INVALID.get(lang), lines.join("\n"))))
        }
        Err(e) => Err(Failure::core(e, lang)),
    }
}
