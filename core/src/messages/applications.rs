//! A returning worker's applications screen (the app's Hồ sơ tab): its title, what it says when there is none, and
//! where each application stands.

use super::Text;
use crate::t;

/// The screen's title.
pub const TITLE: Text = t!("Hồ sơ đã đăng ký", "My applications");
/// No application on the device.
pub const EMPTY: Text = t!("Bạn chưa gửi đăng ký nào.", "You have not sent any application yet.");
/// What an application is, on its row.
pub const REGISTRATION: Text = t!("Đăng ký tìm việc làm", "Job-seeker registration");
/// When it was made; `{time}` as the app writes times.
pub const SENT_ON: Text = t!("Lập lúc {time}", "Made at {time}");
/// On the device, waiting for a connection.
pub const WAITING: Text = t!("Đang chờ gửi (khi có mạng)", "Waiting to be sent (when online)");
/// The server refused it (its reason is shown under it).
pub const REFUSED: Text = t!("Máy chủ không nhận hồ sơ", "The server did not accept it");
/// At the office, not yet verified.
pub const SENT: Text = t!("Đã gửi, chờ cơ quan xác minh", "Sent; waiting for the office to verify it");
/// Verified by the office.
pub const VERIFIED: Text = t!("Đã xác minh", "Verified");
/// Rejected by the office.
pub const REJECTED: Text = t!("Bị từ chối", "Rejected");
