//! Who acted: the force, coalition or country a frame names as its subject, the attacker of
//! an attack, the giver of a handover, and the actor carried over from the sentences before.

use std::ops::Range;

use smallvec::SmallVec;

use super::frames::Frame;
use super::lexicon::{self, nation_actor, Lex, Trigger};
use super::reading::{self, PlaceRole, Word};
use super::{Actor, Ctx, Placed, Reader};
use crate::gazetteer::Kind;

/// An actor named in a sentence, before one is chosen: its English name and the span of the
/// article text that names it.
struct Candidate<'a> {
    name: &'a str,
    arabic: Option<Range<usize>>,
}

/// How many words before a verb a government's office may stand and still be its subject
/// ("أعلنت وزارة الدفاع الإيطالية سحب", "قالت وزارة الدفاع البريطانية إن قواتها غادرت").
const OFFICE_REACH: usize = 8;

/// How many of the latest movements and events are looked at for who handed a base over.
const RECENT: usize = 50;

/// Nation words that name an actor on their own (البنتاغون، واشنطن، الأمريكيين), as opposed to
/// adjectives that need a noun (الأمريكية).
fn nation_is_actor_word(word: &str) -> bool {
    // As written, then without a proclitic: "واشنطن" begins with و.
    let bare = word
        .strip_prefix('و')
        .or_else(|| word.strip_prefix('ب'))
        .unwrap_or(word);
    [word, bare].into_iter().any(is_actor_word)
}

/// [`nation_is_actor_word`] for a word without its proclitic: the words listed, and a
/// nation's own name (رومانيا، المجر، الألمان), which unlike its adjectives (ـي، ـية، ـيين، ـيون)
/// names the country or its people.
fn is_actor_word(w: &str) -> bool {
    let adjective = ["ي", "يه", "يين", "يون", "ين", "يان", "يتان"]
        .iter()
        .any(|s| w.ends_with(s));
    !adjective || is_listed_actor_word(w)
}

/// Nation words listed as naming an actor on their own.
fn is_listed_actor_word(w: &str) -> bool {
    matches!(
        w,
        "البنتاغون"
            | "البنتاجون"
            | "واشنطن"
            | "الامريكيين"
            | "الاميركيين"
            | "الامريكيون"
            | "الاميركيون"
            | "المارينز"
            | "قسد"
            | "الفصائل"
            | "المليشيات"
            | "الميليشيات"
            | "american"
            | "americans"
            | "pentagon"
            | "الحرس"
            | "حرس"
    )
}

/// Whether the word at `j` is in an escort phrase: within six words after "بحماية",
/// "برفقة", "بمرافقة", "ترافقه" or "تحت حراسة" (normalised text), what escorts a trip.
fn escorting(words: &[Word], j: usize, sentence_start: usize) -> bool {
    let escort = |w: &Word| {
        let strip = |t| crate::arabic::strip_glue(t, 4);
        let t = strip(strip(w.token.text));
        [
            "حمايه",
            "مرافقه",
            "رفقه",
            "يرافق",
            "ترافق",
            "حراسه",
            "مواكبه",
        ]
        .iter()
        .any(|e| t.starts_with(e))
    };
    (j.saturating_sub(6).max(sentence_start)..j)
        .rev()
        .take_while(|&b| words[b].trigger().is_none())
        .any(|b| escort(&words[b]))
}

/// The forces that receive bases rather than hand them over.
fn is_host(actor: &str) -> bool {
    matches!(
        actor,
        "Iraq" | "Syria" | "Kurdistan Region" | "Syrian Democratic Forces"
    )
}

impl Reader<'_> {
    /// Who acted in a frame: a force with a nationality, the coalition, a named country that
    /// is no endpoint; else the last actor of the article.
    pub(super) fn actor(
        &mut self,
        frame: &Frame,
        sentence: &Range<usize>,
        placed: &[Placed],
    ) -> Option<Actor> {
        let words = self.words;
        let first = frame.triggers[0].0;
        let receiving = |j: usize| {
            // "للقوات العراقية", "إلى القوات العراقية": the receiver of a handover; but
            // "تابعة للقوات الأمريكية" says whose they are.
            let w = &words[j];
            let previous = reading::previous_word(words, j, sentence.start);
            let belongs = previous.is_some_and(|p| words[p].has(Lex::Belonging));
            !belongs
                && (w.glue.ends_with('ل')
                    || previous
                        .is_some_and(|p| words[p].has(Lex::Role(lexicon::Role::Destination))))
        };
        // Candidates keep borrowed names and spans: most are not chosen, and only the one that
        // is becomes an owned `Actor`.
        let mut candidates: SmallVec<[(usize, Candidate); 4]> = SmallVec::new();
        // "جرى شحنه إلى الأردن، فيما بقيت الأبراج بعهدة الجيش العراقي": a clause of
        // "while" tells of someone else.
        let end = (first..frame.range.end)
            .find(|&j| matches!(words[j].token.text, "فيما" | "وفيما" | "بينما" | "وبينما"))
            .unwrap_or(frame.range.end);
        for j in sentence.start..end.max(sentence.start) {
            let w = &words[j];
            // Coalition, force and nation words all have a meaning: most words have none.
            if !w.means_something() || w.continued && w.mention.is_none() {
                continue;
            }
            // "بحماية عربات تابعة لقسد", "برفقة مروحيات أمريكية": the escort is not who moves.
            if escorting(words, j, sentence.start) {
                continue;
            }
            let text = |a: usize, b: usize| Some(words[a].token.orig.0..words[b].token.orig.1);
            if w.has(Lex::Coalition) && !receiving(j) {
                candidates.push((
                    j,
                    Candidate {
                        name: "International coalition",
                        arabic: text(j, j),
                    },
                ));
                continue;
            }
            // A force followed by its nationality within three words; what a force moves
            // ("شاحنات أمريكية", "معدات عسكرية أمريكية") only by a nationality that qualifies
            // it, not one that follows a preposition ("تسليم المعدات للقوات العراقية").
            // What is moved after a preposition ("تحت حماية من المروحيات الأمريكية") escorts
            // or carries, and is no subject.
            let after_preposition = w.glue.ends_with('ب')
                || reading::previous_word(words, j, sentence.start)
                    .is_some_and(|p| words[p].role().is_some());
            let moved = (w.has(Lex::Vehicles) || w.has(Lex::Personnel) || w.has(Lex::Cargo))
                && !(w.has(Lex::Cargo) && after_preposition);
            if (w.has(Lex::Force) || moved) && !receiving(j) {
                let mut end = (j + 4).min(frame.range.end.max(j + 1)).min(words.len());
                if !w.has(Lex::Force) {
                    let preposition = |k: &usize| {
                        let glue = words[*k].glue;
                        glue.ends_with('ل') || glue.ends_with('ب') || words[*k].role().is_some()
                    };
                    end = (j + 1..end).find(preposition).unwrap_or(end);
                }
                if let Some(k) = (j + 1..end).find(|&k| words[k].nation().is_some()) {
                    let n = words[k].nation().expect("found");
                    candidates.push((
                        j,
                        Candidate {
                            name: nation_actor(n),
                            arabic: text(j, k),
                        },
                    ));
                    continue;
                }
                if let Some(k) = (j + 1..end).find(|&k| words[k].has(Lex::Coalition)) {
                    candidates.push((
                        j,
                        Candidate {
                            name: "International coalition",
                            arabic: text(j, k),
                        },
                    ));
                    continue;
                }
            }
            if let Some(n) = w.nation() {
                // A nation word standing alone as subject (البنتاغون، واشنطن، الأمريكيين).
                let standalone = !reading::previous_word(words, j, sentence.start)
                    .is_some_and(|p| words[p].has(Lex::Force) || words[p].has(Lex::PlaceNoun));
                if standalone && !receiving(j) && nation_is_actor_word(w.token.text) {
                    candidates.push((
                        j,
                        Candidate {
                            name: nation_actor(n),
                            arabic: text(j, j),
                        },
                    ));
                }
            }
        }
        // English puts the nationality first: "U.S. troops", "American soldiers".
        for j in sentence.start..frame.range.end.max(sentence.start) {
            if let Some(n) = words[j].nation() {
                let latin = words[j].token.text.is_ascii();
                if latin && (j + 1..(j + 3).min(words.len())).any(|k| words[k].has(Lex::Force)) {
                    candidates.push((
                        j,
                        Candidate {
                            name: nation_actor(n),
                            arabic: None,
                        },
                    ));
                }
            }
        }
        // An office speaks for the verb only as its subject: close before it, or right after.
        let near_verb = first.saturating_sub(OFFICE_REACH).max(sentence.start)
            ..(first + 5).min(frame.range.end.max(sentence.start));
        self.offices(near_verb, &mut candidates);
        let explicit = candidates.len();
        // A country named with no role in the trip (أكد كرواتيا، وزارة الدفاع في سلوفينيا).
        for p in placed {
            let place = self.g.place(self.mentions[p.mention].place);
            if p.party {
                let government = self.government_of(p.word).map(nation_actor);
                candidates.push((
                    p.word,
                    Candidate {
                        name: government.unwrap_or(&place.name_en),
                        arabic: Some(self.mentions[p.mention].span.clone()),
                    },
                ));
            }
        }
        // Forces, nationalities and offices first; a country that is merely named only if none.
        let (candidates, parties) = candidates.split_at_mut(explicit);
        let pick = |c: &mut [(usize, Candidate)]| {
            c.sort_by_key(|(j, _)| *j);
            // The subject right after the verb (VSO: "انسحبت قوات التحالف"), else the nearest
            // before it (SVO), else any later one.
            let right_after = c.iter().find(|(j, _)| *j > first && *j <= first + 5);
            let before = c.iter().rev().find(|(j, _)| *j < first);
            right_after
                .or(before)
                .or_else(|| c.iter().find(|(j, _)| *j >= first))
                .map(|(_, c)| Actor {
                    name: c.name.into(),
                    arabic: c.arabic.clone().map(|r| self.doc.text[r].into()),
                })
        };
        let chosen = pick(candidates).or_else(|| pick(parties));
        match chosen {
            Some(a) => {
                if frame.first().is_movement() || frame.first() != Trigger::Attack {
                    self.last_actor = Some(a.clone());
                }
                Some(a)
            }
            None if frame.first() == Trigger::Attack => None,
            None => self.last_actor.clone(),
        }
    }

    /// The governments whose office a sentence names with a nationality ("وزارة الدفاع
    /// الإيطالية", "الحكومة الإسبانية"): each speaks for its own forces when no force is named.
    /// A host's government (Iraq, Syria) announces other countries' moves as often as its own.
    fn offices<'c>(
        &self,
        range: Range<usize>,
        candidates: &mut SmallVec<[(usize, Candidate<'c>); 4]>,
    ) {
        let words = self.words;
        for j in range {
            let first = words[j].has(Lex::Office) && !(j > 0 && words[j - 1].has(Lex::Office));
            if !first {
                continue;
            }
            let end = (j + 3).min(words.len());
            let Some((k, n)) = (j + 1..end).find_map(|k| Some((k, words[k].nation()?))) else {
                continue;
            };
            let name = nation_actor(n);
            if !is_host(name) {
                let arabic = Some(words[j].token.orig.0..words[k].token.orig.1);
                candidates.push((j, Candidate { name, arabic }));
            }
        }
    }

    /// Who attacked: the nationality nearest the attack word that does not describe a place
    /// ("قاعدة عين الأسد الأميركية" names whose base was hit, not who hit it).
    pub(super) fn attacker(
        &self,
        frame: &Frame,
        sentence: &Range<usize>,
        placed: &[Placed],
    ) -> Option<Actor> {
        let words = self.words;
        let t = frame.triggers[0].0;
        // The names within four words before `j` (`placed` is in text order).
        let describes_place = |j: usize| {
            let from = placed.partition_point(|p| p.word + 4 < j);
            placed[from..]
                .iter()
                .take_while(|p| p.word < j)
                .any(|p| !(p.word + 1..j).any(|k| words[k].trigger().is_some()))
        };
        // An American or coalition word before the attack word names its victims ("مقتل متقاعد
        // أميركي جراء قصفها"); after it, the attacker ("غارة جوية أميركية").
        let foreign_before = |j: usize| {
            j < t
                && words[j]
                    .nation()
                    .is_some_and(|n| nation_actor(n) == "United States")
        };
        (sentence.start..frame.range.end.min(t + 5))
            .filter(|&j| {
                words[j].nation().is_some()
                    && !words[j].continued
                    && !describes_place(j)
                    && !foreign_before(j)
            })
            .min_by_key(|&j| (j.abs_diff(t), j < t))
            .map(|j| {
                let n = words[j].nation().expect("filtered");
                Actor {
                    name: nation_actor(n).into(),
                    arabic: Some(
                        self.doc.text[words[j].token.orig.0..words[j].token.orig.1].into(),
                    ),
                }
            })
    }

    /// Who handed a base over: the coalition or a foreign force named in the frame ("من التحالف
    /// الدولي", "بالتنسيق مع الجانب الأمريكي") or later in its sentence, else the frame's actor
    /// unless it is the host, else the last foreign actor of the article.
    pub(super) fn giver(&self, frame: &Frame, ctx: &Ctx) -> Option<Actor> {
        let words = self.words;
        let text =
            |j: usize| Some(self.doc.text[words[j].token.orig.0..words[j].token.orig.1].into());
        // The frame first, then the rest of its sentence ("سُلّمت القاعدة إلى الجيش بعد
        // انسحاب قوات التحالف منها" names the giver after the handover).
        let rest = frame.range.end.max(ctx.words.start)..ctx.words.end;
        for j in frame.range.clone().chain(rest) {
            if words[j].has(Lex::Coalition) {
                return Some(Actor {
                    name: "International coalition".into(),
                    arabic: text(j),
                });
            }
            // A nationality names the giver only as a force's or on its own ("مع الأمريكيين"),
            // not when it describes a border or a base ("الحدود السورية الأردنية").
            let as_actor = nation_is_actor_word(words[j].token.text)
                || reading::previous_word(words, j, frame.range.start)
                    .is_some_and(|p| words[p].has(Lex::Force));
            if let Some(n) = words[j]
                .nation()
                .filter(|&n| as_actor && !is_host(nation_actor(n)))
            {
                return Some(Actor {
                    name: nation_actor(n).into(),
                    arabic: text(j),
                });
            }
        }
        ctx.actor
            .clone()
            .filter(|a| !is_host(&a.name))
            .or_else(|| self.last_non_local_actor())
    }

    /// The last actor that is not a host country: who hands bases over.
    pub(super) fn last_non_local_actor(&self) -> Option<Actor> {
        // The recent ones: who acted lately, not at any time in a long text.
        let movements = self
            .movements
            .iter()
            .rev()
            .take(RECENT)
            .filter_map(|(_, m)| m.actor.clone());
        let events = self
            .events
            .iter()
            .rev()
            .take(RECENT)
            .filter_map(|e| e.actor.clone());
        self.last_actor
            .clone()
            .into_iter()
            .chain(events)
            .chain(movements)
            .find(|a| !is_host(&a.name))
    }

    /// The nation whose government the place name at word `i` stands for ("واشنطن"), when the
    /// lexicon lists it as naming an actor on its own.
    pub(super) fn government_of(&self, i: usize) -> Option<u8> {
        let text = self.words[i].token.text;
        if !nation_is_actor_word(text) {
            return None;
        }
        let (meanings, _) = lexicon::lexicon().word(text);
        meanings.lex().iter().find_map(|l| match l {
            Lex::Nation(n) => Some(*n),
            _ => None,
        })
    }

    /// Whether a country named at word `i` acts rather than being gone to or from.
    pub(super) fn is_party(&self, i: usize, mention: usize, role: PlaceRole, end: usize) -> bool {
        let words = self.words;
        // "التحالف الدولي بقيادة واشنطن": the leader of a force is a party, never a place.
        let led_by = reading::previous_word(words, i, 0).is_some_and(|b| {
            let t = crate::arabic::strip_glue(words[b].token.text, 2);
            [
                "بقياده",
                "قياده",
                "بزعامه",
                "تقوده",
                "يقوده",
                "تتزعمه",
                "يتزعمه",
            ]
            .contains(&t)
        });
        if led_by {
            return true;
        }
        if self.g.place(self.mentions[mention].place).kind != Kind::Country {
            // "وكانت واشنطن قد سحبت", "أعادت واشنطن نشر جنودها": a capital standing for its
            // government.
            let subject = match role {
                PlaceRole::Bare => true,
                PlaceRole::Object(_) => self.moved_follows(i, end) && !self.after_preposition(i),
                _ => false,
            };
            return subject && self.government_of(i).is_some();
        }
        match role {
            PlaceRole::Bare => true,
            PlaceRole::Location => (i.saturating_sub(3)..i).any(|j| words[j].has(Lex::Office)),
            // "وما زال في العراق 2500 جندي": after في it is where they are, not the subject.
            PlaceRole::Object(_) => self.moved_follows(i, end) && !self.after_preposition(i),
            _ => false,
        }
    }

    /// Whether the name at `i` follows a preposition of place (في، بـ، من، إلى...).
    fn after_preposition(&self, i: usize) -> bool {
        let words = self.words;
        words[i].glue.ends_with('ب')
            || reading::previous_word(words, i, 0).is_some_and(|p| words[p].role().is_some())
    }

    /// Whether what a force moves, its forces or a count follow the name at `i` closely: a
    /// country or capital right after the verb with these after it ("سحبت الولايات المتحدة
    /// ثلاثين شاحنة") is the verb's subject, not a place.
    fn moved_follows(&self, i: usize, end: usize) -> bool {
        let words = self.words;
        (i + 1..(i + 4).min(end)).any(|j| {
            let w = &words[j];
            w.has(Lex::Force)
                || w.has(Lex::Vehicles)
                || w.has(Lex::Personnel)
                || w.has(Lex::Cargo)
                || w.lex()
                    .any(|l| matches!(l, Lex::Qualify(_) | Lex::Number(_)))
                || w.has(Lex::Source)
        })
    }
}
