//! What a signed-in person's app shows around the screens: the tabs of their role, in order, with the first one to
//! open, and the day it is in the province. The apps draw these; they never decide a role's screens or "today".

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

use crate::messages::tabs::{APPLICATIONS, CATALOGUE, LOANS, OFFICE_NOTE, PLAN, REGISTER, REMINDERS, SITES, SYNC};
use crate::messages::{Lang, Text};
use crate::sync::wire::Role;

/// A tab of the app's bottom bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Tab {
    /// The inspector's plans.
    Plan,
    /// The inspector's nearest sites.
    Sites,
    /// The borrower's loans.
    Loans,
    /// The borrower's repayment reminders.
    Reminders,
    /// The worker's registration form.
    Register,
    /// The programme catalogue.
    Catalogue,
    /// The worker's applications.
    Applications,
    /// Sync, for every role.
    Sync,
}

impl Tab {
    fn label(self) -> Text {
        match self {
            Tab::Plan => PLAN,
            Tab::Sites => SITES,
            Tab::Loans => LOANS,
            Tab::Reminders => REMINDERS,
            Tab::Register => REGISTER,
            Tab::Catalogue => CATALOGUE,
            Tab::Applications => APPLICATIONS,
            Tab::Sync => SYNC,
        }
    }
}

/// One tab, with its label.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TabRow {
    /// Which screen.
    pub tab: Tab,
    /// Its label in the bar.
    pub label: String,
}

/// The bottom bar of a role.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SessionTabs {
    /// The tabs, in order; sync is always last.
    pub tabs: Vec<TabRow>,
    /// The tab to open after sign-in.
    pub home: Tab,
    /// A line to show on the home tab, when the role has one (office staff on a phone).
    pub note: Option<String>,
}

/// The tabs of `role`. Office staff (`admin`) are not inspectors: their scope is the whole province, which a phone
/// must not download, so they get sync only and a note sending them to the office website.
pub fn session_tabs(role: Role, lang: Lang) -> SessionTabs {
    let (tabs, note): (&[Tab], Option<Text>) = match role {
        Role::Inspector => (&[Tab::Plan, Tab::Sites, Tab::Sync], None),
        Role::Borrower => (&[Tab::Loans, Tab::Reminders, Tab::Sync], None),
        Role::Worker => (&[Tab::Register, Tab::Catalogue, Tab::Applications, Tab::Sync], None),
        Role::Admin => (&[Tab::Sync], Some(OFFICE_NOTE)),
    };
    SessionTabs {
        tabs: tabs.iter().map(|&tab| TabRow { tab, label: tab.label().get(lang).to_owned() }).collect(),
        home: tabs[0],
        note: note.map(|n| n.get(lang).to_owned()),
    }
}

/// The province's zone, Asia/Ho_Chi_Minh: UTC+7 all year (Vietnam has kept no daylight saving since 1975).
fn province_zone() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| Utc.fix())
}

/// The day it is in the province at `now`, whatever zone the device is set to: plans, reminders and due dates are
/// all counted in Lạng Sơn's days.
pub fn day_in_province(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&province_zone()).date_naive()
}

/// Today in the province (Asia/Ho_Chi_Minh).
pub fn today_in_province() -> NaiveDate {
    day_in_province(Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_staff_are_not_inspectors() {
        let admin = session_tabs(Role::Admin, Lang::En);
        assert_eq!(admin.tabs.iter().map(|t| t.tab).collect::<Vec<_>>(), [Tab::Sync]);
        assert_eq!(admin.home, Tab::Sync);
        assert!(admin.note.as_deref().is_some_and(|n| n.contains("office website")));
        let inspector = session_tabs(Role::Inspector, Lang::Vi);
        assert_eq!(inspector.tabs.iter().map(|t| t.tab).collect::<Vec<_>>(), [Tab::Plan, Tab::Sites, Tab::Sync]);
        assert_eq!(inspector.tabs[0].label, "Kế hoạch");
        assert_eq!(inspector.note, None);
    }

    #[test]
    fn every_role_opens_on_its_first_tab_and_ends_with_sync() {
        for role in [Role::Admin, Role::Inspector, Role::Borrower, Role::Worker] {
            let tabs = session_tabs(role, Lang::Vi);
            assert_eq!(tabs.home, tabs.tabs[0].tab);
            assert_eq!(tabs.tabs.last().map(|t| t.tab), Some(Tab::Sync));
        }
        assert_eq!(session_tabs(Role::Borrower, Lang::En).home, Tab::Loans);
        assert_eq!(session_tabs(Role::Worker, Lang::En).home, Tab::Register);
    }

    #[test]
    fn the_day_turns_at_midnight_in_lang_son_not_on_the_device() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        // 16:59 UTC is 23:59 in Lạng Sơn; 17:00 UTC is already the next day there.
        assert_eq!(day_in_province(t("2026-11-14T16:59:59Z")), NaiveDate::from_ymd_opt(2026, 11, 14).unwrap());
        assert_eq!(day_in_province(t("2026-11-14T17:00:00Z")), NaiveDate::from_ymd_opt(2026, 11, 15).unwrap());
    }
}
