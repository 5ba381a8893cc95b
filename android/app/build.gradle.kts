// The Android app: Activity and navigation, CameraX, Fused Location, WorkManager sync, Keystore-wrapped database
// key, reminder notifications. The core's native library is built by bindings/scripts/build-android.sh (cargo-ndk
// for arm64-v8a, armeabi-v7a and x86_64, linked for 16 KB pages) before every build, with its Kotlin bindings,
// using this module's pinned NDK.
plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
}

val repoRoot = rootProject.projectDir.parentFile
val jniLibsOut = layout.buildDirectory.dir("generated/jniLibs")
val bindingsOut = rootProject.layout.buildDirectory.dir("generated/vieclam-bindings")

/** Runs the bindings script: the .so for three ABIs into build/generated/jniLibs, Kotlin into the root build. */
val vieclamBindings by tasks.registering(Exec::class) {
    group = "vieclam"
    description = "Builds libvieclam_ffi.so with cargo-ndk and generates its Kotlin bindings"
    workingDir = repoRoot
    commandLine(
        "bash", "bindings/scripts/build-android.sh",
        jniLibsOut.get().asFile.absolutePath, bindingsOut.get().asFile.absolutePath,
    )
    // Everything the library is built from, so Gradle reruns the build when any of it changes and never ships a
    // stale .so: the lock file (a dependency bump), the manifests, each crate's sources, the SQL migrations and
    // data files the core compiles in (include_str!/include_bytes!), and the build script itself.
    inputs.files(
        File(repoRoot, "Cargo.lock"),
        File(repoRoot, "Cargo.toml"),
        File(repoRoot, "core/Cargo.toml"),
        File(repoRoot, "bindings/Cargo.toml"),
        File(repoRoot, "bindings/uniffi.toml"),
        File(repoRoot, "core/uniffi.toml"),
    ).withPropertyName("cargoManifests").withPathSensitivity(PathSensitivity.RELATIVE)
    for (dir in listOf("core/src", "core/migrations", "core/data", "core/assets", "bindings/src", "bindings/scripts")) {
        inputs.dir(File(repoRoot, dir)).withPropertyName(dir).withPathSensitivity(PathSensitivity.RELATIVE)
    }
    outputs.dir(jniLibsOut)
    outputs.dir(bindingsOut)
    // cargo-ndk links with the NDK this module pins (ndkVersion below), unless the caller chose one explicitly.
    doFirst {
        if (System.getenv("ANDROID_NDK_HOME") == null) environment("ANDROID_NDK_HOME", android.ndkDirectory.absolutePath)
    }
}

android {
    namespace = "vn.gov.langson.vieclam.app"
    // Android 16 (API 36): Google Play requires recent target levels for new apps and updates.
    compileSdk = 36
    // NDK r28: links for 16 KB pages by default (build-android.sh also asks for it explicitly).
    ndkVersion = "28.2.13676358"
    defaultConfig {
        applicationId = "vn.gov.langson.vieclam"
        minSdk = 26
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
        resourceConfigurations += listOf("vi", "en")
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64") }
    }
    buildTypes {
        release {
            isMinifyEnabled = true
            // JNA and the generated bindings are reached by reflection and by name from native code.
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlinOptions { jvmTarget = "17" }
    buildFeatures { compose = true }
    sourceSets["main"].jniLibs.srcDir(jniLibsOut)
    // Native libraries stay uncompressed and page-aligned in the APK and are mapped from it in place: required
    // for 16 KB-page devices (Android 15+) to load them, and smaller on disk than extracting them at install.
    packaging { jniLibs { useLegacyPackaging = false } }
}

tasks.named("preBuild") { dependsOn(vieclamBindings) }

dependencies {
    implementation(project(":ui"))
    implementation(platform(libs.compose.bom))
    implementation(libs.compose.ui)
    implementation(libs.compose.material3)
    implementation(libs.activity.compose)
    implementation(libs.navigation.compose)
    implementation(libs.lifecycle.viewmodel.compose)
    implementation(libs.lifecycle.runtime.compose)
    implementation(libs.camerax.core)
    implementation(libs.camerax.camera2)
    implementation(libs.camerax.lifecycle)
    implementation(libs.camerax.view)
    implementation(libs.play.services.location)
    implementation(libs.work.runtime)
}
