//! The small closed vocabularies of a registration: sex, kind of identity number, and what the worker wants now.
//!
//! Each has one text form (`as_str`) used in the database and on the wire; screens show labels from the message
//! catalogue instead.

use serde::Serialize;

/// Sex as recorded on the identity card (the CCCD's century digit encodes it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

impl Sex {
    /// `male` or `female`, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    /// Reads what a screen sends: the stored codes, or the Vietnamese / English words with or without diacritics
    /// ("Nữ", "nu", "F"). Anything else is `None`.
    pub fn parse(text: &str) -> Option<Sex> {
        match crate::fold::fold(text).as_str() {
            "male" | "m" | "nam" => Some(Sex::Male),
            "female" | "f" | "nu" => Some(Sex::Female),
            _ => None,
        }
    }
}

/// Which identity document the number belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// Căn cước công dân / thẻ căn cước: 12 digits, the personal identification number.
    Cccd,
    /// Chứng minh nhân dân: the old 9-digit card still found in old records.
    Cmnd,
}

impl IdKind {
    /// `cccd` or `cmnd`, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            IdKind::Cccd => "cccd",
            IdKind::Cmnd => "cmnd",
        }
    }

    /// The kind with this stored code, or `None`.
    pub fn parse(code: &str) -> Option<IdKind> {
        [IdKind::Cccd, IdKind::Cmnd].into_iter().find(|k| k.as_str() == code)
    }
}

/// What a returning worker wants now; a registration holds at least one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Want {
    /// A job in Vietnam.
    DomesticJob,
    /// Vocational training.
    Training,
    /// A job-creation loan to work for themselves.
    SelfEmploymentLoan,
    /// Another contract abroad, through a licensed enterprise.
    WorkAbroad,
}

impl Want {
    /// Every choice, in the order a screen lists them.
    pub const ALL: [Want; 4] = [Want::DomesticJob, Want::Training, Want::SelfEmploymentLoan, Want::WorkAbroad];

    /// The stored code: `domestic_job`, `training`, `self_employment_loan`, `work_abroad`.
    pub fn as_str(self) -> &'static str {
        match self {
            Want::DomesticJob => "domestic_job",
            Want::Training => "training",
            Want::SelfEmploymentLoan => "self_employment_loan",
            Want::WorkAbroad => "work_abroad",
        }
    }

    /// The choice with this code (surrounding spaces and case ignored), or `None`.
    pub fn parse(code: &str) -> Option<Want> {
        let code = code.trim().to_ascii_lowercase();
        Want::ALL.into_iter().find(|w| w.as_str() == code)
    }
}

/// Where the office stands on a registration: every one starts unverified on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    /// Chưa xác minh: written on the device, not yet checked by the office.
    Unverified,
    /// Đã xác minh.
    Verified,
    /// Bị từ chối.
    Rejected,
}

impl RegistrationStatus {
    /// `unverified`, `verified` or `rejected`, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationStatus::Unverified => "unverified",
            RegistrationStatus::Verified => "verified",
            RegistrationStatus::Rejected => "rejected",
        }
    }

    /// The status with this stored code, or `None`.
    pub fn parse(code: &str) -> Option<RegistrationStatus> {
        [RegistrationStatus::Unverified, RegistrationStatus::Verified, RegistrationStatus::Rejected]
            .into_iter()
            .find(|s| s.as_str() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sex_reads_codes_and_words() {
        for t in ["male", "Nam", "NAM", " m "] {
            assert_eq!(Sex::parse(t), Some(Sex::Male), "{t}");
        }
        for t in ["female", "Nữ", "nu", "F"] {
            assert_eq!(Sex::parse(t), Some(Sex::Female), "{t}");
        }
        assert_eq!(Sex::parse(""), None);
        assert_eq!(Sex::parse("khác"), None);
    }

    #[test]
    fn wants_round_trip_their_codes() {
        for w in Want::ALL {
            assert_eq!(Want::parse(w.as_str()), Some(w));
        }
        assert_eq!(Want::parse(" Training "), Some(Want::Training));
        assert_eq!(Want::parse("loan"), None);
    }
}
