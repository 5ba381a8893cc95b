//! The minutes as one printable HTML file: self-contained (inline CSS, no scripts, no external resources), A4 print
//! styles, every piece of text escaped. The office prints it or saves it as PDF from any browser; the phone can
//! share it as a file.

use crate::checks::minutes::{Minutes, MinutesSection};
use crate::messages::Lang;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
@page { size: A4; margin: 20mm 18mm 20mm 25mm; }
body { font-family: 'Times New Roman', Times, serif; font-size: 13pt; line-height: 1.45; color: #000;
       max-width: 170mm; margin: 0 auto; padding: 8mm 0; }
.nation { text-align: center; font-weight: bold; margin: 0; }
.motto { text-align: center; font-weight: bold; margin: 0 0 8mm; text-decoration: underline; }
h1 { text-align: center; font-size: 16pt; margin: 4mm 0 1mm; text-transform: uppercase; }
.subject { text-align: center; font-style: italic; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; }
table.items { border-collapse: collapse; width: 100%; }
table.items td { border: 1px solid #444; padding: 1.5mm 2.5mm; vertical-align: top; }
table.items td.value { width: 40%; }
p { margin: 1mm 0; text-align: justify; }
.signatures { display: flex; justify-content: space-between; margin-top: 12mm; page-break-inside: avoid; }
.signatures div { width: 45%; text-align: center; font-weight: bold; }
.signatures small { display: block; font-weight: normal; font-style: italic; margin-bottom: 25mm; }
@media print { body { padding: 0; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
";

fn section(out: &mut String, s: &MinutesSection) {
    out.push_str(&format!("<h2>{}</h2>\n", escape(&s.title)));
    if !s.items.is_empty() {
        out.push_str("<table class=\"items\">\n");
        for i in &s.items {
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"value\">{}</td></tr>\n",
                escape(&i.label),
                escape(&i.value)
            ));
        }
        out.push_str("</table>\n");
    }
    for line in &s.lines {
        out.push_str(&format!("<p>{}</p>\n", escape(line)));
    }
}

/// The minutes as a complete HTML document, in the language the minutes were made in.
pub fn minutes_html(m: &Minutes) -> String {
    let (lang, nation, motto) = match m.lang {
        Lang::Vi => ("vi", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc"),
        Lang::En => ("en", "SOCIALIST REPUBLIC OF VIETNAM", "Independence – Freedom – Happiness"),
    };
    let mut out = String::with_capacity(8 * 1024);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} – {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&m.title),
        escape(&m.commune_name)
    ));
    out.push_str(&format!("<p class=\"nation\">{nation}</p>\n<p class=\"motto\">{motto}</p>\n"));
    out.push_str(&format!("<h1>{}</h1>\n<p class=\"subject\">{}</p>\n", escape(&m.title), escape(&m.subject)));
    for h in &m.header {
        out.push_str(&format!("<p><strong>{}:</strong> {}</p>\n", escape(&h.label), escape(&h.value)));
    }
    for s in &m.sections {
        section(&mut out, s);
    }
    out.push_str("<div class=\"signatures\">\n");
    for (who, hint) in &m.signatures {
        out.push_str(&format!("<div>{}<small>{}</small></div>\n", escape(who), escape(hint)));
    }
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("Đình Lập"), "Đình Lập");
    }
}
