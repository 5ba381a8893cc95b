//! Words of the signature verifier (to be written).
