//! "Diện tích đo thực địa / Plot walked" on the office's check page: the plot the inspector walked on the check
//! against the area the loan funded, so the office can judge whether a forest or farm loan's land is real. The area,
//! perimeter and points (mocked ones flagged), the funded area and the difference, the verdict in words, the ring
//! drawn as a small inline SVG with a scale bar in metres (no tile server: the office may be offline), and the walk
//! record's own evidence status.

use serde_json::Value;
use vieclam_core::Lang;
use vieclam_core::checks::lifecycle::local_text;
use vieclam_core::checks::minutes_html::escape;
use vieclam_core::checks::plot_walk::PlotWalkRecord;
use vieclam_core::evidence::binding::Binding;
use vieclam_core::messages::checks_geo::{distance, hectares};
use vieclam_core::messages::dashboard as d;

use super::render::{both, both_of, both_with};

/// Metres in a degree of latitude (and of longitude at the equator), for drawing: the ring is a few hundred metres
/// across, where the flat approximation is far finer than a pixel.
const M_PER_DEGREE: f64 = 111_320.0;
/// How far the office's funded area may be from the walk's before it is pointed out (hectares: rounding only).
const FUNDED_SLACK_HA: f64 = 0.005;
/// The drawing's side in pixels, and the margin kept free around the ring.
const SIDE: f64 = 240.0;
const MARGIN: f64 = 16.0;

/// The walk of one check as the page shows it.
#[derive(Clone, Debug)]
pub struct WalkView {
    /// The record as stored (validated by the server on its way in).
    pub record: PlotWalkRecord,
    /// When it was walked, Vietnam time.
    pub walked_at: String,
    /// The walk record's evidence status.
    pub evidence: Binding,
    /// The area the office's loan file funds for the site now, when it names one: the record's figure is the
    /// device's at the time of the walk.
    pub office_funded_ha: Option<f64>,
}

impl WalkView {
    /// The view of a stored `plot_walk` body with its stored evidence code and the office's funded area for its
    /// site; `None` for a body that is not a walk.
    pub fn from_stored(body: &Value, evidence: Option<&str>, office_funded_ha: Option<f64>) -> Option<WalkView> {
        let record: PlotWalkRecord = serde_json::from_value(body.clone()).ok()?;
        Some(WalkView {
            walked_at: local_text(&record.walked_at),
            evidence: evidence.and_then(Binding::parse).unwrap_or(Binding::Unsigned),
            office_funded_ha,
            record,
        })
    }
}

/// A figure in both languages (decimal comma in Vietnamese).
fn figure(f: impl Fn(Lang) -> String) -> String {
    both_of(&f(Lang::Vi), &f(Lang::En))
}

/// The page's section: a heading, the facts, the drawing; a line saying no walk was recorded when there is none.
pub fn section(walk: Option<&WalkView>) -> String {
    let mut out = format!("<h2>{}</h2>", both(d::PLOT_WALKED));
    let Some(w) = walk else {
        out.push_str(&format!("<p>{}</p>", both(d::NO_PLOT_WALKED)));
        return out;
    };
    let r = &w.record;
    let row = |th: String, td: String| format!("<tr><th>{th}</th><td>{td}</td></tr>");
    let mut rows = vec![
        row(both(d::AREA_WALKED), figure(|l| hectares(r.area_ha, l))),
        row(both(d::PERIMETER), figure(|l| distance(r.perimeter_m, l))),
    ];
    let mut points =
        both_with(d::WALK_POINTS, &[("used", &r.used_points.to_string()), ("dropped", &r.dropped_points.to_string())]);
    if r.mocked_points > 0 {
        points.push_str(&format!(
            "<br><span class=\"flag\" data-walk=\"mocked\">{}</span>",
            both_with(d::WALK_MOCKED_POINTS, &[("n", &r.mocked_points.to_string())])
        ));
    }
    rows.push(row(both(d::POINTS), points));
    let funded = if r.funded_ha > 0.0 { figure(|l| hectares(r.funded_ha, l)) } else { both(d::NO_AREA_IN_LOAN_FILE) };
    let mut funded = funded;
    // The device's figure is kept as it compared with; a loan file that says otherwise now is pointed out.
    if let Some(office) = w.office_funded_ha.filter(|o| (o - r.funded_ha).abs() > FUNDED_SLACK_HA) {
        funded.push_str(&format!(
            "<br><span class=\"flag\" data-walk=\"funded_differs\">{}</span>",
            both_of(
                &d::LOAN_FILE_NOW_SAYS.fill(Lang::Vi, &[("area", &hectares(office, Lang::Vi))]),
                &d::LOAN_FILE_NOW_SAYS.fill(Lang::En, &[("area", &hectares(office, Lang::En))])
            )
        ));
    }
    rows.push(row(both(d::AREA_FUNDED), funded));
    if let Some(d) = r.difference_pct() {
        let cls =
            if matches!(r.verdict, vieclam_core::checks::walk::AreaVerdict::Matches) { "" } else { " class=\"flag\"" };
        let en = format!("{d:+.1}%");
        rows.push(row(
            both(d::DIFFERENCE),
            format!("<span data-walk=\"difference\"{cls}>{}</span>", both_of(&en.replace('.', ","), &en)),
        ));
    }
    rows.push(row(
        both(d::VERDICT),
        format!(
            "<span data-walk=\"verdict\" data-code=\"{}\">{}</span>",
            r.verdict.code(),
            figure(|l| r.verdict.message(r.area_ha, r.funded_ha, l))
        ),
    ));
    rows.push(row(both(d::WALKED_AT), escape(&w.walked_at)));
    let t = w.evidence.text();
    let cls = if w.evidence.is_finding() { " class=\"flag\"" } else { "" };
    rows.push(row(
        both(d::EVIDENCE),
        format!("<span data-evidence=\"{}\"{cls}>{}</span>", w.evidence.code(), both_of(t.vi, t.en)),
    ));
    out.push_str(&format!("<table class=\"facts walk\">{}</table>", rows.join("")));
    out.push_str(&drawing(&r.ring));
    out
}

/// A round length for a scale bar no longer than `max_m`: 1, 2 or 5 times a power of ten.
fn round_length(max_m: f64) -> f64 {
    let power = 10f64.powf(max_m.max(1.0).log10().floor());
    [5.0, 2.0, 1.0].into_iter().map(|k| k * power).find(|&l| l <= max_m).unwrap_or(power)
}

/// The ring as an inline SVG, north up, with a scale bar in metres.
fn drawing(ring: &[[f64; 2]]) -> String {
    if ring.len() < 4 {
        return String::new();
    }
    let lat0 = ring.iter().map(|p| p[1]).sum::<f64>() / ring.len() as f64;
    let x_scale = M_PER_DEGREE * lat0.to_radians().cos();
    let metres: Vec<(f64, f64)> = ring.iter().map(|p| (p[0] * x_scale, p[1] * M_PER_DEGREE)).collect();
    let (min_x, max_x) = metres.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (min_y, max_y) = metres.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let span = (max_x - min_x).max(max_y - min_y).max(1.0);
    let px_per_m = (SIDE - 2.0 * MARGIN) / span;
    let points: Vec<String> = metres
        .iter()
        .map(|(x, y)| format!("{:.1},{:.1}", MARGIN + (x - min_x) * px_per_m, SIDE - MARGIN - (y - min_y) * px_per_m))
        .collect();
    let bar_m = round_length(span * 0.4);
    let bar_px = bar_m * px_per_m;
    let bar_y = SIDE - 4.0;
    format!(
        "<figure class=\"walk\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{SIDE}\" height=\"{h}\" \
         viewBox=\"0 0 {SIDE} {h}\" role=\"img\" aria-label=\"plot\">\
         <polygon points=\"{}\" fill=\"#2e7d3233\" stroke=\"#2e7d32\" stroke-width=\"2\"/>\
         <line x1=\"{MARGIN}\" y1=\"{bar_y}\" x2=\"{x2:.1}\" y2=\"{bar_y}\" stroke=\"#000\" stroke-width=\"2\"/>\
         <text x=\"{tx:.1}\" y=\"{ty}\" font-size=\"11\" data-walk=\"scale\">{bar_m} m</text>\
         <text x=\"{n_x}\" y=\"14\" font-size=\"11\">N ↑</text></svg></figure>",
        points.join(" "),
        h = SIDE + 12.0,
        x2 = MARGIN + bar_px,
        tx = MARGIN + bar_px + 4.0,
        ty = bar_y + 4.0,
        n_x = SIDE - 28.0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(mocked_points: usize, funded_ha: f64, office: Option<f64>) -> WalkView {
        let (lat, lon): (f64, f64) = (21.75, 106.9);
        let (dlat, dlon) = (100.0 / 111_320.0, 100.0 / (111_320.0 * lat.to_radians().cos()));
        let ring = vec![[lon, lat], [lon + dlon, lat], [lon + dlon, lat + dlat], [lon, lat + dlat], [lon, lat]];
        let (perimeter_m, area_ha) = vieclam_core::checks::walk::measure_ring(&ring).expect("a plot");
        let body = serde_json::json!({
            "check_id": "c1", "site_id": "s1", "ring": ring, "area_ha": area_ha, "perimeter_m": perimeter_m,
            "dropped_points": 3, "used_points": 4, "mocked_points": mocked_points, "funded_ha": funded_ha,
            "verdict": vieclam_core::checks::walk::compare_area(area_ha, funded_ha, 0.15),
            "walked_at": "2025-10-14T01:30:00.000Z", "signature": null, "hlc": "h",
        });
        WalkView::from_stored(&body, Some("evidence.changed_after_signing"), office).expect("a walk")
    }

    #[test]
    fn the_section_says_the_figures_in_both_languages_and_draws_the_ring() {
        let html = section(Some(&view(2, 1.25, Some(1.25))));
        // A 100 m square on the ellipsoid: 0,995 ha and 399 m, 20,4 % below the 1,25 ha funded.
        for text in ["1,00 ha", "1.00 ha", "1,25 ha", "399 m", "-20,4%", "-20.4%", "14/10/2025 08:30"] {
            assert!(html.contains(text), "{text} in {html}");
        }
        assert!(html.contains("4 điểm dùng, 3 điểm bỏ") && html.contains("4 used, 3 dropped"), "{html}");
        assert!(html.contains("data-walk=\"mocked\"") && html.contains("2 điểm có vị trí giả lập"), "{html}");
        assert!(html.contains("data-code=\"smaller\""), "{html}");
        assert!(html.contains("data-evidence=\"evidence.changed_after_signing\" class=\"flag\""), "{html}");
        assert!(html.contains("<polygon points=") && html.contains(">20 m</text>"), "{html}");
        assert!(!html.contains("funded_differs") && !html.contains(" / "), "one language per span: {html}");
        // No walk: said so; no funded area: no difference, the verdict says there is nothing to compare with.
        assert!(section(None).contains("chưa đo thửa đất"));
        let html = section(Some(&view(0, 0.0, None)));
        assert!(!html.contains("data-walk=\"difference\"") && html.contains("data-code=\"unknown\""), "{html}");
        assert!(!html.contains("data-walk=\"mocked\""));
        assert!(section(Some(&view(0, 1.0, Some(2.0)))).contains("Hồ sơ vay hiện ghi 2,00 ha"));
    }

    #[test]
    fn scale_bars_are_round() {
        assert_eq!(round_length(43.0), 20.0);
        assert_eq!(round_length(60.0), 50.0);
        assert_eq!(round_length(150.0), 100.0);
        assert_eq!(round_length(0.3), 1.0);
    }
}
