//! Reading one cell as a value: dates (dd/mm/yyyy, yyyy-mm-dd, Excel serials), amounts in đồng (`1.234.567` or
//! `1234567`), percentages, whole numbers and yes/no. Each returns `None` for anything it cannot read exactly;
//! none of them panics on any input.

use chrono::{Days, NaiveDate};
use vieclam_core::fold::fold;
use vieclam_core::format::{Dong, parse_date};

use super::table::Cell;

/// Excel's day 0 in the 1900 date system, as every modern Excel counts it (the 1900 leap-year bug is before day 61,
/// long before any loan).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or(NaiveDate::MIN)
}

/// An Excel serial day number as a date (the time of day, if any, is dropped).
pub fn serial_date(serial: f64) -> Option<NaiveDate> {
    // 2 958 465 is 31/12/9999, the last day Excel shows.
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    excel_epoch().checked_add_days(Days::new(serial.floor() as u64))
}

/// A date cell: an XLSX date or serial number, or text as `dd/mm/yyyy` (also with `.` or `-`) or `yyyy-mm-dd`.
pub fn date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::DateSerial(n) | Cell::Number(n) => serial_date(*n),
        Cell::Text(t) => {
            let t = t.trim();
            parse_date(t).or_else(|| NaiveDate::parse_from_str(&t.replace(['.', '-'], "/"), "%d/%m/%Y").ok())
        }
        Cell::Empty => None,
    }
}

/// An amount in whole đồng, more than zero: `1.234.567`, `1,234,567`, `1 234 567 ₫` or `1234567`; an XLSX number
/// must be whole. Thousands groups must have three digits, so `1.5` (a decimal, not an amount) is refused.
pub fn money(cell: &Cell) -> Option<Dong> {
    let amount = match cell {
        Cell::Number(n) => {
            if !n.is_finite() || n.fract() != 0.0 || n.abs() >= 1e15 {
                return None;
            }
            *n as i64
        }
        Cell::Text(t) => money_text(t)?,
        Cell::Empty | Cell::DateSerial(_) => return None,
    };
    (amount > 0).then_some(amount)
}

/// An amount in whole đồng that may be zero (a payment of interest alone repays no principal), written as for
/// [`money`].
pub fn amount(cell: &Cell) -> Option<Dong> {
    match cell {
        Cell::Number(n) if *n == 0.0 => Some(0),
        Cell::Text(t) => money_text(t),
        _ => money(cell),
    }
}

fn money_text(text: &str) -> Option<Dong> {
    let lower = text.to_lowercase();
    let mut t = lower.trim();
    for unit in ["₫", "đồng", "đ", "vnd"] {
        t = t.strip_suffix(unit).unwrap_or(t).trim_end();
    }
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let separator = t.chars().find(|c| *c == '.' || *c == ',');
    let groups: Vec<&str> = match separator {
        Some(sep) => t.split(sep).collect(),
        None => vec![t.as_str()],
    };
    let first_ok = groups.first().is_some_and(|g| !g.is_empty() && (separator.is_none() || g.len() <= 3));
    let rest_ok = groups.iter().skip(1).all(|g| g.len() == 3);
    if !first_ok || !rest_ok || !groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    groups.concat().parse::<i64>().ok()
}

/// A decimal number: an XLSX number, or text with `,` or `.` as the decimal sign (`7,92`), signs and `%` allowed.
pub fn decimal(cell: &Cell) -> Option<f64> {
    let value = match cell {
        Cell::Number(n) => *n,
        Cell::Text(t) => {
            let t = t.trim().trim_end_matches('%').trim().replace(',', ".");
            if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+') {
                return None;
            }
            t.parse::<f64>().ok()?
        }
        Cell::Empty | Cell::DateSerial(_) => return None,
    };
    value.is_finite().then_some(value)
}

/// A yearly rate in parts per million. Written as a percentage (`7,92`, `7.92%`), or as the fraction an Excel cell
/// formatted as percent holds (`0.0792`): no loan of the fund is below 1%/year, so a value under 1 is a fraction.
pub fn rate_ppm(cell: &Cell) -> Option<i64> {
    let v = decimal(cell)?;
    let percent = if v.abs() < 1.0 { v * 100.0 } else { v };
    let ppm = (percent * 10_000.0).round();
    (ppm.abs() < 1e12).then_some(ppm as i64)
}

/// A whole number: an XLSX number without decimals, or digits (a leading sign allowed).
pub fn whole(cell: &Cell) -> Option<i64> {
    match cell {
        Cell::Number(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 => Some(*n as i64),
        Cell::Text(t) => t.trim().parse::<i64>().ok(),
        _ => None,
    }
}

/// Yes or no: `có`, `x`, `1`, `yes`, `true` / `không`, `0`, `no`, `false` (any case, with or without diacritics).
pub fn yes_no(cell: &Cell) -> Option<bool> {
    match fold(&cell.text()).as_str() {
        "co" | "x" | "1" | "yes" | "y" | "true" | "dtts" => Some(true),
        "khong" | "0" | "no" | "n" | "false" | "" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn amounts_in_every_usual_shape() {
        assert_eq!(money(&text("1.234.567")), Some(1_234_567));
        assert_eq!(money(&text("1234567")), Some(1_234_567));
        assert_eq!(money(&text("1,234,567")), Some(1_234_567));
        assert_eq!(money(&text("50.000.000 ₫")), Some(50_000_000));
        assert_eq!(money(&text("50 000 000 đồng")), Some(50_000_000));
        assert_eq!(money(&Cell::Number(80_000_000.0)), Some(80_000_000));
        assert_eq!(money(&text("1.5")), None);
        assert_eq!(money(&text("12.34.567")), None);
        assert_eq!(money(&text("1.234,567")), None);
        assert_eq!(money(&text("0")), None);
        assert_eq!(money(&text("-5.000")), None);
        assert_eq!(money(&Cell::Number(1.5)), None);
        assert_eq!(money(&text("99999999999999999999")), None);
    }

    #[test]
    fn dates_from_text_and_serials() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
        assert_eq!(date(&text("15/03/2024")), Some(d));
        assert_eq!(date(&text("2024-03-15")), Some(d));
        assert_eq!(date(&text("15.03.2024")), Some(d));
        assert_eq!(date(&text("15-03-2024")), Some(d));
        // 45366 is 15/03/2024 in Excel.
        assert_eq!(date(&Cell::DateSerial(45_366.0)), Some(d));
        assert_eq!(date(&Cell::Number(45_366.5)), Some(d));
        assert_eq!(date(&text("31/02/2024")), None);
        assert_eq!(date(&Cell::Number(-3.0)), None);
        assert_eq!(date(&Cell::Number(f64::NAN)), None);
    }

    #[test]
    fn rates_as_percent_or_fraction() {
        assert_eq!(rate_ppm(&text("7,92")), Some(79_200));
        assert_eq!(rate_ppm(&text("7.92%")), Some(79_200));
        assert_eq!(rate_ppm(&Cell::Number(0.0792)), Some(79_200));
        assert_eq!(rate_ppm(&Cell::Number(3.96)), Some(39_600));
        assert_eq!(rate_ppm(&text("bảy")), None);
    }

    #[test]
    fn yes_and_no_in_both_languages() {
        assert_eq!(yes_no(&text("Có")), Some(true));
        assert_eq!(yes_no(&text("không")), Some(false));
        assert_eq!(yes_no(&Cell::Empty), Some(false));
        assert_eq!(yes_no(&text("có lẽ")), None);
    }
}
