//! The 3-digit province codes that open a CCCD number: the province where the birth was registered.
//!
//! The list is the one the Ministry of Public Security fixed for the 63 provinces in force before 2025 (Thông tư
//! 07/2016/TT-BCA, carried into 59/2021/TT-BCA) **[secondary: read in third-party copies of the annex]**. The codes
//! are the two-digit administrative codes of those provinces with a leading zero, so they have gaps (003, 005, …).
//!
//! The 2025 reorganisation left 34 provinces; each kept the code of one of the provinces it absorbed (Lạng Sơn
//! itself was not merged and keeps 020). Numbers already issued never change, and new ones use a code from this
//! same set, so the 63 codes below stay the complete set of valid prefixes: a prefix outside them is a typing
//! mistake, never a new province.

/// `(code, province name before 2025)` for all 63 provinces, in code order.
pub const PROVINCES: [(&str, &str); 63] = [
    ("001", "Hà Nội"),
    ("002", "Hà Giang"),
    ("004", "Cao Bằng"),
    ("006", "Bắc Kạn"),
    ("008", "Tuyên Quang"),
    ("010", "Lào Cai"),
    ("011", "Điện Biên"),
    ("012", "Lai Châu"),
    ("014", "Sơn La"),
    ("015", "Yên Bái"),
    ("017", "Hòa Bình"),
    ("019", "Thái Nguyên"),
    ("020", "Lạng Sơn"),
    ("022", "Quảng Ninh"),
    ("024", "Bắc Giang"),
    ("025", "Phú Thọ"),
    ("026", "Vĩnh Phúc"),
    ("027", "Bắc Ninh"),
    ("030", "Hải Dương"),
    ("031", "Hải Phòng"),
    ("033", "Hưng Yên"),
    ("034", "Thái Bình"),
    ("035", "Hà Nam"),
    ("036", "Nam Định"),
    ("037", "Ninh Bình"),
    ("038", "Thanh Hóa"),
    ("040", "Nghệ An"),
    ("042", "Hà Tĩnh"),
    ("044", "Quảng Bình"),
    ("045", "Quảng Trị"),
    ("046", "Thừa Thiên Huế"),
    ("048", "Đà Nẵng"),
    ("049", "Quảng Nam"),
    ("051", "Quảng Ngãi"),
    ("052", "Bình Định"),
    ("054", "Phú Yên"),
    ("056", "Khánh Hòa"),
    ("058", "Ninh Thuận"),
    ("060", "Bình Thuận"),
    ("062", "Kon Tum"),
    ("064", "Gia Lai"),
    ("066", "Đắk Lắk"),
    ("067", "Đắk Nông"),
    ("068", "Lâm Đồng"),
    ("070", "Bình Phước"),
    ("072", "Tây Ninh"),
    ("074", "Bình Dương"),
    ("075", "Đồng Nai"),
    ("077", "Bà Rịa – Vũng Tàu"),
    ("079", "Hồ Chí Minh"),
    ("080", "Long An"),
    ("082", "Tiền Giang"),
    ("083", "Bến Tre"),
    ("084", "Trà Vinh"),
    ("086", "Vĩnh Long"),
    ("087", "Đồng Tháp"),
    ("089", "An Giang"),
    ("091", "Kiên Giang"),
    ("092", "Cần Thơ"),
    ("093", "Hậu Giang"),
    ("094", "Sóc Trăng"),
    ("095", "Bạc Liêu"),
    ("096", "Cà Mau"),
];

/// The pre-2025 name of the province with this 3-digit CCCD code, or `None` if no province has it.
pub fn province_name(code: &str) -> Option<&'static str> {
    PROVINCES.iter().find(|(c, _)| *c == code).map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixty_three_distinct_sorted_codes_between_001_and_096() {
        let codes: Vec<&str> = PROVINCES.iter().map(|(c, _)| *c).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted and distinct");
        assert_eq!(codes.first(), Some(&"001"));
        assert_eq!(codes.last(), Some(&"096"));
        assert!(codes.iter().all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit())));
    }

    #[test]
    fn knows_lang_son_and_the_gaps() {
        assert_eq!(province_name("020"), Some("Lạng Sơn"));
        assert_eq!(province_name("079"), Some("Hồ Chí Minh"));
        for gap in ["000", "003", "005", "013", "021", "097", "099"] {
            assert_eq!(province_name(gap), None, "{gap} is not a province code");
        }
    }
}
