//! The fixed parts of an import: the fund's three loan programmes, the kinds of funded model, and ids derived from
//! the bank's own keys so that a re-import rewrites the same records.

use vieclam_core::fold::fold;
use vieclam_core::records::LoanProgramme;

/// The National Employment Fund's loan programmes as the bank codes them: `(code, kind, Vietnamese, English)`.
pub const PROGRAMMES: [(&str, &str, &str, &str); 3] = [
    ("TVL-LD", "job_creation_worker", "Cho vay tạo việc làm (người lao động)", "Job-creation loan (worker)"),
    (
        "TVL-CS",
        "job_creation_business",
        "Cho vay tạo việc làm (cơ sở sản xuất, kinh doanh)",
        "Job-creation loan (business)",
    ),
    ("XKLD", "overseas_contract", "Cho vay đi làm việc ở nước ngoài theo hợp đồng", "Loan for contract work abroad"),
];

pub use vieclam_core::ids::stable_id;

/// The programme with this code (any case), as a record with its stable id.
pub fn programme(code: &str) -> Option<LoanProgramme> {
    let code = code.trim().to_uppercase();
    PROGRAMMES.iter().find(|p| p.0 == code).map(|(code, kind, vi, en)| LoanProgramme {
        id: stable_id("programme", code),
        code: (*code).into(),
        kind: (*kind).into(),
        name_vi: (*vi).into(),
        name_en: (*en).into(),
    })
}

/// A model kind from its code or its Vietnamese name: `afforestation`/`trồng rừng`, `livestock`/`chăn nuôi`,
/// `crops`/`trồng trọt`, `services`/`dịch vụ`, `small_business`/`kinh doanh nhỏ`.
pub fn model_kind(text: &str) -> Option<&'static str> {
    match fold(text).as_str() {
        "afforestation" | "trong rung" | "rung" => Some("afforestation"),
        "livestock" | "chan nuoi" => Some("livestock"),
        "crops" | "trong trot" => Some("crops"),
        "services" | "dich vu" => Some("services"),
        "small business" | "small_business" | "kinh doanh nho" | "kinh doanh" | "buon ban" => Some("small_business"),
        _ => None,
    }
}

/// How far from the point still counts as "at the site": land is wider than a shop or a barn (as the demo uses).
pub fn site_radius_m(kind: &str) -> f64 {
    if matches!(kind, "afforestation" | "crops") { 60.0 } else { 30.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_ids_are_uuids_and_stable() {
        let a = stable_id("loan", "7300001234");
        assert_eq!(a, stable_id("loan", "7300001234"));
        assert_ne!(a, stable_id("borrower", "7300001234"));
        assert!(vieclam_core::ids::is_id(&a));
        assert_eq!(&a[14..15], "8");
    }

    #[test]
    fn kinds_from_codes_and_vietnamese_names() {
        assert_eq!(model_kind("Trồng rừng"), Some("afforestation"));
        assert_eq!(model_kind("livestock"), Some("livestock"));
        assert_eq!(model_kind("KINH DOANH NHỎ"), Some("small_business"));
        assert_eq!(model_kind("cá"), None);
        assert_eq!(programme("tvl-ld").map(|p| p.kind), Some("job_creation_worker".into()));
    }
}
