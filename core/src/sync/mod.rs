//! Sync with the office server: the `/v1` protocol's bodies ([`wire`]) shared with the server.

pub mod wire;
