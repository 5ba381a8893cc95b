//! The one activity: asks for the permissions a role needs, then hosts the navigation graph. Screens are the
//! `ui` module's composables; this file and [Routes] only fetch records from the core and hand actions back.
package vn.gov.langson.vieclam.app

import android.Manifest
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import vn.gov.langson.vieclam.ui.theme.VieclamTheme

/** Entry point: permissions, theme, navigation. */
class MainActivity : ComponentActivity() {
    private val permissions = registerForActivityResult(ActivityResultContracts.RequestMultiplePermissions()) {}

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        permissions.launch(
            arrayOf(
                Manifest.permission.ACCESS_FINE_LOCATION,
                Manifest.permission.CAMERA,
                Manifest.permission.POST_NOTIFICATIONS,
            ),
        )
        val app = application as VieclamApp
        val strings = uiStrings(this)
        setContent { VieclamTheme { VieclamNavHost(app, strings) } }
    }
}
