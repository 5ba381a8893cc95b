#!/usr/bin/env bash
# Renders the app's screens to PNG on the JVM: compiles the Android `ui` module's composables against the Compose
# Multiplatform desktop artifacts (the same androidx.compose.* API as Jetpack Compose), with the generated Kotlin
# bindings, and runs tests/compose/src under JUnit. Each test loads a demo store through the bindings, feeds one
# screen the core's records and writes build/screenshots/NN-name.png (1080 × 2340 px, a 411 × 891 dp phone), and the
# same screen in English (NN-name.en.png, with android/app's values-en labels) and at font scale 2
# (NN-name.font2.png), checking each one's semantics tree (key texts shown, no raw key, 48 × 48 dp tap targets).
#
# Usage: scripts/screenshots.sh     exits non-zero when a test fails; honours CARGO_TARGET_DIR and VIECLAM_CACHE.
# Needs: what tests/kotlin/run.sh needs (cargo, JDK 17+, npm, mvn). Downloads, once, into ~/.cache/vieclam:
#   the Compose desktop jars (Maven Central, tests/compose/pom.xml) and Noto Sans (npm @expo-google-fonts/noto-sans,
#   SIL OFL 1.1), so that every Vietnamese letter is drawn whatever fonts the machine has.
set -euo pipefail

FONT_PACKAGE=@expo-google-fonts/noto-sans@0.4.2

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
cache=${VIECLAM_CACHE:-$HOME/.cache/vieclam}
build=$root/build/compose
shots=$root/build/screenshots
fonts=$cache/fonts-noto-sans-0.4.2
cd "$root"

die() { echo "screenshots.sh: $*" >&2; exit 1; }

install_fonts() {
  [[ -f "$fonts/NotoSans_700Bold.ttf" ]] && return
  command -v npm >/dev/null || die "npm not found (apt-get install npm)"
  echo "fetching $FONT_PACKAGE (Noto Sans, SIL OFL 1.1) from npm into $fonts" >&2
  local tmp
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/.fonts.XXXXXX")
  (cd "$tmp" && npm pack --silent "$FONT_PACKAGE" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$tmp/out"
  cp "$tmp"/package/{400Regular,500Medium,700Bold}/*.ttf "$tmp/package/LICENSE_FONT" "$tmp/out/"
  rm -rf "$fonts" && mv "$tmp/out" "$fonts" && rm -rf "$tmp"
}

# Compose's own jars minus the old Kotlin stdlib and coroutines it names: the toolchain's newer ones serve both.
compose_classpath() {
  find "$compose_jars" -name '*.jar' ! -name 'kotlin-stdlib*' ! -name 'kotlinx-coroutines-core*' | sort | paste -sd:
}

classpath=$(scripts/kotlin-toolchain.sh)
kotlinc=$(scripts/kotlin-toolchain.sh --kotlinc)
kotlin_home=$(cd "$(dirname "$kotlinc")/.." && pwd)
compose_jars=$(scripts/compose-jars.sh) # fetched once (scripts/compose-jars.sh)
install_fonts
cp="$(compose_classpath):$classpath"

rm -rf "$build" "$shots" && mkdir -p "$build/classes" "$shots"
bindings/scripts/generate.sh debug "$build/generated"

mapfile -t sources < <(find "$build/generated" -name '*.kt'; find android/ui/src/main/kotlin tests/compose/src -name '*.kt' | sort)
sources+=(tests/kotlin/src/TestStores.kt) # the demo store helpers the binding tests use
echo "compiling the bindings, the ui module and the screenshot tests (${#sources[@]} files)" >&2
"$kotlinc" -Xplugin="$kotlin_home/lib/compose-compiler-plugin.jar" -nowarn -cp "$cp" -d "$build/classes" "${sources[@]}"

status=0
java -Djava.awt.headless=true -Djna.library.path="$target/debug" -Dvieclam.fonts="$fonts" -Dvieclam.screenshots="$shots" \
  -Dvieclam.strings.en="$root/android/app/src/main/res/values-en/strings.xml" \
  -cp "$build/classes:$cp" org.junit.runner.JUnitCore vn.gov.langson.vieclam.ui.screenshots.ScreenshotTest \
  vn.gov.langson.vieclam.ui.screenshots.GlyphTest | tee "$build/junit.log" || status=$?

if ok=$(grep -oE '^OK \([0-9]+ tests?\)' "$build/junit.log"); then
  echo "screenshots: $(tr -dc 0-9 <<<"$ok") passed, 0 failed; $(find "$shots" -name '*.png' | wc -l) PNGs in build/screenshots/"
elif run=$(grep -oE '^Tests run: [0-9]+, +Failures: [0-9]+' "$build/junit.log"); then
  read -r total failed < <(grep -oE '[0-9]+' <<<"$run" | paste -sd ' ')
  echo "screenshots: $((total - failed)) passed, $failed failed"
fi
exit "$status"
