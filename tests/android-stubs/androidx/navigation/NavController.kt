// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.navigation:navigation-runtime/-common 2.8.5 (android/gradle/libs.versions.toml) that android/app uses:
// same package, names, parameter types, nullability and generics. Only scripts/android-app-jvm.sh uses it.
package androidx.navigation

import android.content.Context
import android.os.Bundle
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.LifecycleOwner

private const val STUB = "signature stub (tests/android-stubs): compile only"

open class NavDestination private constructor() {
    var route: String?
        get() = throw UnsupportedOperationException(STUB)
        set(@Suppress("UNUSED_PARAMETER") value) = throw UnsupportedOperationException(STUB)
}

class NavBackStackEntry private constructor() : LifecycleOwner {
    val destination: NavDestination get() = throw UnsupportedOperationException(STUB)
    val arguments: Bundle? get() = throw UnsupportedOperationException(STUB)
    override val lifecycle: Lifecycle get() = throw UnsupportedOperationException(STUB)
}

class NavOptions private constructor()

class PopUpToBuilder private constructor() {
    var inclusive: Boolean
        get() = throw UnsupportedOperationException(STUB)
        set(@Suppress("UNUSED_PARAMETER") value) = throw UnsupportedOperationException(STUB)
    var saveState: Boolean
        get() = throw UnsupportedOperationException(STUB)
        set(@Suppress("UNUSED_PARAMETER") value) = throw UnsupportedOperationException(STUB)
}

class NavOptionsBuilder private constructor() {
    var launchSingleTop: Boolean
        get() = throw UnsupportedOperationException(STUB)
        set(@Suppress("UNUSED_PARAMETER") value) = throw UnsupportedOperationException(STUB)

    fun popUpTo(id: Int, popUpToBuilder: PopUpToBuilder.() -> Unit = {}): Unit = throw UnsupportedOperationException(STUB)

    fun popUpTo(route: String, popUpToBuilder: PopUpToBuilder.() -> Unit = {}): Unit =
        throw UnsupportedOperationException(STUB)
}

open class NavController(context: Context) {
    fun navigate(route: String, builder: NavOptionsBuilder.() -> Unit): Unit = throw UnsupportedOperationException(STUB)

    @JvmOverloads
    fun navigate(route: String, navOptions: NavOptions? = null): Unit = throw UnsupportedOperationException(STUB)

    open fun popBackStack(): Boolean = throw UnsupportedOperationException(STUB)
}

open class NavHostController(context: Context) : NavController(context)

/** Real: extends NavDestinationBuilder<NavGraph>; the routes are added by navigation-compose's `composable`. */
open class NavGraphBuilder private constructor()
