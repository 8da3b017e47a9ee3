//! What the written layers hold that their styles list: the actors of the movements, the types
//! of the events and the kinds of the places, each once, in order. Gathered as the features are
//! written, so that styles written beside the layers (QGIS's `.qml`) name exactly what is there.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::extract::Extraction;
use crate::gazetteer::{Gazetteer, PlaceIndex};

/// The categories the layers hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Legend {
    /// The movements' actors by name; movements with no actor stated are [`Legend::no_actor`].
    pub actors: BTreeSet<Arc<str>>,
    /// Some movement has no actor stated.
    pub no_actor: bool,
    /// The events' `event_type`s.
    pub event_types: BTreeSet<&'static str>,
    /// The places' `kind`s.
    pub kinds: BTreeSet<&'static str>,
}

impl Legend {
    /// The actors and event types of one article's extraction.
    pub fn of(x: &Extraction) -> Legend {
        let mut legend = Legend::default();
        for m in &x.movements {
            match &m.actor {
                Some(a) => {
                    legend.actors.insert(a.name.clone());
                }
                None => legend.no_actor = true,
            }
        }
        legend.event_types = x.events.iter().map(|e| e.event_type.as_str()).collect();
        legend
    }

    /// Adds the kinds of `places`.
    pub fn add_places(&mut self, g: &Gazetteer, places: impl IntoIterator<Item = PlaceIndex>) {
        self.kinds
            .extend(places.into_iter().map(|p| g.place(p).kind.as_str()));
    }

    /// Adds what `other` holds.
    pub fn merge(&mut self, other: &Legend) {
        self.actors.extend(other.actors.iter().cloned());
        self.no_actor |= other.no_actor;
        self.event_types.extend(&other.event_types);
        self.kinds.extend(&other.kinds);
    }
}
