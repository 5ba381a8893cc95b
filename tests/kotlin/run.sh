#!/usr/bin/env bash
# Runs the Kotlin tests of the bindings on the JVM: generates the bindings from the debug library, compiles them
# with tests/kotlin/src/**/*.kt, and runs every class with a @Test under JUnit 4. The sync tests start the real
# server: its debug binary is built here too and handed to the JVM as -Dvieclam.server.
#
# Usage: tests/kotlin/run.sh        exits non-zero when a test fails; honours CARGO_TARGET_DIR and VIECLAM_CACHE.
# Needs: cargo, a JDK 17+, npm and mvn (scripts/kotlin-toolchain.sh installs the compiler and jars once).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
build=$root/build/kotlin
cd "$root"

classpath=$(scripts/kotlin-toolchain.sh)
kotlinc=$(scripts/kotlin-toolchain.sh --kotlinc)

rm -rf "$build" && mkdir -p "$build/classes"
bindings/scripts/generate.sh debug "$build/generated"
cargo build --quiet -p vieclam-server
server=$target/debug/vieclam-server

mapfile -t sources < <(find tests/kotlin/src -name '*.kt' | sort)
[[ ${#sources[@]} -gt 0 ]] || { echo "run.sh: no Kotlin tests under tests/kotlin/src" >&2; exit 1; }
echo "compiling the bindings and ${#sources[@]} test file(s)" >&2
# -Werror: the generated code must compile without warnings too (a uniffi upgrade that adds some is caught here).
mapfile -t generated < <(find "$build/generated" -name '*.kt')
"$kotlinc" -Werror -cp "$classpath" -d "$build/classes" "${generated[@]}" "${sources[@]}"

# Test classes: each file with a @Test names its class after the file, in the file's package.
test_classes=()
for src in "${sources[@]}"; do
  grep -q '@Test' "$src" || continue
  package=$(sed -n 's/^package[[:space:]]\+\([A-Za-z0-9_.]\+\).*/\1/p' "$src" | head -n 1)
  test_classes+=("${package:+$package.}$(basename "$src" .kt)")
done
if ((${#test_classes[@]} == 0)); then
  echo "kotlin: no test class found in tests/kotlin/src" >&2
  exit 1
fi

status=0
java -Djna.library.path="$target/debug" -Dvieclam.server="$server" -cp "$build/classes:$classpath" \
  org.junit.runner.JUnitCore "${test_classes[@]}" | tee "$build/junit.log" || status=$?

# JUnit's own summary is "OK (N tests)" or "Tests run: N,  Failures: M"; repeat it as a plain count line.
if ok=$(grep -oE '^OK \([0-9]+ tests?\)' "$build/junit.log"); then
  passed=$(tr -dc 0-9 <<<"$ok")
  echo "kotlin: $passed passed, 0 failed"
  # A run that found no test proves nothing: fail it (a renamed file or package would otherwise pass silently).
  if ((passed == 0)); then
    echo "kotlin: no test ran" >&2
    status=1
  fi
elif run=$(grep -oE '^Tests run: [0-9]+, +Failures: [0-9]+' "$build/junit.log"); then
  read -r total failed < <(grep -oE '[0-9]+' <<<"$run" | paste -sd ' ')
  echo "kotlin: $((total - failed)) passed, $failed failed"
fi
exit "$status"
