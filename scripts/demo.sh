#!/usr/bin/env bash
# The main job, on its embedded default: the sync server with its office dashboard on embedded SQLite, seeded once
# with a demo province (loans, borrowers, sites, three inspectors, two current plans with their teams and their
# field work: signed site checks with photos and commune reviews, made through the core as phones make them;
# activation codes), listening on http://127.0.0.1:8080 until Ctrl-C. It prints how to sign in and what the demo
# holds. Data lives in ./demo-data/server (delete the folder to start over). Also builds `vieclam`, the terminal
# shell that syncs against it (see the README).
#
# Debug builds (dependencies are optimised in them, see Cargo.toml): a fresh machine compiles in minutes rather
# than the release profile's much longer link-time optimisation. VIECLAM_LISTEN changes the address.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -p vieclam-server -p vieclam-cli
exec "${CARGO_TARGET_DIR:-target}/debug/vieclam-server" --data demo-data/server serve --demo --listen "${VIECLAM_LISTEN:-127.0.0.1:8080}"
