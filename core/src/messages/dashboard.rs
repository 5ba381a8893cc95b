//! The office dashboard (`/office`): page titles, headings, column names, buttons, and what a page says when
//! something is missing or fails. Pages show both languages, or the one the clerk chose.

use super::Text;
use crate::t;

/// Commune
pub const COMMUNE: Text = t!("Xã, phường", "Commune");

/// Loans
pub const LOANS: Text = t!("Số khoản vay", "Loans");

/// Outstanding
pub const OUTSTANDING: Text = t!("Dư nợ", "Outstanding");

/// Growth
pub const GROWTH: Text = t!("Tăng trưởng dư nợ", "Growth");

/// Overdue
pub const OVERDUE: Text = t!("Nợ quá hạn", "Overdue");

/// Overdue ratio
pub const OVERDUE_RATIO: Text = t!("Tỷ lệ nợ quá hạn", "Overdue ratio");

/// Sites checked
pub const SITES_CHECKED: Text = t!("Số mô hình đã kiểm tra", "Sites checked");

/// Flagged
pub const FLAGGED: Text = t!("Bị gắn cờ", "Flagged");

/// Purpose kept
pub const PURPOSE_KEPT: Text = t!("Đúng mục đích", "Purpose kept");

/// Effective
pub const EFFECTIVE: Text = t!("Hiệu quả", "Effective");

/// Signs of misuse
pub const SIGNS_OF_MISUSE: Text = t!("Dấu hiệu sai phạm", "Signs of misuse");

/// Jobs created
pub const JOBS_CREATED: Text = t!("Lao động có việc làm mới", "Jobs created");

/// Jobs kept
pub const JOBS_KEPT: Text = t!("Lao động duy trì việc làm", "Jobs kept");

/// Registrations
pub const REGISTRATIONS: Text = t!("Đăng ký của người lao động", "Registrations");

/// Open programmes
pub const OPEN_PROGRAMMES: Text = t!("Chương trình việc làm đang mở", "Open programmes");

/// No overdue principal.
pub const NO_OVERDUE_PRINCIPAL: Text = t!("Không có nợ quá hạn.", "No overdue principal.");

/// Outstanding growth since
pub const OUTSTANDING_GROWTH_SINCE: Text = t!("Tăng trưởng dư nợ kể từ ngày", "Outstanding growth since");

/// Figures as of
pub const FIGURES_AS_OF: Text = t!("Số liệu đến ngày", "Figures as of");

/// against
pub const AGAINST: Text = t!("so với", "against");

/// Only the chosen plan's checks are counted (in its communes, during its days).
pub const PLAN_FILTER_NOTE: Text = t!(
    "Chỉ tính các cuộc kiểm tra của kế hoạch đã chọn (tại các xã và trong các ngày của kế hoạch).",
    "Only the chosen plan's checks are counted (in its communes, during its days)."
);

/// Highest overdue ratios
pub const HIGHEST_OVERDUE_RATIOS: Text = t!("Tỷ lệ nợ quá hạn cao nhất", "Highest overdue ratios");

/// Province
pub const PROVINCE: Text = t!("Toàn tỉnh", "Province");

/// Signs of misuse by kind
pub const SIGNS_OF_MISUSE_BY_KIND: Text = t!("Dấu hiệu sai phạm theo loại", "Signs of misuse by kind");

/// Figures by commune
pub const FIGURES_BY_COMMUNE: Text = t!("Số liệu theo xã", "Figures by commune");

/// Nothing was saved. Correct it and send it again.
pub const NOTHING_SAVED: Text = t!("Chưa lưu gì. Sửa rồi gửi lại.", "Nothing was saved. Correct it and send it again.");

/// Company name
pub const COMPANY_NAME: Text = t!("Tên doanh nghiệp", "Company name");

/// Licence number
pub const LICENCE_NUMBER: Text = t!("Số giấy phép", "Licence number");

/// Status
pub const STATUS: Text = t!("Trạng thái", "Status");

/// Markets (comma-separated)
pub const MARKETS_FIELD: Text = t!("Thị trường (cách nhau bởi dấu phẩy)", "Markets (comma-separated)");

/// Save changes
pub const SAVE_CHANGES: Text = t!("Lưu thay đổi", "Save changes");

/// Add enterprise
pub const ADD_ENTERPRISE: Text = t!("Thêm doanh nghiệp", "Add enterprise");

/// Enterprise
pub const ENTERPRISE: Text = t!("Doanh nghiệp", "Enterprise");

/// Licence
pub const LICENCE: Text = t!("Số giấy phép", "Licence");

/// Markets
pub const MARKETS: Text = t!("Thị trường", "Markets");

/// No enterprise yet.
pub const NO_ENTERPRISE_YET: Text = t!("Chưa có doanh nghiệp.", "No enterprise yet.");

/// Licensed sending enterprises
pub const LICENSED_SENDING_ENTERPRISES: Text =
    t!("Doanh nghiệp đưa người lao động đi làm việc ở nước ngoài", "Licensed sending enterprises");

/// The list
pub const BACK_TO_LIST: Text = t!("Danh sách", "The list");

/// Nothing was changed.
pub const NOTHING_CHANGED: Text = t!("Không có gì thay đổi.", "Nothing was changed.");

/// Back
pub const BACK: Text = t!("Quay lại", "Back");

/// Not done
pub const NOT_DONE: Text = t!("Chưa thực hiện", "Not done");

/// Wards
pub const WARDS: Text = t!("Phường", "Wards");

/// Communes
pub const COMMUNES_OF_PLAN: Text = t!("Xã", "Communes");

/// Inspector
pub const INSPECTOR: Text = t!("Cán bộ kiểm tra", "Inspector");

/// User name
pub const USER_NAME: Text = t!("Tên đăng nhập", "User name");

/// Function in the team
pub const FUNCTION_IN_THE_TEAM: Text = t!("Chức danh trong đoàn", "Function in the team");

/// (disabled)
pub const DISABLED: Text = t!("(đã khóa)", "(disabled)");

/// Plan number
pub const PLAN_NUMBER: Text = t!("Số kế hoạch", "Plan number");

/// Title
pub const TITLE: Text = t!("Tên kế hoạch", "Title");

/// First day
pub const FIRST_DAY: Text = t!("Ngày bắt đầu", "First day");

/// Last day
pub const LAST_DAY: Text = t!("Ngày kết thúc", "Last day");

/// Communes
pub const INSPECTION_AREA: Text = t!("Địa bàn kiểm tra", "Communes");

/// Inspection team
pub const INSPECTION_TEAM: Text = t!("Đoàn kiểm tra", "Inspection team");

/// Exactly one team leader is needed.
pub const ONE_TEAM_LEADER: Text = t!("Cần đúng một trưởng đoàn.", "Exactly one team leader is needed.");

/// Cancel
pub const CANCEL: Text = t!("Hủy", "Cancel");

/// New plan
pub const NEW_PLAN: Text = t!("Kế hoạch mới", "New plan");

/// Closed
pub const CLOSED: Text = t!("Đã đóng", "Closed");

/// Not started
pub const NOT_STARTED: Text = t!("Chưa bắt đầu", "Not started");

/// Over
pub const OVER: Text = t!("Đã kết thúc", "Over");

/// In the field
pub const IN_THE_FIELD: Text = t!("Đang kiểm tra", "In the field");

/// + New plan
pub const ADD_PLAN: Text = t!("+ Kế hoạch mới", "+ New plan");

/// No inspection plan yet.
pub const NO_INSPECTION_PLAN_YET: Text = t!("Chưa có kế hoạch kiểm tra.", "No inspection plan yet.");

/// Closed on
pub const CLOSED_ON: Text = t!("Đã đóng ngày", "Closed on");

/// Edit
pub const EDIT: Text = t!("Sửa", "Edit");

/// Close plan
pub const CLOSE_PLAN: Text = t!("Đóng kế hoạch", "Close plan");

/// Report to the province
pub const REPORT_TO_THE_PROVINCE: Text = t!("Báo cáo kết quả kiểm tra", "Report to the province");

/// From
pub const FROM: Text = t!("Từ", "From");

/// Team
pub const TEAM: Text = t!("Đoàn kiểm tra", "Team");

/// Sites
pub const SITES: Text = t!("Mô hình", "Sites");

/// Checked
pub const CHECKED: Text = t!("Đã kiểm tra", "Checked");

/// Progress
pub const PROGRESS: Text = t!("Tiến độ", "Progress");

/// Commune review
pub const COMMUNE_REVIEW: Text = t!("Đánh giá tại xã", "Commune review");

/// Total
pub const TOTAL: Text = t!("Cộng", "Total");

/// Inspection plans
pub const INSPECTION_PLANS: Text = t!("Kế hoạch kiểm tra", "Inspection plans");

/// Domestic job
pub const DOMESTIC_JOB: Text = t!("Việc làm trong nước", "Domestic job");

/// Vocational training
pub const VOCATIONAL_TRAINING: Text = t!("Đào tạo nghề", "Vocational training");

/// Job-creation loan
pub const JOB_CREATION_LOAN: Text = t!("Vay vốn tạo việc làm", "Job-creation loan");

/// Work abroad
pub const WORK_ABROAD: Text = t!("Làm việc ở nước ngoài", "Work abroad");

/// Title
pub const PROGRAMME_TITLE: Text = t!("Tên chương trình", "Title");

/// Kind
pub const KIND: Text = t!("Loại", "Kind");

/// Enterprise (abroad)
pub const ENTERPRISE_ABROAD: Text = t!("Doanh nghiệp (đi nước ngoài)", "Enterprise (abroad)");

/// Country
pub const DESTINATION_COUNTRY: Text = t!("Nước đến", "Country");

/// Opens (today if empty)
pub const OPENS_TODAY_IF_EMPTY: Text = t!("Ngày mở (mặc định hôm nay)", "Opens (today if empty)");

/// Closes
pub const CLOSES: Text = t!("Ngày đóng", "Closes");

/// Places
pub const PLACES: Text = t!("Chỉ tiêu", "Places");

/// Description
pub const DESCRIPTION: Text = t!("Mô tả", "Description");

/// Publish
pub const PUBLISH: Text = t!("Đăng chương trình", "Publish");

/// Nothing was published. Correct it and send it again.
pub const NOTHING_PUBLISHED: Text =
    t!("Chưa đăng. Sửa rồi gửi lại.", "Nothing was published. Correct it and send it again.");

/// Programme
pub const PROGRAMME: Text = t!("Chương trình", "Programme");

/// Where
pub const WHERE: Text = t!("Nơi", "Where");

/// Days
pub const DAYS: Text = t!("Thời gian", "Days");

/// Close
pub const CLOSE: Text = t!("Đóng", "Close");

/// No programme yet.
pub const NO_PROGRAMME_YET: Text = t!("Chưa có chương trình.", "No programme yet.");

/// Job programmes
pub const JOB_PROGRAMMES: Text = t!("Chương trình việc làm", "Job programmes");

/// Overview
pub const OVERVIEW: Text = t!("Tổng quan", "Overview");

/// Checks
pub const CHECKS: Text = t!("Kiểm tra", "Checks");

/// Map
pub const MAP: Text = t!("Bản đồ", "Map");

/// Communes
pub const NAV_COMMUNE_FIGURES: Text = t!("Số liệu xã", "Communes");

/// Plans
pub const PLANS: Text = t!("Kế hoạch", "Plans");

/// Enterprises
pub const ENTERPRISES: Text = t!("Doanh nghiệp", "Enterprises");

/// Programmes
pub const PROGRAMMES: Text = t!("Chương trình", "Programmes");

/// Accounts
pub const ACCOUNTS: Text = t!("Tài khoản", "Accounts");

/// Registrations
pub const NAV_REGISTRATIONS: Text = t!("Đăng ký", "Registrations");

/// Import
pub const IMPORT: Text = t!("Nhập dữ liệu", "Import");

/// Sign out
pub const SIGN_OUT: Text = t!("Đăng xuất", "Sign out");

/// Overdue loans
pub const OVERDUE_LOANS: Text = t!("Khoản vay quá hạn", "Overdue loans");

/// Overdue principal
pub const OVERDUE_PRINCIPAL: Text = t!("Nợ quá hạn", "Overdue principal");

/// Checks today
pub const CHECKS_TODAY: Text = t!("Kiểm tra hôm nay", "Checks today");

/// Flagged checks
pub const FLAGGED_CHECKS: Text = t!("Kiểm tra bị gắn cờ", "Flagged checks");

/// Registrations to verify
pub const REGISTRATIONS_TO_VERIFY: Text = t!("Đăng ký chờ xác minh", "Registrations to verify");

/// Devices
pub const DEVICES: Text = t!("Thiết bị", "Devices");

/// Last sync
pub const LAST_SYNC: Text = t!("Đồng bộ gần nhất", "Last sync");

/// Code
pub const CODE: Text = t!("Mã", "Code");

/// Borrower
pub const BORROWER: Text = t!("Người vay", "Borrower");

/// Commune
pub const COMMUNE_SHORT: Text = t!("Xã", "Commune");

/// Date
pub const DATE: Text = t!("Ngày", "Date");

/// Verdict
pub const VERDICT: Text = t!("Kết luận", "Verdict");

/// Flags
pub const FLAGS: Text = t!("Cờ", "Flags");

/// Site checks
pub const SITE_CHECKS: Text = t!("Các lần kiểm tra", "Site checks");

/// Evidence signature verified.
pub const EVIDENCE_SIGNATURE_VERIFIED: Text = t!("Chứng cứ đã xác thực chữ ký.", "Evidence signature verified.");

/// Evidence signature does NOT verify.
pub const EVIDENCE_SIGNATURE_DOES_NOT_VERIFY: Text =
    t!("Chữ ký chứng cứ KHÔNG hợp lệ.", "Evidence signature does NOT verify.");

/// Field
pub const FIELD: Text = t!("Trường", "Field");

/// As signed
pub const AS_SIGNED: Text = t!("Đã ký", "As signed");

/// As stored
pub const AS_STORED: Text = t!("Đang lưu", "As stored");

/// Where the inspector stood
pub const WHERE_THE_INSPECTOR_STOOD: Text = t!("Vị trí của cán bộ", "Where the inspector stood");

/// Answers
pub const ANSWERS: Text = t!("Câu trả lời", "Answers");

/// Question
pub const QUESTION: Text = t!("Câu hỏi", "Question");

/// Answer
pub const ANSWER: Text = t!("Trả lời", "Answer");

/// Photos
pub const PHOTOS: Text = t!("Ảnh hiện trường", "Photos");

/// Check detail
pub const CHECK_DETAIL: Text = t!("Chi tiết kiểm tra", "Check detail");

/// not received yet
pub const NOT_RECEIVED_YET: Text = t!("chưa nhận ảnh", "not received yet");

/// Taken
pub const TAKEN: Text = t!("Chụp lúc", "Taken");

/// Phone's fix
pub const PHONES_FIX: Text = t!("Vị trí điện thoại", "Phone's fix");

/// Camera GPS (EXIF)
pub const CAMERA_GPS_EXIF: Text = t!("GPS trong ảnh (EXIF)", "Camera GPS (EXIF)");

/// After the start
pub const AFTER_THE_START: Text = t!("Sau khi bắt đầu", "After the start");

/// min
pub const MIN: Text = t!("phút", "min");

/// Name
pub const NAME: Text = t!("Họ và tên", "Name");

/// Country
pub const COUNTRY_WORKED_IN: Text = t!("Nước đã làm việc", "Country");

/// Submitted
pub const SUBMITTED: Text = t!("Ngày gửi", "Submitted");

/// Imported.
pub const IMPORTED: Text = t!("Đã nhập vào hệ thống.", "Imported.");

/// Not imported: some rows are bad.
pub const NOT_IMPORTED_BAD_ROWS: Text = t!("Chưa nhập: còn dòng lỗi.", "Not imported: some rows are bad.");

/// File
pub const FILE: Text = t!("Tệp", "File");

/// Rows accepted
pub const ROWS_ACCEPTED: Text = t!("Số dòng hợp lệ", "Rows accepted");

/// Row
pub const ROW: Text = t!("Dòng", "Row");

/// Column
pub const COLUMN: Text = t!("Cột", "Column");

/// Reason
pub const REASON: Text = t!("Lý do", "Reason");

/// Import result
pub const IMPORT_RESULT: Text = t!("Kết quả nhập dữ liệu", "Import result");

/// Plan
pub const PLAN: Text = t!("Kế hoạch", "Plan");

/// From
pub const FROM_DAY: Text = t!("Từ ngày", "From");

/// To
pub const TO_DAY: Text = t!("Đến ngày", "To");

/// Checks shown
pub const CHECKS_SHOWN: Text = t!("Số lần kiểm tra trên bản đồ", "Checks shown");

/// At the site
pub const VERDICT_AT_SITE: Text = t!("Tại mô hình", "At the site");

/// Near
pub const NEAR: Text = t!("Ở gần", "Near");

/// Flagged
pub const HAS_FLAGS: Text = t!("Có cờ", "Flagged");

/// No verdict
pub const NO_VERDICT: Text = t!("Chưa có kết luận", "No verdict");

/// Commune boundaries of the 2025 list, shipped with the software; no online base map needed.
pub const MAP_BASE_NOTE: Text = t!(
    "Ranh giới xã theo danh mục 2025 (dữ liệu kèm theo phần mềm), không cần bản đồ nền trực tuyến.",
    "Commune boundaries of the 2025 list, shipped with the software; no online base map needed."
);

/// Map of checks
pub const MAP_OF_CHECKS: Text = t!("Bản đồ kiểm tra", "Map of checks");

/// Minutes of the meeting (print)
pub const PRINT_MINUTES: Text = t!("Biên bản làm việc (in)", "Minutes of the meeting (print)");

/// No inspector has sent a review of this commune yet.
pub const NO_REVIEW_YET: Text =
    t!("Chưa có cán bộ nào gửi đánh giá về xã này.", "No inspector has sent a review of this commune yet.");

/// Contributors
pub const CONTRIBUTORS: Text = t!("Cán bộ đóng góp", "Contributors");

/// Inspector
pub const STAFF: Text = t!("Cán bộ", "Inspector");

/// Meeting day
pub const MEETING_DAY: Text = t!("Ngày làm việc", "Meeting day");

/// Evidence
pub const EVIDENCE: Text = t!("Chứng cứ", "Evidence");

/// Nothing written.
pub const NOTHING_WRITTEN: Text = t!("Chưa có ý kiến.", "Nothing written.");

/// Attendees
pub const ATTENDEES: Text = t!("Thành phần tham dự", "Attendees");

/// Function, organisation
pub const FUNCTION_ORGANISATION: Text = t!("Chức vụ, đơn vị", "Function, organisation");

/// Opinions heard
pub const OPINIONS_HEARD: Text = t!("Ý kiến tại buổi làm việc", "Opinions heard");

/// Who
pub const WHO: Text = t!("Người nêu", "Who");

/// What
pub const WHAT: Text = t!("Nội dung", "What");

/// Recommendations
pub const RECOMMENDATIONS: Text = t!("Kiến nghị", "Recommendations");

/// To
pub const SENT_BY: Text = t!("Gửi", "To");

/// Role
pub const ROLE: Text = t!("Vai trò", "Role");

/// Full name
pub const FULL_NAME: Text = t!("Họ và tên", "Full name");

/// Add account
pub const ADD_ACCOUNT: Text = t!("Thêm tài khoản", "Add account");

/// Enable
pub const ENABLE: Text = t!("Mở khóa", "Enable");

/// Disable
pub const DISABLE: Text = t!("Khóa", "Disable");

/// Revoke
pub const REVOKE: Text = t!("Thu hồi", "Revoke");

/// Reset password
pub const RESET_PASSWORD: Text = t!("Đặt lại mật khẩu", "Reset password");

/// Accounts and devices
pub const ACCOUNTS_AND_DEVICES: Text = t!("Tài khoản và thiết bị", "Accounts and devices");

/// Done
pub const DONE: Text = t!("Đã thực hiện", "Done");

/// Plot walked
pub const PLOT_WALKED: Text = t!("Diện tích đo thực địa", "Plot walked");

/// No plot was walked on this check.
pub const NO_PLOT_WALKED: Text = t!("Lần kiểm tra này chưa đo thửa đất.", "No plot was walked on this check.");

/// Area walked
pub const AREA_WALKED: Text = t!("Diện tích đo được", "Area walked");

/// Points
pub const POINTS: Text = t!("Điểm đo", "Points");

/// The loan file names no area
pub const NO_AREA_IN_LOAN_FILE: Text = t!("Hồ sơ vay không ghi diện tích", "The loan file names no area");

/// Area funded
pub const AREA_FUNDED: Text = t!("Diện tích được vay vốn", "Area funded");

/// Difference
pub const DIFFERENCE: Text = t!("Chênh lệch", "Difference");

/// Walked at
pub const WALKED_AT: Text = t!("Thời điểm đo", "Walked at");

/// At the site
pub const STAYING_AT_SITE: Text = t!("Đang ở tại mô hình", "At the site");

/// Near the site
pub const NEAR_THE_SITE: Text = t!("Ở gần mô hình", "Near the site");

/// Away from the site
pub const AWAY_FROM_THE_SITE: Text = t!("Không ở tại mô hình", "Away from the site");

/// Location too imprecise
pub const LOCATION_TOO_IMPRECISE: Text = t!("Định vị không đủ chính xác", "Location too imprecise");

/// Mocked location
pub const MOCKED_LOCATION: Text = t!("Vị trí giả lập", "Mocked location");

/// Wrong user name or password.
pub const WRONG_USER_NAME_OR_PASSWORD: Text = t!("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password.");

/// An enterprise's page title.
pub const EDIT_ENTERPRISE: Text = t!("Sửa: {name}", "Edit: {name}");
/// A plan's form title.
pub const EDIT_PLAN: Text = t!("Sửa kế hoạch {code}", "Edit plan {code}");
/// The new plan's button.
pub const CREATE_PLAN: Text = t!("Tạo kế hoạch", "Create plan");
/// An account that is disabled.
pub const ACCOUNT_DISABLED: Text = t!("Đã khóa", "Disabled");
/// An account that is active.
pub const ACCOUNT_ACTIVE: Text = t!("Đang hoạt động", "Active");
/// A device that was revoked.
pub const DEVICE_REVOKED: Text = t!("Đã thu hồi", "Revoked");
/// A column without a heading.
pub const NO_HEADING: Text = t!("", "");

/// A page that failed on the server's side.
pub const SERVER_ERROR_TRY_LATER: Text = t!("Lỗi máy chủ, thử lại sau.", "Server error, try again later.");
/// A photo the server does not hold.
pub const PHOTO_NOT_FOUND: Text = t!("Không tìm thấy ảnh.", "Photo not found.");
/// A plan's report or minutes for a plan that is not there.
pub const PLAN_NOT_FOUND: Text = t!("Không tìm thấy kế hoạch.", "No such plan.");
/// A review page for a commune outside the plan.
pub const NO_SUCH_COMMUNE_IN_PLAN: Text = t!("Không có xã này trong kế hoạch.", "No such commune in the plan.");
/// The team-function list's first choice.
pub const NOT_IN_THE_TEAM: Text = t!("Không tham gia", "Not in the team");
/// A list's empty choice.
pub const NONE: Text = t!("Không", "None");
/// A filter's choice of everything.
pub const ALL: Text = t!("Tất cả", "All");
/// The map's filter: checks with a flag.
pub const HAS_FLAG: Text = t!("Có cờ", "Flagged");
/// The map's filter: checks without one.
pub const NO_FLAG: Text = t!("Không có cờ", "No flag");
/// The admin role.
pub const ROLE_ADMIN: Text = t!("Quản trị", "Admin");
/// A check whose photo was used before.
pub const REUSED_PHOTO: Text = t!("Ảnh dùng lại", "Reused photo");
/// A team member's function in the report, by role: an inspector.
pub const MEMBER_INSPECTOR: Text = t!("cán bộ kiểm tra", "inspector");
/// A team member's function in the report, by role: an administrator.
pub const MEMBER_ADMIN: Text = t!("quản trị", "administrator");
/// The users page refuses a role.
pub const ROLE_ADMIN_OR_INSPECTOR: Text = t!("Vai trò: quản trị hoặc cán bộ kiểm tra.", "Role: admin or inspector.");
/// The users page needs both names.
pub const NAMES_NEEDED: Text = t!("Cần tên đăng nhập và họ tên.", "A user name and a full name are needed.");
/// An account made, with its password shown once (two lines).
pub const ACCOUNT_CREATED: Text = t!(
    "Đã tạo tài khoản {username}. Mật khẩu (chỉ hiện một lần): {password}",
    "Account {username} created. Password (shown once): {password}"
);
/// An account disabled.
pub const ACCOUNT_DISABLED_DONE: Text =
    t!("Đã khóa {name} và thu hồi {n} phiên.", "{name} disabled, {n} sessions revoked.");
/// An account enabled.
pub const ACCOUNT_ENABLED_DONE: Text = t!("Đã mở khóa {name}.", "{name} enabled.");
/// A new password, shown once (two lines).
pub const NEW_PASSWORD: Text =
    t!("Mật khẩu mới của {name} (chỉ hiện một lần): {password}", "New password for {name} (shown once): {password}");
/// A device revoked.
pub const DEVICE_REVOKED_DONE: Text =
    t!("Đã thu hồi thiết bị: nó không đồng bộ được nữa.", "Device revoked: it can no longer sync.");
/// The report's link to its Word file.
pub const DOWNLOAD_WORD: Text = t!("Tải về Word (.docx)", "Download Word (.docx)");
/// The report's link to its Excel annexes.
pub const DOWNLOAD_EXCEL_ANNEXES: Text = t!("Tải về Excel phụ lục (.xlsx)", "Download the Excel annexes (.xlsx)");
/// The way back to the plans.
pub const BACK_TO_PLANS: Text = t!("Về kế hoạch", "Back to plans");
/// The minutes' link to the team's review.
pub const THE_TEAMS_REVIEW: Text = t!("Đánh giá của đoàn", "The team's review");
/// A plot's perimeter.
pub const PERIMETER: Text = t!("Chu vi", "Perimeter");
/// The points of a walk.
pub const WALK_POINTS: Text =
    t!("{used} điểm dùng, {dropped} điểm bỏ (kém chính xác)", "{used} used, {dropped} dropped (imprecise)");
/// A walk's mocked points.
pub const WALK_MOCKED_POINTS: Text = t!("{n} điểm có vị trí giả lập", "{n} points carried a mock location");
/// The funded area the loan file now gives.
pub const LOAN_FILE_NOW_SAYS: Text = t!("Hồ sơ vay hiện ghi {area}", "The loan file now says {area}");
/// The licence field's example (a licence number as the ministry writes it).
pub const LICENCE_EXAMPLE: Text = t!("123/LĐTBXH-GP", "123/LĐTBXH-GP");
/// The markets field's example.
pub const MARKETS_EXAMPLE: Text = t!("Nhật Bản, Hàn Quốc", "Japan, South Korea");
/// A registration's verify button.
pub const VERIFY: Text = t!("Xác minh", "Verify");
/// A registration's reject button.
pub const REJECT: Text = t!("Từ chối", "Reject");
/// The rejection reason's field name, for screen readers.
pub const REJECTION_REASON: Text = t!("Lý do từ chối", "Reason");
/// The rejection reason's placeholder.
pub const REJECTION_REASON_HINT: Text = t!("Lý do từ chối", "Reason for rejecting");
/// A filter form's button.
pub const FILTER: Text = t!("Lọc", "Filter");
/// Vietnamese, by its own name (the language switch).
pub const LANGUAGE_VIETNAMESE: Text = t!("Tiếng Việt", "Tiếng Việt");
/// The sign-in page's title and button.
pub const SIGN_IN: Text = t!("Đăng nhập", "Sign in");
/// The sign-in page's heading.
pub const OFFICE_SIGN_IN: Text = t!("Đăng nhập văn phòng", "Office sign-in");
/// The sign-in form's user name.
pub const SIGN_IN_USER_NAME: Text = t!("Tên đăng nhập", "User name");
/// The sign-in form's password.
pub const SIGN_IN_PASSWORD: Text = t!("Mật khẩu", "Password");
/// A photo's thumbnail, described by when it was taken.
pub const PHOTO_TAKEN_AT: Text = t!("Ảnh {at}", "Photo {at}");
