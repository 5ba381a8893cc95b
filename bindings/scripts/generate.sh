#!/usr/bin/env bash
# Generates the Kotlin and Swift bindings of vieclam-ffi from the built library (uniffi library mode).
#
# Usage: bindings/scripts/generate.sh [debug|release] OUT_DIR
#   OUT_DIR gets vn/gov/langson/vieclam/core/vieclam_ffi.kt, VieclamCore.swift,
#   VieclamCoreFFI.h and VieclamCoreFFI.modulemap. Generated code is build output: keep it under build/.
# Needs: cargo. Honours CARGO_TARGET_DIR.
#
# The library and the bindgen binary are built by two separate cargo commands: built together, cargo unifies
# their features and the shipped library picks up the bindgen's dependencies. The bindgen is built first so the
# library built last is the one left in the target folder.
set -euo pipefail

profile=${1:-debug}
out=${2:?usage: generate.sh [debug|release] OUT_DIR}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}

case "$profile" in
  debug) release_flag=() ;;
  release) release_flag=(--release) ;;
  *) echo "generate.sh: profile must be debug or release, not '$profile'" >&2; exit 2 ;;
esac
case "$(uname -s)" in
  Darwin) lib_file=libvieclam_ffi.dylib ;;
  *) lib_file=libvieclam_ffi.so ;;
esac
command -v cargo >/dev/null || { echo "generate.sh: cargo not found (install Rust with rustup)" >&2; exit 1; }

# The bindgen is a build tool: always a debug build, whatever the library's profile, and its own heavy crates
# unoptimised (the workspace optimises every dependency for the tests' sake; for uniffi_bindgen that cost minutes
# of CPU, 573 s against 227 s here, for a tool that runs under a second). Only crates the library never uses are
# listed, so nothing shared with the library is built twice.
bindgen_config=()
for crate in uniffi_bindgen uniffi_udl weedle2 askama askama_parser goblin clap_builder nom textwrap; do
  bindgen_config+=(--config "profile.dev.package.$crate.opt-level=0")
done

cd "$root"
cargo build --quiet "${bindgen_config[@]}" -p vieclam-ffi --bin uniffi-bindgen --features cli
cargo build --quiet "${release_flag[@]}" -p vieclam-ffi --lib

mkdir -p "$out"
"$target/debug/uniffi-bindgen" generate "$target/$profile/$lib_file" \
  --language kotlin --language swift --out-dir "$out" --no-format
echo "bindings for $target/$profile/$lib_file written to $out" >&2
