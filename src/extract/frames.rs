//! Frames: a sentence split at its triggers into clauses, each with its verbs and
//! participles (trigger words), its status (planned, under way, denied) and its date.
//!
//! A frame is one trigger's share of a sentence: "خرجت القوات من القاعدة، ودخلت الأراضي
//! العراقية" is two clauses; "ثم"، "قبل أن" and a comma before a finite verb start the next.

use std::ops::Range;
use std::sync::Arc;

use smallvec::{smallvec, SmallVec};

use super::dates::{DateMention, Ymd};
use super::lexicon::{Lex, Trigger};
use super::reading::Word;
use super::{reading, Reader, Status};

/// One trigger's share of a sentence.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    /// The trigger words and what each says happened, in text order.
    pub triggers: SmallVec<[(usize, Trigger); 2]>,
    /// Word range the frame covers.
    pub range: Range<usize>,
    /// Where the names it takes begin: the sentence's start for its first frame (the subject's
    /// place comes before the verb) or, in reported speech, the word after "that" (the
    /// speaker's place is none of the report's), else its first trigger; after a verb read as no trip
    /// ("أرسلت رسالة إلى واشنطن"), past that verb's words.
    pub names_from: usize,
    /// Where the attribution of reported speech ("قالت مصادر في X إن") begins, when the frame
    /// reports what it says: its names are the speaker's.
    pub speaker_from: Option<usize>,
    /// Where a purpose clause (تمهيدا لـ) begins, if any.
    pub purpose_at: Option<usize>,
}

impl Frame {
    /// What the first trigger says happened.
    pub fn first(&self) -> Trigger {
        self.triggers[0].1
    }

    /// Whether a trigger of the frame says `t`.
    pub fn has(&self, t: Trigger) -> bool {
        self.triggers.iter().any(|(_, x)| *x == t)
    }
}

/// Words for what is sent that is no force: a message, a delegation, a statement
/// (normalised text).
fn message(word: &str) -> bool {
    let w = word.strip_prefix("ال").unwrap_or(word);
    [
        "رساله",
        "رسائل",
        "وفد",
        "برقيه",
        "مذكره",
        "دعوه",
        "تحيه",
        "شكوى",
        "طلب",
    ]
    .iter()
    .any(|m| w.starts_with(m))
}

/// Words for a part or a number of something, which an adjective may follow before "من"
/// ("جزءاً كبيراً من"، "عدداً كبيراً من"; normalised text).
fn counted_part(word: &str) -> bool {
    matches!(word, "جزءا" | "جزء" | "عددا" | "عدد" | "قسما" | "قسم")
}

/// Whether the verb of joining at `i` (لحق، التحق، انضم) has whom it joins in the two words
/// after it ("لحقت بالرتل"، "التحق آخرون بزملائهم"، "انضموا إلى القوات"), not damage ("لحقت أضرار بالقاعدة"), a subject
/// ("انضمت سوريا إلى") or an alliance joined ("انضمت إلى التحالف").
fn joins(words: &[Word], i: usize) -> bool {
    let not_joined = ["ضرر", "اضرار", "خسائر", "دمار", "تحالف"];
    let near = words.iter().skip(i + 1).take(3);
    let joined = (i + 1..i + 3)
        .filter_map(|j| words.get(j))
        .any(|w| w.token.text.starts_with('ب') || matches!(w.token.text, "الي" | "الى"));
    joined
        && !near
            .clone()
            .any(|w| not_joined.iter().any(|d| w.token.text.contains(d)))
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

impl Reader<'_> {
    /// Splits a sentence into frames at triggers of another class, frame breaks (كما، فيما،
    /// بالإضافة إلى) and weapons moving (صواريخ انطلقت: not troops).
    pub(super) fn frames(&self, range: Range<usize>) -> SmallVec<[Frame; 2]> {
        let words = self.words;
        let mut frames: SmallVec<[Frame; 2]> = SmallVec::new();
        let mut broke = false;
        let mut names_from = range.start;
        let mut speaker_from = None;
        for i in range.clone() {
            let w = &words[i];
            // "قالت مصادر محلية في بلدة X إن رتلاً ...": where the sources speak from, before
            // "that", is no place of what they report.
            if frames.is_empty() && self.reported_from(names_from, i) {
                speaker_from.get_or_insert(names_from);
                names_from = i + 1;
                continue;
            }
            // Breaks, purposes and triggers are all meanings: most words have none.
            if !w.means_something() || w.continued && w.mention.is_none() {
                continue;
            }
            if w.has(Lex::FrameBreak) {
                broke = true;
            }
            // "، وانسحاب ...": a comma and a conjunction glued to a trigger start a new clause;
            // so does a comma before a finite verb ("مع الانسحاب من X، دخل رتل ...").
            if i > range.start
                && words[i - 1].token.text == "،"
                && w.trigger().is_some_and(Trigger::is_movement)
                && !reading::passing(w)
                && (w.glue.starts_with('و') || w.glue.is_empty() && finite_verb(w.token.text))
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
            // "وتابع المصدر"، "واصلت القوات القصف": going on with no way is no motion.
            if reading::going_on_verb(w.token.text) && !reading::goes_on(words, i) {
                continue;
            }
            // "لحقت بالرتل": joining someone, "ب" right after; "لحقت أضرار بالقاعدة": damage.
            if reading::joining_verb(w.token.text) && !joins(words, i) {
                continue;
            }
            // "ما تبقى من عناصرها": what remains, not forces remaining somewhere.
            if t == Trigger::Remain && i > range.start && words[i - 1].token.text == "ما" {
                continue;
            }
            // "نقلت الصحيفة عن مصادر": reported speech, not a transfer; "نقل جزء من قواتها"،
            // "نقل عدداً كبيراً من الآليات" (a part or a number of something, "من" after it,
            // past an adjective) is one.
            let of = |j: usize| words.get(j).is_some_and(|n| n.token.text == "من");
            let of_part = |j: usize| {
                of(j + 1) || of(j + 2) && counted_part(words[j].token.text.trim_start_matches('و'))
            };
            if t == Trigger::Move
                && w.token.text.contains("نقل")
                && (i + 1..(i + 4).min(range.end)).any(|j| {
                    words[j].has(Lex::Source) && !of_part(j) || words[j].token.text == "عن"
                })
            {
                continue;
            }
            // "أرسلت الوزارة رسالة إلى واشنطن": a message sent, not a force.
            // "وصلت رسالة من واشنطن": a message arrived.
            if matches!(t, Trigger::Move | Trigger::Arrive)
                && (i + 1..(i + 4).min(range.end)).any(|j| message(words[j].token.text))
            {
                // Its words, up to the next verb, belong to no frame.
                names_from = (i + 1..range.end)
                    .find(|&j| words[j].trigger().is_some())
                    .unwrap_or(range.end);
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
                let (names_from, speaker_from) = if frames.is_empty() {
                    (names_from, speaker_from)
                } else {
                    (i, None)
                };
                frames.push(Frame {
                    triggers: smallvec![(i, t)],
                    range: i..range.end,
                    names_from,
                    speaker_from,
                    purpose_at: None,
                });
            }
            broke = false;
        }
        frames
    }

    /// Whether the word at `i` is the "that" (أن، إن، بأن) of reported speech after a
    /// speaker (مصادر، مراسل، شهود) named since `from`.
    fn reported_from(&self, from: usize, i: usize) -> bool {
        let words = self.words;
        matches!(
            words[i].token.text,
            "ان" | "بان" | "انه" | "بانه" | "انها" | "بانها"
        ) && (from..i).any(|j| words[j].has(Lex::Source))
    }

    /// Whether a frame's verb is asked for, demanded, aimed at or set as a condition, not told:
    /// a word of calling, demanding, pressing, hastening or condition within the four words
    /// before it ("دعا إلى سحب", "تطالب بانسحاب", "للإسراع بجدولة انسحاب", "إذا لم تنسحب"),
    /// or "whether" ("إن كانوا سيعودون").
    pub(super) fn demanded(&self, frame: &Frame, sentence: &Range<usize>) -> bool {
        let words = self.words;
        let t = frame.triggers[0].0;
        (t.saturating_sub(4).max(sentence.start)..t).any(|j| {
            let t = words[j].token.text;
            // "لا نعرف إن كانوا سيعودون إليها": whether it happens is not known.
            if t == "ان" && words[j + 1].token.text.starts_with("كان") {
                return true;
            }
            // "للإسراع" is ل + الإسراع.
            let w = t
                .strip_prefix("لل")
                .unwrap_or_else(|| crate::arabic::strip_glue(t, 2));
            let w = w.strip_prefix("ال").unwrap_or(w);
            [
                "دعا",
                "دعت",
                "يدعو",
                "تدعو",
                "دعوه",
                "طالب",
                "طالبت",
                "يطالب",
                "تطالب",
                "مطالبه",
                "اذا",
                "لو",
                "هدد",
                "هددت",
                "يهدد",
                "تهدد",
                "يهدف",
                "تهدف",
                "ضغط",
                "اسراع",
                "تسريع",
            ]
            .contains(&w)
        })
    }

    /// Whether the word at `i` comes right after "ثم", "بعدما" or "قبل أن / بعد أن": a
    /// clause of its own, the next step of a story.
    pub(super) fn after_sequencer(&self, i: usize, start: usize) -> bool {
        let words = self.words;
        let Some(p) = reading::previous_word(words, i, start) else {
            return false;
        };
        match words[p].token.text {
            "ثم" | "بعدما" | "وبعدما" | "then" => true,
            "ان" => reading::previous_word(words, p, start).is_some_and(|q| {
                matches!(
                    words[q].token.text,
                    "قبل" | "بعد" | "وقبل" | "وبعد" | "علي" | "وعلي"
                )
            }),
            _ => false,
        }
    }

    /// Whether weapons (صواريخ، قذائف) are the subject just before the word at `i`.
    pub(super) fn weapons_near(&self, i: usize, range: &Range<usize>) -> bool {
        let lo = i.saturating_sub(4).max(range.start);
        (lo..i).any(|j| self.words[j].has(Lex::Weapon))
    }

    /// Whether frame `next`, told right after the movement `frame`, is a relative clause of
    /// staying that describes a place noun (`Some(true)`: "نحو القاعدة التي تتمركز فيها") or
    /// the force (`Some(false)`: "الجنود الذين كانوا يرابطون في أربيل").
    pub(super) fn relative(&self, next: &Frame, frame: &Frame) -> Option<bool> {
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

    /// What the text says of a frame: planned, under way, denied or reported.
    pub(super) fn status(&self, frame: &Frame, sentence: &Range<usize>, denied: bool) -> Status {
        if denied {
            return Status::Denied;
        }
        let words = self.words;
        // Cues in the few words before each trigger, and on the triggers themselves (سـ).
        let mut planned = false;
        let mut progress = false;
        for &(t, _) in &frame.triggers {
            // The few words before it, past a date, with room for a subject and a time of
            // day between: "بدأت القوات الأمريكية صباح اليوم الخميس سحب".
            let cues = (sentence.start..t)
                .rev()
                .filter(|&j| !words[j].in_date)
                .take(4)
                .chain([t]);
            for j in cues {
                planned |= words[j].has(Lex::Planned);
                progress |= words[j].has(Lex::InProgress);
            }
            // "لم تنسحب القوات", "لا تنوي سحب قواتها", "لم يتم حتى الآن سحب", "لا ينوي على
            // الإطلاق سحب": said not to happen.
            if self.negated(t, sentence.start) {
                return Status::Denied;
            }
            // "تمهيداً لتسليم القاعدة": what a step prepares for is still to come (a verb after
            // the purpose within a frame begun before it is the frame's next leg).
            planned |= t == frame.triggers[0].0
                && reading::previous_word(words, t, sentence.start)
                    .is_some_and(|p| words[p].has(Lex::Purpose));
            // "على أن تنقل قواتها": a condition agreed, still to come.
            planned |= t >= sentence.start + 2
                && words[t - 1].token.text == "ان"
                && matches!(words[t - 2].token.text, "علي" | "وعلي");
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

    /// Whether a negation stands before the trigger at `t`, with only an intention (ينوي),
    /// the auxiliary of the passive (يتم) or an adverb of time or degree (حتى الآن، على الإطلاق،
    /// بعد) between: "لم تنسحب", "لا ينوي على الإطلاق سحب", "لم يتم حتى الآن سحب".
    fn negated(&self, t: usize, start: usize) -> bool {
        let words = self.words;
        let negation = |w: &str| {
            let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
            matches!(w, "لم" | "لن" | "لا")
        };
        let between = |j: usize| {
            let w = words[j].token.text;
            words[j].has(Lex::Planned)
                || words[j].is_punct() && matches!(w, "\"" | "«" | "»")
                || matches!(
                    w.strip_prefix("ال").unwrap_or(w),
                    "يتم"
                        | "تتم"
                        | "حتي"
                        | "ان"
                        | "بعد"
                        | "علي"
                        | "اطلاق"
                        | "ابدا"
                        | "مطلقا"
                        | "قط"
                )
        };
        let mut j = t;
        for _ in 0..5 {
            if j == start {
                return false;
            }
            j -= 1;
            if negation(words[j].token.text) {
                return true;
            }
            if !between(j) {
                return false;
            }
        }
        false
    }

    /// The frame's date: the last date expression inside it that names a day or a month, else
    /// the nearest in the sentence.
    pub(super) fn date(
        &self,
        frame: &Frame,
        sentence: &Range<usize>,
    ) -> (Option<Ymd>, Option<Arc<str>>) {
        let inside =
            |d: &&DateMention| d.tokens.start >= sentence.start && d.tokens.end <= sentence.end;
        let dates = self.sentence_dates(sentence);
        let in_frame = dates
            .iter()
            .filter(inside)
            .filter(|d| d.tokens.start >= frame.range.start && d.tokens.start < frame.range.end)
            .rfind(|d| d.date.is_some() || d.month.is_some());
        let first = frame.triggers[0].0;
        // Else the nearest one that is not inside a later frame of the sentence.
        let chosen = in_frame.or_else(|| {
            dates
                .iter()
                .filter(inside)
                .filter(|d| d.tokens.start < frame.range.end)
                .filter(|d| d.date.is_some() || d.month.is_some() || d.year.is_none())
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

    /// The date expressions that start in the words `sentence` (they come in text order).
    fn sentence_dates(&self, sentence: &Range<usize>) -> &[DateMention] {
        let from = self
            .dates
            .partition_point(|d| d.tokens.start < sentence.start);
        let to = self
            .dates
            .partition_point(|d| d.tokens.start < sentence.end);
        &self.dates[from..to]
    }

    /// A year stated in the sentence ("في عام 2003"), for telling background from news.
    pub(super) fn background_year(&self, sentence: Range<usize>) -> Option<i32> {
        self.sentence_dates(&sentence)
            .iter()
            .filter(|d| d.tokens.start >= sentence.start && d.tokens.end <= sentence.end)
            .filter_map(|d| d.year)
            .min()
    }
}
