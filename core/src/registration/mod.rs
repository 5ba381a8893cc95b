//! Returning workers' registrations (to be written).
