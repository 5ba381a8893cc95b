// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// com.google.android.gms:play-services-location 21.3.0 (android/gradle/libs.versions.toml) that android/app uses.
// The real classes are Java: getters are Kotlin properties of the same name here, static members companion members,
// and @NonNull/@Nullable this file's nullability. Only scripts/android-app-jvm.sh uses it.
package com.google.android.gms.location

import android.content.Context
import android.location.Location
import android.os.Looper
import com.google.android.gms.tasks.Task

private const val STUB = "signature stub (tests/android-stubs): compile only"

class LocationServices private constructor() {
    companion object {
        @JvmStatic
        fun getFusedLocationProviderClient(context: Context): FusedLocationProviderClient =
            throw UnsupportedOperationException(STUB)
    }
}

interface FusedLocationProviderClient {
    fun requestLocationUpdates(request: LocationRequest, callback: LocationCallback, looper: Looper?): Task<Void>

    fun removeLocationUpdates(callback: LocationCallback): Task<Void>
}

class LocationRequest private constructor() {
    class Builder(priority: Int, intervalMillis: Long) {
        fun build(): LocationRequest = throw UnsupportedOperationException(STUB)
    }
}

class Priority private constructor() {
    companion object {
        const val PRIORITY_HIGH_ACCURACY: Int = 100
        const val PRIORITY_BALANCED_POWER_ACCURACY: Int = 102
        const val PRIORITY_LOW_POWER: Int = 104
        const val PRIORITY_PASSIVE: Int = 105
    }
}

abstract class LocationCallback {
    open fun onLocationResult(result: LocationResult): Unit = throw UnsupportedOperationException(STUB)
}

class LocationResult private constructor() {
    val locations: List<Location> get() = throw UnsupportedOperationException(STUB)
}
