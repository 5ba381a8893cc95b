//! Messages of the site check's geography: where the inspector stands relative to the site, how good the fix is,
//! what a plot walk measured, and why a fix, a walk or the office's settings were refused.
//!
//! Sentences carry their figures (`Đang ở tại mô hình (cách 12 m)`), written the way each language writes numbers:
//! a decimal comma in Vietnamese, a point in English. The formatters at the end are the only place that does it.

use crate::messages::{Lang, Text};
use crate::t;

// ---- Where the inspector stands (checks::verdict::Place) ----

/// `Place::AtSite`.
pub const PLACE_AT_SITE: Text = t!("Đang ở tại mô hình (cách {distance}).", "At the site ({distance} away).");
/// `Place::Near`.
pub const PLACE_NEAR: Text =
    t!("Đang ở gần mô hình (cách {distance}), chưa tới nơi.", "Near the site ({distance} away), not yet there.");
/// `Place::Away`.
pub const PLACE_AWAY: Text = t!("Đang ở xa mô hình (cách {distance}).", "Away from the site ({distance} away).");
/// `Place::PoorFix`.
pub const PLACE_POOR_FIX: Text = t!(
    "Định vị quá kém (sai số {accuracy}) nên chưa xác định được có ở tại mô hình không (cách khoảng {distance}); \
     vẫn có thể tiếp tục kiểm tra.",
    "The fix is too poor (±{accuracy}) to tell whether you are at the site (about {distance} away); you can go on \
     with the check."
);
/// `Place::Mocked`.
pub const PLACE_MOCKED: Text = t!(
    "Vị trí bị giả lập (cờ vị trí giả đang bật; cách {distance}): lần kiểm tra sẽ bị đánh dấu.",
    "The location is mocked (the mock-location flag is set; {distance} away): the check will be flagged."
);

/// Shown beside the place when the fix lies in another commune than the site's.
pub const OUTSIDE_SITE_COMMUNE: Text = t!(
    "Vị trí hiện tại không thuộc xã, phường của mô hình.",
    "The current position is not in the site's commune or ward."
);

// ---- How good the fix is (checks::verdict::AccuracyLevel) ----

/// `AccuracyLevel::Good`.
pub const ACCURACY_GOOD: Text = t!("Định vị tốt (sai số {accuracy}).", "Good fix (±{accuracy}).");
/// `AccuracyLevel::Fair`.
pub const ACCURACY_FAIR: Text = t!("Định vị khá (sai số {accuracy}).", "Fair fix (±{accuracy}).");
/// `AccuracyLevel::Warn`.
pub const ACCURACY_WARN: Text = t!(
    "Định vị kém (sai số {accuracy}); nếu được, hãy ra chỗ thoáng và chờ thêm.",
    "Weak fix (±{accuracy}); if you can, move into the open and wait a little."
);
/// `AccuracyLevel::Poor`.
pub const ACCURACY_POOR: Text = t!(
    "Định vị rất kém (sai số {accuracy}); kết quả vị trí không đáng tin.",
    "Very poor fix (±{accuracy}); the position cannot be relied on."
);

// ---- A walked plot (checks::walk) ----

/// A walked plot's figures.
pub const WALK_MEASURED: Text = t!(
    "Diện tích đo được {area}, chu vi {perimeter} ({used} điểm; bỏ {dropped} điểm kém chính xác).",
    "Measured area {area}, perimeter {perimeter} ({used} points; {dropped} imprecise points dropped)."
);
/// `AreaVerdict::Matches`.
pub const AREA_MATCHES: Text = t!(
    "Diện tích đo được {measured} khớp với diện tích được vay vốn {funded}.",
    "The measured area {measured} matches the funded area {funded}."
);
/// `AreaVerdict::Smaller`.
pub const AREA_SMALLER: Text = t!(
    "Diện tích đo được {measured} nhỏ hơn {pct} so với diện tích được vay vốn {funded}.",
    "The measured area {measured} is {pct} smaller than the funded area {funded}."
);
/// `AreaVerdict::Larger`.
pub const AREA_LARGER: Text = t!(
    "Diện tích đo được {measured} lớn hơn {pct} so với diện tích được vay vốn {funded}.",
    "The measured area {measured} is {pct} larger than the funded area {funded}."
);
/// `AreaVerdict::NoFundedArea`.
pub const AREA_NO_FUNDED: Text = t!(
    "Đo được {measured}; hồ sơ vay không ghi diện tích để so sánh.",
    "Measured {measured}; the loan records no area to compare with."
);

/// `walk.too_few_points`.
pub const WALK_TOO_FEW_POINTS: Text = t!(
    "Chỉ còn {used} điểm đủ chính xác (đã bỏ {dropped} điểm); cần ít nhất {min} điểm để khoanh thửa đất. \
     Hãy đi lại quanh ranh giới.",
    "Only {used} precise enough points are left ({dropped} dropped); a plot needs at least {min}. Please walk the \
     boundary again."
);
/// `walk.self_intersecting`.
pub const WALK_SELF_INTERSECTING: Text = t!(
    "Đường đi quanh thửa đất tự cắt nhau (đoạn {a} và đoạn {b}); hãy đi lại theo ranh giới, không đi cắt ngang.",
    "The walked boundary crosses itself (segments {a} and {b}); please walk the boundary again without cutting \
     across."
);

// ---- Refused input ----

/// `fix.latitude`.
pub const FIX_LATITUDE: Text =
    t!("Vĩ độ của vị trí không hợp lệ (phải từ −90 đến 90).", "The fix's latitude is invalid (must be −90 to 90).");
/// `fix.longitude`.
pub const FIX_LONGITUDE: Text = t!(
    "Kinh độ của vị trí không hợp lệ (phải từ −180 đến 180).",
    "The fix's longitude is invalid (must be −180 to 180)."
);
/// `fix.null_island`.
pub const FIX_NULL_ISLAND: Text = t!(
    "Thiết bị chưa có vị trí thật (báo 0°, 0°); hãy chờ định vị.",
    "The device has no real position yet (it reports 0°, 0°); please wait for a fix."
);
/// `fix.accuracy`.
pub const FIX_ACCURACY: Text = t!("Sai số của vị trí không hợp lệ.", "The fix's accuracy is invalid.");
/// `fix.altitude`.
pub const FIX_ALTITUDE: Text = t!("Độ cao của vị trí không hợp lệ.", "The fix's altitude is invalid.");
/// `fix.provider`.
pub const FIX_PROVIDER: Text =
    t!("Vị trí không ghi nguồn định vị (GPS, mạng…).", "The fix names no location source (GPS, network…).");

/// `settings.not_finite`.
pub const SETTINGS_NOT_FINITE: Text = t!(
    "Thiết lập kiểm tra “{field}” phải là một số không âm.",
    "The check setting “{field}” must be a number of at least 0."
);
/// `settings.accuracy_order`.
pub const SETTINGS_ACCURACY_ORDER: Text = t!(
    "Các ngưỡng sai số phải theo thứ tự: chấp nhận ≤ cảnh báo ≤ quá kém.",
    "The accuracy thresholds must be in order: accept ≤ warn ≤ too poor."
);
/// `settings.tolerance`.
pub const SETTINGS_TOLERANCE: Text = t!(
    "Dung sai diện tích phải từ 0 đến 1 (0% đến 100%).",
    "The area tolerance must lie between 0 and 1 (0% to 100%)."
);
/// `settings.min_points`.
pub const SETTINGS_MIN_POINTS: Text =
    t!("Số điểm tối thiểu của thửa đất phải từ 3 trở lên.", "A plot's minimum number of points must be 3 or more.");

// ---- Figures ----

/// A distance for a sentence: whole metres below 1 km (`12 m`), else kilometres with one decimal (`1,2 km`,
/// English `1.2 km`). Non-finite input gives `?` rather than `NaN m`.
pub fn distance(metres: f64, lang: Lang) -> String {
    if !metres.is_finite() {
        return "?".to_owned();
    }
    let metres = metres.max(0.0);
    if metres.round() < 1000.0 {
        format!("{} m", metres.round())
    } else {
        format!("{} km", decimal(metres / 1000.0, 1, lang))
    }
}

/// An area in hectares with two decimals: `1,00 ha` (English `1.00 ha`).
pub fn hectares(ha: f64, lang: Lang) -> String {
    format!("{} ha", decimal(ha, 2, lang))
}

/// A whole percentage: `20%`.
pub fn percent(pct: f64) -> String {
    if pct.is_finite() { format!("{}%", pct.round()) } else { "?%".to_owned() }
}

/// A number with `places` decimals and the decimal sign of `lang`. Thousands are not grouped: field figures
/// (distances, hectares) stay well below where grouping helps.
fn decimal(value: f64, places: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "?".to_owned();
    }
    let s = format!("{value:.places$}");
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_read_naturally() {
        assert_eq!(distance(12.4, Lang::Vi), "12 m");
        assert_eq!(distance(0.0, Lang::En), "0 m");
        assert_eq!(distance(999.4, Lang::Vi), "999 m");
        assert_eq!(distance(999.6, Lang::Vi), "1,0 km");
        assert_eq!(distance(5_230.0, Lang::Vi), "5,2 km");
        assert_eq!(distance(5_230.0, Lang::En), "5.2 km");
        assert_eq!(distance(f64::NAN, Lang::En), "?");
    }

    #[test]
    fn areas_and_percentages() {
        assert_eq!(hectares(1.0, Lang::Vi), "1,00 ha");
        assert_eq!(hectares(2.345, Lang::En), "2.35 ha");
        assert_eq!(percent(19.6), "20%");
    }

    #[test]
    fn the_sentence_carries_the_distance() {
        let s = PLACE_AT_SITE.fill(Lang::Vi, &[("distance", &distance(12.0, Lang::Vi))]);
        assert_eq!(s, "Đang ở tại mô hình (cách 12 m).");
    }
}
