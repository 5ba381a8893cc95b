#!/usr/bin/env bash
# Compiles the Android `ui` module on the JVM with the Kotlin version the app is built with: the module's sources
# (android/ui/src/main/kotlin, every file) and the generated Kotlin bindings it compiles with them (as its Gradle build
# does), with the Compose compiler plugin, by the Kotlin of android/gradle/libs.versions.toml ([versions] kotlin)
# that scripts/app-kotlin.sh fetches from Maven Central, against only what the module depends on: the Compose
# desktop jars (scripts/compose-jars.sh, the same androidx.compose.* API; the screenshot tests use them too), the
# Kotlin standard library of that version, and JNA and kotlinx-coroutines at the catalogue's versions
# (scripts/android-ui.pom.xml). The screenshot tests and scripts/android-app-jvm.sh compile these sources with the
# newer kotlinc of scripts/kotlin-toolchain.sh; this proves they need nothing newer than the app's Kotlin, and see
# nothing outside the module's dependencies (no app, Android or test classes). Builds no AAR.
#
# Usage: scripts/android-ui-jvm.sh     exits non-zero on a compile error; honours CARGO_TARGET_DIR and VIECLAM_CACHE.
#        Prints "android ui: N Kotlin files compiled with Kotlin V and its Compose compiler plugin (W warnings, S s)".
# Needs: cargo (the bindings), a JDK 17+, mvn. Downloads, once, into ~/.cache/vieclam (VIECLAM_CACHE) with mvn from
#   Maven Central: the Kotlin compiler (~65 MB), JNA and coroutines (~3 MB), the Compose desktop jars if not there.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${VIECLAM_CACHE:-$HOME/.cache/vieclam}
build=$root/build/android-ui
ui_sources=android/ui/src/main/kotlin
cd "$root"

die() { echo "android-ui-jvm.sh: $*" >&2; exit 1; }

kotlin_version=$(scripts/app-kotlin.sh --version)
kotlin_home=$(scripts/app-kotlin.sh)
compose_jars=$(scripts/compose-jars.sh)
deps_pom=scripts/android-ui.pom.xml
deps_props=(-Djna.version="$(scripts/catalogue-version.sh jna)"
  -Dcoroutines.version="$(scripts/catalogue-version.sh coroutines)")
# A folder per pom and versions: a version changed in the catalogue gets its own jars.
deps_dir=$cache/android-ui-deps-$(cat "$deps_pom" <(printf '%s\n' "${deps_props[@]}") | sha256sum | cut -c1-12)
scripts/maven-jars.sh "$deps_pom" "$deps_dir" "${deps_props[@]}" >/dev/null

# The Kotlin standard library is the compiler's own (kotlinc adds its home's kotlin-stdlib.jar, as the Kotlin Gradle
# plugin adds the stdlib of its version): every other copy is left off, with Compose's older coroutines.
cp=$( (find "$compose_jars" -name '*.jar' ! -name 'kotlin-stdlib*' ! -name 'kotlinx-coroutines-core*'
  find "$deps_dir" -name '*.jar' ! -name 'kotlin-stdlib*') | sort | paste -sd:)

rm -rf "$build" && mkdir -p "$build/classes"
bindings/scripts/generate.sh debug "$build/generated"
mapfile -t ui < <(find "$ui_sources" -name '*.kt' | sort)
mapfile -t generated < <(find "$build/generated" -name '*.kt' | sort)
[[ ${#ui[@]} -gt 0 ]] || die "no Kotlin sources under $ui_sources"
[[ ${#generated[@]} -gt 0 ]] || die "no generated Kotlin bindings under $build/generated"
# The compiler's own word on its version, so that no other compiler passes for the catalogue's.
used=$("$kotlin_home/bin/kotlinc-jvm" -version 2>&1 | grep -o 'kotlinc-jvm [0-9][^ ]*' || true)
[[ "$used" == "kotlinc-jvm $kotlin_version" ]] || die "the compiler says '$used', not kotlinc-jvm $kotlin_version"
echo "compiling the ui module (${#ui[@]} files) with the bindings (${#generated[@]} files)," \
  "Kotlin $kotlin_version from Maven Central" >&2
# The Gradle build's options: jvmTarget 17 on the JDK 17 API; no kotlin-reflect on the class path. The JVM's quick JIT
# alone (C1), with room for its code: half the time of a run this short on two cores (~20 s against ~40 s).
jvm=(-J-XX:TieredStopAtLevel=1 -J-XX:ReservedCodeCacheSize=240m)
options=(-Xplugin="$kotlin_home/lib/compose-compiler-plugin.jar" -jvm-target 17 -Xjdk-release=17 -no-reflect)
start=$SECONDS status=0
# Warnings (the compiler's and the JVM's) are printed and counted, not silenced; any error fails the script.
"$kotlin_home/bin/kotlinc-jvm" "${jvm[@]}" "${options[@]}" -cp "$cp" -d "$build/classes" "${ui[@]}" "${generated[@]}" \
  2>&1 | tee "$build/kotlinc.log" || status=$?
[[ $status -eq 0 ]] ||
  die "the ui module did not compile with Kotlin $kotlin_version (exit $status, log in build/android-ui/kotlinc.log)"
warnings=$(grep -ci 'warning' "$build/kotlinc.log" || true)
echo "android ui: $((${#ui[@]} + ${#generated[@]})) Kotlin files (${#ui[@]} of the module, ${#generated[@]} bindings)" \
  "compiled with Kotlin $kotlin_version and its Compose compiler plugin ($warnings warnings, $((SECONDS - start)) s)"
