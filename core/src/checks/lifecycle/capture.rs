//! From the camera's bytes to a photo on a check: stamp, geotag, hash and store the JPEG through the photo
//! pipeline, then record it (flags, signature, outbox) on the check.
//!
//! The file is stored before the record is written: if the record then fails, an unreferenced file is left in the
//! content-addressed store (harmless, and the same bytes are found again on a retry); the reverse order could leave
//! a signed record whose photo is missing.

use chrono::{DateTime, FixedOffset, Utc};

use super::photos::{PhotoFlags, add_photo};
use super::{CheckFix, EvidenceSigner, PhotoInput, PhotoRules, record};
use crate::checks::settings::CheckSettings;
use crate::error::{Error, Result};
use crate::evidence::photo::{PhotoSettings, PhotoStore, Stamp, process_turned};
use crate::store::Store;

/// Vietnam's offset, in which stamps show the time.
const VIETNAM: i32 = 7 * 3600;

/// A photo as taken and recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct TakenPhoto {
    /// The photo record's id.
    pub id: String,
    /// SHA-256 of the stored JPEG (its name in the photo store).
    pub sha256: String,
    /// Width of the stored JPEG.
    pub width: u32,
    /// Height of the stored JPEG.
    pub height: u32,
    /// Size of the stored JPEG in bytes.
    pub size_bytes: u64,
    /// What the check found odd about it.
    pub flags: PhotoFlags,
}

/// Takes `jpeg` (the camera's bytes, upright or saying its way up in its EXIF) into open check `check_id`, taken at
/// `now` at `position` with `accuracy_m` (default: where and how precisely the check started).
#[allow(clippy::too_many_arguments)]
pub fn take_photo(
    store: &mut Store,
    signer: &dyn EvidenceSigner,
    check_id: &str,
    jpeg: &[u8],
    position: Option<(f64, f64)>,
    accuracy_m: Option<f64>,
    photos: &PhotoStore,
    settings: &CheckSettings,
    now: DateTime<Utc>,
) -> Result<TakenPhoto> {
    let camera = CameraJpeg { bytes: jpeg, rotation_degrees: 0 };
    take_photo_turned(store, signer, check_id, camera, position, accuracy_m, photos, settings, now)
}

/// A camera's JPEG and the clockwise turn its camera says the pixels need to be upright (0, 90, 180 or 270; see
/// [`crate::evidence::photo::process_turned`] for how it combines with the EXIF orientation).
#[derive(Clone, Copy, Debug)]
pub struct CameraJpeg<'a> {
    /// The file as the camera gave it.
    pub bytes: &'a [u8],
    /// Android CameraX's `ImageInfo.rotationDegrees`; 0 where the camera writes its EXIF (iOS, files).
    pub rotation_degrees: u16,
}

/// [`take_photo`] for a camera that reports its rotation beside the bytes: the photo is stored upright. An angle
/// that is not a right angle is `Invalid` on `photo` (`photo.bad_rotation`) and nothing is stored.
#[allow(clippy::too_many_arguments)]
pub fn take_photo_turned(
    store: &mut Store,
    signer: &dyn EvidenceSigner,
    check_id: &str,
    camera: CameraJpeg<'_>,
    position: Option<(f64, f64)>,
    accuracy_m: Option<f64>,
    photos: &PhotoStore,
    settings: &CheckSettings,
    now: DateTime<Utc>,
) -> Result<TakenPhoto> {
    let check = record::load_open(store.conn(), check_id)?;
    let (lat, lon) = position.unwrap_or((check.fix.lat, check.fix.lon));
    let fix = CheckFix {
        lat,
        lon,
        accuracy_m: accuracy_m.unwrap_or(check.fix.accuracy_m),
        altitude_m: if position.is_some() { None } else { check.fix.altitude_m },
        time: now,
        provider: check.fix.provider.clone(),
        satellites: None,
        mocked: check.fix.mocked,
    };
    fix.check().map_err(Error::from)?;
    let commune_name = crate::places::commune(&check.commune_code)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| check.commune_code.clone());
    let stamp = Stamp {
        taken_at: now.with_timezone(&FixedOffset::east_opt(VIETNAM).expect("valid offset")),
        lat,
        lon,
        altitude_m: fix.altitude_m,
        accuracy_m: fix.accuracy_m,
        commune_name,
        check_code: check.code.clone(),
        check_id: check.id.clone(),
    };
    let processed = process_turned(camera.bytes, camera.rotation_degrees, &stamp, &PhotoSettings::default())
        .map_err(Error::from)?;
    let sha256 = photos.put(&processed.jpeg).map_err(Error::from)?;
    let input = PhotoInput {
        sha256: sha256.clone(),
        width: processed.width,
        height: processed.height,
        size_bytes: processed.jpeg.len() as u64,
        taken_at: now,
        fix,
        source_gps: processed.source.gps.map(|g| (g.lat, g.lon)),
    };
    let added = add_photo(store, signer, check_id, &input, &PhotoRules::from(settings))?;
    Ok(TakenPhoto {
        id: added.id,
        sha256,
        width: processed.width,
        height: processed.height,
        size_bytes: input.size_bytes,
        flags: added.flags,
    })
}
