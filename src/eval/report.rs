//! The evaluation written as `score.py` writes it: its summary line, after each article's
//! misses and extras with `--verbose`; or its JSON. Names and lists are printed as Python's
//! `str` and `repr` print them, so the lines compare equal to the scorer's.

use std::io::{self, Write};

use serde_json::Value;

use super::score::{ArticleScore, Scores};

/// The summary line: "places P 0.97 R 0.90 F1 0.93; movements P 0.28 R 0.34 F1 0.31 (20/59,
/// 5/18 lines); events R 0.38 (36/94)".
///
/// # Examples
/// ```
/// use convoy::eval::{summary, Counts, Scores};
/// let counts = Counts { pl_hit: 1, pl_n: 2, pl_ok: 1, pl_out: 1, ev_n: 3, ..Counts::default() };
/// assert_eq!(
///     summary(&Scores::new(counts)),
///     "places P 1.00 R 0.50 F1 0.67; movements P 0.00 R 0.00 F1 0.00 (0/0, 0/0 lines); \
///      events R 0.00 (0/3)"
/// );
/// ```
pub fn summary(s: &Scores) -> String {
    let t = &s.counts;
    // Rust's {:.2}, like Python's, rounds the float's exact value half to even.
    format!(
        "places P {:.2} R {:.2} F1 {:.2}; movements P {:.2} R {:.2} F1 {:.2} ({}/{}, {}/{} lines); \
         events R {:.2} ({}/{})",
        s.places_p,
        s.places_r,
        s.places_f1,
        s.movements_p,
        s.movements_r,
        s.movements_f1,
        t.mv_hit,
        t.mv_n,
        t.mv_used,
        t.mv_out,
        s.events_r,
        t.ev_hit,
        t.ev_n
    )
}

/// An article's lines for `--verbose`: its counts, then each miss and extra.
pub fn article_lines(a: &ArticleScore) -> Vec<String> {
    let t = &a.counts;
    let mut lines = vec![format!(
        "{}: places {}/{}, movements {}/{}, lines used {}/{}",
        a.stem, t.pl_hit, t.pl_n, t.mv_hit, t.mv_n, t.mv_used, t.mv_out
    )];
    for (name, surface) in &a.places_missed {
        lines.push(format!("  place missed: {name} ({})", surface.join("/")));
    }
    for id in &a.places_wrong {
        lines.push(format!("  place wrong: {}", py_opt(id.as_deref())));
    }
    let rest = [
        ("movement missed", &a.movements_missed),
        ("line extra", &a.lines_extra),
        ("event missed", &a.events_missed),
    ];
    for (what, items) in rest {
        lines.extend(items.iter().map(|s| format!("  {what}: {s}")));
    }
    lines
}

/// Writes the table: with `verbose`, every article's lines, then the summary line.
pub fn write_table(
    articles: &[ArticleScore],
    scores: &Scores,
    verbose: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if verbose {
        for line in articles.iter().flat_map(article_lines) {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out, "{}", summary(scores))
}

/// Writes the figures and counts as one JSON object, indented as `score.py --json` does.
pub fn write_json(scores: &Scores, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, scores).map_err(io::Error::other)?;
    writeln!(out)
}

/// Python's `str()` of a looked-up JSON value: a string as it is, a missing value "None".
pub fn py_str(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(v) => py_repr(v),
        None => "None".to_owned(),
    }
}

/// Python's `str()` of an optional string.
pub fn py_opt(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_owned(), str::to_owned)
}

/// Python's `repr()` of a list of strings: "['a', 'b']".
pub fn py_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| py_repr_str(s)).collect();
    format!("[{}]", items.join(", "))
}

/// Python's `repr()` of a JSON value as `json.load` reads it (numbers as JSON writes them).
pub fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => py_repr_str(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(py_repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(members) => {
            let members: Vec<String> = (members.iter())
                .map(|(k, v)| format!("{}: {}", py_repr_str(k), py_repr(v)))
                .collect();
            format!("{{{}}}", members.join(", "))
        }
    }
}

/// Python's `repr()` of a string: single quotes unless it holds a single quote and no double
/// one; backslash escapes for the quote, backslashes and unprintable characters.
fn py_repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if printable(c) => out.push(c),
            _ if u32::from(c) <= 0xff => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            _ if u32::from(c) <= 0xffff => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            _ => out.push_str(&format!("\\U{:08x}", u32::from(c))),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable()` for one character: controls, separators other than the space,
/// format characters (bidi marks, joiners) and private use are not printable. The list is
/// Python's for every assigned character of the Basic Multilingual Plane (Unicode 14);
/// unassigned code points and the rare format characters beyond it are printed as they are.
fn printable(c: char) -> bool {
    !matches!(c,
        '\0'..='\x1f' | '\x7f'..='\u{a0}' | '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}'
        | '\u{6dd}' | '\u{70f}' | '\u{890}'..='\u{891}' | '\u{8e2}' | '\u{1680}' | '\u{180e}' | '\u{2000}'..='\u{200f}'
        | '\u{2028}'..='\u{202f}' | '\u{205f}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
        | '\u{3000}' | '\u{e000}'..='\u{f8ff}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_reprs() {
        // Checked against python3: repr(['Tell Tamer', "Qa'im", 'a"b\'c', 'x\\y\n\xa0\u200f'])
        let names = [
            "Tell Tamer".to_owned(),
            "Qa'im".to_owned(),
            "a\"b'c".to_owned(),
            "x\\y\n\u{a0}\u{200f}".to_owned(),
        ];
        assert_eq!(
            py_list(&names),
            r#"['Tell Tamer', "Qa'im", 'a"b\'c', 'x\\y\n\xa0\u200f']"#
        );
        assert_eq!(py_list(&[]), "[]");
        assert_eq!(py_list(&["قاعدة".to_owned()]), "['قاعدة']");
        let v: Value = serde_json::from_str(r#"{"a": [null, true, 3, "b"]}"#).unwrap();
        assert_eq!(py_repr(&v), "{'a': [None, True, 3, 'b']}");
        assert_eq!(py_str(None), "None");
        assert_eq!(py_str(Some(&Value::String("Ayn Issa".into()))), "Ayn Issa");
        assert_eq!(py_opt(None), "None");
    }

    #[test]
    fn verbose_lines_are_the_scorers() {
        let a = ArticleScore {
            stem: "301_x".into(),
            counts: super::super::Counts {
                pl_hit: 9,
                pl_n: 9,
                mv_n: 1,
                mv_out: 2,
                ..Default::default()
            },
            places_missed: vec![("Tower 22".into(), vec!["البرج 22".into(), "T22".into()])],
            places_wrong: vec![Some("russia".into())],
            movements_missed: vec!["Ayn Issa -> ['Tell Tamer'] -> None".into()],
            lines_extra: vec!["a -> [] -> b".into()],
            events_missed: vec!["arrival at Sarrin base".into()],
        };
        assert_eq!(
            article_lines(&a),
            [
                "301_x: places 9/9, movements 0/1, lines used 0/2",
                "  place missed: Tower 22 (البرج 22/T22)",
                "  place wrong: russia",
                "  movement missed: Ayn Issa -> ['Tell Tamer'] -> None",
                "  line extra: a -> [] -> b",
                "  event missed: arrival at Sarrin base",
            ]
        );
    }

    #[test]
    fn json_is_indented_like_pythons() {
        let mut out = Vec::new();
        let s = Scores::new(super::super::Counts {
            ev_hit: 1,
            ev_n: 3,
            ..Default::default()
        });
        write_json(&s, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("{\n  \"places_p\": 0.0,\n  \"places_r\": 0.0,"),
            "{text}"
        );
        assert!(text.contains(
            "\n  \"events_r\": 0.3333333333333333,\n  \"counts\": {\n    \"pl_hit\": 0,"
        ));
        assert!(text.ends_with("    \"ev_n\": 3\n  }\n}\n"), "{text}");
    }
}
