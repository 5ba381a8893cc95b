//! The one activity: asks for the permissions a role needs, then hosts the navigation graph. Screens are the
//! `ui` module's composables; this file and [Routes] only fetch records from the core and hand actions back.
package vn.gov.langson.vieclam.app

import android.Manifest
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.core.content.ContextCompat
import vn.gov.langson.vieclam.ui.theme.VieclamTheme

/** Entry point: permissions, theme, navigation. */
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
        setContent { VieclamTheme { VieclamNavHost(app, strings) } }
    }
}
