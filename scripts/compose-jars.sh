#!/usr/bin/env bash
# The JetBrains Compose desktop jars (the same androidx.compose.* API as Jetpack Compose) that the screenshot tests
# and the JVM compile of the Android app build against: fetched once from Maven Central with the dependencies of
# tests/compose/pom.xml into the cache, in a folder named after the version and the pom's hash (new jars when either
# changes). Prints that folder.
#
# Usage: scripts/compose-jars.sh            honours VIECLAM_CACHE (default ~/.cache/vieclam). Needs: mvn.
#        scripts/compose-jars.sh --version  prints the Compose version only.
set -euo pipefail

COMPOSE_VERSION=1.5.12 # newest whose desktop jars resolve from Maven Central alone; see docs/apps.md
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${VIECLAM_CACHE:-$HOME/.cache/vieclam}
pom=$root/tests/compose/pom.xml
jars=$cache/compose-$COMPOSE_VERSION-$(sha256sum "$pom" | cut -c1-12)

die() { echo "compose-jars.sh: $*" >&2; exit 1; }

if [[ "${1:-}" == --version ]]; then
  echo "$COMPOSE_VERSION"
  exit 0
fi
if [[ ! -f "$jars/.complete" ]]; then
  command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
  echo "fetching Compose $COMPOSE_VERSION desktop jars from Maven Central into $jars" >&2
  rm -rf "$jars"
  log=$(mvn -B -q -f "$pom" "$DEPENDENCY_PLUGIN:copy-dependencies" -DincludeScope=runtime \
    -Dcompose.version="$COMPOSE_VERSION" -DoutputDirectory="$jars" 2>&1) || die "mvn failed:"$'\n'"$log"
  touch "$jars/.complete"
fi
echo "$jars"
