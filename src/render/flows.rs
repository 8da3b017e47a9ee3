//! Flows: the movements along one route, drawn as one arrow. A route is the same origin,
//! destination and stated vias, travelled by the same actor with the same status (a planned
//! trip is not one made), so a corpus that tells of the same trip in a hundred articles draws
//! one arrow whose width says how many trips, not a hundred side by side.

use std::collections::HashMap;

use super::data::Movement;
use super::scene::Scene;

/// Movements along one route.
#[derive(Debug)]
pub(crate) struct Flow<'a> {
    /// The movement drawn for all: the first by id.
    pub first: &'a Movement,
    /// The ids of its movements, in id order.
    pub ids: Vec<&'a str>,
    /// The vehicles stated, added up over its movements; `None` when no movement states any.
    pub vehicles: Option<u64>,
}

impl Flow<'_> {
    /// How many movements (trips) it stands for.
    pub fn trips(&self) -> usize {
        self.ids.len()
    }
}

/// What makes two movements one flow: origin, destination, vias, actor and status.
type Route = (String, String, Vec<String>, Option<String>, String);

/// The movements read so far, gathered by route: for each, the movement drawn for it (the
/// first by id), the numbers of its movements and the vehicles they state.
#[derive(Debug, Default)]
pub(crate) struct Routes {
    at: HashMap<Route, usize>,
    tallies: Vec<Tally>,
}

/// One route's movements.
#[derive(Debug)]
struct Tally {
    first: Movement,
    /// The movements' numbers in the [`Scene`].
    movements: Vec<u32>,
    vehicles: Option<u64>,
}

impl Routes {
    /// How many routes.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.tallies.len()
    }

    /// Adds movement `m`, numbered `at` in its scene.
    pub(crate) fn add(&mut self, m: Movement, at: u32) {
        let route = (
            m.origin.clone(),
            m.destination.clone(),
            m.via.clone(),
            m.actor.clone(),
            m.status.clone(),
        );
        let vehicles = m.vehicles.map(u64::from);
        let Some(&i) = self.at.get(&route) else {
            self.at.insert(route, self.tallies.len());
            self.tallies.push(Tally {
                first: m,
                movements: vec![at],
                vehicles,
            });
            return;
        };
        let t = &mut self.tallies[i];
        t.movements.push(at);
        if let Some(v) = vehicles {
            *t.vehicles.get_or_insert(0) += v;
        }
        if m.id < t.first.id {
            t.first = m;
        }
    }
}

/// The flows of `scene`'s movements, in the order of their first movements' ids.
pub(crate) fn flows(scene: &Scene) -> Vec<Flow<'_>> {
    let mut flows: Vec<Flow> = scene
        .routes
        .tallies
        .iter()
        .map(|t| {
            let mut ids: Vec<&str> = t
                .movements
                .iter()
                .map(|&at| scene.movement_id(at))
                .collect();
            ids.sort_unstable();
            Flow {
                first: &t.first,
                ids,
                vehicles: t.vehicles,
            }
        })
        .collect();
    flows.sort_by(|a, b| a.first.id.cmp(&b.first.id));
    flows
}

/// A flow's line width in px at unit size when a map draws flows of several trips: 3 px for
/// one trip up to 16 px for the map's largest, on a log scale that counts the largest as at
/// least 16 trips (so two trips are not drawn as wide as two hundred).
pub(crate) fn trips_width(trips: usize, most: usize) -> f64 {
    let top = (most.max(16) as f64).ln();
    3.0 + 13.0 * ((trips.max(1) as f64).ln() / top).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::MapData;

    fn trip(id: &str, to: &str, vehicles: Option<u32>) -> Movement {
        Movement {
            vehicles,
            ..Movement::test_trip(id, to)
        }
    }

    #[test]
    fn the_same_route_is_one_flow() {
        let data = MapData::from_parts(
            vec![
                trip("c", "b", Some(40)),
                trip("a", "b", None),
                trip("b", "x", Some(5)),
                trip("d", "b", Some(2)),
                trip("a", "b", Some(1000)),
            ],
            Vec::new(),
            Vec::new(),
        );
        let scene = Scene::of(&data);
        let f = flows(&scene);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].ids, ["a", "c", "d"]);
        assert_eq!(f[0].first.id, "a");
        assert_eq!(f[0].vehicles, Some(42));
        assert_eq!(f[1].trips(), 1);
        let mut planned = trip("e", "b", None);
        planned.status = "planned".into();
        let data = MapData::from_parts(vec![trip("a", "b", None), planned], vec![], vec![]);
        assert_eq!(
            flows(&Scene::of(&data)).len(),
            2,
            "a planned trip is not one made"
        );
    }

    #[test]
    fn width_grows_with_trips() {
        assert_eq!(trips_width(1, 188), 3.0);
        assert_eq!(trips_width(188, 188), 16.0);
        assert!(trips_width(2, 188) < trips_width(14, 188));
        assert!(
            trips_width(2, 2) < 8.0,
            "two trips are not the widest there is"
        );
    }
}
