//! Reading what people type. Vietnamese writes `1.000` for a thousand and `2,5` for two and a half; a phone set
//! to English offers only a point. One rule for both apps, so "1.000" is never read as 1.

/// The number in `text` as a person in Lạng Sơn writes it, or `None` when it is not one.
///
/// A comma is the decimal mark, and then points group thousands (`1.000,5` → 1000.5). Without a comma, points
/// that each start a group of exactly three digits group thousands (`1.000` → 1000, `12.500.000` → 12500000);
/// a single point followed by other than three digits is a decimal point, as an English keyboard types it
/// (`2.5` → 2.5). Spaces are ignored; signs other than a leading minus are refused.
pub fn parse_number(text: &str) -> Option<f64> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.as_str()),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let plain = if let Some((int, frac)) = body.split_once(',') {
        if frac.contains([',', '.']) || !grouped(int) {
            return None;
        }
        format!("{}.{frac}", int.replace('.', ""))
    } else if body.contains('.') && grouped(body) {
        body.replace('.', "")
    } else {
        body.to_owned()
    };
    let value: f64 = plain.parse().ok().filter(|v: &f64| v.is_finite())?;
    Some(if negative { -value } else { value })
}

/// Whether `int` is digits, optionally grouped by points in threes (`1.000.000`); empty is not a number.
fn grouped(int: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let mut parts = int.split('.');
    let first = parts.next().unwrap_or("");
    if !int.contains('.') {
        return digits(first);
    }
    digits(first) && first.len() <= 3 && parts.all(|p| p.len() == 3 && digits(p))
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn vietnamese_numbers_read_as_written() {
        assert_eq!(parse_number("1.000"), Some(1000.0), "a thousand, not one");
        assert_eq!(parse_number("12.500.000"), Some(12_500_000.0));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("1.000,25"), Some(1000.25));
        assert_eq!(parse_number(" 3 "), Some(3.0));
        assert_eq!(parse_number("-4,5"), Some(-4.5));
    }

    #[test]
    fn an_english_keyboard_point_and_nonsense() {
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("0.75"), Some(0.75));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("2,5,1"), None);
        assert_eq!(parse_number("1,2.3"), None);
        assert_eq!(parse_number("10.00,5"), None, "points must group in threes before a comma");
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(","), None);
    }
}
