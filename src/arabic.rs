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
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    original: &'a str,
    text: String,
    /// Where the offset between the two texts changes: from normalised byte `.0` on, normalised
    /// byte `n` comes from original byte `.1 + (n - .0)`, until the next break. Most characters
    /// keep their length, so breaks are few and the map costs little to build.
    breaks: Vec<(u32, u32)>,
    /// The tokens of the normalised text, found while it is written (see [`Normalized::tokens`]).
    tokens: Vec<TokenSpan>,
}

/// Where a token lies in both texts; [`Normalized::tokens`] gives it its text.
#[derive(Debug, Clone, Copy)]
struct TokenSpan {
    norm: (u32, u32),
    orig: (u32, u32),
    word: bool,
}

impl<'a> Normalized<'a> {
    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text it was made from.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The words of the normalised text (runs of word characters), as byte ranges: the word
    /// tokens, found while normalising.
    ///
    /// # Examples
    /// ```
    /// let n = convoy::arabic::normalize("من «قسرك»، باتجاه");
    /// let w: Vec<&str> = n.words().map(|(a, b)| &n.text()[a..b]).collect();
    /// assert_eq!(w, ["من", "قسرك", "باتجاه"]);
    /// ```
    pub fn words(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.tokens
            .iter()
            .filter(|t| t.word)
            .map(|t| (t.norm.0 as usize, t.norm.1 as usize))
    }

    /// The words and punctuation of the normalised text, in order (spaces dropped).
    ///
    /// # Examples
    /// ```
    /// let n = convoy::arabic::normalize("من «قسرك»، باتجاه");
    /// let t: Vec<&str> = n.tokens().map(|t| t.text).collect();
    /// assert_eq!(t, ["من", "قسرك", "،", "باتجاه"]);
    /// ```
    pub fn tokens(&self) -> impl ExactSizeIterator<Item = Token<'_>> + '_ {
        let t = self.text();
        self.tokens.iter().map(move |s| {
            let (a, b) = (s.norm.0 as usize, s.norm.1 as usize);
            Token {
                text: &t[a..b],
                norm: (a, b),
                orig: (s.orig.0 as usize, s.orig.1 as usize),
                is_word: s.word,
            }
        })
    }

    /// The word before the one holding normalised byte `at` (a name after its proclitic, as
    /// in "بريف الحسكه"), stepping over opening brackets ("(كي ا)"); `None` at the start or
    /// after other punctuation.
    ///
    /// # Examples
    /// ```
    /// let n = convoy::arabic::normalize("قاعدة (عين الأسد)، وبالحسكة");
    /// assert_eq!(n.word_before(n.text().find("عين").unwrap()), Some("قاعده"));
    /// assert_eq!(n.word_before(n.text().find("الحسكه").unwrap()), None);
    /// ```
    pub fn word_before(&self, at: usize) -> Option<&str> {
        // The token holding `at` is the first that ends after it.
        let holding = self.tokens.partition_point(|t| t.norm.1 as usize <= at);
        self.tokens[..holding]
            .iter()
            .rev()
            .map(|t| (t.word, &self.text[t.norm.0 as usize..t.norm.1 as usize]))
            .find(|&(word, text)| word || !matches!(text, "(" | "["))
            .and_then(|(word, text)| word.then_some(text))
    }

    /// The original byte offset of the character that normalised byte `n` (a char boundary)
    /// came from.
    fn origin(&self, n: usize) -> usize {
        let i = self.breaks.partition_point(|&(norm, _)| norm as usize <= n);
        let (norm, orig) = self.breaks[i.saturating_sub(1)];
        orig as usize + (n - norm as usize)
    }

    /// Maps a byte range of the normalised text (on char boundaries) to the original text. The
    /// end takes in the harakat and tatweel written after the last character.
    pub fn original_span(&self, range: Range<usize>) -> Range<usize> {
        debug_assert!(range.start < range.end && range.end <= self.text.len());
        let start = self.origin(range.start);
        let mut last_char = range.end - 1;
        while !self.text.is_char_boundary(last_char) {
            last_char -= 1;
        }
        let last = self.origin(last_char);
        let original = self.original.as_bytes();
        let mut end = last + original.get(last).map_or(0, |&b| utf8_len(b));
        // Harakat and tatweel are never ASCII: a space or a full stop after the word ends it.
        if original.get(end).is_none_or(u8::is_ascii) {
            return start..end;
        }
        for c in self.original[end..].chars() {
            if !matches!(fold_fast(c).0, Fold::Absorb) {
                break;
            }
            end += c.len_utf8();
        }
        start..end
    }
}

/// The length of a UTF-8 character from its first byte.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..0xE0 => 1 + usize::from(lead >= 0x80),
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// A [`Normalized`] under construction.
struct Builder {
    text: String,
    breaks: Vec<(u32, u32)>,
    /// Original offset minus normalised offset since the last break.
    shift: i64,
}

impl Builder {
    /// Appends `c`, which came from the original character at byte `origin`.
    #[inline]
    fn push(&mut self, c: char, origin: usize) {
        self.align(origin);
        self.text.push(c);
    }

    /// Records where what is written next comes from, if the offset map does not already say.
    #[inline(always)]
    fn align(&mut self, origin: usize) {
        let at = self.text.len();
        if origin as i64 - at as i64 != self.shift {
            self.breaks.push((at as u32, origin as u32));
            self.shift = origin as i64 - at as i64;
        }
    }

    /// Appends one of several characters that all came from the original character at `origin`.
    fn push_expanded(&mut self, c: char, origin: usize) {
        let at = self.text.len();
        self.breaks.push((at as u32, origin as u32));
        self.shift = i64::MIN;
        self.text.push(c);
    }
}

/// The tokens of a text being normalised, found as it is written.
#[derive(Default)]
struct Tokenizer {
    done: Vec<TokenSpan>,
    /// The word being read: where it starts in both texts, and where it ends so far.
    open: Option<(usize, usize)>,
    end: (usize, usize),
}

impl Tokenizer {
    /// Normalised bytes starting at `at`, `len` long, came from original bytes `orig`: a word
    /// character continues the word being read, anything else but a space is a token of its own.
    #[inline(always)]
    fn char(&mut self, word: bool, at: usize, len: usize, orig: Range<usize>) {
        if word {
            if self.open.is_none() {
                self.open = Some((at, orig.start));
            }
            self.end = (at + len, orig.end);
        } else {
            self.close();
            self.push((at, at + len), (orig.start, orig.end), false);
        }
    }

    /// A space: the word being read ends.
    #[inline(always)]
    fn close(&mut self) {
        if let Some((norm, orig)) = self.open.take() {
            self.push((norm, self.end.0), (orig, self.end.1), true);
        }
    }

    #[inline(always)]
    fn push(&mut self, norm: (usize, usize), orig: (usize, usize), word: bool) {
        self.done.push(TokenSpan {
            norm: (norm.0 as u32, norm.1 as u32),
            orig: (orig.0 as u32, orig.1 as u32),
            word,
        });
    }

    /// Harakat or tatweel at original bytes `orig`: the tokens that end right before them grow
    /// over them.
    #[inline]
    fn absorb(&mut self, orig: Range<usize>) {
        if self.open.is_some() {
            if self.end.1 != orig.start {
                return;
            }
            self.end.1 = orig.end;
        }
        // Closed tokens too: one presentation form may have made several.
        for t in self.done.iter_mut().rev() {
            if t.orig.1 as usize != orig.start {
                break;
            }
            t.orig.1 = orig.end as u32;
        }
    }

    fn finish(mut self) -> Vec<TokenSpan> {
        self.close();
        self.done
    }
}

/// What one original character becomes in the matching form.
#[derive(Clone, Copy)]
enum Fold {
    /// Dropped; the original span of the letter before grows over it (harakat, tatweel).
    Absorb,
    /// Dropped without a trace (bidi marks, quotes).
    Drop,
    /// Whitespace: runs collapse to a single space.
    Space,
    /// Kept as it is.
    Keep,
    Char(char),
    /// A presentation form or ligature that decomposes into several characters.
    Compat,
}

/// What normalising does with one of the common characters.
#[derive(Clone, Copy)]
struct Common {
    fold: Fold,
    /// What is kept or written for it is a word character.
    word: bool,
    /// How it is written when it is a word character written in as many bytes as the
    /// original, so that the offset map needs no entry: most letters of an article.
    same_length: SameLength,
}

/// See [`Common::same_length`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum SameLength {
    /// Not a word character, or written in a different number of bytes.
    No,
    /// Written as it is.
    Kept,
    /// Written as this character (أ → ا).
    As(char),
}

/// [`fold_word`] for ASCII (entries 0–127) and the Arabic block U+0600–U+06FF (entries
/// 128–383), computed once: nearly every character of an article is in one of the two.
fn common_folds() -> &'static [Common; 384] {
    static TABLE: std::sync::OnceLock<[Common; 384]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|i| {
            let cp = if i < 128 {
                i as u32
            } else {
                0x600 + i as u32 - 128
            };
            let c = char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER);
            let (fold, word) = fold_word(c);
            let same_length = match fold {
                Fold::Keep if word => SameLength::Kept,
                Fold::Char(f) if word && f.len_utf8() == c.len_utf8() => SameLength::As(f),
                _ => SameLength::No,
            };
            Common {
                fold,
                word,
                same_length,
            }
        })
    })
}

impl Common {
    /// A character outside the tables: folded in full, and left to the general path.
    fn uncommon(c: char) -> Common {
        let (fold, word) = fold_word(c);
        Common {
            fold,
            word,
            same_length: SameLength::No,
        }
    }

    #[inline]
    fn fold_word(self) -> (Fold, bool) {
        (self.fold, self.word)
    }
}

/// [`fold_word`], from the table for the common characters.
#[inline]
fn fold_fast(c: char) -> (Fold, bool) {
    match c as usize {
        cp @ 0..=0x7F => common_folds()[cp].fold_word(),
        cp @ 0x600..=0x6FF => common_folds()[cp - 0x600 + 128].fold_word(),
        _ => fold_word(c),
    }
}

/// [`fold`], and whether what is kept or written for the character is a word character.
fn fold_word(c: char) -> (Fold, bool) {
    let f = fold(c);
    let word = match f {
        Fold::Keep => is_word_char(c),
        Fold::Char(d) => is_word_char(d),
        _ => false,
    };
    (f, word)
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
        // Zero-width and bidi controls, BOM, Arabic letter mark, soft hyphen.
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
        'A'..='Z' => Fold::Char(c.to_ascii_lowercase()),
        c if c.is_ascii() => {
            if c.is_ascii_whitespace() {
                Fold::Space
            } else {
                Fold::Keep
            }
        }
        '\u{0600}'..='\u{06FF}' => Fold::Keep,
        c if c.is_whitespace() => Fold::Space,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => Fold::Compat,
        c if c.is_uppercase() => Fold::Compat,
        _ => Fold::Keep,
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
pub fn normalize(text: &str) -> Normalized<'_> {
    let mut out = Builder {
        text: String::with_capacity(text.len()),
        breaks: vec![(0, 0)],
        shift: 0,
    };
    let mut tokens = Tokenizer {
        done: Vec::with_capacity(text.len() / 8),
        ..Tokenizer::default()
    };
    let table = common_folds();
    let bytes = text.as_bytes();
    let mut pending_space: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let (len, c) = match common_index(bytes, i) {
            Some((k, len)) => (len, table[k]),
            None => {
                let c = text[i..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                (c.len_utf8(), Common::uncommon(c))
            }
        };
        match c.fold {
            Fold::Absorb => tokens.absorb(i..i + len),
            Fold::Drop => {}
            Fold::Space => {
                tokens.close();
                if !out.text.is_empty() && pending_space.is_none() {
                    pending_space = Some(i);
                }
            }
            Fold::Keep | Fold::Char(_) | Fold::Compat => {
                if let Some(s) = pending_space.take() {
                    out.push(' ', s);
                }
                if c.same_length != SameLength::No {
                    i = copy_words(&mut out, &mut tokens, table, text, i);
                    continue;
                }
                let at = out.text.len();
                match c.fold {
                    Fold::Char(f) => {
                        out.push(f, i);
                        tokens.char(c.word, at, f.len_utf8(), i..i + len);
                    }
                    Fold::Keep => {
                        let kept = text[i..]
                            .chars()
                            .next()
                            .unwrap_or(char::REPLACEMENT_CHARACTER);
                        out.push(kept, i);
                        tokens.char(c.word, at, len, i..i + len);
                    }
                    _ => {
                        let c = text[i..]
                            .chars()
                            .next()
                            .unwrap_or(char::REPLACEMENT_CHARACTER);
                        for d in c.nfkc() {
                            let e = match fold(d) {
                                Fold::Char(f) => f,
                                Fold::Space => ' ',
                                Fold::Absorb | Fold::Drop => continue,
                                Fold::Keep | Fold::Compat => d.to_lowercase().next().unwrap_or(d),
                            };
                            let at = out.text.len();
                            out.push_expanded(e, i);
                            if e == ' ' {
                                tokens.close();
                            } else {
                                tokens.char(is_word_char(e), at, e.len_utf8(), i..i + len);
                            }
                        }
                    }
                }
            }
        }
        i += len;
    }
    Normalized {
        original: text,
        text: out.text,
        breaks: out.breaks,
        tokens: tokens.finish(),
    }
}

/// Writes the word characters from byte `i` on that keep their length (see
/// [`Common::same_length`]), with the single spaces between them, and the words they make;
/// returns where the first character that needs more care begins. Most of an article goes
/// through this loop, which leaves the offset map alone: every byte keeps its place.
#[inline(always)]
fn copy_words(
    out: &mut Builder,
    tokens: &mut Tokenizer,
    table: &[Common; 384],
    text: &str,
    mut i: usize,
) -> usize {
    let bytes = text.as_bytes();
    out.align(i);
    // Every byte of the stretch keeps its place: a normalised offset is the original one less
    // this. The normalised text may be the longer one (a ligature written as two letters), so
    // the shift is taken modulo 2^64 and undone the same way.
    let shift = i.wrapping_sub(out.text.len());
    if tokens.open.is_none() {
        tokens.open = Some((i.wrapping_sub(shift), i));
    }
    // Bytes from `run` on are written as they are, in one copy when something else comes.
    let mut run = i;
    loop {
        i = kept_arabic_end(table, bytes, i);
        // One space and another word, what most often ends a run of letters: the word ends
        // here and the next begins after it.
        if bytes.get(i) == Some(&b' ')
            && common_index(bytes, i + 1)
                .is_some_and(|(k, _)| table[k].same_length != SameLength::No)
        {
            tokens.end = (i.wrapping_sub(shift), i);
            tokens.close();
            tokens.open = Some(((i + 1).wrapping_sub(shift), i + 1));
            i += 1;
            continue;
        }
        let Some((k, len)) = common_index(bytes, i) else {
            break;
        };
        match table[k].same_length {
            SameLength::Kept => i += len,
            SameLength::As(c) => {
                out.text.push_str(&text[run..i]);
                out.text.push(c);
                i += len;
                run = i;
            }
            SameLength::No => break,
        }
    }
    out.text.push_str(&text[run..i]);
    tokens.end = (out.text.len(), i);
    i
}

/// Where the two-byte Arabic letters kept as written that start at byte `i` end: the bulk of
/// an article, read in a loop tight enough to keep everything in registers.
#[inline(always)]
fn kept_arabic_end(table: &[Common; 384], bytes: &[u8], mut i: usize) -> usize {
    while let [lead, next, ..] = bytes[i..] {
        if lead & 0xFC != 0xD8 {
            break;
        }
        let k = (usize::from(lead & 0x03) << 6) | usize::from(next & 0x3F);
        if table[128 + k].same_length != SameLength::Kept {
            break;
        }
        i += 2;
    }
    i
}

/// The character at byte `i` (a char boundary) as an index into the tables of the common
/// characters, and its length in bytes: ASCII (0–127) and the two-byte Arabic block
/// U+0600–U+06FF (128–383) are read without general decoding. `None` for anything else and at
/// the end.
#[inline(always)]
fn common_index(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        Some((usize::from(b), 1))
    } else if b & 0xFC == 0xD8 && i + 1 < bytes.len() {
        let k = (usize::from(b & 0x03) << 6) | usize::from(bytes[i + 1] & 0x3F);
        Some((k + 128, 2))
    } else {
        None
    }
}

/// Whether the character at byte `i` of `text` (a char boundary) is a word character, and its
/// length in bytes; `(false, 0)` at the end. The hot loops of the matcher call this on every
/// character, so ASCII and the two-byte Arabic block are answered from tables.
#[inline(always)]
pub fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    /// [`is_word_char`] by [`common_index`].
    static WORD: [bool; 384] = {
        let mut table = [false; 384];
        let mut k = 0;
        while k < 384 {
            table[k] = if k < 128 {
                (k as u8).is_ascii_alphanumeric()
            } else {
                is_arabic_block_word(0x600 + k as u32 - 128)
            };
            k += 1;
        }
        table
    };
    if let Some((k, len)) = common_index(text.as_bytes(), i) {
        return (WORD[k], len);
    }
    match text.get(i..).and_then(|rest| rest.chars().next()) {
        Some(c) => (is_word_char(c), c.len_utf8()),
        None => (false, 0),
    }
}

/// Normalises a gazetteer name or alias: the matching form, trimmed.
///
/// # Examples
/// ```
/// assert_eq!(convoy::arabic::normalize_name(" قاعدة عين الأسد "), "قاعده عين الاسد");
/// ```
pub fn normalize_name(name: &str) -> String {
    normalize(name).text().trim_end().to_owned()
}

/// True for characters that continue a word (letters and digits of any script).
///
/// The Arabic and Latin ranges are tested first: the general Unicode tables behind
/// `char::is_alphanumeric` cost tens of nanoseconds a character, and this runs on every one.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7F}' => false,
        '\u{0600}'..='\u{06FF}' => is_arabic_block_word(c as u32),
        '\u{0750}'..='\u{077F}' => true,
        c => c.is_alphanumeric(),
    }
}

/// Word characters of the Arabic block U+0600–U+06FF: letters and digits, not punctuation,
/// harakat or Quranic marks.
const fn is_arabic_block_word(cp: u32) -> bool {
    matches!(cp, 0x0621..=0x064A | 0x0660..=0x0669 | 0x066E..=0x06D3 | 0x06D5 | 0x06EE..=0x06FF)
}

/// The Arabic proclitics that may be glued to the front of a name, in matching form:
/// conjunctions و ف, prepositions ب ك ل, and their pairs (وب، فل، ...), one letter or two.
///
/// "لل" (ل + ال, the alef dropped) is handled by the matcher, which also looks for
/// "ل" + the name without its article.
pub const PROCLITICS: [&str; 11] = ["و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل"];

/// The one-letter proclitics (و ف ب ل) read off a word to find the word a phrase or a date
/// expression is listed under: "وفي"، "لشهر".
pub const GLUE: [&str; 4] = ["و", "ف", "ب", "ل"];

/// `word` without one [`GLUE`] proclitic, if what remains has at least `min_letters`
/// characters; otherwise `word` as it is.
///
/// # Examples
/// ```
/// use convoy::arabic::strip_glue;
/// assert_eq!(strip_glue("وفي", 2), "في");
/// assert_eq!(strip_glue("وفي", 3), "وفي");
/// ```
pub fn strip_glue(word: &str, min_letters: usize) -> &str {
    GLUE.iter()
        .find_map(|p| word.strip_prefix(p))
        .filter(|rest| rest.chars().count() >= min_letters)
        .unwrap_or(word)
}

/// A set of words as one bit per 16-bit hash of a word's length and its first and last four
/// bytes: a test far cheaper than hashing the whole word, which says "no" at once for most
/// words that are not in the set, and "maybe" for all that are.
#[derive(Debug, Clone)]
pub struct WordSieve(Box<[u64; 1 << 10]>);

impl WordSieve {
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordSieve {
        let mut bits = Box::new([0u64; 1 << 10]);
        for w in words {
            let k = WordSieve::key(w);
            bits[k / 64] |= 1 << (k % 64);
        }
        WordSieve(bits)
    }

    /// False when `word` is surely not in the set.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        let k = WordSieve::key(word);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }

    #[inline]
    fn key(w: &str) -> usize {
        let b = w.as_bytes();
        let (head, tail) = match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
            (Some(h), Some(t)) => (u32::from_le_bytes(*h), u32::from_le_bytes(*t)),
            _ => {
                let mut x = [0u8; 4];
                x[..b.len()].copy_from_slice(b);
                (u32::from_le_bytes(x), 0)
            }
        };
        let mixed = (u64::from(head) | (u64::from(tail) << 32)) ^ b.len() as u64;
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }
}

/// True for a proclitic that ends in the preposition ل (so "للحسكة" reads ل + الحسكة).
pub fn ends_with_lam(prefix: &str) -> bool {
    matches!(prefix, "ل" | "ول" | "فل")
}

/// True for Arabic-script letters (the ranges the normaliser leaves behind).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// A token of normalised text: a word (letters and digits) or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token in the normalised text.
    pub text: &'a str,
    /// Its byte range in the normalised text.
    pub norm: (usize, usize),
    /// Its byte range in the original text.
    pub orig: (usize, usize),
    pub is_word: bool,
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
    let bytes = text.as_bytes();
    // The bytes that can end a sentence or be part of a character that does: ؟ (D8 9F) and ؛
    // (D8 9B) by their last byte, … (E2 80 A6) by its first. Arabic text holds few of these,
    // so memchr's vector scans go from one to the next (three scans for seven bytes).
    let mut candidates: Vec<usize> = memchr::memchr3_iter(b'\n', b'.', b'?', bytes)
        .chain(memchr::memchr3_iter(b'!', 0x9B, 0x9F, bytes))
        .chain(memchr::memchr_iter(0xE2, bytes))
        .collect();
    candidates.sort_unstable();
    for at in candidates {
        let end = match bytes[at] {
            b'\n' => at,
            b'!' | b'?' => at + 1,
            b'.' => {
                let next = text[at + 1..].chars().next();
                if !next.is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '”' | '»' | ')'))
                {
                    continue;
                }
                at + 1
            }
            0x9B | 0x9F if at > 0 && bytes[at - 1] == 0xD8 => at + 1,
            0xE2 if bytes.get(at + 1..at + 3) == Some(&[0x80, 0xA6]) => at + 3,
            _ => continue,
        };
        push_trimmed(text, start..end, &mut out);
        start = if bytes[at] == b'\n' { at + 1 } else { end };
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Splits text into paragraphs: runs of lines separated by blank lines or single line breaks
/// (news text puts one paragraph on a line).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        push_trimmed(text, start..i, &mut out);
        start = i + 1;
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
    fn a_word_sieve_keeps_every_member_and_rules_out_most_others() {
        let members: Vec<String> = (0..2000).map(|i| format!("قاعده{i}")).collect();
        let sieve = WordSieve::new(members.iter().map(String::as_str));
        assert!(members.iter().all(|w| sieve.may_contain(w)));
        assert!(!WordSieve::new([]).may_contain("قاعده"));
        assert!(WordSieve::new(["", "ب"]).may_contain("ب"));
        let others = (0..2000)
            .filter(|i| sieve.may_contain(&format!("مطار{i}")))
            .count();
        // 2,000 members set at most 2,000 of 65,536 bits.
        assert!(others < 200, "{others} of 2000 not ruled out");
    }

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
    fn sentences_end_at_arabic_marks_and_ellipses() {
        let text = "هل انسحبت؟ نعم؛ ثم غادرت… وعادت! ورقم 3.5 مرة. «قالوا.» آخر";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            s,
            [
                "هل انسحبت؟",
                "نعم؛",
                "ثم غادرت…",
                "وعادت!",
                "ورقم 3.5 مرة.",
                "«قالوا.",
                "» آخر"
            ]
        );
        // Letters whose UTF-8 shares a byte with ؟ or ؛ (U+065F, U+069F) end nothing.
        let text = "ٟ\u{069F} كلمة";
        assert_eq!(sentences(text).len(), 1);
    }

    #[test]
    fn paragraphs_are_lines() {
        let text = "أ\n\n ب \nج";
        let p: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(p, ["أ", "ب", "ج"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, rng_seed: proptest::test_runner::RngSeed::Fixed(3), ..Default::default() })]

        /// Every normalised word maps back to an original span that normalises to that word.
        #[test]
        fn spans_round_trip(text in "[ابتةىأإآکیـًٌٍَُِّ٠-٩A-Za-z0-9 \u{200F}\u{FEFB}“”«».,-]{0,40}") {
            let n = normalize(&text);
            let t = n.text();
            let mut start = None;
            for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                match (start, c == ' ') {
                    (None, false) => start = Some(i),
                    (Some(s), true) => {
                        let span = n.original_span(s..i);
                        proptest::prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                        let back = normalize(&text[span]);
                        proptest::prop_assert_eq!(back.text(), &t[s..i]);
                        start = None;
                    }
                    _ => {}
                }
            }
        }

        /// Tokens, found while normalising, map back as the searched map does; their words
        /// are the text's words, and every other character but a space is a token of its own.
        #[test]
        fn tokens_map_back_like_spans(text in "[ابتةىأإآکیـًٌٍَُِّ٠-٩A-Za-z0-9 \u{200F}\u{FEFB}\u{FF21}\u{FDFA}“”«».,؟-]{0,40}") {
            let n = normalize(&text);
            let toks: Vec<Token> = n.tokens().collect();
            for tok in &toks {
                let span = n.original_span(tok.norm.0..tok.norm.1);
                proptest::prop_assert_eq!(tok.orig, (span.start, span.end));
                proptest::prop_assert_eq!(tok.text, &n.text()[tok.norm.0..tok.norm.1]);
            }
            let from_tokens: Vec<(usize, usize)> =
                toks.iter().filter(|t| t.is_word).map(|t| t.norm).collect();
            proptest::prop_assert_eq!(&from_tokens, &n.words().collect::<Vec<_>>());
            // The runs of word characters of the text, walked character by character.
            let mut walked = Vec::new();
            let mut i = 0;
            while i < n.text().len() {
                let (word, len) = word_char_at(n.text(), i);
                let start = i;
                i += len;
                if word {
                    while word_char_at(n.text(), i).0 {
                        i += word_char_at(n.text(), i).1;
                    }
                    walked.push((start, i));
                }
            }
            proptest::prop_assert_eq!(from_tokens, walked);
            let others: Vec<&str> = toks.iter().filter(|t| !t.is_word).map(|t| t.text).collect();
            let expected: Vec<&str> = n
                .text()
                .char_indices()
                .filter(|&(i, c)| c != ' ' && !word_char_at(n.text(), i).0)
                .map(|(i, c)| &n.text()[i..i + c.len_utf8()])
                .collect();
            proptest::prop_assert_eq!(others, expected);
        }

        /// The fast paths (runs of letters copied whole, single spaces inside them) write what
        /// folding each character on its own writes.
        #[test]
        fn normalizes_like_folding_each_character(text in "[ابتةىأإآکیـًٌٍَُِّ٠-٩A-Za-z0-9 \n\u{200F}\u{FEFB}\u{FF21}\u{FDFA}“”«».,؟-]{0,60}") {
            // The text so far, and whether a space waits for the next character.
            let mut expected = (String::new(), false);
            let write = |c: char, (text, space): &mut (String, bool)| {
                if *space && !text.is_empty() {
                    text.push(' ');
                }
                *space = false;
                text.push(c);
            };
            for c in text.chars() {
                match fold(c) {
                    Fold::Absorb | Fold::Drop => {}
                    Fold::Space => expected.1 = true,
                    Fold::Keep => write(c, &mut expected),
                    Fold::Char(f) => write(f, &mut expected),
                    Fold::Compat => {
                        for d in c.nfkc() {
                            match fold(d) {
                                Fold::Char(f) => write(f, &mut expected),
                                Fold::Space => write(' ', &mut expected),
                                Fold::Absorb | Fold::Drop => {}
                                Fold::Keep | Fold::Compat => {
                                    write(d.to_lowercase().next().unwrap_or(d), &mut expected)
                                }
                            }
                        }
                    }
                }
            }
            let n = normalize(&text);
            proptest::prop_assert_eq!(n.text(), expected.0);
        }
    }

    #[test]
    fn word_before_steps_over_glued_proclitics() {
        let t = normalize("في ريف الحسكة");
        assert_eq!(t.word_before(t.text().find("الحسكه").unwrap()), Some("ريف"));
        let t = normalize("بريف الحسكة");
        assert_eq!(
            t.word_before(t.text().find("الحسكه").unwrap()),
            Some("بريف")
        );
        let t = normalize("وبالحسكة");
        assert_eq!(t.word_before(t.text().find("الحسكه").unwrap()), None);
        let t = normalize("قرب [( التنف");
        assert_eq!(t.word_before(t.text().find("التنف").unwrap()), Some("قرب"));
        let t = normalize("قرب - التنف");
        assert_eq!(t.word_before(t.text().find("التنف").unwrap()), Some("قرب"));
    }

    #[test]
    fn proclitics() {
        assert!(PROCLITICS.contains(&"وب"));
        assert!(!PROCLITICS.contains(&"ال"));
        assert!(ends_with_lam("ول"));
    }
}
