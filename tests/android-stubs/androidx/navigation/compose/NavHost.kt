// SIGNATURE STUB FOR COMPILING ONLY, NOT THE REAL LIBRARY: every body throws. It mirrors the public API of
// androidx.navigation:navigation-compose 2.8.5 that android/app uses (same package, names, types, generics; the
// transition parameters that come before the last lambda, all defaulted, are left out).
// Only scripts/android-app-jvm.sh uses it; the real library comes from Google's Maven in the Gradle build.
package androidx.navigation.compose

import androidx.compose.animation.AnimatedContentScope
import androidx.compose.runtime.Composable
import androidx.compose.runtime.State
import androidx.compose.ui.Modifier
import androidx.navigation.NavBackStackEntry
import androidx.navigation.NavController
import androidx.navigation.NavGraphBuilder
import androidx.navigation.NavHostController

private const val STUB = "signature stub (tests/android-stubs): compile only"

fun NavGraphBuilder.composable(
    route: String,
    content: @Composable AnimatedContentScope.(NavBackStackEntry) -> Unit,
): Unit = throw UnsupportedOperationException(STUB)

@Composable
fun NavHost(
    navController: NavHostController,
    startDestination: String,
    modifier: Modifier = Modifier,
    route: String? = null,
    builder: NavGraphBuilder.() -> Unit,
): Unit = throw UnsupportedOperationException(STUB)

@Composable
fun NavController.currentBackStackEntryAsState(): State<NavBackStackEntry?> = throw UnsupportedOperationException(STUB)

@Composable
fun rememberNavController(): NavHostController = throw UnsupportedOperationException(STUB)
