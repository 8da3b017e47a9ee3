//! Movements and events from an article: who moved from where, through where, to where, how
//! many, when, and what happened at bases (withdrawal, handover, attack, presence).
//!
//! Each sentence is read word by word (`reading`): triggers (انسحب، اتجه، نقل، وصل، سلّم،
//! استهداف، لا تزال…) open frames; the prepositions before each place name give it a role
//! (من origin, إلى/نحو/باتجاه destination, عبر waypoint, في location, ريف/قرب near); counts,
//! actors, status cues and dates are collected around the trigger. A frame with an origin and a
//! destination is a movement; one with only an origin may join a destination-only frame in the
//! next sentence ("نقلت قواتها من العراق" … "غادروا إلى الكويت"), or else is a withdrawal event.

#[cfg(test)]
mod constructions;
pub mod dates;
pub mod lexicon;
mod reading;
mod trips;
mod unresolved;

use smallvec::{smallvec, SmallVec};
use std::ops::Range;
use std::sync::Arc;

use crate::arabic;
use crate::document::Document;
use crate::gazetteer::{Gazetteer, GeoPrecision, Kind, PlaceIndex};
use crate::geoparse::{self, Mention};
use dates::{ArticleDate, DateMention, Ymd};
use lexicon::{nation_actor, nation_forces, Lex, Qualifier, Trigger};
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

/// An actor named in a sentence, before one is chosen: its English name and the span of the
/// article text that names it.
struct Candidate<'a> {
    name: &'a str,
    arabic: Option<Range<usize>>,
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
    /// Byte range of the evidence in the document text.
    pub evidence: Range<usize>,
    /// The text dates it two or more years before the article: background, not news.
    pub background: bool,
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
    pub background: bool,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub movements: Vec<Movement>,
    pub events: Vec<Event>,
    pub mentions: Vec<Mention>,
    pub unresolved: Vec<Unresolved>,
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
    let mut reader = Reader {
        g,
        doc,
        sites: &unresolved,
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
    };
    for (si, (s, range)) in parsed.sentences.iter().zip(&sentence_words).enumerate() {
        reader.sentence(si, s.clone(), range.clone());
    }
    let (movements, events) = reader.finish();
    Extraction {
        movements,
        events,
        unresolved,
        mentions: parsed.mentions,
    }
}

struct Reader<'a> {
    g: &'a Gazetteer,
    doc: &'a Document,
    /// Names no entry has, with the known places that locate them.
    sites: &'a [Unresolved],
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
}

/// One trigger's share of a sentence.
#[derive(Debug, Clone)]
struct Frame {
    triggers: SmallVec<[(usize, Trigger); 2]>,
    /// Word range the frame covers.
    range: Range<usize>,
    /// Where a purpose clause (تمهيدا لـ) begins, if any.
    purpose_at: Option<usize>,
}

impl Frame {
    fn first(&self) -> Trigger {
        self.triggers[0].1
    }

    fn has(&self, t: Trigger) -> bool {
        self.triggers.iter().any(|(_, x)| *x == t)
    }
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
        let named = range.clone().any(|i| words[i].mention.is_some());
        if frames.is_empty() && !named {
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
            let paired = placed.last().is_some_and(|p| {
                p.role == PlaceRole::Locator
                    && reading::previous_word(words, p.word, range.start)
                        .is_some_and(|b| words[b].token.text == "بين")
            });
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
        for (fi, frame) in frames.iter().enumerate() {
            // Names before the first trigger belong to the first frame (the subject's place).
            let lo = if fi == 0 {
                range.start
            } else {
                frame.range.start
            };
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
            let ctx = Ctx {
                sentence: si,
                first_frame: fi == 0,
                words: range.clone(),
                evidence: span.clone(),
                status,
                actor,
                date,
                date_text,
                background,
            };
            let first = frame.first();
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
                        at && !p.party && p.word < frame.triggers[0].0
                    })
                    .map(|p| self.endpoint(p))
                    .collect();
                // The site the sentence is about before the verb ("تعرض مطار حرير لهجوم ... قبل
                // أن يُخلى"): what a withdrawal with no place named leaves.
                let subject_site = placed
                    .iter()
                    .rev()
                    .filter(|p| p.word < frame.triggers[0].0 && !p.party)
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

    /// Presence told without a verb of staying: forces "stationed" (متواجدين، المنتشرة) at a
    /// place, or a base of a force at a place ("قاعدتي التحالف في تل بيدر وقسرك", "إحدى
    /// قواعدنا بالقرب من حقل كونيكو").
    fn stated_presence(&mut self, placed: &[Placed], span: &Range<usize>, range: &Range<usize>) {
        let words = self.words;
        let mut listed = false;
        for p in placed.iter().filter(|p| !p.party) {
            let stationed = p.role == PlaceRole::Stationed;
            let at = matches!(
                p.role,
                PlaceRole::Location | PlaceRole::Near | PlaceRole::Destination
            );
            // "قاعدتي التحالف في تل بيدر وقسرك": و + a name goes on the list before it.
            let based = at
                && (listed && words[p.word].glue.starts_with('و')
                    || self.base_of_force_before(p.word, range.start));
            listed = based;
            if !(stationed || based) {
                continue;
            }
            let actor = (p.word.saturating_sub(8).max(range.start)..p.word)
                .rev()
                .find_map(|j| words[j].nation())
                .map(|n| Actor {
                    name: nation_actor(n).into(),
                    arabic: None,
                });
            self.events.push(Event {
                event_type: EventType::Presence,
                place: self.endpoint(p),
                actor,
                counterpart: None,
                status: Status::Reported,
                date: None,
                date_text: None,
                evidence: span.clone(),
                background: false,
            });
        }
    }

    /// Whether a base noun qualified by a force comes closely before the word at `k`: "قاعدتي
    /// التحالف في", "قواعد للتحالف في", "قاعدة عسكرية أمريكية قرب", "قواعدنا العسكرية بالقرب من".
    fn base_of_force_before(&self, k: usize, start: usize) -> bool {
        let words = self.words;
        let lo = k.saturating_sub(6).max(start);
        let base = |j: usize| {
            let t = words[j].token.text;
            let t = t.strip_prefix("ال").unwrap_or(t);
            words[j].has(Lex::PlaceNoun) && (t.starts_with("قاعد") || t.starts_with("قواعد"))
        };
        (lo..k).any(|j| {
            let own = ["نا", "ها", "ه", "هم"]
                .iter()
                .any(|s| words[j].token.text.ends_with(s));
            base(j)
                && (own
                    || (j + 1..(j + 4).min(k)).any(|q| {
                        words[q].has(Lex::Coalition)
                            || words[q].has(Lex::Force)
                            || words[q].nation().is_some()
                    }))
                && !(j + 1..k).any(|q| words[q].mention.is_some() || words[q].trigger().is_some())
        })
    }

    /// Whether the people a movement frame moves are prisoners, families or refugees, not a
    /// force: a word for them as the verb's object ("نقل 150 معتقلا من ... إلى"), or as the
    /// nearest subject before it; or no force named at all right after a sentence about them.
    fn moves_civilians(&self, frame: &Frame, si: usize, sentence: &Range<usize>) -> bool {
        let words = self.words;
        let t = frame.triggers[0].0;
        let force = |j: usize| words[j].has(Lex::Force) || words[j].has(Lex::Coalition);
        let object_end = (t + 1..frame.range.end)
            .find(|&j| words[j].mention.is_some())
            .unwrap_or(frame.range.end)
            .min(t + 5);
        if (t + 1..object_end).any(|j| words[j].has(Lex::Civilian)) {
            return true;
        }
        match (sentence.start..t)
            .rev()
            .find(|&j| words[j].has(Lex::Civilian) || force(j))
        {
            Some(j) => words[j].has(Lex::Civilian),
            None => {
                self.civilian_sentence.is_some_and(|s| s + 1 >= si)
                    && !frame.range.clone().any(force)
            }
        }
    }

    fn is_party(&self, i: usize, mention: usize, role: PlaceRole, end: usize) -> bool {
        let words = self.words;
        if self.g.place(self.mentions[mention].place).kind != Kind::Country {
            return false;
        }
        match role {
            PlaceRole::Bare => true,
            PlaceRole::Location => (i.saturating_sub(3)..i).any(|j| words[j].has(Lex::Office)),
            PlaceRole::Object(_) => (i + 1..(i + 4).min(end)).any(|j| {
                words[j].has(Lex::Force)
                    || words[j].lex().any(|l| matches!(l, Lex::Qualify(_)))
                    || words[j].has(Lex::Source)
            }),
            _ => false,
        }
    }

    /// Splits a sentence into frames at triggers of another class, frame breaks (كما، فيما،
    /// بالإضافة إلى) and weapons moving (صواريخ انطلقت: not troops).
    fn frames(&self, range: Range<usize>) -> SmallVec<[Frame; 2]> {
        let words = self.words;
        let mut frames: SmallVec<[Frame; 2]> = SmallVec::new();
        let mut broke = false;
        for i in range.clone() {
            let w = &words[i];
            // Breaks, purposes and triggers are all meanings: most words have none.
            if !w.means_something() || w.continued && w.mention.is_none() {
                continue;
            }
            if w.has(Lex::FrameBreak) {
                broke = true;
            }
            // "، وانسحاب ...": a comma and a conjunction glued to a trigger start a new clause;
            // so does a comma before a finite verb ("مع الانسحاب من X، دخل رتل ...").
            let finite = w.glue.is_empty() && finite_verb(w.token.text);
            if (w.glue.starts_with('و') || finite)
                && w.trigger().is_some_and(Trigger::is_movement)
                && i > range.start
                && words[i - 1].token.text == "،"
            {
                broke = true;
            }
            // "ثم رجعت إليها", "قبل أن تنسحب منها": a verb after these tells the next step.
            if w.trigger().is_some() && self.after_sequencer(i, range.start) {
                broke = true;
            }
            if w.has(Lex::Purpose) {
                if let Some(f) = frames.last_mut() {
                    f.purpose_at.get_or_insert(i);
                }
                continue;
            }
            let Some(t) = w.trigger() else {
                continue;
            };
            // Rockets that "fell" or "were launched" are an attack, not a trip.
            if t.is_movement() && self.weapons_near(i, &range) {
                continue;
            }
            // "ما تبقى من عناصرها": what remains, not forces remaining somewhere.
            if t == Trigger::Remain && i > range.start && words[i - 1].token.text == "ما" {
                continue;
            }
            // "نقلت الصحيفة عن مصادر": reported speech, not a transfer.
            if t == Trigger::Move
                && w.token.text.contains("نقل")
                && (i + 1..(i + 4).min(range.end))
                    .any(|j| words[j].has(Lex::Source) || words[j].token.text == "عن")
            {
                continue;
            }
            // Each attack is its own frame: one sentence often tells two.
            let same_class = t != Trigger::Attack
                && frames.last().is_some_and(|f| {
                    !broke
                        && (f.first().is_movement() == t.is_movement())
                        && (t.is_movement() || f.first() == t || same_handover(f.first(), t))
                });
            if same_class {
                let f = frames.last_mut().expect("checked");
                // A second movement verb after a purpose clause stays in it.
                f.triggers.push((i, t));
            } else {
                if let Some(f) = frames.last_mut() {
                    f.range.end = i;
                }
                frames.push(Frame {
                    triggers: smallvec![(i, t)],
                    range: i..range.end,
                    purpose_at: None,
                });
            }
            broke = false;
        }
        frames
    }

    /// Whether the word at `i` comes right after "ثم", "بعدما" or "قبل أن / بعد أن": a
    /// clause of its own, the next step of a story.
    fn after_sequencer(&self, i: usize, start: usize) -> bool {
        let words = self.words;
        let Some(p) = reading::previous_word(words, i, start) else {
            return false;
        };
        match words[p].token.text {
            "ثم" | "بعدما" | "وبعدما" | "then" => true,
            "ان" => reading::previous_word(words, p, start)
                .is_some_and(|q| matches!(words[q].token.text, "قبل" | "بعد" | "وقبل" | "وبعد")),
            _ => false,
        }
    }

    fn weapons_near(&self, i: usize, range: &Range<usize>) -> bool {
        let lo = i.saturating_sub(4).max(range.start);
        (lo..i).any(|j| self.words[j].has(Lex::Weapon))
    }

    fn status(&self, frame: &Frame, sentence: &Range<usize>, denied: bool) -> Status {
        if denied {
            return Status::Denied;
        }
        let words = self.words;
        // Cues in the few words before each trigger, and on the triggers themselves (سـ).
        let mut planned = false;
        let mut progress = false;
        for &(t, _) in &frame.triggers {
            for w in &words[t.saturating_sub(3).max(sentence.start)..=t] {
                if w.in_date {
                    continue;
                }
                planned |= w.has(Lex::Planned);
                progress |= w.has(Lex::InProgress);
            }
        }
        // "خلال الشهرين المقبلين" after the trigger also plans it.
        planned |=
            frame.range.clone().any(|j| {
                words[j].has(Lex::Planned) && !words[j].has(Lex::Trigger(Trigger::Remain))
            }) && !progress;
        if planned {
            Status::Planned
        } else if progress {
            Status::InProgress
        } else {
            Status::Reported
        }
    }

    /// Who acted in a frame: a force with a nationality, the coalition, a named country that
    /// is no endpoint; else the last actor of the article.
    fn actor(
        &mut self,
        frame: &Frame,
        sentence: &Range<usize>,
        placed: &[Placed],
    ) -> Option<Actor> {
        let words = self.words;
        let first = frame.triggers[0].0;
        let receiving = |j: usize| {
            // "للقوات العراقية", "إلى القوات العراقية": the receiver of a handover.
            let w = &words[j];
            w.glue.ends_with('ل')
                || reading::previous_word(words, j, sentence.start)
                    .is_some_and(|p| words[p].has(Lex::Role(lexicon::Role::Destination)))
        };
        // Candidates keep borrowed names and spans: most are not chosen, and only the one that
        // is becomes an owned `Actor`.
        let mut candidates: SmallVec<[(usize, Candidate); 4]> = SmallVec::new();
        for j in sentence.start..frame.range.end.max(sentence.start) {
            let w = &words[j];
            // Coalition, force and nation words all have a meaning: most words have none.
            if !w.means_something() || w.continued && w.mention.is_none() {
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
            if w.has(Lex::Force) && !receiving(j) {
                // A force followed by its nationality within three words.
                let end = (j + 4).min(frame.range.end.max(j + 1)).min(words.len());
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
        let explicit = candidates.len();
        // A country named with no role in the trip (أكد كرواتيا، وزارة الدفاع في سلوفينيا).
        for p in placed {
            let place = self.g.place(self.mentions[p.mention].place);
            if p.party {
                candidates.push((
                    p.word,
                    Candidate {
                        name: &place.name_en,
                        arabic: Some(self.mentions[p.mention].span.clone()),
                    },
                ));
            }
        }
        // Forces and nationalities first; a country that is merely named only if none.
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

    /// Who attacked: the nationality nearest the attack word that does not describe a place
    /// ("قاعدة عين الأسد الأميركية" names whose base was hit, not who hit it).
    fn attacker(&self, frame: &Frame, sentence: &Range<usize>, placed: &[Placed]) -> Option<Actor> {
        let words = self.words;
        let t = frame.triggers[0].0;
        let describes_place = |j: usize| {
            placed.iter().any(|p| {
                p.word < j
                    && j <= p.word + 4
                    && !(p.word + 1..j).any(|k| words[k].trigger().is_some())
            })
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

    /// The frame's date: the last date expression inside it, else the nearest in the sentence.
    fn date(&self, frame: &Frame, sentence: &Range<usize>) -> (Option<Ymd>, Option<Arc<str>>) {
        let inside =
            |d: &&DateMention| d.tokens.start >= sentence.start && d.tokens.end <= sentence.end;
        let in_frame = self
            .dates
            .iter()
            .filter(inside)
            .filter(|d| d.tokens.start >= frame.range.start && d.tokens.start < frame.range.end)
            .rfind(|d| d.date.is_some());
        let first = frame.triggers[0].0;
        // Else the nearest one that is not inside a later frame of the sentence.
        let chosen = in_frame.or_else(|| {
            self.dates
                .iter()
                .filter(inside)
                .filter(|d| d.tokens.start < frame.range.end)
                .filter(|d| d.date.is_some() || d.year.is_none())
                .min_by_key(|d| d.tokens.start.abs_diff(first))
        });
        match chosen {
            Some(d) => {
                let a = self.words[d.tokens.start].token.orig.0;
                let b = self.words[d.tokens.end - 1].token.orig.1;
                (d.date, Some(self.doc.text[a..b].into()))
            }
            None => (None, None),
        }
    }

    /// A year stated in the sentence ("في عام 2003"), for telling background from news.
    fn background_year(&self, sentence: Range<usize>) -> Option<i32> {
        self.dates
            .iter()
            .filter(|d| d.tokens.start >= sentence.start && d.tokens.end <= sentence.end)
            .filter_map(|d| d.year)
            .min()
    }

    fn endpoint(&self, p: &Placed) -> Endpoint {
        let site = self.sites.iter().position(|u| u.locator == Some(p.mention));
        Endpoint {
            place: self.mentions[p.mention].place,
            near: p.near,
            site: site.map(|i| i as u32),
        }
    }

    /// The base a word like "القاعدة" or "منها" refers back to: the last site named before it,
    /// and first the last one named with the same noun ("المعسكر" → "معسكر التاجي").
    fn anaphor(&self, word: usize) -> Option<Endpoint> {
        let at = self.words[word].token.orig.0;
        // The names before it, the nearest first, as far back as a reader would look.
        let n = self.mentions.partition_point(|m| m.span.start < at);
        let before = || self.mentions[..n].iter().rev().take(ANAPHOR_REACH);
        let text = self.words[word].token.text;
        let noun = ["معسكر", "مطار", "معبر", "قاعد"]
            .into_iter()
            .find(|n| text.contains(n));
        let same_noun = noun.and_then(|n| {
            before().find(|m| {
                let name = &self.doc.text[m.span.clone()];
                name.starts_with(n) || n == "قاعد" && name.starts_with("قواعد")
            })
        });
        same_noun
            .or_else(|| {
                before().find(|m| self.g.place(m.place).kind.is_site() || self.named_as_site(m))
            })
            .map(|m| Endpoint::at(m.place))
    }

    /// What "إليه" or "إليها" refers back to: a place gone to or from earlier in the same
    /// sentence ("انسحبت من العراق ثم عادت إليه"), not a subject; else the last site.
    fn anaphor_in_sentence(&self, word: usize, sentence: &Range<usize>) -> Option<Endpoint> {
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
    fn named_as_site(&self, m: &Mention) -> bool {
        use geoparse::Cue;
        matches!(
            m.cue,
            Some(Cue::Base | Cue::Airport | Cue::Crossing | Cue::Field)
        ) || ["قاعد", "مطار", "معبر", "معسكر"]
            .iter()
            .any(|p| self.doc.text[m.span.clone()].starts_with(p))
    }

    fn frame_anaphor(&self, frame: &Frame) -> Option<Endpoint> {
        self.frame_anaphor_word(frame).and_then(|i| self.anaphor(i))
    }

    /// The word in a frame, close after a trigger, that refers back to a place.
    fn frame_anaphor_word(&self, frame: &Frame) -> Option<usize> {
        let words = self.words;
        frame.range.clone().find(|&i| {
            // Close after a trigger: "انسحاب القوات منها"، "تسليمها"، "بإخلاء القاعدة".
            let near_trigger = frame.triggers.iter().any(|(t, _)| *t <= i && i <= t + 8);
            near_trigger
                && !to_it(words[i].token.text)
                && (words[i].has(Lex::Anaphor)
                    || (frame.triggers.iter().any(|(t, _)| *t == i)
                        && words[i].token.text.ends_with("ها")
                        && !words[i].token.text.starts_with("انسحاب")))
        })
    }

    /// The sites a dual refers back to ("الموقعين", "القاعدتين", "موقعيها"): the last two
    /// named before it; a singular refers to one.
    fn anaphors(&self, word: usize) -> Ends {
        let t = self.words[word].token.text;
        let dual = ["ين", "ان", "يها", "يه"].iter().any(|s| t.ends_with(s))
            && ["موقع", "قاعدت", "معسكر", "مطار"]
                .iter()
                .any(|n| t.contains(n));
        if !dual {
            return self.anaphor(word).into_iter().collect();
        }
        let at = self.words[word].token.orig.0;
        let n = self.mentions.partition_point(|m| m.span.start < at);
        let mut ends = Ends::new();
        for m in self.mentions[..n].iter().rev().take(ANAPHOR_REACH) {
            let site = self.g.place(m.place).kind.is_site() || self.named_as_site(m);
            if site && !ends.iter().any(|e| e.place == m.place) {
                ends.insert(0, Endpoint::at(m.place));
                if ends.len() == 2 {
                    break;
                }
            }
        }
        ends
    }

    /// "من القاعدة", "منها": a frame whose origin is the base named before.
    fn anaphor_after_from(&self, frame: &Frame) -> bool {
        let words = self.words;
        frame.range.clone().any(|i| {
            words[i].has(Lex::Anaphor)
                && (words[i].token.text.starts_with("من")
                    || i > 0 && words[i - 1].token.text == "من")
        })
    }

    fn counts(&self, range: Range<usize>) -> (Option<Count>, Option<Count>) {
        let words = self.words;
        let mut vehicles = None;
        let mut personnel = None;
        let mut i = range.start;
        while i < range.end {
            let mut qualifier = Qualifier::Exact;
            let mut j = i;
            while j < range.end {
                match words[j].lex().find_map(|l| match l {
                    Lex::Qualify(q) => Some(q),
                    _ => None,
                }) {
                    Some(q) => {
                        qualifier = q;
                        j += 1;
                        while j < range.end && words[j].continued {
                            j += 1;
                        }
                    }
                    None => break,
                }
            }
            let number = words.get(j).and_then(|w| {
                let t = w.token.text;
                if t.bytes().all(|b| b.is_ascii_digit()) && !t.is_empty() {
                    t.parse::<u32>().ok()
                } else {
                    w.lex().find_map(|l| match l {
                        Lex::Number(n) => Some(n),
                        _ => None,
                    })
                }
            });
            let noun_at = if number.is_some() { j + 1 } else { j };
            let counted = number.is_some()
                || matches!(
                    qualifier,
                    Qualifier::Dozens | Qualifier::Hundreds | Qualifier::Some
                );
            if counted && noun_at < range.end && (noun_at > i || number.is_some()) {
                // "من" between ("عددا من الشاحنات", "بعضا من قواتها").
                let noun = if words[noun_at].token.text == "من" {
                    noun_at + 1
                } else {
                    noun_at
                };
                if let Some(w) = words.get(noun) {
                    let count = Count {
                        n: number,
                        qualifier,
                    };
                    if w.has(Lex::Vehicles) && vehicles.is_none() {
                        vehicles = Some(count);
                    } else if (w.has(Lex::Personnel) || w.has(Lex::Force)) && personnel.is_none() {
                        personnel = Some(count);
                    }
                }
            }
            i = j.max(i) + 1;
        }
        (vehicles, personnel)
    }

    fn movement_frame(
        &mut self,
        frame: &Frame,
        placed: &[Placed],
        earlier_locs: &[Endpoint],
        subject_site: Option<Endpoint>,
        ctx: &Ctx,
    ) {
        let g = self.g;
        let redeploy = frame.has(Trigger::Redeploy);
        let mut origins: Ends = Ends::new();
        let mut earlier: Ends = Ends::new();
        let mut dests: Ends = Ends::new();
        let mut vias: Ends = Ends::new();
        let mut locs: Ends = Ends::new();
        let mut redeploy_locs: Ends = Ends::new();
        let mut purpose_dests: Ends = Ends::new();
        let mut purpose_vias: Ends = Ends::new();
        let mut between: Ends = Ends::new();
        let mut onward: Ends = Ends::new();
        let mut put_in: Ends = Ends::new();
        for p in placed.iter().filter(|p| !p.party) {
            let e = self.endpoint(p);
            if matches!(
                p.role,
                PlaceRole::Stationed | PlaceRole::Object(Trigger::Remain)
            ) {
                self.presence(e, ctx);
            }
            match (p.role, p.purpose) {
                // "وهي في الطريق نحو الأنبار": where the trip goes on to, past the places reached.
                (PlaceRole::Destination, false) if self.en_route(p.word, ctx) => onward.push(e),
                // "إلى قواعدها في الكويت", "نحو القاعدة التي تتمركز فيها بمدينة القامشلي": the
                // place that locates the base gone to is the destination.
                (PlaceRole::Location | PlaceRole::Stationed | PlaceRole::Object(_), false)
                    if self.locates_destination_noun(p.word, frame) =>
                {
                    dests.push(e)
                }
                (PlaceRole::Origin | PlaceRole::Stationed, false) => origins.push(e),
                (PlaceRole::Object(t), false) if t.object_is_origin() => origins.push(e),
                (PlaceRole::Object(Trigger::Redeploy), false) => redeploy_locs.push(e),
                (PlaceRole::EarlierOrigin, _) => earlier.push(e),
                (PlaceRole::Destination, false) => dests.push(e),
                (PlaceRole::Destination, true) => purpose_dests.push(e),
                (PlaceRole::Via | PlaceRole::PathNext, false) => vias.push(e),
                (PlaceRole::Via | PlaceRole::PathNext, true) => purpose_vias.push(e),
                (PlaceRole::PathBetween, _) => between.push(e),
                // "دخل رتل قاعدة قسرك": what one enters or reaches is the destination.
                (PlaceRole::Object(Trigger::Arrive), false) => dests.push(e),
                // "نقلت معداتها في قاعدة عين الأسد", "استقرت في الكويت": put or settled in.
                (PlaceRole::Location, false)
                    if !frame.has(Trigger::Withdraw) && p.word > frame.triggers[0].0 =>
                {
                    put_in.push(e);
                    locs.push(e)
                }
                (PlaceRole::Location | PlaceRole::Object(_), _) => locs.push(e),
                _ => {}
            }
        }
        // "الواصل بين X و Y" after a destination: the way goes on to the far end, Y.
        if let Some(far) = between.last() {
            if !dests.is_empty() {
                vias.append(&mut dests);
                dests.push(*far);
            } else {
                vias.push(*far);
            }
        }
        if !onward.is_empty() {
            // The places reached on the way were arrived at.
            for reached in &dests {
                self.arrival(*reached, ctx);
            }
            vias.append(&mut dests);
            dests = onward;
        }
        if dests.is_empty() && purpose_dests.is_empty() && !frame.has(Trigger::Redeploy) {
            dests = put_in;
        }
        if redeploy && !redeploy_locs.is_empty() && (!dests.is_empty() || !purpose_dests.is_empty())
        {
            origins.append(&mut redeploy_locs);
        }
        if origins.is_empty() {
            // "بإخلاء القاعدة", "انسحبت منها", "نقلت معداتها من القاعدة إلى ...".
            let from_it = frame.has(Trigger::Withdraw) || self.anaphor_after_from(frame);
            if let Some(i) = from_it.then(|| self.frame_anaphor_word(frame)).flatten() {
                origins.extend(self.anaphors(i));
            }
        }
        if origins.is_empty() && dests.is_empty() && frame.has(Trigger::Withdraw) {
            // "يستقلون طائرة في قاعدة الأسد": a withdrawal with no place left from leaves the
            // site it is at, or the site the sentence is about.
            let at = locs
                .iter()
                .find(|e| g.place(e.place).kind.is_site())
                .copied();
            origins.extend(at.or(subject_site));
        }
        // "رجعت إليها": the destination is the base named before.
        if dests.is_empty() {
            let words = self.words;
            if let Some(i) = frame.range.clone().find(|&i| to_it(words[i].token.text)) {
                dests.extend(self.anaphor_in_sentence(i, &ctx.words));
            }
        }
        // "خرجت من A كانت قادمة من B": B → A.
        if !earlier.is_empty() && dests.is_empty() {
            dests = std::mem::take(&mut origins);
            origins = earlier;
        } else if origins.is_empty() {
            origins = earlier;
        }
        let origins = most_precise(g, origins);
        let mut dests = most_precise(g, dests);
        // "وعادت قاعدة بلد ... مع مغادرة آخر الجنود منها": a place both left and reached in one
        // frame is where the frame happens, left.
        dests.retain(|d| !origins.iter().any(|o| o.place == d.place));
        let purpose_dests = most_precise(g, purpose_dests);
        let (vehicles, personnel) =
            self.counts(frame_count_range(frame, &ctx.words, ctx.first_frame));
        let event_type = if redeploy {
            EventType::Redeployment
        } else if frame.has(Trigger::Withdraw) {
            EventType::Withdrawal
        } else if frame.has(Trigger::Move) {
            EventType::Relocation
        } else {
            EventType::Arrival
        };
        let make =
            |origin: Endpoint, via: &[Endpoint], destination: Endpoint, status: Status| Movement {
                event_type,
                actor: ctx.actor.clone(),
                origin,
                via: via.to_vec(),
                destination,
                vehicles,
                personnel,
                status,
                date: ctx.date,
                date_text: ctx.date_text.clone(),
                evidence: ctx.evidence.clone(),
                background: ctx.background,
            };
        // A return with no origin starts where the unit was said to be (في العراق ... عودة).
        if origins.is_empty() && !dests.is_empty() && frame.has(Trigger::Arrive) {
            if let Some(l) = locs.iter().chain(earlier_locs).find(|l| !dests.contains(l)) {
                let l = *l;
                for d in &dests {
                    self.push_movement(ctx.sentence, make(l, &vias, *d, ctx.status));
                }
                return;
            }
        }
        if dests.is_empty() && !purpose_dests.is_empty() && !origins.is_empty() {
            // "اتجهت عبر الطريق الواصل إلى الهول تمهيدا للانسحاب إلى العراق عبر معبر الوليد":
            // the purpose clause finishes the trip.
            let mut all_vias = vias.clone();
            all_vias.extend(purpose_vias.iter().copied());
            for o in &origins {
                for d in &purpose_dests {
                    self.push_movement(ctx.sentence, make(*o, &all_vias, *d, ctx.status));
                }
            }
            return;
        }
        if !origins.is_empty() && !dests.is_empty() {
            for o in &origins {
                for d in &dests {
                    if o == d {
                        continue;
                    }
                    self.push_movement(ctx.sentence, make(*o, &vias, *d, ctx.status));
                }
            }
            // Then, planned: from where they went on to the purpose's destination.
            if let (Some(last), false) = (dests.last().copied(), purpose_dests.is_empty()) {
                for d in &purpose_dests {
                    self.push_movement(
                        ctx.sentence,
                        make(last, &purpose_vias, *d, Status::Planned),
                    );
                }
            }
            return;
        }
        if redeploy && origins.is_empty() && dests.is_empty() {
            for l in redeploy_locs.iter().chain(&locs) {
                self.events.push(Event {
                    event_type: EventType::Redeployment,
                    place: *l,
                    actor: ctx.actor.clone(),
                    counterpart: None,
                    status: ctx.status,
                    date: ctx.date,
                    date_text: ctx.date_text.clone(),
                    evidence: ctx.evidence.clone(),
                    background: ctx.background,
                });
            }
            return;
        }
        // Half a trip: kept for joining with the next sentence, else an event.
        if dests.is_empty() && !purpose_dests.is_empty() {
            dests = purpose_dests;
        }
        let placeholder = Endpoint::at(PlaceIndex(u32::MAX));
        if !origins.is_empty() {
            for o in &origins {
                self.partials.push(Half {
                    sentence: ctx.sentence,
                    movement: make(*o, &vias, placeholder, ctx.status),
                    has_origin: true,
                    redeploy,
                });
            }
        } else if !dests.is_empty() {
            for d in &dests {
                self.partials.push(Half {
                    sentence: ctx.sentence,
                    movement: make(placeholder, &vias, *d, ctx.status),
                    has_origin: false,
                    redeploy,
                });
            }
        }
    }

    /// Whether the place at `word` locates a place noun that a destination preposition
    /// introduced ("إلى قاعدة تابعة للجيش الألماني في الأزرق"): walking back, a place noun or
    /// "القاعدة" right after إلى/نحو/باتجاه comes before any other name or verb.
    fn locates_destination_noun(&self, word: usize, frame: &Frame) -> bool {
        let words = self.words;
        let lo = word.saturating_sub(10).max(frame.triggers[0].0);
        for j in (lo..word).rev() {
            let w = &words[j];
            let other_verb = w.trigger().is_some_and(|t| t != Trigger::Remain);
            if w.mention.is_some() || other_verb && j != frame.triggers[0].0 {
                return false;
            }
            let noun = w.has(Lex::PlaceNoun) || w.has(Lex::Anaphor);
            let introduced = |p: usize| words[p].has(Lex::Role(lexicon::Role::Destination));
            if noun
                && reading::previous_word(words, j, lo).is_some_and(|p| {
                    introduced(p) || w.glue.ends_with('ل') && words[p].trigger().is_some()
                })
            {
                return true;
            }
            if noun && (w.glue.ends_with('ل') || w.has(Lex::Role(lexicon::Role::Destination))) {
                return true;
            }
        }
        false
    }

    /// Whether the destination named at `word` is where a trip goes on to: "في الطريق نحو",
    /// "في طريقه إلى".
    fn en_route(&self, word: usize, ctx: &Ctx) -> bool {
        let words = self.words;
        let prev = |j: usize| reading::previous_word(words, j, ctx.words.start);
        let Some(road) = prev(word).and_then(prev) else {
            return false;
        };
        let t = words[road].token.text;
        t.strip_prefix("ال").unwrap_or(t).starts_with("طريق")
            && prev(road).is_some_and(|j| words[j].token.text == "في")
    }

    /// Forces stationed at a place: a presence there.
    fn presence(&mut self, place: Endpoint, ctx: &Ctx) {
        self.event_at(EventType::Presence, place, ctx);
    }

    /// A place reached on the way: an arrival there.
    fn arrival(&mut self, place: Endpoint, ctx: &Ctx) {
        self.event_at(EventType::Arrival, place, ctx);
    }

    /// An event of the frame's actor and date at `place`, reported.
    fn event_at(&mut self, event_type: EventType, place: Endpoint, ctx: &Ctx) {
        self.events.push(Event {
            event_type,
            place,
            actor: ctx.actor.clone(),
            counterpart: None,
            status: Status::Reported,
            date: ctx.date,
            date_text: ctx.date_text.clone(),
            evidence: ctx.evidence.clone(),
            background: ctx.background,
        });
    }

    /// Whether frame `next`, told right after the movement `frame`, is a relative clause of
    /// staying that describes a place noun (`Some(true)`: "نحو القاعدة التي تتمركز فيها") or
    /// the force (`Some(false)`: "الجنود الذين كانوا يرابطون في أربيل").
    fn relative(&self, next: &Frame, frame: &Frame) -> Option<bool> {
        let words = self.words;
        let t = next.triggers[0].0;
        if !frame.first().is_movement() || next.first() != Trigger::Remain {
            return None;
        }
        let pronoun = (t.saturating_sub(3)..t)
            .find(|&j| matches!(words[j].token.text, "الذي" | "التي" | "الذين"))?;
        let before = reading::previous_word(words, pronoun, frame.range.start)?;
        Some(words[before].has(Lex::PlaceNoun) || words[before].has(Lex::Anaphor))
    }

    fn push_movement(&mut self, sentence: usize, m: Movement) {
        self.movements.push((sentence, m));
    }

    fn event_frame(&mut self, frame: &Frame, placed: &[Placed], before: &[Placed], ctx: &Ctx) {
        let g = self.g;
        let first = frame.first();
        let words = self.words;
        let event_type = match first {
            Trigger::HandOver | Trigger::TakeOver => EventType::Handover,
            Trigger::Attack => EventType::Attack,
            _ => EventType::Presence,
        };
        // The place: a named site in the frame, else one a pronoun or "القاعدة" refers to.
        let candidates: SmallVec<[&Placed; 8]> = placed
            .iter()
            .filter(|p| {
                !matches!(
                    p.role,
                    PlaceRole::Locator
                        | PlaceRole::Origin
                        | PlaceRole::EarlierOrigin
                        | PlaceRole::Destination
                )
            })
            .filter(|p| p.word >= frame.range.start || event_type == EventType::Presence)
            .collect();
        let mut candidates = candidates;
        // "تعرضت القاعدة لقصف": the base before the verb was the target.
        let t0 = frame.triggers[0].0;
        let subjected = (t0.saturating_sub(5).max(ctx.words.start)..t0).any(|j| {
            let t = words[j].token.text;
            t.contains("تعرض") || t.contains("يتعرض")
        });
        if candidates.is_empty() && event_type == EventType::Attack && subjected {
            candidates.extend(
                before
                    .iter()
                    .rev()
                    .filter(|p| g.place(self.mentions[p.mention].place).kind.is_site())
                    .take(1),
            );
            // "القوات الأمريكية في العراق وسوريا تعرضت لهجمات": attacked in each place.
            if candidates.is_empty() {
                candidates.extend(before.iter().filter(|p| p.role == PlaceRole::Location));
            }
        }
        // A named site, else the site a pronoun refers to ("قاعدة قسرك، التي يتمركز فيها
        // التحالف بريف الحسكة"), else any place named.
        let site = candidates
            .iter()
            .find(|p| g.place(self.mentions[p.mention].place).kind.is_site())
            .map(|p| self.endpoint(p))
            .or_else(|| self.frame_anaphor(frame))
            .or_else(|| {
                // A place the event is "in" before a bare name, which is often a subject.
                let fits = |p: &&&Placed| {
                    !matches!(g.place(self.mentions[p.mention].place).kind, Kind::Country)
                        || event_type == EventType::Presence
                        || subjected && p.role == PlaceRole::Location
                };
                let located = candidates.iter().filter(|p| p.role != PlaceRole::Bare);
                located
                    .clone()
                    .find(fits)
                    .or_else(|| candidates.iter().find(fits))
                    .map(|p| self.endpoint(p))
            });
        let Some(place) = site else {
            return;
        };
        // A presence needs a place it is "in": bare names are subjects, not locations.
        let counterpart = match event_type {
            EventType::Handover => {
                let receiver = frame.range.clone().find_map(|j| {
                    let n = words[j].nation()?;
                    let gives = first == Trigger::HandOver;
                    let to_them = words[j].glue.ends_with('ل')
                        || reading::previous_word(words, j, frame.range.start).is_some_and(|p| {
                            words[p].glue.ends_with('ل')
                                || words[p].has(Lex::Role(lexicon::Role::Destination))
                                || words[p].has(Lex::Force)
                        });
                    let local = !matches!(nation_actor(n), "United States");
                    (if gives { to_them || local } else { local })
                        .then(|| nation_forces(n).to_owned())
                });
                // "كما تسلمت قاعدة القيارة": the same receiver as the handover just before.
                let receiver = receiver.or_else(|| self.last_receiver.clone());
                self.last_receiver.clone_from(&receiver);
                receiver
            }
            EventType::Attack => {
                // The forces at the base: a nationality right after its name.
                let at = placed
                    .iter()
                    .find(|p| self.mentions[p.mention].place == place.place)
                    .map(|p| p.word);
                at.and_then(|k| (k + 1..(k + 4).min(words.len())).find_map(|j| words[j].nation()))
                    .map(|n| nation_forces(n).to_owned())
            }
            _ => None,
        };
        let actor = if event_type == EventType::Handover {
            self.giver(frame, ctx)
        } else {
            ctx.actor.clone()
        };
        // Forces remain at every site a list names ("في قواعد X وY وZ").
        // Forces stay, or are attacked, at every place a list names ("تنتشر في الحسكة والرقة
        // ودير الزور").
        let mut places = vec![place];
        if matches!(event_type, EventType::Presence | EventType::Attack) {
            for p in &candidates {
                let e = self.endpoint(p);
                let listed = g.place(e.place).kind.is_site()
                    || matches!(p.role, PlaceRole::Location | PlaceRole::Object(_));
                if listed && !places.iter().any(|q| q.place == e.place) {
                    places.push(e);
                }
            }
        }
        for place in places {
            self.events.push(Event {
                event_type,
                place,
                actor: actor.clone(),
                counterpart: counterpart.clone(),
                status: ctx.status,
                date: ctx.date,
                date_text: ctx.date_text.clone(),
                evidence: ctx.evidence.clone(),
                background: ctx.background,
            });
        }
    }

    /// Who handed a base over: the coalition or a foreign force named in the frame ("من التحالف
    /// الدولي", "بالتنسيق مع الجانب الأمريكي"), else the frame's actor unless it is the host,
    /// else the last foreign actor of the article.
    fn giver(&self, frame: &Frame, ctx: &Ctx) -> Option<Actor> {
        let words = self.words;
        let text =
            |j: usize| Some(self.doc.text[words[j].token.orig.0..words[j].token.orig.1].into());
        for j in frame.range.clone() {
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
    fn last_non_local_actor(&self) -> Option<Actor> {
        let movements = self
            .movements
            .iter()
            .rev()
            .filter_map(|(_, m)| m.actor.clone());
        let events = self.events.iter().rev().filter_map(|e| e.actor.clone());
        self.last_actor
            .clone()
            .into_iter()
            .chain(events)
            .chain(movements)
            .find(|a| !is_host(&a.name))
    }

    /// Joins half-trips across sentences, turns the rest into events, and drops repeats.
    fn finish(mut self) -> (Vec<Movement>, Vec<Event>) {
        let mut movements = std::mem::take(&mut self.movements);
        let partials = std::mem::take(&mut self.partials);
        let used = trips::assemble(self.g, self.mentions, &mut movements, &partials);
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
                background: m.background,
            });
        }
        events.sort_by_key(|e| e.evidence.start);
        // Repeats: the same kind of event at the same place with the same status is one event.
        let mut kept: Vec<Event> = Vec::new();
        for e in events {
            // A withdrawal from a place a trip leaves from is told by the trip.
            let told_by_trip = e.event_type == EventType::Withdrawal
                && movements.iter().any(|(_, m)| {
                    m.origin.place == e.place.place
                        && (e.actor.is_none()
                            || m.actor.as_ref().map(|a| &a.name)
                                == e.actor.as_ref().map(|a| &a.name))
                });
            if told_by_trip {
                continue;
            }
            match kept.iter_mut().find(|k| {
                k.event_type == e.event_type
                    && k.place.place == e.place.place
                    && k.status == e.status
            }) {
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
                None => kept.push(e),
            }
        }
        let mut unique: Vec<(usize, Movement)> = Vec::new();
        for (s, m) in movements {
            match unique.iter_mut().map(|(_, u)| u).find(|u| {
                u.origin.place == m.origin.place
                    && u.destination.place == m.destination.place
                    && u.via == m.via
                    && u.status == m.status
            }) {
                Some(u) => {
                    u.vehicles = u.vehicles.or(m.vehicles);
                    u.personnel = u.personnel.or(m.personnel);
                    if u.date.is_none() {
                        u.date = m.date;
                        u.date_text = m.date_text.clone();
                    }
                }
                None => unique.push((s, m)),
            }
        }
        (trips::merge_restatements(self.g, unique), kept)
    }
}

/// How many names back an anaphor ("القاعدة", "منها") may refer.
const ANAPHOR_REACH: usize = 40;

/// What every result of a frame shares.
struct Ctx {
    sentence: usize,
    /// The frame is the sentence's first.
    first_frame: bool,
    /// The sentence's word range.
    words: Range<usize>,
    evidence: Range<usize>,
    status: Status,
    actor: Option<Actor>,
    date: Option<Ymd>,
    date_text: Option<Arc<str>>,
    background: bool,
}

/// Handing over and taking over are the same event seen from two sides.
fn same_handover(a: Trigger, b: Trigger) -> bool {
    matches!(
        (a, b),
        (
            Trigger::HandOver | Trigger::TakeOver,
            Trigger::HandOver | Trigger::TakeOver
        )
    )
}

/// The words whose counts belong to a frame: the first frame of a sentence also takes the words
/// before its trigger (the subject often carries the count: "50 شاحنة ... غادرت").
fn frame_count_range(frame: &Frame, sentence: &Range<usize>, first: bool) -> Range<usize> {
    if first {
        sentence.start..frame.range.end
    } else {
        frame.range.start..frame.range.end
    }
}

/// Keeps the most precise endpoints: a country or region is dropped when a place inside it is
/// also named in the same role (Camp Adder … out of Iraq → Camp Adder).
fn most_precise(g: &Gazetteer, mut ends: Ends) -> Ends {
    let broad = |e: &Endpoint| {
        matches!(
            g.place(e.place).kind,
            Kind::Country | Kind::Region | Kind::Governorate
        )
    };
    let country = |e: &Endpoint| g.place(e.place).country.as_str();
    let specific: Ends = ends.iter().filter(|e| !broad(e)).copied().collect();
    ends.retain(|e| !broad(e) || !specific.iter().any(|s| country(s) == country(e)));
    let mut seen = Ends::new();
    ends.retain(|e| {
        let first = !seen.iter().any(|s| s.place == e.place);
        if first {
            seen.push(*e);
        }
        first
    });
    ends
}

/// Whether a trigger word reads as a finite verb ("دخل", "غادرت", "يتجه"), not a verbal noun
/// ("الانسحاب") or a participle ("متجهاً", "عائدةً", "منسحبين"), which go on the clause before
/// (normalised text).
fn finite_verb(word: &str) -> bool {
    let participle = word.starts_with('م')
        || word.ends_with('ه')
        || word.ends_with("ين")
        || word.ends_with('ا') && !word.ends_with("وا");
    !word.starts_with("ال") && !participle
}

/// "إليها", "إليه": to the place named before (normalised text).
fn to_it(word: &str) -> bool {
    matches!(word.strip_prefix('و').unwrap_or(word), "اليها" | "اليه")
}

/// Nation words that name an actor on their own (البنتاغون، واشنطن، الأمريكيين), as opposed to
/// adjectives that need a noun (الأمريكية).
fn nation_is_actor_word(word: &str) -> bool {
    let w = word
        .strip_prefix('و')
        .or_else(|| word.strip_prefix('ب'))
        .unwrap_or(word);
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

/// The forces that receive bases rather than hand them over.
fn is_host(actor: &str) -> bool {
    matches!(
        actor,
        "Iraq" | "Syria" | "Kurdistan Region" | "Syrian Democratic Forces"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_precise_drops_countries_holding_a_named_place_and_repeats() {
        let g = Gazetteer::embedded().unwrap();
        let end = |id: &str| Endpoint::at(g.by_id(id).unwrap());
        let ends = smallvec![
            end("iraq"),
            end("baghdad_city"),
            end("kuwait"),
            end("erbil_city"),
            end("baghdad_city"),
            end("syria"),
            end("kuwait"),
        ];
        let ids: Vec<&str> = most_precise(&g, ends)
            .iter()
            .map(|e| g.place(e.place).id.as_str())
            .collect();
        assert_eq!(ids, ["baghdad_city", "kuwait", "erbil_city", "syria"]);
    }
}
