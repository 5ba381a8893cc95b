//! The demo inspectors' camera: a small real JPEG (640×480, no EXIF of its own, like a phone camera whose location
//! tagging is off), its pixels a field-like picture that depends on the shot, so no two photos share a hash and the
//! core's photo pipeline (decode, stamp, geotag, hash) runs on real bytes.

/// Width and height of a shot.
const SIZE: (u16, u16) = (640, 480);

/// The JPEG bytes of shot number `shot`: sky over green and brown bands, shifted and tinted by the shot.
pub fn shot(shot: u32) -> Result<Vec<u8>, String> {
    let (w, h) = SIZE;
    let tint = (shot.wrapping_mul(37) % 64) as u8;
    let horizon = 140 + (shot % 7) as usize * 12;
    let mut rgb = Vec::with_capacity(w as usize * h as usize * 3);
    for y in 0..h as usize {
        for x in 0..w as usize {
            let pixel = if y < horizon {
                // A pale sky, lighter towards the horizon.
                [150 + (y * 60 / horizon) as u8, 190 + (y * 40 / horizon) as u8, 235]
            } else {
                // Rows of crops: bands whose width and slope depend on the shot.
                let band =
                    (x + (y - horizon) * (1 + shot as usize % 3) + shot as usize * 11) / (18 + shot as usize % 9);
                if band.is_multiple_of(3) {
                    [110u8.wrapping_add(tint), 85, 50]
                } else {
                    [40, 120u8.wrapping_add(tint / 2) + (x % 13) as u8, 45u8.wrapping_add(tint / 3)]
                }
            };
            rgb.extend_from_slice(&pixel);
        }
    }
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 85)
        .encode(&rgb, w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| format!("JPEG: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shots_are_real_jpegs_and_never_the_same() {
        let (a, b) = (shot(1).expect("a JPEG"), shot(2).expect("a JPEG"));
        assert_eq!(&a[..2], [0xFF, 0xD8], "starts as a JPEG");
        assert_eq!(&a[a.len() - 2..], [0xFF, 0xD9], "ends as a JPEG");
        assert_ne!(a, b);
        assert!(a.len() < 200_000, "a small photo: {} bytes", a.len());
    }
}
