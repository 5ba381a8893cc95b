//! Encodes the stamped picture as a baseline JPEG with our EXIF block, stepping the quality down when the result
//! would pass the byte budget (design P5: ≤ 400 KB), so that an unusually busy scene still uploads on a slow link.

use jpeg_encoder::{ColorType, Encoder};

use super::raster::RgbImage;
use super::{PhotoError, PhotoSettings, Stamp};
use crate::evidence::exif::write::stamp_exif;

/// Quality drops by this much per try when the output is over budget.
const QUALITY_STEP: u8 = 10;

/// The final JPEG bytes. Past the budget even at `min_quality`, the smallest try is returned: a readable photo
/// slightly over budget is worth more to an inspection than no photo.
pub(super) fn encode(image: &RgbImage, stamp: &Stamp, s: &PhotoSettings) -> Result<Vec<u8>, PhotoError> {
    let exif = stamp_exif(stamp, image.width, image.height).map_err(|e| PhotoError::Encode(format!("EXIF: {e}")))?;
    let min_quality = s.min_quality.clamp(1, 100);
    let mut quality = s.quality.clamp(min_quality, 100);
    loop {
        let jpeg = encode_at(image, &exif, quality)?;
        if jpeg.len() <= s.max_output_bytes || quality == min_quality {
            return Ok(jpeg);
        }
        quality = quality.saturating_sub(QUALITY_STEP).max(min_quality);
    }
}

fn encode_at(image: &RgbImage, exif: &[u8], quality: u8) -> Result<Vec<u8>, PhotoError> {
    let fail = |e: jpeg_encoder::EncodingError| PhotoError::Encode(e.to_string());
    let too_wide = || PhotoError::Encode(format!("{}×{} is beyond JPEG's limits", image.width, image.height));
    let width = u16::try_from(image.width).map_err(|_| too_wide())?;
    let height = u16::try_from(image.height).map_err(|_| too_wide())?;
    let mut out = Vec::with_capacity(image.data.len() / 8);
    let mut encoder = Encoder::new(&mut out, quality);
    // Standard Huffman tables, not optimised ones: jpeg-encoder 0.7's optimised tables for flat areas come out
    // wrong through zune-jpeg 0.5 (libjpeg reads them fine), and the photo must decode in every reader, ours too.
    encoder.set_optimized_huffman_tables(false);
    encoder.add_exif_metadata(exif).map_err(fail)?;
    encoder.encode(&image.data, width, height, ColorType::Rgb).map_err(fail)?;
    Ok(out)
}
