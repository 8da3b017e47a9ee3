//! A sentence read word by word: which words are triggers, counts, actors and cues, and what
//! role each place name plays (origin, destination, waypoint, location, or a locator of another
//! name), found from the words written before it.

use super::lexicon::{lexicon, Form, Lex, Meanings, Qualifier, Role, Trigger};
use crate::arabic::Token;

/// A word token with its meanings.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub token: Token<'a>,
    /// Meanings of the word (or of the phrase it starts) as listed; only those of a kind in
    /// `kinds` hold.
    lex: &'static [Lex],
    /// The [`Lex::kind_bit`]s of the meanings that hold: those of `lex` less the readings the
    /// context rules out, and [`Lex::Planned`] for a verb with the future prefix.
    kinds: u64,
    /// The proclitic glued to the front of the word (و، ب، ل، س...).
    pub glue: &'a str,
    /// Index of the place mention that starts in this word.
    pub mention: Option<usize>,
    /// The word belongs to a mention or a phrase that started earlier.
    pub continued: bool,
    /// The word is part of a date expression.
    pub in_date: bool,
}

impl Word<'_> {
    /// Meanings of the word (or of the phrase it starts) that hold, as listed.
    pub fn lex(&self) -> impl Iterator<Item = Lex> + '_ {
        self.lex
            .iter()
            .copied()
            .filter(|l| self.kinds & l.kind_bit() != 0)
    }

    /// Whether the word has any meaning at all.
    pub fn means_something(&self) -> bool {
        self.kinds != 0
    }

    pub fn has(&self, lex: Lex) -> bool {
        // A kind that holds nothing is the meaning itself.
        self.kinds & lex.kind_bit() != 0 && (!lex.holds_value() || self.lex.contains(&lex))
    }

    fn set_meanings(&mut self, meanings: &'static Meanings) {
        self.lex = meanings.lex();
        self.kinds = meanings.kinds();
    }

    /// Whether the word has a meaning of the kind of `lex` (whatever it holds).
    fn has_kind(&self, lex: Lex) -> bool {
        self.kinds & lex.kind_bit() != 0
    }

    pub fn trigger(&self) -> Option<Trigger> {
        if !self.has_kind(Lex::Trigger(Trigger::Withdraw)) {
            return None;
        }
        self.lex.iter().find_map(|l| match l {
            Lex::Trigger(t) => Some(*t),
            _ => None,
        })
    }

    pub fn role(&self) -> Option<Role> {
        if !self.has_kind(Lex::Role(Role::Origin)) {
            return None;
        }
        self.lex.iter().find_map(|l| match l {
            Lex::Role(r) => Some(*r),
            _ => None,
        })
    }

    pub fn nation(&self) -> Option<u8> {
        if !self.has_kind(Lex::Nation(0)) {
            return None;
        }
        self.lex.iter().find_map(|l| match l {
            Lex::Nation(n) => Some(*n),
            _ => None,
        })
    }

    pub fn is_punct(&self) -> bool {
        !self.token.is_word
    }
}

/// Reads the tokens of a document into words with meanings. `mention_spans` gives, for each
/// mention in text order, the normalised bytes where it starts and ends.
pub fn read<'a>(
    tokens: impl IntoIterator<Item = Token<'a>>,
    mention_spans: &[(usize, usize)],
) -> Vec<Word<'a>> {
    let lex = lexicon();
    let mut words: Vec<Word<'a>> = tokens
        .into_iter()
        .map(|token| Word {
            token,
            lex: &[],
            kinds: 0,
            glue: "",
            mention: None,
            continued: false,
            in_date: false,
        })
        .collect();
    // Mentions: the word that holds a mention's start, and the words inside it. Mentions come
    // in text order, so one walk along the words finds them all.
    debug_assert!(mention_spans.windows(2).all(|m| m[0].0 <= m[1].0));
    let mut first = 0;
    for (mi, &(start, end)) in mention_spans.iter().enumerate() {
        while first < words.len() && words[first].token.norm.1 <= start {
            first += 1;
        }
        if first >= words.len() {
            continue;
        }
        words[first].mention = Some(mi);
        let tok = words[first].token;
        words[first].glue = &tok.text[..start.saturating_sub(tok.norm.0).min(tok.text.len())];
        for w in words[first + 1..].iter_mut() {
            if w.token.norm.0 >= end {
                break;
            }
            w.continued = true;
        }
    }
    // Meanings: phrases first (longest), then single words.
    let texts: Vec<&str> = words.iter().map(|w| w.token.text).collect();
    let mut i = 0;
    while i < words.len() {
        if words[i].is_punct() || words[i].mention.is_some() || words[i].continued {
            i += 1;
            continue;
        }
        let form = lex.form(texts[i]);
        if form.is_some_and(Form::starts_phrase) {
            // A phrase may not run into punctuation or a place name, and is a few words long.
            let limit = (i + lex.longest_phrase()).min(words.len());
            let run_end = (i + 1..limit)
                .find(|&j| words[j].is_punct() || words[j].mention.is_some())
                .unwrap_or(limit);
            if let Some((n, l)) = lex.phrase_of(form, &texts[i..run_end]) {
                words[i].set_meanings(l);
                for w in &mut words[i + 1..i + n] {
                    w.continued = true;
                }
                i += n;
                continue;
            }
        }
        let (l, glue) = lex.meanings_of(form, texts[i]);
        if glue.ends_with('س') {
            // Only a verb takes the future prefix; anything else was a word that starts with س.
            if l.kinds() & Lex::Trigger(Trigger::Withdraw).kind_bit() != 0 {
                words[i].set_meanings(l);
                words[i].kinds |= Lex::Planned.kind_bit();
                words[i].glue = glue;
            }
        } else {
            words[i].set_meanings(l);
            words[i].glue = glue;
        }
        i += 1;
    }
    // "وجهة نظر": a point of view, not where anyone goes.
    for i in 0..words.len().saturating_sub(1) {
        if words[i].token.text.contains("وجه") && words[i + 1].token.text == "نظر" {
            words[i].kinds &= !Lex::Trigger(Trigger::Arrive).kind_bit();
        }
    }
    // "يبلغ عدد أفرادها", "البالغ عددهم 35": a number amounts to, no one arrives.
    for i in 0..words.len() {
        if words[i].trigger() == Some(Trigger::Arrive)
            && words[i].token.text.contains("بلغ")
            && words[i + 1..(i + 3).min(words.len())].iter().any(is_count)
        {
            words[i].kinds &= !Lex::Trigger(Trigger::Arrive).kind_bit();
        }
    }
    // "رفعت الشرطة الروسية علمها فوق مبنى": raising a flag over a place is holding it; raising
    // anything else (رفع الحصار، رفع الجاهزية) is not.
    for i in 0..words.len() {
        let raise = crate::arabic::strip_glue(words[i].token.text, 2).starts_with("رفع")
            || words[i].token.text.starts_with("يرفع")
            || words[i].token.text.starts_with("ترفع");
        if words[i].trigger() != Some(Trigger::Remain) || !raise {
            continue;
        }
        let flag = words[i + 1..(i + 5).min(words.len())].iter().any(|w| {
            let t = w.token.text.strip_prefix("ال").unwrap_or(w.token.text);
            t.starts_with("علم") || t.starts_with("اعلام")
        });
        if !flag {
            words[i].kinds &= !Lex::Trigger(Trigger::Remain).kind_bit();
        }
    }
    // "نشرت روسيا مروحيات", "نشرت القوات الأمريكية 500 جندي": deploying a force or what it
    // has, past a subject of one word; "نشرت الوكالة تقريرا" publishes.
    for i in 0..words.len() {
        if words[i].trigger() == Some(Trigger::Remain)
            && is_deploying(words[i].token.text)
            && !deploys_a_force(&words[i + 1..(i + 6).min(words.len())])
        {
            words[i].kinds &= !Lex::Trigger(Trigger::Remain).kind_bit();
        }
    }
    // "تعود إلى طيران الجيش العراقي": the helicopters belong to a force, they go nowhere.
    for i in 0..words.len() {
        let back = words[i].token.text.contains("عود") || words[i].token.text.contains("عاد");
        if words[i].trigger() != Some(Trigger::Arrive) || !back {
            continue;
        }
        let to = words
            .get(i + 1)
            .filter(|w| w.role() == Some(Role::Destination));
        let owner = |w: &Word| {
            w.mention.is_none()
                && (w.has_kind(Lex::Nation(0)) || w.has(Lex::Force) || w.has(Lex::Coalition))
        };
        if to.is_some() && words[i + 2..(i + 4).min(words.len())].iter().any(owner) {
            words[i].kinds &= !Lex::Trigger(Trigger::Arrive).kind_bit();
        }
    }
    // "أنهت القوات وجودها في", "إنهاء مهمة التحالف": ending is leaving only when what ends is
    // a presence or a mission, not a visit or a meeting.
    // The place where the presence was ("وجودها في القاعدة") is the place left.
    for i in 0..words.len() {
        if words[i].trigger() != Some(Trigger::Withdraw) || !is_ending(&words[i]) {
            continue;
        }
        // The subject and a time may stand between: "أنهت القوات الإسبانية اليوم وجودها".
        let end = (i + 6).min(words.len());
        match (i + 1..end).find(|&k| is_presence(&words[k])) {
            Some(k) => {
                words[k].kinds |= Lex::EndPresence.kind_bit();
                if let Some(next) = words.get_mut(k + 1) {
                    if next.role() == Some(Role::Location) {
                        next.kinds |= Lex::EndPresence.kind_bit();
                    }
                }
            }
            None => words[i].kinds &= !Lex::Trigger(Trigger::Withdraw).kind_bit(),
        }
    }
    // "أعادت القوات الأمريكية تموضعها", "إعادة انتشار": restoring is redeploying only when a
    // noun of placing follows (the subject may stand between); "أعاد فتح الطريق" is not.
    // The noun of placing is part of the verb then, no presence of its own.
    for i in 0..words.len() {
        if words[i].trigger() != Some(Trigger::Redeploy) || !is_restoring(&words[i]) {
            continue;
        }
        match (i + 1..(i + 5).min(words.len())).find(|&k| is_placing(&words[k])) {
            Some(k) => {
                words[k].kinds = 0;
                // Right after the verb it is one phrase with it (إعادة انتشار).
                words[k].continued = k == i + 1;
            }
            None => words[i].kinds &= !Lex::Trigger(Trigger::Redeploy).kind_bit(),
        }
    }
    // "نحو" before a number is "about"; before anything else "toward".
    for i in 0..words.len() {
        if words[i].has(Lex::Role(Role::Destination))
            && words[i].has(Lex::Qualify(Qualifier::About))
        {
            let next_is_count = words.get(i + 1).is_some_and(|w| {
                w.token.text.bytes().all(|b| b.is_ascii_digit())
                    || w.has_kind(Lex::Number(0))
                    || w.has_kind(Lex::Qualify(Qualifier::Exact))
            });
            let ruled_out = if next_is_count {
                Lex::Role(Role::Origin)
            } else {
                Lex::Qualify(Qualifier::Exact)
            };
            words[i].kinds &= !ruled_out.kind_bit();
        }
    }
    words
}

/// Whether a word is a verb of deploying (نشرت، ينشر), normalised.
pub fn is_deploying(word: &str) -> bool {
    let t = crate::arabic::strip_glue(word, 2);
    let t = t.strip_prefix('س').filter(|r| r.len() > 4).unwrap_or(t);
    ["نشر", "نشرت", "ينشر", "تنشر", "نشروا"].contains(&t)
}

/// Whether the words after a verb of deploying name a force or what a force has before a
/// second word that is none of a name, a nationality or a count: the verb's subject may stand
/// first ("نشرت روسيا مروحيات"), and anything else deployed is no force ("نشرت الوكالة تقريرا").
fn deploys_a_force(after: &[Word]) -> bool {
    let mut others = 0;
    for w in after {
        if w.has(Lex::Force) || w.has(Lex::Personnel) || w.has(Lex::Vehicles) || w.has(Lex::Cargo) {
            return true;
        }
        let counts = w.has_kind(Lex::Qualify(Qualifier::Exact))
            || w.has_kind(Lex::Number(0))
            || !w.token.text.is_empty() && w.token.text.bytes().all(|b| b.is_ascii_digit());
        let said = w.mention.is_some() || w.continued || w.has_kind(Lex::Nation(0)) || counts;
        if !said {
            others += 1;
            if others > 1 {
                return false;
            }
        }
    }
    false
}

/// Whether a word is a verb of ending (أنهت، ينهي، إنهاء), normalised.
fn is_ending(w: &Word) -> bool {
    let t = crate::arabic::strip_glue(w.token.text, 2);
    ["انهت", "انهي", "انهى", "انهوا", "ينهي", "تنهي", "انهاء"].contains(&t)
}

/// Whether a word is a verb of restoring (أعاد، تعيد، أُعيد، إعادة), normalised.
fn is_restoring(w: &Word) -> bool {
    let t = crate::arabic::strip_glue(w.token.text, 2);
    [
        "اعاد",
        "اعادت",
        "اعادوا",
        "يعيد",
        "تعيد",
        "يعيدون",
        "نعيد",
        "اعاده",
        "اعيد",
        "اعيدت",
        "يعاد",
        "تعاد",
        "سيعاد",
        "ستعاد",
    ]
    .contains(&t)
}

/// Whether a word is a noun of placing forces (تموضع، انتشار، تمركز، نشر، توزيع), with or without
/// a pronoun (تموضعها), normalised.
fn is_placing(w: &Word) -> bool {
    let t = w.token.text;
    let t = t.strip_prefix("ال").unwrap_or(t);
    ["تموضع", "انتشار", "تمركز", "نشر", "تموقع", "توزيع"]
        .iter()
        .any(|n| {
            t.strip_prefix(n)
                .is_some_and(|s| ["", "ها", "ه", "هم"].contains(&s))
        })
}

/// Whether a word names a presence or a mission (وجودها، تواجد، مهمتها، انتشار), normalised.
fn is_presence(w: &Word) -> bool {
    // "وجود" starts with و, so the word is tried as written and without a proclitic.
    let text = w.token.text;
    [text, crate::arabic::strip_glue(text, 2)].iter().any(|t| {
        let t = t.strip_prefix("ال").unwrap_or(t);
        ["وجود", "تواجد", "مهمه", "مهمت", "مهام", "انتشار"]
            .iter()
            .any(|p| t.starts_with(p))
    })
}

/// Words after which "إلى" points at a topic or an aim, not a place gone to (normalised).
fn not_a_way(word: &str) -> bool {
    let w = crate::arabic::strip_glue(word, 3);
    [
        "اشار",
        "نسب",
        "ينسب",
        "عزا",
        "يشير",
        "تشير",
        "لفت",
        "يلفت",
        "دعا",
        "دعت",
        "يدعو",
        "تدعو",
        "الداعي",
        "الداعيه",
        "الرامي",
        "الراميه",
        "يرمي",
        "يهدف",
        "تهدف",
        "بالنسبه",
        "نوه",
        "تطرق",
        "استنادا",
        "نظرا",
        "اضافه",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

/// Whether a name begins with the noun of a site (قاعدة، مطار، معبر...): no force is titled
/// after one (normalised text).
fn names_a_site(word: &str) -> bool {
    let w = crate::arabic::strip_glue(word, 1);
    [
        "قاعد",
        "مطار",
        "معبر",
        "معسكر",
        "منفذ",
        "حقل",
        "مخيم",
        "حامي",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

/// Whether a word states a count: "عدد", a number, "نحو" or "قرابة".
fn is_count(w: &Word) -> bool {
    w.token.text.contains("عدد")
        || !w.token.text.is_empty() && w.token.text.bytes().all(|b| b.is_ascii_digit())
        || w.has_kind(Lex::Number(0))
        || w.has_kind(Lex::Qualify(Qualifier::Exact))
}

/// The role a place name plays, read from the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceRole {
    Origin,
    /// قادمة من: where it came from before the origin.
    EarlierOrigin,
    Destination,
    Via,
    /// الواصل إلى / بين: the way continues to it.
    PathNext,
    /// PathNext introduced by "بين" (between X and Y): the far end is the last one.
    PathBetween,
    /// المتمركزة في: where the subject is stationed.
    Stationed,
    /// Direct object of a trigger (أخلت قاعدة X، استهداف X، تسلم X), with or without في.
    Object(Trigger),
    /// في X, with no other role.
    Location,
    /// قرب X.
    Near,
    /// It locates the name before it (X في ريف Y): not an endpoint.
    Locator,
    /// و + X: the role of the previous name.
    Coordinated,
    /// No preposition or verb before it: a subject, or an actor ("أكد كرواتيا").
    Bare,
}

/// The verb of leaving whose object is a base noun that the place at `k` locates: "أخلت
/// القوات الأمريكية اليوم قاعدتها في بلدة X" left a base in X, so X is the verb's object.
pub fn base_left_in(words: &[Word], k: usize, sentence_start: usize) -> Option<Trigger> {
    let at = previous_word(words, k, sentence_start)?;
    let base = previous_word(words, at, sentence_start)?;
    if words[at].role() != Some(Role::Location)
        || !words[base].has(Lex::PlaceNoun)
        || words[base].mention.is_some()
    {
        return None;
    }
    let verb = (base.saturating_sub(6).max(sentence_start)..base)
        .rev()
        .find_map(|j| words[j].trigger())?;
    verb.object_is_origin().then_some(verb)
}

/// Whether a word is the verb of passing (مرّ، تمر), normalised.
pub(super) fn passing(w: &Word) -> bool {
    let t = crate::arabic::strip_glue(w.token.text, 2);
    ["مر", "مرت", "مروا", "يمر", "تمر", "يمرون"].contains(&t)
}

/// Whether the word at `i` is a verb of going on one's way (أكمل، واصل، تابع) with the way
/// after it, past a subject and its count but no comma or "that" ("ليتابع طريقه"، "وواصل
/// الرتل سيره"، "ليتابع جزء منه قوامه 20 شاحنة طريقه"); without it, "تابع" and "واصل" are
/// "added" and "kept on".
pub(super) fn goes_on(words: &[Word], i: usize) -> bool {
    let verb = words[i].token.text;
    let way = |w: &Word| {
        ["طريق", "سير", "مسير", "تقدم"]
            .iter()
            .any(|x| w.token.text.starts_with(x))
    };
    let clause = words.iter().skip(i + 1).take(7);
    let mut clause = clause.take_while(|w| !w.is_punct() && !w.token.text.starts_with("ان"));
    going_on_verb(verb) && clause.any(way)
}

/// Whether a word is a form of a verb of going on (أكمل، واصل، تابع), normalised.
pub(super) fn going_on_verb(word: &str) -> bool {
    ["كمل", "واصل", "تابع"].iter().any(|v| word.contains(v))
}

/// Whether a word is a form of a verb of joining others (انضم، التحق، لحق), normalised.
pub(super) fn joining_verb(word: &str) -> bool {
    ["نضم", "لحق"].iter().any(|v| word.contains(v))
}

/// Whether a word before "ل" + name makes an area of the name: countryside, a direction
/// ("الريف الشمالي ل") or a word of facing or bordering ("المنطقة المقابلة ل", "المحاذية ل").
fn area_of(w: &Word) -> bool {
    let t = w.token.text;
    let sides = [
        "الشمالي",
        "الجنوبي",
        "الشرقي",
        "الغربي",
        "المقابل",
        "المحاذي",
        "المجاور",
    ];
    w.has(Lex::Countryside) || w.has(Lex::Direction) || sides.iter().any(|s| t.starts_with(s))
}

/// The unnamed place noun a relative pronoun at `j` describes, within three words before it
/// ("القاعدة غير الشرعية التي"), if that is what it describes.
fn place_noun_before(words: &[Word], j: usize, sentence_start: usize) -> Option<usize> {
    (j.saturating_sub(3).max(sentence_start)..j)
        .rev()
        .take_while(|&b| words[b].mention.is_none() && !words[b].is_punct())
        .find(|&b| words[b].has(Lex::PlaceNoun) || words[b].has(Lex::Anaphor))
}

/// The role of the mention starting at word `k`, and whether it is only "near" the place
/// (ريف، قرب، شمال شرق...).
pub fn role_of(words: &[Word], k: usize, sentence_start: usize) -> (PlaceRole, bool) {
    // "إيلاف من لندن:": a dateline or a label, not a place in the story.
    let after = (k + 1..words.len()).find(|&j| !words[j].continued || words[j].mention.is_some());
    if after.is_some_and(|j| words[j].token.text == ":") {
        return (PlaceRole::Locator, false);
    }
    let glue = words[k].glue;
    let mut near = glue.ends_with('ل');
    let mut located = glue.ends_with('ب');
    // ل + name: after a verb of motion "to"; otherwise "of" (مقر لقوات X). An area of the
    // name ("إلى الريف الشمالي لمدينة X"، "باتجاه المنطقة المقابلة لمخيم X") is near it and
    // takes the role the words before the area give.
    let prev = previous_word(words, k, sentence_start);
    let of_area = prev.is_some_and(|j| area_of(&words[j]));
    if glue.ends_with('ل') && !of_area {
        return match prev.and_then(|j| words[j].trigger()) {
            Some(t) if t.is_movement() => (PlaceRole::Destination, false),
            _ => (PlaceRole::Locator, false),
        };
    }
    // و + name, or "ثم" before it: the same role as the name before.
    let then = k > sentence_start && matches!(words[k - 1].token.text, "ثم" | "and" | "then");
    let coordinated = (glue.starts_with('و') || then) && !located;
    let mut steps = 0;
    let mut forces_between = false;
    let mut j = k;
    while j > sentence_start && steps < 8 {
        j -= 1;
        let w = &words[j];
        if w.continued && w.mention.is_none() {
            // Inside a phrase or a name: the phrase's meaning sits on its first word.
            continue;
        }
        if w.is_punct() {
            match w.token.text {
                "(" | ")" | "\"" | "/" => continue,
                // "بلغت قوات أميركية، أمس الأحد، معبر التنف": a date between commas is an aside.
                "،" | "," if j > sentence_start && words[j - 1].in_date => {
                    while j > sentence_start && words[j - 1].in_date {
                        j -= 1;
                    }
                    if j > sentence_start && matches!(words[j - 1].token.text, "،" | ",") {
                        j -= 1;
                    }
                    continue;
                }
                _ => break,
            }
        }
        if w.in_date {
            break;
        }
        // "يمر بمدينة حديثة ثم بيجي": "then" joins the name to the one before, no word between.
        if then && j + 1 == k {
            continue;
        }
        // "في أعقاب الاتفاق الذي توصلت إليه تركيا": a name inside a relative clause takes no
        // role from the words before the relative pronoun, unless the clause says where an
        // unnamed place is ("انطلق من القاعدة التي أقامتها القوات في X"): then the name stands
        // for the place and takes its role.
        if matches!(
            w.token.text,
            "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان"
        ) {
            match place_noun_before(words, j, sentence_start) {
                Some(noun) => {
                    (j, steps) = (noun, 0);
                    continue;
                }
                None => break,
            }
        }
        steps += 1;
        // "في مدينة دير الزور وبلدتي الميادين": و on the head noun joins the name to the list.
        if steps == 1 && w.mention.is_none() && w.glue.starts_with('و') && w.has(Lex::PlaceNoun) {
            return (PlaceRole::Coordinated, near);
        }
        // "إخلاء قاعدة X ومقر قيادة التحالف في Y": the name places a noun listed after the one
        // before, and takes its role.
        if located && w.mention.is_none() && w.glue.starts_with('و') && w.has(Lex::PlaceNoun) {
            return (PlaceRole::Coordinated, near);
        }
        if w.mention.is_some() {
            // "تحتفظ فرنسا بنحو 600 جندي في قاعدة حرير": forces between the two names are
            // what is at this one; the name before does not locate it.
            if forces_between {
                let role = if located {
                    PlaceRole::Location
                } else {
                    PlaceRole::Bare
                };
                return (role, near);
            }
            // Another name before this one with only locator words between: it locates it.
            return if located || near || steps > 1 {
                (PlaceRole::Locator, near)
            } else if coordinated {
                (PlaceRole::Coordinated, near)
            } else {
                (PlaceRole::Locator, near)
            };
        }
        if let Some(t) = w.trigger() {
            // "ومرّ بمدينة X": the place passed on the way.
            if located && passing(w) {
                return (PlaceRole::Via, near);
            }
            return (PlaceRole::Object(t), near);
        }
        forces_between |= w.has(Lex::Force) || w.has(Lex::Personnel) || w.has(Lex::Vehicles);
        if w.has(Lex::EndPresence) {
            return (PlaceRole::Origin, near);
        }
        if w.has(Lex::Stationed) {
            return (PlaceRole::Stationed, near);
        }
        if w.has(Lex::Locator) {
            return (PlaceRole::Locator, near);
        }
        if w.has(Lex::PathNext) {
            return (PlaceRole::PathNext, near);
        }
        if w.has(Lex::Countryside) || w.has(Lex::Direction) {
            near = true;
            continue;
        }
        if let Some(role) = w.role() {
            let before = previous_word(words, j, sentence_start).map(|b| &words[b]);
            match role {
                Role::Location => {
                    located = true;
                    continue;
                }
                Role::Near => {
                    near = true;
                    located = true;
                    continue;
                }
                Role::Origin => {
                    // "يقابله من الجهة العراقية معبر الوليد": on which side, not from where.
                    let side = words.get(j + 1).is_some_and(|w| {
                        matches!(w.token.text, "الجهه" | "جهه" | "جهته" | "جهتها")
                    });
                    if side {
                        return (PlaceRole::Locator, near);
                    }
                    // "من هذا الشهر", "من تواجدها": since, not from a place.
                    let mut a = j + 1;
                    if words
                        .get(a)
                        .is_some_and(|w| matches!(w.token.text, "هذا" | "هذه"))
                    {
                        a += 1;
                    }
                    if words
                        .get(a)
                        .is_some_and(|w| w.mention.is_none() && w.has(Lex::Time))
                    {
                        break;
                    }
                    // "من [noun] في X" is from X only when the noun is a place or a force
                    // ("من مقرات القوات في ريف دير الزور"), or says around it ("من محيط X").
                    if located
                        && !(j + 1..k).any(|b| {
                            words[b].has(Lex::PlaceNoun)
                                || words[b].has(Lex::Anaphor)
                                || words[b].has(Lex::Force)
                                || words[b].has(Lex::Personnel)
                                || words[b].has(Lex::Role(Role::Near))
                        })
                    {
                        // "نقلت ما بحوزتها من معدات في قاعدة X": "of" after "ما", and X is
                        // where the things are put.
                        let partitive = (j.saturating_sub(2).max(sentence_start)..j)
                            .any(|b| words[b].token.text == "ما");
                        let role = if partitive {
                            PlaceRole::Location
                        } else {
                            PlaceRole::Locator
                        };
                        return (role, near);
                    }
                    // "القريبة من", "جزءا من", "رسالة من": not where anything left from.
                    if let Some(b) = before {
                        if b.has(Lex::Role(Role::Near)) || b.token.text.ends_with("قريبه") {
                            near = true;
                            located = true;
                            continue;
                        }
                        if b.has(Lex::Source) {
                            // "إبقاء جزء من قواتها في X": where part of the forces is.
                            let role = if located {
                                PlaceRole::Location
                            } else {
                                PlaceRole::Locator
                            };
                            return (role, near);
                        }
                    }
                    // "قافلة من 40 شاحنة معبر X", "رتل من الآليات": what the convoy is made
                    // of, not where it left; the name is the verb's, further back.
                    if forces_between && words.get(j + 1).is_some_and(counted) {
                        continue;
                    }
                    // "قادمة من": where it came from before.
                    if came(w.token.text) || before.is_some_and(|b| came(b.token.text)) {
                        return (PlaceRole::EarlierOrigin, near);
                    }
                    return (PlaceRole::Origin, near);
                }
                Role::Destination => {
                    // "أخلت قاعدة X إلى جانب قاعدة Y": beside, with, in the role of X.
                    if words.get(j + 1).is_some_and(|n| n.token.text == "جانب") {
                        return (PlaceRole::Coordinated, near);
                    }
                    // "أشار إلى أن القوات في العراق": "that", no way to anywhere; nor after
                    // speech and aims ("أشار إلى الوضع في العراق", "الداعي إلى خروج").
                    // Nor to whom words are attributed ("نسبت الوكالة إلى مصادر في X").
                    if words
                        .get(j + 1)
                        .is_some_and(|n| matches!(n.token.text, "ان" | "انه") || n.has(Lex::Source))
                        || before.is_some_and(|b| not_a_way(b.token.text))
                    {
                        break;
                    }
                    if converted_into(words, j, sentence_start) {
                        break;
                    }
                    if before.is_some_and(|b| b.has(Lex::PathNext)) {
                        return (PlaceRole::PathNext, near);
                    }
                    return (PlaceRole::Destination, near);
                }
                Role::Via => return (PlaceRole::Via, near),
            }
        }
        if w.token.text == "بين" {
            let at = previous_word(words, j, sentence_start);
            let before = at.map(|b| &words[b]);
            if before.is_some_and(|b| b.has(Lex::PathNext)) {
                // "الطريق الدولي الرابط بين الرطبة والرمادي": a road's ends are no waypoints; a
                // crossing "between" two lands leads into the far one.
                let road = at.is_some_and(|b| {
                    (b.saturating_sub(3).max(sentence_start)..b)
                        .any(|r| words[r].token.text.contains("طريق"))
                });
                if road {
                    return (PlaceRole::Locator, near);
                }
                return (PlaceRole::PathBetween, near);
            }
            // "موزعين بين قاعدة عين الأسد وقاعدة حرير": where forces are spread.
            // (An adverb may come between: "موزعين أساساً بين".)
            let spreads = |b: &Word| {
                let t = b.token.text;
                t.contains("موزع") || t.contains("توزع") || b.has(Lex::Stationed)
            };
            let adverb = at
                .and_then(|b| previous_word(words, b, sentence_start))
                .map(|b| &words[b]);
            let spread = before.is_some_and(spreads) || adverb.is_some_and(spreads);
            if spread {
                return (PlaceRole::Stationed, near);
            }
            return (PlaceRole::Locator, near);
        }
        if w.token.text == "مع" || w.token.text == "على" {
            // "سيجتاز الحدود مع العراق": the border crossed leads into the country after it.
            let border = previous_word(words, j, sentence_start)
                .filter(|&b| words[b].token.text.ends_with("حدود"));
            let crossed = border
                .and_then(|b| previous_word(words, b, sentence_start))
                .and_then(|v| words[v].trigger())
                .is_some_and(|t| t == Trigger::Move);
            if w.token.text == "مع" && crossed {
                return (PlaceRole::Destination, near);
            }
            // "على الحدود مع سوريا", "على القاعدة": not a trip's endpoint here.
            return (PlaceRole::Locator, near);
        }
        // "قوات إقليم كردستان": a name inside a force's title; but "سحب قواتها معسكر X" (its
        // forces, the من dropped) goes on to the verb.
        let possessed = ["ها", "ه", "هم", "هما"]
            .iter()
            .any(|s| w.token.text.ends_with(s));
        // "دخلت قوات أمريكية قاعدة حرير", "غادرت القوات قاعدة التنف": a site named after the
        // subject is the verb's object, not part of the force's title.
        let titled = steps == 1 && !names_a_site(words[k].token.text);
        if w.has(Lex::Force) && !located && !possessed && titled {
            // "قوات سوريا", "الجيش العراقي": a name inside a force's title.
            return (PlaceRole::Bare, near);
        }
    }
    let role = if coordinated {
        PlaceRole::Coordinated
    } else if near {
        PlaceRole::Near
    } else if located {
        PlaceRole::Location
    } else {
        PlaceRole::Bare
    };
    (role, near)
}

/// Whether «إلى» at `j` says what something was turned into, not where anything went: a verb
/// of converting at most three words before it, and an unnamed place noun after it
/// ("مطار X الذي حوّله الجيش إلى قاعدة عسكرية في Y": Y locates the base it became).
fn converted_into(words: &[Word], j: usize, sentence_start: usize) -> bool {
    let unnamed_noun = words
        .get(j + 1)
        .is_some_and(|n| n.mention.is_none() && n.has(Lex::PlaceNoun));
    let converting = |w: &Word| {
        let t = crate::arabic::strip_glue(w.token.text, 1);
        // Not the bare preposition حول ("about").
        t != "حول"
            && ["حول", "تحويل", "تحول", "يحول"]
                .iter()
                .any(|v| t.starts_with(v))
    };
    unnamed_noun && (j.saturating_sub(3).max(sentence_start)..j).any(|b| converting(&words[b]))
}

/// Whether a word counts or names what a force is made of: a number (40، أربعين) or a noun of
/// vehicles, troops or forces (شاحنة، الآليات، جندي).
fn counted(w: &Word) -> bool {
    let digits = !w.token.text.is_empty() && w.token.text.bytes().all(|b| b.is_ascii_digit());
    digits
        || w.has_kind(Lex::Number(0))
        || w.has(Lex::Vehicles)
        || w.has(Lex::Personnel)
        || w.has(Lex::Force)
}

/// "قادمة من", "القادم من", "آتياً من": words that say where a force came from
/// before the trip told (normalised text).
fn came(word: &str) -> bool {
    let w = word.strip_prefix("ال").unwrap_or(word);
    ["قادم", "اتي"].iter().any(|p| w.starts_with(p))
}

/// The index of the nearest word before `k` in the sentence (skipping continued words).
pub fn previous_word(words: &[Word], k: usize, sentence_start: usize) -> Option<usize> {
    (sentence_start..k)
        .rev()
        .find(|&j| !(words[j].continued && words[j].mention.is_none()))
}
