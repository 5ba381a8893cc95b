//! The bank's bands of a commune's overdue ratio (overdue principal over principal outstanding): under 2 %, 2 to
//! under 3 %, 3 to under 4 %, 4 % and over (docs/domain.md, "Loans"). The fee the bank pays an entrusted
//! organisation falls band by band, so the office reads a commune by its band as much as by its ratio.
//!
//! Computed on whole đồng in integers: a ratio of exactly 2 % must fall in the 2–3 % band whatever floating point
//! would make of 2,000,000 / 100,000,000.

use crate::messages::{Text, loans as m};

/// One band of the overdue ratio, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OverdueBand {
    /// Under 2 %.
    Below2,
    /// From 2 % to under 3 %.
    From2To3,
    /// From 3 % to under 4 %.
    From3To4,
    /// 4 % and over.
    From4,
}

impl OverdueBand {
    /// The band of `overdue` đồng overdue out of `outstanding` đồng outstanding; nothing outstanding is the best band.
    pub fn of(overdue: i64, outstanding: i64) -> OverdueBand {
        if outstanding <= 0 || overdue <= 0 {
            return OverdueBand::Below2;
        }
        // overdue / outstanding < k / 100  ⇔  100 · overdue < k · outstanding, in i128 so no book overflows.
        let (o, n) = (i128::from(overdue) * 100, i128::from(outstanding));
        if o < 2 * n {
            OverdueBand::Below2
        } else if o < 3 * n {
            OverdueBand::From2To3
        } else if o < 4 * n {
            OverdueBand::From3To4
        } else {
            OverdueBand::From4
        }
    }

    /// The stable code: `below_2`, `2_to_3`, `3_to_4`, `from_4`.
    pub fn code(self) -> &'static str {
        match self {
            OverdueBand::Below2 => "below_2",
            OverdueBand::From2To3 => "2_to_3",
            OverdueBand::From3To4 => "3_to_4",
            OverdueBand::From4 => "from_4",
        }
    }

    /// The band as a person reads it.
    pub fn label(self) -> Text {
        match self {
            OverdueBand::Below2 => m::BAND_BELOW_2,
            OverdueBand::From2To3 => m::BAND_2_TO_3,
            OverdueBand::From3To4 => m::BAND_3_TO_4,
            OverdueBand::From4 => m::BAND_FROM_4,
        }
    }
}

/// The overdue ratio in percent with two decimals, Vietnamese style (`2,35%`); `0,00%` when nothing is outstanding.
pub fn ratio_text(overdue: i64, outstanding: i64) -> String {
    if outstanding <= 0 {
        return "0,00%".to_owned();
    }
    // Hundredths of a percent, rounded half up, in integers.
    let bp = (i128::from(overdue.max(0)) * 10_000 * 2 + i128::from(outstanding)) / (2 * i128::from(outstanding));
    format!("{},{:02}%", bp / 100, bp % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_edges_fall_in_the_higher_band() {
        let n = 100_000_000;
        assert_eq!(OverdueBand::of(1_999_999, n), OverdueBand::Below2);
        assert_eq!(OverdueBand::of(2_000_000, n), OverdueBand::From2To3);
        assert_eq!(OverdueBand::of(2_999_999, n), OverdueBand::From2To3);
        assert_eq!(OverdueBand::of(3_000_000, n), OverdueBand::From3To4);
        assert_eq!(OverdueBand::of(4_000_000, n), OverdueBand::From4);
        assert_eq!(OverdueBand::of(n, n), OverdueBand::From4);
        assert_eq!(OverdueBand::of(5, 0), OverdueBand::Below2);
        assert_eq!(OverdueBand::of(0, n), OverdueBand::Below2);
    }

    #[test]
    fn ratios_read_as_a_clerk_writes_them() {
        assert_eq!(ratio_text(2_345_000, 100_000_000), "2,35%");
        assert_eq!(ratio_text(2_344_999, 100_000_000), "2,34%");
        assert_eq!(ratio_text(0, 100_000_000), "0,00%");
        assert_eq!(ratio_text(1, 0), "0,00%");
        assert_eq!(ratio_text(100, 100), "100,00%");
    }

    proptest! {
        /// More overdue out of the same outstanding never lands in a better band, and the band agrees with the
        /// ratio computed exactly.
        #[test]
        fn bands_are_monotone_and_exact(a in 0i64..2_000_000_000_000, b in 0i64..2_000_000_000_000, n in 1i64..2_000_000_000_000) {
            let (lo, hi) = (a.min(b), a.max(b));
            prop_assert!(OverdueBand::of(lo, n) <= OverdueBand::of(hi, n));
            let pct = lo as f64 * 100.0 / n as f64;
            let band = OverdueBand::of(lo, n);
            // Away from the edges floating point agrees.
            if (pct - pct.round()).abs() > 1e-6 {
                let expect = if pct < 2.0 { OverdueBand::Below2 } else if pct < 3.0 { OverdueBand::From2To3 }
                    else if pct < 4.0 { OverdueBand::From3To4 } else { OverdueBand::From4 };
                prop_assert_eq!(band, expect);
            }
        }
    }
}
