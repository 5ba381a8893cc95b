//! How a state reads at a glance: good, worth a look, bad, or neither. Which states are which is a judgement about
//! loans, visits and reviews, so it is made here once; the apps and the office pages only turn a tone into their
//! colour (green, amber, red, plain).

use crate::checks::verdict::Place;
use crate::loans::status::LoanState;
use crate::review::Rating;

use super::applications::ApplicationState;

/// How a state reads at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

/// A loan's state: overdue is bad; relief (a freeze, an extension, new terms) is worth a look; paid up or current
/// is good; a written-off loan is closed and shown plainly.
pub fn of_loan_state(state: LoanState) -> Tone {
    match state {
        LoanState::Current | LoanState::Settled => Tone::Good,
        LoanState::Overdue => Tone::Bad,
        LoanState::Frozen | LoanState::Extended | LoanState::Rescheduled => Tone::Caution,
        LoanState::WrittenOff => Tone::Neutral,
    }
}

/// A worker's application: verified is good, refused or rejected bad, waiting or sent neutral.
pub fn of_application(state: ApplicationState) -> Tone {
    match state {
        ApplicationState::Verified => Tone::Good,
        ApplicationState::Refused | ApplicationState::Rejected => Tone::Bad,
        ApplicationState::Waiting | ApplicationState::Sent => Tone::Neutral,
    }
}

/// Where the inspector stood: at the site good; near, or a fix too poor to tell, worth a look; away or a mocked
/// location bad.
pub fn of_place(place: Place) -> Tone {
    match place {
        Place::AtSite => Tone::Good,
        Place::Near | Place::PoorFix => Tone::Caution,
        Place::Away | Place::Mocked => Tone::Bad,
    }
}

/// A commune review's rating: good is good, fair worth a look, weak bad, not assessed plain.
pub fn of_rating(rating: Rating) -> Tone {
    match rating {
        Rating::Good => Tone::Good,
        Rating::Fair => Tone::Caution,
        Rating::Weak => Tone::Bad,
        Rating::NotAssessed => Tone::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_states_that_need_a_person_read_bad() {
        assert_eq!(of_loan_state(LoanState::Overdue), Tone::Bad);
        assert_eq!(of_loan_state(LoanState::Frozen), Tone::Caution, "a freeze is relief, not a default");
        assert_eq!(of_loan_state(LoanState::Settled), Tone::Good);
        assert_eq!(of_application(ApplicationState::Rejected), Tone::Bad);
        assert_eq!(of_application(ApplicationState::Sent), Tone::Neutral);
        assert_eq!(of_place(Place::Mocked), Tone::Bad, "a mocked location is never good, however close");
        assert_eq!(of_place(Place::PoorFix), Tone::Caution);
        assert_eq!(of_rating(Rating::Weak), Tone::Bad);
        assert_eq!(of_rating(Rating::NotAssessed), Tone::Neutral);
    }
}
