//! Short names: a place named once in full with its generic word ("مدينة الطبقة", "قاعدة حرير")
//! is then called by the bare name ("خرج الرتل من الطبقة"), which the gazetteer cannot list on
//! its own because it is also a common word (الطبقة "the layer", حرير "silk").

use rustc_hash::FxHashMap;

use super::{Cue, Mention};
use crate::arabic::{self, Normalized, Token};
use crate::gazetteer::{Candidates, PlaceIndex};

/// The fewest letters a bare name may have: shorter words are too often something else.
const MIN_LETTERS: usize = 4;

/// A bare name a full mention made known: its words after the first, its place, and the
/// normalised byte where the full mention ends (the bare name counts only after it).
struct Known<'t> {
    rest: Vec<&'t str>,
    place: PlaceIndex,
    after: usize,
}

/// The later bare mentions of places that `mentions` named in full, in text order, with the
/// sentence and paragraph left at 0 for the caller to set.
pub(super) fn find(norm: &Normalized, mentions: &[Mention]) -> Vec<Mention> {
    let tokens: Vec<Token> = norm.tokens().filter(|t| t.is_word).collect();
    let known = known_names(&tokens, mentions);
    if known.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut next_mention = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Skip the words inside mentions already found.
        while next_mention < mentions.len()
            && mentions[next_mention].normalized_span.end <= t.norm.0
        {
            next_mention += 1;
        }
        let inside = mentions
            .get(next_mention)
            .is_some_and(|m| m.normalized_span.start < t.norm.1);
        let bare = arabic::strip_glue(t.text, MIN_LETTERS);
        let hit = (!inside)
            .then(|| known.get(bare))
            .flatten()
            .and_then(|list| list.iter().rev().find(|k| fits(k, &tokens[i..], t.norm.0)));
        match hit {
            Some(k) => {
                let last = &tokens[i + k.rest.len()];
                found.push(mention(norm, t, last, t.text.len() - bare.len(), k.place));
                i += k.rest.len() + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// The bare names of the mentions written with their generic word, by their first word.
fn known_names<'t>(
    tokens: &[Token<'t>],
    mentions: &[Mention],
) -> FxHashMap<&'t str, Vec<Known<'t>>> {
    let mut known: FxHashMap<&str, Vec<Known>> = FxHashMap::default();
    let mut t = 0;
    for m in mentions {
        while t < tokens.len() && tokens[t].norm.0 < m.normalized_span.start {
            t += 1;
        }
        let words: Vec<&str> = tokens[t..]
            .iter()
            .take_while(|w| w.norm.1 <= m.normalized_span.end)
            .map(|w| w.text)
            .collect();
        let generic = words
            .first()
            .and_then(|w| Cue::from_word(w))
            .is_some_and(|c| c != Cue::Countryside);
        if !generic || words.len() < 2 || words.len() > 4 {
            continue;
        }
        let first = words[1];
        if words.len() == 2 && first.chars().count() < MIN_LETTERS {
            continue;
        }
        known.entry(first).or_default().push(Known {
            rest: words[2..].to_vec(),
            place: m.place,
            after: m.normalized_span.end,
        });
    }
    known
}

/// Whether the words from `tokens[0]` on are the known name, after its full mention.
fn fits(k: &Known, tokens: &[Token], at: usize) -> bool {
    at >= k.after
        && tokens.len() > k.rest.len()
        && k.rest.iter().zip(&tokens[1..]).all(|(r, t)| *r == t.text)
}

/// A mention of `place` from word `first` to word `last`, without the `glue` bytes of a
/// proclitic on the first word.
fn mention(
    norm: &Normalized,
    first: &Token,
    last: &Token,
    glue: usize,
    place: PlaceIndex,
) -> Mention {
    // A proclitic is written the same in both texts unless a diacritic follows it.
    let same = norm.original()[first.orig.0..].starts_with(&first.text[..glue]);
    let skip = if same { glue } else { 0 };
    let mut candidates = Candidates::new();
    candidates.push(place);
    Mention {
        span: first.orig.0 + skip..last.orig.1,
        normalized_span: first.norm.0 + skip..last.norm.1,
        candidates,
        place,
        cue: None,
        sentence: 0,
        paragraph: 0,
    }
}

#[cfg(test)]
mod tests {
    use crate::{geoparse, Document, Gazetteer};

    fn names(text: &str) -> Vec<(String, String)> {
        let g = Gazetteer::embedded().unwrap();
        let doc = Document::from_text("t.txt", text);
        geoparse::resolve(&g, &doc)
            .iter()
            .map(|m| {
                (
                    m.surface(&doc).to_owned(),
                    g.place(m.place).id.as_str().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn a_place_named_in_full_is_then_known_by_its_bare_name() {
        let found =
            names("انسحبت القوات من مدينة الطبقة أمس. وخرج الرتل من الطبقة متجهاً إلى الرقة.");
        let bare: Vec<&(String, String)> = found.iter().filter(|(s, _)| s == "الطبقة").collect();
        assert_eq!(bare.len(), 1, "{found:?}");
        assert_eq!(bare[0].1, found[0].1);
    }

    #[test]
    fn a_bare_name_before_the_full_one_is_no_place() {
        let found = names("وتحدث التقرير عن الطبقة الوسطى. ثم انسحبت القوات من مدينة الطبقة.");
        assert_eq!(
            found.iter().filter(|(s, _)| s == "الطبقة").count(),
            0,
            "{found:?}"
        );
    }
}
