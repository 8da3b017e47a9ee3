//! `movements.qml`: a class per actor, each drawn as the map draws a movement.

use std::io::Result;

use super::xml::{self, len, rgba, Category, Geometry, Layer, Symbol};
use super::{colour_of, MM};
use crate::export::Legend;
use crate::palette::{self, Colour, WIDTH_ONE, WIDTH_THOUSAND, WIDTH_UNSTATED};
use crate::render::arrows::{HEAD_HALF_WIDTH, HEAD_LENGTH, HEAD_OVER_SHAFT};
use crate::render::style::palette as theme;
use crate::render::Theme;

/// The statuses drawn dashed: what did not happen (yet).
const UNDONE: &str = "('planned', 'denied')";

/// The legend's words for movements no class of their own holds.
pub(super) const OTHER: &str = "another actor, or none stated";

/// The style: a class per actor of `legend`, in name order, then the class for the rest.
pub(super) fn style(legend: &Legend) -> Result<Vec<u8>> {
    let mut categories: Vec<Category> = legend
        .actors
        .iter()
        .map(|a| Category {
            value: a.to_string(),
            label: a.to_string(),
            symbol: symbol(palette::actor(Some(a)), None),
            render: true,
        })
        .collect();
    categories.push(Category {
        value: String::new(),
        label: OTHER.to_owned(),
        symbol: symbol(
            palette::NO_ACTOR,
            Some(colour_of("stroke", palette::NO_ACTOR)),
        ),
        render: true,
    });
    xml::document("Symbology|Temporal", false, Geometry::Line, |w| {
        xml::categorized(w, "actor", &categories)?;
        xml::temporal(w, "event_date")
    })
}

/// The map's width in px for the feature: by `vehicles`, on the map's log scale.
fn width_px() -> String {
    format!(
        "CASE WHEN \"vehicles\" IS NULL THEN {} ELSE {} + {} * clamp(0, log10(max(1, \"vehicles\")) / 3, 1) END",
        len(WIDTH_UNSTATED),
        len(WIDTH_ONE),
        len(WIDTH_THOUSAND - WIDTH_ONE)
    )
}

/// `px`, an expression in map pixels of `@w` (the line's width), in millimetres.
fn mm_of_width(px: &str) -> String {
    format!(
        "with_variable('w', {}, ({px}) * {})",
        width_px(),
        len_fine(MM)
    )
}

/// A factor to six decimals.
fn len_fine(v: f64) -> String {
    format!("{v:.6}")
}

/// A movement in `colour`, or in the colour `expression` gives per feature: a white halo, the
/// line (dashed when planned, dotted when denied) stopping short of the head, and the head at
/// the destination, open into a country or region.
fn symbol(colour: Colour, expression: Option<String>) -> Symbol {
    let halo = theme(Theme::Light).halo;
    let halo = Colour(halo.0, halo.1, halo.2);
    let colour_or = |c: &str| expression.clone().unwrap_or_else(|| format!("'{c}'"));
    let head = |coef: (f64, f64)| format!("{} * @w + {}", len(coef.0), len(coef.1));
    let mut casing = Layer::new("SimpleLine", line_props(halo, 230))
        .defined("outlineWidth", mm_of_width("@w + 3"))
        .locked();
    casing.props.push(("capstyle", "round".into()));
    let shaft = |dashed: bool| {
        let mut shaft = Layer::new("SimpleLine", line_props(colour, 255))
            .defined("outlineWidth", mm_of_width("@w"))
            .defined(
                "trimEnd",
                mm_of_width(&format!(
                    "({}) * {}",
                    head(HEAD_LENGTH),
                    len(HEAD_OVER_SHAFT)
                )),
            );
        if dashed {
            // The map's dashes: long for planned, short for denied.
            shaft.props.push(("use_custom_dash", "1".into()));
            shaft.props.push(("capstyle", "flat".into()));
            shaft = shaft
                .defined("enabled", format!("\"status\" IN {UNDONE}"))
                .defined(
                "customDash",
                mm_of_width(
                    "CASE WHEN \"status\" = 'denied' THEN concat(0.9 * @w + 1, ';', 1.3 * @w + 3) \
                         ELSE concat(2.2 * @w + 4, ';', 1.4 * @w + 3) END",
                ),
            );
        } else {
            shaft.props.push(("capstyle", "round".into()));
            shaft = shaft.defined("enabled", format!("\"status\" NOT IN {UNDONE}"));
        }
        match &expression {
            Some(e) => shaft.defined("outlineColor", e.clone()),
            None => shaft,
        }
    };
    let tip = Layer::new(
        "SimpleMarker",
        vec![
            ("name", "triangle".into()),
            ("angle", "90".into()),
            ("color", rgba(colour, 255)),
            ("outline_color", rgba(colour, 255)),
            ("outline_style", "solid".into()),
            ("outline_width", len(MM)),
            ("outline_width_unit", "MM".into()),
            ("joinstyle", "round".into()),
            ("size_unit", "MM".into()),
            // The apex, which points along the line, at the destination.
            ("vertical_anchor_point", "0".into()),
            ("horizontal_anchor_point", "1".into()),
        ],
    )
    .defined(
        "size",
        mm_of_width(&format!("2 * ({})", head(HEAD_HALF_WIDTH))),
    )
    .defined(
        "fillColor",
        format!(
            "if(\"destination_coarse\", '{}', {})",
            halo,
            colour_or(&colour.to_string())
        ),
    )
    .defined(
        "outlineWidth",
        mm_of_width("if(\"destination_coarse\", max(0.45 * @w, 2), 1)"),
    );
    let tip = match &expression {
        Some(e) => tip.defined("outlineColor", e.clone()),
        None => tip,
    };
    let head_line = Layer::new(
        "MarkerLine",
        vec![
            ("placement", "lastvertex".into()),
            ("rotate", "1".into()),
            ("interval", "3".into()),
            ("offset", "0".into()),
        ],
    )
    .with_sub(Symbol {
        geometry: Geometry::Point,
        layers: vec![tip],
    });
    Symbol {
        geometry: Geometry::Line,
        layers: vec![casing, shaft(false), shaft(true), head_line],
    }
}

/// A simple line of `colour`, round joins and caps, widths in millimetres.
fn line_props(colour: Colour, alpha: u8) -> Vec<(&'static str, String)> {
    vec![
        ("line_color", rgba(colour, alpha)),
        ("line_style", "solid".into()),
        ("line_width", len(WIDTH_UNSTATED * MM)),
        ("line_width_unit", "MM".into()),
        ("joinstyle", "round".into()),
        ("customdash_unit", "MM".into()),
        ("trim_distance_end_unit", "MM".into()),
    ]
}
