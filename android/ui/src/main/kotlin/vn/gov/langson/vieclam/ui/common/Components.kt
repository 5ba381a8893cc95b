//! Building blocks every screen shares: a screen frame with a title (and an optional back action), headings,
//! label/value rows from the core's `LabeledValue`, text fields with their label above them, a row that wraps, and
//! buttons that never fall under the 48 dp touch target. Everything here stays legible at the largest font scale.
package vn.gov.langson.vieclam.ui.common

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
import androidx.compose.material3.Divider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.layout.Layout
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.error
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.input.VisualTransformation
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.IntOffset
import androidx.compose.ui.unit.dp
import vn.gov.langson.vieclam.core.LabeledValue
import vn.gov.langson.vieclam.ui.theme.MinTouchTarget

/** At this font scale and above, a back button stacks over its title and a value under its label, to keep their width. */
private const val LARGE_FONT_SCALE = 1.5f

/** A screen: a coloured title bar (with a back button when `onBack` is given) over scrolling content. */
@Composable
fun ScreenFrame(
    title: String,
    onBack: (() -> Unit)? = null,
    backLabel: String = "Quay lại",
    scroll: Boolean = true,
    content: @Composable ColumnScope.() -> Unit,
) {
    Surface(Modifier.fillMaxSize(), color = MaterialTheme.colorScheme.background) {
        Column {
            Surface(color = MaterialTheme.colorScheme.primary, contentColor = MaterialTheme.colorScheme.onPrimary) {
                val back = @Composable {
                    if (onBack != null) {
                        TextButton(
                            onClick = onBack,
                            colors = ButtonDefaults.textButtonColors(contentColor = MaterialTheme.colorScheme.onPrimary),
                            modifier = Modifier.heightIn(min = MinTouchTarget),
                        ) { Text("‹ $backLabel", style = MaterialTheme.typography.labelLarge) }
                    }
                }
                val heading = @Composable {
                    Text(title, style = MaterialTheme.typography.titleLarge, modifier = Modifier.semantics { heading() })
                }
                if (onBack != null && LocalDensity.current.fontScale >= LARGE_FONT_SCALE) {
                    // Large type: a title beside the back button would break inside its words and numbers.
                    Column(Modifier.fillMaxWidth().padding(horizontal = 16.dp, vertical = 8.dp)) {
                        back()
                        heading()
                    }
                } else {
                    Row(
                        Modifier.fillMaxWidth().heightIn(min = 64.dp).padding(horizontal = 16.dp),
                        verticalAlignment = Alignment.CenterVertically,
                    ) {
                        if (onBack != null) {
                            back()
                            Spacer(Modifier.width(12.dp))
                        }
                        heading()
                    }
                }
            }
            val body = Modifier.fillMaxWidth().padding(16.dp)
            Column(
                if (scroll) body.verticalScroll(rememberScrollState()) else body,
                verticalArrangement = Arrangement.spacedBy(12.dp),
                content = content,
            )
        }
    }
}

/** A section heading, marked as a heading for TalkBack and VoiceOver. */
@Composable
fun SectionTitle(text: String) {
    Text(
        text,
        style = MaterialTheme.typography.titleMedium,
        color = MaterialTheme.colorScheme.primary,
        modifier = Modifier.padding(top = 8.dp).semantics { heading() },
    )
}

/**
 * One label and its value on one line (wrapping when long), the value in bold. At large type the value goes under
 * its label with the full width, so codes and numbers ("KT-06613-0002", "73031000278") are not broken in two.
 */
@Composable
fun LabeledRow(label: String, value: String, valueColor: Color = Color.Unspecified) {
    if (LocalDensity.current.fontScale >= LARGE_FONT_SCALE) {
        Column(Modifier.fillMaxWidth().padding(vertical = 4.dp)) {
            Text(label, style = MaterialTheme.typography.bodyMedium)
            Text(value, style = MaterialTheme.typography.bodyMedium, fontWeight = FontWeight.Bold, color = valueColor)
        }
        return
    }
    Row(Modifier.fillMaxWidth().padding(vertical = 4.dp), horizontalArrangement = Arrangement.SpaceBetween) {
        Text(label, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.weight(1f))
        Spacer(Modifier.width(12.dp))
        Text(
            value,
            style = MaterialTheme.typography.bodyMedium,
            fontWeight = FontWeight.Bold,
            color = valueColor,
            modifier = Modifier.weight(1f),
        )
    }
}

/** The core's label/value pairs as rows in a card. */
@Composable
fun FieldsCard(fields: List<LabeledValue>) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp)) {
            fields.forEachIndexed { i, f ->
                if (i > 0) Divider()
                LabeledRow(f.label, f.value)
            }
        }
    }
}

/** The main action of a screen: full width, at least 56 dp high. */
@Composable
fun PrimaryButton(text: String, onClick: () -> Unit, enabled: Boolean = true) {
    Button(onClick = onClick, enabled = enabled, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
        Text(text, style = MaterialTheme.typography.labelLarge)
    }
}

/** A secondary action: outlined, full width, at least 48 dp high. */
@Composable
fun SecondaryButton(text: String, onClick: () -> Unit, enabled: Boolean = true) {
    OutlinedButton(onClick = onClick, enabled = enabled, modifier = Modifier.fillMaxWidth().heightIn(min = MinTouchTarget)) {
        Text(text, style = MaterialTheme.typography.labelLarge)
    }
}

/** A tappable card of a list, at least 48 dp high. */
@Composable
fun RowCard(onClick: (() -> Unit)?, content: @Composable ColumnScope.() -> Unit) {
    val inner = @Composable { Column(Modifier.fillMaxWidth().heightIn(min = MinTouchTarget).padding(12.dp), content = content) }
    // Card(onClick) is still experimental in some Material 3 releases: a clickable modifier works in all of them.
    val modifier = if (onClick != null) Modifier.fillMaxWidth().clickable(onClick = onClick) else Modifier.fillMaxWidth()
    Card(modifier) { inner() }
}

/**
 * A text field with its label above it, not floating on its border: a floating label of two lines (long labels, or
 * large type) would spill over what is above the field. The field carries the label and the error for TalkBack.
 */
@Composable
fun TextInput(
    value: String,
    onValueChange: (String) -> Unit,
    label: String,
    modifier: Modifier = Modifier,
    singleLine: Boolean = true,
    enabled: Boolean = true,
    errorText: String? = null,
    keyboardOptions: KeyboardOptions = KeyboardOptions.Default,
    visualTransformation: VisualTransformation = VisualTransformation.None,
) {
    Column(modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        val labelColour = if (errorText != null) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurfaceVariant
        Text(label, style = MaterialTheme.typography.labelLarge, color = labelColour, modifier = Modifier.clearAndSetSemantics {})
        OutlinedTextField(
            value = value,
            onValueChange = onValueChange,
            singleLine = singleLine,
            enabled = enabled,
            isError = errorText != null,
            keyboardOptions = keyboardOptions,
            visualTransformation = visualTransformation,
            textStyle = MaterialTheme.typography.bodyLarge,
            modifier = Modifier.fillMaxWidth().semantics {
                contentDescription = label
                if (errorText != null) error(errorText)
            },
        )
        if (errorText != null) {
            Text(errorText, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.clearAndSetSemantics {})
        }
    }
}

/** Children side by side, wrapping onto the next line when the width runs out (a flow row on stable APIs only). */
@Composable
fun WrapRow(modifier: Modifier = Modifier, spacing: Dp = 4.dp, content: @Composable () -> Unit) {
    Layout(content, modifier) { measurables, constraints ->
        val gap = spacing.roundToPx()
        val placeables = measurables.map { it.measure(constraints.copy(minWidth = 0, minHeight = 0)) }
        val positions = ArrayList<IntOffset>(placeables.size)
        var x = 0
        var y = 0
        var lineHeight = 0
        var widest = 0
        for (p in placeables) {
            if (x > 0 && x + p.width > constraints.maxWidth) {
                x = 0
                y += lineHeight + gap
                lineHeight = 0
            }
            positions += IntOffset(x, y)
            widest = maxOf(widest, x + p.width)
            x += p.width + gap
            lineHeight = maxOf(lineHeight, p.height)
        }
        val width = if (constraints.hasBoundedWidth) constraints.maxWidth else widest
        layout(width.coerceAtLeast(constraints.minWidth), (y + lineHeight).coerceAtLeast(constraints.minHeight)) {
            placeables.forEachIndexed { i, p -> p.place(positions[i]) }
        }
    }
}
