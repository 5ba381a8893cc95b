//! The office pages' language: Vietnamese, or English when the clerk switches (a cookie), one language on the
//! screen at a time. Every label is written in both (see [`super::render::both`]); the page's `lang` attribute and
//! its style show one. The language and the page's own address are task-locals the session middleware sets for each
//! request, so the renderers, pure functions of their views, need no extra argument.

use vieclam_core::checks::minutes_html::escape;
use vieclam_core::messages::Lang;

/// The language cookie's name.
pub const COOKIE: &str = "vieclam_lang";

tokio::task_local! {
    static LANG: Lang;
    static HERE: String;
}

/// The language of the page being made (Vietnamese outside a request).
pub fn current() -> Lang {
    LANG.try_with(|l| *l).unwrap_or(Lang::Vi)
}

/// Runs `f` making pages in `lang`, for the page at `here` (its path and query).
pub async fn scope<F: std::future::Future>(lang: Lang, here: String, f: F) -> F::Output {
    LANG.scope(lang, HERE.scope(here, f)).await
}

/// The language a `vieclam_lang` cookie value asks for.
pub fn parse(value: &str) -> Lang {
    if value.trim() == "en" { Lang::En } else { Lang::Vi }
}

/// `vi` or `en`.
pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

/// Where a switch may send back to: a page of the office, never another site (`//host`) or a header (a line break).
pub fn safe_back(back: &str) -> &str {
    let ok = back.starts_with("/office") && !back.starts_with("//") && !back.chars().any(|c| c.is_control());
    if ok { back } else { "/office" }
}

/// The link switching the current page to the other language.
pub fn switch_link() -> String {
    let (to, words) = match current() {
        Lang::Vi => ("en", "English"),
        Lang::En => ("vi", vieclam_core::messages::dashboard::LANGUAGE_VIETNAMESE.vi),
    };
    let here = HERE.try_with(|h| h.clone()).unwrap_or_else(|_| "/office".into());
    let back: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
    format!(
        "<a id=\"lang-switch\" hreflang=\"{to}\" href=\"/office/lang?to={to}&amp;back={}\">{words}</a>",
        escape(&back)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_office_pages_are_sent_back_to() {
        assert_eq!(safe_back("/office/communes?sort=ratio"), "/office/communes?sort=ratio");
        for bad in ["//evil.example/office", "https://evil.example", "/office\r\nSet-Cookie: x=1", "/v1/pull"] {
            assert_eq!(safe_back(bad), "/office", "{bad:?}");
        }
    }

    #[tokio::test]
    async fn the_switch_leads_to_the_other_language_and_back_here() {
        assert_eq!(current(), Lang::Vi);
        let link = scope(Lang::En, "/office/map?plan=a&b=1".into(), async { (current(), switch_link()) }).await;
        assert_eq!(link.0, Lang::En);
        assert!(link.1.contains("to=vi&amp;back=%2Foffice%2Fmap%3Fplan%3Da%26b%3D1") && link.1.contains("Tiếng Việt"));
        assert_eq!(parse("en"), Lang::En);
        assert_eq!(parse("fr"), Lang::Vi);
    }
}
