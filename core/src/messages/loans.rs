//! A loan's state and a commune's overdue band as people read them.

use super::Text;
use crate::t;

/// `current`.
pub const STATE_CURRENT: Text = t!("Trong hạn", "Current");
/// `overdue`.
pub const STATE_OVERDUE: Text = t!("Quá hạn", "Overdue");
/// `frozen`.
pub const STATE_FROZEN: Text = t!("Khoanh nợ", "Frozen");
/// `written_off`.
pub const STATE_WRITTEN_OFF: Text = t!("Đã xóa nợ", "Written off");
/// `extended`.
pub const STATE_EXTENDED: Text = t!("Gia hạn nợ", "Extended");
/// `rescheduled`.
pub const STATE_RESCHEDULED: Text = t!("Điều chỉnh kỳ hạn", "Rescheduled");
/// `settled`.
pub const STATE_SETTLED: Text = t!("Đã trả hết nợ gốc", "Principal repaid");

/// Overdue ratio under 2 %.
pub const BAND_BELOW_2: Text = t!("Dưới 2%", "Under 2%");
/// Overdue ratio from 2 % to under 3 %.
pub const BAND_2_TO_3: Text = t!("Từ 2% đến dưới 3%", "2% to under 3%");
/// Overdue ratio from 3 % to under 4 %.
pub const BAND_3_TO_4: Text = t!("Từ 3% đến dưới 4%", "3% to under 4%");
/// Overdue ratio of 4 % and over.
pub const BAND_FROM_4: Text = t!("Từ 4% trở lên", "4% and over");
