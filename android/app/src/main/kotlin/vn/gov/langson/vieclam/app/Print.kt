//! Printing the core's HTML (the commune minutes) with the platform: the page is laid out in an offscreen WebView
//! and handed to Android's print framework, which also saves it as PDF or shares it.
package vn.gov.langson.vieclam.app

import android.content.Context
import android.print.PrintAttributes
import android.print.PrintManager
import android.webkit.WebView
import android.webkit.WebViewClient

// The print framework reads the WebView after this call returns: keep it reachable until the next print.
private var printing: WebView? = null

/** Opens the system print dialog for `html` (a complete document from the core), named `jobName`. */
fun printHtml(context: Context, jobName: String, html: String) {
    val view = WebView(context)
    view.webViewClient = object : WebViewClient() {
        override fun onPageFinished(page: WebView, url: String?) {
            val manager = context.getSystemService(PrintManager::class.java) ?: return
            manager.print(jobName, page.createPrintDocumentAdapter(jobName), PrintAttributes.Builder().build())
        }
    }
    // No base URL and no JavaScript: the core's page is self-contained.
    view.loadDataWithBaseURL(null, html, "text/html", "UTF-8", null)
    printing = view
}
