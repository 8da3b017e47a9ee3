//! Arabic text normalisation for matching, with byte offsets back into the original text.
//!
//! News text spells the same name many ways: hamza on or off the alef, final ى or ي, ة or ه,
//! Persian ک and ی from Kurdish or Iranian keyboards, harakat, tatweel, invisible bidi marks,
//! Eastern Arabic digits, typographic quotes glued to the name. [`normalize`] folds all of those
//! into one matching form and keeps, for every byte it writes, the byte of the original text it
//! came from, so a match in the normalised text maps back to an exact span of the article.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

/// Text folded for matching, with a map from each of its bytes to the original text.
///
/// # Examples
/// ```
/// let n = convoy::arabic::normalize("قاعدة “عين الأسد”");
/// assert_eq!(n.text(), "قاعده عين الاسد");
/// // The normalised span of the name maps back to the original bytes, quotes excluded.
/// let start = n.text().find("عين").unwrap();
/// let span = n.original_span(start..n.text().len());
/// assert_eq!(&"قاعدة “عين الأسد”"[span], "عين الأسد");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// For each byte of `text`, the original byte offset of the character it came from.
    origin: Vec<u32>,
    /// For each byte of `text`, the original byte offset just past that character (and any
    /// diacritics that follow it).
    origin_end: Vec<u32>,
}

impl Normalized {
    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Maps a byte range of the normalised text (on char boundaries) to the original text.
    pub fn original_span(&self, range: Range<usize>) -> Range<usize> {
        debug_assert!(range.start < range.end && range.end <= self.text.len());
        self.origin[range.start] as usize..self.origin_end[range.end - 1] as usize
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        let before = self.text.len();
        self.text.push(c);
        let added = self.text.len() - before;
        for _ in 0..added {
            self.origin.push(start as u32);
            self.origin_end.push(end as u32);
        }
    }

    /// Stretches the end of the last written character over a diacritic that followed it.
    fn extend_last(&mut self, end: usize) {
        let n = self.text.chars().next_back().map_or(0, char::len_utf8);
        let len = self.origin_end.len();
        for e in &mut self.origin_end[len - n..] {
            *e = end as u32;
        }
    }
}

/// What one original character becomes in the matching form.
enum Fold {
    /// Dropped, and the previous character's span grows over it (harakat, tatweel).
    Absorb,
    /// Dropped without a trace (bidi marks, quotes).
    Drop,
    /// Whitespace: runs collapse to a single space.
    Space,
    Char(char),
    /// A presentation form or ligature that decomposes into several characters.
    Compat,
}

fn fold(c: char) -> Fold {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::Char('ا'),
        'ى' | 'ی' | 'ې' | 'ئ' => Fold::Char('ي'),
        'ؤ' => Fold::Char('و'),
        'ة' | 'ۀ' | 'ە' | 'ھ' | 'ۃ' => Fold::Char('ه'),
        'ک' | 'ڪ' => Fold::Char('ك'),
        // Tatweel, harakat, Quranic marks, superscript alef.
        '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => Fold::Absorb,
        // Zero-width and bidi controls, BOM, Arabic letter mark.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}' => Fold::Drop,
        // Quotes are transparent: «عين الأسد» and “عين الأسد” match like عين الأسد.
        '"' | '\'' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '‘' | '’' | '‚' | '‛'
        | '`' | '´' => Fold::Drop,
        '٠'..='٩' => Fold::Char(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Fold::Char(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        // Hyphens separate words: "al-Asad", "كي-1".
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '_' => Fold::Space,
        c if c.is_whitespace() => Fold::Space,
        'A'..='Z' => Fold::Char(c.to_ascii_lowercase()),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => Fold::Compat,
        c if !c.is_ascii() && c.is_uppercase() => Fold::Compat,
        c => Fold::Char(c),
    }
}

/// Folds `text` into the matching form; see the module documentation for the rules.
///
/// # Examples
/// ```
/// use convoy::arabic::normalize;
/// assert_eq!(normalize("إلى الأراضى العراقيّة").text(), "الي الاراضي العراقيه");
/// assert_eq!(normalize("قسرک ١٠٠").text(), "قسرك 100");
/// ```
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
        origin_end: Vec::with_capacity(text.len()),
    };
    let mut pending_space: Option<(usize, usize)> = None;
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        match fold(c) {
            Fold::Absorb => out.extend_last(end),
            Fold::Drop => {}
            Fold::Space => {
                if !out.text.is_empty() && pending_space.is_none() {
                    pending_space = Some((start, end));
                }
            }
            Fold::Char(f) => {
                if let Some((s, e)) = pending_space.take() {
                    out.push(' ', s, e);
                }
                out.push(f, start, end);
            }
            Fold::Compat => {
                if let Some((s, e)) = pending_space.take() {
                    out.push(' ', s, e);
                }
                for d in c.nfkc() {
                    match fold(d) {
                        Fold::Char(f) => out.push(f, start, end),
                        Fold::Compat => out.push(d.to_lowercase().next().unwrap_or(d), start, end),
                        Fold::Space => out.push(' ', start, end),
                        Fold::Absorb | Fold::Drop => {}
                    }
                }
            }
        }
    }
    out
}

/// Normalises a gazetteer name or alias: the matching form, trimmed.
///
/// # Examples
/// ```
/// assert_eq!(convoy::arabic::normalize_name(" قاعدة عين الأسد "), "قاعده عين الاسد");
/// ```
pub fn normalize_name(name: &str) -> String {
    let n = normalize(name);
    n.text().trim_end().to_owned()
}

/// True for characters that continue a word (letters and digits of any script).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The Arabic proclitics that may be glued to the front of a name, in matching form:
/// conjunctions و ف, prepositions ب ك ل, and their pairs (وب، فل، ...).
///
/// "لل" (ل + ال, the alef dropped) is handled by the matcher, which also looks for
/// "ل" + the name without its article.
pub fn is_proclitic(prefix: &str) -> bool {
    matches!(
        prefix,
        "و" | "ف" | "ب" | "ك" | "ل" | "وب" | "فب" | "وك" | "فك" | "ول" | "فل"
    )
}

/// True for a proclitic that ends in the preposition ل (so "للحسكة" reads ل + الحسكة).
pub fn ends_with_lam(prefix: &str) -> bool {
    matches!(prefix, "ل" | "ول" | "فل")
}

/// True for Arabic-script letters (the ranges the normaliser leaves behind).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// Splits text into sentences: byte ranges, trimmed, ending after `.`, `!`, `?`, `؟`, `؛` or a
/// line break. A full stop inside a word ("أر.تي.بي.إي", "3.5") does not end a sentence.
///
/// # Examples
/// ```
/// let text = "انسحبت القوات. ثم وصلت إلى أربيل؟\nجملة أخرى";
/// let s: Vec<&str> = convoy::arabic::sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(s, ["انسحبت القوات.", "ثم وصلت إلى أربيل؟", "جملة أخرى"]);
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends = match c {
            '\n' => true,
            '!' | '?' | '؟' | '؛' | '…' => true,
            '.' => next.is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '”' | '»' | ')')),
            _ => false,
        };
        if ends {
            let end = if c == '\n' { i } else { i + c.len_utf8() };
            push_trimmed(text, start..end, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Splits text into paragraphs: runs of lines separated by blank lines or single line breaks
/// (news text puts one paragraph on a line).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            push_trimmed(text, start..i, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_alef_ya_ta_marbuta_and_persian_letters() {
        assert_eq!(normalize("أإآٱ").text(), "اااا");
        assert_eq!(normalize("مصطفى").text(), "مصطفي");
        assert_eq!(normalize("الحسكة").text(), "الحسكه");
        assert_eq!(normalize("قسرک").text(), "قسرك");
        assert_eq!(normalize("کوردستانی").text(), "كوردستاني");
        assert_eq!(normalize("القائم").text(), "القايم");
    }

    #[test]
    fn drops_harakat_tatweel_and_invisible_marks() {
        assert_eq!(normalize("بَغْدَادُ").text(), "بغداد");
        assert_eq!(normalize("لـ التحالف").text(), "ل التحالف");
        assert_eq!(normalize("الر\u{200F}قة\u{200B}").text(), "الرقه");
    }

    #[test]
    fn digits_become_ascii() {
        assert_eq!(normalize("٤٠ شاحنة و۱۴").text(), "40 شاحنه و14");
    }

    #[test]
    fn whitespace_runs_and_hyphens_collapse() {
        assert_eq!(normalize("عين  \n الأسد").text(), "عين الاسد");
        assert_eq!(normalize("Al-Asad  AIRBASE").text(), "al asad airbase");
        assert_eq!(normalize("  بغداد").text(), "بغداد");
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let original = "في «قاعدةِ» الحسكة";
        let n = normalize(original);
        let at = n.text().find("الحسكه").unwrap();
        let span = n.original_span(at..at + "الحسكه".len());
        assert_eq!(&original[span], "الحسكة");
        let at = n.text().find("قاعده").unwrap();
        let span = n.original_span(at..at + "قاعده".len());
        // The kasra after the last letter belongs to the word; the quote does not.
        assert_eq!(&original[span], "قاعدةِ");
    }

    #[test]
    fn presentation_forms_decompose() {
        // U+FEFB is the lam-alef ligature.
        assert_eq!(normalize("\u{FEFB}").text(), "لا");
        let n = normalize("x\u{FEFB}");
        assert_eq!(n.original_span(1..n.text().len()), 1..4);
    }

    #[test]
    fn sentences_keep_abbreviations_and_decimals() {
        let text = "قالت لقناة أر.تي.بي.إي إن 3.5 ألف غادروا. وأضافت";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(s, ["قالت لقناة أر.تي.بي.إي إن 3.5 ألف غادروا.", "وأضافت"]);
        assert!(sentences("  \n ").is_empty());
    }

    #[test]
    fn paragraphs_are_lines() {
        let text = "أ\n\n ب \nج";
        let p: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(p, ["أ", "ب", "ج"]);
    }

    #[test]
    fn proclitics() {
        assert!(is_proclitic("وب"));
        assert!(!is_proclitic("ال"));
        assert!(ends_with_lam("ول"));
    }
}
