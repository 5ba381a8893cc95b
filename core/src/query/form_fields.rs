//! How a screen takes each field of the registration form, and the changes a screen makes to it. The apps draw
//! what this says (a text box, a list typed with commas, one choice, several choices, a tick box) and hand the
//! person's input back here, so no app splits lists, knows the commune codes or the codes of what a worker wants.

use crate::messages::registration as msg;
use crate::messages::{Lang, Text};
use crate::places::communes;
use crate::registration::{RegistrationForm, Want};

/// How a screen takes a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FieldKind {
    /// Free text on one line.
    Text,
    /// A date typed `dd/MM/yyyy`.
    Date,
    /// A phone number.
    Phone,
    /// A whole number.
    Number,
    /// Several entries typed on one line, separated by commas: the whole line goes to `set_field`
    /// (`registrationSetField` in the apps).
    List,
    /// Exactly one of [`FieldOption`]s: the tapped code goes to `toggle` (`registrationToggle`).
    Choice,
    /// Any number of [`FieldOption`]s: each tapped code goes to `toggle` (`registrationToggle`).
    MultiChoice,
    /// A tick box: `toggle` (`registrationToggle`) flips it.
    Consent,
}

/// One option of a choice field.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldOption {
    /// The code the form holds (`female`, `05977`, `training`).
    pub code: String,
    /// What a person reads.
    pub label: String,
    /// Whether the form holds it now.
    pub selected: bool,
}

/// How the screen takes `field`.
pub fn kind(field: &str) -> FieldKind {
    match field {
        "birth_date" => FieldKind::Date,
        "phone" => FieldKind::Phone,
        "years_abroad" => FieldKind::Number,
        "skills" | "languages" | "certificates" => FieldKind::List,
        "sex" | "commune_code" => FieldKind::Choice,
        "wants" => FieldKind::MultiChoice,
        "consent" => FieldKind::Consent,
        _ => FieldKind::Text,
    }
}

/// A want's label.
pub fn want_label(w: Want) -> Text {
    match w {
        Want::DomesticJob => msg::WANT_DOMESTIC_JOB,
        Want::Training => msg::WANT_TRAINING,
        Want::SelfEmploymentLoan => msg::WANT_SELF_EMPLOYMENT_LOAN,
        Want::WorkAbroad => msg::WANT_WORK_ABROAD,
    }
}

/// The options of a choice field, with what `form` holds marked; empty for other fields. Communes come in the
/// official list's order with their full names.
pub fn options(form: &RegistrationForm, field: &str, lang: Lang) -> Vec<FieldOption> {
    let option = |code: &str, label: String, selected: bool| FieldOption { code: code.to_owned(), label, selected };
    match field {
        "sex" => {
            let held = crate::registration::Sex::parse(&form.sex);
            [(crate::registration::Sex::Male, msg::SEX_MALE), (crate::registration::Sex::Female, msg::SEX_FEMALE)]
                .into_iter()
                .map(|(sex, label)| option(sex.as_str(), label.get(lang).to_owned(), held == Some(sex)))
                .collect()
        }
        "commune_code" => communes::communes()
            .iter()
            .map(|c| option(&c.code, c.name.clone(), c.code == form.commune_code.trim()))
            .collect(),
        "wants" => Want::ALL
            .into_iter()
            .map(|w| {
                let held = form.wants.iter().any(|c| Want::parse(c) == Some(w));
                option(w.as_str(), want_label(w).get(lang).to_owned(), held)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A list as its field shows it: the entries joined with a comma, and a space after the comma unless the entry
/// already starts with one. What `set_field` made from a typed line shows back as typed (a space is added after
/// a comma only where none was typed), and a list made elsewhere reads "Hàn điện, Lái xe nâng".
pub fn join_list(items: &[String]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
            if !item.starts_with(char::is_whitespace) {
                out.push(' ');
            }
        }
        out.push_str(item);
    }
    out
}

/// `form` with `field` set to `value` as the person typed it. A list is split at its commas and each entry kept as
/// typed (spaces inside, a trailing empty entry after a comma just typed), so the person can go on typing; the
/// validation trims and drops blanks. An empty optional field becomes absent. Unknown fields change
/// nothing. Choice fields take their option's code.
pub fn set_field(form: &RegistrationForm, field: &str, value: &str) -> RegistrationForm {
    let mut f = form.clone();
    let list = || if value.is_empty() { Vec::new() } else { value.split(',').map(str::to_owned).collect() };
    let optional = || Some(value.to_owned()).filter(|v| !v.trim().is_empty());
    match field {
        "full_name" => f.full_name = value.to_owned(),
        "id_number" => f.id_number = value.to_owned(),
        "birth_date" => f.birth_date = value.to_owned(),
        "sex" => f.sex = value.to_owned(),
        "phone" => f.phone = value.to_owned(),
        "commune_code" => f.commune_code = value.to_owned(),
        "address" => f.address = value.to_owned(),
        "country_abroad" => f.country_abroad = optional(),
        "years_abroad" => f.years_abroad = optional(),
        "occupation" => f.occupation = value.to_owned(),
        "skills" => f.skills = list(),
        "languages" => f.languages = list(),
        "certificates" => f.certificates = list(),
        "wants" => f.wants = list(),
        "consent" => f.consent = matches!(value, "true" | "1" | "yes"),
        _ => {}
    }
    f
}

/// `form` after the person tapped option `code` of `field`: a multiple choice gains or loses it (kept in the
/// screen's order), a single choice takes it, the consent box flips (any code). Unknown fields or codes change
/// nothing.
pub fn toggle(form: &RegistrationForm, field: &str, code: &str) -> RegistrationForm {
    let mut f = form.clone();
    match field {
        "wants" => {
            let Some(tapped) = Want::parse(code) else { return f };
            let mut held: Vec<Want> = f.wants.iter().filter_map(|c| Want::parse(c)).collect();
            if held.contains(&tapped) {
                held.retain(|w| *w != tapped);
            } else {
                held.push(tapped);
            }
            f.wants = Want::ALL.into_iter().filter(|w| held.contains(w)).map(|w| w.as_str().to_owned()).collect();
        }
        // Only an option's own code is taken (a tap, not typing): checked against the catalogue directly, without
        // building the 65 labelled communes the form shows.
        "sex" if crate::registration::Sex::parse(code).is_some_and(|s| s.as_str() == code) => {
            f = set_field(form, field, code);
        }
        "commune_code" if communes::commune(code).is_some_and(|c| c.code == code) => {
            f = set_field(form, field, code);
        }
        "consent" => f.consent = !f.consent,
        _ => {}
    }
    f
}

/// A new registration for someone who chose a programme of `kind` in the catalogue (`domestic_job`, `training`,
/// `loan`, `overseas`): what they want is already ticked. An unknown kind ticks nothing.
pub fn for_programme(kind: &str) -> RegistrationForm {
    let want = match kind {
        "domestic_job" => Some(Want::DomesticJob),
        "training" => Some(Want::Training),
        "loan" => Some(Want::SelfEmploymentLoan),
        "overseas" => Some(Want::WorkAbroad),
        _ => None,
    };
    RegistrationForm { wants: want.map(|w| vec![w.as_str().to_owned()]).unwrap_or_default(), ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_keeps_what_was_typed_between_its_commas() {
        let mut f = RegistrationForm::default();
        for typed in ["Hàn", "Hàn ", "Hàn Quốc, Nh", "Hàn Quốc, Nhật Bản"] {
            f = set_field(&f, "languages", typed);
            assert_eq!(join_list(&f.languages), typed, "shown back as typed");
        }
        assert_eq!(f.languages, ["Hàn Quốc", " Nhật Bản"]);
        // A comma just typed shows with its space, ready for the next entry; typing on keeps it.
        assert_eq!(join_list(&set_field(&f, "languages", "Hàn Quốc,").languages), "Hàn Quốc, ");
        assert_eq!(join_list(&["Hàn điện".into(), "Lái xe nâng".into()]), "Hàn điện, Lái xe nâng");
        assert!(set_field(&f, "languages", "").languages.is_empty());
        assert_eq!(set_field(&f, "years_abroad", "  ").years_abroad, None);
        assert_eq!(set_field(&f, "nope", "x"), f);
    }

    #[test]
    fn choices_come_from_the_core_and_taps_toggle_them() {
        let f = for_programme("overseas");
        assert_eq!(f.wants, ["work_abroad"]);
        let f = toggle(&f, "wants", "training");
        assert_eq!(f.wants, ["training", "work_abroad"], "in the screen's order");
        let f = toggle(&f, "wants", "work_abroad");
        assert_eq!(f.wants, ["training"]);
        assert_eq!(toggle(&f, "wants", "bribe"), f, "an unknown code changes nothing");
        let wants = options(&f, "wants", Lang::Vi);
        assert_eq!(wants.len(), 4);
        assert!(wants.iter().any(|o| o.code == "training" && o.selected && o.label == "Học nghề"));
        let communes = options(&f, "commune_code", Lang::Vi);
        assert_eq!(communes.len(), 65);
        let f = toggle(&f, "commune_code", &communes[3].code);
        assert!(options(&f, "commune_code", Lang::En)[3].selected);
        assert_eq!(toggle(&f, "commune_code", "99999"), f);
        let f = toggle(&f, "sex", "female");
        assert_eq!(options(&f, "sex", Lang::En).iter().find(|o| o.selected).map(|o| o.label.as_str()), Some("Female"));
        // A tap carries an option's own code: a word the typed field would read ("nam") is no option.
        assert_eq!(toggle(&f, "sex", "nam"), f);
        assert_eq!(toggle(&f, "commune_code", &format!(" {}", communes[3].code)), f);
        assert!(toggle(&f, "consent", "").consent);
        assert_eq!(kind("wants"), FieldKind::MultiChoice);
        assert_eq!(kind("skills"), FieldKind::List);
        assert!(options(&f, "full_name", Lang::Vi).is_empty());
    }
}
