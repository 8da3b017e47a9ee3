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
        // A presence is of forces: "لا تزال الأوضاع متوترة في الحسكة" tells none.
        if event_type == EventType::Presence && !self.names_a_force(&ctx.words) {
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
                evidence_cut: ctx.evidence_cut,
                background: ctx.background,
            });
        }
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
            let evidence = excerpt(
                &self.doc.text,
                span.clone(),
                self.mentions[p.mention].span.clone(),
                MAX_EXCERPT_BYTES,
            );
            self.events.push(Event {
                event_type: EventType::Presence,
                place: self.endpoint(p),
                actor,
                counterpart: None,
                status: Status::Reported,
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
