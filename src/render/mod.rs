//! Maps of movements, events and places: SVG and PNG, from the output contract's GeoJSON.
//!
//! The map is a Lambert conformal conic projection fitted to the features ([`Lcc`]) over a
//! Natural Earth basemap compiled into the binary. Movements are arrows along their great-circle
//! lines, coloured by actor and as wide as the number of vehicles; events are markers beside
//! their place; places are symbols by kind. Labels in English, Arabic or both are placed so that
//! none covers another label, a symbol or an arrow. A legend shows only what is drawn; a scale
//! bar, a north arrow, a title and the attribution frame the map.
//!
//! Text is shaped from the embedded Noto fonts. The SVG writes it as `<text>` with the fonts
//! embedded (`@font-face`, each cut to the characters the map writes), so it stays editable; the PNG is rasterised by resvg from the
//! same drawing with the text as glyph outlines, so it has the same bytes on every machine.
//!
//! Public: [`Scene`], what a map draws, gathered from `movements.geojson`, `events.geojson`
//! and `places.geojson` one feature at a time; [`MapData`] (its [`Movement`], [`Event`],
//! [`MapPlace`]), the features as read, and [`articles_of`], them read back article by
//! article; [`Coverage`]; [`MapOptions`]; [`render_svg`],
//! [`render_png`], [`render_svg_and_png`] (one drawing, both files); the [`Lcc`] projection.
//! Inside, one file per concept:
//!
//! - `data`: the contract files read; `scene`: what of them a map draws (`flows`: its
//!   routes); `articles`: the files read back one article at a time; `basemap`: the
//!   embedded Natural Earth layers; `coverage`: what of the data lies on it.
//! - `projection`: the conic; `view`: page layout and the view fitted to the features.
//! - `map`: the drawing (basemap, places, events, labels, titles); `arrows`: the movements;
//!   `legend`: legend, scale bar, north arrow; `style`: colours and symbols.
//! - `labels`: the label placer (a pure function); `text`: bidi, shaping, outlines;
//!   `fonts`: the embedded fonts and the `@font-face` rules that carry them, cut;
//!   `geom`: polyline work; `svg`: SVG output through plotters.
//!
//! # Examples
//! ```
//! use convoy::render::{render_svg, MapOptions, Scene};
//! let svg = render_svg(&Scene::default(), &MapOptions::default()).unwrap();
//! assert!(svg.starts_with("<svg"));
//! assert!(svg.contains("no movements found"));
//! ```

mod arrows;
mod articles;
pub(crate) mod basemap;
mod coverage;
mod data;
mod flows;
mod fonts;
mod geom;
mod ids;
mod labels;
mod legend;
mod map;
mod projection;
pub mod qml;
mod scene;
mod style;
mod svg;
mod text;
mod view;
mod words;

use std::io::Cursor;

use resvg::{tiny_skia, usvg};

use crate::error::{Error, Result};

pub use articles::articles_of;
pub use coverage::{Count, Coverage, BASEMAP_EXTENT};
pub use data::{contract_inputs, Event, MapData, MapPlace, Movement, CONTRACT_FILES};
pub use projection::Lcc;
pub use scene::Scene;

/// Which names labels show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Labels {
    /// English names.
    En,
    /// Arabic names (English where a place has none).
    Ar,
    /// English above Arabic.
    #[default]
    Both,
}

/// The map's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light land and sea, dark ink: for print.
    #[default]
    Light,
    /// Dark land and sea, light ink: for screens.
    Dark,
}

/// The PNG's dots per inch at scale 1: an SVG unit is a CSS pixel, 1/96 inch.
pub const DEFAULT_DPI: f64 = 96.0;

/// How to draw a map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// Size in CSS pixels (the SVG's user units); text and symbols are sized for 2000×1500.
    pub width: u32,
    pub height: u32,
    /// PNG pixels per SVG unit: 2 gives a 4000×3000 PNG of the same map.
    pub scale: f32,
    /// The PNG's resolution in dots per inch, written in its `pHYs` chunk so a word processor
    /// or a layout program places it at its intended size; default [`DEFAULT_DPI`] × scale
    /// (an SVG unit is a CSS pixel, 1/96 inch).
    pub dpi: Option<f64>,
    /// The area to show, `[min_lon, min_lat, max_lon, max_lat]`; default: fit the features.
    pub bbox: Option<[f64; 4]>,
    pub labels: Labels,
    /// Default "convoy: troop movements".
    pub title: Option<String>,
    /// Default: the range of event dates and the number of articles.
    pub subtitle: Option<String>,
    pub theme: Theme,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            width: 2000,
            height: 1500,
            scale: 1.0,
            dpi: None,
            bbox: None,
            labels: Labels::Both,
            title: None,
            subtitle: None,
            theme: Theme::Light,
        }
    }
}

impl MapOptions {
    /// Checks sizes and the bbox before any drawing.
    fn check(&self) -> Result<()> {
        let bad = |m: String| Err(Error::Render(m));
        if !(200..=20_000).contains(&self.width) || !(200..=20_000).contains(&self.height) {
            return bad(format!(
                "the map must be 200 to 20000 pixels wide and high, not {}×{}",
                self.width, self.height
            ));
        }
        if !(self.scale.is_finite() && self.scale > 0.0 && self.scale <= 10.0) {
            return bad(format!(
                "the scale must be above 0 and at most 10, not {}",
                self.scale
            ));
        }
        if let Some(dpi) = self.dpi {
            if !(dpi.is_finite() && (1.0..=100_000.0).contains(&dpi)) {
                return bad(format!("the dpi must be 1 to 100000, not {dpi}"));
            }
        }
        let (w, h) = self.png_size();
        if w < 200 || h < 200 {
            return bad(format!(
                "a scale of {} gives a {w}×{h} PNG; it must be at least 200 pixels each way",
                self.scale
            ));
        }
        if w as u64 * h as u64 > 200_000_000 {
            return bad(format!("a {w}×{h} PNG is more than 200 million pixels"));
        }
        if let Some([x0, y0, x1, y1]) = self.bbox {
            let ok = [x0, y0, x1, y1].iter().all(|v| v.is_finite())
                && (-180.0..=180.0).contains(&x0)
                && (-180.0..=180.0).contains(&x1)
                && (-85.0..=85.0).contains(&y0)
                && (-85.0..=85.0).contains(&y1)
                && x0 < x1
                && y0 < y1;
            if !ok {
                return bad(format!(
                    "the bbox must be min_lon,min_lat,max_lon,max_lat with min < max, longitudes \
                     within ±180 and latitudes within ±85, not {x0},{y0},{x1},{y1}"
                ));
            }
        }
        Ok(())
    }

    /// The PNG's dots per inch: as asked, else [`DEFAULT_DPI`] × scale.
    pub fn png_dpi(&self) -> f64 {
        self.dpi.unwrap_or(DEFAULT_DPI * self.scale as f64)
    }

    /// The PNG's size: width and height times scale, rounded.
    pub fn png_size(&self) -> (u32, u32) {
        (
            (self.width as f32 * self.scale).round().max(1.0) as u32,
            (self.height as f32 * self.scale).round().max(1.0) as u32,
        )
    }
}

/// Draws the map as an SVG document. Text is `<text>`, in the embedded Noto fonts (as
/// `@font-face` data cut to the characters drawn), so an editor can change a label and a
/// browser or Inkscape shows the same glyphs; features are in named layers, each with its
/// feature id (see the output contract).
pub fn render_svg(data: &Scene, opts: &MapOptions) -> Result<String> {
    opts.check()?;
    map::draw(data, opts)?.svg()
}

/// Draws the map as a PNG of `width·scale` × `height·scale` pixels, anti-aliased. Text is
/// rasterised from glyph outlines shaped here, so the PNG has the same pixels on every
/// machine.
pub fn render_png(data: &Scene, opts: &MapOptions) -> Result<Vec<u8>> {
    opts.check()?;
    rasterise(&map::draw(data, opts)?.outlined(), opts)
}

/// Draws the map once and writes it both ways: the bytes of [`render_svg`] and of
/// [`render_png`], for one drawing (layout, label placement, flows) rather than two.
pub fn render_svg_and_png(data: &Scene, opts: &MapOptions) -> Result<(String, Vec<u8>)> {
    opts.check()?;
    let drawing = map::draw(data, opts)?;
    Ok((drawing.svg()?, rasterise(&drawing.outlined(), opts)?))
}

/// The PNG of `svg` (text as outlines) at the options' size, scale and dpi.
fn rasterise(svg: &str, opts: &MapOptions) -> Result<Vec<u8>> {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default())
        .map_err(|e| Error::Render(format!("the SVG drawn does not parse: {e}")))?;
    let (w, h) = opts.png_size();
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| Error::Render(format!("cannot allocate a {w}×{h} image")))?;
    let sx = w as f32 / opts.width as f32;
    let sy = h as f32 / opts.height as f32;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(sx, sy),
        &mut pixmap.as_mut(),
    );
    encode_png(&pixmap, opts.png_dpi())
}

/// Encodes as 8-bit RGB (the map is opaque: its first element paints the whole page, so the
/// alpha channel would only add bytes), with `dpi` in the `pHYs` chunk (pixels per metre).
fn encode_png(pixmap: &tiny_skia::Pixmap, dpi: f64) -> Result<Vec<u8>> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(Cursor::new(&mut out), pixmap.width(), pixmap.height());
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let per_metre = (dpi / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: per_metre,
            yppu: per_metre,
            unit: png::Unit::Meter,
        }));
        let fail = |e: png::EncodingError| Error::Render(format!("PNG encoding failed: {e}"));
        let mut w = enc.write_header().map_err(fail)?;
        w.write_image_data(&rgb).map_err(fail)?;
        w.finish().map_err(fail)?;
    }
    Ok(out)
}
