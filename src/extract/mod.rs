//! Movements and events from an article: who moved from where, through where, to where, how
//! many, when, and what happened at bases (withdrawal, handover, attack, presence).
//!
//! The stages, each a module, in the order the text flows through them:
//!
//! - [`lexicon`] and `reading`: each word's meanings (triggers, prepositions, forces, counts)
//!   and the role the words before a place name give it (origin, destination, waypoint,
//!   location, near, or a locator of another name).
//! - `frames`: a sentence split at its triggers into clauses (verbs, participles), each with
//!   its status and date.
//! - `actors`: who acted in a frame, carried over from the sentences before when unsaid.
//! - `discourse`: what القاعدة، منها، إليها، الموقعين refer back to, and what a sentence
//!   continues from the one before.
//! - `movements` and `events`: a frame's places sorted into the ends of a trip (`legs`: which
//!   origin goes with which destination), or the places of a handover, an attack or a presence.
//! - `trips`: half-trips joined across clauses and sentences, trips refined by a later specific
//!   end, and restatements (a headline over the detailed trip) kept once.
//! - `unresolved`: names no gazetteer entry has, with the known place that locates them.

mod actors;
#[cfg(test)]
mod constructions;
pub mod dates;
mod discourse;
mod events;
mod frames;
mod legs;
pub mod lexicon;
mod movements;
mod reading;
mod trips;
mod unresolved;

use rustc_hash::FxHashMap;
use smallvec::SmallVec;
use std::ops::Range;
use std::sync::Arc;

use crate::arabic;
use crate::document::{excerpt, Document, MAX_EXCERPT_BYTES};
use crate::gazetteer::{Gazetteer, GeoPrecision, PlaceIndex};
use crate::geoparse::{self, Mention};
use dates::{ArticleDate, DateMention, Ymd};
use lexicon::{Lex, Qualifier, Role, Trigger};
pub use movements::MAX_ENDS;
use reading::{role_of, PlaceRole, Word};
use trips::Half;
pub use unresolved::Unresolved;

/// What the text says of a movement or event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Reported,
    Planned,
    InProgress,
    Denied,
}

impl Status {
    /// The contract's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::Planned => "planned",
            Status::InProgress => "in_progress",
            Status::Denied => "denied",
        }
    }
}

/// The kind of a movement or event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventType {
    Withdrawal,
    Redeployment,
    Relocation,
    Arrival,
    Handover,
    Attack,
    Presence,
}

impl EventType {
    /// The contract's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Withdrawal => "withdrawal",
            EventType::Redeployment => "redeployment",
            EventType::Relocation => "relocation",
            EventType::Arrival => "arrival",
            EventType::Handover => "handover",
            EventType::Attack => "attack",
            EventType::Presence => "presence",
        }
    }
}

/// A place a movement starts, passes or ends at, or where an event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Endpoint {
    pub place: PlaceIndex,
    /// The text says somewhere near the place (ريف X، قرب X، شمال شرق X), not the place.
    pub near: bool,
    /// A site the gazetteer does not know that this place locates ("قاعدة X في مدينة Y"): its
    /// index in [`Extraction::unresolved`].
    pub site: Option<u32>,
}

impl Endpoint {
    /// The place itself, named as it is.
    pub fn at(place: PlaceIndex) -> Endpoint {
        Endpoint {
            place,
            near: false,
            site: None,
        }
    }

    /// How exactly the point locates what the text means.
    pub fn precision(&self, g: &Gazetteer) -> GeoPrecision {
        let base = g.place(self.place).kind.geo_precision();
        if self.near || self.site.is_some() {
            base.max(GeoPrecision::Town)
        } else {
            base
        }
    }
}

/// The endpoints a frame names in one role: seldom more than a few.
type Ends = SmallVec<[Endpoint; 4]>;

/// A stated number of vehicles or people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// The number, when one is given ("more than 100" gives 100).
    pub n: Option<u32>,
    pub qualifier: Qualifier,
}

/// Who acted: the English name and the Arabic words as written. Shared, not copied: one
/// actor goes to every movement and event of its sentence and often of the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: Arc<str>,
    pub arabic: Option<Arc<str>>,
}

/// A trip the text states.
#[derive(Debug, Clone)]
pub struct Movement {
    pub event_type: EventType,
    pub actor: Option<Actor>,
    pub origin: Endpoint,
    pub via: Vec<Endpoint>,
    pub destination: Endpoint,
    pub vehicles: Option<Count>,
    pub personnel: Option<Count>,
    pub status: Status,
    pub date: Option<Ymd>,
    /// The date words as written, shared by every movement and event of the frame.
    pub date_text: Option<Arc<str>>,
    /// Byte range of the evidence in the document text: the sentence(s) that tell it, a
    /// sentence longer than [`MAX_EXCERPT_BYTES`] cut to a window around the trigger.
    pub evidence: Range<usize>,
    /// The evidence is less than the text that tells it: a window of a long sentence.
    pub evidence_cut: bool,
    /// The text dates it two or more years before the article: background, not news.
    pub background: bool,
}

impl Movement {
    /// Whether the trip goes anywhere: its places, in order, stand at two points or more. One
    /// place told as both ends ("من قاعدة X إلى قاعدة X"), or two names for one point with
    /// nothing between, is no line to draw.
    pub fn goes_somewhere(&self, g: &Gazetteer) -> bool {
        let at = |e: &Endpoint| g.place(e.place).point;
        let first = at(&self.origin);
        self.via
            .iter()
            .chain([&self.destination])
            .any(|e| at(e) != first)
    }
}

/// Something that happened at a place.
#[derive(Debug, Clone)]
pub struct Event {
    pub event_type: EventType,
    pub place: Endpoint,
    pub actor: Option<Actor>,
    /// Who received a handover, or whose forces were targeted.
    pub counterpart: Option<String>,
    pub status: Status,
    pub date: Option<Ymd>,
    pub date_text: Option<Arc<str>>,
    pub evidence: Range<usize>,
    /// As [`Movement::evidence_cut`]; a presence told without a verb is cut around its place.
    pub evidence_cut: bool,
    pub background: bool,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub movements: Vec<Movement>,
    pub events: Vec<Event>,
    pub mentions: Vec<Mention>,
    pub unresolved: Vec<Unresolved>,
    /// Places movement frames named past [`MAX_ENDS`] in one role, left out of their trips.
    pub left_out: LeftOut,
}

/// Places that movement frames named in one role (origins, destinations) past the first
/// [`MAX_ENDS`], and so left out of their trips: what a user must be told rather than lose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// How many places were left out, over the article.
    pub places: usize,
    /// In how many frames (the words telling one trip).
    pub frames: usize,
    /// Where the first such frame starts, a byte offset into the text.
    pub first_at: Option<usize>,
    /// Where the last frame counted starts: a frame may leave places out in two roles.
    last_at: Option<usize>,
}

impl LeftOut {
    /// Counts `places` left out by the frame starting at text offset `at`.
    fn add(&mut self, places: usize, at: usize) {
        self.places += places;
        if self.last_at != Some(at) {
            self.frames += 1;
        }
        self.last_at = Some(at);
        self.first_at.get_or_insert(at);
    }

    /// The note for the user, with the offset in the file `file_offset` gives; `None` when
    /// nothing was left out.
    pub fn note(&self, file_offset: impl Fn(usize) -> usize) -> Option<String> {
        let at = file_offset(self.first_at?);
        let told = match self.frames {
            1 => format!("a trip told at byte {at} names"),
            n => format!("{n} trips told (the first at byte {at}) name"),
        };
        Some(format!(
            "{told} more than {MAX_ENDS} places as origins or as destinations; {} past the \
             first {MAX_ENDS} of each are left out of the movements",
            self.places
        ))
    }
}

/// Builds what [`extract`] needs, the gazetteer's name automaton and the lexicon, side by side
/// now, so that a run over many articles does not wait for them one after the other on its
/// first article. Optional: each is otherwise built on first use.
pub fn prepare(g: &Gazetteer) {
    rayon::join(|| g.matcher(), lexicon::lexicon);
}

/// Extracts movements and events from `doc`; `date` is the article's date from the manifest.
///
/// # Examples
/// ```
/// use convoy::{extract, Document, Gazetteer};
/// let g = Gazetteer::embedded().unwrap();
/// let doc = Document::from_text(
///     "a.txt",
///     "انسحبت نحو 30 شاحنة أمريكية من قاعدة التنف باتجاه الأراضي الأردنية.",
/// );
/// let x = extract::extract(&g, &doc, None);
/// let m = &x.movements[0];
/// assert_eq!(g.place(m.origin.place).id.as_str(), "al_tanf_garrison");
/// assert_eq!(g.place(m.destination.place).id.as_str(), "jordan");
/// assert_eq!(m.vehicles.unwrap().n, Some(30));
/// ```
pub fn extract(g: &Gazetteer, doc: &Document, date: Option<ArticleDate>) -> Extraction {
    let norm = arabic::normalize(&doc.text);
    let parsed = geoparse::parse(g, doc, &norm);
    let mention_spans: Vec<(usize, usize)> = parsed
        .mentions
        .iter()
        .map(|m| (m.normalized_span.start, m.normalized_span.end))
        .collect();
    let mut words = reading::read(norm.tokens(), &mention_spans);
    let mut word_index = Vec::with_capacity(words.len());
    let mut word_texts = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate().filter(|(_, w)| !w.is_punct()) {
        word_index.push(i);
        word_texts.push(w.token.text);
    }
    let dates: Vec<DateMention> = dates::find(&word_texts, date)
        .into_iter()
        .map(|d| DateMention {
            tokens: word_index[d.tokens.start]..word_index[d.tokens.end - 1] + 1,
            ..d
        })
        .collect();
    for d in &dates {
        for w in &mut words[d.tokens.clone()] {
            w.in_date = true;
        }
    }
    let mut sentence_words = Vec::with_capacity(parsed.sentences.len());
    let mut w = 0;
    for s in &parsed.sentences {
        let start = w;
        w += words[w..].partition_point(|word| word.token.orig.0 < s.end);
        sentence_words.push(start..w);
    }
    let unresolved = unresolved::unresolved(doc, &words, &parsed.sentences, &sentence_words);
    let mut site_of = vec![None; parsed.mentions.len()];
    for (i, u) in unresolved.iter().enumerate() {
        if let Some(m) = u.locator {
            site_of[m].get_or_insert(i as u32);
        }
    }
    let mut reader = Reader {
        g,
        doc,
        site_of: &site_of,
        words: &words,
        mentions: &parsed.mentions,
        dates: &dates,
        article: date,
        last_actor: None,
        last_receiver: None,
        civilian_sentence: None,
        partials: Vec::new(),
        movements: Vec::new(),
        events: Vec::new(),
        left_out: LeftOut::default(),
    };
    let read_as = windows(&words, &parsed.sentences, &sentence_words);
    for (si, (s, range)) in read_as.into_iter().enumerate() {
        reader.sentence(si, s, range);
    }
    let left_out = reader.left_out;
    let (movements, events) = reader.finish();
    Extraction {
        movements,
        events,
        unresolved,
        mentions: parsed.mentions,
        left_out,
    }
}

/// The most words read as one sentence. A longer one (a text with no full stops is one
/// sentence) is read in windows of at most this many words, cut after a comma where there is
/// one near the end, so that what a sentence's reading weighs against each other (its words,
/// names and clauses) stays bounded and a text costs in proportion to its length. Far above a
/// news sentence: the longest of the seeds and the development corpus has 69 words.
const WINDOW_WORDS: usize = 400;

/// The sentences as read, each as its byte span and word range: a sentence of more than
/// [`WINDOW_WORDS`] words as consecutive windows of it.
fn windows(
    words: &[Word],
    sentences: &[Range<usize>],
    sentence_words: &[Range<usize>],
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::with_capacity(sentences.len());
    for (span, range) in sentences.iter().zip(sentence_words) {
        let (mut from, mut start) = (span.start, range.start);
        while range.end - start > WINDOW_WORDS {
            let limit = start + WINDOW_WORDS;
            let comma = |i: &usize| matches!(words[*i].token.text, "،" | "," | "؛" | ";");
            let cut = (limit - WINDOW_WORDS / 4..limit)
                .rev()
                .find(comma)
                .map_or(limit, |i| i + 1);
            out.push((from..words[cut - 1].token.orig.1, start..cut));
            (from, start) = (words[cut].token.orig.0, cut);
        }
        out.push((from..span.end, start..range.end));
    }
    out
}

struct Reader<'a> {
    g: &'a Gazetteer,
    doc: &'a Document,
    /// For each mention, the name no entry has that it locates (an index into the unresolved
    /// names), if any.
    site_of: &'a [Option<u32>],
    words: &'a [Word<'a>],
    mentions: &'a [Mention],
    dates: &'a [DateMention],
    article: Option<ArticleDate>,
    last_actor: Option<Actor>,
    /// Who received the last handover, for the next one that does not say.
    last_receiver: Option<String>,
    /// The last sentence that told of civilians moved.
    civilian_sentence: Option<usize>,
    partials: Vec<Half>,
    movements: Vec<(usize, Movement)>,
    events: Vec<Event>,
    left_out: LeftOut,
}

/// A place name in a frame with its role.
#[derive(Debug, Clone, Copy)]
struct Placed {
    word: usize,
    mention: usize,
    role: PlaceRole,
    near: bool,
    purpose: bool,
    /// A country that acts rather than a place gone to or from: "أكد كرواتيا",
    /// "وزارة الدفاع في سلوفينيا", "سحب بريطانيا عددا من قواتها".
    party: bool,
}

impl Reader<'_> {
    fn sentence(&mut self, si: usize, span: Range<usize>, range: Range<usize>) {
        let words = self.words;
        let frames = self.frames(range.clone());
        // With no frame, only a presence told without a verb is left to find, and it needs a
        // word for being stationed or for a base.
        let stated = || {
            range
                .clone()
                .any(|i| words[i].has(Lex::Stationed) || words[i].has(Lex::PlaceNoun))
        };
        if frames.is_empty() && !stated() {
            return;
        }
        let denied = range.clone().any(|i| words[i].has(Lex::Denied));
        // Each place name with its role; coordinated names take the role of the one before.
        let mut placed: SmallVec<[Placed; 8]> = SmallVec::new();
        for i in range.clone() {
            let Some(mention) = words[i].mention else {
                continue;
            };
            let (mut role, near) = role_of(words, i, range.start);
            // "بين الرطبة والرمادي": the second of a pair after بين is what the first is.
            // ("بين مدينتي الحسكة وتل تمر": past the place noun of the pair.)
            let paired = placed.last().is_some_and(|p| {
                let before = reading::previous_word(words, p.word, range.start);
                let before = match before {
                    Some(b) if words[b].has(Lex::PlaceNoun) && words[b].mention.is_none() => {
                        reading::previous_word(words, b, range.start)
                    }
                    b => b,
                };
                p.role == PlaceRole::Locator && before.is_some_and(|b| words[b].token.text == "بين")
            });
            if role == PlaceRole::Location {
                if let Some(verb) = reading::base_left_in(words, i, range.start) {
                    role = PlaceRole::Object(verb);
                }
            }
            if role == PlaceRole::Locator
                && self.g.place(self.mentions[mention].place).kind.is_site()
            {
                // A site locates nothing named before it: "المنسحبة من منبج في قاعدة X" puts
                // the force in the base, not منبج in it.
                role = match reading::previous_word(words, i, range.start) {
                    Some(b) if words[b].role() == Some(Role::Location) => PlaceRole::Location,
                    _ => PlaceRole::Bare,
                };
            }
            if role == PlaceRole::Coordinated && paired {
                role = PlaceRole::Locator;
            } else if role == PlaceRole::Coordinated {
                role = placed
                    .iter()
                    .rev()
                    .find(|p| p.role != PlaceRole::Locator)
                    .map_or(PlaceRole::Bare, |p| p.role);
            }
            let party = self.is_party(i, mention, role, range.end);
            placed.push(Placed {
                word: i,
                mention,
                role,
                near,
                purpose: false,
                party,
            });
        }
        self.stated_presence(&placed, &span, &range);
        let background_year = self.background_year(range.clone());
        // The speaker's place in reported speech ("قالت مصادر في X إن") is the report's only
        // when the report names no place of its own.
        let told_from = frames.first().map_or(range.start, |f| {
            let own = || {
                placed
                    .iter()
                    .any(|p| !p.party && p.word >= f.names_from && p.word < f.range.end)
            };
            match f.speaker_from {
                Some(speaker) if !own() => speaker,
                _ => f.names_from,
            }
        });
        // What the sentence told before a verb, past the speaker's words when they are cut.
        let said_from = match frames.first().and_then(|f| f.speaker_from) {
            Some(_) => told_from,
            None => range.start,
        };
        for (fi, frame) in frames.iter().enumerate() {
            // Names before the first trigger belong to the first frame (the subject's place).
            let lo = if fi == 0 { told_from } else { frame.names_from };
            // A trip's origin may stand before its verb, after another kind of frame's: "انفجرت
            // عبوة على رتل، القادم من البصرة، كان متجها إلى بغداد".
            let origins_from = match fi.checked_sub(1).map(|p| &frames[p]) {
                Some(prev) if frame.first().is_movement() && !prev.first().is_movement() => {
                    prev.triggers[prev.triggers.len() - 1].0
                }
                _ => lo,
            };
            let mut mine: SmallVec<[Placed; 8]> = placed
                .iter()
                .filter(|p| {
                    let origin = matches!(p.role, PlaceRole::Origin | PlaceRole::EarlierOrigin);
                    (p.word >= lo || origin && p.word > origins_from) && p.word < frame.range.end
                })
                .copied()
                .collect();
            // "سحب الجنود الذين كانوا يرابطون في أربيل": where the force moved was stationed, told
            // in a relative clause, is where it left from.
            // "نحو القاعدة التي تتمركز فيها بمدينة القامشلي": where the base gone to is.
            let relative = frames
                .get(fi + 1)
                .and_then(|n| Some((n, self.relative(n, frame)?)));
            if let Some((next, of_place)) = relative {
                mine.extend(
                    placed
                        .iter()
                        .filter(|p| p.word > next.triggers[0].0 && p.word < next.range.end)
                        .map(|p| Placed {
                            role: match p.role {
                                PlaceRole::Object(Trigger::Remain) if !of_place => {
                                    PlaceRole::Stationed
                                }
                                role => role,
                            },
                            ..*p
                        }),
                );
            }
            for p in &mut mine {
                p.purpose = frame.purpose_at.is_some_and(|at| p.word > at);
            }
            let status = self.status(frame, &range, denied);
            let actor = if frame.first() == Trigger::Attack {
                self.attacker(frame, &range, &placed)
            } else {
                self.actor(frame, &range, &mine)
            };
            let (date, date_text) = self.date(frame, &range);
            let background = match (date, background_year, self.article) {
                (Some(d), _, Some(a)) => d.year < a.year - 1,
                (None, Some(y), Some(a)) => y < a.year - 1,
                _ => false,
            };
            let trigger = &words[frame.triggers[0].0].token;
            let evidence = excerpt(
                &self.doc.text,
                span.clone(),
                trigger.orig.0..trigger.orig.1,
                MAX_EXCERPT_BYTES,
            );
            let ctx = Ctx {
                sentence: si,
                first_frame: fi == 0,
                after_handover: fi
                    .checked_sub(1)
                    .is_some_and(|p| frames[p].first() == Trigger::HandOver),
                words: range.clone(),
                evidence_cut: evidence != span,
                evidence,
                status,
                actor,
                date,
                date_text,
                background,
            };
            let first = frame.first();
            // "دعا البرلمان إلى سحب القوات", "إذا لم تنسحب": asked for or threatened, not told.
            if first.is_movement() && self.demanded(frame, &range) {
                continue;
            }
            if first.is_movement() && self.moves_civilians(frame, si, &range) {
                self.civilian_sentence = Some(si);
                continue;
            }
            if first.is_movement() {
                // Where units were said to be earlier in the sentence (for returns).
                let earlier_locs: SmallVec<[Endpoint; 4]> = placed
                    .iter()
                    .filter(|p| {
                        let at = matches!(p.role, PlaceRole::Location | PlaceRole::Stationed)
                            || matches!(p.role, PlaceRole::Object(t) if !t.object_is_origin());
                        at && !p.party && (said_from..frame.triggers[0].0).contains(&p.word)
                    })
                    .map(|p| self.endpoint(p))
                    .collect();
                // The site the sentence is about before the verb ("تعرض مطار حرير لهجوم ... قبل
                // أن يُخلى"): what a withdrawal with no place named leaves.
                let subject_site = placed
                    .iter()
                    .rev()
                    .filter(|p| (said_from..frame.triggers[0].0).contains(&p.word) && !p.party)
                    .find(|p| {
                        let told = matches!(
                            p.role,
                            PlaceRole::Bare | PlaceRole::Location | PlaceRole::Stationed
                        ) || matches!(p.role, PlaceRole::Object(t) if !t.is_movement());
                        told && self.g.place(self.mentions[p.mention].place).kind.is_site()
                    })
                    .map(|p| self.endpoint(p));
                self.movement_frame(frame, &mine, &earlier_locs, subject_site, &ctx);
            } else {
                // An attacked base is often the subject before the verb ("تعرضت القاعدة لقصف").
                let before: SmallVec<[Placed; 8]> = placed
                    .iter()
                    .filter(|p| p.word < frame.range.start && p.role != PlaceRole::Locator)
                    .copied()
                    .collect();
                self.event_frame(frame, &mine, &before, &ctx);
            }
        }
    }

    fn endpoint(&self, p: &Placed) -> Endpoint {
        Endpoint {
            place: self.mentions[p.mention].place,
            near: p.near,
            site: self.site_of[p.mention],
        }
    }

    /// Joins half-trips across sentences, turns the rest into events, and drops repeats.
    fn finish(mut self) -> (Vec<Movement>, Vec<Event>) {
        let mut movements = std::mem::take(&mut self.movements);
        let partials = std::mem::take(&mut self.partials);
        let used = trips::assemble(self.g, self.mentions, &mut movements, &partials);
        movements.retain(|(_, m)| m.goes_somewhere(self.g));
        movements.sort_by_key(|(s, m)| (*s, m.evidence.start));
        let mut events = std::mem::take(&mut self.events);
        for (i, p) in partials.iter().enumerate() {
            if used[i] {
                continue;
            }
            let m = &p.movement;
            let (event_type, place) = if p.has_origin {
                let t = if p.redeploy {
                    EventType::Redeployment
                } else {
                    EventType::Withdrawal
                };
                (t, m.origin)
            } else {
                (EventType::Arrival, m.destination)
            };
            events.push(Event {
                event_type,
                place,
                actor: m.actor.clone(),
                counterpart: None,
                status: m.status,
                date: m.date,
                date_text: m.date_text.clone(),
                evidence: m.evidence.clone(),
                evidence_cut: m.evidence_cut,
                background: m.background,
            });
        }
        events.sort_by_key(|e| e.evidence.start);
        // Looked up by key, so that a long text's events cost in proportion to their number.
        let mut leaving: FxHashMap<PlaceIndex, Vec<usize>> = FxHashMap::default();
        for (i, (_, m)) in movements.iter().enumerate() {
            leaving.entry(m.origin.place).or_default().push(i);
        }
        // Repeats: the same kind of event at the same place with the same status is one event.
        let mut kept: Vec<Event> = Vec::new();
        let mut kept_at: FxHashMap<(EventType, PlaceIndex, Status), usize> = FxHashMap::default();
        for e in events {
            // A withdrawal from a place a trip leaves from is told by the trip.
            // (Told in the same words: leaving the base again later is another withdrawal.)
            let trips_from = leaving.get(&e.place.place).map_or(&[][..], Vec::as_slice);
            let told_by_trip = e.event_type == EventType::Withdrawal
                && trips_from.iter().map(|&i| &movements[i].1).any(|m| {
                    m.evidence.start < e.evidence.end
                        && e.evidence.start < m.evidence.end
                        && (e.actor.is_none()
                            || m.actor.as_ref().map(|a| &a.name)
                                == e.actor.as_ref().map(|a| &a.name))
                });
            if told_by_trip {
                continue;
            }
            let key = (e.event_type, e.place.place, e.status);
            match kept_at.get(&key).map(|&i| &mut kept[i]) {
                Some(k) => {
                    if k.date.is_none() && e.date.is_some() {
                        k.date = e.date;
                        k.date_text = e.date_text.clone();
                    }
                    if k.counterpart.is_none() {
                        k.counterpart = e.counterpart.clone();
                    }
                    if k.actor.is_none() {
                        k.actor = e.actor.clone();
                    }
                }
                None => {
                    kept_at.insert(key, kept.len());
                    kept.push(e);
                }
            }
        }
        let mut unique: Vec<(usize, Movement)> = Vec::new();
        let mut unique_at: FxHashMap<TripKey, usize> = FxHashMap::default();
        for (s, m) in movements {
            let key = (m.origin.place, m.destination.place, m.via.clone(), m.status);
            match unique_at.get(&key).map(|&i| &mut unique[i].1) {
                Some(u) => {
                    u.vehicles = u.vehicles.or(m.vehicles);
                    u.personnel = u.personnel.or(m.personnel);
                    if u.date.is_none() {
                        u.date = m.date;
                        u.date_text = m.date_text.clone();
                    }
                }
                None => {
                    unique_at.insert(key, unique.len());
                    unique.push((s, m));
                }
            }
        }
        (trips::merge_restatements(self.g, unique), kept)
    }
}

/// What makes two trips one: the same ends, waypoints and status.
type TripKey = (PlaceIndex, PlaceIndex, Vec<Endpoint>, Status);

/// What every result of a frame shares.
struct Ctx {
    sentence: usize,
    /// The frame is the sentence's first.
    first_frame: bool,
    /// The frame follows a handover in its sentence ("سلّمت المعسكر، ونقلت معداته إلى").
    after_handover: bool,
    /// The sentence's word range.
    words: Range<usize>,
    /// The sentence, or the window of a long one around the frame's first trigger.
    evidence: Range<usize>,
    evidence_cut: bool,
    status: Status,
    actor: Option<Actor>,
    date: Option<Ymd>,
    date_text: Option<Arc<str>>,
    background: bool,
}
