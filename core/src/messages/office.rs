//! The office's own records as the server keeps them: what it says when it refuses a plan, an enterprise or a job
//! programme (422 with the stable code named on each entry, or 404), and the words of a licence's status.

use super::Text;
use crate::t;

/// 404 `not_found` for a plan.
pub const NO_SUCH_PLAN: Text = t!("Không có kế hoạch này.", "No such plan.");
/// 404 `not_found` for an enterprise.
pub const NO_SUCH_ENTERPRISE: Text = t!("Không có doanh nghiệp này.", "No such enterprise.");
/// 404 `not_found` for a job programme.
pub const NO_SUCH_PROGRAMME: Text = t!("Không có chương trình này.", "No such programme.");

/// `plan.code_required`.
pub const PLAN_CODE_REQUIRED: Text = t!("Cần số kế hoạch.", "Give the plan number.");
/// `plan.code_invalid`; `{max}` characters.
pub const PLAN_CODE_INVALID: Text = t!(
    "Số kế hoạch dài quá {max} ký tự hoặc có ký tự điều khiển.",
    "The plan number is longer than {max} characters or holds control characters."
);
/// `plan.title_invalid`; `{max}` characters.
pub const PLAN_TITLE_INVALID: Text = t!(
    "Tên kế hoạch dài quá {max} ký tự hoặc có ký tự điều khiển.",
    "The title is longer than {max} characters or holds control characters."
);
/// `plan.dates`.
pub const PLAN_DATES: Text = t!("Ngày kết thúc trước ngày bắt đầu.", "The last day is before the first day.");
/// `plan.unknown_commune`.
pub const PLAN_UNKNOWN_COMMUNE: Text =
    t!("Không có xã, phường mã «{code}» trong danh mục 2025.", "No commune with code «{code}» in the 2025 list.");
/// `plan.no_communes`.
pub const PLAN_NO_COMMUNES: Text = t!("Chọn ít nhất một xã, phường.", "Choose at least one commune.");
/// `plan.team_too_large`; `{max}` members.
pub const PLAN_TEAM_TOO_LARGE: Text = t!("Đoàn kiểm tra tối đa {max} người.", "A team has at most {max} members.");
/// `plan.member_twice`, the account as the form gave it.
pub const PLAN_ACCOUNT_TWICE: Text = t!("«{account}» có hai lần trong đoàn.", "«{account}» is in the team twice.");
/// `plan.member_twice`, the inspector by name.
pub const PLAN_MEMBER_TWICE: Text = t!("{name} có hai lần trong đoàn.", "{name} is in the team twice.");
/// `plan.no_leader`.
pub const PLAN_NO_LEADER: Text = t!("Đoàn kiểm tra cần một trưởng đoàn.", "The team needs a team leader.");
/// `plan.two_leaders`.
pub const PLAN_TWO_LEADERS: Text = t!("Đoàn kiểm tra chỉ có một trưởng đoàn.", "The team has only one team leader.");
/// `plan.unknown_role`.
pub const PLAN_UNKNOWN_ROLE: Text = t!(
    "Không có chức danh «{key}» (leader, deputy, member, secretary).",
    "No team function «{key}» (leader, deputy, member, secretary)."
);
/// `plan.disabled_inspector`.
pub const PLAN_DISABLED_INSPECTOR: Text = t!("Tài khoản của {name} đã bị khóa.", "{name}'s account is disabled.");
/// `plan.unknown_inspector`.
pub const PLAN_UNKNOWN_INSPECTOR: Text = t!("Không có cán bộ kiểm tra «{account}».", "No inspector «{account}».");
/// `plan.code_taken`.
pub const PLAN_CODE_TAKEN: Text = t!("Đã có kế hoạch số {code}.", "There is already a plan numbered {code}.");
/// `plan.closed`; `{date}` as the office writes dates.
pub const PLAN_CLOSED: Text = t!("Kế hoạch {code} đã đóng ngày {date}.", "Plan {code} was closed on {date}.");

/// A licence that is active.
pub const STATUS_ACTIVE: Text = t!("Đang hoạt động", "Active");
/// A licence that is suspended.
pub const STATUS_SUSPENDED: Text = t!("Bị đình chỉ", "Suspended");
/// A licence that is revoked.
pub const STATUS_REVOKED: Text = t!("Bị thu hồi", "Revoked");

/// `enterprise.licence_invalid`; `{max}` characters.
pub const ENTERPRISE_LICENCE_INVALID: Text = t!(
    "Số giấy phép «{licence}» không hợp lệ: 1–{max} ký tự gồm chữ, số, khoảng trắng và / - . _, \
     có ít nhất một chữ số (ví dụ 123/LĐTBXH-GP).",
    "Licence number «{licence}» is not valid: 1–{max} letters, digits, spaces and / - . _, \
     with at least one digit (e.g. 123/LĐTBXH-GP)."
);
/// `enterprise.market_invalid`.
pub const ENTERPRISE_MARKET_INVALID: Text = t!(
    "Tối đa {max} thị trường, mỗi thị trường tối đa {max_chars} ký tự, một dòng.",
    "At most {max} markets, each at most {max_chars} characters on one line."
);
/// `enterprise.name_invalid`.
pub const ENTERPRISE_NAME_INVALID: Text = t!(
    "Cần tên doanh nghiệp, tối đa {max} ký tự, một dòng.",
    "Give the company's name, at most {max} characters on one line."
);
/// `enterprise.status_invalid`.
pub const ENTERPRISE_STATUS_INVALID: Text = t!(
    "Trạng thái «{status}» không có: đang hoạt động, bị đình chỉ hoặc bị thu hồi.",
    "No status «{status}»: active, suspended or revoked."
);
/// `enterprise.no_markets`.
pub const ENTERPRISE_NO_MARKETS: Text = t!(
    "Cần ít nhất một thị trường (nước đưa lao động đến).",
    "Give at least one market (a country it sends workers to)."
);
/// `enterprise.licence_taken`.
pub const ENTERPRISE_LICENCE_TAKEN: Text =
    t!("Số giấy phép {licence} đã có: {name}.", "Licence number {licence} is already held by {name}.");

/// `programme.invalid`: the title.
pub const PROGRAMME_TITLE: Text = t!(
    "Cần tên chương trình (--title), tối đa 300 ký tự, một dòng.",
    "Give the title (--title), at most 300 characters on one line."
);
/// `programme.invalid`: the description.
pub const PROGRAMME_DESCRIPTION: Text =
    t!("Phần mô tả dài quá 5000 ký tự.", "The description is longer than 5,000 characters.");
/// `programme.invalid`: the kind; `{kinds}` the kinds there are.
pub const PROGRAMME_KIND: Text = t!("Loại chương trình (--kind): {kinds}.", "The kind (--kind): one of {kinds}.");
/// `programme.invalid`: the country.
pub const PROGRAMME_COUNTRY: Text = t!(
    "Tên nước dài quá 60 ký tự hoặc có ký tự điều khiển.",
    "The country is longer than 60 characters or holds control characters."
);
/// `programme.invalid`: work abroad without its country or enterprise.
pub const PROGRAMME_OVERSEAS_NEEDS: Text = t!(
    "Chương trình đi làm việc ở nước ngoài cần nước đến (--country) và doanh nghiệp (--enterprise).",
    "Work abroad needs a country (--country) and an enterprise (--enterprise)."
);
/// `programme.invalid`: an unknown commune.
pub const PROGRAMME_COMMUNE: Text = t!("Không có xã mã {code}.", "No commune with code {code}.");
/// `programme.invalid`: closing before opening.
pub const PROGRAMME_DATES: Text =
    t!("Ngày đóng (--to) trước ngày mở (--from).", "The closing day (--to) is before the opening day (--from).");
/// `programme.invalid`: the places.
pub const PROGRAMME_SEATS: Text = t!("Số chỉ tiêu phải từ 1 đến 1.000.000.", "Places must be from 1 to 1,000,000.");
/// `programme.licence_not_active`; `{status_vi}` the status's words, `{status_en}` the same in lower case.
pub const PROGRAMME_LICENCE_NOT_ACTIVE: Text = t!(
    "Giấy phép của {name} đang ở trạng thái «{status_vi}»: chưa đăng được chương trình.",
    "{name}'s licence is {status_en}: no programme can be published for it."
);
/// `programme.country_not_in_markets`.
pub const PROGRAMME_COUNTRY_NOT_IN_MARKETS: Text = t!(
    "{name} không được đưa lao động đến {country} (thị trường: {markets}).",
    "{name} does not send workers to {country} (markets: {markets})."
);
/// `programme.closes_before_opening`.
pub const PROGRAMME_CLOSES_BEFORE_OPENING: Text =
    t!("Ngày đóng trước ngày mở ({date}).", "The closing day is before the opening day ({date}).");
/// `programme.unknown_enterprise`.
pub const PROGRAMME_UNKNOWN_ENTERPRISE: Text = t!("Không có doanh nghiệp {key}.", "No enterprise {key}.");
/// `programme.invalid`: the places are not a number.
pub const PROGRAMME_SEATS_NOT_NUMBER: Text =
    t!("Số chỉ tiêu «{value}» không phải số.", "Places «{value}» is not a number.");

/// `plan.unknown_role` from the dashboard's form.
pub const PLAN_FORM_UNKNOWN_ROLE: Text = t!("Không có chức danh «{key}» trong đoàn.", "No team function «{key}».");
/// `form.date_invalid`; `{label}` is the field's own entry.
pub const FORM_DATE_INVALID: Text =
    t!("{label}: «{value}» không phải ngày (năm-tháng-ngày).", "{label}: «{value}» is not a date (year-month-day).");
/// The label of a plan's first day.
pub const FIRST_DAY: Text = t!("Ngày bắt đầu", "First day");
/// The label of a plan's last day.
pub const LAST_DAY: Text = t!("Ngày kết thúc", "Last day");
/// The label of a programme's closing day.
pub const CLOSING_DAY: Text = t!("Ngày đóng", "Closing day");
/// The label of a programme's opening day.
pub const OPENING_DAY: Text = t!("Ngày mở", "Opening day");

/// A team's function: the leader (trưởng đoàn).
pub const TEAM_LEADER: Text = t!("Trưởng đoàn", "Team leader");
/// A team's function: the deputy leader.
pub const TEAM_DEPUTY: Text = t!("Phó trưởng đoàn", "Deputy leader");
/// A team's function: a member.
pub const TEAM_MEMBER: Text = t!("Thành viên", "Member");
/// A team's function: the secretary.
pub const TEAM_SECRETARY: Text = t!("Thư ký", "Secretary");
