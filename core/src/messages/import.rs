//! What the server's importer of the bank's loan book says about a bad row or a bad file, Vietnamese first and
//! English second. `{column}` is the header as the file writes it; other placeholders are named where they are used.

use super::Text;
use crate::t;

/// `*.required`.
pub const REQUIRED: Text = t!("Cột «{column}» đang trống.", "Column “{column}” is empty.");
/// `*.format` for dates.
pub const DATE_FORMAT: Text = t!(
    "Cột «{column}»: ngày phải viết dạng ngày/tháng/năm (15/03/2024) hoặc năm-tháng-ngày (2024-03-15).",
    "Column “{column}”: a date must be written day/month/year (15/03/2024) or year-month-day (2024-03-15)."
);
/// `principal.format`.
pub const MONEY_FORMAT: Text = t!(
    "Cột «{column}»: số tiền phải là số đồng lớn hơn 0, ví dụ 50.000.000 hoặc 50000000.",
    "Column “{column}”: the amount must be whole đồng above zero, e.g. 50.000.000 or 50000000."
);
/// `*.format` for numbers.
pub const NUMBER_FORMAT: Text =
    t!("Cột «{column}»: giá trị không phải là số hợp lệ.", "Column “{column}”: the value is not a valid number.");
/// `ethnic_minority.format`.
pub const YES_NO_FORMAT: Text =
    t!("Cột «{column}»: chỉ ghi «có» hoặc «không».", "Column “{column}”: write only “có” (yes) or “không” (no).");
/// `full_name.format`.
pub const NAME_FORMAT: Text = t!(
    "Họ và tên không được chứa chữ số và không dài quá 100 ký tự.",
    "The full name must hold no digits and be at most 100 characters."
);
/// `birth_year.range`.
pub const BIRTH_YEAR_RANGE: Text = t!(
    "Năm sinh phải từ 1920 và người vay phải đủ 15 tuổi.",
    "The birth year must be 1920 or later and the borrower at least 15 years old."
);
/// `id_number.format`.
pub const ID_FORMAT: Text = super::registration::ID_NUMBER_FORMAT;
/// `id_number.province_unknown`.
pub const ID_PROVINCE: Text = super::registration::ID_NUMBER_PROVINCE_UNKNOWN;
/// `id_number.birth_year_mismatch`.
pub const ID_BIRTH_YEAR: Text = t!(
    "Năm sinh trong số CCCD ({in_id}) không khớp với cột năm sinh.",
    "The birth year in the citizen ID number ({in_id}) does not match the birth-year column."
);
/// `id_number.conflict`.
pub const ID_CONFLICT: Text = t!(
    "Số CCCD/CMND này đã có ở dòng {row} với họ tên hoặc năm sinh khác.",
    "This ID number is already on row {row} with another name or birth year."
);
/// `phone.format`.
pub const PHONE_FORMAT: Text = super::registration::PHONE_FORMAT;
/// `phone.prefix_unknown`.
pub const PHONE_PREFIX: Text = super::registration::PHONE_PREFIX_UNKNOWN;
/// `commune_code.unknown`.
pub const COMMUNE_UNKNOWN: Text = t!(
    "Mã xã «{value}» không thuộc 65 xã, phường của tỉnh Lạng Sơn (danh mục 2025).",
    "Commune code “{value}” is none of Lạng Sơn's 65 communes and wards (2025 list)."
);
/// `programme_code.unknown`.
pub const PROGRAMME_UNKNOWN: Text = t!(
    "Mã chương trình «{value}» không có; dùng TVL-LD, TVL-CS hoặc XKLD.",
    "Programme code “{value}” is unknown; use TVL-LD, TVL-CS or XKLD."
);
/// `disbursed_on.future`.
pub const DISBURSED_FUTURE: Text = t!("Ngày giải ngân sau ngày hôm nay.", "The disbursement date is after today.");
/// `disbursed_on.no_rule_set`.
pub const NO_RULE_SET: Text = t!(
    "Không có quy định cho vay nào có hiệu lực vào ngày giải ngân (trước 01/09/2015).",
    "No lending rules were in force on the disbursement date (before 01/09/2015)."
);
/// `maturity_on.before_disbursement`.
pub const MATURITY_BEFORE: Text = t!(
    "Ngày đến hạn phải sau ngày giải ngân ít nhất một tháng.",
    "The maturity date must be at least one month after disbursement."
);
/// `maturity_on.term_too_long`.
pub const TERM_TOO_LONG: Text = t!(
    "Thời hạn vay {months} tháng vượt mức tối đa {max} tháng của quy định.",
    "A term of {months} months exceeds the rules' maximum of {max} months."
);
/// `principal.above_limit`.
pub const ABOVE_LIMIT: Text = t!(
    "Số tiền vay vượt mức cho vay tối đa {limit} của chương trình.",
    "The amount exceeds the programme's lending limit of {limit}."
);
/// `annual_rate.range`.
pub const RATE_RANGE: Text =
    t!("Lãi suất phải lớn hơn 0 và không quá 20%/năm.", "The rate must be above 0 and at most 20% a year.");
/// `repay_every_months.range`.
pub const REPAY_EVERY_RANGE: Text =
    t!("Kỳ trả gốc phải từ 1 đến 60 tháng.", "The repayment interval must be 1 to 60 months.");
/// `agreement_no.duplicate`.
pub const AGREEMENT_DUPLICATE: Text =
    t!("Số khế ước này đã có ở dòng {row}.", "This agreement number is already on row {row}.");
/// `*.too_long`.
pub const TOO_LONG: Text =
    t!("Cột «{column}» dài quá {max} ký tự.", "Column “{column}” is longer than {max} characters.");
/// `model_kind.unknown`.
pub const MODEL_KIND_UNKNOWN: Text = t!(
    "Loại mô hình phải là: trồng rừng, chăn nuôi, trồng trọt, dịch vụ hoặc kinh doanh nhỏ.",
    "The model kind must be afforestation, livestock, crops, services or small business."
);
/// `funded_area_ha.range`, `jobs_planned.range`.
pub const NOT_POSITIVE: Text =
    t!("Cột «{column}» phải là số lớn hơn 0.", "Column “{column}” must be a number above zero.");
/// `site.incomplete`.
pub const SITE_INCOMPLETE: Text =
    t!("Vị trí mô hình cần cả vĩ độ và kinh độ.", "A site position needs both latitude and longitude.");
/// `site.without_model`.
pub const SITE_WITHOUT_MODEL: Text =
    t!("Có vị trí nhưng thiếu loại mô hình.", "A site position is given without a model kind.");
/// `site.outside_commune`.
pub const SITE_OUTSIDE: Text = t!(
    "Vị trí mô hình không nằm trong địa giới xã đã ghi.",
    "The site position lies outside the boundary of the commune given."
);
/// `agreement_no.unknown` in a payment or relief table.
pub const AGREEMENT_UNKNOWN: Text = t!(
    "Số khế ước «{value}» không có trong danh sách khoản vay được nhập (hoặc dòng của nó bị lỗi).",
    "Agreement “{value}” is not in the loan list imported (or its row was rejected)."
);
/// `*.format` for an amount that may be zero.
pub const AMOUNT_FORMAT: Text = t!(
    "Cột «{column}»: số tiền phải là số đồng, ví dụ 1.500.000, 1500000 hoặc 0.",
    "Column “{column}”: the amount must be whole đồng, e.g. 1.500.000, 1500000 or 0."
);
/// `payment.nothing_paid`.
pub const NOTHING_PAID: Text =
    t!("Dòng trả nợ không có số tiền nào lớn hơn 0.", "The payment row holds no amount above zero.");
/// `paid_on.future`.
pub const PAID_FUTURE: Text = t!("Ngày trả sau ngày hôm nay.", "The payment date is after today.");
/// `paid_on.before_disbursement`.
pub const PAID_BEFORE_DISBURSEMENT: Text = t!(
    "Ngày trả ({date}) trước ngày giải ngân của khế ước ({disbursed}).",
    "The payment date ({date}) is before the agreement's disbursement ({disbursed})."
);
/// `principal_paid.above_principal`.
pub const PAID_ABOVE_PRINCIPAL: Text = t!(
    "Tổng gốc đã trả đến dòng này ({paid}) vượt số tiền vay ({principal}).",
    "The principal repaid up to this row ({paid}) exceeds the amount lent ({principal})."
);
/// `relief_kind.unknown`.
pub const RELIEF_KIND_UNKNOWN: Text = t!(
    "Hình thức xử lý phải là: khoanh nợ, gia hạn nợ, điều chỉnh kỳ hạn hoặc xóa nợ.",
    "The relief must be khoanh nợ (freeze), gia hạn nợ (extension), điều chỉnh kỳ hạn (rescheduling) or xóa nợ (write-off)."
);
/// `relief_to.before_from`.
pub const RELIEF_TO_BEFORE: Text = t!("«Đến ngày» phải sau hoặc bằng «Từ ngày».", "“To” must be on or after “From”.");
/// `relief_to.write_off`.
pub const RELIEF_TO_WRITE_OFF: Text = t!(
    "Xóa nợ không có «Đến ngày»: khoản nợ chấm dứt từ «Từ ngày».",
    "A write-off has no “To” date: the debt ends on its “From” date."
);
/// `relief_from.before_disbursement`.
pub const RELIEF_BEFORE_DISBURSEMENT: Text = t!(
    "Ngày bắt đầu xử lý nợ trước ngày giải ngân của khế ước ({disbursed}).",
    "The relief starts before the agreement's disbursement ({disbursed})."
);
/// `relief_amount.above_principal`.
pub const RELIEF_ABOVE_PRINCIPAL: Text = t!(
    "Số tiền xử lý ({amount}) vượt số tiền vay ({principal}).",
    "The relief amount ({amount}) exceeds the amount lent ({principal})."
);
/// `group_name.required_with_group` and the like.
pub const GROUP_INCOMPLETE: Text = t!(
    "Cột «{column}» phải có khi dòng ghi tổ TK&VV (tên tổ, tổ trưởng và hội đoàn thể nhận ủy thác).",
    "Column “{column}” is needed when the row names a savings group (its name, leader and entrusted organisation)."
);
/// `organisation.unknown`.
pub const ORGANISATION_UNKNOWN: Text = t!(
    "Hội đoàn thể phải là: Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh hoặc Đoàn Thanh niên.",
    "The organisation must be the Women's Union, Farmers' Union, Veterans' Association or Youth Union."
);
/// `days_of_month.format`.
pub const DAYS_FORMAT: Text = t!(
    "Cột «{column}»: ghi các ngày trong tháng từ 1 đến 31, cách nhau bằng dấu ; (ví dụ 5; 20).",
    "Column “{column}”: write days of the month from 1 to 31, separated by ; (e.g. 5; 20)."
);
/// `dates.format`.
pub const DATES_FORMAT: Text = t!(
    "Cột «{column}»: ghi các ngày dạng ngày/tháng/năm, cách nhau bằng dấu ; (ví dụ 05/12/2026; 20/12/2026).",
    "Column “{column}”: write dates day/month/year, separated by ; (e.g. 05/12/2026; 20/12/2026)."
);
/// `transaction_point.no_days`.
pub const NO_SESSION_DAYS: Text = t!(
    "Điểm giao dịch phải có ngày giao dịch hằng tháng hoặc các ngày giao dịch.",
    "A transaction point needs its days of the month or its dates."
);
/// `annual_rate.not_in_rule_set` (a finding).
pub const RATE_NOT_IN_SET: Text = t!(
    "Lãi suất {rate} %/năm không thuộc các mức của quy định {set} ({rates} %/năm).",
    "The rate of {rate} % a year is none of rule set {set}'s rates ({rates} % a year)."
);
/// `principal.above_per_worker_cap` (a finding).
pub const ABOVE_PER_WORKER: Text = t!(
    "Số tiền vay vượt mức theo số lao động: {jobs} lao động, tối đa {cap}.",
    "The amount exceeds the cap by workers: {jobs} workers, at most {cap}."
);
/// `collateral.missing` (a finding).
pub const COLLATERAL_MISSING: Text =
    t!("Khoản vay trên {threshold} phải có tài sản bảo đảm.", "A loan above {threshold} needs collateral.");
/// `principal.above_contract_costs` (a finding).
pub const ABOVE_CONTRACT_COSTS: Text = t!(
    "Số tiền vay vượt chi phí theo hợp đồng đi làm việc ở nước ngoài ({costs}).",
    "The amount exceeds the costs in the contract for work abroad ({costs})."
);
/// `maturity_on.beyond_contract` (a finding).
pub const BEYOND_CONTRACT: Text = t!(
    "Thời hạn vay {term} tháng dài hơn hợp đồng ({months} tháng).",
    "A term of {term} months is longer than the contract ({months} months)."
);

/// A whole file refused: `ImportError::Io`.
pub const FILE_UNREADABLE: Text = t!("Không đọc được tệp.", "The file cannot be read.");

/// A whole file refused: `ImportError::TooLarge`.
pub const FILE_TOO_LARGE: Text = t!("Tệp lớn quá 256 MB.", "The file is larger than 256 MB.");

/// A whole file refused: `ImportError::TooManyRows`.
pub const FILE_TOO_MANY_ROWS: Text = t!("Tệp có quá 2.000.000 dòng.", "The file has more than 2,000,000 rows.");

/// A whole file refused: `ImportError::NotUtf8`.
pub const FILE_NOT_UTF8: Text = t!(
    "Tệp CSV phải lưu với bảng mã UTF-8 (trong Excel: «CSV UTF-8»).",
    "The CSV file must be saved as UTF-8 (in Excel: “CSV UTF-8”)."
);

/// A whole file refused: `ImportError::Csv`.
pub const FILE_BAD_CSV: Text = t!("Tệp CSV bị lỗi định dạng.", "The CSV file is malformed.");

/// A whole file refused: `ImportError::Xlsx`.
pub const FILE_BAD_XLSX: Text = t!("Không đọc được tệp Excel.", "The Excel file cannot be read.");

/// A whole file refused: `ImportError::Empty`.
pub const FILE_EMPTY: Text = t!("Tệp không có dòng nào.", "The file holds no rows.");

/// A whole file refused: `ImportError::MissingColumns`.
pub const FILE_MISSING_COLUMNS: Text =
    t!("Thiếu các cột bắt buộc: {columns}.", "Required columns are missing: {columns}.");

/// A whole file refused: `ImportError::DuplicateColumn`.
pub const FILE_DUPLICATE_COLUMN: Text =
    t!("Hai cột cùng chỉ một thông tin: «{column}».", "Two columns name the same field: “{column}”.");

/// A whole file refused: `ImportError::NoLoanList`.
pub const FILE_NO_LOAN_LIST: Text = t!(
    "Không có danh sách khoản vay: lịch sử trả nợ và xử lý nợ phải nhập cùng danh sách khoản vay.",
    "No loan list: payments and relief events must be imported with the loan list they belong to."
);
