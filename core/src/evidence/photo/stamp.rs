//! The visible stamp: a dark translucent band across the bottom of the photo with three lines of white text (fix
//! time with its offset, coordinates with accuracy, commune and check code).
//!
//! The text is drawn with a bundled font (`core/assets/fonts/VieclamStamp-Bold.ttf`, a Latin + Vietnamese cut of
//! Noto Sans Bold) so that every phone stamps "Đình Lập" the same way, whatever fonts it has. The rasteriser does not
//! position combining marks, so text is composed to NFC first: every Vietnamese letter then has its own glyph.

use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont, point};
use unicode_normalization::UnicodeNormalization;

use super::Stamp;
use super::raster::RgbImage;

/// The stamp font, compiled in (33 KB).
const FONT_BYTES: &[u8] = include_bytes!("../../../assets/fonts/VieclamStamp-Bold.ttf");

/// How much of the underlying picture shows through the band, out of 256.
const BAND_KEEP: u32 = 96;

/// The stamp's lines as drawn: time, coordinates with accuracy, commune and check code. Shells may show the same
/// text beside the photo.
pub fn stamp_lines(stamp: &Stamp) -> Vec<String> {
    let hemisphere = |v: f64, pos: char, neg: char| if v < 0.0 { neg } else { pos };
    let place = clean(&stamp.commune_name);
    let code = clean(&stamp.check_code);
    vec![
        stamp.taken_at.format("%d/%m/%Y %H:%M:%S %:z").to_string(),
        format!(
            "{:.6}° {}, {:.6}° {} ±{} m",
            stamp.lat.abs(),
            hemisphere(stamp.lat, 'N', 'S'),
            stamp.lon.abs(),
            hemisphere(stamp.lon, 'E', 'W'),
            stamp.accuracy_m.round()
        ),
        match (place.is_empty(), code.is_empty()) {
            (false, false) => format!("{place} · {code}"),
            (true, _) => code,
            (false, true) => place,
        },
    ]
}

/// The characters of `text` (after NFC composition) that the stamp font has no glyph for.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let Ok(font) = FontRef::try_from_slice(FONT_BYTES) else {
        return text.chars().collect();
    };
    let mut missing: Vec<char> = text.nfc().filter(|c| !c.is_control() && font.glyph_id(*c) == GlyphId(0)).collect();
    missing.dedup();
    missing
}

/// Draws the band and the text onto the bottom of `image`. A font that fails to load (it is compiled in, so only
/// a broken build) leaves the band without text rather than failing the photo.
pub(crate) fn draw(image: &mut RgbImage, stamp: &Stamp) {
    let lines = stamp_lines(stamp);
    let font = FontRef::try_from_slice(FONT_BYTES).ok();
    let layout = layout(image, font.as_ref(), &lines);
    darken_band(image, layout.band_top);
    if let Some(font) = font {
        for (i, line) in lines.iter().enumerate() {
            let baseline = layout.first_baseline + layout.line_height * i as f32;
            draw_line(image, &font, layout.px, layout.pad, baseline, line);
        }
    }
}

/// Where things go: font size in pixels, left padding, line spacing, first baseline and the band's top row.
struct Layout {
    px: f32,
    pad: f32,
    line_height: f32,
    first_baseline: f32,
    band_top: u32,
}

fn layout(image: &RgbImage, font: Option<&FontRef<'_>>, lines: &[String]) -> Layout {
    let short = image.width.min(image.height) as f32;
    // About 1/36 of the short edge (33 px on a 1600×1200 photo): readable on a phone, not hiding the subject.
    let mut px = (short / 36.0).clamp(8.0, 64.0);
    if let Some(font) = font {
        // A long commune name or a narrow picture: shrink the text until the widest line fits.
        let widest = lines.iter().map(|l| line_width(font, px, l)).fold(0.0, f32::max);
        let room = image.width as f32 - px; // half a line-height of padding each side
        if widest > room && widest > 0.0 {
            px = (px * room / widest).max(4.0);
        }
    }
    let pad = px * 0.5;
    let line_height = px * 1.3;
    let band_height = (line_height * lines.len() as f32 + pad * 2.0).ceil() as u32;
    let band_top = image.height.saturating_sub(band_height);
    let ascent = font.map_or(px * 0.8, |f| f.as_scaled(PxScale::from(px)).ascent());
    Layout { px, pad, line_height, first_baseline: band_top as f32 + pad + ascent, band_top }
}

fn line_width(font: &FontRef<'_>, px: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    let mut width = 0.0;
    let mut prev: Option<GlyphId> = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            width += scaled.kern(p, id);
        }
        width += scaled.h_advance(id);
        prev = Some(id);
    }
    width
}

/// Darkens every row from `top` down, keeping `BAND_KEEP`/256 of each channel.
fn darken_band(image: &mut RgbImage, top: u32) {
    let start = image.index(0, top.min(image.height.saturating_sub(1)));
    for byte in image.data.iter_mut().skip(start) {
        *byte = ((u32::from(*byte) * BAND_KEEP) >> 8) as u8;
    }
}

/// Draws one line of white text with its left edge at `x` and its baseline at `baseline`, blending by coverage and
/// clipping at the picture's edges.
fn draw_line(image: &mut RgbImage, font: &FontRef<'_>, px: f32, x: f32, baseline: f32, text: &str) {
    let scaled = font.as_scaled(PxScale::from(px));
    let mut caret = x;
    let mut prev: Option<GlyphId> = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        let glyph = id.with_scale_and_position(px, point(caret, baseline));
        caret += scaled.h_advance(id);
        prev = Some(id);
        let Some(outlined) = font.outline_glyph(glyph) else { continue };
        let bounds = outlined.px_bounds();
        let (left, top) = (bounds.min.x as i64, bounds.min.y as i64);
        outlined.draw(|gx, gy, coverage| {
            let (px_x, px_y) = (left + i64::from(gx), top + i64::from(gy));
            if px_x < 0 || px_y < 0 || px_x >= i64::from(image.width) || px_y >= i64::from(image.height) {
                return;
            }
            let i = image.index(px_x as u32, px_y as u32);
            let alpha = coverage.clamp(0.0, 1.0);
            for byte in &mut image.data[i..i + 3] {
                *byte = (f32::from(*byte) + (255.0 - f32::from(*byte)) * alpha).round() as u8;
            }
        });
    }
}

/// NFC, with control characters (a stray newline or tab in a name) turned into spaces and the ends trimmed.
fn clean(text: &str) -> String {
    let composed: String = text.nfc().map(|c| if c.is_control() { ' ' } else { c }).collect();
    composed.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_has_every_vietnamese_letter() {
        assert_eq!(missing_glyphs("Đình Lập, Lộc Bình, Thất Khê, Hữu Liên, Mẫu Sơn"), Vec::<char>::new());
        let alphabet = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY aăâbcdđeêghiklmnoôơpqrstuưvxy";
        let tones = "àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ";
        let upper = tones.to_uppercase();
        assert_eq!(missing_glyphs(&format!("{alphabet}{tones}{upper}0123456789°±·:/,.+-–₫")), Vec::<char>::new());
        // Decomposed input (as some keyboards send it) is composed before lookup.
        assert_eq!(missing_glyphs("Lo\u{0323}\u{0302}c Bi\u{0300}nh"), Vec::<char>::new());
        assert_eq!(missing_glyphs("漢"), vec!['漢']);
    }

    #[test]
    fn lines_read_as_the_inspector_expects() {
        let stamp = crate::evidence::photo::tests::sample_stamp();
        assert_eq!(
            stamp_lines(&stamp),
            vec![
                "14/10/2025 09:41:07 +07:00".to_owned(),
                "21.545123° N, 107.095432° E ±6 m".to_owned(),
                "Đình Lập · KT-DL-014".to_owned(),
            ]
        );
        let south_west = Stamp { lat: -33.5, lon: -70.25, accuracy_m: 12.4, ..stamp };
        assert_eq!(stamp_lines(&south_west)[1], "33.500000° S, 70.250000° W ±12 m");
    }
}
