//! The commune minutes (biên bản làm việc) the server prints for the team and the commune to sign: their parts, the
//! commune's figures under each heading, and the closing formula. The minutes are issued in Vietnamese; the English
//! half says what each entry means. The section titles and the signer's function are the report's
//! ([`super::report`]).

use super::Text;
use crate::t;

/// The kind of document, under the header.
pub const KIND: Text = t!("BIÊN BẢN", "MINUTES");
/// The title; `{commune}` as in a sentence, `{code}` the plan's number.
pub const TITLE: Text = t!(
    "Làm việc với UBND {commune} theo Kế hoạch kiểm tra số {code}",
    "Meeting with the People's Committee of {commune} under inspection plan no. {code}"
);
/// The opening paragraph.
pub const OPENING: Text = t!(
    "Hôm nay, ngày {date}, tại trụ sở UBND {commune}, Đoàn kiểm tra theo Kế hoạch số {code} làm việc với UBND \
     {commune} về việc thực hiện chính sách hỗ trợ tạo việc làm và đưa người lao động đi làm việc ở nước ngoài theo \
     hợp đồng.",
    "Today, {date}, at the offices of the People's Committee of {commune}, the inspection team of plan no. {code} met \
     the People's Committee of {commune} on the job-creation support and on sending workers abroad under contract."
);
/// The closing formula.
pub const CLOSING: Text = t!(
    "Biên bản được lập thành 02 bản có giá trị như nhau, Đoàn kiểm tra giữ 01 bản, UBND xã giữ 01 bản; đã đọc lại \
     cho các thành phần dự họp cùng nghe và nhất trí ký tên./.",
    "These minutes are made in 2 copies of equal value, one kept by the team and one by the commune's People's \
     Committee; they were read aloud to those present, who agreed and signed."
);

/// Part I.
pub const PART_ATTENDANCE: Text = t!("I. THÀNH PHẦN", "I. THOSE PRESENT");
/// Part I, section 1.
pub const SECTION_TEAM: Text = t!("1. Đoàn kiểm tra", "1. The inspection team");
/// Part I, section 2; `{commune}` as in a sentence.
pub const SECTION_COMMUNE_SIDE: Text =
    t!("2. Đại diện {commune} và các thành phần dự họp", "2. For {commune}, and the others present");
/// No attendee recorded.
pub const NO_ATTENDEES: Text = t!("(Đoàn chưa ghi thành phần dự họp.)", "(The team has not recorded who attended.)");
/// Part II.
pub const PART_CONTENT: Text = t!("II. NỘI DUNG VÀ KẾT QUẢ LÀM VIỆC", "II. WHAT WAS DISCUSSED AND FOUND");
/// An inspector's rating, before their note.
pub const RATING: Text = t!("Đánh giá: {rating}. ", "Rating: {rating}. ");
/// Part III.
pub const PART_RECOMMENDATIONS: Text =
    t!("III. KIẾN NGHỊ CỦA ĐOÀN KIỂM TRA", "III. THE INSPECTION TEAM'S RECOMMENDATIONS");
/// No recommendation.
pub const NO_RECOMMENDATIONS: Text = t!("(Đoàn chưa ghi kiến nghị.)", "(The team has written no recommendation.)");
/// The commune's signer's function; `{commune}` in capitals.
pub const COMMUNE_SIGNER: Text = t!("ĐẠI DIỆN UBND {commune}", "FOR THE PEOPLE'S COMMITTEE OF {commune}");

/// Where the commune's figures can be read.
pub const SOURCE_FIGURES: Text = t!("Số liệu: trang Số liệu xã", "Figures: the Commune figures page");
/// Targeting, no sign of misuse.
pub const NO_MISUSE: Text = t!("không phát hiện dấu hiệu vi phạm", "no sign of misuse found");
/// Targeting, the signs of misuse found.
pub const MISUSE_FOUND: Text = t!("phát hiện: {signs}", "found: {signs}");
/// Targeting; `{found}` is [`NO_MISUSE`] or [`MISUSE_FOUND`].
pub const TARGETING: Text = t!(
    "Đoàn kiểm tra {checks} lượt tại mô hình; sử dụng vốn đúng mục đích {kept}/{asked} lượt ({percent}); {found}.",
    "The team made {checks} checks at the sites; the loan was used for its purpose in {kept}/{asked} ({percent}); \
     {found}."
);
/// The commune's loan book; `{growth}` is [`GROWTH_UP`], [`GROWTH_DOWN`] or [`NOT_COMPARED`].
pub const BOOK: Text = t!(
    "Đến ngày {today}, {commune} có {loans} khoản vay, dư nợ {outstanding}, {growth} so với ngày {since}; nợ quá hạn \
     {overdue}, tỷ lệ {ratio} ({band}).",
    "On {today}, {commune} had {loans} loans, {outstanding} outstanding, {growth} since {since}; {overdue} overdue, \
     a ratio of {ratio} ({band})."
);
/// The loan book grew by `{amount}`.
pub const GROWTH_UP: Text = t!("tăng {amount}", "up {amount}");
/// The loan book shrank by `{amount}`.
pub const GROWTH_DOWN: Text = t!("giảm {amount}", "down {amount}");
/// No earlier figure to compare with.
pub const NOT_COMPARED: Text = t!("chưa so sánh", "not compared");
/// The commune's site checks.
pub const SITE_CHECKS: Text = t!(
    "Có {effective}/{judged} lượt kiểm tra được đánh giá có hiệu quả; tạo việc làm mới cho {created} lao động, duy \
     trì việc làm cho {kept} lao động; {flagged} lượt kiểm tra bị hệ thống gắn cờ cần xác minh.",
    "{effective}/{judged} checks were judged effective; new jobs for {created} workers, jobs kept for {kept} \
     workers; {flagged} checks flagged by the system for verification."
);
/// The commune's returnees who registered.
pub const RETURNEES: Text = t!(
    "{n} người lao động về nước tại xã đã đăng ký nhu cầu qua ứng dụng.",
    "{n} returning workers in the commune registered their needs in the app."
);
