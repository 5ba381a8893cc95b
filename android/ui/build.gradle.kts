// Stateless composables over the core's screen records. Only androidx.compose.* APIs that Jetpack Compose and
// Compose Multiplatform share, so scripts/screenshots.sh compiles these same sources on the desktop JVM.
plugins {
    alias(libs.plugins.android.library)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
}

android {
    namespace = "vn.gov.langson.vieclam.ui"
    compileSdk = 36
    defaultConfig { minSdk = 26 }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlinOptions { jvmTarget = "17" }
    // The generated bindings (records the screens take) are compiled here too; the app module builds them.
    sourceSets["main"].java.srcDir(rootProject.layout.buildDirectory.dir("generated/vieclam-bindings"))
}

dependencies {
    implementation(platform(libs.compose.bom))
    implementation(libs.compose.ui)
    implementation(libs.compose.foundation)
    implementation(libs.compose.material3)
    implementation(libs.compose.ui.tooling.preview)
    // JNA, as its Android AAR (with libjnidispatch for each ABI), loads libvieclam_ffi.so for the bindings.
    api("net.java.dev.jna:jna:${libs.versions.jna.get()}@aar")
    api(libs.coroutines.android)
    debugImplementation(libs.compose.ui.tooling)
}

tasks.named("preBuild") { dependsOn(":app:vieclamBindings") }
