//! The decoded picture in memory and the two geometric steps on it: shrink so the long edge fits, and turn it
//! upright by the camera's EXIF orientation.

use fast_image_resize::images::{TypedImage, TypedImageRef};
use fast_image_resize::pixels::U8x3;
use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};

use super::PhotoError;

/// An 8-bit RGB picture, rows top to bottom, 3 bytes a pixel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RgbImage {
    pub width: u32,
    pub height: u32,
    pub data: Vec<u8>,
}

impl RgbImage {
    /// Byte index of pixel (x, y); callers keep x < width and y < height.
    pub(crate) fn index(&self, x: u32, y: u32) -> usize {
        (y as usize * self.width as usize + x as usize) * 3
    }
}

/// The size that makes the long edge `long_edge`, keeping the aspect ratio; the same size when already that small.
pub(crate) fn fitted_size(width: u32, height: u32, long_edge: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= long_edge || long_edge == 0 {
        return (width, height);
    }
    let scale = f64::from(long_edge) / f64::from(long);
    let side = |n: u32| ((f64::from(n) * scale).round() as u32).clamp(1, long_edge);
    (side(width), side(height))
}

/// Shrinks `image` so its long edge is `long_edge`; never enlarges.
pub(crate) fn resize_long_edge(image: RgbImage, long_edge: u32) -> Result<RgbImage, PhotoError> {
    let (width, height) = fitted_size(image.width, image.height, long_edge);
    if (width, height) == (image.width, image.height) {
        return Ok(image);
    }
    let fail = |e: &dyn std::fmt::Display| PhotoError::Encode(format!("resize: {e}"));
    let mut data = vec![0u8; width as usize * height as usize * 3];
    // Typed (RGB only) rather than the dynamic `resize`, which would compile in every pixel format the crate has:
    // the library's size is budgeted.
    let src = TypedImageRef::<U8x3>::from_buffer(image.width, image.height, &image.data).map_err(|e| fail(&e))?;
    let mut dst = TypedImage::<U8x3>::from_buffer(width, height, &mut data).map_err(|e| fail(&e))?;
    // Hamming: bicubic-like sharpness for downscaling at bilinear cost.
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Hamming));
    Resizer::new().resize_typed(&src, &mut dst, &options).map_err(|e| fail(&e))?;
    Ok(RgbImage { width, height, data })
}

/// The EXIF orientation that means "turn `degrees` clockwise to view" (0 → 1, 90 → 6, 180 → 3, 270 → 8); `None` for
/// any other angle.
pub(crate) fn orientation_of_rotation(degrees: u16) -> Option<u16> {
    match degrees {
        0 => Some(1),
        90 => Some(6),
        180 => Some(3),
        270 => Some(8),
        _ => None,
    }
}

/// Turns `image` upright according to EXIF `orientation` (1–8; anything else is left as is).
pub(crate) fn orient(image: RgbImage, orientation: u16) -> RgbImage {
    if !(2..=8).contains(&orientation) {
        return image;
    }
    let (w, h) = (image.width, image.height);
    let swaps = orientation >= 5;
    let (out_w, out_h) = if swaps { (h, w) } else { (w, h) };
    let mut out = RgbImage { width: out_w, height: out_h, data: vec![0; image.data.len()] };
    for y in 0..out_h {
        for x in 0..out_w {
            // Where the upright pixel (x, y) sits in the stored picture.
            let (sx, sy) = match orientation {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                _ => (w - 1 - y, x), // 8
            };
            let (d, s) = (out.index(x, y), image.index(sx, sy));
            out.data[d..d + 3].copy_from_slice(&image.data[s..s + 3]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3×2 picture whose pixels are numbered 0..6 in the red channel, row by row.
    fn numbered() -> RgbImage {
        RgbImage { width: 3, height: 2, data: (0..6).flat_map(|n| [n, 0, 0]).collect() }
    }

    fn reds(image: &RgbImage) -> Vec<u8> {
        image.data.chunks(3).map(|p| p[0]).collect()
    }

    #[test]
    fn orientations_match_the_exif_definitions() {
        // Stored:  0 1 2
        //          3 4 5
        let cases: [(u16, (u32, u32), [u8; 6]); 8] = [
            (1, (3, 2), [0, 1, 2, 3, 4, 5]),
            (2, (3, 2), [2, 1, 0, 5, 4, 3]),
            (3, (3, 2), [5, 4, 3, 2, 1, 0]),
            (4, (3, 2), [3, 4, 5, 0, 1, 2]),
            (5, (2, 3), [0, 3, 1, 4, 2, 5]),
            (6, (2, 3), [3, 0, 4, 1, 5, 2]),
            (7, (2, 3), [5, 2, 4, 1, 3, 0]),
            (8, (2, 3), [2, 5, 1, 4, 0, 3]),
        ];
        for (orientation, size, expected) in cases {
            let out = orient(numbered(), orientation);
            assert_eq!((out.width, out.height), size, "orientation {orientation}");
            assert_eq!(reds(&out), expected, "orientation {orientation}");
        }
        assert_eq!(orient(numbered(), 0), numbered());
        assert_eq!(orient(numbered(), 9), numbered());
    }

    #[test]
    fn fits_the_long_edge_and_never_enlarges() {
        assert_eq!(fitted_size(4000, 3000, 1600), (1600, 1200));
        assert_eq!(fitted_size(3000, 4000, 1600), (1200, 1600));
        assert_eq!(fitted_size(1024, 768, 1600), (1024, 768));
        assert_eq!(fitted_size(65535, 1, 1600), (1600, 1));
    }
}
