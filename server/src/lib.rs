//! The Vieclam sync server: the `/v1` protocol over embedded SQLite or PostgreSQL, accounts and devices, resumable
//! photo uploads, loans imported from the bank's export, the office dashboard, and the admin commands that work on
//! the same database. `main.rs` is only the command line over this library.

pub mod admin;
pub mod api;
pub mod auth;
pub mod dashboard;
pub mod db;
pub mod demo;
pub mod enterprises;
pub mod error;
pub mod import;
pub mod plans;
pub mod publish;
pub mod ratelimit;
pub mod report;
pub mod rules;
pub mod serve;
pub mod state;
pub mod store;
pub mod uploads;
pub mod web;
