#!/usr/bin/env bash
# The project's one test command (used by CI): every Rust test of the workspace, then the Kotlin tests of the
# bindings on the JVM. Honours CARGO_TARGET_DIR; see tests/kotlin/run.sh for what the Kotlin half needs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo test --workspace
tests/kotlin/run.sh
