//! The report as printable HTML in the layout of a Vietnamese administrative document (Decree 30/2020/NĐ-CP):
//! the issuing body and the national motto side by side, the number and the place and date, the kind and title
//! centred, the body in Times New Roman 14 pt justified, the recipients and the signature block side by side, and
//! each annex on a landscape page of its own. A browser prints it to A4 as it is; links to the dashboard pages the
//! figures come from stay in the text, and the toolbar is not printed.

use vieclam_core::checks::minutes_html::escape;

use vieclam_core::messages::report as r;

use super::compose::vi;
use super::doc::{Block, Cell, Document, MOTTO, NATION, Table};

const STYLE: &str = "@page{size:A4;margin:20mm 15mm 20mm 30mm}@page annex{size:A4 landscape;margin:15mm}\
body{font-family:'Times New Roman',Times,'Liberation Serif',serif;font-size:14pt;line-height:1.35;color:#000;\
max-width:165mm;margin:1rem auto}table.head{width:100%;border-collapse:collapse;font-size:13pt}\
table.head td{text-align:center;vertical-align:top;padding:0}table.head td.issuer{width:40%}table.head td.motto{width:60%}.nation{font-size:12pt;white-space:nowrap}.number{white-space:pre}.upper{text-transform:uppercase}\
.rule{display:block;width:35%;margin:.1rem auto 0;border-top:1px solid #000}.motto .rule{width:60%}\
.place{font-style:italic;text-align:right;margin:.6rem 0 1rem}.kind{text-align:center;font-weight:bold;\
margin:1rem 0 0}.title{text-align:center;font-weight:bold;margin:0 0 .5rem}p.body,p.dash{text-align:justify;\
text-indent:1.27cm;margin:.3rem 0}h2{font-size:14pt;margin:.8rem 0 .3rem;text-indent:1.27cm}\
h3{font-size:14pt;margin:.6rem 0 .3rem;text-indent:1.27cm}p.source{font-size:11pt;font-style:italic;\
margin:.1rem 0 .4rem 1.27cm}p.source a{color:#000}table.data{border-collapse:collapse;width:100%;font-size:11pt;\
margin:.4rem 0}table.data td,table.data th{border:1px solid #000;padding:.15rem .3rem;vertical-align:top}\
table.data td.n{text-align:right;white-space:nowrap}table.data td:first-child{min-width:7.5rem}table.data tr.total td{font-weight:bold}\
table.sign{width:100%;margin-top:1rem;border-collapse:collapse}table.sign td{vertical-align:top;width:50%}\
.to{font-size:12pt;font-weight:bold;font-style:italic}.to-list{font-size:11pt;margin:0;padding:0;list-style:none}\
.signer{text-align:center;font-weight:bold}.signer .name{margin-top:5.5rem}section.annex{page:annex;\
break-before:page;max-width:none}section.annex h2{text-align:center;text-indent:0}.tools{font-family:system-ui,\
sans-serif;font-size:11pt;border:1px solid #888;padding:.4rem;margin-bottom:1rem}@media print{.tools{display:none}\
body{max-width:none;margin:0}}";

fn cell(c: &Cell) -> String {
    let class = if c.is_number() { " class=\"n\"" } else { "" };
    let inner = match c {
        Cell::Link(text, href) => format!("<a href=\"{}\">{}</a>", escape(href), escape(text)),
        other => escape(&other.text()),
    };
    format!("<td{class}>{inner}</td>")
}

/// One table, with the page its figures come from beneath it.
pub fn table(t: &Table) -> String {
    let mut out = String::from("<table class=\"data\"><thead><tr>");
    for h in &t.head {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for r in &t.rows {
        out.push_str("<tr>");
        r.iter().for_each(|c| out.push_str(&cell(c)));
        out.push_str("</tr>");
    }
    if let Some(total) = &t.total {
        out.push_str("<tr class=\"total\">");
        total.iter().for_each(|c| out.push_str(&cell(c)));
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out.push_str(&format!(
        "<p class=\"source\">{}: <a href=\"{}\">{}</a></p>",
        vi(r::SOURCE),
        escape(&t.source),
        escape(&t.source)
    ));
    out
}

fn block(b: &Block) -> String {
    match b {
        Block::Part(t) => format!("<h2>{}</h2>", escape(t)),
        Block::Section(t) => format!("<h3>{}</h3>", escape(t)),
        Block::Para(t) => format!("<p class=\"body\">{}</p>", escape(t)),
        Block::Dash(t) => format!("<p class=\"dash\">- {}</p>", escape(t)),
        Block::Source(words, href) => {
            format!("<p class=\"source\">({}: <a href=\"{}\">{}</a>)</p>", escape(words), escape(href), escape(href))
        }
        Block::Table(t) => format!("<p class=\"body\"><b>{}</b></p>{}", escape(&t.title), table(t)),
    }
}

/// The whole document; `downloads` are the toolbar's links (`(words, href)`), shown on screen only.
pub fn document(d: &Document, downloads: &[(&str, String)]) -> String {
    let tools: Vec<String> =
        downloads.iter().map(|(w, href)| format!("<a href=\"{}\">{}</a>", escape(href), escape(w))).collect();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{} — {}</title><style>{STYLE}</style>\
         </head><body><div class=\"tools\">{} · {print}\
         </div><table class=\"head\"><tr><td class=\"issuer\"><div class=\"upper\">{}</div><div class=\"upper\"><b>{}</b></div>\
         <span class=\"rule\"></span><div class=\"number\">{}</div></td><td class=\"motto\"><div class=\"nation\"><b>{NATION}</b></div>\
         <div><b>{MOTTO}</b></div><span class=\"rule\"></span></td></tr></table><p class=\"place\">{}</p>\
         <p class=\"kind\">{}</p><p class=\"title\">{}</p><span class=\"rule\" style=\"width:25%;margin-bottom:.6rem\"></span>",
        escape(&d.kind),
        escape(&d.title),
        tools.join(" · "),
        escape(&d.authority),
        escape(&d.issuer),
        escape(&d.number),
        escape(&d.place_date),
        escape(&d.kind),
        escape(&d.title),
        print = escape(&r::PRINT_HINT.joined(&[]))
    );
    d.blocks.iter().for_each(|b| out.push_str(&block(b)));
    let signer = |function: &str, name: &str| {
        format!("<td class=\"signer\"><div>{}</div><div class=\"name\">{}</div></td>", escape(function), escape(name))
    };
    let left = match &d.counter_signer {
        Some((function, name)) => signer(function, name),
        None => {
            let to: String = d.recipients.iter().map(|r| format!("<li>- {}</li>", escape(r))).collect();
            format!("<td><div class=\"to\">{}</div><ul class=\"to-list\">{to}</ul></td>", vi(r::RECIPIENTS))
        }
    };
    out.push_str(&format!(
        "<table class=\"sign\"><tr>{left}{}</tr></table>",
        signer(&d.signer_function, &d.signer_name)
    ));
    for a in &d.annexes {
        out.push_str(&format!("<section class=\"annex\"><h2>{}</h2>{}</section>", escape(&a.title), table(a)));
    }
    out.push_str("</body></html>\n");
    out
}
