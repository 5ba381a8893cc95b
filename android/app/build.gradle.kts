// The Android app: Activity and navigation, CameraX, Fused Location, WorkManager sync, Keystore-wrapped database
// key, reminder notifications. The core's native library is built by bindings/scripts/build-android.sh (cargo-ndk
// for arm64-v8a, armeabi-v7a and x86_64) before every build, with its Kotlin bindings.
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
    inputs.dir(File(repoRoot, "core/src"))
    inputs.dir(File(repoRoot, "bindings/src"))
    outputs.dir(jniLibsOut)
    outputs.dir(bindingsOut)
}

android {
    namespace = "vn.gov.langson.vieclam.app"
    compileSdk = 35
    defaultConfig {
        applicationId = "vn.gov.langson.vieclam"
        minSdk = 26
        targetSdk = 35
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
