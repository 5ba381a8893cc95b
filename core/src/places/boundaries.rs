//! Commune boundaries (to be written).
