//! The programme catalogue (`catalogue`): domestic vacancies, training, job-creation loans and contract work
//! abroad from licensed enterprises only, searchable without diacritics (the core folds the query).
package vn.gov.langson.vieclam.ui.worker

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import vn.gov.langson.vieclam.core.Catalogue
import vn.gov.langson.vieclam.ui.UiStrings
import vn.gov.langson.vieclam.ui.common.RowCard
import vn.gov.langson.vieclam.ui.common.ScreenFrame
import vn.gov.langson.vieclam.ui.common.TextInput

/** The catalogue with its search box; tapping a programme opens it (or applies) by id. */
@Composable
fun CatalogueScreen(
    catalogue: Catalogue,
    query: String,
    strings: UiStrings,
    onQuery: (String) -> Unit,
    onProgramme: (String) -> Unit,
) {
    ScreenFrame(catalogue.title.ifBlank { strings.catalogueTitle }) {
        TextInput(query, onQuery, strings.search)
        for (p in catalogue.programmes) {
            RowCard(onClick = { onProgramme(p.id) }) {
                Text(p.kindText, style = MaterialTheme.typography.labelMedium, color = MaterialTheme.colorScheme.primary)
                Text(p.title, style = MaterialTheme.typography.titleMedium)
                p.enterpriseText?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
                listOfNotNull(p.place, p.seatsText, p.closesText).takeIf { it.isNotEmpty() }?.let {
                    Text(it.joinToString(" · "), style = MaterialTheme.typography.bodyMedium)
                }
            }
        }
    }
}
