//! How an article is named on its own map: the manifest's headline, else the article's first
//! line, with its date and source under it.

use super::ManifestEntry;

/// The longest title taken from an article's first line, in characters; a longer line is cut
/// at the last space before it.
const MAX_TITLE_CHARS: usize = 110;

/// An article's map title and the line under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// The manifest's headline, else the article's first line (shortened), else its file name.
    pub title: String,
    /// "date · source" as the manifest gives them (the date else as the article's dateline
    /// prints it); `None` when there is neither.
    pub subtitle: Option<String>,
}

impl Headline {
    /// The headline of the article named `name`, whose text is `text`.
    ///
    /// # Examples
    /// ```
    /// use convoy::document::{Headline, ManifestEntry};
    /// let entry = ManifestEntry {
    ///     date: Some("2020-01-08".parse().unwrap()),
    ///     source: "SANA".into(),
    ///     ..ManifestEntry::default()
    /// };
    /// let h = Headline::of("a.txt", "\n  القوات الأميركية تنسحب  \nنص الخبر", Some(&entry));
    /// assert_eq!(h.title, "القوات الأميركية تنسحب");
    /// assert_eq!(h.subtitle.as_deref(), Some("2020-01-08 · SANA"));
    /// ```
    pub fn of(name: &str, text: &str, entry: Option<&ManifestEntry>) -> Headline {
        let stated = entry
            .map(|e| e.title.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        let title = stated
            .or_else(|| first_line(text))
            .unwrap_or_else(|| name.to_owned());
        let date = crate::extract::dates::of_article(entry.and_then(|e| e.date), text);
        let parts: Vec<String> = [
            date.map(|d| d.to_string()),
            entry.map(|e| e.source.trim().to_owned()),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
        Headline {
            title,
            subtitle: (!parts.is_empty()).then(|| parts.join(" · ")),
        }
    }
}

/// The text's first line with letters, its spaces collapsed, cut at a word to at most
/// [`MAX_TITLE_CHARS`] characters with "…" after it.
fn first_line(text: &str) -> Option<String> {
    let line = text
        .lines()
        .find(|l| l.chars().any(char::is_alphanumeric))?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let more = usize::from(!out.is_empty()) + w.chars().count();
        if out.chars().count() + more > MAX_TITLE_CHARS {
            if out.is_empty() {
                out = w.chars().take(MAX_TITLE_CHARS).collect();
            }
            out.push('…');
            return Some(out);
        }
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_headline_comes_first() {
        let entry = ManifestEntry {
            title: " عنوان الخبر ".into(),
            source: "Elaph".into(),
            date: Some("2021-12".parse().unwrap()),
            ..ManifestEntry::default()
        };
        let h = Headline::of("a.txt", "السطر الأول", Some(&entry));
        assert_eq!(h.title, "عنوان الخبر");
        assert_eq!(h.subtitle.as_deref(), Some("2021-12 · Elaph"));
    }

    #[test]
    fn without_a_manifest_the_first_line_shortened() {
        let h = Headline::of("a.txt", "\n\n--\nword ", None);
        assert_eq!(h.title, "word");
        assert_eq!(h.subtitle, None);
        let long = "كلمة ".repeat(40);
        let t = Headline::of("a.txt", &long, None).title;
        assert!(t.ends_with('…'), "{t}");
        assert!(t.chars().count() <= MAX_TITLE_CHARS + 1);
        assert!(t.trim_end_matches('…').ends_with("كلمة"));
        let one = "x".repeat(300);
        assert_eq!(
            Headline::of("a.txt", &one, None).title.chars().count(),
            MAX_TITLE_CHARS + 1
        );
        assert_eq!(Headline::of("a.txt", " \n", None).title, "a.txt");
    }

    #[test]
    fn an_article_without_a_manifest_date_is_dated_by_its_dateline() {
        let text = "انسحاب من قاعدة\nالأربعاء 11 فبراير 2026\nنص الخبر";
        let h = Headline::of("a.txt", text, None);
        assert_eq!(h.subtitle.as_deref(), Some("2026-02-11"));
        let undated = ManifestEntry {
            source: "SANA".into(),
            ..ManifestEntry::default()
        };
        let h = Headline::of("a.txt", text, Some(&undated));
        assert_eq!(h.subtitle.as_deref(), Some("2026-02-11 · SANA"));
        // The manifest's date wins over the dateline.
        let dated = ManifestEntry {
            date: Some("2026-02-12".parse().unwrap()),
            ..undated
        };
        let h = Headline::of("a.txt", text, Some(&dated));
        assert_eq!(h.subtitle.as_deref(), Some("2026-02-12 · SANA"));
    }
}
