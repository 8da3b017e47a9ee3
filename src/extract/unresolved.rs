//! Names no gazetteer entry has: the word after قاعدة، معبر، مطار، حقل، قرية، بلدة، مدينة…
//! that looks like a name, reported for the user to add, with the known place that locates it
//! ("قاعدة X في مدينة Y": Y), where a movement or event then stands.

use std::ops::Range;

use super::lexicon::Lex;
use super::reading::Word;
use crate::arabic;
use crate::document::{excerpt, Document, MAX_EXCERPT_BYTES};

/// A word after قاعدة، معبر، مطار… that looks like a place name no entry matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    /// Byte range of the name in the document text.
    pub span: Range<usize>,
    /// The name as written.
    pub surface: String,
    /// The sentence that names it.
    pub context: String,
    /// The mention of the known place that locates it ("قاعدة X في مدينة Y": Y), if any.
    pub locator: Option<usize>,
}

/// Words after قاعدة، معبر، مطار، حقل، قرية، بلدة، مدينة that look like a name no entry has.
pub(super) fn unresolved(
    doc: &Document,
    words: &[Word],
    sentences: &[Range<usize>],
    sentence_words: &[Range<usize>],
) -> Vec<Unresolved> {
    const CUES: &[&str] = &[
        "قاعده",
        "معبر",
        "مطار",
        "حقل",
        "قريه",
        "بلده",
        "مدينه",
        "منفذ",
        "مخيم",
        "معسكر",
        "حاميه",
    ];
    const HEADS: &[&str] = &[
        "تل",
        "عين",
        "راس",
        "ابو",
        "بئر",
        "بير",
        "جسر",
        "دير",
        "كفر",
        "خربه",
        "ام",
        "بني",
        "حمام",
        "قصر",
        "سد",
        "جبل",
        "وادي",
        "خراب",
        "قره",
        "مزرعه",
    ];
    const NOT_NAMES: &[&str] = &[
        "عسكريه",
        "العسكريه",
        "جويه",
        "الجويه",
        "مهمه",
        "واحده",
        "اخري",
        "كبيره",
        "رئيسيه",
        "جديده",
        "هي",
        "هذه",
        "التي",
        "الذي",
        "تابعه",
        "اللاشرعيه",
        "لاشرعيه",
        "الاستراتيجيه",
        "استراتيجيه",
        "ضخمه",
        "صغيره",
        "متقدمه",
        "اماميه",
        "دعم",
        "لوجستيه",
        "الدولي",
        "الدوليه",
        "الحدودي",
        "حدودي",
        "الحدوديه",
        "غير",
        "الشرعي",
        "النفطي",
        "النفطيه",
        "نفطي",
        "للتحالف",
        "التحالف",
        "عسكري",
        "العسكري",
        "اخر",
        "الاخري",
        "الرئيسيه",
        "سابقه",
        "السابقه",
        "قريبه",
        "القريبه",
        "بالقرب",
        "قرب",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "وسط",
        "الشمالي",
        "الجنوبي",
        "الشرقي",
        "الغربي",
        "ل",
        "لل",
        "في",
        "من",
        "على",
        "الي",
        "عن",
        "مع",
        "و",
        "او",
        "تضم",
        "كانت",
        "كان",
        "امريكيه",
        "اميركيه",
        "الامريكيه",
        "الاميركيه",
        "مشتركه",
        "المشتركه",
        "بات",
        "باتت",
        "ذاته",
        "ذاتها",
        "نفسه",
        "نفسها",
        "متجها",
        "متجهه",
        "قادما",
        "قادمه",
    ];
    let mut out = Vec::new();
    for (s, range) in sentence_words.iter().enumerate() {
        for i in range.clone() {
            let w = &words[i];
            if w.mention.is_some() || w.continued || !w.has(Lex::PlaceNoun) {
                continue;
            }
            let bare = w
                .token
                .text
                .strip_prefix('و')
                .or_else(|| w.token.text.strip_prefix('ب'))
                .or_else(|| w.token.text.strip_prefix('ل'))
                .unwrap_or(w.token.text);
            let bare = bare.strip_prefix("ال").unwrap_or(bare);
            if !CUES.contains(&bare) {
                continue;
            }
            let Some(next) = words.get(i + 1).filter(|n| {
                n.token.is_word && n.mention.is_none() && !n.continued && i + 1 < range.end
            }) else {
                continue;
            };
            let t = next.token.text;
            let adjective = t.starts_with("ال") && t.ends_with("يه");
            let arabic_word = t.chars().next().is_some_and(arabic::is_arabic_letter);
            if !arabic_word
                || adjective
                || NOT_NAMES.contains(&t)
                || next.means_something()
                || t.chars().count() < 3 && !HEADS.contains(&t)
                || verb_or_pronoun(t)
            {
                continue;
            }
            let mut end = i + 1;
            if HEADS.contains(&t)
                && words
                    .get(i + 2)
                    .is_some_and(|n| n.token.is_word && n.mention.is_none() && i + 2 < range.end)
            {
                end = i + 2;
            }
            let (a, b) = (words[i + 1].token.orig.0, words[end].token.orig.1);
            out.push(Unresolved {
                span: a..b,
                surface: doc.text[a..b].to_owned(),
                // The sentence, or the window of a long one around the name.
                context: doc.text
                    [excerpt(&doc.text, sentences[s].clone(), a..b, MAX_EXCERPT_BYTES)]
                .to_owned(),
                locator: locator(words, end, range.end),
            });
        }
    }
    out
}

/// Words that follow a place noun but name nothing: a preposition with a pronoun ("لها",
/// "فيها"), or a verb with an object pronoun ("تخليها", "تتخذها", "يشغلها"), or a verb of
/// location ("تقع") (normalised text).
fn verb_or_pronoun(word: &str) -> bool {
    const PRONOUN_PREPS: &[&str] = &[
        "له",
        "لها",
        "لهم",
        "بها",
        "به",
        "فيها",
        "فيه",
        "عليها",
        "منها",
    ];
    let verb = (word.starts_with('ت') || word.starts_with('ي'))
        && (word.ends_with("ها") || word.ends_with("هم"))
        && word.chars().count() > 3;
    PRONOUN_PREPS.contains(&word) || verb || matches!(word, "تقع" | "يقع" | "يمثل" | "تمثل")
}

/// The known place that locates a name ending at word `end`: the first name within a few
/// words after it, when a word of location (في، بـ، قرب، ريف، شمال…) comes first.
fn locator(words: &[Word], end: usize, sentence_end: usize) -> Option<usize> {
    let stop = (end + 6).min(sentence_end);
    let mut located = false;
    for w in &words[end + 1..stop] {
        if let Some(m) = w.mention {
            return (located || w.glue.ends_with('ب')).then_some(m);
        }
        located |= w.has(Lex::Role(super::lexicon::Role::Location))
            || w.has(Lex::Role(super::lexicon::Role::Near))
            || w.has(Lex::Countryside)
            || w.has(Lex::Direction)
            || w.has(Lex::Locator);
        if w.trigger().is_some() || !w.token.is_word && w.token.text != "\"" {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::{extract, Document, Gazetteer};

    #[test]
    fn an_unknown_base_is_reported_with_the_place_that_locates_it() {
        let g = Gazetteer::embedded().unwrap();
        let doc = Document::from_text("t.txt", "انسحبت القوات من قاعدة كوبرا في مدينة دهوك أمس.");
        let x = extract::extract(&g, &doc, None);
        assert_eq!(x.unresolved.len(), 1, "{:?}", x.unresolved);
        let u = &x.unresolved[0];
        assert_eq!(u.surface, "كوبرا");
        let at = x.mentions[u.locator.unwrap()].place;
        assert_eq!(g.place(at).id.as_str(), "duhok_city");
    }

    #[test]
    fn pronouns_and_verbs_after_a_base_are_no_names() {
        let g = Gazetteer::embedded().unwrap();
        for text in [
            "وقالت إن القاعدة التي تخليها القوات تقع قرب الحدود، وإن قاعدة لها أهمية كبيرة.",
            "وتعد قاعدة تتخذها القوات مقرا، وقاعدة تقع في الريف.",
        ] {
            let x = extract::extract(&g, &Document::from_text("t.txt", text), None);
            assert!(x.unresolved.is_empty(), "{:?}", x.unresolved);
        }
    }
}
