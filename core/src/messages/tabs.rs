//! The app's bottom bar: the name of each tab a role has, and what an office account is told on a phone.

use super::Text;
use crate::t;

/// The inspector's plans.
pub const PLAN: Text = t!("Kế hoạch", "Plan");
/// The inspector's nearest sites.
pub const SITES: Text = t!("Mô hình", "Sites");
/// The borrower's loans.
pub const LOANS: Text = t!("Khoản vay", "Loans");
/// The borrower's repayment reminders.
pub const REMINDERS: Text = t!("Lịch trả nợ", "Reminders");
/// The worker's registration form.
pub const REGISTER: Text = t!("Đăng ký", "Register");
/// The job programmes open to the worker.
pub const CATALOGUE: Text = t!("Chương trình", "Programmes");
/// The worker's applications.
pub const APPLICATIONS: Text = t!("Hồ sơ", "Applications");
/// Sync, for every role.
pub const SYNC: Text = t!("Đồng bộ", "Sync");
/// An office account signed in on a phone: it has the sync tab only.
pub const OFFICE_NOTE: Text = t!(
    "Tài khoản cán bộ văn phòng làm việc trên trang quản trị của Sở, không trên điện thoại. Trên máy này chỉ có đồng bộ.",
    "Office staff accounts work on the department's office website, not on a phone. This device offers sync only."
);
