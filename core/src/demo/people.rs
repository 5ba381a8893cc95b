//! Demo people and groups: fictional Kinh, Tày and Nùng names, CCCDs consistent with their birth year, mobile
//! numbers with real prefixes, and deterministic UUIDv7 ids.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::{Generator, names};
use crate::records::{Borrower, SavingsGroup};

/// Deterministic UUIDv7 ids: a made-up clock that advances one millisecond per id, and random bits from the seed.
pub struct DemoIds {
    millis: u64,
}

impl DemoIds {
    /// Starts the made-up clock at a point fixed by the seed.
    pub fn new(seed: u64) -> DemoIds {
        DemoIds { millis: 1_735_689_600_000 + (seed % 1_000) * 86_400_000 }
    }

    /// The next id.
    pub fn next(&mut self, rng: &mut ChaCha8Rng) -> String {
        self.millis += 1;
        let bytes: [u8; 10] = rng.random();
        uuid::Builder::from_unix_timestamp_millis(self.millis, &bytes).into_uuid().to_string()
    }
}

const ORGANISATIONS: &[&str] = &["womens_union", "farmers_union", "veterans", "youth_union"];
const MOBILE_PREFIXES: &[&str] = &[
    "032", "033", "034", "035", "036", "037", "038", "039", "056", "070", "076", "077", "078", "079", "081", "082",
    "083", "084", "085", "086", "088", "090", "091", "094", "096", "097", "098",
];

impl Generator {
    fn person_name(&mut self, female: bool) -> String {
        let family = *names::FAMILY.choose(&mut self.rng).expect("non-empty");
        let (middle, given) =
            if female { (names::MIDDLE_FEMALE, names::GIVEN_FEMALE) } else { (names::MIDDLE_MALE, names::GIVEN_MALE) };
        let middle = if family.contains(' ') { "" } else { *middle.choose(&mut self.rng).expect("non-empty") };
        let given = *given.choose(&mut self.rng).expect("non-empty");
        [family, middle, given].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ")
    }

    /// A new savings-and-loan group in `commune`; returns its id.
    pub(super) fn people_group(&mut self, commune: &str, nth: usize) -> String {
        let id = self.ids.next(&mut self.rng);
        let leader_female = self.rng.random_bool(0.5);
        let village = *names::VILLAGES.choose(&mut self.rng).expect("non-empty");
        let leader_name = self.person_name(leader_female);
        self.batch.groups.push(SavingsGroup {
            id: id.clone(),
            code: format!("{commune}-{:03}", nth + 1),
            name: format!("Tổ TK&VV thôn {village}"),
            leader_name,
            organisation: ORGANISATIONS[nth % ORGANISATIONS.len()].into(),
            commune_code: commune.into(),
        });
        id
    }

    /// A new borrower in `commune` (not yet added to the batch).
    pub(super) fn people_borrower(&mut self, commune: &str, commune_name: &str, group_id: Option<String>) -> Borrower {
        let female = self.rng.random_bool(0.48);
        let birth_year: i32 = self.rng.random_range(1965..=2004);
        let century_sex = if birth_year >= 2000 { 2 } else { 0 } + u32::from(female);
        let id_number = format!("020{century_sex}{:02}{:06}", birth_year % 100, self.rng.random_range(0..1_000_000));
        let prefix = *MOBILE_PREFIXES.choose(&mut self.rng).expect("non-empty");
        let phone = self.rng.random_bool(0.9).then(|| format!("{prefix}{:07}", self.rng.random_range(0..10_000_000)));
        let village = *names::VILLAGES.choose(&mut self.rng).expect("non-empty");
        Borrower {
            id: self.ids.next(&mut self.rng),
            full_name: self.person_name(female),
            birth_year,
            id_number,
            phone,
            address: format!("Thôn {village}, xã {commune_name}"),
            commune_code: commune.into(),
            group_id,
            ethnic_minority: self.rng.random_bool(0.7),
        }
    }
}
