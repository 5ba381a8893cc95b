//! The commune review page (`/office/plans/{plan}/communes/{code}/review`): what the plan's inspectors recorded at
//! the commune's review meeting, merged by the core ([`vieclam_core::review::merge`]): under each heading of the
//! report every contributor's rating and text, each named by their account's display name (never a device id), and
//! the attendees, opinions and recommendations gathered from all of them.

use chrono::NaiveDate;
use vieclam_core::checks::minutes_html::escape;
use vieclam_core::format::date;
use vieclam_core::messages::{Text, dashboard as d};
use vieclam_core::review::{HEADINGS, MergedReview, Rating};

use super::render::{both, both_of, page};

/// One contributor as the office reads them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    /// Account id (what the merged review names).
    pub account_id: String,
    /// The account's display name.
    pub name: String,
    /// The meeting day in their record.
    pub held_on: NaiveDate,
    /// Their record's evidence status in both languages (`Đã xác thực` …).
    pub evidence: (String, String),
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewPage {
    /// Plan id.
    pub plan_id: String,
    /// Plan number.
    pub plan_code: String,
    /// Commune code.
    pub commune_code: String,
    /// Commune name.
    pub commune_name: String,
    /// The contributors, by name.
    pub authors: Vec<Author>,
    /// The reviews, merged.
    pub merged: MergedReview,
}

impl ReviewPage {
    /// The display name of `account_id` (the id itself for an account the server no longer holds).
    fn name_of<'a>(&'a self, account_id: &'a str) -> &'a str {
        self.authors.iter().find(|a| a.account_id == account_id).map_or(account_id, |a| a.name.as_str())
    }
}

/// Free text as HTML: escaped, its line breaks kept.
fn text(s: &str) -> String {
    escape(s).replace('\n', "<br>")
}

fn rating(r: Rating) -> String {
    let class = match r {
        Rating::Good => "good",
        Rating::Fair => "fair",
        Rating::Weak => "weak",
        Rating::NotAssessed => "none",
    };
    format!("<span class=\"rating {class}\">{}</span>", both_of(r.label().vi, r.label().en))
}

/// The page.
pub fn render(p: &ReviewPage) -> String {
    let mut body = String::from(
        "<style>.rating{font-weight:bold}.rating.good{color:#2e7d32}.rating.fair{color:#8a6d00}.rating.weak{color:#a00}\
         section.heading{margin-bottom:1.5rem}blockquote{margin:.3rem 0 .8rem 1rem}</style>",
    );
    body.push_str(&format!(
        "<p>{} <a href=\"/office/plans\">{}</a> · {} {}</p>",
        both(d::PLAN),
        escape(&p.plan_code),
        both(d::COMMUNE),
        escape(&p.commune_name),
    ));
    // The minutes of the meeting, for both sides to sign: printable, or as a Word file.
    body.push_str(&format!(
        "<p><a id=\"minutes\" href=\"/office/plans/{0}/communes/{1}/minutes\">{2}</a> · \
         <a href=\"/office/plans/{0}/communes/{1}/minutes.docx\">Word (.docx)</a></p>",
        escape(&p.plan_id),
        escape(&p.commune_code),
        both(d::PRINT_MINUTES),
    ));
    if p.merged.is_empty() {
        body.push_str(&format!("<p>{}</p>", both(d::NO_REVIEW_YET)));
        return page(d::COMMUNE_REVIEW, &body);
    }
    body.push_str(&format!(
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        both(d::CONTRIBUTORS),
        both(d::STAFF),
        both(d::MEETING_DAY),
        both(d::EVIDENCE),
    ));
    for a in &p.authors {
        body.push_str(&format!(
            "<tr class=\"author\"><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&a.name),
            date(a.held_on),
            both_of(&a.evidence.0, &a.evidence.1)
        ));
    }
    body.push_str("</table>");
    for h in &p.merged.headings {
        let (vi, en) = HEADINGS
            .iter()
            .find(|k| k.key == h.key)
            .map_or((h.key.as_str(), h.key.as_str()), |k| (k.label.vi, k.label.en));
        body.push_str(&format!(
            "<section class=\"heading\" data-heading=\"{}\"><h3>{}</h3>",
            escape(&h.key),
            both_of(vi, en)
        ));
        if h.contributions.is_empty() {
            body.push_str(&format!("<p>{}</p>", both(d::NOTHING_WRITTEN)));
        }
        for c in &h.contributions {
            body.push_str(&format!(
                "<div class=\"contribution\"><b>{}</b> — {}<blockquote>{}</blockquote></div>",
                escape(p.name_of(&c.author)),
                rating(c.rating),
                text(&c.text)
            ));
        }
        body.push_str("</section>");
    }
    let list = |title: Text, heads: (Text, Text), rows: Vec<(&str, &str)>| -> String {
        let mut out =
            format!("<h2>{}</h2><table><tr><th>{}</th><th>{}</th></tr>", both(title), both(heads.0), both(heads.1));
        if rows.is_empty() {
            out.push_str("<tr><td colspan=\"2\">—</td></tr>");
        }
        for (a, b) in rows {
            out.push_str(&format!("<tr><td>{}</td><td>{}</td></tr>", escape(a), text(b)));
        }
        out + "</table>"
    };
    let m = &p.merged;
    body.push_str(&list(
        d::ATTENDEES,
        (d::NAME, d::FUNCTION_ORGANISATION),
        m.attendees.iter().map(|a| (a.name.as_str(), a.role.as_str())).collect(),
    ));
    body.push_str(&list(
        d::OPINIONS_HEARD,
        (d::WHO, d::WHAT),
        m.opinions.iter().map(|o| (o.who.as_str(), o.what.as_str())).collect(),
    ));
    body.push_str(&list(
        d::RECOMMENDATIONS,
        (d::SENT_BY, d::WHAT),
        m.recommendations.iter().map(|r| (r.to.as_str(), r.what.as_str())).collect(),
    ));
    page(d::COMMUNE_REVIEW, &body)
}

/// The page's address for a plan's commune (ids percent-encoded: safe in a path and in an HTML attribute).
pub fn href(plan_id: &str, commune_code: &str) -> String {
    fn part(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => char::from(b).to_string(),
                other => format!("%{other:02X}"),
            })
            .collect()
    }
    format!("/office/plans/{}/communes/{}/review", part(plan_id), part(commune_code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use vieclam_core::review::{Attendee, CommuneReview, merge};

    #[test]
    fn contributions_are_named_by_their_authors_and_escaped() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let mut a = CommuneReview::new("p1", "06040", "acc-1", day);
        a.set_note("leadership", Rating::Good, "Họp <b>đủ</b> thôn\nLoa phát 3 buổi");
        a.attendees.push(Attendee { name: "Hoàng Văn Lân".into(), role: "Chủ tịch UBND xã".into() });
        let mut b = CommuneReview::new("p1", "06040", "acc-2", day);
        b.set_note("leadership", Rating::Weak, "Chưa niêm yết thủ tục.");
        let author = |id: &str, name: &str| Author {
            account_id: id.into(),
            name: name.into(),
            held_on: day,
            evidence: ("Đã xác thực".into(), "Verified".into()),
        };
        let p = ReviewPage {
            plan_id: "p1".into(),
            plan_code: "01/KH".into(),
            commune_code: "06040".into(),
            commune_name: "Xã Đình Lập".into(),
            authors: vec![author("acc-1", "Nguyễn Văn An"), author("acc-2", "Lý Thị Mai")],
            merged: merge(&[a, b]),
        };
        let html = render(&p);
        let lead = &html[html.find("data-heading=\"leadership\"").unwrap()..];
        let lead = &lead[..lead.find("</section>").unwrap()];
        assert!(lead.contains("<b>Nguyễn Văn An</b>") && lead.contains("<b>Lý Thị Mai</b>"), "{lead}");
        assert!(lead.contains("&lt;b&gt;đủ&lt;/b&gt; thôn<br>Loa"), "{lead}");
        assert!(!html.contains("acc-1") && !html.contains("acc-2"), "no account ids on the page");
        assert!(html.contains("Hoàng Văn Lân"));
        assert_eq!(href("p1", "06040"), "/office/plans/p1/communes/06040/review");
        assert_eq!(href("01/KH \"x\"", "06040"), "/office/plans/01%2FKH%20%22x%22/communes/06040/review");
    }
}
