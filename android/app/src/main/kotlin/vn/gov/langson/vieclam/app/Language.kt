//! The core's language for the device's locale: Vietnamese unless the device is set to English.
package vn.gov.langson.vieclam.app

import android.content.Context
import vn.gov.langson.vieclam.core.Language

/** [Language.EN] when the device's first locale is English, else [Language.VI]. */
fun appLanguage(context: Context): Language =
    if (context.resources.configuration.locales[0].language == "en") Language.EN else Language.VI
