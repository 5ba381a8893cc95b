//! The importer never panics, whatever it is given: random bytes, random bytes behind a zip signature, and
//! well-formed CSV files whose cells are random text under the real headers. Every row of such a file is either
//! accepted or reported, never lost.

use chrono::NaiveDate;
use proptest::prelude::*;
use vieclam_server::import::read_loans_bytes;

const HEADER: &str = "Số khế ước;Họ và tên;Năm sinh;Số CCCD;Số điện thoại;Địa chỉ;Mã xã;Mã chương trình;\
Ngày giải ngân;Ngày đến hạn;Số tiền vay;Lãi suất;Mục đích;Phòng giao dịch;Loại mô hình;Diện tích;Vĩ độ;Kinh độ";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

/// A cell that is sometimes plausible and sometimes hostile.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{0,13}",
        "[0-9]{1,3}(\\.[0-9]{3}){0,4}",
        "[0-3][0-9]/[01][0-9]/(19|20)[0-9]{2}",
        "(05977|06040|99999|6040)",
        "(TVL-LD|TVL-CS|XKLD|x)",
        "-?[0-9]{1,3}[,.][0-9]{0,6}",
        "\\PC{0,20}",
    ]
    .prop_map(|s| s.replace([';', '"', '\n', '\r'], " "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read_loans_bytes(&bytes, today());
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&bytes);
        let _ = read_loans_bytes(&zipped, today());
    }

    #[test]
    fn random_cells_are_accepted_or_reported(rows in proptest::collection::vec(proptest::collection::vec(cell(), 18), 1..12)) {
        let mut text = format!("{HEADER}\n");
        for r in &rows {
            text.push_str(&r.join(";"));
            text.push('\n');
        }
        let import = read_loans_bytes(text.as_bytes(), today()).unwrap();
        let nonempty = rows.iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).count();
        prop_assert_eq!(import.accepted_rows + import.rejected_rows().len(), nonempty);
        prop_assert_eq!(import.batch.loans.len(), import.accepted_rows);
    }
}
