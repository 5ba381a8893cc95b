//! Records the tests and benchmarks push, made from a seeded RNG: valid worker registrations in the core's
//! outbox form (the JSON of `RegistrationRecord`), and hybrid logical clocks in the core's text form.

use rand::Rng;
use serde_json::{Value, json};
use vieclam_core::sync::wire::{Mutation, MutationOp};

/// A commune of the 2025 list (Đình Lập), where the demo province has loans.
pub const COMMUNE: &str = "06613";

/// A clock value in the core's text form (`millis-counter-node`, as `vieclam_core::ids::Hlc` prints it).
pub fn hlc(millis: u64, counter: u32, node: u32) -> String {
    format!("{millis:013}-{counter:08x}-{node:08x}")
}

/// A valid CCCD of a man born in 1990 in Lạng Sơn (province 020), the last six digits from `rng`.
pub fn cccd(rng: &mut impl Rng) -> String {
    format!("020090{:06}", rng.random_range(0..1_000_000u32))
}

/// A worker registration's outbox payload with a new id; `(entity_id, payload)`.
pub fn registration(rng: &mut impl Rng, hlc_text: &str) -> (String, Value) {
    let id = new_id(rng);
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
    let payload = json!({
        "id": id,
        "full_name": "Hoàng Văn Thử",
        "id_kind": "cccd",
        "id_number": cccd(rng),
        "birth_date": "1990-03-14",
        "sex": "male",
        "phone": format!("09{:08}", rng.random_range(0..100_000_000u32)),
        "commune_code": COMMUNE,
        "commune_list": "2025",
        "address": "Thôn Bản Chuối",
        "country_abroad": "Nhật Bản",
        "years_abroad": 3,
        "occupation": "Công nhân cơ khí",
        "skills": ["hàn"],
        "languages": ["tiếng Nhật"],
        "certificates": [],
        "wants": ["domestic_job"],
        "consent": true,
        "consent_at": now,
        "status": "unverified",
        "created_at": now,
        "hlc": hlc_text,
    });
    (id, payload)
}

/// A registration insert as a mutation with a new mutation id.
pub fn registration_mutation(rng: &mut impl Rng, millis: u64, node: u32) -> Mutation {
    let clock = hlc(millis, 0, node);
    let (entity_id, payload) = registration(rng, &clock);
    Mutation {
        id: new_id(rng),
        entity: "worker_registration".into(),
        entity_id,
        op: MutationOp::Insert,
        payload: payload.into(),
        hlc: clock,
    }
}

/// A UUID (version 4 layout) from `rng`, so seeded runs repeat.
pub fn new_id(rng: &mut impl Rng) -> String {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid().to_string()
}
