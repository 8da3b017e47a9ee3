//! SVG output: fixed-precision numbers, colours, escaping, and geometry layers drawn with
//! plotters.
//!
//! Geometry (basemap, arrows, symbols) goes through plotters' `SVGBackend`, one backend per
//! layer. Its coordinates are integers, so each layer is drawn at [`SUPERSAMPLE`]× the map's
//! size and wrapped in a `<g transform="scale(…)">`: positions and stroke widths keep 1/8 px.
//! Attributes that plotters does not write (line joins, dashes) are set on the wrapping group,
//! where SVG's inheritance carries them to every element inside.

use std::fmt::Write;

use plotters::prelude::{DrawingBackend, RGBAColor, SVGBackend, ShapeStyle};

use crate::error::{Error, Result};

/// Plotters draws at this multiple of the map's pixel size.
const SUPERSAMPLE: f64 = 8.0;

/// A number with at most two decimals and no trailing zeros: deterministic and compact.
pub(crate) fn num(v: f64) -> String {
    fixed(v, 2)
}

/// Appends `v` as [`num`] writes it, without allocating: for the many coordinates of glyph
/// outlines.
pub(crate) fn push_num(out: &mut String, v: f64) {
    let c = (v * 100.0).round();
    if !c.is_finite() || c.abs() >= 1e15 {
        out.push_str(&num(v));
        return;
    }
    let c = c as i64;
    if c < 0 {
        out.push('-');
    }
    let a = c.unsigned_abs();
    let _ = write!(out, "{}", a / 100);
    let f = a % 100;
    if f != 0 {
        if f.is_multiple_of(10) {
            let _ = write!(out, ".{}", f / 10);
        } else {
            let _ = write!(out, ".{f:02}");
        }
    }
}

/// A number with at most `decimals` decimals and no trailing zeros.
pub(crate) fn fixed(v: f64, decimals: usize) -> String {
    let p = 10f64.powi(decimals as i32);
    let r = (v * p).round() / p;
    let r = if r == 0.0 { 0.0 } else { r }; // no "-0"
    let mut s = format!("{r:.decimals$}");
    while s.contains('.') && s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

/// XML text and attribute escaping; a character XML 1.0 forbids even escaped (a control
/// character other than tab and line ends, U+FFFE, U+FFFF) becomes U+FFFD.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\0'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// An opaque sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Mixes towards `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }

    fn style(self, alpha: f64, filled: bool, width: f64) -> ShapeStyle {
        ShapeStyle {
            color: RGBAColor(self.0, self.1, self.2, alpha),
            filled,
            stroke_width: (width * SUPERSAMPLE).round().max(1.0) as u32,
        }
    }
}

/// A point in map pixels.
pub(crate) type Px = (f64, f64);

fn coord(p: Px) -> (i32, i32) {
    (
        (p.0 * SUPERSAMPLE).round() as i32,
        (p.1 * SUPERSAMPLE).round() as i32,
    )
}

/// Draws one layer of geometry with plotters.
pub(crate) struct Pen<'a> {
    backend: SVGBackend<'a>,
    failed: Option<String>,
}

impl Pen<'_> {
    fn check<E: std::fmt::Debug>(&mut self, r: std::result::Result<(), E>) {
        if let Err(e) = r {
            self.failed.get_or_insert_with(|| format!("{e:?}"));
        }
    }

    /// A polyline of `width` px.
    pub fn line(&mut self, pts: &[Px], colour: Rgb, alpha: f64, width: f64) {
        if pts.len() < 2 {
            return;
        }
        let r = self.backend.draw_path(
            pts.iter().map(|&p| coord(p)),
            &colour.style(alpha, false, width),
        );
        self.check(r);
    }

    /// A filled polygon (the ring is closed implicitly).
    pub fn polygon(&mut self, pts: &[Px], colour: Rgb, alpha: f64) {
        if pts.len() < 3 {
            return;
        }
        let r = self.backend.fill_polygon(
            pts.iter().map(|&p| coord(p)),
            &colour.style(alpha, true, 0.0),
        );
        self.check(r);
    }

    /// A closed outline of `width` px.
    pub fn ring(&mut self, pts: &[Px], colour: Rgb, alpha: f64, width: f64) {
        if pts.len() < 2 {
            return;
        }
        let closed = pts.iter().chain(pts.first()).map(|&p| coord(p));
        let r = self
            .backend
            .draw_path(closed, &colour.style(alpha, false, width));
        self.check(r);
    }

    /// A filled disc.
    pub fn disc(&mut self, c: Px, radius: f64, colour: Rgb, alpha: f64) {
        let r = self.backend.draw_circle(
            coord(c),
            (radius * SUPERSAMPLE).round().max(1.0) as u32,
            &colour.style(alpha, true, 0.0),
            true,
        );
        self.check(r);
    }

    /// A circle outline of `width` px.
    pub fn circle(&mut self, c: Px, radius: f64, colour: Rgb, alpha: f64, width: f64) {
        let r = self.backend.draw_circle(
            coord(c),
            (radius * SUPERSAMPLE).round().max(1.0) as u32,
            &colour.style(alpha, false, width),
            false,
        );
        self.check(r);
    }
}

/// Draws a layer with plotters and returns it as an SVG group carrying `attrs` (e.g.
/// `stroke-linejoin="round"`), scaled back to map pixels. Dash lengths in `attrs` are in
/// map pixels too: they are scaled here to the layer's units.
pub(crate) fn layer(
    width: f64,
    height: f64,
    attrs: &[(&str, String)],
    draw: impl FnOnce(&mut Pen),
) -> Result<String> {
    let mut buf = String::new();
    let failed = {
        let size = (
            (width * SUPERSAMPLE).ceil() as u32,
            (height * SUPERSAMPLE).ceil() as u32,
        );
        let mut pen = Pen {
            backend: SVGBackend::with_string(&mut buf, size),
            failed: None,
        };
        draw(&mut pen);
        let r = pen.backend.present();
        pen.check(r);
        pen.failed
    };
    if let Some(e) = failed {
        return Err(Error::Render(format!(
            "plotters failed to draw a layer: {e}"
        )));
    }
    // Keep what is inside plotters' <svg …> element.
    let body_start = buf.find(">\n").map_or(0, |i| i + 2);
    let body_end = buf.rfind("</svg>").unwrap_or(buf.len());
    let body = &buf[body_start..body_end.max(body_start)];
    if body.is_empty() {
        return Ok(String::new());
    }
    // Plotters writes an element's alpha as `opacity`, which makes a rasteriser draw the element
    // alone on a layer and blend it back (slow for long lines). Each element here paints only
    // a fill or only a stroke, so fill- and stroke-opacity look the same and blend directly.
    let body = body
        .replace(" opacity=\"1\"", "")
        .replace(" opacity=\"", " fill-opacity=\"")
        .replace("fill-opacity=\"0.", "data-o=\"0.");
    let body = restore_opacity(&body);
    let mut out = String::with_capacity(body.len() + 100);
    out.push_str("<g");
    for (k, v) in attrs {
        let v = if *k == "stroke-dasharray" {
            v.split([' ', ','])
                .filter(|x| !x.is_empty())
                .map(|x| num(x.parse::<f64>().unwrap_or(1.0) * SUPERSAMPLE))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            v.clone()
        };
        let _ = write!(out, " {k}=\"{v}\"");
    }
    // 1/8 is exact in decimal: "0.125".
    let _ = writeln!(out, " transform=\"scale({})\">", 1.0 / SUPERSAMPLE);
    out.push_str(&body);
    out.push_str("</g>\n");
    Ok(out)
}

/// Turns the `data-o="0.x"` markers left by [`layer`] into `fill-opacity` and
/// `stroke-opacity` pairs.
fn restore_opacity(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find("data-o=\"") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 8..];
        let end = after.find('"').unwrap_or(after.len());
        let v = &after[..end];
        let _ = write!(out, "fill-opacity=\"{v}\" stroke-opacity=\"{v}\"");
        rest = &after[(end + 1).min(after.len())..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzz_found_characters_xml_forbids_are_replaced() {
        assert_eq!(
            esc("a\u{e}b\0<\t\u{ffff}"),
            "a\u{fffd}b\u{fffd}&lt;\t\u{fffd}"
        );
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.234), "1.23");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(fixed(0.018, 6), "0.018");
        assert_eq!(fixed(-1.5, 0), "-2");
        assert_eq!(fixed(100.0, 0), "100");
        assert_eq!(num(100.0), "100");
        for v in [
            0.0, -0.001, 1.0, 1.234, -1.234, 12.5, -12.05, 100.0, 0.07, -3.999,
        ] {
            let mut s = String::new();
            push_num(&mut s, v);
            assert_eq!(s, num(v), "{v}");
        }
    }

    #[test]
    fn layers_keep_subpixel_positions() {
        let g = layer(100.0, 100.0, &[("stroke-dasharray", "4 2".into())], |pen| {
            pen.line(&[(1.25, 2.5), (50.0, 50.125)], Rgb(255, 0, 0), 1.0, 1.5);
        })
        .unwrap();
        assert!(g.starts_with("<g stroke-dasharray=\"32 16\" transform=\"scale(0.125)\">"));
        assert!(g.contains("10,20 400,401"), "{g}");
        assert!(!g.contains(" opacity="), "{g}");
        assert!(g.contains("stroke-width=\"12\""), "{g}");
        let g = layer(10.0, 10.0, &[], |pen| {
            pen.disc((5.0, 5.0), 2.0, Rgb(0, 0, 0), 0.5)
        })
        .unwrap();
        assert!(
            g.contains("fill-opacity=\"0.5\" stroke-opacity=\"0.5\""),
            "{g}"
        );
    }
}
