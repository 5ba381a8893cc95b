#!/usr/bin/env bash
# The project's one test command (used by CI): rustfmt and clippy (any difference or warning fails), every Rust
# test of the workspace (the server's and the end-to-end
# tests start real server processes, on embedded SQLite and on a throwaway PostgreSQL cluster of their own unless
# DATABASE_URL is set), then the Kotlin tests of the bindings on the JVM (one of them syncs against a real server),
# then the Compose screenshot tests of the app screens (PNGs left in build/screenshots/), then the Android `ui` module
# compiled with the app's own Kotlin version and the `app` module compiled on the JVM. Honours CARGO_TARGET_DIR; see
# tests/kotlin/run.sh, scripts/screenshots.sh and scripts/android-*-jvm.sh for what the JVM halves need.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# House rules first: formatting and lints (the workspace's [workspace.lints], every warning an error).
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
# The fuzz targets (fuzz/, a crate of its own) must compile. Checked on the stable compiler against the same target
# folder, so the dependencies clippy has just checked are reused (a nightly build with sanitizers costs many more
# minutes); scripts/fuzz.sh builds and runs them with the nightly compiler.
CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target} cargo check --manifest-path fuzz/Cargo.toml --bins

# The end-to-end tests (tests/e2e) drive the real binaries, which `cargo test` does not build for another package.
cargo build -p vieclam-server -p vieclam-cli
cargo test --workspace
tests/kotlin/run.sh
scripts/screenshots.sh
# The Android ui module alone (with its bindings) compiled by the Kotlin the app is built with (libs.versions.toml's
# kotlin, from Maven Central; the steps around it use kotlin-toolchain.sh's newer kotlinc), Compose plugin on.
scripts/android-ui-jvm.sh
# The Android app module's Kotlin compiled on the JVM (android-all API 36, AndroidX from Maven Central, CameraX stubs).
scripts/android-app-jvm.sh
