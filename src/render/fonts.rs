//! The embedded Noto fonts: their bytes, their parsed faces, and the `@font-face` rules that
//! carry them into an SVG whose text is `<text>`, each face cut down to the characters that
//! text uses.
//!
//! The cut is made by klippa (fontations' port of HarfBuzz's hb-subset, published as
//! `fontcull-klippa`): it keeps the `cmap` entries of the characters asked for and every
//! glyph the font's layout tables can reach from them (joining forms, lam-alef ligatures,
//! marks), with the `GSUB`/`GPOS` lookups that reach them, so a browser or Inkscape shaping the
//! text itself finds the same glyphs it would in the whole font. Hinting is kept: the subset
//! rasterises as the whole font does.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::sync::OnceLock;

use rustybuzz::Face;

use crate::error::{Error, Result};

/// The fonts, by face index: Latin regular and bold, Arabic regular and bold.
static FONT_DATA: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansArabic-Bold.ttf"),
];

/// The face index of Noto Sans Regular; bold is the next.
pub(crate) const LATIN: u8 = 0;
/// The face index of Noto Sans Arabic Regular; bold is the next.
pub(crate) const ARABIC: u8 = 2;

/// The CSS font families of the embedded faces, Latin and Arabic.
const FAMILIES: [&str; 2] = ["Noto Sans", "Noto Sans Arabic"];

/// The embedded faces, parsed once.
pub(crate) fn faces() -> &'static [Face<'static>; 4] {
    static FACES: OnceLock<[Face<'static>; 4]> = OnceLock::new();
    FACES.get_or_init(|| {
        // The fonts are compiled in and checked by the tests: parsing cannot fail at run time.
        FONT_DATA.map(|d| Face::from_slice(d, 0).expect("embedded font parses"))
    })
}

/// The CSS family of face `face`.
fn family(face: u8) -> &'static str {
    FAMILIES[face as usize / 2]
}

/// The `font-family` of a `<text>`: the paragraph's script first, then the other, as the
/// shaper picks faces.
pub(crate) fn family_list(rtl: bool) -> String {
    let (first, second) = if rtl {
        (ARABIC, LATIN)
    } else {
        (LATIN, ARABIC)
    };
    format!("'{}', '{}'", family(first), family(second))
}

/// What the `<text>` of one SVG asks of each face: the characters it may draw in it.
#[derive(Debug, Default)]
pub(crate) struct FontUse {
    /// Per face: the characters of every text that lists its family.
    chars: [BTreeSet<char>; 4],
    /// Per face: some visible character is drawn in it (its family is the first that has it).
    drawn: [bool; 4],
}

impl FontUse {
    /// Notes a `<text>` of `text`, bold or not, whose `font-family` is [`family_list`]`(rtl)`.
    pub fn note(&mut self, text: &str, rtl: bool, bold: bool) {
        let w = bold as u8;
        let order = if rtl {
            [ARABIC + w, LATIN + w]
        } else {
            [LATIN + w, ARABIC + w]
        };
        for c in text.chars() {
            // Both families keep the character where they have it, so a renderer falling back
            // from one to the other finds what it would in the whole fonts.
            for f in order {
                self.chars[f as usize].insert(c);
            }
            if c.is_whitespace() {
                continue;
            }
            if let Some(&f) = order.iter().find(|&&f| has_char(f, c)) {
                self.drawn[f as usize] = true;
            }
        }
    }

    /// The `<defs><style>` with an `@font-face` for each face some text is drawn in, the face
    /// cut to the characters noted for it and carried in a `data:` URL; empty when no text was
    /// noted.
    pub fn css(&self) -> Result<String> {
        use base64::Engine;
        if !self.drawn.iter().any(|d| *d) {
            return Ok(String::new());
        }
        let mut out = String::from("<defs><style>\n");
        for face in 0..FONT_DATA.len() as u8 {
            if !self.drawn[face as usize] {
                continue;
            }
            let data = subset(face, &self.chars[face as usize])?;
            let weight = if face % 2 == 1 { "bold" } else { "normal" };
            let _ = writeln!(
                out,
                "@font-face {{ font-family: '{}'; font-weight: {weight}; src: \
                 url(data:font/ttf;base64,{}) format('truetype'); }}",
                family(face),
                base64::engine::general_purpose::STANDARD.encode(data)
            );
        }
        out.push_str("</style></defs>\n");
        Ok(out)
    }
}

/// Face `face` has a glyph for `c`.
pub(crate) fn has_char(face: u8, c: char) -> bool {
    faces()[face as usize].glyph_index(c).is_some()
}

/// The names a cut face keeps (in Windows English, as the whole faces have them): copyright,
/// family, subfamily, unique id, full name, version, PostScript name, licence and its URL, so
/// the OFL's notice travels with the font.
const KEPT_NAMES: [u16; 9] = [0, 1, 2, 3, 4, 5, 6, 13, 14];

/// Face `face` cut to `chars` and the glyphs its layout reaches from them.
fn subset(face: u8, chars: &BTreeSet<char>) -> Result<Vec<u8>> {
    use fontcull_klippa::{subset_font, Plan, SubsetFlags, DEFAULT_LAYOUT_FEATURES};
    use fontcull_skrifa::raw::collections::IntSet;
    use fontcull_skrifa::raw::types::NameId;
    use fontcull_skrifa::{FontRef, GlyphId, Tag};
    let fail = |e: String| {
        Error::Render(format!(
            "cutting the embedded font {} to the map's characters failed: {e}",
            family(face)
        ))
    };
    let font = FontRef::new(FONT_DATA[face as usize]).map_err(|e| fail(e.to_string()))?;
    let unicodes: IntSet<u32> = chars.iter().map(|&c| c as u32).collect();
    let features: IntSet<Tag> = DEFAULT_LAYOUT_FEATURES.iter().copied().collect();
    let names: IntSet<NameId> = KEPT_NAMES.iter().map(|&n| NameId::new(n)).collect();
    let plan = Plan::new(
        &IntSet::<GlyphId>::empty(),
        &unicodes,
        &font,
        SubsetFlags::default(),
        &IntSet::empty(),
        &IntSet::all(),
        &features,
        &names,
        &IntSet::from_iter([0x409]),
    );
    subset_font(&font, &plan).map_err(|e| fail(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustybuzz::{ttf_parser::GlyphId, UnicodeBuffer};

    fn chars(s: &str) -> BTreeSet<char> {
        s.chars().collect()
    }

    /// The glyphs rustybuzz shapes `text` into with `data`, and their advances.
    fn shaped(data: &[u8], text: &str) -> Vec<(u16, i32)> {
        let face = Face::from_slice(data, 0).unwrap();
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let out = rustybuzz::shape(&face, &[], buffer);
        out.glyph_infos()
            .iter()
            .zip(out.glyph_positions())
            .map(|(i, p)| (i.glyph_id as u16, p.x_advance))
            .collect()
    }

    /// The outline of each glyph, as a list of points: equal outlines, equal glyphs.
    fn outlines(data: &[u8], glyphs: &[(u16, i32)]) -> Vec<String> {
        struct Pts(String);
        impl rustybuzz::ttf_parser::OutlineBuilder for Pts {
            fn move_to(&mut self, x: f32, y: f32) {
                self.0 += &format!("M{x},{y}");
            }
            fn line_to(&mut self, x: f32, y: f32) {
                self.0 += &format!("L{x},{y}");
            }
            fn quad_to(&mut self, a: f32, b: f32, x: f32, y: f32) {
                self.0 += &format!("Q{a},{b},{x},{y}");
            }
            fn curve_to(&mut self, a: f32, b: f32, c: f32, d: f32, x: f32, y: f32) {
                self.0 += &format!("C{a},{b},{c},{d},{x},{y}");
            }
            fn close(&mut self) {
                self.0 += "Z";
            }
        }
        let face = Face::from_slice(data, 0).unwrap();
        glyphs
            .iter()
            .map(|(id, adv)| {
                let mut p = Pts(format!("{adv}:"));
                face.outline_glyph(GlyphId(*id), &mut p);
                p.0
            })
            .collect()
    }

    #[test]
    fn an_arabic_subset_shapes_as_the_whole_font() {
        // Initial, medial, final and isolated forms, lam-alef ligatures (لأ, لا), a shadda
        // (a mark), digits and the Arabic comma.
        let text = "عين الأسد، القوات الأمريكية تنسحب من قاعدة بلد ٣ شدّة 2026";
        for face in [ARABIC, ARABIC + 1] {
            let cut = subset(face, &chars(text)).unwrap();
            let whole = FONT_DATA[face as usize];
            assert!(
                cut.len() * 4 < whole.len(),
                "{} of {}",
                cut.len(),
                whole.len()
            );
            // Glyph ids differ (the subset renumbers them); the glyphs drawn do not.
            let (a, b) = (shaped(whole, text), shaped(&cut, text));
            assert_eq!(a.len(), b.len());
            assert!(b.iter().all(|(id, _)| *id != 0), "a glyph is missing");
            assert_eq!(outlines(whole, &a), outlines(&cut, &b));
        }
    }

    #[test]
    fn a_latin_subset_keeps_only_its_characters() {
        let cut = subset(LATIN, &chars("Erbil 12 km · ffi")).unwrap();
        let face = Face::from_slice(&cut, 0).unwrap();
        assert!(face.glyph_index('E').is_some() && face.glyph_index('·').is_some());
        assert!(face.glyph_index('Z').is_none());
        let (a, b) = (
            shaped(FONT_DATA[LATIN as usize], "Erbil ffi"),
            shaped(&cut, "Erbil ffi"),
        );
        assert_eq!(outlines(FONT_DATA[LATIN as usize], &a), outlines(&cut, &b));
    }

    #[test]
    fn a_subset_keeps_the_copyright_and_licence() {
        let cut = subset(ARABIC, &chars("بغداد")).unwrap();
        let face = Face::from_slice(&cut, 0).unwrap();
        let name = |id: u16| {
            face.names()
                .into_iter()
                .find(|n| n.name_id == id)
                .and_then(|n| n.to_string())
        };
        assert!(name(0).unwrap().contains("Google LLC"));
        assert_eq!(name(1).as_deref(), Some("Noto Sans Arabic"));
        assert!(name(13).unwrap().contains("SIL Open Font License"));
    }

    #[test]
    fn subsets_are_the_same_bytes_every_time() {
        let text = chars("القوات الأمريكية Erbil");
        assert_eq!(
            subset(ARABIC, &text).unwrap(),
            subset(ARABIC, &text).unwrap()
        );
    }

    #[test]
    fn only_faces_that_draw_something_are_embedded() {
        let mut used = FontUse::default();
        assert_eq!(used.css().unwrap(), "");
        used.note("Erbil 12", false, false);
        let css = used.css().unwrap();
        assert_eq!(css.matches("@font-face").count(), 1);
        assert!(css.contains("font-family: 'Noto Sans'; font-weight: normal"));
        // An Arabic label with a degree sign, which the Arabic font lacks: both bold faces.
        used.note("خط العرض ٣٥°", true, true);
        let css = used.css().unwrap();
        assert_eq!(css.matches("@font-face").count(), 3);
        assert!(css.contains("font-family: 'Noto Sans Arabic'; font-weight: bold"));
        assert!(css.contains("font-family: 'Noto Sans'; font-weight: bold"));
    }
}
