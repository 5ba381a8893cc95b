#!/usr/bin/env bash
# Builds VieclamCore.xcframework (device + simulator static libraries) and its Swift bindings.
#
# Usage: bindings/scripts/build-ios.sh [OUT_DIR]   (default build/ios)
#   OUT_DIR gets VieclamCoreFFI.xcframework (static library, the two components' headers and one module map for
#   both: generate.sh) and, in swift/, VieclamCore.swift (vieclam_ffi) and VieclamCoreRecords.swift (the core's own
#   records and enums), which the Swift package ios/VieclamCoreKit compiles together in its `VieclamCore` target.
# Needs: macOS with Xcode (xcodebuild, lipo) and the Rust targets:
#   rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$root/build/ios}
target=${CARGO_TARGET_DIR:-$root/target}

die() { echo "build-ios.sh: $*" >&2; exit 1; }
[[ "$(uname -s)" == Darwin ]] || die "needs macOS with Xcode"
for tool in cargo xcodebuild lipo; do
  command -v "$tool" >/dev/null || die "$tool not found (install Xcode and Rust)"
done
installed=$(rustup target list --installed)
for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios; do
  grep -qx "$t" <<<"$installed" || die "missing Rust target $t: rustup target add $t"
done

cd "$root"
for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios; do
  # The `mobile` profile (Cargo.toml): release optimised for size, the photo path excepted.
  cargo build --profile mobile -p vieclam-ffi --lib --target "$t"
done

rm -rf "$out" && mkdir -p "$out/sim" "$out/headers" "$out/swift"
# One simulator slice per architecture would clash in the xcframework: join them into one fat library.
lipo -create "$target/aarch64-apple-ios-sim/mobile/libvieclam_ffi.a" \
  "$target/x86_64-apple-ios/mobile/libvieclam_ffi.a" -output "$out/sim/libvieclam_ffi.a"

bindings/scripts/generate.sh debug "$out/swift"
rm -rf "$out/swift/vn"   # the Kotlin half of the generation
# Both components' C declarations, in the one module VieclamCoreFFI whose map names both headers.
cp "$out/swift/VieclamCoreFFI.h" "$out/swift/vieclam_coreFFI.h" "$out/headers/"
# xcodebuild looks for the module map of a library's headers under this exact name.
cp "$out/swift/VieclamCoreFFI.modulemap" "$out/headers/module.modulemap"

xcodebuild -create-xcframework \
  -library "$target/aarch64-apple-ios/mobile/libvieclam_ffi.a" -headers "$out/headers" \
  -library "$out/sim/libvieclam_ffi.a" -headers "$out/headers" \
  -output "$out/VieclamCoreFFI.xcframework"
echo "xcframework in $out/VieclamCoreFFI.xcframework; Swift in $out/swift/VieclamCore.swift and VieclamCoreRecords.swift" >&2
