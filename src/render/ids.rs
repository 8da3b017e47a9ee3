//! The SVG's element ids: each drawn feature's element has an `id` made from its GeoJSON
//! feature id, valid as an XML ID and unique in the document, so an editor or a script can find
//! it (`document.getElementById`, Inkscape's Find, Illustrator's layers).
//!
//! The rule (in the output contract): a feature id that is an XML name is kept as it is; a
//! character a name cannot hold (a space, `/`, `.`, `:` …) becomes `_xHHHH_` (its code point in
//! hex); an id that does not start with a letter or `_` (`000_943bcec6441ca9da-m2`) gets a
//! `_` in front; an id already taken gets `-2`, `-3` … after it. The element also carries the
//! feature id unchanged in `data-feature-id`.

use std::collections::BTreeSet;
use std::fmt::Write;

/// The ids given out so far in one SVG document.
#[derive(Debug, Default)]
pub(crate) struct XmlIds {
    taken: BTreeSet<String>,
}

impl XmlIds {
    /// An id for `wanted`, escaped as the rule says and not given out before.
    pub fn claim(&mut self, wanted: &str) -> String {
        let base = escape(wanted);
        let mut id = base.clone();
        let mut n = 1;
        while self.taken.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.taken.insert(id.clone());
        id
    }
}

/// `wanted` as an XML name: kept where it is one, escaped where it is not.
pub(crate) fn escape(wanted: &str) -> String {
    let mut out = String::with_capacity(wanted.len() + 1);
    if !wanted.chars().next().is_some_and(is_name_start) {
        out.push('_');
    }
    for c in wanted.chars() {
        if is_name_start(c) || c.is_ascii_digit() || c == '-' {
            out.push(c);
        } else {
            let _ = write!(out, "_x{:04X}_", c as u32);
        }
    }
    out
}

/// A character an XML name may start with (XML 1.0 fifth edition, NameStartChar, less `:`,
/// which namespaces reserve).
fn is_name_start(c: char) -> bool {
    matches!(c as u32,
        0x41..=0x5A | 0x5F | 0x61..=0x7A | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2FF
        | 0x370..=0x37D | 0x37F..=0x1FFF | 0x200C..=0x200D | 0x2070..=0x218F
        | 0x2C00..=0x2FEF | 0x3001..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFFD
        | 0x10000..=0xEFFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_xml_names_and_unique() {
        let mut ids = XmlIds::default();
        assert_eq!(ids.claim("movements"), "movements");
        assert_eq!(ids.claim("movements"), "movements-2");
        assert_eq!(ids.claim("movements-2"), "movements-2-2");
        assert_eq!(
            ids.claim("000_943bcec6441ca9da-m2"),
            "_000_943bcec6441ca9da-m2"
        );
        assert_eq!(ids.claim("a b/c.d"), "a_x0020_b_x002F_c_x002E_d");
        assert_eq!(ids.claim("-x"), "_-x");
        assert_eq!(ids.claim(""), "_");
        // Arabic letters are name characters.
        assert_eq!(ids.claim("قاعدة-m1"), "قاعدة-m1");
        // Quotes and angle brackets cannot reach the attribute.
        assert_eq!(escape("a\"<>&"), "a_x0022__x003C__x003E__x0026_");
    }
}
