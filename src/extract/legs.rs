//! Legs told one after another in one clause ("من A إلى B، ومن C إلى D"): which origin goes
//! with which destination, so that a frame with two legs gives two trips, not four.

use smallvec::SmallVec;

use crate::gazetteer::PlaceIndex;

/// The leg each origin and destination of a frame belongs to, by the order the text names them.
#[derive(Debug, Default)]
pub(super) struct Legs {
    /// Each end in text order: its place, whether it is an origin, and its leg.
    ends: SmallVec<[(PlaceIndex, bool, usize); 8]>,
    /// The ends were named otherwise than as legs: every origin goes with every destination.
    open: bool,
}

impl Legs {
    /// Records an origin (`origin`) or a destination named next in the text.
    pub(super) fn push(&mut self, place: PlaceIndex, origin: bool) {
        let leg = match self.ends.last() {
            None => 0,
            // An origin after a destination starts the next leg.
            Some(&(_, false, leg)) if origin => leg + 1,
            Some(&(_, _, leg)) => leg,
        };
        self.ends.push((place, origin, leg));
    }

    /// Closes the record: two legs or more, each beginning with its origins and each with a
    /// destination, are legs; anything else goes every origin to every destination.
    pub(super) fn close(&mut self) {
        let legs = self.ends.last().map_or(0, |&(_, _, leg)| leg + 1);
        let whole = |leg: usize| {
            let mut ends = self.ends.iter().filter(|e| e.2 == leg);
            ends.next().is_some_and(|e| e.1) && ends.any(|e| !e.1)
        };
        self.open = legs < 2 || !(0..legs).all(whole);
    }

    /// Whether the text's legs let `origin` go to `destination`; ends it did not record
    /// (referred back to, or taken from another clause) go with any.
    pub(super) fn pairs(&self, origin: PlaceIndex, destination: PlaceIndex) -> bool {
        let leg = |place: PlaceIndex, is_origin: bool| {
            self.ends
                .iter()
                .find(|e| e.0 == place && e.1 == is_origin)
                .map(|e| e.2)
        };
        self.open
            || match (leg(origin, true), leg(destination, false)) {
                (Some(o), Some(d)) => o == d,
                _ => true,
            }
    }

    /// Whether each leg, one origin and one destination, sets out from where the one before
    /// ended: "من A إلى B، ومن B إلى C" is one trip through B.
    pub(super) fn chained(&self) -> bool {
        let legs: SmallVec<[_; 4]> = self.ends.chunks(2).collect();
        self.told()
            && legs.iter().all(|l| l.len() == 2 && l[0].1 && !l[1].1)
            && legs.windows(2).all(|w| w[0][1].0 == w[1][0].0)
    }

    /// Whether the frame told two legs or more.
    pub(super) fn told(&self) -> bool {
        !self.open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn legs(ends: &[(u32, bool)]) -> Legs {
        let mut legs = Legs::default();
        for &(p, origin) in ends {
            legs.push(PlaceIndex(p), origin);
        }
        legs.close();
        legs
    }

    #[test]
    fn two_legs_pair_their_own_ends() {
        let l = legs(&[(1, true), (2, false), (3, true), (4, false)]);
        assert!(l.told());
        assert!(l.pairs(PlaceIndex(1), PlaceIndex(2)) && l.pairs(PlaceIndex(3), PlaceIndex(4)));
        assert!(!l.pairs(PlaceIndex(1), PlaceIndex(4)) && !l.pairs(PlaceIndex(3), PlaceIndex(2)));
    }

    #[test]
    fn a_chain_of_legs_passes_its_middle_both_ways() {
        // "من A إلى B، ومن B إلى C".
        let l = legs(&[(1, true), (2, false), (2, true), (3, false)]);
        assert!(l.pairs(PlaceIndex(1), PlaceIndex(2)) && l.pairs(PlaceIndex(2), PlaceIndex(3)));
        assert!(!l.pairs(PlaceIndex(1), PlaceIndex(3)));
        assert!(l.chained());
        assert!(!legs(&[(1, true), (2, false), (3, true), (4, false)]).chained());
    }

    #[test]
    fn lists_and_lone_ends_are_no_legs() {
        // "من A وB إلى C وD": one leg; "من A إلى B بعد خروجها من C": the last has no end.
        assert!(!legs(&[(1, true), (2, true), (3, false), (4, false)]).told());
        assert!(!legs(&[(1, true), (2, false), (3, true)]).told());
        assert!(!legs(&[(2, false), (1, true), (3, false)]).told());
    }

    #[test]
    fn an_end_not_recorded_goes_with_any() {
        let l = legs(&[(1, true), (2, false), (3, true), (4, false)]);
        assert!(l.pairs(PlaceIndex(9), PlaceIndex(4)) && l.pairs(PlaceIndex(1), PlaceIndex(9)));
    }
}
