//! Geodesy helpers (to be written).
