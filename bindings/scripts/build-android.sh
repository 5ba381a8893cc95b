#!/usr/bin/env bash
# Builds libvieclam_ffi.so for the Android ABIs the app ships, linked for 16 KB memory pages (and checked), and
# generates its Kotlin bindings.
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
# 16 KB pages: Android 15+ devices may run with 16 KB memory pages, where a library whose LOAD segments are aligned
# to 4 KB does not load at all, and Google Play requires 16 KB alignment for apps targeting Android 15+. NDK r28
# links that way by default; older NDKs (and the Rust toolchain's own defaults) need the flag. Per-target rustflags,
# so the host build of generate.sh below is untouched (a RUSTFLAGS set by the caller still wins, as Cargo has it).
# Relative relocations packed (Android's APS2 format, read by the loader since API 23): the library's relocation
# table shrinks from about 0.9 MB to a few KB (docs/design.md P6, the 12 MB budget).
page_flags="-C link-arg=-Wl,-z,max-page-size=16384 -C link-arg=-Wl,--pack-dyn-relocs=android"
export CARGO_TARGET_AARCH64_LINUX_ANDROID_RUSTFLAGS="$page_flags"
export CARGO_TARGET_ARMV7_LINUX_ANDROIDEABI_RUSTFLAGS="$page_flags"
export CARGO_TARGET_X86_64_LINUX_ANDROID_RUSTFLAGS="$page_flags"
# API level 26 (Android 8) is the lowest the app supports (android/app minSdk). The `mobile` profile (Cargo.toml)
# is release optimised for size, the photo path excepted.
cargo ndk --platform 26 -t arm64-v8a -t armeabi-v7a -t x86_64 -o "$jni_libs" \
  build --profile mobile -p vieclam-ffi --lib

# Every LOAD segment of every built library must be aligned to at least 16 KB (0x4000); checked with the NDK's
# llvm-readelf (or one on the PATH) so a misaligned library fails here, not on a customer's phone.
ndk_dir=${ANDROID_NDK_HOME:-${ANDROID_NDK_ROOT:-}}
readelf_bin=$(ls "$ndk_dir"/toolchains/llvm/prebuilt/*/bin/llvm-readelf 2>/dev/null | head -n 1 || true)
[[ -n "$readelf_bin" ]] || readelf_bin=$(command -v llvm-readelf || command -v readelf || true)
if [[ -n "$readelf_bin" ]]; then
  for so in "$jni_libs"/*/libvieclam_ffi.so; do
    while read -r align; do
      (( align >= 16384 )) || die "$so has a LOAD segment aligned to $align bytes, not 16 KB"
    done < <("$readelf_bin" -lW "$so" | awk '$1 == "LOAD" { print $NF }')
  done
  echo "16 KB page alignment checked with $readelf_bin" >&2
else
  echo "build-android.sh: no llvm-readelf found; 16 KB page alignment not checked" >&2
fi
# The bindings are the same for every ABI: generate them from a host build.
bindings/scripts/generate.sh debug "$kotlin_out"
echo "jniLibs in $jni_libs; Kotlin bindings in $kotlin_out/vn/gov/langson/vieclam/core (and its records/)" >&2
