//! The map of checks: the province's 65 communes drawn from the boundaries the core ships, so the map needs no tile
//! server and works on an office network cut off from the internet; every check a point coloured by its verdict and
//! flags, each point a link to its check. Server-rendered SVG, no script: the page's Content-Security-Policy allows
//! none, and a clerk's browser only has to draw it.
//!
//! The boundaries are simplified for drawing (about 40 m, far below a pixel at province scale) and the drawn base
//! layer is made once per process; filtering is a pure function of the points, so the tests reach it without HTTP.

use std::fmt::Write as _;
use std::sync::OnceLock;

use chrono::NaiveDate;
use geo::{MultiPolygon, Simplify};
use vieclam_core::checks::minutes_html::escape;
use vieclam_core::format::date;
use vieclam_core::places::{self, communes, province_bounds};

/// Width of the drawing in SVG units; the height follows the province's shape.
const WIDTH: f64 = 1000.0;
/// Douglas–Peucker tolerance in degrees (0.0004° ≈ 40 m on the ground).
const SIMPLIFY_DEG: f64 = 0.0004;

/// One check on the map.
#[derive(Clone, Debug)]
pub struct MapPoint {
    /// Check id (the link).
    pub id: String,
    /// Check code (KT-…).
    pub code: String,
    /// Where the inspector's fix put the check.
    pub lat: f64,
    /// Where the inspector's fix put the check.
    pub lon: f64,
    /// The site's commune.
    pub commune_code: String,
    /// Day of the check (Vietnam time).
    pub checked_on: NaiveDate,
    /// The verdict's place code (`at_site`, `near`, `away`, …), empty when there is none.
    pub place: String,
    /// Whether the check carries any flag (away, reused photo, evidence that does not verify).
    pub flagged: bool,
    /// What hovering the point shows: borrower and verdict in words.
    pub label: String,
}

/// An inspection plan as the filter offers it.
#[derive(Clone, Debug)]
pub struct PlanOption {
    /// Plan id.
    pub id: String,
    /// Plan number and title.
    pub name: String,
    /// First day of field work.
    pub starts_on: NaiveDate,
    /// Last day of field work.
    pub ends_on: NaiveDate,
    /// Communes the plan covers.
    pub commune_codes: Vec<String>,
}

/// Which checks by their flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FlagFilter {
    /// Every check.
    #[default]
    All,
    /// Only checks with a flag.
    Flagged,
    /// Only checks without a flag.
    Clean,
}

/// The map's filters, as the form's query string carries them (`?plan=&commune=&from=&to=&flag=`).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct MapQuery {
    /// Plan id; empty for any.
    #[serde(default)]
    pub plan: String,
    /// Commune code; empty for all.
    #[serde(default)]
    pub commune: String,
    /// First day, `YYYY-MM-DD`; empty for no limit.
    #[serde(default)]
    pub from: String,
    /// Last day, `YYYY-MM-DD`; empty for no limit.
    #[serde(default)]
    pub to: String,
    /// `flagged`, `clean`, or empty for all.
    #[serde(default)]
    pub flag: String,
}

impl MapQuery {
    fn day(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
    }

    fn flag(&self) -> FlagFilter {
        match self.flag.as_str() {
            "flagged" => FlagFilter::Flagged,
            "clean" => FlagFilter::Clean,
            _ => FlagFilter::All,
        }
    }

    /// Whether `p` passes every filter; an unknown plan or a date that does not parse filters nothing out.
    pub fn keeps(&self, p: &MapPoint, plans: &[PlanOption]) -> bool {
        if let Some(plan) = plans.iter().find(|pl| pl.id == self.plan) {
            // A check belongs to a plan when it was made in one of its communes during its days of field work.
            if !plan.commune_codes.contains(&p.commune_code)
                || p.checked_on < plan.starts_on
                || p.checked_on > plan.ends_on
            {
                return false;
            }
        }
        if !self.commune.is_empty() && p.commune_code != self.commune {
            return false;
        }
        if Self::day(&self.from).is_some_and(|d| p.checked_on < d)
            || Self::day(&self.to).is_some_and(|d| p.checked_on > d)
        {
            return false;
        }
        match self.flag() {
            FlagFilter::All => true,
            FlagFilter::Flagged => p.flagged,
            FlagFilter::Clean => !p.flagged,
        }
    }
}

/// Longitude and latitude to SVG units: an equirectangular projection scaled by the cosine of the province's middle
/// latitude, so a kilometre is as long north–south as east–west (the province spans under 2°, where this is exact
/// to well under a pixel).
#[derive(Clone, Copy, Debug)]
pub struct Projection {
    min_lon: f64,
    max_lat: f64,
    scale: f64,
    cos: f64,
    /// Height of the drawing in SVG units.
    pub height: f64,
}

impl Projection {
    /// The projection of the whole province onto a drawing [`WIDTH`] units wide.
    pub fn province() -> Projection {
        let b = province_bounds().unwrap_or_else(|| geo::Rect::new((106.0, 21.3), (107.4, 22.5)));
        let cos = ((b.min().y + b.max().y) / 2.0).to_radians().cos();
        let scale = WIDTH / ((b.max().x - b.min().x) * cos);
        Projection { min_lon: b.min().x, max_lat: b.max().y, scale, cos, height: (b.max().y - b.min().y) * scale }
    }

    /// `(x, y)` in SVG units of a point at `lat`, `lon`.
    pub fn xy(&self, lat: f64, lon: f64) -> (f64, f64) {
        ((lon - self.min_lon) * self.cos * self.scale, (self.max_lat - lat) * self.scale)
    }
}

/// An SVG path of `shape` (every ring closed; holes cut by the even-odd rule).
fn path(shape: &MultiPolygon<f64>, proj: &Projection) -> String {
    let mut d = String::new();
    let simple = shape.simplify(SIMPLIFY_DEG);
    for poly in &simple {
        for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
            for (i, c) in ring.coords().enumerate() {
                let (x, y) = proj.xy(c.y, c.x);
                let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
    }
    d
}

/// Every commune's `(code, name, path)`, drawn once per process.
fn commune_paths() -> &'static [(String, String, String)] {
    static PATHS: OnceLock<Vec<(String, String, String)>> = OnceLock::new();
    PATHS.get_or_init(|| {
        let proj = Projection::province();
        communes()
            .iter()
            .filter_map(|c| places::boundary(&c.code).map(|b| (c.code.clone(), c.name.clone(), path(b, &proj))))
            .collect()
    })
}

/// The colour class of a point: any flag is red whatever the verdict; otherwise by where the inspector stood.
fn class(p: &MapPoint) -> &'static str {
    if p.flagged {
        "flag"
    } else {
        match p.place.as_str() {
            "at_site" => "ok",
            "near" => "near",
            _ => "none",
        }
    }
}

/// The part of the drawing to show: the whole province, or the `highlight` commune with a margin around it (a
/// clerk filtering on one commune wants to tell its checks apart). `(x, y, width, height)` in SVG units.
fn view(proj: &Projection, highlight: &str) -> (f64, f64, f64, f64) {
    match places::bounds(highlight) {
        Some(b) => {
            let (x0, y0) = proj.xy(b.max().y, b.min().x);
            let (x1, y1) = proj.xy(b.min().y, b.max().x);
            let margin = 0.15 * (x1 - x0).max(y1 - y0);
            (x0 - margin, y0 - margin, x1 - x0 + 2.0 * margin, y1 - y0 + 2.0 * margin)
        }
        None => (0.0, 0.0, WIDTH, proj.height),
    }
}

/// The SVG of the province with `points` on it; with a `highlight` commune, that commune outlined and filling the
/// view.
pub fn svg(points: &[&MapPoint], highlight: &str) -> String {
    let proj = Projection::province();
    let (vx, vy, vw, vh) = view(&proj, highlight);
    // Points and lines keep their size on screen however far the view is zoomed in.
    let zoom = vw / WIDTH;
    let label = escape(&vieclam_core::messages::dashboard::MAP_OF_CHECKS.joined(&[]));
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{vx:.1} {vy:.1} {vw:.1} {vh:.1}\" role=\"img\" \
         class=\"map\" aria-label=\"{label}\" style=\"--zoom:{zoom:.4}\">"
    );
    // The highlighted commune last, so no neighbour's fill covers its outline.
    let (on, rest): (Vec<_>, Vec<_>) = commune_paths().iter().partition(|(code, _, _)| code == highlight);
    for (code, name, d) in rest.into_iter().chain(on) {
        let cls = if code == highlight { "commune on" } else { "commune" };
        let _ =
            write!(s, "<path class=\"{cls}\" data-commune=\"{code}\" d=\"{d}\"><title>{}</title></path>", escape(name));
    }
    let r = 5.0 * zoom;
    for p in points {
        let (x, y) = proj.xy(p.lat, p.lon);
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let _ = write!(
            s,
            "<a href=\"/office/checks/{}\"><circle class=\"pt {}\" cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"{r:.2}\" \
             data-check=\"{}\"><title>{} · {} · {}</title></circle></a>",
            escape(&p.id),
            class(p),
            escape(&p.id),
            escape(&p.code),
            date(p.checked_on),
            escape(&p.label)
        );
    }
    s.push_str("</svg>");
    s
}

/// The map's own styles: communes as a quiet base, points coloured with a dark ring so they read on any commune.
pub const MAP_STYLE: &str = ".map{width:100%;height:auto;background:#eef3f7;border:1px solid #bbb}\
.commune{fill:#fdfdf8;stroke:#8a8a8a;stroke-width:calc(.8px * var(--zoom))}.commune:hover{fill:#f1eed8}\
.commune.on{fill:#fff4c2;stroke:#333;stroke-width:calc(2px * var(--zoom))}.pt{stroke:#222;stroke-width:calc(1px * var(--zoom))}.pt.ok{fill:#2e7d32}.pt.near{fill:#f9a825}\
.pt.flag{fill:#c62828}.pt.none{fill:#9e9e9e}.legend span.sw{display:inline-block;width:.8rem;height:.8rem;\
border:1px solid #222;border-radius:50%;margin:0 .3rem 0 1rem;vertical-align:middle}";
