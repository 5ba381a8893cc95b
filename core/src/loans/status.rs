//! A loan's status on a date (to be written).
