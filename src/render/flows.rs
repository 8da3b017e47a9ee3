//! Flows: the movements along one route, drawn as one arrow. A route is the same origin,
//! destination and stated vias, travelled by the same actor with the same status (a planned
//! trip is not one made), so a corpus that tells of the same trip in a hundred articles draws
//! one arrow whose width says how many trips, not a hundred side by side.

use std::collections::BTreeMap;

use super::data::{MapData, Movement};

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

/// What makes two movements one flow.
type Route<'a> = (&'a str, &'a str, &'a [String], Option<&'a str>, &'a str);

/// The flows of `data`'s movements, in the order of their first movements' ids.
pub(crate) fn flows(data: &MapData) -> Vec<Flow<'_>> {
    let mut by_route: BTreeMap<Route, Vec<&Movement>> = BTreeMap::new();
    for m in data.movements() {
        let route = (
            m.origin.as_str(),
            m.destination.as_str(),
            m.via.as_slice(),
            m.actor.as_deref(),
            m.status.as_str(),
        );
        by_route.entry(route).or_default().push(m);
    }
    let mut flows: Vec<Flow> = by_route
        .into_values()
        .map(|mut ms| {
            ms.sort_by(|a, b| a.id.cmp(&b.id));
            let stated: Vec<u64> = ms
                .iter()
                .filter_map(|m| m.vehicles)
                .map(u64::from)
                .collect();
            Flow {
                first: ms[0],
                ids: ms.iter().map(|m| m.id.as_str()).collect(),
                vehicles: (!stated.is_empty()).then(|| stated.iter().sum()),
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

    fn trip(id: &str, to: &str, vehicles: Option<u32>) -> Movement {
        Movement {
            id: id.into(),
            doc: format!("{id}.txt"),
            event_type: Some("withdrawal".into()),
            actor: Some("United States".into()),
            actor_ar: None,
            origin: "a".into(),
            destination: to.into(),
            origin_name: "A".into(),
            destination_name: to.into(),
            origin_coarse: false,
            destination_coarse: false,
            via: Vec::new(),
            vehicles,
            status: "reported".into(),
            event_date: None,
            line: vec![[44.0, 33.0], [45.0, 34.0]],
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
            ],
            Vec::new(),
            Vec::new(),
        );
        let f = flows(&data);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].ids, ["a", "c", "d"]);
        assert_eq!(f[0].first.id, "a");
        assert_eq!(f[0].vehicles, Some(42));
        assert_eq!(f[1].trips(), 1);
        let mut planned = trip("e", "b", None);
        planned.status = "planned".into();
        let data = MapData::from_parts(vec![trip("a", "b", None), planned], vec![], vec![]);
        assert_eq!(flows(&data).len(), 2, "a planned trip is not one made");
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
