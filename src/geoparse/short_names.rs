//! Short names: a place named once in full with its generic word ("مدينة الطبقة", "قاعدة حرير")
//! is then called by the bare name ("خرج الرتل من الطبقة"), which the gazetteer cannot list on
//! its own because it is also a common word (الطبقة "the layer", حرير "silk").

use std::ops::Range;

use memchr::memmem;

use super::{Cue, Mention};
use crate::arabic::{Normalized, GLUE};
use crate::gazetteer::{Candidates, Gazetteer, PlaceIndex};

/// The fewest letters a bare name may have: shorter words are too often something else.
const MIN_LETTERS: usize = 4;

/// A bare name a full mention made known: its words as one normalised string, its place,
/// and the normalised byte where the full mention ends (the bare name counts only after it).
struct Known<'n> {
    name: &'n str,
    place: PlaceIndex,
    after: usize,
}

/// The later bare mentions of places that `mentions` named in full, in text order, with the
/// sentence and paragraph left at 0 for the caller to set.
pub(super) fn find(g: &Gazetteer, norm: &Normalized, mentions: &[Mention]) -> Vec<Mention> {
    let text = norm.text();
    let mut found = Vec::new();
    for k in known_names(norm, mentions) {
        // A bare name the gazetteer lists itself is found without help.
        if g.matcher()
            .find(k.name)
            .iter()
            .any(|m| m.span == (0..k.name.len()))
        {
            continue;
        }
        let rest = &text[k.after..];
        for at in memmem::find_iter(rest.as_bytes(), k.name.as_bytes()) {
            let (a, b) = (k.after + at, k.after + at + k.name.len());
            if begins_word(text, a) && word_ends(text, b) && !overlaps(mentions, &(a..b)) {
                found.push(mention(norm, a..b, k.place));
            }
        }
    }
    found.sort_by_key(|m| m.span.start);
    found
}

/// The bare names of the mentions written with their generic word.
fn known_names<'n>(norm: &'n Normalized, mentions: &[Mention]) -> Vec<Known<'n>> {
    let mut known = Vec::new();
    for m in mentions {
        let full = &norm.text()[m.normalized_span.clone()];
        let Some((first, name)) = full.split_once(' ') else {
            continue;
        };
        // Each name once, from its first full mention.
        if known.iter().any(|k: &Known| k.name == name) {
            continue;
        }
        let generic = Cue::from_word(first).is_some_and(|c| c != Cue::Countryside);
        let words = name.split(' ').count();
        if !generic || words > 3 || words == 1 && name.chars().count() < MIN_LETTERS {
            continue;
        }
        known.push(Known {
            name,
            place: m.place,
            after: m.normalized_span.end,
        });
    }
    known
}

/// Whether a word begins at normalised byte `at`, after at most one proclitic (و ف ب ل),
/// which the mention leaves out.
fn begins_word(text: &str, at: usize) -> bool {
    let free = |s: &str| !word_before(s);
    let before = &text[..at];
    free(before)
        || GLUE
            .iter()
            .any(|g| before.strip_suffix(g).is_some_and(free))
}

/// Whether the character before the end of `s` is a word character.
fn word_before(s: &str) -> bool {
    s.chars()
        .next_back()
        .is_some_and(crate::arabic::is_word_char)
}

/// Whether a word ends at normalised byte `at`.
fn word_ends(text: &str, at: usize) -> bool {
    at == text.len() || !crate::arabic::word_char_at(text, at).0
}

/// Whether the normalised `span` overlaps a mention of `mentions` (in text order).
fn overlaps(mentions: &[Mention], span: &Range<usize>) -> bool {
    let i = mentions.partition_point(|m| m.normalized_span.end <= span.start);
    mentions
        .get(i)
        .is_some_and(|m| m.normalized_span.start < span.end)
}

/// A mention of `place` at the normalised bytes `span`.
fn mention(norm: &Normalized, span: Range<usize>, place: PlaceIndex) -> Mention {
    let mut candidates = Candidates::new();
    candidates.push(place);
    Mention {
        span: norm.original_span(span.clone()),
        normalized_span: span,
        candidates,
        place,
        cue: None,
        sentence: 0,
        paragraph: 0,
    }
}

#[cfg(test)]
mod tests {
    use crate::geoparse::named as names;

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
