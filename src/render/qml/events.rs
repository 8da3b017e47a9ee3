//! `events.qml`: a class per event type, in the map's colours and shapes, set beside the place.

use std::io::Result;

use super::xml::{self, len, rgba, Category, Geometry, Layer, Symbol};
use super::{colour_of, MM};
use crate::export::Legend;
use crate::palette::{self, Colour, EVENT_TYPES};
use crate::render::style::{palette as theme, EVENT_RADIUS};
use crate::render::Theme;

/// The legend's words for events of a type the map has no class for.
pub(super) const OTHER: &str = "other event";

/// The style: a class per event type of `legend` in the map legend's order, then the class for
/// the rest. Each type's markers stand in their own place in a row beside the event's place,
/// as on the map, so events of several types at one place do not hide one another.
pub(super) fn style(legend: &Legend) -> Result<Vec<u8>> {
    let known: Vec<&str> = EVENT_TYPES
        .iter()
        .copied()
        .filter(|t| legend.event_types.contains(t))
        .collect();
    let mut categories: Vec<Category> = known
        .iter()
        .enumerate()
        .map(|(slot, t)| Category {
            value: (*t).to_owned(),
            label: (*t).to_owned(),
            symbol: marker(t, palette::event_type(t), slot, None),
            render: true,
        })
        .collect();
    let other = palette::event_type("");
    categories.push(Category {
        value: String::new(),
        label: OTHER.to_owned(),
        symbol: marker(
            "",
            other,
            known.len(),
            Some(colour_of("marker-color", other)),
        ),
        render: true,
    });
    xml::document("Symbology|Temporal", false, Geometry::Point, |w| {
        xml::categorized(w, "event_type", &categories)?;
        xml::temporal(w, "event_date")
    })
}

/// The map's marker of `event_type` in `colour` (or the colour `expression` gives), in row
/// place `slot` up and to the right of the point.
fn marker(event_type: &str, colour: Colour, slot: usize, expression: Option<String>) -> Symbol {
    let light = theme(Theme::Light).symbol_light;
    let r = EVENT_RADIUS;
    // The map's row starts past a base's symbol; markers are a diameter and 3 px apart.
    let (x, y) = (
        7.5 * 0.75 + r + 1.5 + slot as f64 * (2.0 * r + 3.0),
        -(7.5 * 0.75 + r + 1.0),
    );
    let (name, angle, size) = shape(event_type);
    // QGIS turns a marker's offset with the marker: turned back here, it lands where meant.
    let (sin, cos) = angle.to_radians().sin_cos();
    let (x, y) = (x * cos + y * sin, y * cos - x * sin);
    let mut layer = Layer::new(
        "SimpleMarker",
        vec![
            ("name", name.into()),
            ("angle", len(angle)),
            ("color", rgba(colour, 255)),
            (
                "outline_color",
                rgba(Colour(light.0, light.1, light.2), 255),
            ),
            ("outline_style", "solid".into()),
            ("outline_width", len((r * 0.35).max(1.5) * MM)),
            ("outline_width_unit", "MM".into()),
            ("joinstyle", "miter".into()),
            ("size", len(2.0 * r * size * MM)),
            ("size_unit", "MM".into()),
            ("offset", format!("{},{}", len(x * MM), len(y * MM))),
            ("offset_unit", "MM".into()),
        ],
    );
    if let Some(e) = expression {
        layer = layer.defined("fillColor", e);
    }
    Symbol {
        geometry: Geometry::Point,
        layers: vec![layer],
    }
}

/// QGIS's simple marker nearest the map's shape for an event type, its angle (clockwise from
/// QGIS's upright shape) and its size as a share of the map's marker width.
fn shape(event_type: &str) -> (&'static str, f64, f64) {
    match event_type {
        // Pointing down and away: forces leaving.
        "withdrawal" => ("triangle", 180.0, 1.0),
        // Pointing up: forces arriving.
        "arrival" => ("triangle", 0.0, 1.0),
        // Pointing sideways: forces moved on.
        "redeployment" => ("triangle", 90.0, 1.0),
        "handover" => ("diamond", 0.0, 1.1),
        "presence" => ("hexagon", 30.0, 1.0),
        "attack" => ("star", 0.0, 1.2),
        _ => ("circle", 0.0, 0.9),
    }
}
