//! Finding every gazetteer name in a text in one pass.
//!
//! All names of both tiers, normalised, go into one Aho–Corasick automaton that runs over the
//! normalised text, so the cost is linear in the text whatever the gazetteer's size. Arabic glues
//! prepositions and conjunctions to the front of a word (بريف، والحسكة، بالعراق، للحسكة), so a
//! match may start inside a word when what precedes it there is a proclitic. Among the valid
//! matches the leftmost-longest win; phrases listed as "not places" take part in that choice and
//! then vanish, so "قوات سوريا الديمقراطية" hides the "سوريا" inside it.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::place::{Place, PlaceIndex, Tier};
use crate::arabic::{self, Normalized};

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

/// A name found in a text: the span of the name itself in the original text (proclitics
/// excluded) and every place it can stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Byte range in the normalised text.
    pub normalized_span: Range<usize>,
    /// Candidate places, curated first, in gazetteer order.
    pub candidates: Vec<PlaceIndex>,
}

/// The automaton over every name in a gazetteer.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: AhoCorasick,
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
                    builder.slot(format!("ل{rest}")).targets.push(lam);
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
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&builder.texts)
            .or_else(|_| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&builder.texts)
            })
            .expect("gazetteer patterns are valid");
        Matcher {
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
        // (start, end, pattern, targets valid here)
        let mut valid: Vec<(usize, usize, usize, Vec<PlaceIndex>)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(t) {
            let (start, end) = (m.start(), m.end());
            if t[end..].chars().next().is_some_and(arabic::is_word_char) {
                continue;
            }
            let pattern = &self.patterns[m.pattern().as_usize()];
            let word_start = t[..start]
                .char_indices()
                .rev()
                .take_while(|(_, c)| arabic::is_word_char(*c))
                .last()
                .map_or(start, |(i, _)| i);
            let prefix = &t[word_start..start];
            let glued_ok = prefix.is_empty() || (pattern.arabic && arabic::is_proclitic(prefix));
            if !glued_ok {
                continue;
            }
            let lam_ok = arabic::ends_with_lam(prefix);
            let targets: Vec<PlaceIndex> = pattern
                .targets
                .iter()
                .filter(|t| !t.needs_lam || lam_ok)
                .map(|t| t.place)
                .collect();
            if targets.is_empty() && !pattern.blocked {
                continue;
            }
            valid.push((start, end, m.pattern().as_usize(), targets));
        }
        valid.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::new();
        let mut taken_until = 0;
        for (start, end, pattern, mut candidates) in valid {
            if start < taken_until {
                continue;
            }
            taken_until = end;
            if self.patterns[pattern].blocked {
                continue;
            }
            candidates.sort();
            candidates.dedup();
            out.push(NameMatch {
                span: norm.original_span(start..end),
                normalized_span: start..end,
                candidates,
            });
        }
        out
    }

    /// How many distinct normalised patterns the automaton holds.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }
}

/// Distinct pattern texts and what each stands for.
#[derive(Default)]
struct Builder {
    index: HashMap<String, usize>,
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
