#!/usr/bin/env bash
# Installs what the Kotlin binding tests need into a cache outside the repo, once, and prints the classpath.
#
# Usage: scripts/kotlin-toolchain.sh            prints the JVM classpath (jars joined by ':') on stdout
#        KOTLINC=$(scripts/kotlin-toolchain.sh --kotlinc)   prints the path of kotlinc instead
# Cache: ${VIECLAM_CACHE:-$HOME/.cache/vieclam}/kotlin-<version> and .../jars
# Needs: npm (the Kotlin compiler is the npm package kotlin-compiler, the full distribution), mvn (jars from Maven
# Central), a JDK 17+. Every version is pinned here; a new pin downloads into a new folder.
set -euo pipefail

KOTLIN_VERSION=2.4.20
JARS=(
  net.java.dev.jna:jna:5.17.0
  org.jetbrains.kotlinx:kotlinx-coroutines-core-jvm:1.10.2 # the generated code needs it even without async fns
  junit:junit:4.13.2
  org.hamcrest:hamcrest-core:1.3
  com.google.code.gson:gson:2.13.1 # JSON in the tests that talk to the server over plain HTTP
)
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

cache=${VIECLAM_CACHE:-$HOME/.cache/vieclam}
kotlin_home=$cache/kotlin-$KOTLIN_VERSION
jar_dir=$cache/jars

die() { echo "kotlin-toolchain.sh: $*" >&2; exit 1; }

install_kotlin() {
  [[ -x "$kotlin_home/bin/kotlinc-jvm" ]] && return
  command -v npm >/dev/null || die "npm not found (apt-get install npm)"
  local tmp
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/.kotlin.XXXXXX") # same file system as the cache, so the final mv is atomic
  echo "installing kotlin-compiler@$KOTLIN_VERSION from npm into $kotlin_home" >&2
  (cd "$tmp" && npm pack --silent "kotlin-compiler@$KOTLIN_VERSION" >/dev/null && tar xzf "kotlin-compiler-$KOTLIN_VERSION.tgz")
  chmod +x "$tmp"/package/bin/*
  rm -rf "$kotlin_home"
  mv "$tmp/package" "$kotlin_home" # a whole folder or nothing: an interrupted install is redone next time
  rm -rf "$tmp"
}

# The file name Maven gives an artifact: artifactId-version.jar.
jar_name() {
  local artifact version
  IFS=: read -r _ artifact version <<<"$1"
  echo "$artifact-$version.jar"
}

install_jars() {
  mkdir -p "$jar_dir"
  local coord
  for coord in "${JARS[@]}"; do
    [[ -f "$jar_dir/$(jar_name "$coord")" ]] && continue
    command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
    echo "fetching $coord from Maven Central" >&2
    local log
    # Strict checksums (-C: a download that does not match Maven Central's .sha1 fails). Maven's own output is
    # shown only when it fails (its quiet mode still prints colour codes).
    log=$(mvn -B -q -C "$DEPENDENCY_PLUGIN:copy" -Dartifact="$coord" -DoutputDirectory="$jar_dir" 2>&1) \
      || die "mvn could not fetch $coord:"$'\n'"$log"
  done
}

classpath() {
  local cp=() coord
  for coord in "${JARS[@]}"; do cp+=("$jar_dir/$(jar_name "$coord")"); done
  cp+=("$kotlin_home/lib/kotlin-stdlib.jar") # kotlinc adds it when compiling, java needs it when running
  local IFS=:
  echo "${cp[*]}"
}

install_kotlin
install_jars
case "${1:-}" in
  --kotlinc) echo "$kotlin_home/bin/kotlinc-jvm" ;;
  "") classpath ;;
  *) die "unknown option '$1' (use --kotlinc or nothing)" ;;
esac
