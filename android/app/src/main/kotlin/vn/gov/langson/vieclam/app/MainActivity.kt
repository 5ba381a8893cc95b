//! The one activity: asks for the permissions a role needs, waits for the store to open (off the main thread, see
//! [VieclamApp]) and then hosts the navigation graph, or the recovery screen when the store will not open. Screens
//! are the `ui` module's composables; this file and [Routes] only fetch records from the core and hand actions back.
package vn.gov.langson.vieclam.app

import android.Manifest
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import android.graphics.Color
import androidx.activity.ComponentActivity
import androidx.activity.SystemBarStyle
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.safeDrawingPadding
import androidx.compose.material3.MaterialTheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.core.content.ContextCompat
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import kotlinx.coroutines.launch
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.recovery.RecoveryScreen
import vn.gov.langson.vieclam.ui.theme.VieclamTheme

/** Entry point: permissions, theme, the store gate, navigation. */
class MainActivity : ComponentActivity() {
    // The answer is respected where it matters: every location call checks the permission first (Location.kt) and
    // says so when it is missing; reminders check notifications before posting. Nothing is asked twice in a launch.
    private val permissions = registerForActivityResult(ActivityResultContracts.RequestMultiplePermissions()) {}

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        // Fine and coarse together: Android 12+ shows "precise / approximate" and may grant only coarse.
        val wanted = LOCATION_PERMISSIONS.toList() + Manifest.permission.CAMERA +
            (if (Build.VERSION.SDK_INT >= 33) listOf(Manifest.permission.POST_NOTIFICATIONS) else emptyList())
        val missing = wanted.filter { ContextCompat.checkSelfPermission(this, it) != PackageManager.PERMISSION_GRANTED }
        if (missing.isNotEmpty() && savedInstanceState == null) permissions.launch(missing.toTypedArray())
        val app = application as VieclamApp
        val strings = uiStrings(this)
        // Targeting Android 15+ the window is always edge to edge: the screens are padded clear of the status and
        // navigation bars, the camera cut-out and the keyboard, so no title or button sits under them. The bars show
        // the title bar's blue, so their icons are light.
        enableEdgeToEdge(statusBarStyle = SystemBarStyle.dark(Color.TRANSPARENT))
        setContent {
            VieclamTheme {
                Box(Modifier.fillMaxSize().background(MaterialTheme.colorScheme.primary).safeDrawingPadding()) {
                    StoreGate(app, strings)
                }
            }
        }
    }
}

/**
 * The app once the store is open; until then a waiting screen, and when it will not open the recovery screen
 * (never a crash, never made-up data). "Sign in again" sets the unreadable file aside and opens a fresh store,
 * whose state change brings up the navigation on its sign-in screen.
 */
@Composable
private fun StoreGate(app: VieclamApp, strings: UiStrings) {
    val state by app.state.collectAsStateWithLifecycle()
    val scope = rememberCoroutineScope()
    var busy by remember { mutableStateOf(false) }
    when (val s = state) {
        StoreState.Opening -> WaitingScreen(strings.appName, strings)
        is StoreState.Failed -> RecoveryScreen(s.problem, strings, busy) {
            busy = true
            scope.launch {
                try {
                    app.startAfresh()
                } finally {
                    busy = false
                }
            }
        }
        is StoreState.Open -> VieclamNavHost(app, strings)
    }
}
