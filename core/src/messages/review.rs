//! Messages of the commune review (đánh giá tại xã): its validation codes and the words of its screens.

use crate::messages::Text;
use crate::t;

/// `review.id_mismatch`.
pub const ID_MISMATCH: Text = t!(
    "Mã bản đánh giá không khớp với kế hoạch, xã và người viết.",
    "The review's id does not match its plan, commune and author."
);
/// `review.required`.
pub const REQUIRED: Text = t!("Thiếu thông tin bắt buộc.", "A required value is missing.");
/// `review.too_long`.
pub const TOO_LONG: Text = t!("Nội dung quá dài.", "The text is too long.");
/// `review.control_char`.
pub const CONTROL_CHAR: Text =
    t!("Nội dung có ký tự điều khiển không được phép.", "The text holds a control character that is not allowed.");
/// `review.heading_unknown`.
pub const HEADING_UNKNOWN: Text =
    t!("Mục đánh giá này không có trong danh mục.", "This heading is not one of the review's headings.");
/// `review.heading_twice`.
pub const HEADING_TWICE: Text =
    t!("Một mục đánh giá chỉ được ghi một lần.", "A heading may be written only once in one review.");
/// `review.too_many`.
pub const TOO_MANY: Text = t!("Danh sách quá dài.", "The list is too long.");
/// `review.commune_unknown`.
pub const COMMUNE_UNKNOWN: Text =
    t!("Không có xã này trong danh mục xã của tỉnh.", "No commune of the province has this code.");
/// `review.not_in_plan`.
pub const NOT_IN_PLAN: Text =
    t!("Xã này không thuộc kế hoạch kiểm tra.", "This commune is not part of the inspection plan.");
/// `review.date_out_of_range`.
pub const DATE_OUT_OF_RANGE: Text =
    t!("Ngày họp nằm ngoài khoảng cho phép.", "The meeting day is outside the range allowed.");
/// `review.not_signed_in`.
pub const NOT_SIGNED_IN: Text = t!(
    "Cần đăng nhập bằng tài khoản kiểm tra viên để viết đánh giá.",
    "Sign in with an inspector's account to write a review."
);
/// `review.rating_unknown`.
pub const RATING_UNKNOWN: Text =
    t!("Xếp loại không hợp lệ (tốt, khá, yếu, chưa đánh giá).", "Unknown rating (good, fair, weak, not_assessed).");
/// `review.no_item`.
pub const NO_ITEM: Text = t!("Không có mục số này trong danh sách.", "No item of the list has this number.");

/// The screen's title.
pub const TITLE: Text = t!("Đánh giá tại xã", "Commune review");
/// Attendees.
pub const ATTENDEES: Text = t!("Thành phần tham dự", "Attendees");
/// Opinions heard.
pub const OPINIONS: Text = t!("Ý kiến tại buổi làm việc", "Opinions heard");
/// Recommendations.
pub const RECOMMENDATIONS: Text = t!("Kiến nghị", "Recommendations");
/// The meeting day.
pub const HELD_ON: Text = t!("Ngày làm việc", "Meeting day");
/// Nobody has written a review yet.
pub const NONE_YET: Text = t!("Chưa có đánh giá nào.", "No review yet.");
/// Saved.
pub const SAVED: Text = t!("Đã lưu đánh giá; sẽ gửi lên khi đồng bộ.", "Review saved; it goes up at the next sync.");
/// CLI: the signed-in inspector, beside their own contribution.
pub const ME: Text = t!("tôi", "me");
/// CLI: a teammate, whose name the device does not hold.
pub const TEAMMATE: Text = t!("thành viên đoàn", "team member");
/// CLI: contributors line.
pub const CONTRIBUTORS: Text = t!("{n} cán bộ đã đóng góp", "{n} inspector(s) contributed");
/// CLI: my review, heading.
pub const MINE: Text = t!("Đánh giá của tôi", "My review");
/// CLI: nothing written under a heading.
pub const NOTHING: Text = t!("(chưa có)", "(nothing yet)");
/// CLI: the ratings line of `review headings`.
pub const RATINGS: Text = t!("Xếp loại", "Ratings");

/// The review heading `leadership`, as the report prints it.
pub const HEADING_LEADERSHIP: Text =
    t!("Công tác lãnh đạo, chỉ đạo, tuyên truyền chính sách", "Leadership and publicity of the policy");

/// What to write under `leadership`, for the form.
pub const HEADING_LEADERSHIP_HINT: Text = t!(
    "Họp thôn, loa truyền thanh, niêm yết thủ tục tại điểm giao dịch xã.",
    "Village meetings, loudspeakers, procedures posted at the transaction point."
);

/// The review heading `targeting`, as the report prints it.
pub const HEADING_TARGETING: Text =
    t!("Cho vay đúng đối tượng, đúng mục đích", "Loans to the right people for the right purpose");

/// What to write under `targeting`, for the form.
pub const HEADING_TARGETING_HINT: Text = t!(
    "Vốn vay có đến đúng người, được dùng đúng mục đích không.",
    "Whether the loans reached the right people and were used for what they were lent for."
);

/// The review heading `book`, as the report prints it.
pub const HEADING_BOOK: Text = t!("Tăng trưởng dư nợ và tỷ lệ nợ quá hạn", "Outstanding growth and the overdue ratio");

/// What to write under `book`, for the form.
pub const HEADING_BOOK_HINT: Text =
    t!("Dư nợ tăng bao nhiêu, nợ quá hạn chiếm bao nhiêu.", "How outstanding grew, how much is overdue.");

/// The review heading `site_checks`, as the report prints it.
pub const HEADING_SITE_CHECKS: Text = t!("Kết quả kiểm tra tại mô hình", "What the site checks found");

/// What to write under `site_checks`, for the form.
pub const HEADING_SITE_CHECKS_HINT: Text =
    t!("Những gì đoàn thấy tại các mô hình được kiểm tra.", "What the team found at the models it checked.");

/// The review heading `opinions`, as the report prints it.
pub const HEADING_OPINIONS: Text = t!("Ý kiến, kiến nghị của người dân", "Citizens' opinions and requests");

/// What to write under `opinions`, for the form.
pub const HEADING_OPINIONS_HINT: Text = t!("Người dân nói gì, đề nghị gì.", "What the people said and asked for.");

/// The review heading `overseas`, as the report prints it.
pub const HEADING_OVERSEAS: Text =
    t!("Công tác đưa người lao động đi làm việc ở nước ngoài", "Overseas-employment work");

/// What to write under `overseas`, for the form.
pub const HEADING_OVERSEAS_HINT: Text = t!(
    "Tư vấn, tuyển chọn cùng Trung tâm Dịch vụ việc làm và doanh nghiệp được cấp phép; số lao động đã đi, đã về.",
    "Counselling, selection with the Employment Service Centre and licensed enterprises; workers sent and \
             returned."
);

/// The review heading `recommendations`, as the report prints it.
pub const HEADING_RECOMMENDATIONS: Text = t!("Kiến nghị, đề xuất", "Recommendations");

/// What to write under `recommendations`, for the form.
pub const HEADING_RECOMMENDATIONS_HINT: Text =
    t!("Đoàn kiến nghị gì, với ai.", "What the team recommends, and to whom.");

/// A heading's rating: good.
pub const RATING_GOOD: Text = t!("Tốt", "Good");

/// A heading's rating: fair.
pub const RATING_FAIR: Text = t!("Khá", "Fair");

/// A heading's rating: weak.
pub const RATING_WEAK: Text = t!("Yếu", "Weak");

/// A heading's rating: not assessed.
pub const RATING_NOT_ASSESSED: Text = t!("Chưa đánh giá", "Not assessed");

/// The author of a teammate's note in the merged review (the device knows only its own person's name).
pub const TEAMMATE_AUTHOR: Text = t!("Thành viên đoàn", "Team member");
