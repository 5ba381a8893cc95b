//! Decodes a camera JPEG to RGB, refusing what is not a JPEG, what is damaged, and what is too big to hold in a
//! phone's memory, before any large buffer is allocated.

use zune_jpeg::JpegDecoder;
use zune_jpeg::zune_core::bytestream::ZCursor;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;

use super::PhotoError;
use super::raster::RgbImage;
use crate::evidence::exif::is_jpeg;

/// Decodes `input` to 8-bit RGB. Grey and CMYK JPEGs come out as RGB too.
pub(super) fn decode(input: &[u8], max_pixels: u64) -> Result<RgbImage, PhotoError> {
    if !is_jpeg(input) {
        return Err(PhotoError::NotJpeg);
    }
    // The "fast" options only switch on the SIMD paths the CPU has; the bounds checks stay.
    let options = DecoderOptions::new_fast().jpeg_set_out_colorspace(ColorSpace::RGB);
    let mut decoder = JpegDecoder::new_with_options(ZCursor::new(input), options);
    decoder.decode_headers().map_err(|e| PhotoError::Corrupt(e.to_string()))?;
    let (width, height) = decoder
        .info()
        .map(|i| (u32::from(i.width), u32::from(i.height)))
        .ok_or_else(|| PhotoError::Corrupt("no frame header".to_owned()))?;
    if width == 0 || height == 0 {
        return Err(PhotoError::Corrupt("the image has no pixels".to_owned()));
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels > max_pixels {
        return Err(PhotoError::TooLarge(format!("{width}×{height} pixels > {max_pixels}")));
    }
    let size = decoder
        .output_buffer_size()
        .filter(|&n| n == pixels as usize * 3)
        .ok_or_else(|| PhotoError::Corrupt("unexpected output size".to_owned()))?;
    let mut data = vec![0u8; size];
    decoder.decode_into(&mut data).map_err(|e| PhotoError::Corrupt(e.to_string()))?;
    Ok(RgbImage { width, height, data })
}
