#!/usr/bin/env bash
# The JetBrains Compose desktop jars (the same androidx.compose.* API as Jetpack Compose) that the screenshot tests
# and the JVM compiles of the Android app and ui modules build against: fetched once from Maven Central with the dependencies of
# tests/compose/pom.xml into the cache, in a folder named after the version and the pom's hash (new jars when either
# changes). Prints that folder.
#
# Usage: scripts/compose-jars.sh            honours VIECLAM_CACHE (default ~/.cache/vieclam). Needs: mvn.
#        scripts/compose-jars.sh --version  prints the Compose version only.
set -euo pipefail

COMPOSE_VERSION=1.5.12 # newest whose desktop jars resolve from Maven Central alone; see docs/apps.md

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${VIECLAM_CACHE:-$HOME/.cache/vieclam}
pom=$root/tests/compose/pom.xml
jars=$cache/compose-$COMPOSE_VERSION-$(sha256sum "$pom" | cut -c1-12)

if [[ "${1:-}" == --version ]]; then
  echo "$COMPOSE_VERSION"
  exit 0
fi
# mvn dependency:copy-dependencies on the pom, with strict checksums (scripts/maven-jars.sh, the shared fetch).
"$root/scripts/maven-jars.sh" "$pom" "$jars" -Dcompose.version="$COMPOSE_VERSION"
