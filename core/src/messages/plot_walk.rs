//! The plot walked on a check (`plot_walk`): why a walk record is refused, on the device and by the server, and the
//! name of the record in the sync summary.

use crate::messages::Text;
use crate::t;

/// `walk.not_a_check`: the record names no check or site, or ids too long to be ids.
pub const NOT_A_CHECK: Text =
    t!("Bản đo thửa đất phải thuộc một lần kiểm tra và một mô hình.", "A plot walk must belong to a check and a site.");
/// `walk.ring_too_long`.
pub const RING_TOO_LONG: Text = t!(
    "Ranh giới thửa đất có quá nhiều điểm (tối đa 2000 điểm).",
    "The plot's boundary has too many points (at most 2,000)."
);
/// `walk.bad_coordinates`.
pub const BAD_COORDINATES: Text = t!(
    "Có điểm trên ranh giới không phải là tọa độ hợp lệ (vĩ độ −90…90, kinh độ −180…180).",
    "A point of the boundary is not a valid coordinate (latitude −90…90, longitude −180…180)."
);
/// `walk.not_a_ring`.
pub const NOT_A_RING: Text = t!(
    "Ranh giới phải khép kín, có ít nhất 3 điểm khác nhau và không tự cắt.",
    "The boundary must close on itself, with at least 3 distinct points, without crossing itself."
);
/// `walk.counts_inconsistent`.
pub const COUNTS_INCONSISTENT: Text = t!(
    "Số điểm đã dùng, đã bỏ hoặc vị trí giả không khớp với ranh giới.",
    "The counts of points used, dropped or mocked do not match the boundary."
);
/// `walk.area_mismatch`.
pub const AREA_MISMATCH: Text = t!(
    "Diện tích hoặc chu vi không khớp với ranh giới đã đo.",
    "The area or perimeter does not match the walked boundary."
);
/// `walk.bad_funded_area`.
pub const BAD_FUNDED_AREA: Text =
    t!("Diện tích được vay vốn không hợp lệ.", "The funded area is not a valid number of hectares.");
/// `walk.bad_time`.
pub const BAD_TIME: Text = t!("Thời điểm đo không hợp lệ.", "The time of the walk is not a valid date and time.");
/// `walk.verdict_inconsistent`.
pub const VERDICT_INCONSISTENT: Text = t!(
    "Kết luận so sánh không khớp với diện tích đo và diện tích được vay vốn.",
    "The comparison's verdict does not match the walked and the funded area."
);
/// `walk.site_mismatch`: the walk names another site than its check's.
pub const SITE_MISMATCH: Text = t!(
    "Bản đo thửa đất ghi một mô hình khác với mô hình của lần kiểm tra.",
    "The plot walk names another site than its check's."
);
/// The check screen's row of the walk.
pub const PLOT_WALKED: Text = t!("Diện tích đo thực địa", "Plot walked");
