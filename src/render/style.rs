//! Colours and symbols: the two themes, the actors' and event types' colours (from
//! [`crate::palette`], so the maps match the GeoJSON), and the shapes of place and event
//! symbols.
//!
//! Shapes are drawn around a centre with a size `r` (half the symbol's width) in map pixels,
//! so the map, the legend and the tests draw exactly the same thing.

use super::svg::{Pen, Px, Rgb};
use super::Theme;
use crate::palette;

pub(crate) use crate::palette::EVENT_TYPES;

/// Every colour a map uses.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    pub page: Rgb,
    pub sea: Rgb,
    pub land: Rgb,
    /// Countries holding the map's features.
    pub land_focus: Rgb,
    pub border: Rgb,
    pub coast: Rgb,
    pub admin1: Rgb,
    pub river: Rgb,
    pub ink: Rgb,
    pub ink_soft: Rgb,
    pub country_label: Rgb,
    pub halo: Rgb,
    pub symbol: Rgb,
    pub symbol_light: Rgb,
    pub panel: Rgb,
    pub frame: Rgb,
}

pub(crate) fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette {
            page: Rgb(255, 255, 255),
            sea: Rgb(200, 221, 236),
            land: Rgb(236, 233, 226),
            land_focus: Rgb(250, 249, 245),
            border: Rgb(128, 118, 110),
            coast: Rgb(128, 163, 192),
            admin1: Rgb(184, 176, 168),
            river: Rgb(104, 156, 201),
            ink: Rgb(28, 28, 30),
            ink_soft: Rgb(92, 92, 98),
            country_label: Rgb(120, 112, 104),
            halo: Rgb(255, 255, 255),
            symbol: Rgb(40, 40, 44),
            symbol_light: Rgb(255, 255, 255),
            panel: Rgb(255, 255, 255),
            frame: Rgb(60, 60, 64),
        },
        Theme::Dark => Palette {
            page: Rgb(22, 25, 30),
            sea: Rgb(22, 38, 56),
            land: Rgb(44, 48, 55),
            land_focus: Rgb(58, 63, 71),
            border: Rgb(140, 146, 156),
            coast: Rgb(64, 100, 134),
            admin1: Rgb(88, 94, 104),
            river: Rgb(70, 122, 170),
            ink: Rgb(236, 238, 241),
            ink_soft: Rgb(170, 175, 184),
            country_label: Rgb(150, 156, 166),
            halo: Rgb(24, 27, 32),
            symbol: Rgb(236, 238, 241),
            symbol_light: Rgb(30, 33, 38),
            panel: Rgb(30, 34, 40),
            frame: Rgb(150, 156, 166),
        },
    }
}

/// A movement's colour: its actor's, the GeoJSON's `stroke` ([`palette::actor`]), in both
/// themes.
pub(crate) fn actor_colour(actor: Option<&str>) -> Rgb {
    rgb(palette::actor(actor))
}

/// An event marker's colour: its type's, the GeoJSON's `marker-color`.
pub(crate) fn event_colour(event_type: &str) -> Rgb {
    rgb(palette::event_type(event_type))
}

fn rgb(c: palette::Colour) -> Rgb {
    Rgb(c.0, c.1, c.2)
}

/// How a place is drawn, by gazetteer kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PlaceSymbol {
    Airbase,
    Base,
    Crossing,
    Oilfield,
    City,
    Town,
    Village,
    Poi,
    /// Region, governorate: a label only.
    Area,
    /// Country: neither symbol nor label (the basemap names countries).
    Hidden,
}

impl PlaceSymbol {
    pub fn of_kind(kind: &str) -> PlaceSymbol {
        match kind {
            "airbase" => PlaceSymbol::Airbase,
            "base" => PlaceSymbol::Base,
            "crossing" => PlaceSymbol::Crossing,
            "oilfield" => PlaceSymbol::Oilfield,
            "city" => PlaceSymbol::City,
            "town" => PlaceSymbol::Town,
            "village" | "district" => PlaceSymbol::Village,
            "region" | "governorate" => PlaceSymbol::Area,
            "country" => PlaceSymbol::Hidden,
            _ => PlaceSymbol::Poi,
        }
    }

    /// The legend's words for it.
    pub fn legend(self) -> &'static str {
        match self {
            PlaceSymbol::Airbase => "air base, airport",
            PlaceSymbol::Base => "military base",
            PlaceSymbol::Crossing => "border crossing",
            PlaceSymbol::Oilfield => "oil or gas field",
            PlaceSymbol::City => "city",
            PlaceSymbol::Town => "town",
            PlaceSymbol::Village => "village, district",
            PlaceSymbol::Poi => "other place",
            PlaceSymbol::Area => "region",
            PlaceSymbol::Hidden => "",
        }
    }

    /// Half-size in px at unit scale (0 for label-only places).
    pub fn radius(self) -> f64 {
        match self {
            PlaceSymbol::Airbase => 9.0,
            PlaceSymbol::Base => 7.5,
            PlaceSymbol::Crossing => 7.5,
            PlaceSymbol::Oilfield => 8.0,
            PlaceSymbol::City => 7.0,
            PlaceSymbol::Town => 5.0,
            PlaceSymbol::Village => 3.5,
            PlaceSymbol::Poi => 4.0,
            PlaceSymbol::Area | PlaceSymbol::Hidden => 0.0,
        }
    }

    /// Draws the symbol centred on `c`, `r` px in half-size.
    pub fn draw(self, pen: &mut Pen, c: Px, r: f64, pal: &Palette) {
        let (ink, light) = (pal.symbol, pal.symbol_light);
        let outline = (r * 0.22).max(1.0);
        match self {
            PlaceSymbol::Airbase => {
                pen.disc(c, r + outline, light, 1.0);
                pen.disc(c, r, ink, 1.0);
                pen.polygon(&at(c, r * 0.82, &PLANE), light, 1.0);
            }
            PlaceSymbol::Base => {
                let sq = square(c, r + outline);
                pen.polygon(&sq, light, 1.0);
                pen.polygon(&square(c, r), ink, 1.0);
                pen.polygon(&square(c, r * 0.38), light, 1.0);
            }
            PlaceSymbol::Crossing => {
                // Two triangles tip to tip: a way through between two sides.
                let (x, y) = c;
                let h = r * 0.85;
                let left = [(x - r, y - h), (x, y), (x - r, y + h)];
                let right = [(x + r, y - h), (x, y), (x + r, y + h)];
                for t in [left, right] {
                    pen.ring(&t, light, 1.0, outline * 2.0);
                    pen.polygon(&t, ink, 1.0);
                }
            }
            PlaceSymbol::Oilfield => {
                let drop = at(c, r, &DROP);
                pen.ring(&drop, light, 1.0, outline * 2.0);
                pen.polygon(&drop, ink, 1.0);
            }
            PlaceSymbol::City => {
                pen.disc(c, r, light, 1.0);
                pen.circle(c, r - outline * 1.2, ink, 1.0, outline * 2.2);
                pen.disc(c, r * 0.36, ink, 1.0);
            }
            PlaceSymbol::Town => {
                pen.disc(c, r + outline, light, 1.0);
                pen.disc(c, r, ink, 1.0);
            }
            PlaceSymbol::Village => {
                pen.disc(c, r + outline, light, 1.0);
                pen.disc(c, r, ink, 1.0);
            }
            PlaceSymbol::Poi => {
                pen.disc(c, r, light, 1.0);
                pen.circle(c, r - outline, ink, 1.0, outline * 1.6);
            }
            PlaceSymbol::Area | PlaceSymbol::Hidden => {}
        }
    }
}

/// An open arrowhead, for a line into a country or region that ends past its border: the
/// halo's colour inside a ring of the line's, so it reads "into the area", not "to a point".
pub(crate) fn draw_open_head(pen: &mut Pen, head: &[Px], colour: Rgb, ring: f64, pal: &Palette) {
    pen.polygon(head, pal.halo, 1.0);
    pen.ring(head, colour, 1.0, ring);
}

/// Half-size in px at unit scale of an event marker.
pub(crate) const EVENT_RADIUS: f64 = 6.5;

/// Draws the marker of an event type centred on `c`.
pub(crate) fn draw_event_marker(pen: &mut Pen, event_type: &str, c: Px, r: f64, pal: &Palette) {
    let colour = event_colour(event_type);
    let shape: Vec<Px> = match event_type {
        // Pointing down and away: forces leaving.
        "withdrawal" => at(c, r, &[(-1.0, -0.8), (1.0, -0.8), (0.0, 0.95)]),
        // Pointing up: forces arriving.
        "arrival" => at(c, r, &[(-1.0, 0.8), (1.0, 0.8), (0.0, -0.95)]),
        // Pointing sideways: forces moved on.
        "redeployment" => at(c, r, &[(-0.8, -1.0), (-0.8, 1.0), (0.95, 0.0)]),
        "handover" => at(c, r, &[(0.0, -1.1), (1.1, 0.0), (0.0, 1.1), (-1.1, 0.0)]),
        "presence" => regular(c, r, 6, 0.0),
        "attack" => star(c, r * 1.2, r * 0.5, 8),
        _ => regular(c, r * 0.9, 12, 0.0),
    };
    pen.ring(&shape, pal.symbol_light, 1.0, (r * 0.35).max(1.5));
    pen.polygon(&shape, colour, 1.0);
}

fn at(c: Px, r: f64, unit: &[Px]) -> Vec<Px> {
    unit.iter()
        .map(|&(x, y)| (c.0 + x * r, c.1 + y * r))
        .collect()
}

fn square(c: Px, r: f64) -> Vec<Px> {
    at(c, r, &[(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)])
}

fn regular(c: Px, r: f64, n: usize, phase: f64) -> Vec<Px> {
    (0..n)
        .map(|i| {
            let a = phase + i as f64 * std::f64::consts::TAU / n as f64;
            (c.0 + r * a.cos(), c.1 + r * a.sin())
        })
        .collect()
}

fn star(c: Px, outer: f64, inner: f64, points: usize) -> Vec<Px> {
    (0..2 * points)
        .map(|i| {
            let a = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::PI / points as f64;
            let r = if i % 2 == 0 { outer } else { inner };
            (c.0 + r * a.cos(), c.1 + r * a.sin())
        })
        .collect()
}

/// An aircraft seen from above, nose up, in a unit box.
pub(crate) const PLANE: [Px; 18] = [
    (0.0, -1.0),
    (0.12, -0.85),
    (0.12, -0.3),
    (0.95, 0.15),
    (0.95, 0.32),
    (0.12, 0.1),
    (0.12, 0.62),
    (0.38, 0.82),
    (0.38, 0.95),
    (0.0, 0.85),
    (-0.38, 0.95),
    (-0.38, 0.82),
    (-0.12, 0.62),
    (-0.12, 0.1),
    (-0.95, 0.32),
    (-0.95, 0.15),
    (-0.12, -0.3),
    (-0.12, -0.85),
];

/// A drop of oil, point up, in a unit box.
pub(crate) const DROP: [Px; 13] = [
    (0.0, -1.15),
    (0.35, -0.55),
    (0.62, -0.1),
    (0.72, 0.25),
    (0.62, 0.62),
    (0.35, 0.86),
    (0.0, 0.95),
    (-0.35, 0.86),
    (-0.62, 0.62),
    (-0.72, 0.25),
    (-0.62, -0.1),
    (-0.35, -0.55),
    (0.0, -1.15),
];
