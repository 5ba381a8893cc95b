//! Location fixes from the Fused Location Provider, converted to the core's `LocationFix` with the platform's
//! mock flag, accuracy, altitude and satellites; the core judges them. A site check takes the best fix over a
//! short window, a plot walk streams them.
package vn.gov.langson.vieclam.app

import android.annotation.SuppressLint
import android.content.Context
import android.location.Location
import android.os.Build
import android.os.Looper
import com.google.android.gms.location.LocationCallback
import com.google.android.gms.location.LocationRequest
import com.google.android.gms.location.LocationResult
import com.google.android.gms.location.LocationServices
import com.google.android.gms.location.Priority
import java.time.Instant
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import vn.gov.langson.vieclam.core.LocationFix

/** The core's fix from an Android location; `mocked` is the platform's own flag, never guessed here. */
fun Location.toFix(): LocationFix = LocationFix(
    lat = latitude,
    lon = longitude,
    accuracyM = accuracy.toDouble(),
    altitudeM = if (hasAltitude()) altitude else null,
    time = Instant.ofEpochMilli(time).toString(),
    provider = provider ?: "fused",
    satellites = extras?.getInt("satellites")?.takeIf { it > 0 }?.toUInt(),
    mocked = if (Build.VERSION.SDK_INT >= 31) isMock else @Suppress("DEPRECATION") isFromMockProvider,
)

/** High-accuracy fixes every second while collected. The caller holds ACCESS_FINE_LOCATION. */
@SuppressLint("MissingPermission")
fun fixes(context: Context): Flow<LocationFix> = callbackFlow {
    val client = LocationServices.getFusedLocationProviderClient(context)
    val request = LocationRequest.Builder(Priority.PRIORITY_HIGH_ACCURACY, 1_000).build()
    val callback = object : LocationCallback() {
        override fun onLocationResult(result: LocationResult) {
            result.locations.forEach { trySend(it.toFix()) }
        }
    }
    client.requestLocationUpdates(request, callback, Looper.getMainLooper())
    awaitClose { client.removeLocationUpdates(callback) }
}

/** The most accurate of the next `count` fixes: the window a site check starts from. */
suspend fun bestFix(context: Context, count: Int = 5): LocationFix =
    fixes(context).take(count).toList().minBy { it.accuracyM }
