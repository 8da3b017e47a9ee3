//! The page's HTML: one file holding Leaflet, the page's own script and style, the basemap and
//! the content, so it opens from `file://` and asks the network for nothing (its
//! Content-Security-Policy forbids it). Article text reaches the page only inside the JSON data
//! block, with every `<`, `>` and `&` escaped, so no `</script>` in it can end the block.

use super::content::Content;
use super::PageOptions;
use crate::render::Labels;

const LEAFLET_JS: &str = include_str!("../../vendor/leaflet/leaflet.js");
const LEAFLET_CSS: &str = include_str!("../../vendor/leaflet/leaflet.css");
const PAGE_JS: &str = include_str!("page.js");
const PAGE_CSS: &str = include_str!("page.css");

/// The title when none is given, as the maps' (`render::map::DEFAULT_TITLE`).
const DEFAULT_TITLE: &str = "convoy: troop movements";

/// The whole page.
pub(crate) fn page(content: &Content, opts: &PageOptions) -> String {
    let title = opts.title.as_deref().unwrap_or(DEFAULT_TITLE);
    let (lang, labels) = match opts.labels {
        Labels::En => ("en", "en"),
        Labels::Ar => ("ar", "ar"),
        Labels::Both => ("en", "both"),
    };
    // The data block: {"lang", "labels", "title", "basemap", "content"}.
    let json = format!(
        "{{\"lang\":\"{lang}\",\"labels\":\"{labels}\",\"title\":{},\"basemap\":{},\"content\":{}}}",
        serde_json::to_string(title).expect("a string serialises"),
        super::basemap::json(),
        serde_json::to_string(content).expect("the content serialises"),
    );
    let dir = if lang == "ar" { "rtl" } else { "ltr" };
    let mut out = String::with_capacity(json.len() + LEAFLET_JS.len() + 64 * 1024);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n\
         <title>{}</title>\n",
        escape_text(title)
    ));
    out.push_str("<!-- Leaflet 1.9.4 (npm leaflet), BSD-2-Clause: Copyright (c) 2010-2023, Volodymyr Agafonkin; Copyright (c) 2010-2011, CloudMade -->\n");
    push_block(&mut out, "<style>\n", &leaflet_css(), "</style>\n");
    push_block(&mut out, "<style>\n", PAGE_CSS, "</style>\n");
    out.push_str(BODY);
    push_block(&mut out, "<script>\n", &leaflet_js(), "</script>\n");
    push_block(
        &mut out,
        "<script type=\"application/json\" id=\"convoy-data\">",
        &script_json(&json),
        "</script>\n",
    );
    push_block(&mut out, "<script>\n", PAGE_JS, "</script>\n");
    out.push_str("</body>\n</html>\n");
    out
}

/// The page's frame; the script fills it.
const BODY: &str = "</head>\n<body>\n<div id=\"app\">\n\
<header><h1 id=\"title\"></h1><button id=\"lang\" type=\"button\"></button></header>\n\
<div id=\"map\" dir=\"ltr\"></div>\n<aside id=\"panel\"></aside>\n\
<div id=\"timeline\"><button id=\"play\" type=\"button\"></button>\
<input id=\"slider\" type=\"range\" min=\"0\" max=\"0\" step=\"1\" aria-label=\"date\">\
<span id=\"date\"></span><label><input id=\"undated\" type=\"checkbox\" checked> \
<span id=\"undated-label\"></span></label></div>\n</div>\n\
<noscript>This map needs JavaScript.</noscript>\n";

/// Appends `text` between `open` and `close`.
fn push_block(out: &mut String, open: &str, text: &str, close: &str) {
    debug_assert!(!ends_element(text), "a block would end its element early");
    out.push_str(open);
    out.push_str(text);
    out.push_str(close);
}

/// True when `text` holds `</script` or `</style` in any case: inside a script or style
/// element, that would end it.
fn ends_element(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("</script") || lower.contains("</style") || lower.contains("<!--")
}

/// Leaflet without the comment that sends the browser for its source map.
fn leaflet_js() -> String {
    LEAFLET_JS
        .lines()
        .filter(|l| !l.starts_with("//# sourceMappingURL="))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Leaflet's CSS without the declarations that load icon images the page does not use.
fn leaflet_css() -> String {
    LEAFLET_CSS
        .lines()
        .filter(|l| !l.contains("url(images/"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// JSON made safe inside a `<script>` element: `<`, `>`, `&` and the two line separators
/// JavaScript once rejected become `\u` escapes. These occur in JSON only inside strings, where
/// the escape means the same character.
fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 50);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Text made safe as HTML element content or an attribute value.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_end_its_element_and_parses_back() {
        let hostile = r#"{"e":"</script><script>alert(1)</script> & <!-- \u2028 "}"#;
        let safe = script_json(hostile);
        assert!(!ends_element(&safe), "{safe}");
        assert!(!safe.contains('<') && !safe.contains('>'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        let orig: serde_json::Value = serde_json::from_str(hostile).unwrap();
        assert_eq!(back, orig);
    }

    #[test]
    fn the_inlined_code_cannot_end_its_element() {
        for (name, text) in [
            ("leaflet.js", leaflet_js()),
            ("leaflet.css", leaflet_css()),
            ("page.js", PAGE_JS.to_owned()),
            ("page.css", PAGE_CSS.to_owned()),
        ] {
            assert!(!ends_element(&text), "{name}");
        }
    }

    #[test]
    fn nothing_inlined_asks_for_a_file() {
        assert!(!leaflet_js().contains("sourceMappingURL"));
        assert!(!leaflet_css().contains("url(images/"));
        // The rest of Leaflet's CSS is kept: the stripped lines are declarations, not rules.
        assert!(leaflet_css().contains(".leaflet-control-layers-toggle {"));
    }

    #[test]
    fn titles_are_escaped() {
        assert_eq!(
            escape_text("a</title><script>&\"'"),
            "a&lt;/title&gt;&lt;script&gt;&amp;&quot;&#39;"
        );
    }
}
