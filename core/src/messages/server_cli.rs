//! What `vieclam-server`'s own commands print and refuse with (accounts, plans, rule sets, imports, publishing),
//! each line in Vietnamese and English as the command prints it (`Vietnamese / English`).

use super::Text;
use crate::t;

/// Borrowers activate with a code, not a password.
pub const BORROWERS_ACTIVATE_WITH_A_CODE: Text =
    t!("Người vay kích hoạt bằng mã, không dùng mật khẩu.", "Borrowers activate with a code, not a password.");

/// The password needs at least 8 characters.
pub const THE_PASSWORD_NEEDS_AT_LEAST: Text =
    t!("Mật khẩu cần ít nhất 8 ký tự.", "The password needs at least 8 characters.");

///                     Give the reason for the rejection, so the worker knows what to put right.
pub const GIVE_THE_REASON_FOR_THE: Text = t!(
    "Cần ghi lý do từ chối để người lao động biết cần sửa gì.",
    "                    Give the reason for the rejection, so the worker knows what to put right."
);

/// The reason is longer than {REJECT_REASON_MAX_CHARS} characters.
pub const THE_REASON_IS_LONGER_THAN: Text = t!(
    "Lý do dài quá {REJECT_REASON_MAX_CHARS} ký tự.",
    "The reason is longer than {REJECT_REASON_MAX_CHARS} characters."
);

/// The reason holds control characters.
pub const THE_REASON_HOLDS_CONTROL_CHARACTERS: Text =
    t!("Lý do có ký tự điều khiển.", "The reason holds control characters.");

/// A rule set's code must be 1 to 40 characters.
pub const A_RULE_SETS_CODE_MUST: Text =
    t!("Mã quy định phải có từ 1 đến 40 ký tự.", "A rule set's code must be 1 to 40 characters.");

/// A new rule set needs --{field}.
pub const A_NEW_RULE_SET_NEEDS: Text = t!("Quy định mới phải ghi --{field}.", "A new rule set needs --{field}.");

/// The legal basis cannot be empty.
pub const THE_LEGAL_BASIS_CANNOT_BE: Text = t!("Căn cứ pháp lý không được trống.", "The legal basis cannot be empty.");

/// The set ends before it takes effect.
pub const THE_SET_ENDS_BEFORE_IT: Text =
    t!("Ngày hết hiệu lực trước ngày có hiệu lực.", "The set ends before it takes effect.");

/// Rates must be above 0 and at most 20 % a year.
pub const RATES_MUST_BE_ABOVE_0: Text =
    t!("Lãi suất phải lớn hơn 0 và không quá 20 %/năm.", "Rates must be above 0 and at most 20 % a year.");

/// Overdue interest must be 100 % to 200 % of the loan's rate.
pub const OVERDUE_INTEREST_MUST_BE_100: Text = t!(
    "Lãi quá hạn phải từ 100 % đến 200 % lãi suất cho vay.",
    "Overdue interest must be 100 % to 200 % of the loan's rate."
);

/// The longest term must be 1 to 360 months.
pub const THE_LONGEST_TERM_MUST_BE: Text =
    t!("Thời hạn tối đa phải từ 1 đến 360 tháng.", "The longest term must be 1 to 360 months.");

/// The Vieclam sync server
pub const THE_VIECLAM_SYNC_SERVER: Text = t!("Máy chủ đồng bộ Vieclam", "The Vieclam sync server");

/// Role: admin, inspector, worker.
pub const ROLE_ADMIN_INSPECTOR_WORKER: Text =
    t!("Vai trò: admin, inspector, worker.", "Role: admin, inspector, worker.");

/// Give --password or --password-stdin.
pub const GIVE_PASSWORD_OR_PASSWORD_STDIN: Text =
    t!("Cần --password hoặc --password-stdin.", "Give --password or --password-stdin.");

/// disabled
pub const DISABLED: Text = t!("khoá", "disabled");

/// --{flag}: “{t}” is not a yearly rate in %.
pub const FLAG_T_IS_NOT_A: Text =
    t!("--{flag}: «{t}» không phải lãi suất %/năm.", "--{flag}: “{t}” is not a yearly rate in %.");

/// Printed before what was done: account created.
pub const ACCOUNT_CREATED: Text = t!("Đã tạo tài khoản", "Account created");

/// Printed before what was done: account disabled.
pub const ACCOUNT_DISABLED: Text = t!("Đã khoá tài khoản", "Account disabled");

/// Printed before what was done: account enabled.
pub const ACCOUNT_ENABLED: Text = t!("Đã mở khoá tài khoản", "Account enabled");

/// Printed before what was done: password reset.
pub const PASSWORD_RESET: Text = t!("Đã đặt mật khẩu mới", "Password reset");

/// Printed before what was done: new password (shown once).
pub const NEW_PASSWORD_SHOWN_ONCE: Text = t!("Mật khẩu mới (chỉ hiện một lần)", "New password (shown once)");

/// Printed before what was done: plan created.
pub const PLAN_CREATED: Text = t!("Đã tạo kế hoạch", "Plan created");

/// Printed before what was done: plan closed.
pub const PLAN_CLOSED: Text = t!("Đã đóng kế hoạch", "Plan closed");

/// Printed before what was done: one-time activation code.
pub const ONE_TIME_ACTIVATION_CODE: Text = t!("Mã kích hoạt (dùng một lần)", "One-time activation code");

/// Printed before what was done: device revoked.
pub const DEVICE_REVOKED: Text = t!("Đã thu hồi thiết bị", "Device revoked");

/// Printed before what was done: programme published.
pub const PROGRAMME_PUBLISHED: Text = t!("Đã đăng chương trình", "Programme published");

/// Printed before what was done: rule set saved.
pub const RULE_SET_SAVED: Text = t!("Đã lưu quy định", "Rule set saved");

/// Printed before what was done: verified.
pub const VERIFIED: Text = t!("Đã xác minh", "Verified");

/// Printed before what was done: rejected.
pub const REJECTED: Text = t!("Đã từ chối", "Rejected");

/// How many sessions a change ended; `{n}` of them.
pub const TOKENS_REVOKED: Text = t!("{n} phiên bị thu hồi", "tokens revoked");
/// `import loans`: a rejected row's tag.
pub const ROW: Text = t!("Dòng", "Row");
/// `import loans`: a finding's tag.
pub const FINDING_ROW: Text = t!("Lưu ý", "Finding, dòng / row");
/// `import loans` wrote the book, skipping the bad rows.
pub const IMPORTED_SKIPPING: Text = t!(
    "Đã nhập {rows} dòng ({n} bản ghi), bỏ qua {bad} dòng lỗi.",
    "Imported {rows} rows ({n} records), skipped {bad} bad rows."
);
/// `import loans` wrote nothing.
pub const ROWS_REJECTED: Text = t!(
    "{bad} dòng lỗi: không nhập gì (dùng --skip-bad-rows để bỏ qua).",
    "{bad} rows rejected: nothing imported (use --skip-bad-rows to skip them)."
);
/// `serve`: the address it listens on.
pub const SERVING_AT: Text = t!("Máy chủ đang chạy tại http://{addr}", "Serving at http://{addr}");
/// `users add`/`reset-password`: a password past the wire's bound of `{n}` bytes.
pub const PASSWORD_TOO_LONG: Text = t!("Mật khẩu dài quá {n} byte.", "The password is longer than {n} bytes.");
/// `rules`: limits in whole đồng.
pub const RULE_LIMITS: Text = t!("Hạn mức phải là số đồng lớn hơn 0.", "Limits must be whole đồng above zero.");
/// `rules`: the standing, one of `{standings}`.
pub const RULE_STANDING: Text =
    t!("Mức tin cậy phải là một trong {standings}.", "The standing must be one of {standings}.");
/// `rules list`: the worker's limit.
pub const RULE_WORKER: Text = t!("người lao động", "worker");
/// `rules list`: the business's limit.
pub const RULE_BUSINESS: Text = t!("cơ sở", "business");
/// `rules list`: the business's limit per worker it employs.
pub const RULE_PER_WORKER: Text = t!("lao động", "per worker");
/// `rules list`: the loan above which collateral is asked.
pub const RULE_COLLATERAL: Text = t!("thế chấp từ", "collateral above");
/// `rules list`: the rates.
pub const RULE_RATES: Text = t!("lãi", "rates");
/// `rules list`: the rate for work abroad (xuất khẩu lao động), as the decrees abbreviate it.
pub const RULE_OVERSEAS: Text = t!("XKLĐ", "XKLĐ");
/// `rules list`: overdue interest.
pub const RULE_OVERDUE: Text = t!("quá hạn", "overdue");
/// `rules list`: the longest term's unit.
pub const RULE_MONTHS: Text = t!("tháng", "months");
