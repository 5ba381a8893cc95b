//! A returning worker's applications through the FFI: every registration on the device, newest first, with where
//! it stands. The core's `query::applications` decides; this file only carries its records across.

use vieclam_core::query::applications as core;

use crate::error::VieclamError;
use crate::store::VieclamStore;
use crate::types::Language;

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
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
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
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
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ApplicationList {
    /// Heading.
    pub title: String,
    /// Newest first.
    pub rows: Vec<ApplicationRow>,
    /// What to show when there is none.
    pub empty_text: String,
}

impl From<core::ApplicationState> for ApplicationState {
    fn from(s: core::ApplicationState) -> Self {
        match s {
            core::ApplicationState::Waiting => ApplicationState::Waiting,
            core::ApplicationState::Refused => ApplicationState::Refused,
            core::ApplicationState::Sent => ApplicationState::Sent,
            core::ApplicationState::Verified => ApplicationState::Verified,
            core::ApplicationState::Rejected => ApplicationState::Rejected,
        }
    }
}

impl From<core::ApplicationRow> for ApplicationRow {
    fn from(r: core::ApplicationRow) -> Self {
        ApplicationRow {
            registration_id: r.registration_id,
            title: r.title,
            full_name: r.full_name,
            sent_text: r.sent_text,
            state: r.state.into(),
            status_text: r.status_text,
            reason: r.reason,
        }
    }
}

#[uniffi::export]
impl VieclamStore {
    /// The worker's applications (their registrations on this device), newest first, with where each stands.
    pub fn applications(&self, lang: Language) -> Result<ApplicationList, VieclamError> {
        let list = self.with(|s| core::applications(s, lang.into()))?;
        Ok(ApplicationList {
            title: list.title,
            rows: list.rows.into_iter().map(Into::into).collect(),
            empty_text: list.empty_text,
        })
    }
}
