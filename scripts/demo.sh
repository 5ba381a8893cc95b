#!/usr/bin/env bash
# The main job, on its embedded default: build `vieclam`, make an encrypted store with a 1,000-loan demo province in
# ./demo-data, and search it without diacritics. Safe to run again (it recreates the demo store).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p vieclam-cli
bin=target/release/vieclam
"$bin" --home demo-data init --demo 1000 --force
"$bin" --home demo-data loans --search "dinh lap"
