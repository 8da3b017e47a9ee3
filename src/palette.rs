//! One colour per actor and per event type, the same in every output: the GeoJSON's
//! simplestyle `stroke` and `marker-color`, and the arrows, markers and legend of the SVG and
//! PNG maps.
//!
//! Actors convoy's lexicon knows have a fixed colour from a table, chosen so that those that
//! meet on one map (the United States, the coalition, Iraq, Syria, Iran and the militias,
//! Russia, Turkey, the Kurds) stay apart on light and dark land: every two of the table and
//! the no-actor grey are at least 11.5 apart in CIEDE2000, and no actor is a grey. Any other actor's colour is
//! derived from its name alone (a hash), never from the order actors appear in, so it is the
//! same in every map and every run.

use std::fmt;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour(pub u8, pub u8, pub u8);

impl fmt::Display for Colour {
    /// `#rrggbb`, as simplestyle and SVG write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The colour of movements with no actor stated.
pub const NO_ACTOR: Colour = Colour(0x55, 0x55, 0x55);

/// The actors the lexicon names, with their colours.
const ACTORS: [(&str, Colour); 25] = [
    ("United States", Colour(0x1f, 0x77, 0xb4)),
    ("International coalition", Colour(0x60, 0x4e, 0x97)),
    ("Iraq", Colour(0x00, 0x88, 0x56)),
    ("Syria", Colour(0xbe, 0x00, 0x32)),
    ("Iran", Colour(0x88, 0x2d, 0x17)),
    ("Iraqi militias", Colour(0x5e, 0x6b, 0x1f)),
    ("Russia", Colour(0xb3, 0x44, 0x6c)),
    ("Turkey", Colour(0xe2, 0x58, 0x22)),
    ("Syrian Democratic Forces", Colour(0xe0, 0xb0, 0x00)),
    ("Kurdistan Region", Colour(0x2a, 0x9d, 0x8f)),
    ("United Kingdom", Colour(0x17, 0xbe, 0xcf)),
    ("France", Colour(0x19, 0x4c, 0xb3)),
    ("Germany", Colour(0x94, 0x6f, 0x38)),
    ("Spain", Colour(0xf3, 0x84, 0x00)),
    ("Italy", Colour(0x8d, 0xb6, 0x00)),
    ("Croatia", Colour(0xe6, 0x8f, 0xac)),
    ("Slovenia", Colour(0xf9, 0x93, 0x79)),
    ("Australia", Colour(0xc2, 0x85, 0x0a)),
    ("Canada", Colour(0xa0, 0x51, 0x95)),
    ("Netherlands", Colour(0xb0, 0x9a, 0x6a)),
    ("Denmark", Colour(0xa3, 0x59, 0x3e)),
    ("Norway", Colour(0x5c, 0x6c, 0xd6)),
    ("Czechia", Colour(0x6b, 0x8e, 0x23)),
    ("Jordan", Colour(0x93, 0x84, 0x25)),
    ("Kuwait", Colour(0x74, 0xad, 0xd1)),
];

/// An actor's colour: from the table when known, else from a hash of the name.
///
/// # Examples
/// ```
/// use convoy::palette::{actor, NO_ACTOR};
/// assert_eq!(actor(Some("United States")).to_string(), "#1f77b4");
/// assert_eq!(actor(Some("Atlantis")), actor(Some("Atlantis")));
/// assert_eq!(actor(None), NO_ACTOR);
/// ```
pub fn actor(name: Option<&str>) -> Colour {
    let Some(name) = name else {
        return NO_ACTOR;
    };
    match ACTORS.iter().find(|(n, _)| *n == name) {
        Some((_, c)) => *c,
        None => hashed(name),
    }
}

/// A colour for a name the table does not hold: a hue from the name's FNV-1a hash (the same on
/// every platform and in every run), at a saturation and lightness that read on light and dark
/// land alike.
fn hashed(name: &str) -> Colour {
    let h = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    hsl((h % 360) as f64, 0.6, 0.45)
}

/// HSL (hue in degrees, saturation and lightness in 0..=1) to sRGB.
fn hsl(h: f64, s: f64, l: f64) -> Colour {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - ((h / 60.0) % 2.0 - 1.0).abs());
    let (r, g, b) = match (h / 60.0) as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    let byte = |v: f64| ((v + m) * 255.0).round() as u8;
    Colour(byte(r), byte(g), byte(b))
}

/// Movement line widths in px at a map's unit size: with no number of vehicles stated, for one
/// vehicle, and for a thousand or more.
pub const WIDTH_UNSTATED: f64 = 3.0;
/// See [`WIDTH_UNSTATED`].
pub const WIDTH_ONE: f64 = 2.0;
/// See [`WIDTH_UNSTATED`].
pub const WIDTH_THOUSAND: f64 = 10.0;

/// A movement's line width in px, the same in every output: the GeoJSON's simplestyle
/// `stroke-width`, the PNG and SVG maps, the QGIS style (as an expression) and the page. 2 px
/// for one vehicle up to 10 px for a thousand or more, on a log scale (convoys range from a
/// handful of trucks to hundreds); 3 px when no number is stated.
///
/// # Examples
/// ```
/// use convoy::palette::movement_width;
/// assert_eq!(movement_width(Some(1000)), 10.0);
/// assert_eq!(movement_width(None), 3.0);
/// ```
pub fn movement_width(vehicles: Option<u32>) -> f64 {
    match vehicles {
        None => WIDTH_UNSTATED,
        Some(v) => {
            let t = ((v.max(1) as f64).log10() / 3.0).clamp(0.0, 1.0);
            WIDTH_ONE + (WIDTH_THOUSAND - WIDTH_ONE) * t
        }
    }
}

/// The event types the contract names, in legend order.
pub const EVENT_TYPES: [&str; 7] = [
    "withdrawal",
    "redeployment",
    "relocation",
    "arrival",
    "handover",
    "presence",
    "attack",
];

/// An event type's colour (movements' and events' `event_type`); grey for any other word.
///
/// # Examples
/// ```
/// assert_eq!(convoy::palette::event_type("attack").to_string(), "#c8101e");
/// ```
pub fn event_type(event_type: &str) -> Colour {
    match event_type {
        "withdrawal" => Colour(230, 97, 1),
        "redeployment" => Colour(0, 133, 125),
        "relocation" => Colour(67, 147, 195),
        "arrival" => Colour(26, 152, 80),
        "handover" => Colour(123, 50, 148),
        "presence" => Colour(33, 102, 172),
        "attack" => Colour(200, 16, 30),
        _ => Colour(110, 110, 110),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_actors_have_distinct_colours() {
        let mut seen = std::collections::BTreeSet::new();
        for (name, c) in ACTORS {
            assert!(seen.insert((c.0, c.1, c.2)), "{name} shares its colour");
            assert_ne!(c, NO_ACTOR);
        }
    }

    /// CIE L*a*b* (D65) of an sRGB colour.
    fn lab(c: Colour) -> deltae::LabValue {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let (r, g, b) = (lin(c.0), lin(c.1), lin(c.2));
        // sRGB's primaries to XYZ, over the D65 white.
        let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47;
        let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175 * b;
        let z = (0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b) / 1.088_83;
        let f = |t: f64| {
            let d: f64 = 6.0 / 29.0;
            if t > d.powi(3) {
                t.cbrt()
            } else {
                t / (3.0 * d * d) + 4.0 / 29.0
            }
        };
        deltae::LabValue::new(
            (116.0 * f(y) - 16.0).clamp(0.0, 100.0) as f32,
            (500.0 * (f(x) - f(y))) as f32,
            (200.0 * (f(y) - f(z))) as f32,
        )
        .unwrap()
    }

    fn ciede2000(a: Colour, b: Colour) -> f32 {
        *deltae::DeltaE::new(lab(a), lab(b), deltae::DEMethod::DE2000).value()
    }

    #[test]
    fn lab_and_ciede2000_match_known_values() {
        let white = lab(Colour(255, 255, 255));
        assert!((white.l - 100.0).abs() < 0.01 && white.a.abs() < 0.01 && white.b.abs() < 0.01);
        // sRGB red is L*a*b* (53.24, 80.09, 67.20).
        let red = lab(Colour(255, 0, 0));
        assert!((red.l - 53.24).abs() < 0.05 && (red.a - 80.09).abs() < 0.05);
        assert!((red.b - 67.20).abs() < 0.05);
        // Sharma, Wu and Dalal's (2005) first test pair: 2.0425.
        let a = deltae::LabValue::new(50.0, 2.6772, -79.7751).unwrap();
        let b = deltae::LabValue::new(50.0, 0.0, -82.7485).unwrap();
        let de = *deltae::DeltaE::new(a, b, deltae::DEMethod::DE2000).value();
        assert!((de - 2.0425).abs() < 0.001, "{de}");
    }

    #[test]
    fn fixed_colours_are_far_apart_and_none_is_the_no_actor_grey() {
        let mut all: Vec<(&str, Colour)> = ACTORS.to_vec();
        all.push(("no actor", NO_ACTOR));
        for (i, (a, ca)) in all.iter().enumerate() {
            for (b, cb) in &all[i + 1..] {
                let de = ciede2000(*ca, *cb);
                assert!(de >= 11.5, "{a} {ca} and {b} {cb} are {de:.2} apart");
            }
        }
        // A grey reads as "no actor", whatever its lightness: every actor has a hue and
        // stands well apart from the no-actor grey.
        for (name, c) in ACTORS {
            let l = lab(c);
            let chroma = l.a.hypot(l.b);
            assert!(chroma >= 20.0, "{name} {c} is greyish (chroma {chroma:.1})");
            assert!(ciede2000(c, NO_ACTOR) >= 20.0, "{name} {c}");
        }
    }

    #[test]
    fn new_actors_get_a_colour_from_their_name_alone() {
        // Pinned: a change of hash or formula would recolour every map made before.
        assert_eq!(actor(Some("Atlantis")).to_string(), "#a3b82e");
        assert_ne!(actor(Some("Atlantis")), actor(Some("Lemuria")));
    }

    #[test]
    fn hsl_primaries() {
        assert_eq!(hsl(0.0, 1.0, 0.5), Colour(255, 0, 0));
        assert_eq!(hsl(120.0, 1.0, 0.5), Colour(0, 255, 0));
        assert_eq!(hsl(240.0, 1.0, 0.5), Colour(0, 0, 255));
    }

    #[test]
    fn widths_grow_with_vehicles() {
        assert_eq!(movement_width(Some(1)), 2.0);
        assert_eq!(movement_width(Some(1000)), 10.0);
        assert_eq!(movement_width(Some(5000)), 10.0);
        assert!(movement_width(Some(10)) < movement_width(Some(100)));
        assert_eq!(movement_width(None), 3.0);
    }

    #[test]
    fn every_event_type_has_its_own_colour() {
        let colours: std::collections::BTreeSet<String> = EVENT_TYPES
            .iter()
            .map(|t| event_type(t).to_string())
            .collect();
        assert_eq!(colours.len(), EVENT_TYPES.len());
        assert!(!colours.contains(&event_type("other").to_string()));
    }
}
