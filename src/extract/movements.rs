//! Movement frames: a frame's places sorted into origins, waypoints and destinations by the
//! roles the words before them give, the most specific end kept, counts read, and whole trips
//! or half-trips (for [`super::trips`]) made.

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::discourse::{preposition_before, to_it};
use super::frames::Frame;
use super::legs::Legs;
use super::lexicon::{self, Lex, Qualifier, Trigger};
use super::reading::{self, PlaceRole, Word};
use super::trips::{contains, Half};
use super::{
    Actor, Count, Ctx, Endpoint, Ends, Event, EventType, Movement, Placed, Reader, Status,
};
use crate::gazetteer::{Gazetteer, GeoPrecision, Kind, PlaceIndex};

/// The words whose counts belong to a frame: the first frame of a sentence also takes the words
/// before its trigger (the subject often carries the count: "50 شاحنة ... غادرت").
fn frame_count_range(frame: &Frame, sentence: &Range<usize>, first: bool) -> Range<usize> {
    if first {
        sentence.start..frame.range.end
    } else {
        frame.range.start..frame.range.end
    }
}

/// The most places a frame keeps in one role (origins, destinations): far more than a news
/// sentence lists, and a bound on the trips one frame makes (origins times destinations), so
/// that a text listing thousands of names costs in proportion to its length. The places past
/// it are told to the user ([`super::LeftOut`]).
pub const MAX_ENDS: usize = 32;

/// Keeps the most precise endpoints: a country or region is dropped when a place inside it is
/// also named in the same role (Camp Adder … out of Iraq → Camp Adder); each place once, the
/// first [`MAX_ENDS`] of them. Also says how many places past those were left out.
fn most_precise(g: &Gazetteer, mut ends: Ends) -> (Ends, usize) {
    let broad = |e: &Endpoint| {
        matches!(
            g.place(e.place).kind,
            Kind::Country | Kind::Region | Kind::Governorate
        )
    };
    let country = |e: &Endpoint| g.place(e.place).country.as_str();
    // Sets, not scans: a frame may hold every name of a list as long as the text.
    let specific: FxHashSet<&str> = ends.iter().filter(|e| !broad(e)).map(country).collect();
    ends.retain(|e| !broad(e) || !specific.contains(country(e)));
    let mut seen = FxHashSet::default();
    ends.retain(|e| seen.insert(e.place));
    let left_out = ends.len().saturating_sub(MAX_ENDS);
    ends.truncate(MAX_ENDS);
    (ends, left_out)
}

impl Reader<'_> {
    /// [`most_precise`] of `ends`, a role of `frame`; places left out are counted against the
    /// article.
    fn most_precise(&mut self, frame: &Frame, ends: Ends) -> Ends {
        let (kept, left_out) = most_precise(self.g, ends);
        if left_out > 0 {
            let at = self.words[frame.range.start].token.orig.0;
            self.left_out.add(left_out, at);
        }
        kept
    }

    /// Reads a movement frame into trips, half-trips for [`super::trips`], and events.
    pub(super) fn movement_frame(
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
        let mut passed: Ends = Ends::new();
        let mut put_in: Ends = Ends::new();
        let mut crossed: Ends = Ends::new();
        let mut where_locs: Ends = Ends::new();
        let mut reached: Ends = Ends::new();
        let mut legs = Legs::default();
        // Forces stationed somewhere named after the trip's destination stay there ("نقلت
        // جنودا إلى الأردن، مشيرة إلى أن الجنود المتمركزين في أربيل سيبقون"): no origin.
        let first_destination = placed
            .iter()
            .filter(|p| p.role == PlaceRole::Destination)
            .map(|p| p.word)
            .min();
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
                (PlaceRole::Destination, false) if self.en_route(p.word, ctx) => {
                    // "ومنها إلى كركوك، قبل أن يواصل صوب حرير": a leg told after another passes
                    // the first's end; one listed with it ("والأردن") is another end.
                    if !self.words[p.word].glue.starts_with('و') {
                        passed.append(&mut onward);
                    }
                    onward.push(e)
                }
                // "إلى قواعدها في الكويت", "نحو القاعدة التي تتمركز فيها بمدينة القامشلي": the
                // place that locates the base gone to is the destination.
                // Gone on to, past the places reached: "ومنه إلى قواعد التحالف في إقليم كردستان".
                (PlaceRole::Location | PlaceRole::Stationed | PlaceRole::Object(_), false)
                    if self
                        .destination_noun(p.word, frame)
                        .is_some_and(|n| self.en_route(n, ctx)) =>
                {
                    onward.push(e)
                }
                (PlaceRole::Location | PlaceRole::Stationed | PlaceRole::Object(_), false)
                    if self.destination_noun(p.word, frame).is_some() =>
                {
                    dests.push(e)
                }
                // "انضموا إلى القوات المتمركزة في X": where the ones joined are is gone to.
                (PlaceRole::Stationed, false) if joined_by(self.words, frame, p.word) => {
                    dests.push(e)
                }
                // "انسحبت من Y وتمركزت في X": where it took position after the verb.
                (PlaceRole::Stationed, false) if settled_by(self.words, frame, p.word) => {
                    put_in.push(e);
                    locs.push(e)
                }
                (PlaceRole::Stationed, false) if first_destination.is_some_and(|d| d < p.word) => {}
                (PlaceRole::Origin | PlaceRole::Stationed, false) => {
                    legs.push(e.place, true);
                    origins.push(e)
                }
                (PlaceRole::Object(t), false) if t.object_is_origin() => origins.push(e),
                // "عبرت الشاحنات معبر سيمالكا ... باتجاه الحسكة": what is crossed is passed.
                (PlaceRole::Object(Trigger::Move), false)
                    if crossed_by(self.words, frame, p.word) =>
                {
                    crossed.push(e)
                }
                (PlaceRole::Object(Trigger::Redeploy), false) => redeploy_locs.push(e),
                (PlaceRole::EarlierOrigin, _) => earlier.push(e),
                (PlaceRole::Destination, false) => {
                    legs.push(e.place, false);
                    dests.push(e)
                }
                (PlaceRole::Destination, true) => purpose_dests.push(e),
                (PlaceRole::Via | PlaceRole::PathNext, false) => vias.push(e),
                (PlaceRole::Via | PlaceRole::PathNext, true) => purpose_vias.push(e),
                (PlaceRole::PathBetween, _) => between.push(e),
                // "دخل رتل قاعدة قسرك": what one enters or reaches is the destination.
                (PlaceRole::Object(Trigger::Arrive), false) => dests.push(e),
                (PlaceRole::Location, false) if self.after_where(frame, p.word) => {
                    where_locs.push(e);
                    locs.push(e)
                }
                // "نقلت معداتها في قاعدة عين الأسد", "استقرت في الكويت": put or settled in.
                (PlaceRole::Location, false) if put_by(self.words, frame, p.word) => {
                    put_in.push(e);
                    locs.push(e)
                }
                (PlaceRole::Location | PlaceRole::Object(_), _) => locs.push(e),
                // "بلغت القوات المنسحبة من X، مساء الاثنين، مدينة أربيل": a name standing alone
                // after a verb of reaching, past its subject and an aside, is what it reached.
                (PlaceRole::Bare, false) if reached_by(self.words, frame, p.word) => {
                    reached.push(e)
                }
                _ => {}
            }
        }
        legs.close();
        if dests.is_empty() && purpose_dests.is_empty() {
            dests = reached;
        }
        // "عبر المعبر ذاته": the crossing named before is passed.
        vias.extend(self.way_anaphors(frame));
        // "خرج من قاعدة A، واجتاز B، ليخرج لاحقاً من الأراضي السورية عبر المعبر باتجاه C":
        // leaving the land the sentence's trip set out in is a step of that trip.
        let broad = |e: &Endpoint| g.place(e.place).kind.geo_precision() == GeoPrecision::Region;
        if !dests.is_empty() && !origins.is_empty() && origins.iter().all(broad) {
            let began = self.partials.last().filter(|h| {
                h.sentence == ctx.sentence
                    && h.has_origin
                    && origins
                        .iter()
                        .any(|o| contains(g, o.place, h.movement.origin.place))
            });
            if began.is_some() {
                let h = self.partials.pop().expect("found");
                origins = Ends::from_elem(h.movement.origin, 1);
                vias.insert_many(0, h.movement.via);
            }
        }
        // A place crossed is a waypoint of a trip the frame states, else where it happens.
        if origins.is_empty() && dests.is_empty() {
            locs.extend(crossed);
        } else {
            vias.insert_many(0, crossed);
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
            for reached in dests.iter().chain(&passed) {
                self.arrival(*reached, ctx);
            }
            vias.append(&mut dests);
            vias.append(&mut passed);
            dests = onward;
        }
        // Redeployed in a place is a trip there only from a place left in the same frame
        // ("أعادت تموضعها في X بعد انسحابها من Y"); alone it is where the redeployment is.
        if dests.is_empty() && purpose_dests.is_empty() && (!redeploy || !origins.is_empty()) {
            dests = put_in;
        }
        if redeploy && !redeploy_locs.is_empty() && (!dests.is_empty() || !purpose_dests.is_empty())
        {
            origins.append(&mut redeploy_locs);
        } else if redeploy && dests.is_empty() && !origins.is_empty() {
            // "أعادت تموضعها في X بعد انسحابها من Y": where it redeployed, from the place left.
            dests.append(&mut redeploy_locs);
        }
        if origins.is_empty() {
            // "بإخلاء القاعدة", "انسحبت منها", "نقلت معداتها من القاعدة إلى ...".
            let from_it = frame.has(Trigger::Withdraw) || self.anaphor_after_from(frame);
            if let Some(i) = from_it.then(|| self.frame_anaphor_word(frame)).flatten() {
                // "عادت إلى قاعدة X بعد أسبوع من انسحابها منها": left before, and returned
                // to (but "عادت قاعدة X ... مع مغادرة الجنود منها" is the base left).
                let returned_to = |o: &Endpoint| {
                    frame.first() == Trigger::Arrive
                        && placed
                            .iter()
                            .any(|p| p.role == PlaceRole::Destination && self.endpoint(p) == *o)
                };
                origins.extend(self.anaphors(i).into_iter().filter(|o| !returned_to(o)));
            }
        }
        if origins.is_empty() && !dests.is_empty() {
            // "القوات التي كانت متمركزة في القاعدة ... تم نقلها إلى X": where the force moved
            // was stationed, told of it before the verb.
            origins.extend(self.stationed_anaphor(frame, ctx));
        }
        if origins.is_empty() && dests.is_empty() && frame.has(Trigger::Withdraw) {
            // "يستقلون طائرة في قاعدة الأسد": a withdrawal with no place left from leaves the
            // site it is at; a base "emptied" (يُخلى، خلت) is the site the sentence is about.
            let at = locs
                .iter()
                .find(|e| g.place(e.place).kind.is_site())
                .copied();
            let emptied = frame
                .triggers
                .iter()
                .any(|(t, _)| emptied(self.words[*t].token.text));
            origins.extend(at.or(subject_site.filter(|_| emptied)));
        }
        // "سلمت القاعدة ... قبل أن تغادر إلى الكويت": leaving, told as the next step, leaves
        // the site the sentence was about; "سلّمت المعسكر، ونقلت معداته إلى X": what is moved
        // in the clause joined to a handover goes from the site handed over.
        let next_step = frame.has(Trigger::Withdraw)
            && self.after_sequencer(frame.triggers[0].0, ctx.words.start);
        let (verb, _) = frame.triggers[0];
        let moved_out = ctx.after_handover
            && self.words[verb].glue.starts_with('و')
            && (frame.has(Trigger::Withdraw) || frame.has(Trigger::Move));
        if origins.is_empty() && (next_step || moved_out) {
            origins.extend(subject_site);
        }
        // "هبطت في مطار X طائرتان، وأقلعتا بعد ساعات باتجاه Y": leaving, told in a clause
        // joined to an arrival, leaves the place arrived at.
        let joined = self.words[verb].glue.starts_with('و') || next_step;
        if origins.is_empty() && frame.first() == Trigger::Withdraw && joined {
            origins.extend(self.arrived_in_sentence(ctx.sentence));
        }
        // "وصل الرتل إلى X، ليتابع طريقه نحو Y": going on from where a verb of arriving, with
        // no place left from in the sentence, arrived (a trip going on, or heading somewhere
        // told before, goes on in [`super::trips`]).
        if origins.is_empty() && !dests.is_empty() && self.goes_on(frame) {
            origins.extend(self.only_arrived_in_sentence(ctx.sentence));
        }
        // "رجعت إليها": the destination is the base named before; "متجهاً إلى القاعدة ذاتها":
        // the base named before the place left.
        if dests.is_empty() {
            let words = self.words;
            let to_it = |i: &usize| words[*i].has(Lex::Anaphor) && to_it(words[*i].token.text);
            let to_the_base = |i: &usize| {
                words[*i].has(Lex::Anaphor)
                    && *i > ctx.words.start
                    && preposition_before(words, *i)
                        .is_some_and(|b| b.has(Lex::Role(lexicon::Role::Destination)))
            };
            if let Some(i) = frame.range.clone().find(to_it) {
                dests.extend(self.anaphor_in_sentence(i, &ctx.words));
            } else if let Some(i) = frame.range.clone().find(to_the_base) {
                dests.extend(self.anaphor(i).filter(|d| !origins.contains(d)));
            }
        }
        if dests.is_empty() && !origins.is_empty() {
            dests.extend(self.homeland(frame, ctx.actor.as_ref()));
        }
        // "عززت انتشارها في X بتعزيزات استقدمتها من Y": what is brought in (استقدم) comes to
        // where the sentence puts the one who brings it.
        let brought = frame
            .triggers
            .iter()
            .any(|(t, _)| self.words[*t].token.text.contains("ستقدم"));
        if brought && dests.is_empty() && !origins.is_empty() {
            // The nearest before the verb.
            let here = locs
                .iter()
                .chain(earlier_locs.iter().rev())
                .find(|l| !origins.contains(l));
            dests.extend(here.copied());
        }
        // "انسحبت من قاعدة X، ونقلت آلياتها إلى Y": what is moved in a clause joined to a
        // trip's start goes from where that trip set out.
        let joined_verb = self.words[frame.triggers[0].0].glue.starts_with('و');
        let moved = frame.first() == Trigger::Move && joined_verb;
        if origins.is_empty() && !dests.is_empty() && moved {
            origins.extend(self.left_in_sentence(ctx.sentence));
        }
        // "خرجت من A كانت قادمة من B": B → A; "دخلت سوريا من معبر A قادمة من B": B → A → on.
        if !earlier.is_empty() && dests.is_empty() {
            dests = std::mem::take(&mut origins);
            origins = earlier;
        } else if !earlier.is_empty()
            && !origins.is_empty()
            && origins
                .iter()
                .all(|o| g.place(o.place).kind.geo_precision() != GeoPrecision::Region)
        {
            vias.insert_many(0, std::mem::take(&mut origins));
            origins = earlier;
        } else if origins.is_empty() {
            origins = earlier;
        }
        // "وصل الرتل إلى X، ليتابع طريقه نحو Y": the places reached before going on.
        let (reached, part_goes_on) = self.reached_before_going_on(frame, placed, &mut dests);
        if let (true, Some(last)) = (origins.is_empty(), reached.last()) {
            origins.push(*last);
        } else if !part_goes_on {
            vias.extend(reached.iter().copied());
        }
        let origins = self.most_precise(frame, origins);
        let mut dests = self.most_precise(frame, dests);
        // "متجهة إلى الكويت، حيث ستخزن في معسكر عريفجان": the place the "where" clause names
        // inside the destination is where the trip ends.
        for d in dests.iter_mut() {
            if let Some(w) = where_locs
                .iter()
                .find(|w| w.place != d.place && contains(g, d.place, w.place))
            {
                *d = *w;
            }
        }
        // "وعادت قاعدة بلد ... مع مغادرة آخر الجنود منها": a place both left and reached in one
        // frame is where the frame happens, left (but "من A إلى B، ومن B إلى C" passes B).
        if !legs.told() {
            dests.retain(|d| !origins.iter().any(|o| o.place == d.place));
        }
        let purpose_dests = self.most_precise(frame, purpose_dests);
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
                evidence_cut: ctx.evidence_cut,
                background: ctx.background,
            };
        // "قبل أن تعود إلى قاعدتها": back to where the trip told before it in the sentence set
        // out from.
        if origins.is_empty() && dests.is_empty() && frame.has(Trigger::Arrive) {
            let back = self.back_to_its_base(frame).then(|| {
                let told = self.movements.iter().rev();
                told.take_while(|(s, _)| *s == ctx.sentence).next()
            });
            if let Some(Some((_, m))) = back {
                let (from, to) = (m.destination, m.origin);
                self.push_movement(ctx.sentence, make(from, &vias, to, ctx.status));
                return;
            }
        }
        // A return with no origin starts where the unit was said to be (في العراق ... عودة).
        if origins.is_empty() && !dests.is_empty() && frame.has(Trigger::Arrive) {
            // Said before the verb: a place named after it is of another clause ("وصل إلى X،
            // وأضاف المصدر أن الهدوء يسود في Y").
            let verb = frame.triggers[0].0;
            let said_before = |l: &&Endpoint| {
                placed
                    .iter()
                    .any(|p| p.word < verb && !p.party && self.endpoint(p) == **l)
            };
            let before = locs.iter().filter(said_before);
            if let Some(l) = before.chain(earlier_locs).find(|l| !dests.contains(l)) {
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
        // "من A إلى B، ومن B إلى C": one trip through B.
        let chain = legs.chained() && origins.len() == dests.len() && dests.len() > 1;
        if chain {
            let (last, passed) = dests.split_last().expect("two ends or more");
            let mut through = vias.clone();
            through.extend_from_slice(passed);
            self.push_movement(ctx.sentence, make(origins[0], &through, *last, ctx.status));
            return;
        }
        // "دخل رتل من W إلى X، ليتابع جزء منه طريقه نحو Y": the convoy's trip, and its part's.
        if let (true, Some(&last), false) = (part_goes_on, reached.last(), origins.is_empty()) {
            for o in &origins {
                self.push_movement(ctx.sentence, make(*o, &vias, last, ctx.status));
            }
            for d in &dests {
                self.push_movement(ctx.sentence, make(last, &[], *d, ctx.status));
            }
            return;
        }
        if !origins.is_empty() && !dests.is_empty() {
            for o in &origins {
                for d in &dests {
                    if o == d || !legs.pairs(o.place, d.place) {
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
                    evidence_cut: ctx.evidence_cut,
                    background: ctx.background,
                });
            }
            return;
        }
        // Half a trip: kept for joining with the next sentence, else an event.
        if dests.is_empty() && !purpose_dests.is_empty() {
            dests = purpose_dests;
        }
        // "انطلق الرتل من A، وسلك الطريق المؤدي إلى معبر B، قبل أن يعبر نحو C": a way told in
        // a clause of its own is the way of the trip the sentence set out on.
        if origins.is_empty() && dests.is_empty() {
            let set_out = self.partials.last_mut().filter(|h| {
                h.sentence == ctx.sentence && h.has_origin && h.movement.via.is_empty()
            });
            if let Some(h) = set_out {
                h.movement.via.extend(vias.iter().copied());
            }
            return;
        }
        let placeholder = Endpoint::at(PlaceIndex(u32::MAX));
        let next_step =
            self.after_sequencer(frame.triggers[0].0, ctx.words.start) || self.goes_on(frame);
        let part = (ctx.words.start..frame.range.end).any(|j| self.part_of(j));
        let new_convoy = frame
            .range
            .clone()
            .any(|j| convoy_brought_in(self.words[j].token.text));
        if !origins.is_empty() {
            for o in &origins {
                self.partials.push(Half {
                    sentence: ctx.sentence,
                    movement: make(*o, &vias, placeholder, ctx.status),
                    has_origin: true,
                    redeploy,
                    next_step,
                    new_convoy,
                    part,
                });
            }
        } else if !dests.is_empty() {
            for d in &dests {
                self.partials.push(Half {
                    sentence: ctx.sentence,
                    movement: make(placeholder, &vias, *d, ctx.status),
                    has_origin: false,
                    redeploy,
                    next_step,
                    new_convoy,
                    part,
                });
            }
        }
    }

    /// Where the last whole trip of sentence `sentence` read so far set out from, if it told
    /// one last (half trips of the sentence are joined by [`super::trips`]).
    fn left_in_sentence(&self, sentence: usize) -> Option<Endpoint> {
        let half = self.partials.last().filter(|h| h.sentence == sentence);
        let trip = self.movements.last().filter(|(s, _)| *s == sentence);
        match (half, trip) {
            (Some(h), Some(_)) if h.movement.evidence.start > trip?.1.evidence.start => None,
            (_, Some((_, m))) => Some(m.origin),
            _ => None,
        }
    }

    /// Where the last clause of sentence `sentence` read so far arrived, if it told an
    /// arrival: a destination with no origin, or a trip's destination.
    fn arrived_in_sentence(&self, sentence: usize) -> Option<Endpoint> {
        let half = self.partials.last().filter(|h| h.sentence == sentence);
        let trip = self.movements.last().filter(|(s, _)| *s == sentence);
        match (half, trip) {
            (Some(h), Some((_, m))) if h.movement.evidence.start > m.evidence.start => {
                (!h.has_origin).then_some(h.movement.destination)
            }
            (_, Some((_, m))) => Some(m.destination),
            (Some(h), None) => (!h.has_origin).then_some(h.movement.destination),
            (None, None) => None,
        }
    }

    /// Where the sentence `sentence` said something arrived, when it told nothing else: its
    /// last half trip is an arrival with no origin, and it has no trip and no place left from.
    fn only_arrived_in_sentence(&self, sentence: usize) -> Option<Endpoint> {
        let told = |s: usize| s == sentence;
        let mut halves = self.partials.iter().rev().take_while(|h| told(h.sentence));
        let last = halves.next()?;
        let arrival = !last.has_origin && last.movement.event_type == EventType::Arrival;
        let left = halves.any(|h| h.has_origin);
        let trip = self.movements.last().is_some_and(|(s, _)| told(*s));
        (arrival && !left && !trip).then_some(last.movement.destination)
    }

    /// The base an anaphor stands for where the sentence, before the frame's verb, says its
    /// force was stationed ("المتمركزة في القاعدة", "التي كانت منتشرة في المطار").
    fn stationed_anaphor(&self, frame: &Frame, ctx: &Ctx) -> Option<Endpoint> {
        let words = self.words;
        let verb = frame.triggers[0].0;
        (ctx.words.start + 2..verb)
            .filter(|&i| words[i].has(Lex::Anaphor) && !to_it(words[i].token.text))
            .find(|&i| words[i - 1].token.text == "في" && words[i - 2].has(Lex::Stationed))
            .and_then(|i| self.anaphor(i))
    }

    /// The places anaphors after "عبر" in the frame stand for ("عبر المعبر ذاته"): waypoints.
    fn way_anaphors(&self, frame: &Frame) -> Ends {
        let words = self.words;
        let via = |i: usize| i > 0 && words[i - 1].has(Lex::Role(lexicon::Role::Via));
        frame
            .range
            .clone()
            .filter(|&i| words[i].has(Lex::Anaphor) && via(i))
            .filter_map(|i| self.anaphor(i))
            .collect()
    }

    /// The country of the frame's actor, when the frame goes to its home ("سحبت قواتها من X
    /// إلى أراضيها"، "عادت إلى بلادها"، "إلى أرض الوطن"); an actor that is no country has none.
    fn homeland(&self, frame: &Frame, actor: Option<&Actor>) -> Option<Endpoint> {
        let words = self.words;
        let home = |i: &usize| {
            let w = words[*i].token.text;
            let home = [w, crate::arabic::strip_glue(w, 3)];
            let to = || {
                preposition_before(words, *i)
                    .is_some_and(|b| b.has(Lex::Role(lexicon::Role::Destination)))
            };
            let land = || *i > 0 && words[*i - 1].token.text.ends_with("ارض");
            home.iter().any(|w| HOMELAND.contains(w)) && (to() || land())
        };
        frame.range.clone().find(home)?;
        let g = self.g;
        let country = g.lookup(&actor?.name).into_iter();
        country
            .filter(|c| g.place(*c).kind == Kind::Country)
            .map(Endpoint::at)
            .next()
    }

    /// The destinations named before a verb of going on later in the frame ("وصل إلى X،
    /// ليتابع طريقه نحو Y"), taken out of `dests` when others follow it, and whether what goes
    /// on is a part ("ليتابع جزء منه طريقه").
    fn reached_before_going_on(
        &self,
        frame: &Frame,
        placed: &[Placed],
        dests: &mut Ends,
    ) -> (Ends, bool) {
        let words = self.words;
        let later = frame.triggers.iter().skip(1).map(|(t, _)| *t);
        let Some(v) = later.clone().find(|&t| reading::goes_on(words, t)) else {
            return (Ends::new(), false);
        };
        let reached: Ends = placed
            .iter()
            .filter(|p| p.role == PlaceRole::Destination && !p.purpose && p.word < v)
            .map(|p| self.endpoint(p))
            .filter(|e| dests.contains(e))
            .collect();
        if reached.is_empty() || dests.iter().all(|d| reached.contains(d)) {
            return (Ends::new(), false);
        }
        dests.retain(|d| !reached.contains(d));
        let part = (v + 1..(v + 3).min(words.len())).any(|j| self.part_of(j));
        (reached, part)
    }

    /// Whether the frame's verb is one of going on one's way ([`reading::goes_on`]).
    fn goes_on(&self, frame: &Frame) -> bool {
        reading::goes_on(self.words, frame.triggers[0].0)
    }

    /// Whether the word at `j` begins a part of something: "قسم من"، "جزءاً منه"، "بعض".
    fn part_of(&self, j: usize) -> bool {
        let w = crate::arabic::strip_glue(self.words[j].token.text, 3);
        let of = self
            .words
            .get(j + 1)
            .is_some_and(|n| matches!(n.token.text, "من" | "منه" | "منها" | "منهم"));
        of && ["قسم", "قسما", "جزء", "جزءا", "بعض", "بعضا"].contains(&w)
    }

    /// Whether the word at `word` is in a "where" clause of the frame (حيث).
    fn after_where(&self, frame: &Frame, word: usize) -> bool {
        (frame.triggers[0].0..word).any(|j| self.words[j].token.text == "حيث")
    }

    /// The place noun, introduced by a destination preposition, that the place at `word`
    /// locates ("إلى قاعدة تابعة للجيش الألماني في الأزرق"): walking back, a place noun or
    /// "القاعدة" right after إلى/نحو/باتجاه comes before any other name or verb.
    pub(super) fn destination_noun(&self, word: usize, frame: &Frame) -> Option<usize> {
        let words = self.words;
        let lo = word.saturating_sub(10).max(frame.triggers[0].0);
        for j in (lo..word).rev() {
            let w = &words[j];
            let other_verb = w.trigger().is_some_and(|t| t != Trigger::Remain);
            if w.mention.is_some() || other_verb && j != frame.triggers[0].0 {
                return None;
            }
            let noun = w.has(Lex::PlaceNoun) || w.has(Lex::Anaphor);
            let introduced = |p: usize| words[p].has(Lex::Role(lexicon::Role::Destination));
            if noun
                && reading::previous_word(words, j, lo).is_some_and(|p| {
                    introduced(p) || w.glue.ends_with('ل') && words[p].trigger().is_some()
                })
            {
                return Some(j);
            }
            if noun && (w.glue.ends_with('ل') || w.has(Lex::Role(lexicon::Role::Destination))) {
                return Some(j);
            }
        }
        None
    }

    /// Whether the destination named at `word` is where a trip goes on to, past the places it
    /// reached: "في الطريق نحو", "في طريقه إلى", "ثم إلى", "ومنه إلى".
    pub(super) fn en_route(&self, word: usize, ctx: &Ctx) -> bool {
        let words = self.words;
        // "إلى معبر الوليد ثم أربيل": a name right after "then" is the next leg's end.
        if word > ctx.words.start && words[word - 1].token.text == "ثم" {
            return true;
        }
        let prev = |j: usize| reading::previous_word(words, j, ctx.words.start);
        // The preposition that leads to it, past a place noun and its owner ("ومنه إلى قواعد
        // التحالف في إقليم كردستان"), with no other name between, unless it is listed after
        // them ("في طريقها إلى الكويت وقطر").
        let listed = words[word].glue.starts_with('و');
        let to = (ctx.words.start..word)
            .rev()
            .take(6)
            .take_while(|&j| listed || words[j].mention.is_none())
            .find(|&j| words[j].has(Lex::Role(lexicon::Role::Destination)));
        let Some(before) = to.and_then(prev) else {
            return false;
        };
        let t = words[before].token.text;
        // Read as written: "في طريقها" is also a phrase, whose second word is passed over.
        let on_the_way = (before.max(ctx.words.start + 1)..word).any(|j| {
            let w = words[j].token.text;
            w.strip_prefix("ال").unwrap_or(w).starts_with("طريق")
                && crate::arabic::strip_glue(words[j - 1].token.text, 2) == "في"
        });
        // "إلى معبر الوليد ثم إلى أربيل", "ومنه إلى أربيل", "ومن هناك إلى": the next leg.
        let next_leg = matches!(t, "ثم" | "ومنه" | "ومنها" | "هناك" | "then");
        // "باتجاه الحسكة، قبل أن يتجه شرقا نحو اليعربية", "ثم اتجه نحو": a verb of the next
        // leg, with an adverb between it and the preposition.
        let then_verb = (before.saturating_sub(3).max(ctx.words.start)..=before).any(|j| {
            let w = words[j].token.text;
            w == "ثم" || w == "ان" && j > 0 && words[j - 1].token.text == "قبل"
        });
        on_the_way || next_leg || then_verb
    }

    /// The vehicles and personnel counted in the words `range`.
    pub(super) fn counts(&self, range: Range<usize>) -> (Option<Count>, Option<Count>) {
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

    /// Keeps a whole trip told by sentence `sentence`.
    /// Whether a frame goes back to "its base", unnamed: "إلى قاعدتها"، "نحو مقراتها".
    fn back_to_its_base(&self, frame: &Frame) -> bool {
        let words = self.words;
        frame.range.clone().skip(1).any(|i| {
            let own = [
                "قاعدتها",
                "قاعدته",
                "قاعدتهم",
                "قواعدها",
                "قواعده",
                "مقرها",
                "مقراتها",
            ];
            own.contains(&words[i].token.text)
                && words[i - 1].has(Lex::Role(lexicon::Role::Destination))
        })
    }

    pub(super) fn push_movement(&mut self, sentence: usize, m: Movement) {
        self.movements.push((sentence, m));
    }
}

/// Whether a word is a convoy noun without the article ("رتل"، "رتلاً"، "قافلة"، "أرتال"): a convoy
/// not told before (normalised text).
fn convoy_brought_in(word: &str) -> bool {
    let w = crate::arabic::strip_glue(word, 3);
    ["رتل", "قافله", "ارتال", "قوافل"]
        .iter()
        .any(|c| w.starts_with(c))
}

/// Whether a verb says a place was emptied, its subject the place, not the force: "يُخلى",
/// "أُخليت", "خلت", "تخلو" (normalised text).
fn emptied(word: &str) -> bool {
    let w = crate::arabic::strip_glue(word, 3);
    ["يخل", "تخل", "اخلي", "خلت", "خلا"]
        .iter()
        .any(|p| w.starts_with(p))
}

/// Whether the verb nearest before the word at `word` is one of reaching (بلغ، وصل، دخل).
fn reached_by(words: &[Word], frame: &Frame, word: usize) -> bool {
    verb_before(words, frame, word).is_some_and(|(_, t)| t == Trigger::Arrive)
}

/// The frame's verb nearest before the word at `word`, with its trigger. A participle with the
/// article describes a force rather than telling what it did ("استقرت القوات المنسحبة من Y
/// في X"), and is passed over.
fn verb_before(words: &[Word], frame: &Frame, word: usize) -> Option<(usize, Trigger)> {
    frame
        .triggers
        .iter()
        .rev()
        .filter(|(t, _)| !words[*t].token.text.starts_with("ال"))
        .find(|(t, _)| *t < word)
        .copied()
}

/// Words for the home of the one who moves, after a preposition of destination (normalised,
/// without proclitics): its lands, its country, the homeland.
const HOMELAND: &[&str] = &[
    "اراضيها",
    "اراضيه",
    "اراضيهم",
    "بلادها",
    "بلاده",
    "بلادهم",
    "بلدها",
    "بلده",
    "بلدهم",
    "الوطن",
    "وطنها",
    "وطنه",
    "وطنهم",
    "ديارهم",
];

/// Whether the verb nearest before the word at `word` is one of joining others (انضم، التحق،
/// لحق), so that a place where they are stationed is where it goes.
fn joined_by(words: &[Word], frame: &Frame, word: usize) -> bool {
    verb_before(words, frame, word).is_some_and(|(v, _)| reading::joining_verb(words[v].token.text))
}

/// Whether the verb nearest before the word at `word` is one of crossing (عبر، اجتاز), whose
/// object is a place passed through.
fn crossed_by(words: &[Word], frame: &Frame, word: usize) -> bool {
    verb_before(words, frame, word).is_some_and(|(t, _)| {
        let verb = crate::arabic::strip_glue(words[t].token.text, 2);
        ["عبر", "يعبر", "تعبر", "اجتاز", "يجتاز", "تجتاز", "اجتياز"]
            .iter()
            .any(|c| verb.starts_with(c))
    })
}

/// Whether the verb nearest before the word at `word` puts or takes something somewhere
/// (نقل، استقر، وصل، أعاد نشر), so that "في X" after it is where it ends up. A verb of taking
/// position after the frame's verb says where the force went: "انسحبت من Y،
/// وتمركزت في X" (alone, "تمركزت في X" is no trip).
fn put_by(words: &[Word], frame: &Frame, word: usize) -> bool {
    let Some((_, trigger)) = verb_before(words, frame, word) else {
        return false;
    };
    settled_by(words, frame, word)
        || matches!(trigger, Trigger::Move | Trigger::Arrive | Trigger::Redeploy)
}

/// Whether a verb of taking position stands between the frame's verb nearest before the word
/// at `word` and it: "انسحبت من Y وتمركزت في X"، "لتتخذ مواقعها في X" (taking up positions).
fn settled_by(words: &[Word], frame: &Frame, word: usize) -> bool {
    let Some((verb, _)) = verb_before(words, frame, word) else {
        return false;
    };
    (verb + 1..word).any(|j| {
        let w = crate::arabic::strip_glue(words[j].token.text, 2);
        let positions = words
            .get(j + 1)
            .is_some_and(|n| n.token.text.starts_with("مواقع"));
        [
            "تمركزت",
            "تمركزوا",
            "تموضعت",
            "تموضعوا",
            "انتشرت",
            "انتشروا",
        ]
        .contains(&w)
            || positions && ["اتخذت", "اتخذوا", "تتخذ", "يتخذ"].contains(&w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use smallvec::smallvec;

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
        let (kept, left_out) = most_precise(&g, ends);
        assert_eq!(left_out, 0);
        let ids: Vec<&str> = kept.iter().map(|e| g.place(e.place).id.as_str()).collect();
        assert_eq!(ids, ["baghdad_city", "kuwait", "erbil_city", "syria"]);
    }
}
