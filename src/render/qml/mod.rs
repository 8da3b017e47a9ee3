//! QGIS layer styles: `movements.qml`, `events.qml` and `places.qml`, written beside the GeoJSON
//! layers so that QGIS, which loads `NAME.qml` with `NAME.geojson`, opens them looking like
//! convoy's maps.
//!
//! - movements: a class per actor the layer holds, in the actor's colour (the GeoJSON's
//!   `stroke`, [`crate::palette`]), plus one for every other actor and none stated that takes
//!   the colour from `stroke`; as wide as the map's arrows (by `vehicles`), on a white halo,
//!   with the map's arrowhead at the destination (open into a country or region), dashed
//!   when planned and dotted when denied.
//! - events: a class per event type, in the map's colours (`marker-color`) and shapes, set
//!   beside their place in the legend's order as the map sets them.
//! - places: the map's symbol for each kind, region names in grey, countries hidden (as on
//!   the map); labelled in English, Arabic or both.
//!
//! Movements and events carry temporal settings: each feature is an instant at `event_date`,
//! so QGIS's Temporal Controller animates them with no setup. Sizes are the map's at 96 dpi.

mod events;
mod movements;
mod places;
mod xml;

use crate::error::{Error, Result};
use crate::export::Legend;

use super::Labels;

/// Millimetres per map pixel (the map's sizes at 96 dpi).
const MM: f64 = 25.4 / 96.0;

/// Points per map pixel, for text.
const PT: f64 = 72.0 / 96.0;

/// The three styles for layers holding what `legend` lists, labelled in `labels`: file name
/// and contents, each deterministic.
pub fn styles(legend: &Legend, labels: Labels) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let io = |e: std::io::Error| Error::Render(format!("cannot write a QGIS style: {e}"));
    Ok(vec![
        ("movements.qml", movements::style(legend).map_err(io)?),
        ("events.qml", events::style(legend).map_err(io)?),
        ("places.qml", places::style(legend, labels).map_err(io)?),
    ])
}

/// The QGIS expression of a feature's colour from its simplestyle property `property`, or
/// `fallback` where it has none.
fn colour_of(property: &str, fallback: crate::palette::Colour) -> String {
    format!("coalesce(\"{property}\", '{fallback}')")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::palette;

    fn legend() -> Legend {
        let mut l = Legend::default();
        l.actors.insert("United States".into());
        l.actors.insert("Atlantis <\"&'> Corps".into());
        l.no_actor = true;
        l.event_types.extend(["attack", "withdrawal"]);
        l.kinds.extend(["airbase", "country", "town"]);
        l
    }

    /// A style's XML, QGIS's doctype and all.
    fn xml(text: &str) -> roxmltree::Document<'_> {
        let opts = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        roxmltree::Document::parse_with_options(text, opts).expect("well-formed XML")
    }

    /// The style `name` of [`legend`], parsed.
    fn parsed(name: &str, labels: Labels) -> (String, Vec<u8>) {
        let styles = styles(&legend(), labels).unwrap();
        let (_, bytes) = styles.into_iter().find(|(n, _)| *n == name).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        xml(&text);
        (text, bytes)
    }

    /// A category's value and the colours its symbol's layers are drawn in.
    fn categories(text: &str) -> Vec<(String, Vec<String>)> {
        let doc = xml(text);
        let symbols: Vec<roxmltree::Node> = doc
            .descendants()
            .filter(|n| n.has_tag_name("symbols"))
            .flat_map(|s| s.children().filter(|n| n.has_tag_name("symbol")))
            .collect();
        doc.descendants()
            .filter(|n| n.has_tag_name("category"))
            .map(|c| {
                let i = c.attribute("symbol").unwrap();
                let symbol = symbols
                    .iter()
                    .find(|s| s.attribute("name") == Some(i))
                    .unwrap();
                let colours = symbol
                    .children()
                    .filter(|l| l.attribute("locked") == Some("0"))
                    .flat_map(|l| l.descendants())
                    .filter(|o| matches!(o.attribute("name"), Some("line_color" | "color")))
                    .map(|o| o.attribute("value").unwrap().to_owned())
                    .collect();
                (c.attribute("value").unwrap().to_owned(), colours)
            })
            .collect()
    }

    fn rgba(c: palette::Colour) -> String {
        format!("{},{},{},255", c.0, c.1, c.2)
    }

    #[test]
    fn movements_have_a_class_per_actor_in_its_colour_and_one_for_the_rest() {
        let (text, _) = parsed("movements.qml", Labels::En);
        let got = categories(&text);
        let names: Vec<&str> = got.iter().map(|(v, _)| v.as_str()).collect();
        // Name order, the odd characters read back as written; "" is every other value.
        assert_eq!(names, ["Atlantis <\"&'> Corps", "United States", ""]);
        for (value, colours) in &got {
            let want = palette::actor((!value.is_empty()).then_some(value.as_str()));
            assert!(!colours.is_empty());
            assert!(
                colours.iter().all(|c| *c == rgba(want)),
                "{value}: {colours:?}"
            );
        }
        // The rest take the colour from the feature.
        assert!(text.contains("coalesce(&quot;stroke&quot;, &apos;#555555&apos;)"));
        assert!(text.contains("<temporal enabled=\"1\" mode=\"1\" startField=\"event_date\""));
    }

    #[test]
    fn events_have_their_types_colours_in_the_maps_legend_order() {
        let (text, _) = parsed("events.qml", Labels::En);
        let got = categories(&text);
        let names: Vec<&str> = got.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(names, ["withdrawal", "attack", ""]);
        for (value, colours) in &got {
            assert_eq!(colours, &[rgba(palette::event_type(value))], "{value}");
        }
    }

    #[test]
    fn places_are_labelled_in_the_language_asked_for_and_countries_hidden() {
        let label = |labels| {
            let (text, _) = parsed("places.qml", labels);
            let doc = xml(&text);
            let style = doc
                .descendants()
                .find(|n| n.has_tag_name("text-style"))
                .unwrap();
            assert!(text.contains("labelsEnabled=\"1\""));
            assert!(text.contains("render=\"false\" symbol=\"2\" value=\"country\""));
            style.attribute("fieldName").unwrap().to_owned()
        };
        assert_eq!(label(Labels::En), "\"name_en\"");
        assert_eq!(
            label(Labels::Ar),
            "coalesce(nullif(trim(\"name_ar\"), ''), \"name_en\")"
        );
        assert!(label(Labels::Both).starts_with("concat(\"name_en\", '\\n' || "));
    }

    #[test]
    fn the_same_legend_gives_the_same_bytes() {
        for name in ["movements.qml", "events.qml", "places.qml"] {
            assert_eq!(parsed(name, Labels::Both).1, parsed(name, Labels::Both).1);
        }
        let one = styles(&legend(), Labels::En).unwrap();
        let mut fewer = legend();
        fewer.actors.remove("United States");
        assert_ne!(one[0].1, styles(&fewer, Labels::En).unwrap()[0].1);
    }

    #[test]
    fn place_glyphs_are_the_maps_outlines_embedded() {
        let (text, _) = parsed("places.qml", Labels::En);
        let svg = text
            .split("value=\"base64:")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap();
        use base64::Engine;
        let svg = base64::engine::general_purpose::STANDARD
            .decode(svg)
            .unwrap();
        let svg = String::from_utf8(svg).unwrap();
        roxmltree::Document::parse(&svg).expect("an SVG");
        // The aircraft of the air base symbol, nose up.
        assert!(svg.contains("<path d=\"M0 -1 L0.12 -0.85"), "{svg}");
    }
}
