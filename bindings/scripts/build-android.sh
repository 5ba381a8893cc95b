#!/usr/bin/env bash
# Builds libvieclam_ffi.so for the Android ABIs the app ships and generates its Kotlin bindings.
#
# Usage: bindings/scripts/build-android.sh JNI_LIBS_DIR [KOTLIN_OUT_DIR]
#   JNI_LIBS_DIR   e.g. android/app/src/main/jniLibs (gets arm64-v8a/, armeabi-v7a/, x86_64/)
#   KOTLIN_OUT_DIR defaults to build/bindings/android
# Needs: the Android NDK (ANDROID_NDK_HOME, or found by cargo-ndk under ANDROID_HOME), cargo-ndk
# (`cargo install cargo-ndk`), and the targets: rustup target add aarch64-linux-android armv7-linux-androideabi
# x86_64-linux-android.
set -euo pipefail

jni_libs=${1:?usage: build-android.sh JNI_LIBS_DIR [KOTLIN_OUT_DIR]}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
kotlin_out=${2:-$root/build/bindings/android}

die() { echo "build-android.sh: $*" >&2; exit 1; }
command -v cargo >/dev/null || die "cargo not found (install Rust with rustup)"
cargo ndk --version >/dev/null 2>&1 || die "cargo-ndk not found: cargo install cargo-ndk"
[[ -n "${ANDROID_NDK_HOME:-}${ANDROID_NDK_ROOT:-}${ANDROID_HOME:-}${ANDROID_SDK_ROOT:-}" ]] \
  || die "no Android NDK: set ANDROID_NDK_HOME (or ANDROID_HOME with the NDK installed through sdkmanager)"
installed=$(rustup target list --installed)
for t in aarch64-linux-android armv7-linux-androideabi x86_64-linux-android; do
  grep -qx "$t" <<<"$installed" || die "missing Rust target $t: rustup target add $t"
done

cd "$root"
# API level 26 (Android 8) is the lowest the app supports (android/app minSdk).
cargo ndk --platform 26 -t arm64-v8a -t armeabi-v7a -t x86_64 -o "$jni_libs" \
  build --release -p vieclam-ffi --lib
# The bindings are the same for every ABI: generate them from a host build.
bindings/scripts/generate.sh debug "$kotlin_out"
echo "jniLibs in $jni_libs; Kotlin bindings in $kotlin_out/vn/gov/langson/vieclam/core" >&2
