//! Words of the photo pipeline (to be written).
