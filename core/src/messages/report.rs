//! The report to the province (báo cáo kết quả kiểm tra) the server writes for an inspection plan: its parts and
//! sections, its sentences with their figures, its recipients, and its annex tables (titles, sheet names, column
//! heads). The report is issued in Vietnamese; the English half says what each entry means. The administrative
//! header (the authority, the issuer, the number line, the national motto) is a fact of the document, not an entry.

use super::Text;
use crate::t;

/// The kind of document, under the header.
pub const KIND: Text = t!("BÁO CÁO", "REPORT");
/// The title; `{code}` the plan's number.
pub const TITLE: Text = t!(
    "Kết quả kiểm tra việc thực hiện chính sách hỗ trợ tạo việc làm từ Quỹ quốc gia về việc làm và đưa người \
     lao động đi làm việc ở nước ngoài theo hợp đồng, theo Kế hoạch số {code}",
    "Results of the inspection of the job-creation support from the National Employment Fund and of sending \
     workers abroad under contract, under plan no. {code}"
);
/// The opening paragraph; `{title}` is empty or ` (the plan's title)`, `{communes}` the list of `{count}` communes.
pub const OPENING: Text = t!(
    "Thực hiện Kế hoạch số {code}{title}, từ ngày {from} đến ngày {to}, Đoàn kiểm tra đã làm việc tại {count} xã, \
     phường: {communes}. Sở Nội vụ báo cáo kết quả kiểm tra như sau:",
    "Under plan no. {code}{title}, from {from} to {to}, the inspection team worked in {count} communes: \
     {communes}. The Department of Home Affairs reports the results as follows:"
);
/// The closing paragraph; `{code}` the plan's number.
pub const CLOSING: Text = t!(
    "Trên đây là báo cáo kết quả kiểm tra theo Kế hoạch số {code}. Sở Nội vụ kính báo cáo Ủy ban nhân dân tỉnh xem \
     xét, chỉ đạo./.",
    "This is the report on the inspection under plan no. {code}. The Department of Home Affairs submits it to the \
     Provincial People's Committee for consideration and direction."
);

/// Part I.
pub const PART_TEAM: Text = t!("I. THÀNH PHẦN ĐOÀN KIỂM TRA", "I. THE INSPECTION TEAM");
/// Part II.
pub const PART_RESULTS: Text = t!("II. KẾT QUẢ KIỂM TRA", "II. RESULTS OF THE INSPECTION");
/// Part III.
pub const PART_ASSESSMENT: Text = t!("III. ĐÁNH GIÁ CHUNG", "III. OVERALL ASSESSMENT");
/// Part IV.
pub const PART_RECOMMENDATIONS: Text = t!("IV. KIẾN NGHỊ", "IV. RECOMMENDATIONS");

/// A plan with nobody on its team.
pub const NO_TEAM: Text =
    t!("Kế hoạch chưa phân công thành viên đoàn kiểm tra.", "The plan has no inspection team assigned yet.");
/// Where the team can be read.
pub const SOURCE_TEAM: Text = t!("Danh sách đoàn: trang Kế hoạch kiểm tra", "The team: the Inspection plans page");

/// The section on leadership and publicity (review heading `leadership`).
pub const SECTION_LEADERSHIP: Text =
    t!("Công tác lãnh đạo, chỉ đạo và thông tin, tuyên truyền", "Leadership, direction and publicity");
/// The section on lending to the right people for the right purpose (`targeting`).
pub const SECTION_TARGETING: Text =
    t!("Việc cho vay đúng đối tượng, đúng mục đích", "Lending to the right borrowers for the right purpose");
/// The section on the loan book (`book`).
pub const SECTION_BOOK: Text = t!("Tăng trưởng dư nợ và nợ quá hạn", "Growth of the loan book and overdue debt");
/// The section on the sites visited (`site_checks`).
pub const SECTION_SITE_CHECKS: Text =
    t!("Kết quả kiểm tra tại các mô hình được vay vốn", "Results of the checks at the funded sites");
/// The section on citizens' opinions (`opinions`).
pub const SECTION_OPINIONS: Text = t!("Ý kiến, kiến nghị của người dân", "Citizens' opinions and requests");
/// The section on work abroad (`overseas`).
pub const SECTION_OVERSEAS: Text =
    t!("Công tác đưa người lao động đi làm việc ở nước ngoài theo hợp đồng", "Sending workers abroad under contract");

/// Targeting, nothing checked yet.
pub const NO_CHECKS_YET: Text = t!(
    "Đến ngày lập báo cáo, Đoàn chưa kiểm tra mô hình nào tại các xã của kế hoạch.",
    "By the date of the report, the team had not checked any site in the plan's communes."
);
/// Targeting: `{checks}` checks, `{asked}` of them judged the use of the loan, `{share}` kept to the purpose.
pub const TARGETING_CHECKED: Text = t!(
    "Qua kiểm tra {checks} lượt tại các mô hình được vay vốn, {asked} lượt xác định được việc sử dụng vốn; trong đó \
     sử dụng vốn đúng mục đích: {share}.",
    "Of {checks} checks at the funded sites, {asked} established how the loan was used; of these, the loan was used \
     for its purpose in {share}."
);
/// One sign of misuse and how many times it was found.
pub const MISUSE_CASES: Text = t!("{sign} ({n} trường hợp)", "{sign} ({n} cases)");
/// No sign of misuse.
pub const NO_MISUSE: Text =
    t!("Không phát hiện dấu hiệu vi phạm trong sử dụng vốn vay.", "No sign of misuse of the loans was found.");
/// Before the list of signs of misuse.
pub const MISUSE_FOUND: Text = t!("Phát hiện các dấu hiệu vi phạm sau:", "These signs of misuse were found:");
/// Where the targeting figures can be read.
pub const SOURCE_TARGETING: Text = t!(
    "Số liệu: trang Số liệu xã, các cột Đúng mục đích và Dấu hiệu sai phạm",
    "Figures: the Commune figures page, columns For the purpose and Signs of misuse"
);

/// The loan book grew.
pub const GROWTH_UP: Text = t!("tăng", "up");
/// The loan book shrank.
pub const GROWTH_DOWN: Text = t!("giảm", "down");
/// The loan book of the plan's communes; `{direction}` is [`GROWTH_UP`] or [`GROWTH_DOWN`], `{band}` the bank's
/// band of the ratio in lower case.
pub const BOOK_SUMMARY: Text = t!(
    "Đến ngày {today}, tại {count} xã, phường được kiểm tra có {loans} khoản vay trên sổ, tổng dư nợ {outstanding}, \
     {direction} {growth} so với ngày {since}; nợ quá hạn {overdue} của {overdue_loans} khoản vay, tỷ lệ nợ quá hạn \
     {ratio} (nhóm {band}).",
    "On {today}, the {count} communes inspected had {loans} loans on the books, {outstanding} outstanding, \
     {direction} {growth} since {since}; {overdue} overdue on {overdue_loans} loans, an overdue ratio of {ratio} \
     (band {band})."
);
/// No commune at or above 3% overdue.
pub const NO_HIGH_OVERDUE: Text =
    t!("Không có xã nào có tỷ lệ nợ quá hạn từ 3% trở lên.", "No commune has an overdue ratio of 3% or more.");
/// The communes at or above 3% overdue, each with its ratio.
pub const HIGH_OVERDUE: Text = t!(
    "Các xã có tỷ lệ nợ quá hạn từ 3% trở lên: {communes}.",
    "Communes with an overdue ratio of 3% or more: {communes}."
);
/// The loan book table in the body.
pub const TABLE_BOOK: Text =
    t!("Bảng 1. Dư nợ và nợ quá hạn theo xã", "Table 1. Outstanding and overdue loans by commune");

/// The sites of the plan's communes and the checks made there.
pub const SITES_SUMMARY: Text = t!(
    "Các xã được kiểm tra có {sites} mô hình được vay vốn; Đoàn đã kiểm tra trực tiếp tại {checked} mô hình \
     ({checks} lượt kiểm tra), trong đó {flagged} mô hình có lượt kiểm tra bị hệ thống gắn cờ cần xem xét (ảnh hoặc \
     vị trí không khớp, chữ ký số không hợp lệ).",
    "The communes inspected have {sites} funded sites; the team checked {checked} of them in person ({checks} \
     checks), {flagged} of which have a check the system flagged for review (photo or position not matching, digital \
     signature not valid)."
);
/// How effective the sites were judged, and the jobs they made and kept.
pub const EFFECTIVENESS: Text = t!(
    "Về hiệu quả: {share} mô hình được đánh giá có hiệu quả. Các mô hình đã tạo việc làm mới cho {created} lao động \
     và duy trì việc làm cho {kept} lao động.",
    "Effectiveness: {share} sites were judged effective. The sites created new jobs for {created} workers and kept \
     jobs for {kept} workers."
);
/// Where the progress by commune can be read.
pub const SOURCE_PROGRESS: Text =
    t!("Tiến độ theo xã: trang Kế hoạch kiểm tra", "Progress by commune: the Inspection plans page");
/// Where each check can be read.
pub const SOURCE_EACH_CHECK: Text = t!(
    "Kết quả từng lượt: trang Số liệu xã và Phụ lục 2, 3",
    "Each check's result: the Commune figures page and annexes 2 and 3"
);

/// No citizen's opinion recorded.
pub const NO_OPINIONS: Text = t!(
    "Đoàn chưa ghi nhận ý kiến của người dân tại các buổi làm việc.",
    "The team recorded no citizen's opinion at its meetings."
);
/// Before the citizens' opinions.
pub const OPINIONS_HEARD: Text = t!("Tại các buổi làm việc, người dân phản ánh:", "At the meetings, citizens said:");
/// One opinion and where it was heard.
pub const OPINION_AT: Text = t!("Tại {commune}: {opinion}", "In {commune}: {opinion}");

/// The returnees who registered, and what they want.
pub const RETURNEES: Text = t!(
    "Tại các xã được kiểm tra, {total} người lao động về nước đã đăng ký nhu cầu việc làm qua ứng dụng ({verified} \
     hồ sơ đã được xác minh); trong đó {abroad} người có nhu cầu tiếp tục đi làm việc ở nước ngoài và {loan} \
     người có nhu cầu vay vốn tự tạo việc làm.",
    "In the communes inspected, {total} returning workers registered their job needs in the app ({verified} \
     verified); {abroad} of them want to work abroad again and {loan} want a loan to make their own job."
);
/// No programme abroad open.
pub const NO_OVERSEAS_OPEN: Text = t!(
    "Trong thời gian kiểm tra không có chương trình tuyển chọn đi làm việc ở nước ngoài nào đang mở.",
    "No programme recruiting for work abroad was open during the inspection."
);
/// Before the programmes abroad.
pub const OVERSEAS_OPEN: Text = t!(
    "Các chương trình đi làm việc ở nước ngoài đang tuyển chọn qua doanh nghiệp được cấp phép:",
    "Programmes recruiting for work abroad through licensed enterprises:"
);
/// A programme's places, after its country.
pub const SEATS: Text = t!(", {n} chỉ tiêu", ", {n} places");
/// One programme abroad; `{seats}` is empty or [`SEATS`].
pub const OVERSEAS_PROGRAMME: Text = t!(
    "{title} — {enterprise} (giấy phép số {licence}), thị trường {country}{seats};",
    "{title} — {enterprise} (licence no. {licence}), market {country}{seats};"
);
/// Where the registrations can be read.
pub const SOURCE_REGISTRATIONS: Text = t!(
    "Số đăng ký theo xã: trang Số liệu xã, cột Đăng ký",
    "Registrations by commune: the Commune figures page, column Registrations"
);

/// An inspector's rating after the commune, in a note.
pub const RATED: Text = t!(" (đánh giá: {rating})", " (rating: {rating})");
/// No note on leadership.
pub const NO_LEADERSHIP_NOTES: Text =
    t!("Đoàn chưa ghi nhận xét về nội dung này tại các xã.", "The team has written nothing on this in the communes.");

/// Assessment, section 1.
pub const STRENGTHS: Text = t!("1. Ưu điểm", "1. Strengths");
/// Strengths when no site was checked.
pub const STRENGTHS_UNCHECKED: Text = t!(
    "Tỷ lệ nợ quá hạn chung của các xã được kiểm tra là {ratio}; chưa có kết quả kiểm tra tại mô hình để đánh giá.",
    "The overall overdue ratio of the communes inspected is {ratio}; no site check has been made to assess."
);
/// Strengths from the checks.
pub const STRENGTHS_CHECKED: Text = t!(
    "Vốn vay cơ bản được sử dụng đúng mục đích ({kept}/{asked} lượt kiểm tra, {percent}); tỷ lệ nợ quá hạn chung \
     của các xã được kiểm tra là {ratio}; các mô hình đã tạo việc làm mới cho {created} lao động.",
    "Loans were mostly used for their purpose ({kept}/{asked} checks, {percent}); the overall overdue ratio of the \
     communes inspected is {ratio}; the sites created new jobs for {created} workers."
);
/// Assessment, section 2.
pub const LIMITS: Text = t!("2. Tồn tại, hạn chế", "2. Shortcomings");
/// A shortcoming: signs of misuse.
pub const LIMIT_MISUSE: Text = t!(
    "còn {n} trường hợp có dấu hiệu vi phạm trong sử dụng vốn vay",
    "{n} cases still show signs of misuse of the loans"
);
/// A shortcoming: flagged checks.
pub const LIMIT_FLAGGED: Text =
    t!("{n} lượt kiểm tra bị gắn cờ cần xác minh lại", "{n} flagged checks to be verified again");
/// A shortcoming: communes with no site checked.
pub const LIMIT_UNCHECKED: Text =
    t!("chưa kiểm tra được mô hình nào tại {communes}", "no site has been checked in {communes}");
/// A shortcoming: communes with no minutes.
pub const LIMIT_UNREVIEWED: Text =
    t!("chưa có biên bản làm việc tại {communes}", "there are no meeting minutes for {communes}");
/// No shortcoming.
pub const NO_LIMITS: Text = t!("Không phát hiện tồn tại, hạn chế đáng kể.", "No significant shortcoming was found.");
/// No recommendation.
pub const NO_RECOMMENDATIONS: Text =
    t!("Đoàn chưa ghi kiến nghị tại các xã.", "The team has written no recommendation in the communes.");

/// The recipients (Nơi nhận), in order; `{communes}` the plan's communes.
pub const TO_PROVINCE: Text = t!("UBND tỉnh (để báo cáo);", "Provincial People's Committee (to report);");
/// A recipient.
pub const TO_DIRECTOR: Text = t!("Giám đốc Sở (để báo cáo);", "Director of the Department (to report);");
/// A recipient.
pub const TO_BANK: Text =
    t!("Chi nhánh NHCSXH tỉnh Lạng Sơn;", "Lạng Sơn branch of the Vietnam Bank for Social Policies;");
/// A recipient: the communes.
pub const TO_COMMUNES: Text = t!("UBND {communes} (để thực hiện);", "People's Committees of {communes} (to act);");
/// A recipient: the archive.
pub const TO_ARCHIVE: Text = t!("Lưu: VT, LĐVL.", "Filed: records office, labour and employment.");
/// The signer's function, on the report and the minutes.
pub const TEAM_LEADER: Text = t!("TRƯỞNG ĐOÀN KIỂM TRA", "HEAD OF THE INSPECTION TEAM");

/// A table's total row.
pub const TOTAL: Text = t!("Cộng", "Total");
/// A table's commune column.
pub const COMMUNE: Text = t!("Xã, phường", "Commune");
/// The loan book's columns after the commune; `{since}` the date growth is measured from.
pub const BOOK_COLUMNS: [Text; 6] = [
    t!("Số khoản vay", "Loans"),
    t!("Dư nợ", "Outstanding"),
    t!("Tăng trưởng so với {since}", "Growth since {since}"),
    t!("Khoản vay quá hạn", "Overdue loans"),
    t!("Nợ quá hạn", "Overdue"),
    t!("Tỷ lệ nợ quá hạn", "Overdue ratio"),
];
/// The loan book's last column in the annex: the bank's band of the ratio.
pub const BAND: Text = t!("Nhóm", "Band");

/// Annex 1.
pub const ANNEX_BOOK: Text =
    t!("Phụ lục 1. Dư nợ và nợ quá hạn theo xã", "Annex 1. Outstanding and overdue loans by commune");
/// Annex 1's sheet.
pub const SHEET_BOOK: Text = t!("1. Dư nợ", "1. Loans");
/// Annex 2.
pub const ANNEX_CHECKS: Text =
    t!("Phụ lục 2. Danh sách các lượt kiểm tra tại mô hình", "Annex 2. The checks made at the sites");
/// Annex 2's sheet.
pub const SHEET_CHECKS: Text = t!("2. Kiểm tra", "2. Checks");
/// Annex 2's columns.
pub const CHECKS_COLUMNS: [Text; 6] = [
    t!("Mã kiểm tra", "Check"),
    t!("Người vay", "Borrower"),
    t!("Xã, phường", "Commune"),
    t!("Ngày", "Date"),
    t!("Vị trí", "Position"),
    t!("Cờ", "Flags"),
];
/// Annex 3.
pub const ANNEX_FINDINGS: Text = t!("Phụ lục 3. Kết quả kiểm tra theo xã", "Annex 3. Results by commune");
/// Annex 3's sheet.
pub const SHEET_FINDINGS: Text = t!("3. Kết quả", "3. Results");
/// Annex 3's columns after the commune, before the signs of misuse.
pub const FINDINGS_COLUMNS: [Text; 8] = [
    t!("Mô hình trong xã", "Sites in the commune"),
    t!("Mô hình đã kiểm tra", "Sites checked"),
    t!("Lượt kiểm tra", "Checks"),
    t!("Lượt bị gắn cờ", "Flagged checks"),
    t!("Hỏi về mục đích", "Asked about the purpose"),
    t!("Đúng mục đích", "For the purpose"),
    t!("Được đánh giá hiệu quả", "Judged for effectiveness"),
    t!("Có hiệu quả", "Effective"),
];
/// Annex 3's last columns, after the signs of misuse.
pub const JOBS_COLUMNS: [Text; 2] =
    [t!("Lao động có việc làm mới", "Workers with a new job"), t!("Lao động duy trì việc làm", "Workers kept in work")];
/// Annex 4.
pub const ANNEX_WORKERS: Text = t!(
    "Phụ lục 4. Người lao động về nước đăng ký nhu cầu và chương trình việc làm theo xã",
    "Annex 4. Returning workers' registrations and job programmes by commune"
);
/// Annex 4's sheet.
pub const SHEET_WORKERS: Text = t!("4. Đăng ký", "4. Registrations");
/// Annex 4's columns after the commune.
pub const WORKERS_COLUMNS: [Text; 8] = [
    t!("Số đăng ký", "Registrations"),
    t!("Đã xác minh", "Verified"),
    t!("Bị từ chối", "Rejected"),
    t!("Cần việc làm trong nước", "Want a job at home"),
    t!("Cần học nghề", "Want vocational training"),
    t!("Cần vay vốn tự tạo việc làm", "Want a loan to make their own job"),
    t!("Muốn đi làm việc ở nước ngoài", "Want to work abroad"),
    t!("Chương trình việc làm đang mở tại xã", "Job programmes open in the commune"),
];

/// `a, b và c`: the items before the last, then the last.
pub const LIST_AND: Text = t!("{items} và {last}", "{items} and {last}");
/// An amount of money in words.
pub const DONG: Text = t!("{amount} đồng", "{amount} dong");

/// The recipients' heading in the printed document.
pub const RECIPIENTS: Text = t!("Nơi nhận:", "Recipients:");
/// Before the address a table's figures come from, under it: `Nguồn: /office/…`.
pub const SOURCE: Text = t!("Nguồn", "Source");
/// The printable page's toolbar, shown on screen only.
pub const PRINT_HINT: Text = t!("In bằng trình duyệt (Ctrl+P) ra khổ A4", "Print from the browser to A4");
