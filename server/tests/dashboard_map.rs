//! The map page from real commune boundaries: every commune drawn, each check placed inside the outline of the
//! commune its position falls in, coloured by verdict and flags, linked to its check; the filters by plan,
//! commune, dates and flags keep exactly the checks they should.

use chrono::NaiveDate;
use vieclam_core::places::{self, communes, random_point_in};
use vieclam_server::dashboard::map::{MapPoint, MapQuery, PlanOption, Projection};
use vieclam_server::dashboard::render;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// A check at a random point of commune `code`.
fn point(id: &str, code: &str, on: NaiveDate, place: &str, flagged: bool, seed: u64) -> MapPoint {
    let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(seed);
    let (lat, lon) = random_point_in(code, &mut rng).expect("a point in the commune");
    MapPoint {
        id: id.into(),
        code: format!("KT-{code}-{id}"),
        lat,
        lon,
        commune_code: code.into(),
        checked_on: on,
        place: place.into(),
        flagged,
        label: "Hoàng Văn Minh · Đang ở tại mô hình".into(),
    }
}

/// The ids of the checks the page draws.
fn drawn(html: &str) -> Vec<String> {
    html.split("data-check=\"").skip(1).map(|s| s[..s.find('"').unwrap()].to_owned()).collect()
}

#[test]
fn every_commune_is_drawn_and_each_check_lies_inside_its_communes_outline() {
    let codes: Vec<String> = communes().iter().map(|c| c.code.clone()).collect();
    let points: Vec<MapPoint> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| point(&format!("c{i}"), c, day(10), "at_site", false, i as u64))
        .collect();
    let html = render::map(&points, &MapQuery::default(), &[]);
    assert_eq!(html.matches("<path class=\"commune").count(), 65, "all 65 communes drawn");
    assert_eq!(drawn(&html).len(), 65);
    assert!(html.contains("data-shown=\"65\""));
    assert!(html.contains("<a href=\"/office/checks/c0\">"));

    // Each point falls inside the drawn box of its own commune's boundary (the projection is the one drawing both).
    let proj = Projection::province();
    for p in &points {
        let b = places::bounds(&p.commune_code).unwrap();
        let (x, y) = proj.xy(p.lat, p.lon);
        let (x0, y1) = proj.xy(b.min().y, b.min().x);
        let (x1, y0) = proj.xy(b.max().y, b.max().x);
        assert!((x0..=x1).contains(&x) && (y0..=y1).contains(&y), "{} outside its commune's box", p.id);
        assert!((0.0..=1000.0).contains(&x) && (0.0..=proj.height).contains(&y));
    }
    // The drawing keeps the province's real proportions.
    let b = places::province_bounds().unwrap();
    let ratio = proj.height / 1000.0;
    let real = (b.max().y - b.min().y) / ((b.max().x - b.min().x) * ((b.max().y + b.min().y) / 2.0).to_radians().cos());
    assert!((ratio - real).abs() < 1e-9);
}

#[test]
fn colours_follow_flags_first_then_the_verdict() {
    let c = &communes()[0].code;
    let points = [
        point("ok", c, day(1), "at_site", false, 1),
        point("near", c, day(1), "near", false, 2),
        point("away", c, day(1), "away", true, 3),
        point("flagged-at-site", c, day(1), "at_site", true, 4),
        point("none", c, day(1), "", false, 5),
    ];
    let html = render::map(&points, &MapQuery::default(), &[]);
    for (id, class) in
        [("ok", "pt ok"), ("near", "pt near"), ("away", "pt flag"), ("flagged-at-site", "pt flag"), ("none", "pt none")]
    {
        let at = html.find(&format!("data-check=\"{id}\"")).unwrap();
        let circle = &html[html[..at].rfind("<circle").unwrap()..at];
        assert!(circle.contains(&format!("class=\"{class}\"")), "{id}: {circle}");
    }
}

#[test]
fn filters_keep_exactly_the_checks_asked_for() {
    let (a, b) = (&communes()[0].code, &communes()[1].code);
    let points = [
        point("a-early", a, day(2), "at_site", false, 1),
        point("a-late-flag", a, day(20), "away", true, 2),
        point("b-mid", b, day(10), "at_site", false, 3),
        point("b-mid-flag", b, day(11), "near", true, 4),
    ];
    let plan = PlanOption {
        id: "p1".into(),
        name: "452/KH-SNV — Kiểm tra".into(),
        starts_on: day(9),
        ends_on: day(25),
        commune_codes: vec![a.clone(), b.clone()],
    };
    let plans = [plan];
    let shown = |q: MapQuery| {
        let mut ids = drawn(&render::map(&points, &q, &plans));
        ids.sort();
        ids
    };
    let q = |plan: &str, commune: &str, from: &str, to: &str, flag: &str| MapQuery {
        plan: plan.into(),
        commune: commune.into(),
        from: from.into(),
        to: to.into(),
        flag: flag.into(),
    };
    assert_eq!(shown(q("", "", "", "", "")).len(), 4);
    assert_eq!(shown(q("p1", "", "", "", "")), ["a-late-flag", "b-mid", "b-mid-flag"]);
    assert_eq!(shown(q("", a, "", "", "")), ["a-early", "a-late-flag"]);
    assert_eq!(shown(q("", "", "2026-11-10", "2026-11-11", "")), ["b-mid", "b-mid-flag"]);
    assert_eq!(shown(q("", "", "", "", "flagged")), ["a-late-flag", "b-mid-flag"]);
    assert_eq!(shown(q("", "", "", "", "clean")), ["a-early", "b-mid"]);
    assert_eq!(shown(q("p1", b, "", "", "clean")), ["b-mid"]);
    // What the form was given is what it shows again, escaped; a date that does not parse limits nothing.
    let html = render::map(&points, &q("", a, "<x>", "", "flagged"), &plans);
    assert!(html.contains("value=\"&lt;x&gt;\"") && !html.contains("value=\"<x>\""));
    assert!(html.contains(&format!("<option value=\"{a}\" selected>")));
    assert!(html.contains("<option value=\"flagged\" selected>"));
    assert!(html.contains(&format!("class=\"commune on\" data-commune=\"{a}\"")));
    assert_eq!(drawn(&html).len(), 1);
}
