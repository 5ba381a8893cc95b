#!/usr/bin/env bash
# Prints a version of android/gradle/libs.versions.toml's [versions] (the Android build's version catalogue), so that
# the JVM checks use the versions the Gradle build names without a second copy of them.
#
# Usage: scripts/catalogue-version.sh NAME     e.g. kotlin -> 2.1.0; exits non-zero when NAME has no version.
set -euo pipefail

catalogue=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/android/gradle/libs.versions.toml
(($# == 1)) || { echo "usage: catalogue-version.sh NAME" >&2; exit 2; }
# Only the [versions] table: NAME = "X" lines of other tables (none today) are not versions.
version=$(sed -n '/^\[versions\]/,/^\[/{s/^'"$1"' *= *"\([^"]*\)".*/\1/p}' "$catalogue")
[[ -n "$version" && "$version" != *$'\n'* ]] ||
  { echo "catalogue-version.sh: no single version '$1' in $catalogue's [versions]" >&2; exit 1; }
echo "$version"
