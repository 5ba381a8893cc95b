//! Tones through the FFI: the core says whether a loan's state, an application, where an inspector stood or a
//! review's rating reads good, worth a look, bad or plain; the apps only pick the colour of a tone.

use vieclam_core::checks::verdict as v;
use vieclam_core::loans::status as st;
use vieclam_core::query::applications as apps;
use vieclam_core::query::tone::{self as core, Tone as CoreTone};
use vieclam_core::review::Rating;

use crate::applications::ApplicationState;
use crate::geo::Place;
use crate::loan_status::LoanState;
use crate::review::ReviewRating;

/// How a state reads at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum Tone {
    /// Nothing to say: shown plainly.
    Neutral,
    /// All is well (green).
    Good,
    /// Worth a look, not wrong (amber).
    Caution,
    /// Something is wrong (red).
    Bad,
}

impl From<CoreTone> for Tone {
    fn from(t: CoreTone) -> Self {
        match t {
            CoreTone::Neutral => Tone::Neutral,
            CoreTone::Good => Tone::Good,
            CoreTone::Caution => Tone::Caution,
            CoreTone::Bad => Tone::Bad,
        }
    }
}

/// The tone of a loan's state (overdue bad; a freeze, extension or new terms worth a look; current or settled good).
#[uniffi::export]
pub fn loan_state_tone(state: LoanState) -> Tone {
    let state = match state {
        LoanState::Current => st::LoanState::Current,
        LoanState::Overdue => st::LoanState::Overdue,
        LoanState::Frozen => st::LoanState::Frozen,
        LoanState::WrittenOff => st::LoanState::WrittenOff,
        LoanState::Extended => st::LoanState::Extended,
        LoanState::Rescheduled => st::LoanState::Rescheduled,
        LoanState::Settled => st::LoanState::Settled,
    };
    core::of_loan_state(state).into()
}

/// The tone of a worker's application (verified good; refused or rejected bad; waiting or sent plain).
#[uniffi::export]
pub fn application_tone(state: ApplicationState) -> Tone {
    let state = match state {
        ApplicationState::Waiting => apps::ApplicationState::Waiting,
        ApplicationState::Refused => apps::ApplicationState::Refused,
        ApplicationState::Sent => apps::ApplicationState::Sent,
        ApplicationState::Verified => apps::ApplicationState::Verified,
        ApplicationState::Rejected => apps::ApplicationState::Rejected,
    };
    core::of_application(state).into()
}

/// The tone of where the inspector stood (at the site good; near or a poor fix worth a look; away or mocked bad).
#[uniffi::export]
pub fn place_tone(place: Place) -> Tone {
    let place = match place {
        Place::AtSite => v::Place::AtSite,
        Place::Near => v::Place::Near,
        Place::Away => v::Place::Away,
        Place::PoorFix => v::Place::PoorFix,
        Place::Mocked => v::Place::Mocked,
    };
    core::of_place(place).into()
}

/// The tone of a commune review's rating (good, fair worth a look, weak bad, not assessed plain).
#[uniffi::export]
pub fn rating_tone(rating: ReviewRating) -> Tone {
    core::of_rating(Rating::from(rating)).into()
}
