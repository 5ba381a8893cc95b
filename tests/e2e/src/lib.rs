//! `vieclam-e2e`: what the end-to-end tests, the fault rounds and the sync benchmarks stand on.
//!
//! The tests drive the real binaries (`vieclam-server`, `vieclam`) as child processes, the way an office and a
//! field device would: [`bins`] finds them next to the test executable, [`server`] starts, stops and restarts the
//! server on a free port, [`postgres`] gives each test a fresh database in a throwaway PostgreSQL cluster, and
//! [`proxy`] sits between client and server and injects the faults of the field (dropped, delayed, cut,
//! duplicated connections) from a seeded RNG, so a failing round can be replayed from its seed. [`cli`] drives a
//! field device (`vieclam --home DIR`), and [`loans_csv`] writes the bank exports the office imports.

pub mod bins;
pub mod chain;
pub mod cli;
pub mod cpu;
pub mod error;
pub mod fixtures;
pub mod http;
pub mod loans_csv;
pub mod net;
pub mod postgres;
pub mod proxy;
pub mod rounds;
pub mod server;
pub mod wire;

pub use error::{HarnessError, Result};
