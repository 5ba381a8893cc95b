//! The registration form's state as a screen draws it: every field with its label, its value as typed, and —
//! once the person has touched it — the error to show under it; plus whether the form may be sent.

use chrono::NaiveDate;

use super::form_fields::{FieldKind, FieldOption, join_list, kind, options};
use crate::messages::Lang;
use crate::messages::registration::{FORM_TITLE, SUBMIT, field_label};
use crate::registration::{FIELDS, RegistrationForm, validate, validate_field};

/// One field of the form as the screen draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldState {
    /// Field name (`full_name`, `phone`, …).
    pub field: String,
    /// Label to show.
    pub label: String,
    /// The value as typed (a list's entries joined with ", " by `form_fields::join_list`, or as they were typed).
    pub value: String,
    /// The stable code of the first error, if any is to be shown (`phone.prefix_unknown`).
    pub error_code: Option<String>,
    /// The error to show under the field.
    pub error: Option<String>,
    /// How the screen takes it: a text box, a comma list, one choice, several, a tick box.
    pub kind: FieldKind,
    /// For a choice, its options (communes, sexes, what a worker wants) with what the form holds marked; empty
    /// otherwise.
    pub options: Vec<FieldOption>,
}

/// The whole form as the screen draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FormState {
    /// Heading.
    pub title: String,
    /// Fields in display order.
    pub fields: Vec<FieldState>,
    /// Label of the submit button.
    pub submit_label: String,
    /// Whether every field is valid.
    pub can_submit: bool,
}

fn value(form: &RegistrationForm, field: &str) -> String {
    match field {
        "full_name" => form.full_name.clone(),
        "id_number" => form.id_number.clone(),
        "birth_date" => form.birth_date.clone(),
        "sex" => form.sex.clone(),
        "phone" => form.phone.clone(),
        "commune_code" => form.commune_code.clone(),
        "address" => form.address.clone(),
        "country_abroad" => form.country_abroad.clone().unwrap_or_default(),
        "years_abroad" => form.years_abroad.clone().unwrap_or_default(),
        "occupation" => form.occupation.clone(),
        "skills" => join_list(&form.skills),
        "languages" => join_list(&form.languages),
        "certificates" => join_list(&form.certificates),
        "wants" => join_list(&form.wants),
        "consent" => {
            if form.consent {
                "✓".into()
            } else {
                String::new()
            }
        }
        _ => String::new(),
    }
}

/// The form's state: errors are shown only for fields in `touched` (a person is not scolded for fields they have
/// not reached yet); `can_submit` considers every field.
pub fn form_state(form: &RegistrationForm, touched: &[String], today: NaiveDate, lang: Lang) -> FormState {
    let fields = FIELDS
        .iter()
        .map(|&field| {
            let first = if touched.iter().any(|t| t == field) {
                validate_field(field, form, today).into_iter().next()
            } else {
                None
            };
            FieldState {
                field: field.to_owned(),
                label: field_label(field).get(lang).to_owned(),
                value: value(form, field),
                error_code: first.as_ref().map(|e| e.code.clone()),
                error: first.map(|e| e.message.get(lang).to_owned()),
                kind: kind(field),
                options: options(form, field, lang),
            }
        })
        .collect();
    FormState {
        title: FORM_TITLE.get(lang).to_owned(),
        fields,
        submit_label: SUBMIT.get(lang).to_owned(),
        can_submit: validate(form, today).is_ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()
    }

    #[test]
    fn errors_show_only_on_touched_fields() {
        let form = RegistrationForm { phone: "0112345678".into(), ..Default::default() };
        let s = form_state(&form, &["phone".into()], today(), Lang::Vi);
        assert!(!s.can_submit);
        let phone = s.fields.iter().find(|f| f.field == "phone").unwrap();
        assert_eq!(phone.error_code.as_deref(), Some("phone.prefix_unknown"));
        assert_eq!(phone.label, "Số điện thoại");
        let name = s.fields.iter().find(|f| f.field == "full_name").unwrap();
        assert_eq!(name.error, None, "untouched");
        assert_eq!(s.fields.len(), FIELDS.len());
    }
}
