// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.core:core's NotificationCompat and NotificationManagerCompat (Java classes: static methods are companion
// functions here, @NonNull/@Nullable this file's nullability) that android/app uses.
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build.
package androidx.core.app

import android.app.Notification
import android.content.Context

private const val STUB = "signature stub (tests/android-stubs): compile only"

open class NotificationCompat protected constructor() {
    open class Builder(context: Context, channelId: String) {
        open fun setSmallIcon(icon: Int): Builder = throw UnsupportedOperationException(STUB)

        open fun setContentTitle(title: CharSequence?): Builder = throw UnsupportedOperationException(STUB)

        open fun setContentText(text: CharSequence?): Builder = throw UnsupportedOperationException(STUB)

        open fun setStyle(style: Style?): Builder = throw UnsupportedOperationException(STUB)

        open fun setAutoCancel(autoCancel: Boolean): Builder = throw UnsupportedOperationException(STUB)

        open fun build(): Notification = throw UnsupportedOperationException(STUB)
    }

    abstract class Style

    open class BigTextStyle : Style() {
        open fun bigText(cs: CharSequence?): BigTextStyle = throw UnsupportedOperationException(STUB)
    }
}

class NotificationManagerCompat private constructor() {
    fun notify(id: Int, notification: Notification): Unit = throw UnsupportedOperationException(STUB)

    companion object {
        @JvmStatic
        fun from(context: Context): NotificationManagerCompat = throw UnsupportedOperationException(STUB)
    }
}
