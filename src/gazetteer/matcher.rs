//! Finding every gazetteer name in a text in one pass.
//!
//! All names of both tiers, normalised, go into one Aho–Corasick automaton, so the cost is linear
//! in the text whatever the gazetteer's size. It is the compact (contiguous NFA) kind: the walks
//! are short and start in many places, and its 0.4 MB stay in cache where a DFA's 12 MB do not.
//!
//! A name starts a word, or follows a proclitic glued to the front of it (بريف، والحسكة،
//! بالعراق، للحسكة), and ends a word. The text is read word by word: a hash map of the names'
//! first words, bare and with each proclitic, rules out most words at once and says where in the
//! rest a name may start; from there the automaton walks anchored to the longest name that ends
//! a word. Left to right, the leftmost-longest names are kept and never overlap.
//! Phrases listed as "not places" take part in that choice and then vanish, so
//! "قوات سوريا الديمقراطية" hides the "سوريا" inside it.

use std::ops::Range;

use aho_corasick::automaton::Automaton;
use aho_corasick::automaton::StateID;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::PatternID;
use aho_corasick::{Anchored, MatchKind};
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
    targets: Vec<Target>,
    /// A "not a place" phrase: it wins its span and reports nothing.
    blocked: bool,
    /// Arabic-script patterns may follow a proclitic; Latin ones must start a word.
    arabic: bool,
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
}

/// The automaton over every name in a gazetteer.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: NFA,
    /// Every word of text in which a name may start: a pattern's first word, alone or after a
    /// proclitic. Most words are none of these, and one lookup says so.
    starts: FxHashMap<String, Start>,
    /// The keys of `starts` again, to rule out most other words without hashing them.
    sieve: WordSieve,
    patterns: Vec<Pattern>,
}

impl Matcher {
    /// Builds the automaton over `places`' names and the `not_places` phrases.
    pub fn new(places: &[Place], not_places: &[String]) -> Matcher {
        let mut builder = Builder::default();
        for (i, place) in places.iter().enumerate() {
            let place_ix = PlaceIndex(i as u32);
            let names: Vec<&str> = match place.tier {
                Tier::Curated => place.names().collect(),
                // GeoNames English names ("Hit", "Salt") are ordinary English words; only the
                // Arabic ones are matched.
                Tier::Geonames => std::iter::once(place.name_ar.as_str())
                    .chain(place.aliases_ar.iter().map(String::as_str))
                    .filter(|n| !n.is_empty())
                    .collect(),
            };
            let mut seen: Vec<String> = Vec::new();
            for name in names {
                let norm = arabic::normalize_name(name);
                if norm.is_empty() || seen.contains(&norm) {
                    continue;
                }
                if place.tier == Tier::Geonames
                    && letters_without_article(&norm) < MIN_GEONAMES_LETTERS
                {
                    continue;
                }
                if let Some(rest) = norm.strip_prefix("ال") {
                    // ل + ال → لل: "للحسكة" is ل + "لحسكة".
                    let lam = Target {
                        place: place_ix,
                        needs_lam: true,
                    };
                    builder.slot(["ل", rest].concat()).targets.push(lam);
                }
                let plain = Target {
                    place: place_ix,
                    needs_lam: false,
                };
                builder.slot(norm.clone()).targets.push(plain);
                seen.push(norm);
            }
        }
        for phrase in not_places {
            let norm = arabic::normalize_name(phrase);
            if !norm.is_empty() {
                builder.slot(norm).blocked = true;
            }
        }
        // Standard semantics keep every pattern that ends at a state, so the anchored walk in
        // `longest_at` sees every name starting at a position and can keep the longest valid one.
        let automaton = NFA::builder()
            .match_kind(MatchKind::Standard)
            // Only anchored walks from word starts, never a search: no prefilter to build.
            .prefilter(false)
            .build(&builder.texts)
            .expect("gazetteer patterns are valid");
        let start = automaton
            .start_state(Anchored::Yes)
            .expect("built with anchored starts");
        let starts = starts(&builder.texts, &automaton, start);
        Matcher {
            sieve: WordSieve::new(starts.keys().map(String::as_str)),
            starts,
            automaton,
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
            // A name starts this word, or follows a proclitic glued to its front.
            let word = &t[word_start..word_end];
            if !self.sieve.may_contain(word) {
                continue;
            }
            let Some(start) = self.starts.get(word) else {
                continue;
            };
            for (k, state) in start.iter().enumerate() {
                let Some(state) = *state else {
                    continue;
                };
                let at = word_start + 2 * k;
                let prefix = &t[word_start..at];
                if let Some((end, places)) = self.longest_at(t, at, (word_end, state), prefix) {
                    if !places.is_empty() {
                        out.push(NameMatch {
                            span: norm.original_span(at..end),
                            normalized_span: at..end,
                            candidates: places,
                        });
                    }
                    covered = end;
                    break;
                }
            }
        }
        out
    }

    /// The longest name starting at `start` that ends a word and may follow `prefix`: its end
    /// and its places (empty for a "not a place" phrase). The walk resumes at `resume`: a
    /// byte offset and the state the walk from `start` reaches there.
    fn longest_at(
        &self,
        t: &str,
        start: usize,
        resume: (usize, StateID),
        prefix: &str,
    ) -> Option<(usize, Candidates)> {
        let nfa = &self.automaton;
        let lam = arabic::ends_with_lam(prefix);
        let (mut end, mut sid) = resume;
        let mut best = None;
        loop {
            if nfa.is_match(sid) && !arabic::word_char_at(t, end).0 {
                if let Some(pid) = self.name_ending(sid, end - start, prefix, lam) {
                    best = Some((end, pid));
                }
            }
            let Some(&b) = t.as_bytes().get(end) else {
                break;
            };
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if nfa.is_dead(sid) {
                break;
            }
            end += 1;
        }
        // The places are gathered for the longest name only.
        best.map(|(end, pid)| {
            let pattern = &self.patterns[pid.as_usize()];
            let mut places: Candidates = pattern
                .targets
                .iter()
                .filter(|t| !pattern.blocked && (!t.needs_lam || lam))
                .map(|t| t.place)
                .collect();
            places.sort();
            places.dedup();
            (end, places)
        })
    }

    /// The name of match state `sid` that is `len` bytes long and may follow `prefix`, if it
    /// stands for a place there or is a "not a place" phrase.
    fn name_ending(&self, sid: StateID, len: usize, prefix: &str, lam: bool) -> Option<PatternID> {
        let nfa = &self.automaton;
        (0..nfa.match_len(sid))
            .map(|k| nfa.match_pattern(sid, k))
            // A match state also lists names that are suffixes of the path walked.
            .filter(|&pid| nfa.pattern_len(pid) == len)
            .rfind(|&pid| {
                let pattern = &self.patterns[pid.as_usize()];
                (prefix.is_empty() || pattern.arabic)
                    && (pattern.blocked || pattern.targets.iter().any(|t| !t.needs_lam || lam))
            })
    }

    /// How many distinct normalised patterns the automaton holds.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }
}

/// Where a name may start in a word: entry `k` is set when one may start after `2k` bytes (a
/// proclitic of `k` letters), and holds the automaton's state once past the rest of the word,
/// which every walk from there would otherwise repeat.
type Start = [Option<StateID>; 3];

/// [`Matcher::starts`] for the pattern texts.
fn starts(texts: &[String], nfa: &NFA, start: StateID) -> FxHashMap<String, Start> {
    let walk = |word: &str| {
        word.bytes()
            .fold(start, |sid, b| nfa.next_state(Anchored::Yes, sid, b))
    };
    let mut starts: FxHashMap<String, Start> = FxHashMap::default();
    let mut add = |key: String, k: usize, state: StateID| {
        starts.entry(key).or_default()[k] = Some(state);
    };
    for t in texts {
        let end = t
            .find(|c: char| !arabic::is_word_char(c))
            .unwrap_or(t.len());
        let first = &t[..end];
        if first.is_empty() {
            continue;
        }
        // The first word is the start of a pattern, so walking it never dies.
        let state = walk(first);
        add(first.to_owned(), 0, state);
        for p in arabic::PROCLITICS {
            // Arabic letters take two bytes each.
            add([p, first].concat(), p.len() / 2, state);
        }
    }
    starts
}

/// Distinct pattern texts and what each stands for.
#[derive(Default)]
struct Builder {
    index: FxHashMap<String, usize>,
    texts: Vec<String>,
    patterns: Vec<Pattern>,
}

impl Builder {
    fn slot(&mut self, text: String) -> &mut Pattern {
        let i = match self.index.get(&text) {
            Some(&i) => i,
            None => {
                self.patterns.push(Pattern {
                    arabic: text.chars().next().is_some_and(arabic::is_arabic_letter),
                    ..Pattern::default()
                });
                self.texts.push(text.clone());
                self.index.insert(text, self.texts.len() - 1);
                self.texts.len() - 1
            }
        };
        &mut self.patterns[i]
    }
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
        ];
        Matcher::new(&places, &["قوات سوريا الديمقراطية".to_string()])
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
    fn short_geonames_names_are_skipped() {
        assert!(surfaces("بر").is_empty());
        assert_eq!(surfaces("في ريف").len(), 1);
    }
}
