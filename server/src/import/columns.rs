//! The columns of a bank export and how a header is recognised: Vietnamese or English, with or without
//! diacritics, in any case, with a unit in brackets or not ("Số tiền vay (đồng)" is "so tien vay").
//!
//! `docs/import-loans.md` describes the same columns for the office; keep the two together.

use vieclam_core::fold::fold;

use super::ImportError;
use super::table::{Cell, Row};

/// One column the importer knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Số khế ước.
    AgreementNo,
    /// Họ và tên người vay.
    FullName,
    /// Năm sinh.
    BirthYear,
    /// Số CCCD / CMND.
    IdNumber,
    /// Số điện thoại (optional).
    Phone,
    /// Địa chỉ.
    Address,
    /// Mã xã.
    CommuneCode,
    /// Mã chương trình.
    ProgrammeCode,
    /// Ngày giải ngân.
    DisbursedOn,
    /// Ngày đến hạn.
    MaturityOn,
    /// Số tiền vay, đồng.
    Principal,
    /// Lãi suất, %/năm.
    AnnualRate,
    /// Mục đích sử dụng vốn.
    Purpose,
    /// Phòng giao dịch NHCSXH.
    VbspOffice,
    /// Kỳ trả gốc, months (optional, default 6).
    RepayEveryMonths,
    /// Dân tộc thiểu số (optional).
    EthnicMinority,
    /// Loại mô hình (optional).
    ModelKind,
    /// Mô tả mô hình (optional).
    ModelDescription,
    /// Diện tích, ha (optional).
    FundedAreaHa,
    /// Số lao động thu hút (optional).
    JobsPlanned,
    /// Vĩ độ of the site (optional).
    SiteLat,
    /// Kinh độ of the site (optional).
    SiteLon,
}

/// Every field: its stable key (used in error codes), whether a file must have it, and the headers accepted, folded
/// and without spaces. The first header is the one the documentation and error reports name.
pub const FIELDS: [(Field, &str, bool, &[&str]); 22] = [
    (
        Field::AgreementNo,
        "agreement_no",
        true,
        &["sokheuoc", "kheuoc", "sohopdong", "agreementno", "agreementnumber", "agreement"],
    ),
    (
        Field::FullName,
        "full_name",
        true,
        &["hovaten", "hoten", "tennguoivay", "nguoivay", "borrowername", "fullname", "name"],
    ),
    (Field::BirthYear, "birth_year", true, &["namsinh", "birthyear", "yearofbirth"]),
    (
        Field::IdNumber,
        "id_number",
        true,
        &["socccd", "cccd", "cccdcmnd", "socccdcmnd", "cmnd", "socmnd", "sogiayto", "idnumber"],
    ),
    (Field::Phone, "phone", false, &["sodienthoai", "dienthoai", "sdt", "phone", "phonenumber"]),
    (Field::Address, "address", true, &["diachi", "address"]),
    (Field::CommuneCode, "commune_code", true, &["maxa", "maxaphuong", "communecode"]),
    (
        Field::ProgrammeCode,
        "programme_code",
        true,
        &["machuongtrinh", "chuongtrinh", "programmecode", "programcode", "programme"],
    ),
    (Field::DisbursedOn, "disbursed_on", true, &["ngaygiaingan", "ngayvay", "disbursementdate", "disbursedon"]),
    (Field::MaturityOn, "maturity_on", true, &["ngaydenhan", "hancuoi", "ngaydaohan", "maturitydate", "maturity"]),
    (Field::Principal, "principal", true, &["sotienvay", "sotiengiaingan", "sotien", "principal", "amount"]),
    (Field::AnnualRate, "annual_rate", true, &["laisuat", "laisuatnam", "annualrate", "rate"]),
    (Field::Purpose, "purpose", true, &["mucdich", "mucdichvay", "mucdichsudungvon", "purpose"]),
    (Field::VbspOffice, "vbsp_office", true, &["phonggiaodich", "donvichovay", "vbspoffice", "office"]),
    (
        Field::RepayEveryMonths,
        "repay_every_months",
        false,
        &["kytragoc", "kyhantrano", "repayeverymonths", "repayevery"],
    ),
    (Field::EthnicMinority, "ethnic_minority", false, &["dantocthieuso", "ethnicminority"]),
    (Field::ModelKind, "model_kind", false, &["loaimohinh", "modelkind"]),
    (Field::ModelDescription, "model_description", false, &["motamohinh", "mohinh", "modeldescription"]),
    (
        Field::FundedAreaHa,
        "funded_area_ha",
        false,
        &["dientich", "dientichha", "fundedareaha", "fundedarea", "areaha", "area"],
    ),
    (Field::JobsPlanned, "jobs_planned", false, &["solaodong", "laodongthuhut", "jobsplanned", "jobs"]),
    (Field::SiteLat, "site_lat", false, &["vido", "latitude", "lat", "sitelat"]),
    (Field::SiteLon, "site_lon", false, &["kinhdo", "longitude", "lon", "sitelon"]),
];

/// The stable key of a field, as used in error codes (`principal.format`).
pub fn key(field: Field) -> &'static str {
    FIELDS.iter().find(|f| f.0 == field).map_or("", |f| f.1)
}

/// A header reduced to what is compared: the text before any bracket, folded, without spaces or signs.
pub fn header_key(text: &str) -> String {
    let before_bracket = text.split(['(', '[']).next().unwrap_or("");
    fold(before_bracket).chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// Which field a header names, if any.
pub fn recognise(header: &str) -> Option<Field> {
    let k = header_key(header);
    FIELDS.iter().find(|f| f.3.contains(&k.as_str())).map(|f| f.0)
}

/// Where each field is in the rows, found from the header row.
#[derive(Clone, Debug)]
pub struct Columns {
    /// `(field, column index, header as written)`.
    found: Vec<(Field, usize, String)>,
}

impl Columns {
    /// The cell of `field` in `row`, or [`Cell::Empty`] when the file has no such column or the row is short.
    pub fn cell<'r>(&self, row: &'r Row, field: Field) -> &'r Cell {
        const EMPTY: &Cell = &Cell::Empty;
        self.found.iter().find(|f| f.0 == field).and_then(|f| row.cells.get(f.1)).unwrap_or(EMPTY)
    }

    /// The header of `field` as the file writes it, or its documented name when the file lacks the column.
    pub fn header(&self, field: Field) -> String {
        self.found.iter().find(|f| f.0 == field).map_or_else(|| key(field).to_owned(), |f| f.2.clone())
    }
}

/// How many leading rows may be titles above the header (a bank report often starts with its name and date).
const HEADER_SEARCH_ROWS: usize = 15;

/// Finds the header row among the first rows (the one naming the most required fields) and maps its columns.
/// Returns the index of the header row in `rows` with the mapping.
pub fn find_header(rows: &[Row]) -> Result<(usize, Columns), ImportError> {
    let best = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .map(|(i, r)| (i, required_named(r)))
        .max_by_key(|(i, n)| (*n, std::cmp::Reverse(*i)));
    let Some((index, _)) = best else { return Err(ImportError::Empty) };
    let row = &rows[index];
    let mut found: Vec<(Field, usize, String)> = Vec::new();
    for (col, cell) in row.cells.iter().enumerate() {
        let written = cell.text();
        let Some(field) = recognise(&written) else { continue };
        if found.iter().any(|f| f.0 == field) {
            return Err(ImportError::DuplicateColumn(written));
        }
        found.push((field, col, written));
    }
    let missing: Vec<String> =
        FIELDS.iter().filter(|f| f.2 && !found.iter().any(|x| x.0 == f.0)).map(|f| f.1.to_owned()).collect();
    if !missing.is_empty() {
        return Err(ImportError::MissingColumns(missing));
    }
    Ok((index, Columns { found }))
}

fn required_named(row: &Row) -> usize {
    row.cells.iter().filter_map(|c| recognise(&c.text())).filter(|f| FIELDS.iter().any(|x| x.0 == *f && x.2)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_without_diacritics_case_or_units() {
        assert_eq!(recognise("Số khế ước"), Some(Field::AgreementNo));
        assert_eq!(recognise("SO KHE UOC"), Some(Field::AgreementNo));
        assert_eq!(recognise("Số tiền vay (đồng)"), Some(Field::Principal));
        assert_eq!(recognise("Lãi suất (%/năm)"), Some(Field::AnnualRate));
        assert_eq!(recognise("Số CCCD/CMND"), Some(Field::IdNumber));
        assert_eq!(recognise("Ngày giải ngân"), Some(Field::DisbursedOn));
        assert_eq!(recognise("Maturity date"), Some(Field::MaturityOn));
        assert_eq!(recognise("STT"), None);
    }

    #[test]
    fn every_field_has_a_unique_key_and_headers() {
        let mut keys: Vec<_> = FIELDS.iter().map(|f| f.1).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), FIELDS.len());
        let mut headers: Vec<_> = FIELDS.iter().flat_map(|f| f.3.iter()).collect();
        let n = headers.len();
        headers.sort_unstable();
        headers.dedup();
        assert_eq!(headers.len(), n, "a header names two fields");
    }
}
