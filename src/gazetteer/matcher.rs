//! Finding every gazetteer name in a text in one pass.
//!
//! A name starts a word, or follows a proclitic glued to the front of it (بريف، والحسكة،
//! بالعراق، للحسكة), and ends a word. The text is read word by word: a hash map of the names'
//! first words rules out most words at once (with or without a proclitic read off their front)
//! and says how long a name starting there can be; the words ending within that length are
//! then looked up, whole, in a hash map of every normalised name, and the longest found wins.
//! Left to right, the leftmost-longest names are kept and never overlap.
//! Phrases listed as "not places" take part in that choice and then vanish, so
//! "قوات سوريا الديمقراطية" hides the "سوريا" inside it.
//!
//! Building both maps is linear in the gazetteer's size (an Aho–Corasick automaton, used here
//! before, spent most of a large gazetteer's load on failure links that anchored lookups never
//! follow); finding is linear in the text.

use std::ops::Range;

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::place::{Place, PlaceIndex, Tier};
use crate::arabic::{self, Normalized, WordSieve};

/// Shortest GeoNames name (in letters, without the article) worth matching: shorter ones are
/// mostly ordinary words.
const MIN_GEONAMES_LETTERS: usize = 3;

/// One place a pattern can stand for.
#[derive(Debug, Clone, Copy)]
struct Target {
    place: PlaceIndex,
    /// The pattern is an ال-name with its alef dropped; it only matches after ل (للحسكة).
    needs_lam: bool,
}

#[derive(Debug, Default, Clone)]
struct Pattern {
    targets: SmallVec<[Target; 2]>,
    /// A "not a place" phrase: it wins its span and reports nothing.
    blocked: bool,
    /// Arabic-script patterns may follow a proclitic; Latin ones must start a word.
    arabic: bool,
    /// A name that is also an ordinary word: a place only where the text says so.
    needs_context: bool,
}

/// The places a name can stand for: most names stand for one, few for more than four.
pub type Candidates = SmallVec<[PlaceIndex; 4]>;

/// A name found in a text: the span of the name itself in the original text (proclitics
/// excluded) and every place it can stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Byte range in the normalised text.
    pub normalized_span: Range<usize>,
    /// Candidate places, curated first, in gazetteer order.
    pub candidates: Candidates,
    /// The name is also an ordinary word (gazetteer/needs_context.txt): it stands for a place
    /// only where the words around it say a place is meant.
    pub needs_context: bool,
}

/// The lookup tables over every name in a gazetteer.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Every normalised name and "not a place" phrase: its index in `patterns`.
    names: FxHashMap<Box<str>, u32>,
    /// Every first word of a name: the length in bytes of the longest name it starts.
    starts: FxHashMap<Box<str>, u32>,
    /// The keys of `starts` again, to rule out most other words without hashing them.
    sieve: WordSieve,
    patterns: Vec<Pattern>,
}

impl Matcher {
    /// Builds the tables over `places`' names, the `not_places` phrases, and the names that
    /// `need_context`.
    pub fn new(places: &[Place], not_places: &[String], need_context: &[String]) -> Matcher {
        let mut builder = Builder::default();
        for (i, place) in places.iter().enumerate() {
            builder.add_place(PlaceIndex(i as u32), place);
        }
        for phrase in not_places {
            let norm = arabic::normalize_name(phrase);
            if !norm.is_empty() {
                builder.slot(norm).blocked = true;
            }
        }
        for name in need_context {
            let norm = arabic::normalize_name(name);
            let lam = norm.strip_prefix("ال").map(|rest| ["ل", rest].concat());
            // Only names some place carries (and their ل-forms): a word that names nothing
            // needs no guard.
            for form in std::iter::once(norm).chain(lam) {
                if let Some(&i) = builder.names.get(form.as_str()) {
                    builder.patterns[i as usize].needs_context = true;
                }
            }
        }
        let mut starts: FxHashMap<Box<str>, u32> = FxHashMap::default();
        for name in builder.names.keys() {
            let first = &name[..first_word_len(name)];
            if !first.is_empty() {
                let longest = starts.entry(first.into()).or_default();
                *longest = (*longest).max(name.len() as u32);
            }
        }
        Matcher {
            sieve: WordSieve::new(starts.keys().map(|k| &**k)),
            starts,
            names: builder.names,
            patterns: builder.patterns,
        }
    }

    /// Every name in `text`, in text order, leftmost-longest, never overlapping.
    pub fn find(&self, text: &str) -> Vec<NameMatch> {
        self.find_normalized(&arabic::normalize(text))
    }

    /// As [`Matcher::find`], on text already normalised.
    pub fn find_normalized(&self, norm: &Normalized) -> Vec<NameMatch> {
        let t = norm.text();
        let mut out = Vec::new();
        // Where the last match ended: words that start inside it are part of it.
        let mut covered = 0;
        for (word_start, word_end) in norm.words() {
            if word_start < covered {
                continue;
            }
            // A name starts this word, or follows a proclitic of k letters glued to its front.
            for k in 0..=2 {
                let at = word_start + 2 * k;
                let Some(longest) = self.start_after(t, word_start, at, word_end) else {
                    continue;
                };
                let ends = name_ends(t, at, longest as usize);
                if let Some((end, places, needs_context)) =
                    self.longest_at(t, at, ends, &t[word_start..at])
                {
                    if !places.is_empty() {
                        out.push(NameMatch {
                            span: norm.original_span(at..end),
                            normalized_span: at..end,
                            candidates: places,
                            needs_context,
                        });
                    }
                    covered = end;
                    break;
                }
            }
        }
        out
    }

    /// When a name may start at `at` in the word `t[word_start..word_end]` (after the
    /// proclitic `t[word_start..at]`, if any), the length of the longest name that could.
    fn start_after(&self, t: &str, word_start: usize, at: usize, word_end: usize) -> Option<u32> {
        let prefix = t.get(word_start..at)?;
        if at >= word_end || !(prefix.is_empty() || arabic::PROCLITICS.contains(&prefix)) {
            return None;
        }
        let rest = &t[at..word_end];
        if !self.sieve.may_contain(rest) {
            return None;
        }
        self.starts.get(rest).copied()
    }

    /// The longest name starting at `start` and ending at one of `ends` (in text order) that
    /// may follow `prefix`: its end, its places (empty for a "not a place" phrase) and whether
    /// it needs context.
    fn longest_at(
        &self,
        t: &str,
        start: usize,
        ends: impl Iterator<Item = usize>,
        prefix: &str,
    ) -> Option<(usize, Candidates, bool)> {
        let lam = arabic::ends_with_lam(prefix);
        let best = ends
            .filter_map(|end| {
                let &pid = self.names.get(&t[start..end])?;
                let pattern = &self.patterns[pid as usize];
                let fits = (prefix.is_empty() || pattern.arabic)
                    && (pattern.blocked || pattern.targets.iter().any(|t| !t.needs_lam || lam));
                fits.then_some((end, pattern))
            })
            .last();
        // The places are gathered for the longest name only.
        best.map(|(end, pattern)| {
            let mut places: Candidates = pattern
                .targets
                .iter()
                .filter(|t| !pattern.blocked && (!t.needs_lam || lam))
                .map(|t| t.place)
                .collect();
            places.sort();
            places.dedup();
            (end, places, pattern.needs_context)
        })
    }

    /// The places a whole normalised phrase names, if it is a name (not a "not a place"
    /// phrase, nor an ل-form): "قاعده حرير" when a list's head noun is carried to "وحرير".
    pub fn phrase(&self, normalized: &str) -> Option<Candidates> {
        let pattern = &self.patterns[*self.names.get(normalized)? as usize];
        let mut places: Candidates = pattern
            .targets
            .iter()
            .filter(|t| !t.needs_lam)
            .map(|t| t.place)
            .collect();
        places.sort();
        places.dedup();
        (!pattern.blocked && !places.is_empty()).then_some(places)
    }

    /// How many distinct normalised patterns the matcher holds.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }
}

/// Where in `t` a name of at most `longest` bytes starting at `at` may end, in text order:
/// before a character that is not a word character, after one that is not a space.
fn name_ends(t: &str, at: usize, longest: usize) -> impl Iterator<Item = usize> + '_ {
    let limit = (at + longest).min(t.len());
    let mut end = at;
    std::iter::from_fn(move || loop {
        if end >= limit {
            return None;
        }
        end += arabic::word_char_at(t, end).1.max(1);
        if end > limit {
            return None;
        }
        if !arabic::word_char_at(t, end).0 && !t.as_bytes()[end - 1].is_ascii_whitespace() {
            return Some(end);
        }
    })
}

/// The length of `name`'s first word: up to its first character that is not a word character.
fn first_word_len(name: &str) -> usize {
    name.find(|c: char| !arabic::is_word_char(c))
        .unwrap_or(name.len())
}

/// Distinct pattern texts and what each stands for.
#[derive(Default)]
struct Builder {
    names: FxHashMap<Box<str>, u32>,
    patterns: Vec<Pattern>,
}

impl Builder {
    /// Adds the names `place` is matched by.
    fn add_place(&mut self, place_ix: PlaceIndex, place: &Place) {
        let names: SmallVec<[&str; 8]> = match place.tier {
            Tier::Curated => place.names().collect(),
            // GeoNames English names ("Hit", "Salt") are ordinary English words; only the
            // Arabic ones are matched.
            Tier::Geonames => std::iter::once(place.name_ar.as_str())
                .chain(place.aliases_ar.iter().map(String::as_str))
                .filter(|n| !n.is_empty())
                .collect(),
        };
        let mut seen: SmallVec<[String; 8]> = SmallVec::new();
        for norm in names.into_iter().flat_map(|n| spellings(n, place.tier)) {
            if norm.is_empty() || seen.contains(&norm) {
                continue;
            }
            if place.tier == Tier::Geonames && letters_without_article(&norm) < MIN_GEONAMES_LETTERS
            {
                continue;
            }
            if let Some(rest) = norm.strip_prefix("ال") {
                // ل + ال → لل: "للحسكة" is ل + "لحسكة".
                let lam = Target {
                    place: place_ix,
                    needs_lam: true,
                };
                self.slot(["ل", rest].concat()).targets.push(lam);
            }
            let plain = Target {
                place: place_ix,
                needs_lam: false,
            };
            self.slot(norm.clone()).targets.push(plain);
            seen.push(norm);
        }
    }

    fn slot(&mut self, text: String) -> &mut Pattern {
        let next = self.patterns.len() as u32;
        let arabic = text.chars().next().is_some_and(arabic::is_arabic_letter);
        let i = *self.names.entry(text.into_boxed_str()).or_insert(next);
        if i == next {
            self.patterns.push(Pattern {
                arabic,
                ..Pattern::default()
            });
        }
        &mut self.patterns[i as usize]
    }
}

/// The normalised spellings of `name`: itself and, for a curated name of one word written
/// without the article, the same word with it. Reporters put the article on a foreign name or
/// leave it off as they like ("قاعدة القسرك" for قسرك, "مطار الرميلان" for رميلان); a one-word
/// curated name is distinctive enough that its article form is no ordinary word, unless it
/// ends like an adjective of relation (ـية، ـي: السورية is "the Syrian", not سورية).
fn spellings(name: &str, tier: Tier) -> SmallVec<[String; 2]> {
    let norm = arabic::normalize_name(name);
    let one_arabic_word = !norm.contains(' ')
        && norm.chars().next().is_some_and(arabic::is_arabic_letter)
        && !norm.starts_with("ال")
        && !norm.ends_with(['ه', 'ي']);
    let mut out = SmallVec::new();
    if tier == Tier::Curated && one_arabic_word {
        out.push(["ال", &norm].concat());
    }
    out.push(norm);
    out
}

fn letters_without_article(norm: &str) -> usize {
    let core = norm.strip_prefix("ال").unwrap_or(norm);
    core.chars().filter(|c| c.is_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::place::{Kind, PlaceId};
    use geo::Point;

    fn place(id: &str, names: &[&str], tier: Tier) -> Place {
        Place {
            id: PlaceId(id.into()),
            name_en: id.into(),
            name_ar: names[0].into(),
            aliases_ar: names[1..].iter().map(|s| s.to_string()).collect(),
            aliases_en: vec![],
            kind: Kind::Town,
            country: "SY".into(),
            admin1: None,
            point: Point::new(40.0, 36.0),
            precision_m: 5000,
            source: "test".into(),
            notes: String::new(),
            homonyms: vec![],
            tier,
            population: 0,
        }
    }

    fn matcher() -> Matcher {
        let places = vec![
            place("hasakah", &["الحسكة"], Tier::Curated),
            place("asad", &["عين الأسد", "قاعدة عين الأسد"], Tier::Curated),
            place("syria", &["سوريا", "سورية"], Tier::Curated),
            place("rif", &["ريف"], Tier::Geonames),
            place("short", &["بر"], Tier::Geonames),
            place("qasrak", &["قسرك", "قاعدة قسرك"], Tier::Curated),
            place("sahila", &["سحيلة"], Tier::Curated),
        ];
        Matcher::new(
            &places,
            &["قوات سوريا الديمقراطية".to_string()],
            &["ريف".to_string()],
        )
    }

    fn surfaces(text: &str) -> Vec<(String, Vec<u32>)> {
        matcher()
            .find(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.span].to_string(),
                    m.candidates.iter().map(|c| c.0).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn proclitics_and_the_dropped_alef() {
        assert_eq!(
            surfaces("وصلت والحسكة بالحسكة للحسكة"),
            vec![
                ("الحسكة".to_string(), vec![0]),
                ("الحسكة".to_string(), vec![0]),
                ("لحسكة".to_string(), vec![0]),
            ]
        );
    }

    #[test]
    fn a_curated_one_word_name_is_found_with_the_article_added() {
        assert_eq!(
            surfaces("غادر قاعدة القسرك"),
            vec![("القسرك".to_string(), vec![5])]
        );
        // Not a GeoNames name, and not a name of two words.
        assert!(surfaces("الريف").is_empty());
        assert!(surfaces("العين الأسد").is_empty());
        // Nor a name that would read as an adjective: السورية, السحيلة.
        assert!(surfaces("القوات السورية").is_empty());
        assert!(surfaces("السحيلة").is_empty());
        // The article form takes proclitics and the dropped alef like any ال-name.
        assert_eq!(surfaces("للقسرك").len(), 1);
    }

    #[test]
    fn lam_variant_needs_a_lam() {
        assert!(surfaces("لحسكة").is_empty());
    }

    #[test]
    fn leftmost_longest_with_quotes() {
        assert_eq!(
            surfaces("استهداف قاعدة “عين الأسد” اليوم"),
            vec![("قاعدة “عين الأسد".into(), vec![1])]
        );
    }

    #[test]
    fn names_inside_words_are_not_matches() {
        assert!(surfaces("الحسكاوي").is_empty());
        assert!(surfaces("مسوريا").is_empty());
        assert_eq!(surfaces("تريف").len(), 0);
    }

    #[test]
    fn not_places_hide_their_names() {
        assert!(surfaces("وقوات سوريا الديمقراطية").is_empty());
        assert_eq!(surfaces("شمال شرق سوريا").len(), 1);
    }

    #[test]
    fn names_that_need_context_say_so_with_their_lam_form() {
        let m = matcher();
        let flags: Vec<bool> = m
            .find("في ريف وللريف والحسكة")
            .iter()
            .map(|n| n.needs_context)
            .collect();
        // ريف is a GeoNames name here (no article form), الحسكة is not guarded.
        assert_eq!(flags, [true, false]);
    }

    #[test]
    fn a_whole_phrase_is_looked_up_as_a_name() {
        let m = matcher();
        assert_eq!(m.phrase("قاعده قسرك").map(|c| c[0].0), Some(5));
        assert!(m.phrase("قاعده").is_none());
        assert!(m.phrase("قوات سوريا الديمقراطيه").is_none());
        assert!(m.phrase("لحسكه").is_none());
    }

    #[test]
    fn short_geonames_names_are_skipped() {
        assert!(surfaces("بر").is_empty());
        assert_eq!(surfaces("في ريف").len(), 1);
    }

    /// What the matcher must find, the slow way: at each word not inside the last name, after
    /// no proclitic or each one, every name is tried; the longest that fits wins.
    fn brute_force(m: &Matcher, text: &str) -> Vec<(Range<usize>, Vec<u32>)> {
        let norm = arabic::normalize(text);
        let t = norm.text();
        let mut out = Vec::new();
        let mut covered = 0;
        for (ws, we) in norm.words() {
            if ws < covered {
                continue;
            }
            let found = (0..=2).find_map(|k| {
                let at = ws + 2 * k;
                let prefix = t
                    .get(ws..at)
                    .filter(|p| at < we && (p.is_empty() || arabic::PROCLITICS.contains(p)))?;
                let lam = arabic::ends_with_lam(prefix);
                m.names
                    .iter()
                    .filter(|(name, _)| first_word_len(name) > 0)
                    .filter(|(name, _)| t[at..].starts_with(&***name))
                    .filter(|(name, _)| !arabic::word_char_at(t, at + name.len()).0)
                    .filter(|(_, &pid)| {
                        let p = &m.patterns[pid as usize];
                        (prefix.is_empty() || p.arabic)
                            && (p.blocked || p.targets.iter().any(|t| !t.needs_lam || lam))
                    })
                    .max_by_key(|(name, _)| name.len())
                    .map(|(name, &pid)| {
                        let p = &m.patterns[pid as usize];
                        let mut places: Vec<u32> = p
                            .targets
                            .iter()
                            .filter(|t| !p.blocked && (!t.needs_lam || lam))
                            .map(|t| t.place.0)
                            .collect();
                        places.sort();
                        places.dedup();
                        (at..at + name.len(), places)
                    })
            });
            if let Some((span, places)) = found {
                covered = span.end;
                if !places.is_empty() {
                    out.push((norm.original_span(span), places));
                }
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// Names made of a few shared words (so that names start, end and nest inside one
        /// another), in texts of the same words with proclitics and punctuation: the matcher
        /// finds what trying every name at every word finds.
        #[test]
        fn f08_finds_what_trying_every_name_finds(
            names in proptest::collection::vec(
                proptest::collection::vec(0usize..8, 1..4), 1..30),
            text in proptest::collection::vec((0usize..4, 0usize..8, 0usize..6), 0..60),
        ) {
            const WORDS: [&str; 8] = ["الحسكة", "عين", "الأسد", "تل", "ريف", "قاعدة", "Tanf", "سوريا"];
            const GLUE: [&str; 4] = ["", "و", "ل", "وب"];
            const GAPS: [&str; 6] = [" ", " ", "، ", " «", "» ", ". "];
            let places: Vec<Place> = names
                .iter()
                .enumerate()
                .map(|(i, words)| {
                    let name: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
                    let tier = if i % 2 == 0 { Tier::Curated } else { Tier::Geonames };
                    place(&format!("p{i}"), &[&name.join(" ")], tier)
                })
                .collect();
            let m = Matcher::new(&places, &["تل ريف".to_string()], &[]);
            let text: String = text
                .iter()
                .map(|&(g, w, gap)| [GLUE[g], WORDS[w], GAPS[gap]].concat())
                .collect();
            let found: Vec<(Range<usize>, Vec<u32>)> = m
                .find(&text)
                .into_iter()
                .map(|n| (n.span, n.candidates.iter().map(|c| c.0).collect()))
                .collect();
            proptest::prop_assert_eq!(found, brute_force(&m, &text));
        }
    }
}
