//! Tones through the FFI: the core says whether a loan's state, an application, where an inspector stood or a
//! review's rating reads good, worth a look, bad or plain; the apps only pick the colour of a tone.

use vieclam_core::checks::verdict::Place;
use vieclam_core::loans::status::LoanState;
use vieclam_core::query::applications::ApplicationState;
use vieclam_core::query::tone as core;
use vieclam_core::review::Rating;

use crate::review::ReviewRating;

/// How a state reads at a glance: the core's enum, which carries the FFI traits itself (the core's `uniffi`
/// feature).
pub use vieclam_core::query::tone::Tone;

/// The tone of a loan's state (overdue bad; a freeze, extension or new terms worth a look; current or settled good).
#[uniffi::export]
pub fn loan_state_tone(state: LoanState) -> Tone {
    core::of_loan_state(state)
}

/// The tone of a worker's application (verified good; refused or rejected bad; waiting or sent plain).
#[uniffi::export]
pub fn application_tone(state: ApplicationState) -> Tone {
    core::of_application(state)
}

/// The tone of where the inspector stood (at the site good; near or a poor fix worth a look; away or mocked bad).
#[uniffi::export]
pub fn place_tone(place: Place) -> Tone {
    core::of_place(place)
}

/// The tone of a commune review's rating (good, fair worth a look, weak bad, not assessed plain).
#[uniffi::export]
pub fn rating_tone(rating: ReviewRating) -> Tone {
    core::of_rating(Rating::from(rating))
}
