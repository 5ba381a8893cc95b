//! The office's staff accounts and their devices: add an inspector or an admin (the password is made by the server
//! and shown once), disable and enable an account (disabling signs it out everywhere), reset a password (shown
//! once, every session revoked), and revoke one lost device. Every action is a form POST answered with a page that
//! says what was done, or why not (nothing changed).

use vieclam_core::checks::minutes_html::escape;
use vieclam_core::messages::{Text, dashboard as d};

use super::render::{both, page};

/// One device of an account.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeviceRow {
    /// Device id.
    pub id: String,
    /// Its name as it enrolled ("Pixel 6a của An").
    pub name: String,
    /// `android`, `ios`, `desktop`.
    pub platform: String,
    /// Enrolled on (`dd/mm/yyyy`).
    pub enrolled_on: String,
    /// Revoked: it can no longer sync.
    pub revoked: bool,
}

/// One staff account.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserRow {
    /// Account id.
    pub id: String,
    /// User name.
    pub username: String,
    /// Full name.
    pub name: String,
    /// `admin` or `inspector`.
    pub role: String,
    /// Disabled accounts cannot sign in.
    pub disabled: bool,
    /// Its field devices (not the office's browser sessions).
    pub devices: Vec<DeviceRow>,
}

/// What the office asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserAction {
    /// A new account.
    Add {
        /// `admin` or `inspector`.
        role: String,
        /// User name.
        username: String,
        /// Full name.
        name: String,
    },
    /// Disable the account with this id.
    Disable(String),
    /// Enable the account with this id.
    Enable(String),
    /// A new password for the account with this id.
    ResetPassword(String),
    /// Revoke the device with this id.
    RevokeDevice(String),
}

fn role_words(role: &str) -> String {
    match role {
        "admin" => d::ROLE_ADMIN.joined(&[]),
        "inspector" => d::INSPECTOR.joined(&[]),
        _ => "—".to_owned(),
    }
}

fn button(action: &str, t: Text) -> String {
    let (vi, en) = (t.vi, t.en);
    format!(
        "<form method=\"post\" action=\"{}\" style=\"display:inline\"><button type=\"submit\">{} / {}</button></form>",
        escape(action),
        escape(vi),
        escape(en)
    )
}

/// The page: the add form, then every account with its actions and devices.
pub fn render(users: &[UserRow]) -> String {
    let mut body = format!(
        "<form method=\"post\" action=\"/office/users\" class=\"filters\"><div><label for=\"role\">{}</label>\
         <select id=\"role\" name=\"role\"><option value=\"inspector\">{inspector}</option>\
         <option value=\"admin\">{admin}</option></select></div><div><label for=\"username\">{}</label>\
         <input id=\"username\" name=\"username\" required maxlength=\"64\" autocomplete=\"off\"></div>\
         <div><label for=\"name\">{}</label><input id=\"name\" name=\"name\" required maxlength=\"200\"></div>\
         <div><button type=\"submit\">{}</button></div></form><table>",
        both(d::ROLE),
        both(d::USER_NAME),
        both(d::FULL_NAME),
        both(d::ADD_ACCOUNT),
        inspector = escape(&d::INSPECTOR.joined(&[])),
        admin = escape(&d::ROLE_ADMIN.joined(&[])),
    );
    body.push_str(&format!(
        "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr>",
        both(d::USER_NAME),
        both(d::FULL_NAME),
        both(d::ROLE),
        both(d::STATUS),
        both(d::DEVICES),
    ));
    for u in users {
        let id = &u.id;
        let status = if u.disabled { d::ACCOUNT_DISABLED } else { d::ACCOUNT_ACTIVE }.joined(&[]);
        let toggle = if u.disabled {
            button(&format!("/office/users/{id}/enable"), d::ENABLE)
        } else {
            button(&format!("/office/users/{id}/disable"), d::DISABLE)
        };
        let devices: Vec<String> = u
            .devices
            .iter()
            .map(|d| {
                let state = if d.revoked {
                    format!("<span class=\"flag\">{}</span>", d::DEVICE_REVOKED.joined(&[]))
                } else {
                    button(&format!("/office/devices/{}/revoke", d.id), d::REVOKE)
                };
                format!("{} ({}, {}) {state}", escape(&d.name), escape(&d.platform), escape(&d.enrolled_on))
            })
            .collect();
        body.push_str(&format!(
            "<tr data-user=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{toggle} {}</td></tr>\n",
            escape(id),
            escape(&u.username),
            escape(&u.name),
            role_words(&u.role),
            status,
            if devices.is_empty() { "—".to_owned() } else { devices.join("<br>") },
            button(&format!("/office/users/{id}/reset-password"), d::RESET_PASSWORD),
        ));
    }
    body.push_str("</table>");
    page(d::ACCOUNTS_AND_DEVICES, &body)
}

/// What an action did (`done`) or why it was refused, with the way back.
pub fn outcome(done: bool, message: &str) -> String {
    let class = if done { "" } else { " class=\"flag\"" };
    let body = format!(
        "<p{class}>{}</p><p><a href=\"/office/users\">← {}</a></p>",
        escape(message).replace('\n', "<br>"),
        d::BACK.joined(&[])
    );
    if done { page(d::DONE, &body) } else { page(d::NOT_DONE, &body) }
}
