//! A returning worker's applications: every registration on the device, newest first, with where it stands. The
//! office's word (verified, rejected) wins; before it, the outbox tells whether the registration is still waiting
//! for a connection, was refused by the server (with its reason), or reached the office.

use chrono::{DateTime, FixedOffset};

use crate::error::Result;
use crate::messages::applications::{EMPTY, REFUSED, REGISTRATION, REJECTED, SENT, SENT_ON, TITLE, VERIFIED, WAITING};
use crate::messages::{Lang, Text, labels as l};
use crate::registration::{self as reg, RegistrationStatus, Want};
use crate::store::{Store, outbox};

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ApplicationState {
    /// On the device, waiting for a connection.
    Waiting,
    /// The server refused it (see `reason`).
    Refused,
    /// At the office, not yet verified.
    Sent,
    /// Verified by the office.
    Verified,
    /// Rejected by the office.
    Rejected,
}

/// One application, as the worker's list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ApplicationRow {
    /// The registration's id.
    pub registration_id: String,
    /// What was asked for, in words ("Việc làm trong nước, Đào tạo nghề").
    pub title: String,
    /// The worker's name.
    pub full_name: String,
    /// "Lập lúc 14/10/2025 08:30" (Vietnam time).
    pub sent_text: String,
    /// Where it stands.
    pub state: ApplicationState,
    /// The state in words.
    pub status_text: String,
    /// Why: the server's reason when it refused the application, the office's when it rejected it.
    pub reason: Option<String>,
}

/// The applications screen.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ApplicationList {
    /// Heading.
    pub title: String,
    /// Newest first.
    pub rows: Vec<ApplicationRow>,
    /// What to show when there is none.
    pub empty_text: String,
}

fn want_text(w: Want) -> Text {
    match w {
        Want::DomesticJob => l::KIND_DOMESTIC_JOB,
        Want::Training => l::KIND_TRAINING,
        Want::SelfEmploymentLoan => l::KIND_LOAN,
        Want::WorkAbroad => l::KIND_OVERSEAS,
    }
}

/// A stored UTC time as people in Lạng Sơn read it: `14/10/2025 08:30`.
fn local_time(text: &str) -> String {
    let Some(vietnam) = FixedOffset::east_opt(7 * 3600) else { return text.to_owned() };
    match DateTime::parse_from_rfc3339(text) {
        Ok(t) => t.with_timezone(&vietnam).format("%d/%m/%Y %H:%M").to_string(),
        Err(_) => text.to_owned(),
    }
}

/// The state of a registration: the office's decision first, then what the outbox knows.
fn state(status: RegistrationStatus, pending: bool, refusal: Option<&str>) -> ApplicationState {
    match (status, pending, refusal) {
        (RegistrationStatus::Verified, _, _) => ApplicationState::Verified,
        (RegistrationStatus::Rejected, _, _) => ApplicationState::Rejected,
        (RegistrationStatus::Unverified, true, _) => ApplicationState::Waiting,
        (RegistrationStatus::Unverified, false, Some(_)) => ApplicationState::Refused,
        (RegistrationStatus::Unverified, false, None) => ApplicationState::Sent,
    }
}

fn status_text(s: ApplicationState) -> Text {
    match s {
        ApplicationState::Waiting => WAITING,
        ApplicationState::Refused => REFUSED,
        ApplicationState::Sent => SENT,
        ApplicationState::Verified => VERIFIED,
        ApplicationState::Rejected => REJECTED,
    }
}

/// The worker's applications (their registrations on this device), newest first, with where each stands.
pub fn applications(store: &Store, lang: Lang) -> Result<ApplicationList> {
    let refused = outbox::rejected(store.conn())?;
    let mut rows = Vec::new();
    for r in reg::list(store)? {
        let pending = outbox::is_pending(store.conn(), reg::store::ENTITY, &r.id)?;
        let reason =
            refused.iter().find(|e| e.entity == reg::store::ENTITY && e.entity_id == r.id).map(|e| e.reason.clone());
        let st = state(r.status, pending, reason.as_deref());
        let wants: Vec<&str> = r.wants.iter().map(|w| want_text(*w).get(lang)).collect();
        rows.push(ApplicationRow {
            title: if wants.is_empty() { REGISTRATION.get(lang).to_owned() } else { wants.join(", ") },
            full_name: r.full_name,
            sent_text: SENT_ON.fill(lang, &[("time", &local_time(&r.created_at))]),
            state: st,
            status_text: status_text(st).get(lang).to_owned(),
            // The server's refusal of a send, or the office's reason for a rejection: what the worker must act on.
            reason: match st {
                ApplicationState::Refused => reason,
                ApplicationState::Rejected => r.status_reason.clone(),
                _ => None,
            },
            registration_id: r.id,
        });
    }
    Ok(ApplicationList { title: TITLE.get(lang).to_owned(), rows, empty_text: EMPTY.get(lang).to_owned() })
}

/// How many local changes are waiting to be sent to the server.
pub fn pending_changes(store: &Store) -> Result<u64> {
    outbox::pending_count(store.conn())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_decision_wins_over_the_outbox() {
        use ApplicationState as S;
        use RegistrationStatus as R;
        assert_eq!(state(R::Verified, true, None), S::Verified);
        assert_eq!(state(R::Rejected, false, Some("x")), S::Rejected);
        assert_eq!(state(R::Unverified, true, None), S::Waiting);
        assert_eq!(state(R::Unverified, false, Some("mutation.invalid")), S::Refused);
        assert_eq!(state(R::Unverified, false, None), S::Sent);
    }

    #[test]
    fn times_are_shown_in_vietnam() {
        assert_eq!(local_time("2025-10-14T01:30:00.000Z"), "14/10/2025 08:30");
        assert_eq!(local_time("garbage"), "garbage");
    }
}
