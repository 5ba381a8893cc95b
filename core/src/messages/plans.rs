//! The inspector's plan screen: its title, what it says on a day with no plan running, and each plan's dates and
//! progress by commune.

use super::Text;
use crate::t;

/// The screen's title.
pub const PLANS_TITLE: Text = t!("Kế hoạch kiểm tra", "Inspection plans");
/// No plan running today.
pub const NO_PLAN: Text =
    t!("Hôm nay không có kế hoạch kiểm tra nào đang thực hiện.", "No inspection plan is running today.");
/// A commune's funded sites on the device and how many have a finished check.
pub const SITES_CHECKED: Text = t!("{sites} mô hình · đã kiểm tra {checked}", "{sites} sites · {checked} checked");
/// A plan's first and last day.
pub const PLAN_DATES: Text = t!("Từ {from} đến {to}", "From {from} to {to}");
