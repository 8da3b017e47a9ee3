//! Event frames and events told without one: handovers, attacks and presence at places,
//! with the place a pronoun refers to, the lists a sentence names, and bases of a force.

use std::ops::Range;

use smallvec::SmallVec;

use super::frames::Frame;
use super::lexicon::{self, nation_actor, nation_forces, Lex, Trigger};
use super::reading::{self, PlaceRole};
use super::{Actor, Ctx, Endpoint, Event, EventType, Placed, Reader, Status};
use crate::document::{excerpt, MAX_EXCERPT_BYTES};
use crate::gazetteer::Kind;

/// What a verb of undergoing (تعرض، شهد) says was attacked.
enum Undergoer {
    /// A force, or a name the text gives elsewhere.
    Named,
    /// The name or the anaphor ("القاعدة") at this word, before or after the verb.
    At(usize),
    /// Something the text does not name ("تعرض مواقعهم لهجمات").
    Unnamed,
    /// The bases of a force, at the places named after this word ("تعرضت القواعد الأمريكية
    /// في العراق وسوريا لهجمات"): attacked in each place.
    BasesIn(usize),
}

impl Reader<'_> {
    /// Reads an event frame (handover, attack, presence) into events at its places.
    pub(super) fn event_frame(
        &mut self,
        frame: &Frame,
        placed: &[Placed],
        before: &[Placed],
        ctx: &Ctx,
    ) {
        let g = self.g;
        let first = frame.first();
        let words = self.words;
        let event_type = match first {
            Trigger::HandOver | Trigger::TakeOver => EventType::Handover,
            Trigger::Attack => EventType::Attack,
            _ => EventType::Presence,
        };
        // A presence is of forces: "لا تزال الأوضاع متوترة في الحسكة" tells none. "نشرت روسيا
        // مروحيات في مطار X" deploys what a force has; "نشرت الوكالة تقريرا" publishes.
        let deploys = reading::is_deploying(words[frame.triggers[0].0].token.text);
        if event_type == EventType::Presence && !deploys && !self.names_a_force(&ctx.words) {
            return;
        }
        // The place: a named site in the frame, else one a pronoun or "القاعدة" refers to; a
        // country that acts ("تحتفظ فرنسا بجنود في") is no place of the event.
        let candidates: SmallVec<[&Placed; 8]> = placed
            .iter()
            .filter(|p| !p.party)
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
            .filter(|p| !self.names_an_office(p.word, ctx.words.start))
            .filter(|p| !self.names_a_war(p.word, ctx.words.start))
            .collect();
        let mut candidates = candidates;
        // "نُقل إلى مطار أربيل، حيث تتمركز قيادة التحالف في إقليم كوردستان": where is the
        // place named before it.
        let antecedent = (event_type == EventType::Presence)
            .then(|| self.where_antecedent(frame, before, ctx.words.start))
            .flatten();
        if let Some(p) = antecedent {
            candidates.insert(0, p);
        }
        // "تعرضت القاعدة لقصف", "شهد المعسكر هجومين": the base the verb tells of was the target.
        let t0 = frame.triggers[0].0;
        let mut anaphoric = None;
        let mut undergoer_word = None;
        let mut bases_from = None;
        let subjected = event_type == EventType::Attack
            && match self.undergoer(t0, ctx.words.start) {
                Some(Undergoer::At(at)) => {
                    anaphoric = words[at].has(Lex::Anaphor).then_some(at);
                    undergoer_word = Some(at);
                    true
                }
                Some(Undergoer::Named) => true,
                Some(Undergoer::BasesIn(at)) => {
                    bases_from = Some(at);
                    true
                }
                // "إثر تعرض مواقعهم لهجمات": positions the text does not name.
                Some(Undergoer::Unnamed) | None => false,
            };
        if candidates.is_empty() && subjected {
            let told = |p: &&Placed| {
                !matches!(
                    p.role,
                    PlaceRole::Origin
                        | PlaceRole::EarlierOrigin
                        | PlaceRole::Destination
                        | PlaceRole::Via
                )
            };
            // The name the verb tells of, unless it is where a force was ("القوات الأمريكية في
            // العراق وسوريا تعرضت"), which the list of such places below gives.
            let named = |p: &&Placed| Some(p.word) == undergoer_word;
            // "تعرضت القواعد الأمريكية في العراق وسوريا": every place the bases are in.
            if let Some(at) = bases_from {
                candidates.extend(
                    before
                        .iter()
                        .filter(|p| p.word > at && p.role == PlaceRole::Location),
                );
            }
            candidates.extend(
                before
                    .iter()
                    .filter(named)
                    .filter(|p| p.role != PlaceRole::Location)
                    .take(1),
            );
            if anaphoric.is_none() && candidates.is_empty() {
                candidates.extend(
                    before
                        .iter()
                        .rev()
                        .filter(told)
                        .filter(|p| g.place(self.mentions[p.mention].place).kind.is_site())
                        .take(1),
                );
            }
            // "القوات الأمريكية في العراق وسوريا تعرضت لهجمات": attacked in each place.
            if candidates.is_empty() && anaphoric.is_none() {
                candidates.extend(before.iter().filter(|p| p.role == PlaceRole::Location));
            }
        }
        // A named site, else the site a pronoun refers to ("قاعدة قسرك، التي يتمركز فيها
        // التحالف بريف الحسكة"), else any place named.
        let site = candidates
            .iter()
            .find(|p| g.place(self.mentions[p.mention].place).kind.is_site())
            .map(|p| self.endpoint(p))
            .or_else(|| anaphoric.and_then(|at| self.anaphor(at)))
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
        // Forces stay, or are attacked, at every place a list names ("تنتشر في الحسكة والرقة
        // ودير الزور", "غارات على مواقع في مدينة X وبلدتي Y وZ"); each site a handover names
        // was handed over ("أحدث موقع يسلمه التحالف بعد X وY وZ"). The list goes on from its
        // first name by و or a comma: "لدعم العمليات في سوريا" after it is another matter.
        let mut places = vec![place];
        for (n, p) in candidates.iter().enumerate() {
            let e = self.endpoint(p);
            let kind = g.place(e.place).kind;
            let listed = match event_type {
                EventType::Presence | EventType::Attack => {
                    kind.is_site() || matches!(p.role, PlaceRole::Location | PlaceRole::Object(_))
                }
                EventType::Handover => {
                    kind.is_site() || p.role == PlaceRole::Location && kind != Kind::Country
                }
                _ => false,
            };
            // A site told after the verb is one of its places; another place only as the head
            // of a list, the first after the verb, or the next name of a list ("في مدينة X
            // وبلدتي Y وZ"), not a party named later ("مع الولايات المتحدة وروسيا").
            let follows_listed = candidates[..n].last().is_some_and(|q| {
                placed
                    .iter()
                    .rfind(|r| r.word < p.word)
                    .is_some_and(|r| r.word == q.word)
                    && places
                        .iter()
                        .any(|e| e.place == self.mentions[q.mention].place)
            });
            let first_after = antecedent.is_none()
                && candidates
                    .iter()
                    .find(|q| q.word > t0)
                    .is_some_and(|q| q.word == p.word);
            let in_list = n == 0
                || kind.is_site()
                || first_after
                || follows_listed && self.continues_list(p.word, ctx.words.start);
            if listed && in_list && !places.iter().any(|q| q.place == e.place) {
                places.push(e);
            }
        }
        // "أسقطت طائرة مسيرة فوق شمال شرق سوريا": a drone downed over a base was aimed at it;
        // over a region, at nothing the text names.
        if event_type == EventType::Attack && self.only_shot_down(frame) {
            places.retain(|e| g.place(e.place).kind.is_site() || e.site.is_some());
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
                evidence_cut: ctx.evidence_cut,
                background: ctx.background,
            });
        }
    }

    /// Whether every attack word of a frame says something was shot down (أسقطت، إسقاط).
    fn only_shot_down(&self, frame: &Frame) -> bool {
        frame.triggers.iter().all(|&(t, _)| {
            let w = crate::arabic::strip_glue(self.words[t].token.text, 2);
            w.starts_with("اسقط") || w.starts_with("اسقاط")
        })
    }

    /// Whether the name at `k` locates an office or a directorate named just before it
    /// ("مديرية مكافحة الإرهاب في إقليم كوردستان"): the body's seat, no place of the event.
    fn names_an_office(&self, k: usize, start: usize) -> bool {
        let words = self.words;
        let Some(at) = reading::previous_word(words, k, start) else {
            return false;
        };
        words[at].role() == Some(lexicon::Role::Location)
            && (at.saturating_sub(3).max(start)..at).any(|j| {
                words[j].has(Lex::Office)
                    && !(j + 1..at)
                        .any(|q| words[q].trigger().is_some() || words[q].has(Lex::PlaceNoun))
            })
    }

    /// The place "حيث" refers to, when it stands just before a presence verb: the nearest name
    /// before it ("إلى مطار أربيل، حيث تتمركز القيادة").
    fn where_antecedent<'p>(
        &self,
        frame: &Frame,
        before: &'p [Placed],
        start: usize,
    ) -> Option<&'p Placed> {
        let words = self.words;
        let t = frame.triggers[0].0;
        let at = reading::previous_word(words, t, start)?;
        if crate::arabic::strip_glue(words[at].token.text, 1) != "حيث" {
            return None;
        }
        before.iter().rev().find(|p| p.word < at && !p.party)
    }

    /// Whether the name at `k` goes on a list: joined by و (to itself or to its head noun,
    /// "وبلدتي الميادين"), or after a comma or "ثم".
    fn continues_list(&self, k: usize, start: usize) -> bool {
        let words = self.words;
        if words[k].glue.starts_with('و') {
            return true;
        }
        let Some(p) = reading::previous_word(words, k, start) else {
            return false;
        };
        let w = &words[p];
        matches!(w.token.text, "،" | "," | "ثم")
            || w.token.text.starts_with('و')
                && w.mention.is_none()
                && (w.has(Lex::PlaceNoun) || w.role().is_some() || w.token.text == "وعلي")
    }

    /// Who or what the verb of undergoing before an attack word tells of ("تعرضت القاعدة
    /// لهجوم", "شهد المعسكر هجومين", "وكانت القاعدة قد تعرضت ... لهجوم"), if there is one.
    fn undergoer(&self, t: usize, start: usize) -> Option<Undergoer> {
        let words = self.words;
        // The verb, with a name, a date or "قد" between it and the attack word, and past a
        // relative clause between commas ("تعرض معسكر X، الذي يبعد ... عن العاصمة، لهجمات").
        let aside = self.relative_asides(start, t);
        let verb = (start..t)
            .rev()
            .filter(|&j| !words[j].continued && !words[j].in_date && !words[j].is_punct())
            .filter(|j| !aside.iter().any(|r| r.contains(j)))
            .take(8)
            .find(|&j| self.undergoing(j))?;
        // Its subject after it (تعرضت القاعدة), or before it when the attack word or a date
        // follows (القاعدة تعرضت لهجوم، القاعدة قد تعرضت في ... لهجوم).
        let next = (verb + 1..t + 1).find(|&j| !words[j].in_date && !words[j].is_punct())?;
        let w = &words[next];
        if self.bases_of_force_at(next, t) {
            return Some(Undergoer::BasesIn(next));
        }
        if w.mention.is_some() || w.has(Lex::Anaphor) {
            return Some(Undergoer::At(next));
        }
        if next == t || w.glue.ends_with('ل') || w.token.text.starts_with('ل') || w.role().is_some()
        {
            let before = (start..verb)
                .rev()
                .filter(|&j| !words[j].continued || words[j].mention.is_some())
                .take(3)
                .find(|&j| words[j].has(Lex::Anaphor) || words[j].mention.is_some());
            return Some(before.map_or(Undergoer::Named, Undergoer::At));
        }
        // A force is attacked where it is ("تعرضت قوات أمريكية في العراق لهجمات").
        if w.has(Lex::Force) || w.has(Lex::Personnel) || w.has(Lex::Vehicles) {
            return Some(Undergoer::Named);
        }
        Some(Undergoer::Unnamed)
    }

    /// Whether the word at `j` is a verb of undergoing (تعرض، يتعرض، شهد، يشهد، تشهد).
    fn undergoing(&self, j: usize) -> bool {
        let w = crate::arabic::strip_glue(self.words[j].token.text, 1);
        ["تعرض", "يتعرض", "شهد", "يشهد", "تشهد"]
            .iter()
            .any(|v| w.starts_with(v))
            && !w.starts_with("شهدا")
    }

    /// The relative clauses set between commas in the words `start..end` ("، الذي يبعد نحو
    /// 30 كيلومترا عن العاصمة،"): an aside on the name before it, from the comma to the next.
    fn relative_asides(&self, start: usize, end: usize) -> SmallVec<[Range<usize>; 2]> {
        let words = self.words;
        let comma = |j: usize| matches!(words[j].token.text, "،" | ",");
        (start..end)
            .filter(|&j| comma(j) && j + 1 < end)
            .filter(|&j| matches!(words[j + 1].token.text, "الذي" | "التي" | "الذين"))
            .filter_map(|j| (j + 1..end).find(|&k| comma(k)).map(|k| j..k + 1))
            .collect()
    }

    /// Whether the word at `k` is a plural base noun of a force with a place after it, before
    /// the word `end`: "القواعد الأمريكية في", "قواعد التحالف في".
    fn bases_of_force_at(&self, k: usize, end: usize) -> bool {
        let words = self.words;
        let t = words[k].token.text;
        let plural = t.strip_prefix("ال").unwrap_or(t).starts_with("قواعد");
        plural
            && (k + 1..(k + 3).min(end)).any(|j| {
                words[j].has(Lex::Coalition)
                    || words[j].has(Lex::Force)
                    || words[j].nation().is_some()
            })
            && (k + 1..end).any(|j| words[j].mention.is_some())
    }

    /// Whether plural bases of a force, the subject of a verb of undergoing, come closely
    /// before the name at `k` ("تعرضت القواعد الأمريكية في").
    fn attacked_bases_before(&self, k: usize, start: usize) -> bool {
        (k.saturating_sub(6).max(start)..k).any(|j| {
            self.bases_of_force_at(j, k + 1)
                && reading::previous_word(self.words, j, start).is_some_and(|v| self.undergoing(v))
        })
    }

    /// Whether the name at `k` is where a war is ("منذ اندلاع الحرب في غزة"): the war's place,
    /// not that of an attack the sentence tells.
    fn names_a_war(&self, k: usize, start: usize) -> bool {
        let words = self.words;
        let Some(at) = reading::previous_word(words, k, start) else {
            return false;
        };
        let war = |j: usize| {
            let w = crate::arabic::strip_glue(words[j].token.text, 1);
            matches!(w.strip_prefix("ال").unwrap_or(w), "حرب" | "حروب")
        };
        matches!(words[at].token.text, "في" | "علي")
            && reading::previous_word(words, at, start).is_some_and(war)
    }

    /// Presence told without a verb of staying: forces "stationed" (متواجدين، المنتشرة) at a
    /// place, or a base of a force at a place ("قاعدتي التحالف في تل بيدر وقسرك", "إحدى
    /// قواعدنا بالقرب من حقل كونيكو").
    pub(super) fn stated_presence(
        &mut self,
        placed: &[Placed],
        span: &Range<usize>,
        range: &Range<usize>,
    ) {
        let words = self.words;
        let mut listed = false;
        // "ينفي إنشاء قاعدة أمريكية في الرقة": a base said not to exist.
        let denial = (range.start..range.end).find(|&i| words[i].has(Lex::Denied));
        for p in placed.iter().filter(|p| !p.party) {
            let stationed = p.role == PlaceRole::Stationed;
            let at = matches!(
                p.role,
                PlaceRole::Location | PlaceRole::Near | PlaceRole::Destination
            );
            // "قاعدتي التحالف في تل بيدر وقسرك": و + a name goes on the list before it.
            // "تعرضت القواعد الأمريكية في العراق لهجمات": bases told as attacked are the
            // attack's places (its frame reads them), not a presence told on its own.
            let based = at
                && (listed && words[p.word].glue.starts_with('و')
                    || self.base_of_force_before(p.word, range.start)
                        && !self.attacked_bases_before(p.word, range.start));
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
            let evidence = excerpt(
                &self.doc.text,
                span.clone(),
                self.mentions[p.mention].span.clone(),
                MAX_EXCERPT_BYTES,
            );
            let status = if based && !stationed && denial.is_some_and(|d| d < p.word) {
                Status::Denied
            } else {
                Status::Reported
            };
            self.events.push(Event {
                event_type: EventType::Presence,
                place: self.endpoint(p),
                actor,
                counterpart: None,
                status,
                date: None,
                date_text: None,
                evidence: evidence.clone(),
                evidence_cut: evidence != *span,
                background: false,
            });
        }
    }

    /// Whether a base noun qualified by a force comes closely before the word at `k`: "قاعدتي
    /// التحالف في", "قواعد للتحالف في", "قاعدة عسكرية أمريكية قرب", "قواعدنا العسكرية بالقرب من".
    pub(super) fn base_of_force_before(&self, k: usize, start: usize) -> bool {
        let words = self.words;
        let lo = k.saturating_sub(6).max(start);
        let base = |j: usize| {
            let t = words[j].token.text;
            let t = t.strip_prefix("ال").unwrap_or(t);
            words[j].has(Lex::PlaceNoun) && (t.starts_with("قاعد") || t.starts_with("قواعد"))
        };
        // A base noun with a possessive pronoun (قاعدتها، قواعدنا) is a force's own base; the
        // ه of a bare قاعدة (ة normalised) is not one.
        let own = |j: usize| {
            let t = words[j].token.text;
            ["قاعدت", "قواعد"].iter().any(|b| {
                t.strip_prefix(b)
                    .is_some_and(|s| ["نا", "ها", "ه", "هم"].contains(&s))
            })
        };
        (lo..k).any(|j| {
            let own = own(j);
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

    /// Whether the words `range` name a force, a coalition, soldiers or a nationality.
    pub(super) fn names_a_force(&self, range: &Range<usize>) -> bool {
        let words = self.words;
        range.clone().any(|j| {
            let w = &words[j];
            w.has(Lex::Force)
                || w.has(Lex::Coalition)
                || w.has(Lex::Personnel)
                || w.nation().is_some()
        })
    }

    /// Forces stationed at a place: a presence there.
    pub(super) fn presence(&mut self, place: Endpoint, ctx: &Ctx) {
        self.event_at(EventType::Presence, place, ctx);
    }

    /// A place reached on the way: an arrival there.
    pub(super) fn arrival(&mut self, place: Endpoint, ctx: &Ctx) {
        self.event_at(EventType::Arrival, place, ctx);
    }

    /// An event of the frame's actor and date at `place`, reported.
    pub(super) fn event_at(&mut self, event_type: EventType, place: Endpoint, ctx: &Ctx) {
        self.events.push(Event {
            event_type,
            place,
            actor: ctx.actor.clone(),
            counterpart: None,
            status: Status::Reported,
            date: ctx.date,
            date_text: ctx.date_text.clone(),
            evidence: ctx.evidence.clone(),
            evidence_cut: ctx.evidence_cut,
            background: ctx.background,
        });
    }
}
