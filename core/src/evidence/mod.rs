//! Evidence an auditor can trust: stamped and geotagged photos, EXIF reading, device signatures and hash chains.

pub mod binding;
pub mod exif;
pub mod photo;
pub mod signing;
