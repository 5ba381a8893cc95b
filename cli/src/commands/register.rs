//! `vieclam register`: a returning worker's registration, from flags, asking in the terminal for what is missing.

use std::io::{BufRead, IsTerminal, Write};

use vieclam_core::messages::cli as m;
use vieclam_core::registration::{self, RegistrationForm};
use vieclam_core::{Error, Lang};

use super::Ctx;
use crate::Failure;
use crate::args::RegisterArgs;

fn list(text: Option<String>) -> Vec<String> {
    text.map(|t| t.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()).unwrap_or_default()
}

/// Asks for a missing value on the terminal; elsewhere leaves it empty for validation to name.
fn ask(value: Option<String>, label: (&str, &str), lang: Lang, interactive: bool) -> Option<String> {
    if value.is_some() || !interactive {
        return value;
    }
    let label = if lang == Lang::Vi { label.0 } else { label.1 };
    print!("{}", m::PROMPT.fill(lang, &[("label", label)]));
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
    let full_name = ask(a.name, ("Họ và tên", "Full name"), lang, tty);
    let id_number = ask(a.id_number, ("Số CCCD/CMND", "CCCD/CMND number"), lang, tty);
    let birth_date = ask(a.birth_date, ("Ngày sinh (dd/MM/yyyy)", "Date of birth (dd/MM/yyyy)"), lang, tty);
    let sex = ask(a.sex, ("Giới tính (nam/nữ)", "Sex (male/female)"), lang, tty);
    let phone = ask(a.phone, ("Số điện thoại", "Mobile number"), lang, tty);
    let commune = ask(a.commune, ("Xã/phường", "Commune"), lang, tty);
    let address = ask(a.address, ("Địa chỉ (thôn, bản)", "Address (village)"), lang, tty);
    let occupation = ask(a.occupation, ("Nghề nghiệp", "Occupation"), lang, tty);
    let wants = ask(
        a.wants,
        (
            "Nhu cầu (domestic_job, training, self_employment_loan, work_abroad)",
            "Wants (domestic_job, training, self_employment_loan, work_abroad)",
        ),
        lang,
        tty,
    );
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
