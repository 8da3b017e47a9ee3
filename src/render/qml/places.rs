//! `places.qml`: the map's symbol for each kind of place, and the map's labels.

use std::io::Result;

use base64::Engine;

use super::xml::{self, len, rgba, Category, Geometry, Labeling, Layer, Symbol};
use super::{MM, PT};
use crate::export::Legend;
use crate::palette::Colour;
use crate::render::style::{palette as theme, Palette, PlaceSymbol, DROP, PLANE};
use crate::render::svg::{Px, Rgb};
use crate::render::{Labels, Theme};

/// The style: a class per kind of place in `legend`, in the map legend's order, then one for
/// any other kind; labels in `labels`.
pub(super) fn style(legend: &Legend, labels: Labels) -> Result<Vec<u8>> {
    let pal = theme(Theme::Light);
    let mut kinds: Vec<(PlaceSymbol, &str)> = legend
        .kinds
        .iter()
        .map(|k| (PlaceSymbol::of_kind(k), *k))
        .collect();
    kinds.sort();
    let mut categories: Vec<Category> = kinds
        .iter()
        .map(|&(s, kind)| Category {
            value: kind.to_owned(),
            label: kind.to_owned(),
            symbol: symbol(s, &pal),
            render: s != PlaceSymbol::Hidden,
        })
        .collect();
    categories.push(Category {
        value: String::new(),
        label: PlaceSymbol::Poi.legend().to_owned(),
        symbol: symbol(PlaceSymbol::Poi, &pal),
        render: true,
    });
    let areas = "\"kind\" IN ('region', 'governorate', 'country')";
    let label = Labeling {
        text: text(labels),
        font: "Noto Sans",
        size: 17.0 * PT,
        colour: colour(pal.ink),
        halo: colour(pal.halo),
        halo_size: 2.0 * MM,
        distance: 2.0 * MM,
        defined: vec![
            (
                "Color",
                format!(
                    "if({areas}, '{}', '{}')",
                    rgba(colour(pal.ink_soft), 255),
                    rgba(colour(pal.ink), 255)
                ),
            ),
            (
                "Size",
                format!("if({areas}, {}, {})", len(16.0 * PT), len(17.0 * PT)),
            ),
        ],
    };
    xml::document("Symbology|Labeling", true, Geometry::Point, |w| {
        xml::categorized(w, "kind", &categories)?;
        xml::labeling(w, &label)
    })
}

/// The label's QGIS expression: the English name, the Arabic (English where there is none),
/// or both, English above.
fn text(labels: Labels) -> String {
    let arabic = "nullif(trim(\"name_ar\"), '')";
    match labels {
        Labels::En => "\"name_en\"".to_owned(),
        Labels::Ar => format!("coalesce({arabic}, \"name_en\")"),
        Labels::Both => format!("concat(\"name_en\", '\\n' || {arabic})"),
    }
}

fn colour(c: Rgb) -> Colour {
    Colour(c.0, c.1, c.2)
}

/// The symbol the map draws for `s`, layer by layer as [`PlaceSymbol::draw`] draws it.
fn symbol(s: PlaceSymbol, pal: &Palette) -> Symbol {
    let (ink, light) = (colour(pal.symbol), colour(pal.symbol_light));
    let r = s.radius();
    let outline = (r * 0.22).max(1.0);
    let layers = match s {
        PlaceSymbol::Airbase => vec![
            disc(r + outline, light),
            disc(r, ink),
            glyph(&[(&PLANE, light, None)], r * 0.82),
        ],
        PlaceSymbol::Base => vec![
            simple("square", r + outline, light, None),
            simple("square", r, ink, None),
            simple("square", r * 0.38, light, None),
        ],
        PlaceSymbol::Crossing => {
            // Two triangles tip to tip, in a unit box.
            let left: [Px; 3] = [(-1.0, -0.85), (0.0, 0.0), (-1.0, 0.85)];
            let right: [Px; 3] = [(1.0, -0.85), (0.0, 0.0), (1.0, 0.85)];
            let ring = Some((light, 2.0 * outline / r));
            vec![glyph(&[(&left, ink, ring), (&right, ink, ring)], r)]
        }
        PlaceSymbol::Oilfield => vec![glyph(&[(&DROP, ink, Some((light, 2.0 * outline / r)))], r)],
        PlaceSymbol::City => vec![
            disc(r, light),
            simple(
                "circle",
                r - outline * 1.2,
                Colour(0, 0, 0),
                Some((ink, outline * 2.2)),
            )
            .transparent_fill(),
            disc(r * 0.36, ink),
        ],
        PlaceSymbol::Town | PlaceSymbol::Village => vec![disc(r + outline, light), disc(r, ink)],
        PlaceSymbol::Poi => vec![
            disc(r, light),
            simple(
                "circle",
                r - outline,
                Colour(0, 0, 0),
                Some((ink, outline * 1.6)),
            )
            .transparent_fill(),
        ],
        // A label only; countries are not drawn at all.
        PlaceSymbol::Area | PlaceSymbol::Hidden => {
            vec![simple("circle", 1.0, ink, None).transparent_fill()]
        }
    };
    Symbol {
        geometry: Geometry::Point,
        layers,
    }
}

/// A filled disc of radius `r` px.
fn disc(r: f64, fill: Colour) -> Layer {
    simple("circle", r, fill, None)
}

/// A QGIS simple marker `name`, `r` px in half-size, filled with `fill`, with an outline of
/// (colour, width in px) or none.
fn simple(name: &str, r: f64, fill: Colour, outline: Option<(Colour, f64)>) -> Layer {
    let (stroke, style, width) = match outline {
        Some((c, w)) => (c, "solid", w),
        None => (fill, "no", 0.0),
    };
    Layer::new(
        "SimpleMarker",
        vec![
            ("name", name.to_owned()),
            ("color", rgba(fill, 255)),
            ("outline_color", rgba(stroke, 255)),
            ("outline_style", style.into()),
            ("outline_width", len(width * MM)),
            ("outline_width_unit", "MM".into()),
            ("size", len(2.0 * r * MM)),
            ("size_unit", "MM".into()),
        ],
    )
    .locked()
}

impl Layer {
    /// The marker's fill left out: an outline only.
    fn transparent_fill(mut self) -> Layer {
        for (k, v) in &mut self.props {
            if *k == "color" {
                *v = "0,0,0,0".into();
            }
        }
        self
    }
}

/// A polygon in a unit box, its fill, and its outline (colour, width in box units) if any.
type Shape<'a> = (&'a [Px], Colour, Option<(Colour, f64)>);

/// An SVG marker of polygons in a unit box (each filled, with an outline of a colour and a
/// width in box units, or none), drawn `r` px in half-size: the map's own outlines, embedded
/// in the style.
fn glyph(shapes: &[Shape], r: f64) -> Layer {
    // The box holds the outlines too.
    let half = 1.0
        + shapes
            .iter()
            .filter_map(|(_, _, o)| o.map(|(_, w)| w / 2.0))
            .fold(0.0, f64::max);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{} {} {} {}\">",
        len(-half),
        len(-half),
        len(2.0 * half),
        len(2.0 * half)
    );
    let path = |pts: &[Px]| {
        let mut d = String::new();
        for (i, (x, y)) in pts.iter().enumerate() {
            d.push_str(if i == 0 { "M" } else { " L" });
            d.push_str(&format!("{} {}", len(*x), len(*y)));
        }
        d + " Z"
    };
    for (pts, _, outline) in shapes {
        if let Some((c, w)) = outline {
            svg.push_str(&format!(
                "<path d=\"{}\" fill=\"none\" stroke=\"{c}\" stroke-width=\"{}\" stroke-linejoin=\"round\"/>",
                path(pts),
                len(*w)
            ));
        }
    }
    for (pts, fill, _) in shapes {
        svg.push_str(&format!("<path d=\"{}\" fill=\"{fill}\"/>", path(pts)));
    }
    svg.push_str("</svg>");
    let data = base64::engine::general_purpose::STANDARD.encode(svg);
    Layer::new(
        "SvgMarker",
        vec![
            ("name", format!("base64:{data}")),
            ("size", len(2.0 * half * r * MM)),
            ("size_unit", "MM".into()),
            ("scale_method", "diameter".into()),
        ],
    )
    .locked()
}
