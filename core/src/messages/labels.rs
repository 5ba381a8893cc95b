//! Labels of the screens and the CLI: field names, headings, states.

use crate::messages::Text;
use crate::t;

/// Dư nợ: principal still owed.
pub const OUTSTANDING: Text = t!("Dư nợ", "Outstanding principal");
/// Nợ quá hạn: principal past its due date.
pub const OVERDUE_PRINCIPAL: Text = t!("Nợ quá hạn", "Overdue principal");
/// Days overdue.
pub const DAYS_OVERDUE: Text = t!("Số ngày quá hạn", "Days overdue");
/// Số khế ước.
pub const AGREEMENT_NO: Text = t!("Số khế ước", "Loan agreement no.");
/// Borrower.
pub const BORROWER: Text = t!("Người vay", "Borrower");
/// Commune.
pub const COMMUNE: Text = t!("Xã/phường", "Commune");
/// Programme.
pub const PROGRAMME: Text = t!("Chương trình", "Programme");
/// Principal lent.
pub const PRINCIPAL: Text = t!("Số tiền vay", "Amount lent");
/// Yearly rate.
pub const RATE: Text = t!("Lãi suất", "Interest rate");
/// `{rate}%/năm`.
pub const RATE_PER_YEAR: Text = t!("{rate}%/năm", "{rate}%/year");
/// Disbursement date.
pub const DISBURSED_ON: Text = t!("Ngày giải ngân", "Disbursed on");
/// Maturity date.
pub const MATURITY_ON: Text = t!("Ngày đến hạn", "Matures on");
/// Due date of an instalment.
pub const DUE_ON: Text = t!("Hạn trả", "Due on");
/// Principal due in an instalment.
pub const AMOUNT_DUE: Text = t!("Gốc phải trả", "Principal due");
/// What remains of an instalment.
pub const REMAINING: Text = t!("Còn phải trả", "Remaining");
/// Next instalment.
pub const NEXT_INSTALMENT: Text = t!("Kỳ trả gốc tiếp theo", "Next principal instalment");
/// `{amount} ngày {date}`.
pub const AMOUNT_ON_DATE: Text = t!("{amount} ngày {date}", "{amount} on {date}");
/// Interest this month.
pub const INTEREST_THIS_MONTH: Text = t!("Lãi tháng này", "Interest this month");
/// Overdue interest.
pub const OVERDUE_INTEREST: Text = t!("Lãi quá hạn", "Overdue interest");
/// Lãi tồn: unpaid interest.
pub const UNPAID_INTEREST: Text = t!("Lãi tồn", "Unpaid interest");
/// The one figure a borrower brings to the transaction point.
pub const TO_PAY_NOW: Text = t!("Cần trả ngay", "To pay now");
/// Principal repaid.
pub const PRINCIPAL_REPAID: Text = t!("Gốc đã trả", "Principal repaid");
/// State of the loan.
pub const STATE: Text = t!("Tình trạng", "State");
/// Rule set applied.
pub const RULE_SET: Text = t!("Quy định áp dụng", "Rules applied");
/// Purpose.
pub const PURPOSE: Text = t!("Mục đích vay", "Purpose");
/// Savings.
pub const SAVINGS: Text = t!("Tiền gửi tiết kiệm", "Savings balance");
/// Savings-and-loan group.
pub const GROUP: Text = t!("Tổ TK&VV", "Savings-and-loan group");
/// The savings group's leader, a borrower's first contact.
pub const GROUP_LEADER: Text = t!("Tổ trưởng", "Group leader");
/// The next day the commune's transaction point sits, where borrowers pay.
pub const NEXT_SESSION: Text = t!("Phiên giao dịch tới", "Next transaction day");
/// The last inspection of the borrower's own funded model.
pub const LAST_INSPECTION: Text = t!("Lần kiểm tra gần nhất", "Last inspection");
/// A day and a check's code.
pub const DATE_AND_CODE: Text = t!("{date} (biên bản {code})", "{date} (record {code})");
/// The bank's office that lent, which a borrower may call.
pub const VBSP_OFFICE: Text = t!("Phòng giao dịch NHCSXH", "VBSP transaction office");
/// A day and a place.
pub const DATE_AT_PLACE: Text = t!("{date}, tại {place}", "{date}, at {place}");
/// Frozen principal.
pub const FROZEN_PRINCIPAL: Text = t!("Nợ khoanh", "Frozen principal");
/// Written-off amount.
pub const WRITTEN_OFF: Text = t!("Số tiền đã xóa nợ", "Amount written off");
/// Relief period.
pub const RELIEF_PERIOD: Text = t!("Thời gian khoanh/gia hạn", "Relief period");

/// Instalment: paid.
pub const INSTALMENT_PAID: Text = t!("Đã trả", "Paid");
/// Instalment: overdue.
pub const INSTALMENT_OVERDUE: Text = t!("Quá hạn", "Overdue");
/// Instalment: due within the reminder window.
pub const INSTALMENT_DUE_SOON: Text = t!("Sắp đến hạn", "Due soon");
/// Instalment: later.
pub const INSTALMENT_UPCOMING: Text = t!("Chưa đến hạn", "Upcoming");
/// Instalment: held by a freeze (khoanh nợ), not overdue.
pub const INSTALMENT_FROZEN: Text = t!("Khoanh nợ", "Frozen");
/// Instalment: cancelled by a write-off.
pub const INSTALMENT_WRITTEN_OFF: Text = t!("Đã xóa nợ", "Written off");
/// Reminder line: the loan is overdue.
pub const OVERDUE_REMINDER: Text = t!(
    "Khoản vay đã quá hạn {days} ngày: cần trả ngay {amount}",
    "The loan is {days} days overdue: {amount} to pay now"
);
/// Reminder line: the month's interest, at the next session of the transaction point.
pub const INTEREST_REMINDER: Text = t!(
    "Lãi tháng này {amount}: trả tại phiên giao dịch ngày {date}, {place}",
    "This month's interest, {amount}: pay at the transaction day {date}, {place}"
);
/// Reminder line.
pub const REMINDER: Text =
    t!("Nhắc: kỳ {seq} trả {amount} trước ngày {date}", "Reminder: instalment {seq}, {amount} due by {date}");

/// Heading of the loan list.
pub const LOANS_TITLE: Text = t!("Khoản vay", "Loans");
/// Heading of the loan list with a query.
pub const LOANS_FOUND: Text = t!("Khoản vay tìm thấy cho “{query}”", "Loans found for “{query}”");
/// Nothing found.
pub const NOTHING_FOUND: Text = t!("Không tìm thấy kết quả.", "Nothing found.");
/// Heading of the schedule.
pub const SCHEDULE: Text = t!("Lịch trả nợ gốc", "Repayment schedule");
/// Heading of payments.
pub const PAYMENTS: Text = t!("Lịch sử trả nợ", "Payment history");
/// Heading of sites.
pub const SITES_TITLE: Text = t!("Mô hình cần kiểm tra gần bạn", "Sites to inspect near you");
/// Position (lat, lon).
pub const POSITION: Text = t!("Tọa độ", "Position");
/// Distance.
pub const DISTANCE: Text = t!("Khoảng cách", "Distance");
/// Heading of the programme catalogue.
pub const PROGRAMMES_TITLE: Text = t!("Chương trình việc làm", "Job programmes");
/// Licensed enterprise line.
pub const LICENSED_BY: Text =
    t!("Doanh nghiệp được cấp phép: {name} (GP số {licence})", "Licensed enterprise: {name} (licence {licence})");

/// Programme kinds.
pub const KIND_DOMESTIC_JOB: Text = t!("Việc làm trong nước", "Domestic job");
/// Programme kind: training.
pub const KIND_TRAINING: Text = t!("Đào tạo nghề", "Vocational training");
/// Programme kind: loan.
pub const KIND_LOAN: Text = t!("Vay vốn", "Loan");
/// Programme kind: work abroad.
pub const KIND_OVERSEAS: Text = t!("Làm việc ở nước ngoài", "Contract work abroad");
/// Seats.
pub const SEATS: Text = t!("{n} chỗ", "{n} places");
/// Closing date.
pub const CLOSES_ON: Text = t!("Hạn đăng ký {date}", "Apply by {date}");

/// Funded model kinds.
pub fn model_kind(kind: &str) -> Text {
    match kind {
        "afforestation" => t!("Trồng rừng", "Afforestation"),
        "livestock" => t!("Chăn nuôi", "Livestock"),
        "crops" => t!("Trồng trọt", "Crops"),
        "services" => t!("Dịch vụ", "Services"),
        _ => t!("Kinh doanh nhỏ", "Small business"),
    }
}
