//! What of a map's data the basemap covers. The basemap holds the Middle East only (its box,
//! 26°E–62°E and 24°N–46°N); a movement with no vertex in it, or an event or place outside
//! it, cannot be drawn on it, and a map of such data alone would be an empty map of Iraq and
//! Syria. [`Coverage`] counts them so that the user is told.

use super::data::{Event, MapPlace, Movement};
use super::view::in_clip_box;

/// The basemap's box as the user is told it.
pub const BASEMAP_EXTENT: &str = "26°E–62°E, 24°N–46°N";

/// How many of a map's movements, events and places there are, and how many of each lie
/// wholly outside the basemap. A movement leaving the box (to Europe, America) is drawn to the
/// frame's edge, so only one with no vertex inside is outside.
///
/// # Examples
/// ```
/// use convoy::render::{Coverage, Scene};
/// assert_eq!(Scene::default().coverage(), Coverage::default());
/// assert!(!Coverage::default().nothing_drawn());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Movements, and those with no vertex in the basemap.
    pub movements: Count,
    /// Events, and those outside the basemap.
    pub events: Count,
    /// Places, and those outside the basemap.
    pub places: Count,
}

/// How many features of a kind there are, and how many of them lie outside the basemap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// All of them.
    pub all: usize,
    /// Those wholly outside.
    pub outside: usize,
}

impl Count {
    /// Counts one more, outside or not.
    fn add(&mut self, outside: bool) {
        self.all += 1;
        self.outside += usize::from(outside);
    }
}

impl Coverage {
    /// Counts movement `m`.
    pub(crate) fn movement(&mut self, m: &Movement) {
        self.movements.add(!m.line.iter().any(|&p| in_clip_box(p)));
    }

    /// Counts event `e`.
    pub(crate) fn event(&mut self, e: &Event) {
        self.events.add(!in_clip_box(e.point));
    }

    /// Counts place `p`.
    pub(crate) fn place(&mut self, p: &MapPlace) {
        self.places.add(!in_clip_box(p.point));
    }

    /// Whether there is something to draw and none of it lies on the basemap: the map would
    /// be empty.
    pub fn nothing_drawn(&self) -> bool {
        let kinds = [self.movements, self.events, self.places];
        kinds.iter().any(|c| c.all > 0) && kinds.iter().all(|c| c.outside == c.all)
    }

    /// Whether some movement or event (what a map is about) cannot be drawn. Places alone
    /// outside are not: the ends of a trip out of the region are drawn as its line's end.
    pub fn some_lost(&self) -> bool {
        self.movements.outside > 0 || self.events.outside > 0
    }

    /// What lies outside, for a message: "none of its 1 movement and 2 places lies within the
    /// basemap (…)" when [`nothing_drawn`](Self::nothing_drawn), else "1 of 3 movements and
    /// 2 of 5 events lie wholly outside the basemap (…)".
    pub fn describe(&self) -> String {
        if self.nothing_drawn() {
            let kinds = [
                (self.movements.all, "movement"),
                (self.events.all, "event"),
                (self.places.all, "place"),
            ];
            let parts: Vec<String> = kinds
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|&(n, what)| plural(n, what))
                .collect();
            return format!(
                "none of its {} lies within the basemap ({BASEMAP_EXTENT})",
                and(&parts)
            );
        }
        let kinds = [(self.movements, "movement"), (self.events, "event")];
        let parts: Vec<String> = kinds
            .iter()
            .filter(|(c, _)| c.outside > 0)
            .map(|&(c, what)| format!("{} of {}", c.outside, plural(c.all, what)))
            .collect();
        let verb = match kinds.iter().map(|(c, _)| c.outside).sum::<usize>() {
            1 => "lies",
            _ => "lie",
        };
        format!(
            "{} {verb} wholly outside the basemap ({BASEMAP_EXTENT})",
            and(&parts)
        )
    }
}

/// "1 movement", "3 movements".
fn plural(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        _ => format!("{n} {what}s"),
    }
}

/// "a", "a and b", "a, b and c".
fn and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::basemap::CLIP_BOX;
    use crate::render::{MapData, Scene};

    /// What a map of these features covers.
    fn coverage(movements: Vec<Movement>, events: Vec<Event>, places: Vec<MapPlace>) -> Coverage {
        Scene::of(&MapData::from_parts(movements, events, places)).coverage()
    }

    fn movement(line: Vec<[f64; 2]>) -> Movement {
        let id = format!("a-m{line:?}");
        Movement {
            doc: "a.txt".into(),
            event_type: None,
            actor: None,
            origin: "o".into(),
            origin_name: "o".into(),
            status: "completed".into(),
            line,
            ..Movement::test_trip(&id, "d")
        }
    }

    fn event(point: [f64; 2]) -> Event {
        Event {
            id: format!("a-e{point:?}"),
            doc: "a.txt".into(),
            event_type: "presence".into(),
            place: "p".into(),
            place_name: "p".into(),
            actor: None,
            status: None,
            event_date: None,
            point,
        }
    }

    fn place(point: [f64; 2]) -> MapPlace {
        MapPlace {
            id: format!("p{point:?}"),
            name_en: "p".into(),
            name_ar: "p".into(),
            kind: "town".into(),
            mentions: 1,
            docs: vec!["a.txt".into()],
            point,
        }
    }

    const BERLIN: [f64; 2] = [13.4, 52.5];
    const WARSAW: [f64; 2] = [21.0, 52.2];
    const BAGHDAD: [f64; 2] = [44.4, 33.3];

    #[test]
    fn the_extent_told_is_the_basemaps_box() {
        let [x0, y0, x1, y1] = CLIP_BOX;
        assert_eq!(
            BASEMAP_EXTENT,
            format!("{x0}°E–{x1}°E, {y0}°N–{y1}°N").as_str()
        );
    }

    #[test]
    fn data_wholly_outside_draws_nothing_and_says_what() {
        let c = coverage(
            vec![movement(vec![BERLIN, WARSAW])],
            vec![],
            vec![place(BERLIN), place(WARSAW)],
        );
        assert!(c.nothing_drawn() && c.some_lost());
        assert_eq!(
            c.describe(),
            "none of its 1 movement and 2 places lies within the basemap (26°E–62°E, 24°N–46°N)"
        );
    }

    #[test]
    fn a_trip_out_of_the_region_is_drawn_and_places_alone_are_not_lost() {
        let c = coverage(
            vec![movement(vec![BAGHDAD, BERLIN])],
            vec![event(BAGHDAD)],
            vec![place(BERLIN)],
        );
        assert!(!c.nothing_drawn() && !c.some_lost());
        assert_eq!(c.places.outside, 1);
    }

    #[test]
    fn some_outside_are_counted_of_all() {
        let c = coverage(
            vec![
                movement(vec![BERLIN, WARSAW]),
                movement(vec![BAGHDAD, BAGHDAD]),
                movement(vec![WARSAW, BERLIN]),
            ],
            vec![event(BERLIN), event(BAGHDAD)],
            vec![],
        );
        assert!(!c.nothing_drawn() && c.some_lost());
        assert_eq!(
            c.describe(),
            "2 of 3 movements and 1 of 2 events lie wholly outside the basemap (26°E–62°E, \
             24°N–46°N)"
        );
        let one = coverage(
            vec![movement(vec![BAGHDAD, BAGHDAD])],
            vec![event(BERLIN)],
            vec![],
        );
        assert_eq!(
            one.describe(),
            "1 of 1 event lies wholly outside the basemap (26°E–62°E, 24°N–46°N)"
        );
    }
}
