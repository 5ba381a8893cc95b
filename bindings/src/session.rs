//! The frame around the screens through the FFI: the signed-in role as an enum, the tabs the core gives that role,
//! and the day it is in the province. The apps draw these records; they decide neither the tabs nor "today".

use vieclam_core::query::session as core;
use vieclam_core::sync::wire::Role;

use crate::types::{Language, iso_day};

/// A role on the server: who an account is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum UserRole {
    /// Office staff: everything in the province (the office website; a phone offers sync only).
    Admin,
    /// An inspector.
    Inspector,
    /// A borrower.
    Borrower,
    /// A returning worker.
    Worker,
}

impl From<Role> for UserRole {
    fn from(r: Role) -> Self {
        match r {
            Role::Admin => UserRole::Admin,
            Role::Inspector => UserRole::Inspector,
            Role::Borrower => UserRole::Borrower,
            Role::Worker => UserRole::Worker,
        }
    }
}

impl From<UserRole> for Role {
    fn from(r: UserRole) -> Self {
        match r {
            UserRole::Admin => Role::Admin,
            UserRole::Inspector => Role::Inspector,
            UserRole::Borrower => Role::Borrower,
            UserRole::Worker => Role::Worker,
        }
    }
}

// The bar's records are the core's own (`query::session`), which carry the FFI traits themselves (the core's
// `uniffi` feature).
pub use vieclam_core::query::session::{SessionTabs, Tab, TabRow};

/// The tabs of `role`, in order, and the one to open first. Office staff get sync only, with a note.
#[uniffi::export]
pub fn session_tabs(role: UserRole, lang: Language) -> SessionTabs {
    core::session_tabs(role.into(), lang.into())
}

/// Today in the province (Asia/Ho_Chi_Minh) as an ISO date, whatever zone the device is set to: pass it wherever
/// a screen asks for `on`.
#[uniffi::export]
pub fn today_in_province() -> String {
    iso_day(core::today_in_province())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_crosses_as_its_own_role_and_gets_sync_only() {
        assert_eq!(UserRole::from(Role::Admin), UserRole::Admin);
        let tabs = session_tabs(UserRole::Admin, Language::Vi);
        assert_eq!(tabs.home, Tab::Sync);
        assert_eq!(tabs.tabs.len(), 1);
        assert_eq!(session_tabs(UserRole::Inspector, Language::En).home, Tab::Plan);
        assert_eq!(today_in_province().len(), 10);
    }
}
