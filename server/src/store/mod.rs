//! What the server keeps, above the raw database: records and their scope, office batches, accounts, devices and
//! tokens, plans.

pub mod accounts;
pub mod grouping;
pub mod office;
pub mod photos;
pub mod records;
