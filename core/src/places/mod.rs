//! Places: Lạng Sơn's 65 commune-level units (since 1 July 2025) and their boundaries, shipped inside the core.
//!
//! The list and the boundaries come from `core/data` (see its NOTICE.md for sources and the MIT notice).

mod band_index;
pub mod boundaries;
pub mod communes;
pub mod frame;
pub mod geo;

pub use boundaries::{boundary, bounds, commune_at, province_bounds};
pub use communes::{COMMUNE_LIST, Commune, CommuneKind, PROVINCE_CODE, commune, communes};
pub use frame::{MapFrame, map_frame};
pub use geo::{EARTH_RADIUS_M, centroid, degrees_box, distance_m, random_point_in};
