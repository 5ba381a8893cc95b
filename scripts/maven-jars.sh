#!/usr/bin/env bash
# The one fetch of jars by pom: copies the runtime dependencies of POM (its <dependencies> and what their own poms
# name, resolved by Maven from Maven Central) into DIR, once. DIR is filled in a temporary folder beside it and moved
# into place whole (an interrupted fetch is redone next time); while DIR/.complete exists nothing is fetched.
# Checksums are strict (mvn -C): a download that does not match the .sha1 Maven Central serves beside it fails.
# Used by scripts/compose-jars.sh, scripts/app-kotlin.sh and scripts/android-ui-jvm.sh.
#
# Usage: scripts/maven-jars.sh POM DIR [-Dproperty=value ...]    prints DIR; Maven's output only when it fails.
# Needs: mvn.
set -euo pipefail

DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() { echo "maven-jars.sh: $*" >&2; exit 1; }

(($# >= 2)) || die "usage: maven-jars.sh POM DIR [-Dproperty=value ...]"
pom=$1 dir=$2
shift 2
if [[ ! -f "$dir/.complete" ]]; then
  command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
  [[ -f "$pom" ]] || die "no pom at $pom"
  echo "fetching the dependencies of ${pom#"$root/"} ${*:+($*) }from Maven Central into $dir" >&2
  mkdir -p "$(dirname "$dir")"
  tmp=$(mktemp -d "$(dirname "$dir")/.$(basename "$dir").XXXXXX") # same file system, so the final mv is atomic
  trap 'rm -rf "$tmp"' EXIT
  chmod 755 "$tmp"
  log=$(mvn -B -q -C -f "$pom" "$DEPENDENCY_PLUGIN:copy-dependencies" -DincludeScope=runtime \
    -DoutputDirectory="$tmp" "$@" 2>&1) || die "mvn failed:"$'\n'"$log"
  touch "$tmp/.complete"
  rm -rf "$dir" && mv "$tmp" "$dir"
fi
echo "$dir"
