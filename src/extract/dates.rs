//! Dates in articles: "في 15 فبراير الجاري", "31 كانون الأول ديسمبر", "اليوم الأربعاء",
//! "18 December 2011", resolved against the article's own date from the manifest.

use std::fmt;
use std::str::FromStr;

use crate::arabic::{self, WordSieve};

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Ymd {
    /// A date, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Ymd> {
        let ok = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(Ymd { year, month, day })
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Ymd {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Ymd { year, month, day }
    }

    /// 0 = Sunday … 6 = Saturday.
    pub fn weekday(self) -> u8 {
        (self.days() + 4).rem_euclid(7) as u8
    }

    fn plus(self, days: i64) -> Ymd {
        Ymd::from_days(self.days() + days)
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// An article's date as the manifest gives it: a day, a month or only a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl ArticleDate {
    /// The full date, when the day is known.
    pub fn full(self) -> Option<Ymd> {
        Ymd::new(self.year, self.month?, self.day?)
    }
}

impl fmt::Display for ArticleDate {
    /// As the manifest and the output contract write it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => write!(f, "{:04}-{m:02}", self.year),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

impl FromStr for ArticleDate {
    type Err = String;

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    fn from_str(s: &str) -> Result<ArticleDate, String> {
        let bad = || format!("date \"{s}\" is not YYYY-MM-DD, YYYY-MM or YYYY");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
        let year = num(parts.first().copied().unwrap_or(""))? as i32;
        let month = parts.get(1).map(|p| num(p)).transpose()?.map(|m| m as u8);
        let day = parts.get(2).map(|p| num(p)).transpose()?.map(|d| d as u8);
        if parts.len() > 3 || month.is_some_and(|m| !(1..=12).contains(&m)) {
            return Err(bad());
        }
        if let (Some(m), Some(d)) = (month, day) {
            Ymd::new(year, m, d).ok_or_else(bad)?;
        }
        Ok(ArticleDate { year, month, day })
    }
}

/// A date expression found in the tokens of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Token index range of the expression.
    pub tokens: std::ops::Range<usize>,
    /// The resolved date, when it can be.
    pub date: Option<Ymd>,
    /// A year stated or implied, even when the day is not known (for telling background).
    pub year: Option<i32>,
    /// The month named, when no day is ("ديسمبر 2018", "كانون الأول الماضي").
    pub month: Option<u8>,
}

const MONTHS: &[(&str, u8)] = &[
    ("يناير", 1),
    ("كانون الثاني", 1),
    ("فبراير", 2),
    ("شباط", 2),
    ("مارس", 3),
    ("آذار", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("نيسان", 4),
    ("مايو", 5),
    ("أيار", 5),
    ("يونيو", 6),
    ("حزيران", 6),
    ("يوليو", 7),
    ("تموز", 7),
    ("أغسطس", 8),
    ("آب", 8),
    ("سبتمبر", 9),
    ("أيلول", 9),
    ("أكتوبر", 10),
    ("تشرين الأول", 10),
    ("نوفمبر", 11),
    ("تشرين الثاني", 11),
    ("ديسمبر", 12),
    ("كانون الأول", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

const WEEKDAYS: &[(&str, u8)] = &[
    ("الأحد", 0),
    ("الاثنين", 1),
    ("الإثنين", 1),
    ("الثلاثاء", 2),
    ("الأربعاء", 3),
    ("الخميس", 4),
    ("الجمعة", 5),
    ("السبت", 6),
];

const ORDINALS: &[(&str, u8)] = &[
    ("الأول", 1),
    ("الثاني", 2),
    ("الثالث", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادس", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
    ("الحادي عشر", 11),
    ("الثاني عشر", 12),
    ("الثالث عشر", 13),
    ("الرابع عشر", 14),
    ("الخامس عشر", 15),
    ("السادس عشر", 16),
    ("السابع عشر", 17),
    ("الثامن عشر", 18),
    ("التاسع عشر", 19),
    ("العشرين", 20),
    ("الحادي والعشرين", 21),
    ("الثاني والعشرين", 22),
    ("الثالث والعشرين", 23),
    ("الرابع والعشرين", 24),
    ("الخامس والعشرين", 25),
    ("السادس والعشرين", 26),
    ("السابع والعشرين", 27),
    ("الثامن والعشرين", 28),
    ("التاسع والعشرين", 29),
    ("الثلاثين", 30),
    ("الحادي والثلاثين", 31),
];

/// Phrase tables, normalised once: (words, value).
struct Tables {
    months: Phrases,
    weekdays: Vec<(String, u8)>,
    ordinals: Phrases,
    /// Every word a date expression can start with (besides numbers), also with a proclitic
    /// glued on: most words are not one, and one lookup says so.
    starts: rustc_hash::FxHashSet<String>,
    /// The words of `starts` again, for a test far cheaper than hashing the whole word, which
    /// nearly every word fails.
    sieve: WordSieve,
}

fn tables() -> &'static Tables {
    static T: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let split = |s: &str| -> Vec<String> {
            arabic::normalize_name(s)
                .split(' ')
                .map(str::to_owned)
                .collect()
        };
        let mut months: Vec<(Vec<String>, u8)> =
            MONTHS.iter().map(|(m, n)| (split(m), *n)).collect();
        months.sort_by_key(|m| std::cmp::Reverse(m.0.len()));
        let mut ordinals: Vec<(Vec<String>, u8)> =
            ORDINALS.iter().map(|(m, n)| (split(m), *n)).collect();
        ordinals.sort_by_key(|o| std::cmp::Reverse(o.0.len()));
        let mut starts: rustc_hash::FxHashSet<String> = months
            .iter()
            .chain(&ordinals)
            .map(|(p, _)| p[0].clone())
            .collect();
        let (months, ordinals) = (Phrases::new(months), Phrases::new(ordinals));
        starts.extend(WEEKDAYS.iter().map(|(w, _)| arabic::normalize_name(w)));
        starts.extend(
            ["اليوم", "امس", "today", "yesterday", "عام", "سنة", "سنه"]
                .iter()
                .map(|w| arabic::normalize_name(w)),
        );
        let glued: Vec<String> = starts
            .iter()
            .filter(|s| s.chars().count() >= 3)
            .flat_map(|s| arabic::GLUE.map(|p| format!("{p}{s}")))
            .collect();
        starts.extend(glued);
        Tables {
            sieve: WordSieve::new(starts.iter().map(String::as_str)),
            starts,
            months,
            weekdays: WEEKDAYS
                .iter()
                .map(|(w, n)| (arabic::normalize_name(w), *n))
                .collect(),
            ordinals,
        }
    })
}

/// A word without one glued proclitic (و ف ب ل), as dates are often written "وفي"، "بـ".
fn bare(w: &str) -> &str {
    arabic::strip_glue(w, 3)
}

/// A table of phrases (longest first) with a value each, and where each first word's phrases
/// are in it, so a word is matched against its own phrases only.
struct Phrases {
    entries: Vec<(Vec<String>, u8)>,
    by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
}

impl Phrases {
    fn new(entries: Vec<(Vec<String>, u8)>) -> Phrases {
        let mut by_first: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (i, (parts, _)) in entries.iter().enumerate() {
            by_first.entry(parts[0].clone()).or_default().push(i);
        }
        Phrases { entries, by_first }
    }
}

/// The first phrase of `table` that `words` start with: its length in words and its value.
fn match_words(table: &Phrases, words: &[&str]) -> Option<(usize, u8)> {
    let first = *words.first()?;
    // The first word may carry a proclitic ("وفي"، "بشهر").
    let first_bare = bare(first);
    let bare_too = (first_bare != first).then_some(first_bare);
    let candidates = [Some(first), bare_too]
        .into_iter()
        .flatten()
        .filter_map(|w| table.by_first.get(w))
        .flatten();
    candidates
        .copied()
        .filter(|&i| {
            let parts = &table.entries[i].0;
            words.len() >= parts.len() && parts[1..].iter().zip(&words[1..]).all(|(p, w)| p == w)
        })
        .min()
        .map(|i| (table.entries[i].0.len(), table.entries[i].1))
}

/// Finds and resolves the date expressions among `words` (the word tokens of one text);
/// the mentions' `tokens` index `words`.
pub fn find(words: &[&str], article: Option<ArticleDate>) -> Vec<DateMention> {
    let t = tables();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some(found) = date_at(t, words, i, article) {
            i = found.tokens.end;
            out.push(found);
        } else {
            i += 1;
        }
    }
    out
}

fn number(w: &str) -> Option<u32> {
    w.parse().ok()
}

/// Relative month words after a date: this month, last month, next month.
fn relative_month(w: Option<&&str>) -> Option<i32> {
    match w.map(|w| bare(w)) {
        Some("الجاري" | "الحالي") => Some(0),
        Some("الماضي" | "المنصرم" | "السابق") => Some(-1),
        Some("المقبل" | "القادم") => Some(1),
        _ => None,
    }
}

fn date_at(t: &Tables, w: &[&str], i: usize, article: Option<ArticleDate>) -> Option<DateMention> {
    let rest = &w[i..];
    let w = rest[0];
    let number_like = w.as_bytes().last().is_some_and(u8::is_ascii_digit)
        && bare(w).bytes().all(|b| b.is_ascii_digit());
    let starts_date = t.sieve.may_contain(w) && t.starts.contains(w);
    if !number_like && !starts_date {
        return None;
    }
    // Day: a number, or an ordinal word ("التاسع من ...").
    let (day, mut j) = if let Some(d) = number(bare(rest[0])).filter(|d| (1..=31).contains(d)) {
        (Some(d as u8), 1)
    } else if number_like {
        // A number that is no day is no ordinal, month, year word or weekday either.
        return None;
    } else if let Some((n, d)) = match_words(&t.ordinals, rest) {
        // An ordinal is a date only before a month or "من الشهر".
        let after = &rest[n..];
        let of = after.first().is_some_and(|w| *w == "من");
        (Some(d), n + usize::from(of))
    } else {
        (None, 0)
    };
    if let Some(day) = day {
        let after = &rest[j..];
        // "من الشهر الجاري", "من هذا الشهر"
        if after.first().is_some_and(|w| *w == "الشهر" || *w == "هذا") {
            let k = if after.first() == Some(&"هذا") {
                2
            } else {
                1
            };
            let shift = relative_month(after.get(k)).unwrap_or(0);
            let k = k + usize::from(relative_month(after.get(k)).is_some());
            let date = article.and_then(|a| {
                let m = a.month? as i32 + shift;
                let (y, m) = (a.year + (m - 1).div_euclid(12), (m - 1).rem_euclid(12) + 1);
                Ymd::new(y, m as u8, day)
            });
            return Some(DateMention {
                tokens: i..i + j + k,
                date,
                year: date.map(|d| d.year).or(article.map(|a| a.year)),
                month: None,
            });
        }
        if let Some((n, month)) = match_words(&t.months, after) {
            j += n;
            // A second month name for the same month ("كانون الأول ديسمبر").
            if let Some((n2, m2)) = match_words(&t.months, &rest[j..]) {
                if m2 == month {
                    j += n2;
                }
            }
            let (year, k) = explicit_year(&rest[j..]);
            j += k;
            let relative = relative_month(rest.get(j));
            j += usize::from(relative.is_some());
            let year = year.or_else(|| {
                let a = article?;
                Some(match (relative, a.month) {
                    (Some(-1), Some(am)) if month > am => a.year - 1,
                    (Some(-1), Some(am)) if month == am => a.year - 1,
                    (Some(1), Some(am)) if month < am => a.year + 1,
                    (None, Some(am)) if month > am + 1 => a.year - 1,
                    _ => a.year,
                })
            });
            let date = year.and_then(|y| Ymd::new(y, month, day));
            return Some(DateMention {
                tokens: i..i + j,
                date,
                year,
                month: None,
            });
        }
        return None;
    }
    // English "December 18, 2011" / "December 2011"; Arabic "ديسمبر/كانون الأول الماضي".
    if let Some((n, month)) = match_words(&t.months, rest) {
        let mut j = n;
        if let Some((n2, m2)) = match_words(&t.months, &rest[j..]) {
            if m2 == month {
                j += n2;
            }
        }
        if let Some(shift) = relative_month(rest.get(j)) {
            // A month with no day: the year is known, the date is not.
            let year = article.map(|a| match a.month {
                Some(am) if shift < 0 && month >= am => a.year - 1,
                _ => a.year,
            });
            return Some(DateMention {
                tokens: i..i + j + 1,
                date: None,
                year,
                month: Some(month),
            });
        }
        let day = rest
            .get(j)
            .and_then(|w| number(w))
            .filter(|d| (1..=31).contains(d));
        j += usize::from(day.is_some());
        let (year, k) = explicit_year(&rest[j..]);
        j += k;
        // A bare month name alone ("مايو") is too weak to be a date without a year.
        if year.is_some() || day.is_some() {
            let date = match (year, day) {
                (Some(y), Some(d)) => Ymd::new(y, month, d as u8),
                _ => None,
            };
            return Some(DateMention {
                tokens: i..i + j,
                date,
                year,
                month: date.is_none().then_some(month),
            });
        }
        return None;
    }
    // "عام 2003", "في 2014"
    if matches!(bare(rest[0]), "عام" | "سنة" | "سنه") {
        if let Some(y) = rest
            .get(1)
            .and_then(|w| number(w))
            .filter(|y| (1900..2100).contains(y))
        {
            return Some(DateMention {
                tokens: i..i + 2,
                date: None,
                year: Some(y as i32),
                month: None,
            });
        }
    }
    // Weekdays and today/yesterday, against the article's date.
    let word = bare(rest[0]);
    let today = article.and_then(ArticleDate::full);
    match word {
        "اليوم" | "today" => {
            // "اليوم الأربعاء": the weekday confirms today.
            let n = 1 + usize::from(rest.get(1).is_some_and(|w| weekday(t, w).is_some()));
            return Some(DateMention {
                tokens: i..i + n,
                date: today,
                year: today.map(|d| d.year),
                month: None,
            });
        }
        "امس" | "yesterday" => {
            let date = today.map(|d| d.plus(-1));
            return Some(DateMention {
                tokens: i..i + 1,
                date,
                year: date.map(|d| d.year),
                month: None,
            });
        }
        _ => {}
    }
    let wd = weekday(t, rest[0])?;
    let relative = relative_month(rest.get(1));
    let n = 1 + usize::from(relative.is_some());
    let date = today.map(|d| {
        let back = (i64::from(d.weekday()) - i64::from(wd)).rem_euclid(7);
        match relative {
            // "الخميس الماضي": strictly before today.
            Some(-1) => d.plus(-if back == 0 { 7 } else { back }),
            Some(1) => d.plus(
                (i64::from(wd) - i64::from(d.weekday()))
                    .rem_euclid(7)
                    .max(1),
            ),
            _ => d.plus(-back),
        }
    });
    Some(DateMention {
        tokens: i..i + n,
        date,
        year: date.map(|d| d.year),
        month: None,
    })
}

fn weekday(t: &Tables, w: &str) -> Option<u8> {
    let w = bare(w);
    t.weekdays.iter().find(|(n, _)| n == w).map(|(_, d)| *d)
}

/// "عام 2020", "2020", "عام2020": the year and how many words it took.
fn explicit_year(w: &[&str]) -> (Option<i32>, usize) {
    let y = |s: &str| {
        number(s)
            .filter(|y| (1900..2100).contains(y))
            .map(|y| y as i32)
    };
    match w {
        [first, second, ..] if matches!(bare(first), "عام" | "سنة" | "سنه") => {
            (y(second), if y(second).is_some() { 2 } else { 0 })
        }
        [first, ..] => {
            let glued = first
                .strip_prefix("عام")
                .or_else(|| first.strip_prefix("سنه"));
            match glued.and_then(y).or_else(|| y(first)) {
                Some(year) => (Some(year), 1),
                None => (None, 0),
            }
        }
        [] => (None, 0),
    }
}

/// An article's date: as its manifest gives it (`given`), else as its dateline prints it
/// (see [`dateline`]). A dateline within a manifest date of only a month or a year names the
/// day.
pub fn of_article(given: Option<ArticleDate>, text: &str) -> Option<ArticleDate> {
    if given.is_some_and(|d| d.day.is_some()) {
        return given;
    }
    let printed = dateline(text);
    match (given, printed) {
        (Some(g), Some(p)) if p.year == g.year && g.month.is_none_or(|m| p.month == Some(m)) => {
            printed
        }
        (Some(_), _) => given,
        (None, _) => printed,
    }
}

/// How many of an article's first non-empty lines may hold its dateline.
const DATELINE_LINES: usize = 8;

/// The most words a dateline's date may take (a weekday, a day, a two-word month, a year).
const DATELINE_WORDS: usize = 6;

/// The date an article prints on a line of its own near its head, its dateline: a day with
/// its month and year in words or digits ("13 نوفمبر 2019", "الإثنين ١١ شباط ٢٠١٩",
/// "الخميس 2021/01/28"), after a weekday, "نُشر في" or before a time. Read for an article
/// no manifest dates; a date inside a sentence tells of an event, not of the article.
///
/// # Examples
/// ```
/// use convoy::extract::dates::dateline;
/// let text = "انسحاب من قاعدة\n\nالأربعاء 11 فبراير 2026\n\nغادرت القوات القاعدة.";
/// assert_eq!(dateline(text).unwrap().to_string(), "2026-02-11");
/// assert!(dateline("غادرت القوات القاعدة في 11 فبراير 2026 متجهة إلى العراق.").is_none());
/// ```
pub fn dateline(text: &str) -> Option<ArticleDate> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(DATELINE_LINES)
        .find_map(dateline_of)
}

/// The date a line is, when it is nothing but a date and the words around a dateline.
fn dateline_of(line: &str) -> Option<ArticleDate> {
    let t = tables();
    let norm = arabic::normalize_name(line);
    let words: Vec<&str> = norm
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '،' | ',' | '(' | ')' | '–' | '—'))
        .filter(|w| !w.is_empty() && !is_dateline_filler(t, w))
        .collect();
    if words.is_empty() || words.len() > DATELINE_WORDS {
        return None;
    }
    // Normalising spells "05-03-2020" as three numbers.
    if words
        .iter()
        .all(|w| w.bytes().all(|b| b.is_ascii_digit() || b"/.-".contains(&b)))
    {
        return numeric_date(&words.join("/"));
    }
    match &find(&words, None)[..] {
        [d] if d.tokens == (0..words.len()) => d.date.map(|ymd| ArticleDate {
            year: ymd.year,
            month: Some(ymd.month),
            day: Some(ymd.day),
        }),
        _ => None,
    }
}

/// Words a dateline carries besides its date: a weekday, "published on", a clock time.
fn is_dateline_filler(t: &Tables, w: &str) -> bool {
    let w = w.trim_matches(|c: char| matches!(c, '-' | ':' | '.'));
    w.is_empty()
        || t.weekdays.iter().any(|(d, _)| d == bare(w))
        || matches!(
            w,
            "نشر"
                | "في"
                | "بتاريخ"
                | "تاريخ"
                | "النشر"
                | "اخر"
                | "تحديث"
                | "يوم"
                | "ص"
                | "م"
                | "صباحا"
                | "مساء"
                | "gmt"
                | "utc"
        )
        || (w.contains(':') && w.split(':').all(|p| p.bytes().all(|b| b.is_ascii_digit())))
}

/// A date in digits, year first or last: "2021/01/28", "28-01-2021", "28.1.2021".
fn numeric_date(w: &str) -> Option<ArticleDate> {
    let parts: Vec<u32> = w
        .split(['/', '-', '.'])
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (year, month, day) = match parts[..] {
        [y, m, d] if y >= 1000 => (y, m, d),
        [d, m, y] if y >= 1000 => (y, m, d),
        _ => return None,
    };
    if !(1900..2100).contains(&year) || month > 12 || day > 31 {
        return None;
    }
    let ymd = Ymd::new(year as i32, month as u8, day as u8)?;
    Some(ArticleDate {
        year: ymd.year,
        month: Some(ymd.month),
        day: Some(ymd.day),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(text: &str, article: &str) -> Vec<(String, Option<String>)> {
        let norm = arabic::normalize(text);
        let words: Vec<&str> = norm
            .tokens()
            .filter(|t| t.is_word)
            .map(|t| t.text)
            .collect();
        find(&words, Some(article.parse().unwrap()))
            .into_iter()
            .map(|d| {
                (
                    words[d.tokens.clone()].join(" "),
                    d.date.map(|d| d.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn calendar_arithmetic() {
        let d = Ymd::new(2020, 1, 8).unwrap();
        assert_eq!(d.weekday(), 3, "8 January 2020 was a Wednesday");
        assert_eq!(Ymd::from_days(d.days()), d);
        assert_eq!(Ymd::new(2021, 2, 29), None);
        assert_eq!(d.plus(-8).to_string(), "2019-12-31");
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(
            resolve("وفي 15 فبراير الجاري أعلنت", "2026-02-16"),
            [("15 فبراير الجاري".into(), Some("2026-02-15".into()))]
        );
        assert_eq!(
            resolve("في يوم 31 كانون الأول ديسمبر الحالي", "2021-12-13"),
            [(
                "31 كانون الاول ديسمبر الحالي".into(),
                Some("2021-12-31".into())
            )]
        );
        assert_eq!(
            resolve("في الثالث من كانون الثاني يناير عام 2020 .", "2021-12-13"),
            [(
                "الثالث من كانون الثاني يناير عام 2020".into(),
                Some("2020-01-03".into())
            )]
        );
        assert_eq!(
            resolve("في التاسع من الشهر الحالي", "2021-12-13"),
            [("التاسع من الشهر الحالي".into(), Some("2021-12-09".into()))]
        );
        assert_eq!(
            resolve("arriving into Kuwait on 18 December 2011", "2020-03-29"),
            [("18 december 2011".into(), Some("2011-12-18".into()))]
        );
        // A month after the article's month, with no year, is last year's.
        assert_eq!(
            resolve("نهاية 28 ديسمبر", "2020-03-29"),
            [("28 ديسمبر".into(), Some("2019-12-28".into()))]
        );
    }

    #[test]
    fn a_month_without_a_day_is_kept_as_text() {
        assert_eq!(
            resolve("نهاية ديسمبر/كانون الأول الماضي", "2020-03-29"),
            [("ديسمبر كانون الاول الماضي".into(), None)]
        );
    }

    #[test]
    fn weekdays_and_today() {
        assert_eq!(
            resolve("اليوم الأربعاء", "2020-01-08"),
            [("اليوم الاربعاء".into(), Some("2020-01-08".into()))]
        );
        assert_eq!(
            resolve("يوم الخميس الماضي", "2020-01-08"),
            [("الخميس الماضي".into(), Some("2020-01-02".into()))]
        );
        assert_eq!(
            resolve("أفادت الاثنين", "2020-01-08"),
            [("الاثنين".into(), Some("2020-01-06".into()))]
        );
        assert_eq!(
            resolve("اليوم الأحد", "2020-03"),
            [("اليوم الاحد".into(), None)]
        );
    }

    #[test]
    fn manifest_dates_parse() {
        assert_eq!(
            "2021-12".parse::<ArticleDate>().unwrap(),
            ArticleDate {
                year: 2021,
                month: Some(12),
                day: None
            }
        );
        assert!("2021-13-01".parse::<ArticleDate>().is_err());
        assert!("yesterday".parse::<ArticleDate>().is_err());
    }

    #[test]
    fn a_dateline_is_a_line_that_is_only_a_date() {
        let at = |text: &str| dateline(text).map(|d| d.to_string());
        assert_eq!(at("عنوان\n13 نوفمبر 2019\nنص"), Some("2019-11-13".into()));
        assert_eq!(
            at("عنوان\nالإثنين ١١ شباط ٢٠١٩\n"),
            Some("2019-02-11".into())
        );
        assert_eq!(at("عنوان\nالخميس 2021/01/28\n"), Some("2021-01-28".into()));
        assert_eq!(
            at("نُشر في: 05-03-2020 | 10:45 ص\n"),
            Some("2020-03-05".into())
        );
        assert_eq!(
            at("آخر تحديث: 31 كانون الأول ديسمبر 2019\n"),
            Some("2019-12-31".into())
        );
    }

    #[test]
    fn a_date_inside_a_sentence_or_past_the_head_is_no_dateline() {
        let at = |text: &str| dateline(text).map(|d| d.to_string());
        // A sentence telling of an event on a day.
        assert_eq!(at("انسحبت القوات يوم 13 نوفمبر 2019 من القاعدة.\n"), None);
        // A month without a day, an impossible day, a number that is no date.
        assert_eq!(at("نوفمبر 2019\n"), None);
        assert_eq!(at("2019/02/30\n"), None);
        assert_eq!(at("137\n"), None);
        // Below the first lines.
        let late = format!("{}13 نوفمبر 2019\n", "سطر\n".repeat(DATELINE_LINES));
        assert_eq!(at(&late), None);
    }
    #[test]
    fn a_dateline_dates_an_article_the_manifest_leaves_undated_or_vague() {
        let text = "عنوان\nالخميس 2021/01/28\nنص";
        let date = |given: Option<&str>| {
            of_article(given.map(|g| g.parse().unwrap()), text).map(|d| d.to_string())
        };
        assert_eq!(date(None), Some("2021-01-28".into()));
        assert_eq!(date(Some("2021-01")), Some("2021-01-28".into()));
        assert_eq!(date(Some("2021")), Some("2021-01-28".into()));
        // The manifest's day, or a month the dateline contradicts, is kept.
        assert_eq!(date(Some("2021-01-30")), Some("2021-01-30".into()));
        assert_eq!(date(Some("2021-02")), Some("2021-02".into()));
    }
}
