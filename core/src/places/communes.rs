//! The list of commune-level units: codes, names and kinds, parsed once from the shipped CSV.

use std::sync::OnceLock;

/// The list the codes belong to: a new unit kept one old unit's code, so a code alone is ambiguous across lists.
pub const COMMUNE_LIST: &str = "2025";

/// Lạng Sơn's province code.
pub const PROVINCE_CODE: &str = "20";

const CSV: &str = include_str!("../../data/lang_son_2025_communes.csv");

/// Commune (xã) or ward (phường).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommuneKind {
    /// Xã: a rural commune.
    Commune,
    /// Phường: an urban ward.
    Ward,
}

impl CommuneKind {
    /// The text stored in the database: `commune` or `ward`.
    pub fn as_str(self) -> &'static str {
        match self {
            CommuneKind::Commune => "commune",
            CommuneKind::Ward => "ward",
        }
    }
}

/// One commune-level unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commune {
    /// Official 5-digit code (`ma_xa`) in list [`COMMUNE_LIST`].
    pub code: String,
    /// Full name as written officially: "Xã Đình Lập", "Phường Đông Kinh".
    pub name: String,
    /// Name without the "Xã"/"Phường" prefix: "Đình Lập".
    pub short_name: String,
    /// Commune or ward.
    pub kind: CommuneKind,
    /// Old units merged into this one, as the unofficial hint of the source (never an authority).
    pub merged_from_hint: String,
}

/// All 65 units, in the official order of the source list.
pub fn communes() -> &'static [Commune] {
    static ALL: OnceLock<Vec<Commune>> = OnceLock::new();
    ALL.get_or_init(|| parse(CSV))
}

/// The unit with this code in the 2025 list.
pub fn commune(code: &str) -> Option<&'static Commune> {
    communes().iter().find(|c| c.code == code)
}

fn parse(csv: &str) -> Vec<Commune> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            // stt, ma_xa, ten, loai, ma_tinh, ten_tinh, merged_from_old_units (which holds no commas).
            let f: Vec<&str> = line.splitn(7, ',').collect();
            let name = f[2].trim().to_owned();
            let kind = if f[3].trim() == "phuong" { CommuneKind::Ward } else { CommuneKind::Commune };
            let short_name =
                name.strip_prefix("Xã ").or_else(|| name.strip_prefix("Phường ")).unwrap_or(&name).to_owned();
            Commune {
                code: f[1].trim().to_owned(),
                name,
                short_name,
                kind,
                merged_from_hint: f.get(6).map(|s| s.trim().to_owned()).unwrap_or_default(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ships_65_units_61_communes_4_wards() {
        let all = communes();
        assert_eq!(all.len(), 65);
        assert_eq!(all.iter().filter(|c| c.kind == CommuneKind::Ward).count(), 4);
        assert!(all.iter().all(|c| c.code.len() == 5 && c.code.bytes().all(|b| b.is_ascii_digit())));
        let mut codes: Vec<_> = all.iter().map(|c| &c.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 65, "codes are unique");
    }

    #[test]
    fn finds_dinh_lap_and_loc_binh() {
        let names: Vec<_> = communes().iter().map(|c| c.short_name.as_str()).collect();
        assert!(names.contains(&"Đình Lập"));
        assert!(names.contains(&"Lộc Bình"));
        let tk = commune("06040").unwrap();
        assert_eq!(tk.name, "Xã Thất Khê");
        assert_eq!(tk.short_name, "Thất Khê");
    }
}
