#!/usr/bin/env bash
# Compiles the Android `app` module's Kotlin (android/app/src/main/kotlin, every file) on the JVM, without the Android
# SDK: against the real Android 16 (API 36) framework classes from Robolectric's android-all jar, the generated Kotlin
# bindings, the `ui` module's sources, the Compose desktop jars (the androidx.compose.* API), the real AndroidX and
# Play services libraries the app uses (activity, lifecycle, navigation, WorkManager, core, location: the versions of
# android/gradle/libs.versions.toml, as Maven Central serves them), and signature stubs (tests/android-stubs) for the
# rest: CameraX, which Maven Central does not serve. The Android-only part of Compose UI the app uses (LocalContext,
# AndroidView) comes from the real ui-android, placed after the desktop jars. The R class aapt2 would make is stood
# in for by R.kt generated from res/values/strings.xml (every string of values/ must also be in values-en/ and the
# other way round). Proves that the app's calls into the core, the ui module, Android, Compose and those libraries
# name real classes and functions with the right types; builds no APK (docs/apps.md).
#
# Usage: scripts/android-app-jvm.sh     exits non-zero on a compile error; honours CARGO_TARGET_DIR and VIECLAM_CACHE.
#        Prints "android app: N Kotlin files compiled against android-all API 36 + L real libraries + M stub files".
#        APP_KOTLIN_HOME=DIR compiles with the Kotlin distribution in DIR instead of kotlin-toolchain.sh's, e.g.
#        APP_KOTLIN_HOME=$(scripts/app-kotlin.sh) for the version android/gradle/libs.versions.toml names, from
#        Maven Central (scripts/android-ui-jvm.sh compiles the ui module alone with it in scripts/test.sh).
# Needs: cargo (the bindings), a JDK 17+ (with its jar tool), npm and mvn. Downloads, once, into ~/.cache/vieclam
#   (VIECLAM_CACHE) with mvn from Maven Central: org.robolectric:android-all (~190 MB), the AndroidX and Play services
#   jars and AARs listed below (~15 MB, their classes.jar kept), and the Compose desktop jars if
#   scripts/screenshots.sh has not fetched them yet (same folder, same tests/compose/pom.xml).
set -euo pipefail

ANDROID_ALL=org.robolectric:android-all:16-robolectric-13921718 # Android 16, API 36: the app's compileSdk
ANDROID_API=36
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${VIECLAM_CACHE:-$HOME/.cache/vieclam}
build=$root/build/android-app
stubs=tests/android-stubs
app_sources=android/app/src/main/kotlin
cd "$root"
# The Compose version screenshots.sh pins and the jars tests/compose/pom.xml names: a folder per version and pom, so
# a changed pom gets its own jars (the folder name screenshots.sh uses for the same jars).
android_dir=$cache/android-all-${ANDROID_ALL##*:}

die() { echo "android-app-jvm.sh: $*" >&2; exit 1; }

# A version from android/gradle/libs.versions.toml's [versions].
toml_version() { scripts/catalogue-version.sh "$1"; }
# The real libraries, only their classes (no transitive resolution: Maven cannot read Gradle's AAR metadata). The
# app's own dependencies at libs.versions.toml's versions, then the libraries their API types come from (supertypes
# and signatures) at the versions their poms name (annotation-jvm only for its nullability annotations). The other
# Compose and the Kotlin artifacts are left out: the desktop jars and the toolchain's stand in for them.
lifecycle=$(toml_version lifecycle)
LIBRARIES=(
  "androidx.activity:activity:$(toml_version activity-compose):aar"
  "androidx.activity:activity-compose:$(toml_version activity-compose):aar"
  "androidx.navigation:navigation-compose:$(toml_version navigation-compose):aar"
  "androidx.navigation:navigation-runtime:$(toml_version navigation-compose):aar"
  "androidx.navigation:navigation-common:$(toml_version navigation-compose):aar"
  "androidx.lifecycle:lifecycle-runtime-compose-android:$lifecycle:aar"
  "androidx.lifecycle:lifecycle-runtime-android:$lifecycle:aar"
  "androidx.lifecycle:lifecycle-common-jvm:$lifecycle"
  "androidx.lifecycle:lifecycle-viewmodel-android:$lifecycle:aar"
  "androidx.lifecycle:lifecycle-livedata:$lifecycle:aar"
  "androidx.lifecycle:lifecycle-livedata-core:$lifecycle:aar"
  "androidx.work:work-runtime:$(toml_version work):aar"
  "com.google.android.gms:play-services-location:$(toml_version play-services-location):aar"
  androidx.core:core:1.13.0:aar
  androidx.savedstate:savedstate:1.2.1:aar
  androidx.annotation:annotation-jvm:1.8.1
  com.google.guava:listenablefuture:1.0
  com.google.android.gms:play-services-base:18.5.0:aar
  com.google.android.gms:play-services-basement:18.4.0:aar
  com.google.android.gms:play-services-tasks:18.2.0:aar
  # Compose UI for Android (compose-bom 2024.12.01's), for what the desktop jars lack (LocalContext, AndroidView): on
  # the class path after the desktop jars, so every class both have is the desktop one the ui module compiles against.
  androidx.compose.ui:ui-android:1.7.6:aar
)
libraries_dir=$cache/android-libraries-$(printf '%s\n' "${LIBRARIES[@]}" | sha256sum | cut -c1-12)

# mvn dependency:copy of one artifact into a folder, with strict checksums (-C: a download that does not match the
# .sha1 Maven Central serves fails); Maven's output is shown only when it fails.
fetch() {
  command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
  echo "fetching $1 from Maven Central into $2" >&2
  local log
  log=$(mvn -B -q -C "$DEPENDENCY_PLUGIN:copy" -Dartifact="$1" -DoutputDirectory="$2" 2>&1) \
    || die "mvn could not fetch $1:"$'\n'"$log"
}

install_android_all() {
  [[ -f "$android_dir/.complete" ]] && return
  local tmp
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/.android-all.XXXXXX") # same file system, so the final mv is atomic
  fetch "$ANDROID_ALL" "$tmp"
  touch "$tmp/.complete"
  rm -rf "$android_dir" && mv "$tmp" "$android_dir"
}

# Each library's jar, or an AAR's classes.jar, as NAME-VERSION.jar in a folder named after the list.
install_libraries() {
  [[ -f "$libraries_dir/.complete" ]] && return
  command -v jar >/dev/null || die "the JDK's jar tool not found (apt-get install openjdk-17-jdk-headless)"
  local tmp coord aar
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/.android-libraries.XXXXXX")
  for coord in "${LIBRARIES[@]}"; do fetch "$coord" "$tmp/download"; done
  mkdir -p "$tmp/jars" "$tmp/unpack"
  mv "$tmp"/download/*.jar "$tmp/jars/" 2>/dev/null || true
  for aar in "$tmp"/download/*.aar; do
    (cd "$tmp/unpack" && jar xf "$aar" classes.jar) || die "no classes.jar in $(basename "$aar")"
    mv "$tmp/unpack/classes.jar" "$tmp/jars/$(basename "$aar" .aar).jar"
  done
  rm -rf "$tmp/download" "$tmp/unpack" && touch "$tmp/.complete"
  rm -rf "$libraries_dir" && mv "$tmp" "$libraries_dir"
}

# The names of a strings.xml's <string> resources, sorted.
string_names() { sed -n 's/.*<string name="\([A-Za-z0-9_]*\)".*/\1/p' "$1" | sort; }

# R.kt: what aapt2's R class gives the app's code (R.string.*, as final ints), from values/strings.xml.
write_r() {
  local values=android/app/src/main/res/values/strings.xml english=android/app/src/main/res/values-en/strings.xml
  local only_vi only_en
  only_vi=$(comm -23 <(string_names "$values") <(string_names "$english") | paste -sd ' ')
  only_en=$(comm -13 <(string_names "$values") <(string_names "$english") | paste -sd ' ')
  [[ -z "$only_vi" ]] || die "strings in values/ but not values-en/: $only_vi"
  [[ -z "$only_en" ]] || die "strings in values-en/ but not values/: $only_en"
  local out=$1 id=$((0x7f010000)) name
  mkdir -p "$(dirname "$out")"
  {
    echo "// Generated by scripts/android-app-jvm.sh from $values: a stand-in for the R class aapt2 makes."
    echo "package vn.gov.langson.vieclam.app"
    echo
    echo "object R {"
    echo "    object string {"
    while read -r name; do
      printf '        const val %s: Int = 0x%x\n' "$name" "$id"
      id=$((id + 1))
    done < <(string_names "$values")
    echo "    }"
    echo "}"
  } >"$out"
}

classpath=$(scripts/kotlin-toolchain.sh)
kotlinc=$(scripts/kotlin-toolchain.sh --kotlinc)
kotlin_home=$(cd "$(dirname "$kotlinc")/.." && pwd)
if [[ -n "${APP_KOTLIN_HOME:-}" ]]; then # another Kotlin distribution, with its own stdlib and Compose plugin
  classpath=${classpath//"$kotlin_home/lib/kotlin-stdlib.jar"/"$APP_KOTLIN_HOME/lib/kotlin-stdlib.jar"}
  kotlin_home=$APP_KOTLIN_HOME kotlinc=$APP_KOTLIN_HOME/bin/kotlinc-jvm
fi
compose_jars=$(scripts/compose-jars.sh) # fetched once, shared with scripts/screenshots.sh
install_android_all
install_libraries
# Compose's jars minus the old Kotlin stdlib and coroutines they name, as in screenshots.sh.
compose_cp=$(find "$compose_jars" -name '*.jar' ! -name 'kotlin-stdlib*' ! -name 'kotlinx-coroutines-core*' | sort |
  paste -sd:)
libraries_cp=$(find "$libraries_dir/jars" -name '*.jar' ! -name 'ui-android-*' | sort | paste -sd:)
ui_android=$(find "$libraries_dir/jars" -name 'ui-android-*.jar')
cp="$android_dir/android-all-${ANDROID_ALL##*:}.jar:$libraries_cp:$compose_cp:$ui_android:$classpath"

rm -rf "$build" && mkdir -p "$build/classes"
bindings/scripts/generate.sh debug "$build/generated"
write_r "$build/generated-r/vn/gov/langson/vieclam/app/R.kt"

mapfile -t app < <(find "$app_sources" -name '*.kt' | sort)
mapfile -t stub_files < <(find "$stubs" -name '*.kt' | sort)
mapfile -t others < <(find "$build/generated" "$build/generated-r" android/ui/src/main/kotlin -name '*.kt' | sort)
[[ ${#app[@]} -gt 0 ]] || die "no Kotlin sources under $app_sources"
kotlin_version=$("$kotlinc" -version 2>&1 | grep -o 'kotlinc-jvm [0-9.]*' || true)
echo "compiling the app module (${#app[@]} files) with the bindings, the ui module, R," \
  "${#LIBRARIES[@]} real libraries and ${#stub_files[@]} stub files ($kotlin_version)" >&2
start=$SECONDS status=0
# Warnings are printed, not silenced; any error fails the script. One pass: the stubs are compiled with the app.
"$kotlinc" -Xplugin="$kotlin_home/lib/compose-compiler-plugin.jar" -jvm-target 17 -Xjdk-release=17 \
  -cp "$cp" -d "$build/classes" "${app[@]}" "${stub_files[@]}" "${others[@]}" 2>&1 |
  tee "$build/kotlinc.log" || status=$?
[[ $status -eq 0 ]] || die "the app module did not compile (exit $status, log in build/android-app/kotlinc.log)"
warnings=$(grep -c '^warning:\|: warning:' "$build/kotlinc.log" || true)
echo "android app: ${#app[@]} Kotlin files compiled against android-all API $ANDROID_API" \
  "+ ${#LIBRARIES[@]} real libraries + ${#stub_files[@]} stub files ($warnings warnings, $((SECONDS - start)) s)"
