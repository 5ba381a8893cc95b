// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: it mirrors the part of androidx.lifecycle:lifecycle-common
// 2.8.7 (android/gradle/libs.versions.toml) that android/app and the other stubs use: same package, names and types.
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build.
package androidx.lifecycle

interface LifecycleOwner {
    val lifecycle: Lifecycle
}

abstract class Lifecycle {
    enum class State { DESTROYED, INITIALIZED, CREATED, STARTED, RESUMED }
}
