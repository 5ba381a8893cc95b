// The Vieclam Android app: `app` (platform glue, navigation, the core's library) over `ui` (stateless composables
// that draw the core's screen records; also compiled and screenshot-tested on the JVM by scripts/screenshots.sh).
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "vieclam"
include(":app", ":ui")
