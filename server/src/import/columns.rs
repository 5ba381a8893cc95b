//! The columns of a bank export and how a header is recognised: Vietnamese or English, with or without
//! diacritics, in any case, with a unit in brackets or not ("Số tiền vay (đồng)" is "so tien vay").
//!
//! An export is made of tables of three kinds, told apart by their headers: the loan list, the payment history
//! (sao kê trả nợ) and the relief events (khoanh, gia hạn, điều chỉnh kỳ hạn, xóa nợ). Each kind has its own
//! columns; a table is the kind whose required columns its header names.
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
    /// Tài sản bảo đảm: whether the loan is secured (optional).
    Collateral,
    /// Chi phí theo hợp đồng: a contract abroad's costs, đồng (optional).
    ContractCosts,
    /// Thời hạn hợp đồng: a contract abroad's length, months (optional).
    ContractMonths,
    /// Tiền gửi tiết kiệm: the borrower's savings balance with the loan, đồng (optional).
    SavingsBalance,
    /// Tổ TK&VV: the savings-and-loan group's name (optional).
    GroupName,
    /// Mã tổ: the group's code (optional).
    GroupCode,
    /// Tổ trưởng: the group's leader (with a group).
    GroupLeader,
    /// Hội đoàn thể nhận ủy thác: the organisation entrusted with the group (with a group).
    Organisation,
    /// Ngày trả: the day a payment was made.
    PaidOn,
    /// Trả gốc: principal paid, đồng.
    PrincipalPaid,
    /// Trả lãi: interest paid, đồng.
    InterestPaid,
    /// Trả lãi quá hạn: overdue interest paid, đồng (optional).
    OverdueInterestPaid,
    /// Hình thức xử lý: khoanh nợ, gia hạn, điều chỉnh kỳ hạn, xóa nợ.
    ReliefKind,
    /// Từ ngày: the day the relief takes effect.
    ReliefFrom,
    /// Đến ngày: the day it ends (optional; none for a write-off, open for a freeze without end).
    ReliefTo,
    /// Số tiền xử lý: the amount the relief covers, đồng (optional).
    ReliefAmount,
    /// Địa điểm giao dịch: where a commune's transaction point sits.
    Place,
    /// Ngày giao dịch hằng tháng: the days of each month it sits ("15", "5; 20").
    DaysOfMonth,
    /// Các ngày giao dịch: dates it sits ("05/12/2026; 20/12/2026").
    SessionDates,
}

/// What a table of an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    /// The loan list: one row a loan (with its borrower, model and site).
    Loans,
    /// The payment history: one row a payment on a loan.
    Payments,
    /// The relief events: one row an event on a loan.
    Relief,
    /// The transaction points' calendars: one row a commune's point.
    Calendar,
}

/// One column the importer knows: the field, its stable key, whether a table of its kind must have it, and the
/// headers accepted (folded, without spaces).
pub type FieldSpec = (Field, &'static str, bool, &'static [&'static str]);

/// The agreement number, the key that ties every table's rows to a loan.
const AGREEMENT: FieldSpec = (
    Field::AgreementNo,
    "agreement_no",
    true,
    &["sokheuoc", "kheuoc", "sohopdong", "agreementno", "agreementnumber", "agreement"],
);

/// The payment history's columns.
pub const PAYMENT_FIELDS: [FieldSpec; 5] = [
    AGREEMENT,
    (Field::PaidOn, "paid_on", true, &["ngaytra", "ngaytrano", "ngaygiaodich", "ngaythu", "paymentdate", "paidon"]),
    (
        Field::PrincipalPaid,
        "principal_paid",
        true,
        &["tragoc", "sotientragoc", "gocdatra", "thugoc", "sotienthugoc", "principalpaid"],
    ),
    (Field::InterestPaid, "interest_paid", true, &["tralai", "sotientralai", "laidatra", "thulai", "interestpaid"]),
    (
        Field::OverdueInterestPaid,
        "overdue_interest_paid",
        false,
        &["tralaiquahan", "laiquahandatra", "thulaiquahan", "laiquahan", "overdueinterestpaid"],
    ),
];

/// The relief events' columns.
pub const RELIEF_FIELDS: [FieldSpec; 5] = [
    AGREEMENT,
    (
        Field::ReliefKind,
        "relief_kind",
        true,
        &["hinhthucxuly", "hinhthuc", "loaixuly", "bienphapxuly", "xulyno", "reliefkind", "relief"],
    ),
    (Field::ReliefFrom, "relief_from", true, &["tungay", "ngaybatdau", "hieuluctungay", "relieffrom", "from"]),
    (Field::ReliefTo, "relief_to", false, &["denngay", "ngayketthuc", "hieulucdenngay", "reliefto", "to"]),
    (
        Field::ReliefAmount,
        "relief_amount",
        false,
        &["sotienxuly", "sotienkhoanh", "sotienxoa", "sotien", "reliefamount", "amount"],
    ),
];

/// The transaction points' calendars' columns.
pub const CALENDAR_FIELDS: [FieldSpec; 4] = [
    (Field::CommuneCode, "commune_code", true, &["maxa", "maxaphuong", "communecode"]),
    (Field::Place, "place", true, &["diadiemgiaodich", "diemgiaodich", "diadiem", "noigiaodich", "place"]),
    (
        Field::DaysOfMonth,
        "days_of_month",
        false,
        &["ngaygiaodichhangthang", "ngaygiaodichtrongthang", "ngayhangthang", "daysofmonth"],
    ),
    (
        Field::SessionDates,
        "dates",
        false,
        &["cacngaygiaodich", "lichgiaodich", "ngaygiaodich", "sessiondates", "dates"],
    ),
];

impl TableKind {
    /// Every kind, the loan list first (it wins a tie).
    pub const ALL: [TableKind; 4] = [TableKind::Loans, TableKind::Payments, TableKind::Relief, TableKind::Calendar];

    /// The columns of this kind of table.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            TableKind::Loans => &FIELDS,
            TableKind::Payments => &PAYMENT_FIELDS,
            TableKind::Relief => &RELIEF_FIELDS,
            TableKind::Calendar => &CALENDAR_FIELDS,
        }
    }
}

/// The loan list's fields: stable key (used in error codes), whether a file must have it, and the headers accepted,
/// folded and without spaces. The first header is the one the documentation and error reports name.
pub const FIELDS: [FieldSpec; 30] = [
    AGREEMENT,
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
    (Field::Collateral, "collateral", false, &["taisanbaodam", "cotaisanbaodam", "thechap", "baodam", "collateral"]),
    (
        Field::ContractCosts,
        "contract_costs",
        false,
        &["chiphitheohopdong", "chiphihopdong", "chiphidilamviec", "contractcosts"],
    ),
    (Field::ContractMonths, "contract_months", false, &["thoihanhopdong", "contractmonths", "contractterm"]),
    (
        Field::SavingsBalance,
        "savings_balance",
        false,
        &["tienguitietkiem", "sodutienguitietkiem", "sodutiengui", "tietkiem", "savingsbalance", "savings"],
    ),
    (
        Field::GroupName,
        "group_name",
        false,
        &["totkvv", "tentotkvv", "totietkiemvavayvon", "tento", "groupname", "group"],
    ),
    (Field::GroupCode, "group_code", false, &["mato", "matotkvv", "groupcode"]),
    (Field::GroupLeader, "group_leader", false, &["totruong", "hotentotruong", "groupleader", "leader"]),
    (
        Field::Organisation,
        "organisation",
        false,
        &[
            "hoidoanthe",
            "hoidoanthenhanuythac",
            "tochuchoi",
            "hoinhanuythac",
            "donviuythac",
            "organisation",
            "organization",
        ],
    ),
];

/// The stable key of a field, as used in error codes (`principal.format`).
pub fn key(field: Field) -> &'static str {
    TableKind::ALL.iter().flat_map(|k| k.fields()).find(|f| f.0 == field).map_or("", |f| f.1)
}

/// A header reduced to what is compared: the text before any bracket, folded, without spaces or signs.
pub fn header_key(text: &str) -> String {
    let before_bracket = text.split(['(', '[']).next().unwrap_or("");
    fold(before_bracket).chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// Which field of the loan list a header names, if any.
pub fn recognise(header: &str) -> Option<Field> {
    recognise_in(&FIELDS, header)
}

/// Which of `fields` a header names, if any.
pub fn recognise_in(fields: &[FieldSpec], header: &str) -> Option<Field> {
    let k = header_key(header);
    fields.iter().find(|f| f.3.contains(&k.as_str())).map(|f| f.0)
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

/// Finds the header row of a table of `kind` among the first rows and maps its columns.
pub fn find_header_of(rows: &[Row], kind: TableKind) -> Result<(usize, Columns), ImportError> {
    let fields = kind.fields();
    let best = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .map(|(i, r)| (i, required_named(fields, r)))
        .max_by_key(|(i, n)| (*n, std::cmp::Reverse(*i)));
    let Some((index, _)) = best else { return Err(ImportError::Empty) };
    let row = &rows[index];
    let mut found: Vec<(Field, usize, String)> = Vec::new();
    for (col, cell) in row.cells.iter().enumerate() {
        let written = cell.text();
        let Some(field) = recognise_in(fields, &written) else { continue };
        if found.iter().any(|f| f.0 == field) {
            return Err(ImportError::DuplicateColumn(written));
        }
        found.push((field, col, written));
    }
    let missing: Vec<String> =
        fields.iter().filter(|f| f.2 && !found.iter().any(|x| x.0 == f.0)).map(|f| f.1.to_owned()).collect();
    if !missing.is_empty() {
        return Err(ImportError::MissingColumns(missing));
    }
    Ok((index, Columns { found }))
}

/// What kind of table `rows` is: the kind whose required columns one of the first rows names all of (the loan list
/// first), else the kind whose header comes closest, so its missing columns can be reported. `None` when no row
/// names two required columns of any kind: a sheet of notes, not a table.
pub fn table_kind(rows: &[Row]) -> Option<TableKind> {
    let score = |kind: TableKind| {
        let fields = kind.fields();
        let required = fields.iter().filter(|f| f.2).count();
        let named = rows.iter().take(HEADER_SEARCH_ROWS).map(|r| required_named(fields, r)).max().unwrap_or(0);
        (named, required)
    };
    if let Some(kind) = TableKind::ALL.into_iter().find(|&k| score(k).0 == score(k).1) {
        return Some(kind);
    }
    // The closest: the highest share of required columns named (compared as cross products), the first on a tie.
    let mut best: Option<(TableKind, usize, usize)> = None;
    for kind in TableKind::ALL {
        let (named, required) = score(kind);
        if named >= 2 && best.is_none_or(|(_, n, r)| named * r > n * required) {
            best = Some((kind, named, required));
        }
    }
    best.map(|b| b.0)
}

fn required_named(fields: &[FieldSpec], row: &Row) -> usize {
    let mut named: Vec<Field> = row
        .cells
        .iter()
        .filter_map(|c| recognise_in(fields, &c.text()))
        .filter(|f| fields.iter().any(|x| x.0 == *f && x.2))
        .collect();
    named.sort_by_key(|f| *f as u8);
    named.dedup();
    named.len()
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
