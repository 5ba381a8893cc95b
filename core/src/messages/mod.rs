//! The one message catalogue: every string a person sees, in Vietnamese first and English second.
//!
//! The apps, the CLI, the sync server's answers and the office dashboard take their words from here, so they all say
//! the same thing. Each area keeps its entries in a submodule of this one; an entry is a [`Text`] with both languages
//! side by side, so a missing translation is a compile error rather than a blank on a screen. `core/tests/
//! catalogue_only.rs` fails on a Vietnamese string literal anywhere else in the core, the bindings, the CLI or the
//! server (its allow-list names what is left, and why).

pub mod api;
pub mod applications;
pub mod checklist;
pub mod checks;
pub mod checks_geo;
pub mod cli;
pub mod dashboard;
pub mod demo;
pub mod errors;
pub mod evidence_photo;
pub mod evidence_signing;
pub mod import;
pub mod import_page;
pub mod labels;
pub mod loans;
pub mod minutes;
pub mod office;
pub mod plans;
pub mod plot_walk;
pub mod registration;
pub mod report;
pub mod review;
pub mod server_cli;
pub mod sync;
pub mod tabs;
pub mod uploads;

use std::fmt;
use std::str::FromStr;

/// The language a screen or a message is wanted in. Vietnamese is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" | "vie" => Ok(Lang::Vi),
            "en" | "en-us" | "en-gb" | "eng" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}` (vi, en)")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        })
    }
}

/// One catalogue entry in both languages. Placeholders are written `{name}` and filled by [`Text::fill`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// Vietnamese.
    pub vi: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// The entry in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }

    /// The entry in `lang` with each `{name}` replaced by its value.
    ///
    /// One pass over the entry: a value is never itself searched for placeholders (a value may be what a person
    /// typed, braces and all), and a `{name}` with no value stays as written.
    pub fn fill(&self, lang: Lang, args: &[(&str, &str)]) -> String {
        let text = self.get(lang);
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after
                .find('}')
                .and_then(|close| args.iter().find(|(name, _)| *name == &after[..close]).map(|(_, v)| (close, *v)));
            match value {
                Some((close, v)) => {
                    out.push_str(v);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

impl Text {
    /// Both languages on one line, `Vietnamese / English`, each filled with `args` (the form the server's command
    /// line and a page's one-line notices use).
    pub fn joined(&self, args: &[(&str, &str)]) -> String {
        format!("{} / {}", self.fill(Lang::Vi, args), self.fill(Lang::En, args))
    }
}

/// Shorthand for a catalogue entry: `t!("Dư nợ", "Outstanding")`.
#[macro_export]
macro_rules! t {
    ($vi:expr, $en:expr) => {
        $crate::messages::Text { vi: $vi, en: $en }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_in_either_language() {
        let t = Text { vi: "Còn {n} ngày", en: "{n} days left" };
        assert_eq!(t.fill(Lang::Vi, &[("n", "3")]), "Còn 3 ngày");
        assert_eq!(t.fill(Lang::En, &[("n", "3")]), "3 days left");
    }

    #[test]
    fn fills_in_one_pass() {
        let t = Text { vi: "«{a}» và {b} {c}", en: "{a}{b}" };
        assert_eq!(t.fill(Lang::Vi, &[("a", "{b}"), ("b", "2")]), "«{b}» và 2 {c}");
        assert_eq!(t.fill(Lang::En, &[("b", "x")]), "{a}x");
    }

    #[test]
    fn parses_languages() {
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert_eq!("vi".parse::<Lang>(), Ok(Lang::Vi));
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::default(), Lang::Vi);
    }
}
