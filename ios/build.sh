#!/usr/bin/env bash
# One command from a fresh clone to a running iOS app (on macOS with Xcode): builds the core's XCFramework and
# Swift bindings into the Swift package, generates the Xcode project, and runs the app in a simulator.
#
# Usage: ios/build.sh [SIMULATOR_NAME]     (default "iPhone 15")
# Needs: Xcode 15+, Rust with the iOS targets (see bindings/scripts/build-ios.sh), XcodeGen (brew install xcodegen).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
simulator=${1:-iPhone 15}

command -v xcodegen >/dev/null || { echo "ios/build.sh: xcodegen not found (brew install xcodegen)" >&2; exit 1; }
"$here/../bindings/scripts/build-ios.sh" "$here/VieclamCoreKit/Generated"
cd "$here"
xcodegen generate --quiet
xcodebuild -project Vieclam.xcodeproj -scheme Vieclam -destination "platform=iOS Simulator,name=$simulator" \
  -derivedDataPath build build
app=$(find build/Build/Products -name 'Vieclam.app' -maxdepth 3 | head -n 1)
xcrun simctl boot "$simulator" 2>/dev/null || true
xcrun simctl install booted "$app"
xcrun simctl launch booted vn.gov.langson.vieclam
