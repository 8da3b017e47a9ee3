//! Text drawn as glyph outlines: bidi reordering, Arabic shaping and font fallback.
//!
//! A label is split into bidi runs (unicode-bidi, UAX #9), each run into pieces by font (Noto
//! Sans Arabic for Arabic script and, inside right-to-left runs, for the digits and spaces it
//! has; Noto Sans for everything else: the Arabic font has no Latin letters, `%` or `°`), and
//! each piece is shaped by rustybuzz (joining forms, lam-alef ligatures, mark positioning). The
//! glyphs become SVG `<path>` outlines taken from the embedded fonts (ttf-parser), so the map
//! needs no system font and rasterises to the same pixels on every machine.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
use rustybuzz::{script, Direction, ShapePlan, UnicodeBuffer};
use unicode_bidi::BidiInfo;

use super::fonts::{faces, family_list, has_char, FontUse, ARABIC, LATIN};
use super::labels::Rect;
use super::svg::{esc, num, push_num, Rgb};

/// Glyph positions are kept in thousandths of an em, whatever the font's units.
const MILLI: f32 = 1000.0;

/// Glyphs no embedded font has, drawn from outlines defined here (see [`synthetic`]).
const SYNTHETIC: u8 = 9;

/// Regular or bold: picks the face within each family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn offset(self) -> u8 {
        match self {
            Weight::Regular => 0,
            Weight::Bold => 1,
        }
    }
}

/// One shaped glyph, positioned in thousandths of an em from the start of its line (y up).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    pub font: u8,
    pub id: u16,
    pub x: f32,
    pub y: f32,
    /// Byte offset in the source text of the character(s) this glyph draws.
    pub cluster: u32,
}

/// A shaped line of text, glyphs in visual (left-to-right) order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub glyphs: Vec<Glyph>,
    /// Advance width, thousandths of an em.
    pub advance: f32,
    /// Ink extent above (positive) and below (negative) the baseline, thousandths of an em.
    pub top: f32,
    pub bottom: f32,
    /// The paragraph direction is right-to-left (the text starts with Arabic).
    pub rtl: bool,
    /// The text shaped, kept for the SVG's `aria-label` (screen readers, search, tests).
    pub text: String,
    /// The weight and letter spacing it was shaped with, for the SVG's `<text>`.
    pub weight: Weight,
    pub tracking: f32,
}

impl Line {
    /// Width in pixels at `size` pixels per em.
    pub fn width(&self, size: f32) -> f32 {
        self.advance * size / MILLI
    }

    /// Height above the baseline in pixels.
    pub fn ascent(&self, size: f32) -> f32 {
        self.top * size / MILLI
    }

    /// Depth below the baseline in pixels (positive).
    pub fn descent(&self, size: f32) -> f32 {
        -self.bottom * size / MILLI
    }
}

fn is_arabic(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// The font for a character: Arabic script always in the Arabic face; other characters in the
/// face of the run's direction when it has them (so digits and spaces inside Arabic stay in
/// the Arabic font's metrics), else in whichever face has them.
fn font_for(c: char, rtl: bool, weight: Weight) -> u8 {
    let (latin, arabic) = (LATIN + weight.offset(), ARABIC + weight.offset());
    if is_arabic(c) {
        return arabic;
    }
    let (first, second) = if rtl {
        (arabic, latin)
    } else {
        (latin, arabic)
    };
    if has_char(first, c) {
        first
    } else if has_char(second, c) {
        second
    } else if synthetic(c).is_some() {
        SYNTHETIC
    } else {
        latin
    }
}

/// Outlines (thousandths of an em, y up) and advances for the few characters convoy's maps
/// write that Noto Sans 2.004 lacks: the arrows of off-map labels ("→ Croatia").
fn synthetic(c: char) -> Option<(&'static [(f32, f32)], f32)> {
    const RIGHT: [(f32, f32); 7] = [
        (70.0, 262.0),
        (520.0, 262.0),
        (520.0, 110.0),
        (780.0, 300.0),
        (520.0, 490.0),
        (520.0, 338.0),
        (70.0, 338.0),
    ];
    const LEFT: [(f32, f32); 7] = [
        (780.0, 262.0),
        (330.0, 262.0),
        (330.0, 110.0),
        (70.0, 300.0),
        (330.0, 490.0),
        (330.0, 338.0),
        (780.0, 338.0),
    ];
    const UP: [(f32, f32); 7] = [
        (262.0, -50.0),
        (262.0, 400.0),
        (110.0, 400.0),
        (300.0, 660.0),
        (490.0, 400.0),
        (338.0, 400.0),
        (338.0, -50.0),
    ];
    const DOWN: [(f32, f32); 7] = [
        (262.0, 660.0),
        (262.0, 210.0),
        (110.0, 210.0),
        (300.0, -50.0),
        (490.0, 210.0),
        (338.0, 210.0),
        (338.0, 660.0),
    ];
    match c {
        '→' => Some((&RIGHT, 850.0)),
        '←' => Some((&LEFT, 850.0)),
        '↑' => Some((&UP, 600.0)),
        '↓' => Some((&DOWN, 600.0)),
        _ => None,
    }
}

/// Shapes one line of text. `tracking` adds letter spacing (thousandths of an em) between
/// Latin glyphs only: spacing joined Arabic letters apart would break them.
///
/// # Panics
/// Never on user text: newlines are drawn as spaces (lines are split by the caller).
pub(crate) fn shape(text: &str, weight: Weight, tracking: f32) -> Line {
    let text_owned;
    let text = if text.contains(['\n', '\r']) {
        text_owned = text.replace(['\n', '\r'], " ");
        &text_owned
    } else {
        text
    };
    let mut line = Line {
        glyphs: Vec::new(),
        advance: 0.0,
        top: 0.0,
        bottom: 0.0,
        rtl: false,
        text: text.to_owned(),
        weight,
        tracking,
    };
    if text.is_empty() {
        return line;
    }
    let bidi = BidiInfo::new(text, None);
    let mut pen = 0.0f32;
    for para in &bidi.paragraphs {
        line.rtl |= para.level.is_rtl() && para.range.start == 0;
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            // Pieces of one font, in logical order; a right-to-left run shows them reversed.
            let mut pieces: Vec<(usize, usize, u8)> = Vec::new();
            for (i, c) in text[run.clone()].char_indices() {
                let at = run.start + i;
                let f = font_for(c, rtl, weight);
                match pieces.last_mut() {
                    Some(last) if last.2 == f => last.1 = at + c.len_utf8(),
                    _ => pieces.push((at, at + c.len_utf8(), f)),
                }
            }
            if rtl {
                pieces.reverse();
            }
            for (start, end, font) in pieces {
                pen = if font == SYNTHETIC {
                    synthetic_piece(&mut line, text, start, end, pen)
                } else {
                    shape_piece(&mut line, text, start, end, font, rtl, pen, tracking)
                };
            }
        }
    }
    if let Some(last) = line.glyphs.last() {
        if last.font < ARABIC {
            pen -= tracking;
        }
    }
    line.advance = pen.max(0.0);
    line
}

/// The shaping plan of a font and direction, made once: making one reads the font's layout
/// tables, which costs more than shaping a label.
fn plan(font: u8, rtl: bool) -> &'static ShapePlan {
    static PLANS: [OnceLock<ShapePlan>; 8] = [const { OnceLock::new() }; 8];
    PLANS[font as usize * 2 + rtl as usize].get_or_init(|| {
        let direction = if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        };
        let script = if font >= ARABIC {
            script::ARABIC
        } else {
            script::LATIN
        };
        ShapePlan::new(&faces()[font as usize], direction, Some(script), None, &[])
    })
}

#[allow(clippy::too_many_arguments)]
fn shape_piece(
    line: &mut Line,
    text: &str,
    start: usize,
    end: usize,
    font: u8,
    rtl: bool,
    mut pen: f32,
    tracking: f32,
) -> f32 {
    let face = &faces()[font as usize];
    let unit = MILLI / face.units_per_em() as f32;
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(&text[start..end]);
    // Context lets a piece cut by a font change still join correctly at its edges.
    buffer.set_pre_context(&text[..start]);
    buffer.set_post_context(&text[end..]);
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    buffer.set_script(if font >= ARABIC {
        script::ARABIC
    } else {
        script::LATIN
    });
    let shaped = rustybuzz::shape_with_plan(face, plan(font, rtl), buffer);
    let track = if font < ARABIC { tracking } else { 0.0 };
    for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        let id = info.glyph_id as u16;
        let x = pen + pos.x_offset as f32 * unit;
        let y = pos.y_offset as f32 * unit;
        if let Some(b) = face.glyph_bounding_box(GlyphId(id)) {
            line.top = line.top.max(y + b.y_max as f32 * unit);
            line.bottom = line.bottom.min(y + b.y_min as f32 * unit);
        }
        line.glyphs.push(Glyph {
            font,
            id,
            x,
            y,
            cluster: start as u32 + info.cluster,
        });
        pen += pos.x_advance as f32 * unit + track;
    }
    pen
}

fn synthetic_piece(line: &mut Line, text: &str, start: usize, end: usize, mut pen: f32) -> f32 {
    for (i, c) in text[start..end].char_indices() {
        if let Some((outline, advance)) = synthetic(c) {
            for &(_, y) in outline {
                line.top = line.top.max(y);
                line.bottom = line.bottom.min(y);
            }
            line.glyphs.push(Glyph {
                font: SYNTHETIC,
                id: c as u32 as u16,
                x: pen,
                y: 0.0,
                cluster: (start + i) as u32,
            });
            pen += advance;
        }
    }
    pen
}

/// How a run of text is painted.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paint<'a> {
    pub size: f32,
    pub fill: &'a str,
    /// A halo: the outline stroked in this colour and width (px) under the fill, so text stays
    /// legible over lines and fills.
    pub halo: Option<(&'a str, f32)>,
}

/// The text a map draws, recorded where it stands while the map is drawn and written out
/// once it is: as `<text>` elements (the SVG file) or as outlines (the SVG the PNG is
/// rasterised from: resvg is built without a text engine), so one drawing feeds both.
///
/// [`GlyphSet::draw`] leaves a mark in the SVG being written; [`GlyphSet::write`] replaces
/// every mark by its text in the form asked for.
#[derive(Debug, Default)]
pub(crate) struct GlyphSet {
    /// The texts drawn, in the order drawn; a mark names its index.
    placed: Vec<Placed>,
    /// Haloed lines drawn so far, for their ids.
    paths: usize,
}

/// One line of text where it was drawn.
#[derive(Debug)]
struct Placed {
    line: Line,
    /// Left end and baseline, px.
    x: f32,
    y: f32,
    size: f32,
    fill: String,
    halo: Option<(String, f32)>,
    /// The halo's element id number (0 when no halo).
    id: usize,
}

impl Placed {
    fn paint(&self) -> Paint<'_> {
        Paint {
            size: self.size,
            fill: &self.fill,
            halo: self.halo.as_ref().map(|(c, w)| (c.as_str(), *w)),
        }
    }
}

/// How [`GlyphSet::write`] writes text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextForm {
    /// `<text>` in the embedded fonts, editable (the SVG file).
    Text,
    /// Each line one `<path>` of its glyphs' outlines (the SVG the PNG is rasterised from).
    Outlines,
}

/// A mark starts with these bytes: `<` is escaped in every text and attribute the map writes
/// and U+0001 is no XML character, so nothing else in the SVG can start so.
const MARK: &str = "<\u{1}";

impl GlyphSet {
    /// Draws `line` with its left end at `x` and baseline at `y` (pixels): records it and
    /// writes its mark into `out`.
    pub fn draw(&mut self, out: &mut String, line: &Line, x: f32, y: f32, paint: Paint) {
        if line.glyphs.is_empty() {
            return;
        }
        let id = match paint.halo {
            Some(_) => {
                self.paths += 1;
                self.paths
            }
            None => 0,
        };
        let _ = write!(out, "{MARK}{}>", self.placed.len());
        self.placed.push(Placed {
            line: line.clone(),
            x,
            y,
            size: paint.size,
            fill: paint.fill.to_owned(),
            halo: paint.halo.map(|(c, w)| (c.to_owned(), w)),
            id,
        });
    }

    /// `marked` (SVG written while this set drew) with each mark replaced by its text in
    /// `form`, and the characters the `<text>` draw in each font (for `@font-face`).
    pub fn write(&self, marked: &str, form: TextForm) -> (String, FontUse) {
        let mut w = Writer::default();
        let mut out = String::with_capacity(marked.len() + self.placed.len() * 400);
        let mut rest = marked;
        while let Some(at) = rest.find(MARK) {
            out.push_str(&rest[..at]);
            let after = &rest[at + MARK.len()..];
            let end = after.find('>').unwrap_or(after.len());
            if let Some(p) = after[..end]
                .parse()
                .ok()
                .and_then(|i: usize| self.placed.get(i))
            {
                match form {
                    TextForm::Text => w.text(&mut out, p),
                    TextForm::Outlines => w.outline(&mut out, p),
                }
            }
            rest = after.get(end + 1..).unwrap_or("");
        }
        out.push_str(rest);
        (out, w.fonts)
    }
}

/// Writes recorded text: the outlines it has read, the fonts its `<text>` used.
#[derive(Debug, Default)]
struct Writer {
    /// Outlines already read, in thousandths of an em, y up.
    outlines: HashMap<(u8, u16), Vec<Segment>>,
    /// The characters `<text>` elements draw in each embedded face, for `@font-face`.
    fonts: FontUse,
}

impl Writer {
    /// Writes `p` as an SVG `<text>` whose centre is the line's centre: the logical string,
    /// which a browser or Inkscape shapes and orders itself (`direction="rtl"` for an Arabic
    /// paragraph) in the embedded fonts. Centred, so that the few hundredths of a pixel
    /// another shaper may differ by are shared by both ends, whichever way the text runs.
    fn text(&mut self, out: &mut String, p: &Placed) {
        let line = &p.line;
        let paint = p.paint();
        let cx = p.x + line.width(paint.size) / 2.0;
        self.fonts
            .note(&line.text, line.rtl, line.weight == Weight::Bold);
        let spacing = line.tracking * paint.size / MILLI;
        let mut attrs = format!(
            "x=\"{}\" y=\"{}\" font-family=\"{}\" font-size=\"{}\" text-anchor=\"middle\"",
            num((cx + spacing / 2.0) as f64),
            num(p.y as f64),
            family_list(line.rtl),
            num(paint.size as f64)
        );
        if line.weight == Weight::Bold {
            attrs.push_str(" font-weight=\"bold\"");
        }
        if line.rtl {
            attrs.push_str(" direction=\"rtl\"");
        }
        if spacing != 0.0 {
            let _ = write!(attrs, " letter-spacing=\"{}\"", num(spacing as f64));
        }
        let text = esc(&line.text);
        if let Some((colour, width)) = paint.halo {
            // The halo is a clone of the text stroked under it, so editing the text in
            // Inkscape edits both.
            let id = p.id;
            let _ = writeln!(
                out,
                "<use xlink:href=\"#t.{id}\" stroke=\"{colour}\" stroke-width=\"{}\" \
                 stroke-linejoin=\"round\"/>\n<text id=\"t.{id}\" {attrs} fill=\"{}\">{text}</text>",
                num((2.0 * width) as f64),
                paint.fill
            );
        } else {
            let _ = writeln!(out, "<text {attrs} fill=\"{}\">{text}</text>", paint.fill);
        }
    }

    fn glyph_outline(&mut self, font: u8, id: u16) -> &[Segment] {
        self.outlines.entry((font, id)).or_insert_with(|| {
            if font == SYNTHETIC {
                let pts = char::from_u32(id as u32)
                    .and_then(synthetic)
                    .map_or(&[][..], |(pts, _)| pts);
                let mut segs: Vec<Segment> = pts
                    .iter()
                    .enumerate()
                    .map(|(i, &(x, y))| {
                        if i == 0 {
                            Segment::Move(x, y)
                        } else {
                            Segment::Line(x, y)
                        }
                    })
                    .collect();
                segs.push(Segment::Close);
                return segs;
            }
            let face = &faces()[font as usize];
            let mut b = Outline {
                segs: Vec::new(),
                unit: MILLI / face.units_per_em() as f32,
            };
            face.outline_glyph(GlyphId(id), &mut b);
            b.segs
        })
    }

    /// Writes `p` as one SVG path of its glyphs' outlines, and its halo as that same path
    /// stroked under the fill. One path per line, rather than one per glyph, is what keeps
    /// text cheap to rasterise; and a halo under the whole line cannot cover the joins of
    /// Arabic letters the way per-glyph halos would.
    fn outline(&mut self, out: &mut String, p: &Placed) {
        let (line, paint, x, y) = (&p.line, p.paint(), p.x, p.y);
        let k = paint.size / MILLI;
        let mut d = String::with_capacity(line.glyphs.len() * 300);
        for g in &line.glyphs {
            let (ox, oy) = (x + g.x * k, y - g.y * k);
            let p = |d: &mut String, px: f32, py: f32| {
                push_num(d, (ox + px * k) as f64);
                d.push(' ');
                push_num(d, (oy - py * k) as f64);
            };
            for seg in self.glyph_outline(g.font, g.id).iter() {
                match *seg {
                    Segment::Move(a, b) => {
                        d.push('M');
                        p(&mut d, a, b);
                    }
                    Segment::Line(a, b) => {
                        d.push('L');
                        p(&mut d, a, b);
                    }
                    Segment::Quad(a, b, c, e) => {
                        d.push('Q');
                        p(&mut d, a, b);
                        d.push(' ');
                        p(&mut d, c, e);
                    }
                    Segment::Cubic(a, b, c, e, f, h) => {
                        d.push('C');
                        p(&mut d, a, b);
                        d.push(' ');
                        p(&mut d, c, e);
                        d.push(' ');
                        p(&mut d, f, h);
                    }
                    Segment::Close => d.push('Z'),
                }
            }
        }
        let label = esc(&line.text);
        match paint.halo {
            None => {
                let _ = writeln!(
                    out,
                    "<path d=\"{d}\" fill=\"{}\" aria-label=\"{label}\"/>",
                    paint.fill
                );
            }
            Some((colour, width)) => {
                // The outline once, used twice: stroked as the halo, then filled on top.
                // (`paint-order` would do it in one element, but viewers built on Qt's SVG,
                // QGIS's among them, ignore it and would paint the halo over the text.)
                let id = p.id;
                let _ = writeln!(
                    out,
                    "<defs><path id=\"t{id}\" d=\"{d}\"/></defs>\n\
                     <use xlink:href=\"#t{id}\" fill=\"{colour}\" stroke=\"{colour}\" \
                     stroke-width=\"{}\" stroke-linejoin=\"round\"/>\n\
                     <use xlink:href=\"#t{id}\" fill=\"{}\" aria-label=\"{label}\"/>",
                    num((2.0 * width) as f64),
                    paint.fill
                );
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Segment {
    Move(f32, f32),
    Line(f32, f32),
    Quad(f32, f32, f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

struct Outline {
    segs: Vec<Segment>,
    unit: f32,
}

impl OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        let u = self.unit;
        self.segs.push(Segment::Move(x * u, y * u));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let u = self.unit;
        self.segs.push(Segment::Line(x * u, y * u));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let u = self.unit;
        self.segs.push(Segment::Quad(x1 * u, y1 * u, x * u, y * u));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let u = self.unit;
        self.segs
            .push(Segment::Cubic(x1 * u, y1 * u, x2 * u, y2 * u, x * u, y * u));
    }
    fn close(&mut self) {
        self.segs.push(Segment::Close);
    }
}

/// Text of one or more lines, each with its size and colour.
pub(crate) struct Block {
    lines: Vec<(Line, f64, Rgb)>,
}

/// How the lines of a block line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Centre,
    Right,
}

impl Block {
    pub fn new() -> Block {
        Block { lines: Vec::new() }
    }

    pub fn line(
        mut self,
        text: &str,
        size: f64,
        weight: Weight,
        tracking: f32,
        colour: Rgb,
    ) -> Block {
        if !text.trim().is_empty() {
            self.lines
                .push((shape(text.trim(), weight, tracking), size, colour));
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    fn metrics(l: &Line, size: f64) -> (f64, f64) {
        let s = size as f32;
        (
            (l.ascent(s) as f64).max(0.72 * size),
            (l.descent(s) as f64).max(0.2 * size),
        )
    }

    /// Width and height of the ink area, px.
    pub fn size(&self) -> (f64, f64) {
        let w = self
            .lines
            .iter()
            .map(|(l, s, _)| l.width(*s as f32) as f64)
            .fold(0.0, f64::max);
        let mut h = 0.0;
        for (i, (l, s, _)) in self.lines.iter().enumerate() {
            let (a, d) = Block::metrics(l, *s);
            h += a + d + if i > 0 { 0.18 * s } else { 0.0 };
        }
        (w, h)
    }

    /// Draws the block in `rect` (its ink box), lines aligned as asked.
    pub fn draw(
        &self,
        out: &mut String,
        glyphs: &mut GlyphSet,
        rect: Rect,
        align: Align,
        halo: Option<(Rgb, f64)>,
    ) {
        let mut y = rect.y0;
        let halo_hex = halo.map(|(c, w)| (c.hex(), w));
        for (i, (l, s, colour)) in self.lines.iter().enumerate() {
            let (a, d) = Block::metrics(l, *s);
            if i > 0 {
                y += 0.18 * s;
            }
            let w = l.width(*s as f32) as f64;
            let x = match align {
                Align::Left => rect.x0,
                Align::Right => rect.x1 - w,
                Align::Centre => 0.5 * (rect.x0 + rect.x1 - w),
            };
            let fill = colour.hex();
            let paint = Paint {
                size: *s as f32,
                fill: &fill,
                halo: halo_hex.as_ref().map(|(c, w)| (c.as_str(), *w as f32)),
            };
            glyphs.draw(out, l, x as f32, (y + a) as f32, paint);
            y += a + d;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_is_joined_and_ligated() {
        let text = "عين الأسد";
        let line = shape(text, Weight::Regular, 0.0);
        assert!(line.rtl);
        // 9 characters; lam + alef-with-hamza become one ligature glyph.
        assert_eq!(text.chars().count(), 9);
        assert_eq!(line.glyphs.len(), 8);
        assert!(line.glyphs.iter().all(|g| g.font == ARABIC && g.id != 0));
        // Joined forms, not the isolated ones the cmap gives: ع starts the word (initial form)
        // and ي sits inside it (medial form).
        let face = &faces()[ARABIC as usize];
        let isolated = |c: char| face.glyph_index(c).unwrap().0;
        let glyph_at = |byte: u32| line.glyphs.iter().find(|g| g.cluster == byte).unwrap().id;
        assert_ne!(glyph_at(0), isolated('ع'));
        assert_ne!(glyph_at(2), isolated('ي'));
        let lam_alef = text.find('ل').unwrap() as u32;
        assert_ne!(glyph_at(lam_alef), isolated('ل'));
        assert!(line.glyphs.iter().all(|g| g.cluster != lam_alef + 2)); // أ is inside it
    }

    #[test]
    fn arabic_reads_right_to_left() {
        let text = "عين الأسد";
        let line = shape(text, Weight::Regular, 0.0);
        // Visual order left to right is logical order reversed: د is drawn leftmost, ع rightmost.
        let clusters: Vec<u32> = line.glyphs.iter().map(|g| g.cluster).collect();
        assert!(clusters.windows(2).all(|w| w[0] > w[1]), "{clusters:?}");
        assert_eq!(*clusters.last().unwrap(), 0);
        assert!(line.glyphs.windows(2).all(|w| w[0].x <= w[1].x));
    }

    #[test]
    fn mixed_text_falls_back_per_run() {
        // A Latin name, then Arabic: left to right, the Latin run first in the Latin font, then
        // the Arabic run right-to-left in the Arabic font.
        let text = "Ain al-Asad / عين الأسد 100%";
        let line = shape(text, Weight::Regular, 0.0);
        assert!(!line.rtl);
        assert!(line.glyphs.iter().all(|g| g.id != 0), "a glyph is missing");
        assert_eq!(line.glyphs[0].font, LATIN);
        assert_eq!(line.glyphs[0].cluster, 0);
        let arabic: Vec<&Glyph> = line.glyphs.iter().filter(|g| g.font == ARABIC).collect();
        assert!(arabic.windows(2).all(|w| w[0].cluster > w[1].cluster));
        let pct = text.find('%').unwrap() as u32;
        let last = line.glyphs.last().unwrap();
        assert_eq!((last.cluster, last.font), (pct, LATIN));
    }

    #[test]
    fn degree_sign_in_arabic_uses_the_latin_font() {
        let line = shape("خط العرض ٣٥°", Weight::Bold, 0.0);
        assert!(line.glyphs.iter().all(|g| g.id != 0));
        assert!(line.glyphs.iter().any(|g| g.font == LATIN + 1));
    }

    #[test]
    fn arrows_are_drawn_though_no_font_has_them() {
        let line = shape("→ Croatia", Weight::Bold, 0.0);
        assert_eq!(line.glyphs[0].font, SYNTHETIC);
        let mut set = GlyphSet::default();
        let paint = Paint {
            size: 10.0,
            fill: "#000",
            halo: None,
        };
        let mut marked = String::new();
        set.draw(&mut marked, &line, 0.0, 0.0, paint);
        let (out, _) = set.write(&marked, TextForm::Outlines);
        // The arrow's first point, (70, 262) thousandths of an em, at 10 px per em.
        assert!(out.starts_with("<path d=\"M0.7 -2.62L5.2 -2.62"), "{out}");
    }

    #[test]
    fn outlines_are_paths() {
        let mut set = GlyphSet::default();
        let mut out = String::new();
        let line = shape("Erbil", Weight::Regular, 0.0);
        let paint = Paint {
            size: 20.0,
            fill: "#000",
            halo: Some(("#fff", 2.0)),
        };
        set.draw(&mut out, &line, 10.0, 30.0, paint);
        let (out, _) = set.write(&out, TextForm::Outlines);
        // One path for the line (five glyphs, each starting a contour), used twice: the halo
        // stroked, then the text filled over it.
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("<defs><path id=\"t1\" d=\"M"));
        assert!(lines[0].matches('M').count() >= 5);
        assert_eq!(
            lines[1],
            "<use xlink:href=\"#t1\" fill=\"#fff\" stroke=\"#fff\" stroke-width=\"4\" \
             stroke-linejoin=\"round\"/>"
        );
        assert_eq!(
            lines[2],
            "<use xlink:href=\"#t1\" fill=\"#000\" aria-label=\"Erbil\"/>"
        );
    }
}
