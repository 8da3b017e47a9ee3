//! A JSON writer for features: members written in the order given, strings escaped and numbers
//! formatted as serde_json does, so the bytes are the ones serde would write. Features are
//! nearly all of convoy's output, and the evidence strings nearly all of the features; this
//! skips serde's per-field machinery and scans strings eight bytes at a time.

use std::ops::Range;

/// A JSON object being written to a buffer: members are added in order, and [`Object::end`]
/// closes it (see the tests below for what it writes).
pub struct Object<'b> {
    buf: &'b mut Vec<u8>,
    first: bool,
}

impl<'b> Object<'b> {
    pub fn new(buf: &'b mut Vec<u8>) -> Object<'b> {
        buf.push(b'{');
        Object { buf, first: true }
    }

    /// Starts a member: the comma before it and the key. Keys are plain ASCII names.
    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        debug_assert!(key
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\'));
        if !self.first {
            self.buf.push(b',');
        }
        self.first = false;
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\":");
        self.buf
    }

    pub fn str(&mut self, key: &str, value: &str) {
        write_str(self.key(key), value);
    }

    /// As [`Object::str`]; returns where the value's JSON text lies in the buffer, for
    /// [`Object::copy`].
    pub fn str_at(&mut self, key: &str, value: &str) -> Range<usize> {
        let buf = self.key(key);
        let start = buf.len();
        write_str(buf, value);
        start..buf.len()
    }

    /// A member whose value is JSON text already in the buffer, at `at`.
    pub fn copy(&mut self, key: &str, at: Range<usize>) {
        self.key(key).extend_from_within(at);
    }

    pub fn opt_str(&mut self, key: &str, value: Option<&str>) {
        let buf = self.key(key);
        match value {
            Some(v) => write_str(buf, v),
            None => buf.extend_from_slice(b"null"),
        }
    }

    pub fn strs<'s>(&mut self, key: &str, values: impl IntoIterator<Item = &'s str>) {
        self.array(key, values, write_str);
    }

    /// A member whose value is an array of `items`, each written by `write`.
    fn array<T>(
        &mut self,
        key: &str,
        items: impl IntoIterator<Item = T>,
        write: impl Fn(&mut Vec<u8>, T),
    ) {
        let buf = self.key(key);
        buf.push(b'[');
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            write(buf, item);
        }
        buf.push(b']');
    }

    pub fn u64(&mut self, key: &str, value: u64) {
        let buf = self.key(key);
        buf.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    }

    pub fn opt_u32(&mut self, key: &str, value: Option<u32>) {
        match value {
            Some(v) => self.u64(key, v.into()),
            None => self.key(key).extend_from_slice(b"null"),
        }
    }

    pub fn f64(&mut self, key: &str, value: f64) {
        write_f64(self.key(key), value);
    }

    pub fn bool(&mut self, key: &str, value: bool) {
        let text: &[u8] = if value { b"true" } else { b"false" };
        self.key(key).extend_from_slice(text);
    }

    /// A member whose value is an array of [lon, lat] positions.
    pub fn positions(&mut self, key: &str, positions: impl IntoIterator<Item = [f64; 2]>) {
        self.array(key, positions, write_position);
    }

    /// A member whose value is one [lon, lat] position.
    pub fn position(&mut self, key: &str, position: [f64; 2]) {
        write_position(self.key(key), position);
    }

    /// A member whose value is an object, written by `f`.
    pub fn object(&mut self, key: &str, f: impl FnOnce(&mut Object)) {
        let buf = self.key(key);
        let mut inner = Object::new(buf);
        f(&mut inner);
        inner.end();
    }

    pub fn end(self) {
        self.buf.push(b'}');
    }
}

fn write_position(buf: &mut Vec<u8>, [x, y]: [f64; 2]) {
    buf.push(b'[');
    write_f64(buf, x);
    buf.push(b',');
    write_f64(buf, y);
    buf.push(b']');
}

/// A number as serde_json writes it (shortest round-trip form; `null` if not finite).
fn write_f64(buf: &mut Vec<u8>, x: f64) {
    if x.is_finite() {
        buf.extend_from_slice(zmij::Buffer::new().format_finite(x).as_bytes());
    } else {
        buf.extend_from_slice(b"null");
    }
}

/// A JSON string: quotes, backslashes and control characters escaped as serde_json does
/// (`\n`, `\t`… or `\u00XX`), everything else copied as it is.
pub fn write_str(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    let mut rest = s.as_bytes();
    loop {
        let clean = plain_prefix(rest);
        buf.extend_from_slice(&rest[..clean]);
        let Some(&b) = rest.get(clean) else {
            break;
        };
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            0x08 => b"\\b",
            0x0C => b"\\f",
            _ => b"",
        };
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            buf.extend_from_slice(b"\\u00");
            buf.push(HEX[usize::from(b >> 4)]);
            buf.push(HEX[usize::from(b & 0xF)]);
        } else {
            buf.extend_from_slice(escape);
        }
        rest = &rest[clean + 1..];
    }
    buf.push(b'"');
}

/// How many bytes at the start of `bytes` need no escaping: found eight at a time, then one
/// by one in the eight where one does.
fn plain_prefix(bytes: &[u8]) -> usize {
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if needs_escape(word) {
            break;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
        .unwrap_or(bytes.len() - n)
}

/// Whether any of the eight bytes is a control character, a quote or a backslash. May say yes
/// when none is (the bytes are then looked at one by one); never says no when one is.
#[inline]
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    below_space
        | has_zero(word ^ (ONES * u64::from(b'"')))
        | has_zero(word ^ (ONES * u64::from(b'\\')))
        != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_serde(s: &str) -> Vec<u8> {
        serde_json::to_vec(s).unwrap()
    }

    #[test]
    fn strings_escape_as_serde_does() {
        for s in [
            "",
            "عين الأسد",
            "a\"b\\c\n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "قال: \"انسحبت القوات\" من القاعدة\n",
            "\"\"\"\"\"\"\"\"\"",
        ] {
            let mut buf = Vec::new();
            write_str(&mut buf, s);
            assert_eq!(buf, as_serde(s), "{s:?}");
        }
    }

    #[test]
    fn numbers_format_as_serde_does() {
        for x in [
            0.0,
            2.0,
            5.5,
            36.89778,
            -0.000001,
            44.400_88,
            f64::NAN,
            1e21,
        ] {
            let mut buf = Vec::new();
            write_f64(&mut buf, x);
            assert_eq!(buf, serde_json::to_vec(&x).unwrap(), "{x}");
        }
    }

    #[test]
    fn objects_nest_in_order() {
        let mut buf = Vec::new();
        let mut o = Object::new(&mut buf);
        o.str("type", "Feature");
        o.object("geometry", |g| {
            g.str("type", "Point");
            g.position("coordinates", [42.5, 33.25]);
        });
        o.strs("via", ["a", "ب"]);
        o.opt_u32("vehicles", Some(40));
        o.opt_u32("personnel", None);
        o.opt_str("actor", None);
        o.bool("near", false);
        o.end();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[42.5,33.25]},"via":["a","ب"],"vehicles":40,"personnel":null,"actor":null,"near":false}"#
        );
    }

    proptest::proptest! {
        #[test]
        fn any_string_escapes_as_serde_does(s in "(\\PC|[\\x00-\\x1f\"\\\\])*") {
            let mut buf = Vec::new();
            write_str(&mut buf, &s);
            proptest::prop_assert_eq!(buf, as_serde(&s));
        }
    }
}
