#!/usr/bin/env bash
# The Kotlin compiler the Android app is built with: the version android/gradle/libs.versions.toml names ([versions]
# kotlin, read by scripts/catalogue-version.sh and written nowhere else), from Maven Central alone:
# kotlin-compiler-embeddable and kotlin-compose-compiler-plugin-embeddable of that version with the runtime
# dependencies their poms name (scripts/app-kotlin.pom.xml, fetched by scripts/maven-jars.sh with strict checksums). Laid out once in the cache as
# a Kotlin home like the npm distribution's, so it also serves as APP_KOTLIN_HOME for scripts/android-app-jvm.sh:
#   bin/kotlinc-jvm                    java -cp <the jars> org.jetbrains.kotlin.cli.jvm.K2JVMCompiler -kotlin-home HOME
#   lib/kotlin-stdlib.jar, lib/kotlin-script-runtime.jar, lib/kotlin-reflect.jar   what the compiler adds to a compile
#   lib/compose-compiler-plugin.jar    for -Xplugin=
#   jars/                              the Maven artifacts themselves
# kotlin-reflect is the 1.6.10 the compiler's pom names (what it runs with); pass -no-reflect, as the Gradle build
# does, to leave it off the compile class path.
#
# Usage: scripts/app-kotlin.sh            prints the Kotlin home; honours VIECLAM_CACHE (default ~/.cache/vieclam)
#        scripts/app-kotlin.sh --version  prints the version only
# Needs: mvn, a JDK 17+.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${VIECLAM_CACHE:-$HOME/.cache/vieclam}
pom=$root/scripts/app-kotlin.pom.xml

die() { echo "app-kotlin.sh: $*" >&2; exit 1; }

version=$("$root/scripts/catalogue-version.sh" kotlin)
if [[ "${1:-}" == --version ]]; then
  echo "$version"
  exit 0
fi
[[ -z "${1:-}" ]] || die "unknown option '$1' (use --version or nothing)"

# A folder per version and pom: another version in the catalogue, or another pom, gets its own.
home=$cache/kotlin-app-$version-$(sha256sum "$pom" | cut -c1-12)
if [[ ! -x "$home/bin/kotlinc-jvm" ]]; then
  "$root/scripts/maven-jars.sh" "$pom" "$home/jars" -Dkotlin.version="$version" >/dev/null
  # The jar of one artifact in jars/ (copy-dependencies names it artifactId-version.jar).
  jar_of() {
    local found
    found=$(find "$home/jars" -maxdepth 1 -name "$1-[0-9]*.jar" | sort)
    [[ -n "$found" && "$found" != *$'\n'* ]] || die "expected one $1 jar in $home/jars, found: ${found:-none}"
    echo "$found"
  }
  mkdir -p "$home/lib" "$home/bin"
  for name in kotlin-stdlib kotlin-script-runtime kotlin-reflect kotlin-compose-compiler-plugin-embeddable; do
    jar=$(jar_of "$name")
    [[ "$name" != kotlin-stdlib || "$jar" == */kotlin-stdlib-"$version".jar ]] ||
      die "the compiler's pom resolved $(basename "$jar"), not kotlin-stdlib $version"
    link=$name.jar
    [[ "$name" != kotlin-compose-* ]] || link=compose-compiler-plugin.jar # the npm distribution's name
    ln -sfn "../jars/$(basename "$jar")" "$home/lib/$link"
  done
  # Everything the compiler runs with, except the plugin (loaded by -Xplugin=), relative to the home.
  compiler_jars=$(find "$home/jars" -maxdepth 1 -name '*.jar' ! -name 'kotlin-compose-compiler-plugin-*' \
    -printf '$home/jars/%f\n' | sort | paste -sd:)
  # The launcher, written last (its presence marks the home complete): kotlinc's own JVM options and its -J
  # (JVM option) convention, the compiler's main class, its home (found from where the launcher is) for the stdlib.
  cat >"$home/bin/.kotlinc-jvm.tmp" <<LAUNCHER
#!/usr/bin/env bash
# Kotlin $version from Maven Central (made by scripts/app-kotlin.sh): the command line of kotlinc-jvm.
home=\$(cd "\$(dirname "\${BASH_SOURCE[0]}")/.." && pwd)
java_args=(\${JAVA_OPTS:--Xmx512M -Xms128M}) kotlin_args=()
for arg in "\$@"; do
  case "\$arg" in
    -J?*) java_args+=("\${arg:2}") ;;
    *) kotlin_args+=("\$arg") ;;
  esac
done
exec "\${JAVACMD:-java}" "\${java_args[@]}" -cp "$compiler_jars" \\
  org.jetbrains.kotlin.cli.jvm.K2JVMCompiler -kotlin-home "\$home" "\${kotlin_args[@]}"
LAUNCHER
  chmod +x "$home/bin/.kotlinc-jvm.tmp"
  mv "$home/bin/.kotlinc-jvm.tmp" "$home/bin/kotlinc-jvm"
fi
echo "$home"
