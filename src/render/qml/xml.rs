//! QGIS's style vocabulary (symbols, symbol layers, properties set by expressions, the
//! categorized renderer, labels, temporal settings) as quick-xml writes it: escaped, in a fixed
//! order, so the same style is the same bytes.
//!
//! The elements are those QGIS 3.22 writes when it saves a layer's style, and that QGIS 3.x
//! reads back; properties a style does not set take QGIS's defaults.

use std::io::Result;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use crate::palette::Colour;

/// A style being written.
pub(super) type W = Writer<Vec<u8>>;

/// What a symbol draws on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Geometry {
    Point,
    Line,
}

impl Geometry {
    /// QGIS's name for the symbol type.
    fn symbol_type(self) -> &'static str {
        match self {
            Geometry::Point => "marker",
            Geometry::Line => "line",
        }
    }

    /// QGIS's `layerGeometryType`.
    fn code(self) -> u8 {
        match self {
            Geometry::Point => 0,
            Geometry::Line => 1,
        }
    }
}

/// A symbol: symbol layers drawn bottom first.
#[derive(Debug, Clone)]
pub(super) struct Symbol {
    pub geometry: Geometry,
    pub layers: Vec<Layer>,
}

/// One symbol layer: its QGIS class (`SimpleLine`, `MarkerLine`, `SimpleMarker`, `SvgMarker`),
/// its properties, the properties expressions set per feature, and a marker line's marker.
#[derive(Debug, Clone)]
pub(super) struct Layer {
    pub class: &'static str,
    pub props: Vec<(&'static str, String)>,
    pub defined: Vec<(&'static str, String)>,
    /// Kept as it is when the symbol's colour is changed (a halo stays white).
    pub locked: bool,
    pub sub: Option<Symbol>,
}

impl Layer {
    /// A layer of `class` with `props`.
    pub fn new(class: &'static str, props: Vec<(&'static str, String)>) -> Layer {
        Layer {
            class,
            props,
            defined: Vec::new(),
            locked: false,
            sub: None,
        }
    }

    /// The property `key` set per feature by the QGIS expression `expression`.
    pub fn defined(mut self, key: &'static str, expression: impl Into<String>) -> Layer {
        self.defined.push((key, expression.into()));
        self
    }

    pub fn locked(mut self) -> Layer {
        self.locked = true;
        self
    }

    pub fn with_sub(mut self, sub: Symbol) -> Layer {
        self.sub = Some(sub);
        self
    }
}

/// A colour as QGIS writes it: "r,g,b,a".
pub(super) fn rgba(c: Colour, alpha: u8) -> String {
    format!("{},{},{},{alpha}", c.0, c.1, c.2)
}

/// A length as the style writes it: at most three decimals, no trailing zeros.
pub(super) fn len(v: f64) -> String {
    let s = format!("{:.3}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// The whole `.qml`: the declaration, QGIS's doctype, the `<qgis>` element with the style
/// categories it sets and whether labels are on, `body`, and the geometry type.
pub(super) fn document(
    categories: &str,
    labels: bool,
    geometry: Geometry,
    body: impl FnOnce(&mut W) -> Result<()>,
) -> Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::DocType(BytesText::from_escaped(
        "qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'",
    )))?;
    w.create_element("qgis")
        .with_attribute(("version", "3.22.16-Białowieża"))
        .with_attribute(("styleCategories", categories))
        .with_attribute(("labelsEnabled", if labels { "1" } else { "0" }))
        .write_inner_content(|w| {
            body(w)?;
            w.create_element("layerGeometryType")
                .write_text_content(BytesText::new(&geometry.code().to_string()))?;
            Ok(())
        })?;
    let mut out = w.into_inner();
    out.push(b'\n');
    Ok(out)
}

/// `<Option type="Map">` holding `entries`.
fn option_map(
    w: &mut W,
    name: Option<&str>,
    entries: impl FnOnce(&mut W) -> Result<()>,
) -> Result<()> {
    let mut e = w.create_element("Option");
    if let Some(n) = name {
        e = e.with_attribute(("name", n));
    }
    e.with_attribute(("type", "Map"))
        .write_inner_content(entries)?;
    Ok(())
}

/// One `<Option>` value.
fn option(w: &mut W, name: &str, kind: &str, value: &str) -> Result<()> {
    w.create_element("Option")
        .with_attribute(("name", name))
        .with_attribute(("type", kind))
        .with_attribute(("value", value))
        .write_empty()?;
    Ok(())
}

/// `<data_defined_properties>`: each property set by an expression.
fn data_defined(w: &mut W, element: &str, defined: &[(&str, String)]) -> Result<()> {
    w.create_element(element).write_inner_content(|w| {
        option_map(w, None, |w| {
            option(w, "name", "QString", "")?;
            option_map(w, Some("properties"), |w| {
                for (key, expression) in defined {
                    option_map(w, Some(key), |w| {
                        option(w, "active", "bool", "true")?;
                        option(w, "expression", "QString", expression)?;
                        // QgsProperty::ExpressionBasedProperty
                        option(w, "type", "int", "3")
                    })?;
                }
                Ok(())
            })?;
            option(w, "type", "QString", "collection")
        })
    })?;
    Ok(())
}

impl Symbol {
    /// `<symbol>` named `name` (the renderer's index, or `@parent@layer` for a sub-symbol).
    pub fn write(&self, w: &mut W, name: &str) -> Result<()> {
        w.create_element("symbol")
            .with_attribute(("type", self.geometry.symbol_type()))
            .with_attribute(("name", name))
            .with_attribute(("alpha", "1"))
            .with_attribute(("clip_to_extent", "1"))
            .with_attribute(("force_rhr", "0"))
            .write_inner_content(|w| {
                for (i, layer) in self.layers.iter().enumerate() {
                    layer.write(w, &format!("@{name}@{i}"))?;
                }
                Ok(())
            })?;
        Ok(())
    }
}

impl Layer {
    fn write(&self, w: &mut W, sub_name: &str) -> Result<()> {
        w.create_element("layer")
            .with_attribute(("class", self.class))
            .with_attribute(("enabled", "1"))
            .with_attribute(("locked", if self.locked { "1" } else { "0" }))
            .with_attribute(("pass", "0"))
            .write_inner_content(|w| {
                option_map(w, None, |w| {
                    for (k, v) in &self.props {
                        option(w, k, "QString", v)?;
                    }
                    Ok(())
                })?;
                data_defined(w, "data_defined_properties", &self.defined)?;
                if let Some(sub) = &self.sub {
                    sub.write(w, sub_name)?;
                }
                Ok(())
            })?;
        Ok(())
    }
}

/// One class of a categorized renderer: the attribute's value ("" for every other value and
/// null), its legend label, its symbol, and whether it is drawn.
#[derive(Debug, Clone)]
pub(super) struct Category {
    pub value: String,
    pub label: String,
    pub symbol: Symbol,
    pub render: bool,
}

/// A categorized renderer on the attribute `attr`.
pub(super) fn categorized(w: &mut W, attr: &str, categories: &[Category]) -> Result<()> {
    w.create_element("renderer-v2")
        .with_attribute(("type", "categorizedSymbol"))
        .with_attribute(("attr", attr))
        .with_attribute(("forceraster", "0"))
        .with_attribute(("symbollevels", "0"))
        .with_attribute(("enableorderby", "0"))
        .write_inner_content(|w| {
            w.create_element("categories").write_inner_content(|w| {
                for (i, c) in categories.iter().enumerate() {
                    w.create_element("category")
                        .with_attribute(("render", if c.render { "true" } else { "false" }))
                        .with_attribute(("symbol", i.to_string().as_str()))
                        .with_attribute(("value", c.value.as_str()))
                        .with_attribute(("label", c.label.as_str()))
                        .write_empty()?;
                }
                Ok(())
            })?;
            w.create_element("symbols").write_inner_content(|w| {
                for (i, c) in categories.iter().enumerate() {
                    c.symbol.write(w, &i.to_string())?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(())
}

/// How a layer's labels look and what they say.
#[derive(Debug, Clone)]
pub(super) struct Labeling {
    /// The QGIS expression of the text.
    pub text: String,
    pub font: &'static str,
    /// In points.
    pub size: f64,
    pub colour: Colour,
    pub halo: Colour,
    /// In millimetres.
    pub halo_size: f64,
    /// From the symbol, in millimetres.
    pub distance: f64,
    /// Label properties set by expressions (`Show`, `Color`, `Size`).
    pub defined: Vec<(&'static str, String)>,
}

/// Simple labeling: one text per feature, placed around the point, with a halo.
pub(super) fn labeling(w: &mut W, l: &Labeling) -> Result<()> {
    w.create_element("labeling")
        .with_attribute(("type", "simple"))
        .write_inner_content(|w| {
            w.create_element("settings")
                .with_attribute(("calloutType", "simple"))
                .write_inner_content(|w| {
                    w.create_element("text-style")
                        .with_attribute(("fieldName", l.text.as_str()))
                        .with_attribute(("isExpression", "1"))
                        .with_attribute(("fontFamily", l.font))
                        .with_attribute(("fontSize", len(l.size).as_str()))
                        .with_attribute(("fontSizeUnit", "Point"))
                        .with_attribute(("textColor", rgba(l.colour, 255).as_str()))
                        .with_attribute(("textOpacity", "1"))
                        .with_attribute(("multilineHeight", "1"))
                        .write_inner_content(|w| {
                            w.create_element("text-buffer")
                                .with_attribute(("bufferDraw", "1"))
                                .with_attribute(("bufferSize", len(l.halo_size).as_str()))
                                .with_attribute(("bufferSizeUnits", "MM"))
                                .with_attribute(("bufferColor", rgba(l.halo, 255).as_str()))
                                .with_attribute(("bufferOpacity", "1"))
                                .with_attribute(("bufferNoFill", "1"))
                                .write_empty()?;
                            Ok(())
                        })?;
                    w.create_element("text-format")
                        .with_attribute(("multilineAlign", "3"))
                        .with_attribute(("wrapChar", ""))
                        .write_empty()?;
                    w.create_element("placement")
                        // QgsPalLayerSettings::OrderedPositionsAroundPoint
                        .with_attribute(("placement", "6"))
                        .with_attribute(("dist", len(l.distance).as_str()))
                        .with_attribute(("distUnits", "MM"))
                        .with_attribute(("predefinedPositionOrder", "TR,TL,BR,BL,R,L,TSR,BSR"))
                        .write_empty()?;
                    w.create_element("rendering")
                        .with_attribute(("drawLabels", "1"))
                        .with_attribute(("obstacle", "1"))
                        .with_attribute(("displayAll", "0"))
                        .with_attribute(("upsidedownLabels", "0"))
                        .write_empty()?;
                    data_defined(w, "dd_properties", &l.defined)
                })?;
            Ok(())
        })?;
    Ok(())
}

/// Temporal settings: each feature at the instant of its date `field`, so QGIS's Temporal
/// Controller shows it in the frames holding that date.
pub(super) fn temporal(w: &mut W, field: &str) -> Result<()> {
    w.create_element("temporal")
        .with_attribute(("enabled", "1"))
        // QgsVectorLayerTemporalProperties::ModeFeatureDateTimeInstantFromField
        .with_attribute(("mode", "1"))
        .with_attribute(("startField", field))
        .with_attribute(("endField", ""))
        .with_attribute(("durationField", ""))
        .with_attribute(("durationUnit", "min"))
        .with_attribute(("fixedDuration", "0"))
        .with_attribute(("accumulate", "0"))
        .with_attribute(("startExpression", ""))
        .with_attribute(("endExpression", ""))
        .with_attribute(("limitMode", "0"))
        .write_inner_content(|w| {
            w.create_element("fixedRange").write_inner_content(|w| {
                w.create_element("start").write_empty()?;
                w.create_element("end").write_empty()?;
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(())
}
