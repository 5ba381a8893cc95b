//! Location fixes from the Fused Location Provider, converted to the core's `LocationFix` with the platform's
//! mock flag, accuracy, altitude and satellites; the core judges them. A site check takes the best fix over a
//! short window, a plot walk streams them.
//!
//! Nothing here asks for a location without a granted permission (fine or coarse: Android 12+ lets the person grant
//! only approximate location, and the core's verdict then says the fix is too imprecise), and nothing waits for a
//! fix forever: with GPS off the window ends after a timeout and the caller shows why.
package vn.gov.langson.vieclam.app

import android.Manifest
import android.content.Context
import android.content.pm.PackageManager
import android.location.Location
import android.os.Build
import android.os.Looper
import androidx.core.content.ContextCompat
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
import kotlinx.coroutines.withTimeoutOrNull
import vn.gov.langson.vieclam.core.LocationFix

/** The permissions a fix needs, asked for together: on Android 12+ the person may grant only the coarse one. */
val LOCATION_PERMISSIONS = arrayOf(Manifest.permission.ACCESS_FINE_LOCATION, Manifest.permission.ACCESS_COARSE_LOCATION)

/** Whether the person granted fine or at least coarse location; without either no location call is made. */
fun hasLocationPermission(context: Context): Boolean = LOCATION_PERMISSIONS.any {
    ContextCompat.checkSelfPermission(context, it) == PackageManager.PERMISSION_GRANTED
}

/**
 * The core's fix from an Android location; `mocked` is the platform's own flag, never guessed here. Null when the
 * platform gave no horizontal accuracy: `getAccuracy()` then reads 0.0, which would pass as a perfect 0 m fix, and
 * the core only believes a fix whose accuracy is known (core/src/checks/fix.rs), so such a fix is skipped.
 */
fun Location.toFix(): LocationFix? {
    if (!hasAccuracy()) return null
    return LocationFix(
        lat = latitude,
        lon = longitude,
        accuracyM = accuracy.toDouble(),
        altitudeM = if (hasAltitude()) altitude else null,
        time = Instant.ofEpochMilli(time).toString(),
        provider = provider ?: "fused",
        satellites = extras?.getInt("satellites")?.takeIf { it > 0 }?.toUInt(),
        mocked = if (Build.VERSION.SDK_INT >= 31) isMock else @Suppress("DEPRECATION") isFromMockProvider,
    )
}

/**
 * High-accuracy fixes every second while collected (coarse ones when only coarse location is granted). The flow
 * fails with [SecurityException] when no location permission is granted, or when it is revoked mid-walk, instead
 * of requesting updates it may not have.
 */
fun fixes(context: Context): Flow<LocationFix> = callbackFlow {
    if (!hasLocationPermission(context)) {
        close(SecurityException("location permission not granted"))
        awaitClose {}
        return@callbackFlow
    }
    val client = LocationServices.getFusedLocationProviderClient(context)
    val request = LocationRequest.Builder(Priority.PRIORITY_HIGH_ACCURACY, 1_000).build()
    val callback = object : LocationCallback() {
        override fun onLocationResult(result: LocationResult) {
            result.locations.forEach { location -> location.toFix()?.let { trySend(it) } }
        }
    }
    try {
        client.requestLocationUpdates(request, callback, Looper.getMainLooper())
    } catch (e: SecurityException) {
        // Revoked between the check above and this call (the person can do so from the notification shade).
        close(e)
    }
    awaitClose { client.removeLocationUpdates(callback) }
}

/** How a capture window ended: a fix to hand the core, or why there is none (each has its sentence for the person). */
sealed interface FixOutcome {
    /** The best fix of the window. */
    data class Got(val fix: LocationFix) : FixOutcome

    /** Location permission is not granted (or was revoked): nothing was asked of the platform. */
    data object NoPermission : FixOutcome

    /** No usable fix within the timeout: GPS off, indoors, or no sky. */
    data object NoFix : FixOutcome
}

/** The fix of an outcome, or null. */
val FixOutcome.fixOrNull: LocationFix? get() = (this as? FixOutcome.Got)?.fix

/** What to tell the person when an outcome has no fix, in the app's language (strings.xml). */
fun FixOutcome.problem(context: Context): String? = when (this) {
    is FixOutcome.Got -> null
    FixOutcome.NoPermission -> context.getString(R.string.location_denied)
    FixOutcome.NoFix -> context.getString(R.string.location_timeout)
}

/**
 * The best of the next `count` fixes, waiting at most [timeoutMillis]: the window a site check starts from. When the
 * time runs out with some fixes taken, the best of those is used; with none, [FixOutcome.NoFix].
 */
suspend fun bestFix(context: Context, count: Int = 5, timeoutMillis: Long = 20_000): FixOutcome {
    if (!hasLocationPermission(context)) return FixOutcome.NoPermission
    val seen = mutableListOf<LocationFix>()
    // The window opens a second early: a fix the platform stamped just before the first request still counts.
    val opened = Instant.now().minusSeconds(1)
    try {
        withTimeoutOrNull(timeoutMillis) { fixes(context).take(count).collect { seen += it } }
    } catch (e: SecurityException) {
        return FixOutcome.NoPermission
    }
    // Which fix of the window is best is the core's rule (real before mocked, then accuracy, satellites, latest).
    val best = vn.gov.langson.vieclam.core.bestFix(seen, opened.toString(), Instant.now().toString())
    return best?.let { FixOutcome.Got(it) } ?: FixOutcome.NoFix
}
