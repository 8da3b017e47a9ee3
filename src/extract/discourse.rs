//! Discourse: what a word refers back to across clauses and sentences (القاعدة، منها، إليها،
//! الموقعين), and what a sentence continues from the one before (civilians moved).

use std::ops::Range;

use super::frames::Frame;
use super::lexicon::{Lex, Role};
use super::reading::{role_of, PlaceRole, Word};
use super::{Endpoint, Ends, Reader};
use crate::gazetteer::{GeoPrecision, Kind};
use crate::geoparse::{self, Mention};

/// How many names back an anaphor ("القاعدة", "منها") may refer.
pub(super) const ANAPHOR_REACH: usize = 40;

/// "إليها", "إليه": to the place named before (normalised text).
pub(super) fn to_it(word: &str) -> bool {
    matches!(word.strip_prefix('و').unwrap_or(word), "اليها" | "اليه")
}

/// The word before the one at `i`, past "داخل" ("من داخل القاعدة", "إلى داخل الحقل"): the
/// preposition that gives a place referred back to its role.
pub(super) fn preposition_before<'w>(words: &'w [Word<'w>], i: usize) -> Option<&'w Word<'w>> {
    let b = i.checked_sub(1)?;
    match words[b].token.text {
        "داخل" => b.checked_sub(1).map(|p| &words[p]),
        _ => Some(&words[b]),
    }
}

impl Reader<'_> {
    /// The base a word like "القاعدة" or "منها" refers back to: the last site named before it,
    /// and first the last one named with the same noun ("المعسكر" → "معسكر التاجي").
    pub(super) fn anaphor(&self, word: usize) -> Option<Endpoint> {
        // "القاعدة ذاتها", "المطار نفسه": the same place as one told before this sentence.
        let at = if self.the_same(word) {
            self.sentence_start(word)
        } else {
            self.words[word].token.orig.0
        };
        // The names before it, the nearest first, as far back as a reader would look.
        let n = self.mentions.partition_point(|m| m.span.start < at);
        let before = || self.mentions[..n].iter().rev().take(ANAPHOR_REACH);
        let text = self.words[word].token.text;
        // "خرج رتل من المدينة": the last city or town named.
        if ["المدينه", "البلده"].contains(&crate::arabic::strip_glue(text, 2)) {
            let town = |m: &&Mention| matches!(self.g.place(m.place).kind, Kind::City | Kind::Town);
            return before().find(town).map(|m| Endpoint::at(m.place));
        }
        // "نقلت مروحيات جنوداً إلى القاعدة ذاتها" after a trip to a base: that trip's end.
        if self.the_same(word) && text == "القاعده" {
            if let Some(end) = self.last_site_reached(at) {
                return Some(end);
            }
        }
        let noun = ["معسكر", "مطار", "معبر", "قاعد", "حقل"]
            .into_iter()
            .find(|n| text.contains(n));
        // Named with the noun ("قاعدة الشدادي"), or placed by it ("إلى قاعدته في حقل العمر").
        let same_noun = noun.and_then(|n| {
            before().find(|m| {
                let name = &self.doc.text[m.span.clone()];
                let head = &self.doc.text[..m.span.start];
                let from = head.char_indices().rev().nth(30).map_or(0, |(i, _)| i);
                let lead = &head[from..];
                let mut last = lead.split_whitespace().rev();
                // (An adjective may stand between: "القاعدة الأمريكية في حقل كونيكو".)
                let placed_by = last.next() == Some("في")
                    && last.take(2).any(|w| w.contains(n) && !w.contains("قواعد"));
                name.starts_with(n) || n == "قاعد" && name.starts_with("قواعد") || placed_by
            })
        });
        same_noun
            .or_else(|| {
                before().find(|m| self.g.place(m.place).kind.is_site() || self.named_as_site(m))
            })
            .map(|m| Endpoint::at(m.place))
    }

    /// Whether "ذاته", "ذاتها", "نفسه" or "نفسها" follows the word at `word`: the same one.
    /// The site the last trip told before byte `at` (in a sentence before) ended at, if it
    /// ended at a site.
    fn last_site_reached(&self, at: usize) -> Option<Endpoint> {
        let ended = self
            .movements
            .last()
            .map(|(_, m)| (m.evidence.end, m.destination));
        let half = self.partials.iter().rev().find(|h| !h.has_origin);
        let half = half.map(|h| (h.movement.evidence.end, h.movement.destination));
        let (end, place) = match (ended, half) {
            (Some(a), Some(b)) => std::cmp::max_by_key(a, b, |(end, _)| *end),
            (a, b) => a.or(b)?,
        };
        (end <= at && self.g.place(place.place).kind.is_site()).then_some(place)
    }

    fn the_same(&self, word: usize) -> bool {
        self.words
            .get(word + 1)
            .is_some_and(|w| matches!(w.token.text, "ذاته" | "ذاتها" | "نفسه" | "نفسها"))
    }

    /// The byte offset where the sentence holding the word at `word` begins.
    fn sentence_start(&self, word: usize) -> usize {
        let words = self.words;
        (0..word)
            .rev()
            .find(|&j| matches!(words[j].token.text, "." | "!" | "؟" | "?"))
            .map_or(0, |j| words[j].token.orig.1)
    }

    /// What "إليه" or "إليها" refers back to: a place gone to or from earlier in the same
    /// sentence ("انسحبت من العراق ثم عادت إليه"), not a subject; else the last site.
    pub(super) fn anaphor_in_sentence(
        &self,
        word: usize,
        sentence: &Range<usize>,
    ) -> Option<Endpoint> {
        let words = self.words;
        (sentence.start..word)
            .rev()
            .filter(|&j| words[j].mention.is_some())
            .find(|&j| role_of(words, j, sentence.start).0 != PlaceRole::Bare)
            .and_then(|j| words[j].mention)
            .map(|m| Endpoint::at(self.mentions[m].place))
            .or_else(|| self.anaphor(word))
    }

    /// Whether the text calls a place a base, an airport or a crossing ("قاعدة صرين"), whatever
    /// the gazetteer knows it as.
    pub(super) fn named_as_site(&self, m: &Mention) -> bool {
        use geoparse::Cue;
        matches!(
            m.cue,
            Some(Cue::Base | Cue::Airport | Cue::Crossing | Cue::Field)
        ) || ["قاعد", "مطار", "معبر", "معسكر"]
            .iter()
            .any(|p| self.doc.text[m.span.clone()].starts_with(p))
    }

    /// The place a word close after a frame's trigger refers back to ("منها", "تسليمها").
    pub(super) fn frame_anaphor(&self, frame: &Frame) -> Option<Endpoint> {
        let i = self.frame_anaphor_word(frame)?;
        // "قواعد عسكرية عدة يوجد فيها قوات": a place noun with no name just before refers
        // to places the text does not name.
        let words = self.words;
        let unnamed = (i.saturating_sub(6)..i).any(|j| {
            let w = &words[j];
            w.has(Lex::PlaceNoun) && !w.has(Lex::Anaphor) && w.mention.is_none() && !w.continued
        });
        if unnamed {
            return None;
        }
        self.anaphor(i)
    }

    /// The word in a frame, close after a trigger, that refers back to a place.
    pub(super) fn frame_anaphor_word(&self, frame: &Frame) -> Option<usize> {
        let words = self.words;
        frame.range.clone().find(|&i| {
            // Close after a trigger: "انسحاب القوات منها"، "تسليمها"، "بإخلاء القاعدة".
            let near_trigger = frame.triggers.iter().any(|(t, _)| *t <= i && i <= t + 8);
            // Not one gone to ("إلى المطار ذاته").
            let gone_to =
                preposition_before(words, i).is_some_and(|b| b.has(Lex::Role(Role::Destination)));
            near_trigger
                && !gone_to
                && !to_it(words[i].token.text)
                && (words[i].has(Lex::Anaphor)
                    || (frame.triggers.iter().any(|(t, _)| *t == i)
                        && words[i].token.text.ends_with("ها")
                        && !words[i].token.text.starts_with("انسحاب")))
        })
    }

    /// The sites a dual refers back to ("الموقعين", "القاعدتين", "موقعيها"): the last two
    /// named before it; a singular refers to one.
    pub(super) fn anaphors(&self, word: usize) -> Ends {
        let t = self.words[word].token.text;
        let dual = ["ين", "ان", "يها", "يه"].iter().any(|s| t.ends_with(s))
            && ["موقع", "قاعدت", "معسكر", "مطار"]
                .iter()
                .any(|n| t.contains(n));
        // "أخلت نقطتيها في عامودا والدرباسية، وتوجهت العناصر المنسحبة منهما": the two
        // places named last, towns as well as sites.
        let of_two = t == "منهما";
        if !dual && !of_two {
            return self.anaphor(word).into_iter().collect();
        }
        let at = self.words[word].token.orig.0;
        let n = self.mentions.partition_point(|m| m.span.start < at);
        let mut ends = Ends::new();
        for m in self.mentions[..n].iter().rev().take(ANAPHOR_REACH) {
            let kind = self.g.place(m.place).kind;
            let site = kind.is_site() || self.named_as_site(m);
            let settled =
                of_two && kind.geo_precision() != GeoPrecision::Region && !self.locates_another(m);
            if (site || settled) && !ends.iter().any(|e| e.place == m.place) {
                ends.insert(0, Endpoint::at(m.place));
                if ends.len() == 2 {
                    break;
                }
            }
        }
        ends
    }

    /// Whether the name `m` only locates the one before it: right after a word of countryside
    /// or direction ("عامودا والدرباسية بريف الحسكة").
    fn locates_another(&self, m: &Mention) -> bool {
        let words = self.words;
        // The word the name begins in (its glue, و or ب, may come before the name).
        let at = words.partition_point(|w| w.token.orig.1 <= m.span.start);
        let before = at.checked_sub(1).map(|b| &words[b]);
        // "وكي وان في كركوك": "in" right after another name.
        let in_after_name = before.is_some_and(|w| w.token.text == "في")
            && at
                .checked_sub(2)
                .is_some_and(|b| words[b].mention.is_some() || words[b].continued);
        in_after_name || before.is_some_and(|w| w.has(Lex::Countryside) || w.has(Lex::Direction))
    }

    /// "من القاعدة", "منها": a frame whose origin is the base named before.
    pub(super) fn anaphor_after_from(&self, frame: &Frame) -> bool {
        let words = self.words;
        frame.range.clone().any(|i| {
            words[i].has(Lex::Anaphor)
                && (words[i].token.text.starts_with("من")
                    || preposition_before(words, i).is_some_and(|b| b.token.text == "من"))
        })
    }

    /// Whether the people a movement frame moves are prisoners, families or refugees, not a
    /// force: a word for them as the verb's object ("نقل 150 معتقلا من ... إلى"), or as the
    /// nearest subject before it; or no force named at all right after a sentence about them.
    /// Or whether what moves is an official, a delegation or no thing at all: a bystander
    /// right after the verb ("غادر السفير الأمريكي بغداد", "عاد الهدوء إلى") or just before it.
    pub(super) fn moves_civilians(
        &self,
        frame: &Frame,
        si: usize,
        sentence: &Range<usize>,
    ) -> bool {
        let words = self.words;
        let t = frame.triggers[0].0;
        let force = |j: usize| words[j].has(Lex::Force) || words[j].has(Lex::Coalition);
        let object_end = (t + 1..frame.range.end)
            .find(|&j| words[j].mention.is_some())
            .unwrap_or(frame.range.end)
            .min(t + 5);
        // The object, past its subject, count and a date between commas ("نقلت القوات نحو 150
        // من معتقلي التنظيم"، "سحبت، في كانون الثاني، موظفيها"), up to the first name or comma.
        let dated = |j: usize| words.get(j).is_some_and(|w| w.in_date);
        let aside = |j: usize| {
            let before_date = words[j].token.text == "في" && dated(j + 1);
            dated(j)
                || before_date
                || words[j].is_punct() && (j.saturating_sub(2)..=j + 2).any(dated)
        };
        let counted_object = (t + 1..frame.range.end.min(t + 11))
            .take_while(|&j| words[j].mention.is_none() && (!words[j].is_punct() || aside(j)));
        if (t + 1..object_end)
            .chain(counted_object)
            .any(|j| words[j].has(Lex::Civilian))
        {
            return true;
        }
        let subject = (t + 1..object_end).find(|&j| !words[j].in_date && !words[j].is_punct());
        let adjacent = t.saturating_sub(2).max(sentence.start)..t;
        if subject
            .into_iter()
            .chain(adjacent)
            .any(|j| words[j].has(Lex::Bystander))
        {
            return true;
        }
        // Who moved is told after "that" or a quote's start, not the speaker ("قال أحد السكان
        // إن الروس خرجوا").
        let that = |j: &usize| {
            matches!(
                words[*j].token.text,
                "ان" | "بان"
                    | "انه"
                    | "بانه"
                    | "انها"
                    | "بانها"
                    | "انهم"
                    | "انهما"
                    | ":"
                    | "\""
                    | "«"
            )
        };
        // "رصد سكان هبوط طائرتين": civilians who see it are witnesses, not who moved.
        let witness = |j: usize| {
            j > sentence.start && {
                let w = crate::arabic::strip_glue(words[j - 1].token.text, 3);
                ["رصد", "شاهد", "لاحظ", "افاد", "روى"]
                    .iter()
                    .any(|v| w.starts_with(v))
            }
        };
        match (sentence.start..t)
            .rev()
            .take_while(|j| !that(j))
            .find(|&j| words[j].has(Lex::Civilian) && !witness(j) || force(j))
        {
            Some(j) => words[j].has(Lex::Civilian),
            None => {
                self.civilian_sentence.is_some_and(|s| s + 1 >= si)
                    && !frame.range.clone().any(force)
            }
        }
    }
}
