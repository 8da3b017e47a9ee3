//! Article bytes to text: byte-order marks, UTF-8 with a few bad bytes, legacy encodings.
//!
//! The rules, in order:
//! 1. A byte-order mark names the encoding: UTF-8 (`EF BB BF`), UTF-32LE (`FF FE 00 00`),
//!    UTF-32BE (`00 00 FE FF`), UTF-16LE (`FF FE`) or UTF-16BE (`FE FF`). UTF-32LE is looked
//!    for before UTF-16LE, whose mark begins it.
//! 2. Without a mark, a file holding NUL bytes is binary, not an article.
//! 3. Valid UTF-8 is taken as it is.
//! 4. *Mostly valid* UTF-8 is UTF-8 with each invalid sequence replaced by U+FFFD, and the
//!    count is reported. Mostly valid means at least [`GOOD_PER_BAD`] valid non-ASCII
//!    characters for each invalid sequence (98 %). Legacy Arabic encodings never come close:
//!    their letters are bytes from `C1` up, which UTF-8 reads as lead bytes, and the byte after
//!    a letter (another letter, a space) is seldom a continuation byte.
//! 5. Otherwise chardetng guesses the encoding and encoding_rs decodes it; a guess that does
//!    not decode cleanly is an error, never mojibake.
//!
//! Under a mark, invalid sequences are replaced as in rule 4, as long as there is at least
//! [`GOOD_PER_BAD`] valid characters for each; more makes the file an error. Every decoding
//! records where its text lies in the file ([`FileOffsets`]).

use std::path::Path;

use super::offsets::FileOffsets;
use crate::error::{Error, Result};

/// Valid characters needed for each invalid sequence before a file counts as mostly valid:
/// at least 98 % of its characters (its non-ASCII ones, for UTF-8 without a mark) are sound.
pub const GOOD_PER_BAD: usize = 50;

/// An article's bytes, decoded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decoded {
    /// The text, as UTF-8.
    pub text: String,
    /// The encoding the file was in, when it was not UTF-8.
    pub encoding: Option<&'static str>,
    /// How many invalid sequences were replaced by U+FFFD.
    pub replaced: usize,
    /// Where the text lies in the file.
    pub offsets: FileOffsets,
}

/// The encodings a byte-order mark can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bom {
    Utf8,
    Utf16 { little: bool },
    Utf32 { little: bool },
}

impl Bom {
    /// The mark `bytes` start with, if any, and its length.
    fn find(bytes: &[u8]) -> Option<(Bom, usize)> {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => Some((Bom::Utf8, 3)),
            [0xFF, 0xFE, 0, 0, ..] => Some((Bom::Utf32 { little: true }, 4)),
            [0, 0, 0xFE, 0xFF, ..] => Some((Bom::Utf32 { little: false }, 4)),
            [0xFF, 0xFE, ..] => Some((Bom::Utf16 { little: true }, 2)),
            [0xFE, 0xFF, ..] => Some((Bom::Utf16 { little: false }, 2)),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Bom::Utf8 => "UTF-8",
            Bom::Utf16 { little: true } => "UTF-16LE",
            Bom::Utf16 { little: false } => "UTF-16BE",
            Bom::Utf32 { little: true } => "UTF-32LE",
            Bom::Utf32 { little: false } => "UTF-32BE",
        }
    }
}

/// Decodes article bytes to UTF-8 text by the rules above; `path` names the file in errors.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded> {
    if let Some((bom, len)) = Bom::find(bytes) {
        return decode_marked(path, bom, bytes, len);
    }
    if bytes.contains(&0) {
        return Err(Error::Binary {
            path: path.to_owned(),
        });
    }
    // Validating Arabic UTF-8 byte by byte costs more than copying it: validate with SIMD, then
    // copy.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            ..Decoded::default()
        });
    }
    let (decoded, non_ascii) = utf8_lossy(bytes, 0);
    if decoded.replaced * GOOD_PER_BAD <= non_ascii {
        return Ok(decoded);
    }
    legacy(path, bytes)
}

/// Decodes the text after a byte-order mark `len` bytes long.
fn decode_marked(path: &Path, bom: Bom, bytes: &[u8], len: usize) -> Result<Decoded> {
    let body = &bytes[len..];
    let mut decoded = match bom {
        Bom::Utf8 => utf8_lossy(body, len).0,
        Bom::Utf16 { little } => units(body, len, 2, |u| utf16_unit(u, little)),
        Bom::Utf32 { little } => units(body, len, 4, |u| utf32_unit(u, little)),
    };
    let chars = decoded.text.chars().count();
    if decoded.replaced * GOOD_PER_BAD > chars {
        return Err(Error::MarkedEncoding {
            path: path.to_owned(),
            encoding: bom.name(),
            invalid: decoded.replaced,
        });
    }
    if bom != Bom::Utf8 {
        decoded.encoding = Some(bom.name());
    }
    Ok(decoded)
}

/// UTF-8 with each invalid sequence replaced by U+FFFD, the text starting `base` bytes into
/// the file; and how many valid non-ASCII characters it holds.
fn utf8_lossy(bytes: &[u8], base: usize) -> (Decoded, usize) {
    let mut d = Decoded {
        text: String::with_capacity(bytes.len() + 16),
        ..Decoded::default()
    };
    d.offsets.push(0, base);
    let mut file = base;
    let mut non_ascii = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        d.text.push_str(valid);
        // Lead bytes start the non-ASCII characters.
        non_ascii += valid.bytes().filter(|&b| b >= 0xC0).count();
        file += valid.len();
        if !chunk.invalid().is_empty() {
            d.text.push(char::REPLACEMENT_CHARACTER);
            d.replaced += 1;
            file += chunk.invalid().len();
            d.offsets.push(d.text.len(), file);
        }
    }
    (d, non_ascii)
}

/// A decoder of UTF-16 and UTF-32: the characters in `units` (each `width` bytes), U+FFFD for
/// each invalid one and for a short unit at the end, the text starting `base` bytes into the
/// file. `unit` reads the units from a slice and says how many it took.
fn units(
    bytes: &[u8],
    base: usize,
    width: usize,
    unit: impl Fn(&[u8]) -> (Option<char>, usize),
) -> Decoded {
    let mut d = Decoded {
        text: String::with_capacity(bytes.len()),
        ..Decoded::default()
    };
    d.offsets.push(0, base);
    let mut at = 0;
    while at < bytes.len() {
        let (c, took) = if bytes.len() - at < width {
            (None, bytes.len() - at)
        } else {
            unit(&bytes[at..])
        };
        d.text.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
        d.replaced += usize::from(c.is_none());
        at += took;
        d.offsets.push(d.text.len(), base + at);
    }
    d
}

/// The character at the start of UTF-16 `bytes` (at least 2), and how many bytes it took.
fn utf16_unit(bytes: &[u8], little: bool) -> (Option<char>, usize) {
    let read = |b: &[u8]| {
        let pair = [b[0], b[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    };
    let units = std::iter::once(read(bytes)).chain((bytes.len() >= 4).then(|| read(&bytes[2..])));
    match char::decode_utf16(units).next() {
        Some(Ok(c)) => (Some(c), c.len_utf16() * 2),
        _ => (None, 2),
    }
}

/// The character at the start of UTF-32 `bytes` (at least 4), and the 4 bytes it took.
fn utf32_unit(bytes: &[u8], little: bool) -> (Option<char>, usize) {
    let quad = [bytes[0], bytes[1], bytes[2], bytes[3]];
    let code = if little {
        u32::from_le_bytes(quad)
    } else {
        u32::from_be_bytes(quad)
    };
    (char::from_u32(code), 4)
}

/// Decodes with the encoding chardetng guesses, keeping each character's place in the file.
fn legacy(path: &Path, bytes: &[u8]) -> Result<Decoded> {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let fail = || Error::Encoding {
        path: path.to_owned(),
        guess: encoding.name(),
    };
    if encoding.is_single_byte() {
        return single_byte(encoding, bytes).ok_or_else(fail);
    }
    multi_byte(encoding, bytes).ok_or_else(fail)
}

/// Decodes a single-byte encoding (Windows-1256, ISO-8859-6): each character is one byte of
/// the file. None if a byte has no character.
fn single_byte(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> Option<Decoded> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return None;
    }
    let mut offsets = FileOffsets::default();
    for (file, (at, _)) in text.char_indices().enumerate() {
        offsets.push(at, file);
    }
    offsets.push(text.len(), bytes.len());
    Some(Decoded {
        text: text.into_owned(),
        encoding: Some(encoding.name()),
        replaced: 0,
        offsets,
    })
}

/// Decodes a multi-byte legacy encoding one byte at a time, so that each character's place in
/// the file is known. None if the bytes are not in the encoding.
fn multi_byte(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> Option<Decoded> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let room = decoder.max_utf8_buffer_length_without_replacement(bytes.len())?;
    let mut d = Decoded {
        text: String::with_capacity(room),
        encoding: Some(encoding.name()),
        ..Decoded::default()
    };
    // Where the bytes not yet turned into text begin.
    let mut pending = 0;
    for (i, byte) in bytes.iter().enumerate() {
        let before = d.text.len();
        let mut input = std::slice::from_ref(byte);
        loop {
            let last = i + 1 == bytes.len();
            let (result, read) =
                decoder.decode_to_string_without_replacement(input, &mut d.text, last);
            input = &input[read..];
            match result {
                encoding_rs::DecoderResult::InputEmpty => break,
                encoding_rs::DecoderResult::OutputFull => d.text.reserve(16),
                encoding_rs::DecoderResult::Malformed(..) => return None,
            }
        }
        if d.text.len() > before {
            d.offsets.push(before, pending);
            pending = i + 1;
        }
    }
    d.offsets.push(d.text.len(), bytes.len());
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An Arabic sentence of the seeds' kind, long enough to weigh a bad byte against.
    const ARTICLE: &str = "انسحب رتل مؤلف من 20 شاحنة من قاعدة الشدادي إلى معبر الوليد ثم إلى \
                           العراق، وقالت مصادر محلية إن القوات الأمريكية أخلت القاعدة بالكامل.";

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut bytes = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            bytes.extend(if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            });
        }
        bytes
    }

    fn utf32(text: &str, little: bool) -> Vec<u8> {
        let mut bytes = if little {
            vec![0xFF, 0xFE, 0, 0]
        } else {
            vec![0, 0, 0xFE, 0xFF]
        };
        for c in text.chars() {
            bytes.extend(if little {
                (c as u32).to_le_bytes()
            } else {
                (c as u32).to_be_bytes()
            });
        }
        bytes
    }

    /// Every text offset of `d` at a character boundary maps to where that character's bytes
    /// begin in `file`, as `encode` writes one character.
    fn offsets_follow(d: &Decoded, file: &[u8], encode: impl Fn(char) -> Vec<u8>) {
        for (at, c) in d.text.char_indices() {
            let f = d.offsets.file_offset(at);
            if c != char::REPLACEMENT_CHARACTER {
                assert!(file[f..].starts_with(&encode(c)), "{c:?} at {at} → {f}");
            }
        }
        assert_eq!(d.offsets.file_offset(d.text.len()), file.len());
    }

    #[test]
    fn f01_one_bad_byte_does_not_ruin_an_article() {
        let text = ARTICLE.repeat(4);
        let cut = text.char_indices().nth(200).unwrap().0;
        let mut bytes = text.as_bytes()[..cut].to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice(&text.as_bytes()[cut..]);
        let d = decode(Path::new("a.txt"), &bytes).unwrap();
        assert_eq!(d.encoding, None);
        assert_eq!(d.replaced, 1);
        assert_eq!(d.text, format!("{}\u{FFFD}{}", &text[..cut], &text[cut..]));
        offsets_follow(&d, &bytes, |c| c.to_string().into_bytes());
        // A cut through a letter's two bytes is one invalid sequence too.
        let mut cut_letter = text.as_bytes().to_vec();
        cut_letter.remove(cut + 1);
        let d = decode(Path::new("a.txt"), &cut_letter).unwrap();
        assert_eq!((d.encoding, d.replaced), (None, 1));
    }

    #[test]
    fn f01_windows_1256_is_not_taken_for_mostly_valid_utf8() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(ARTICLE);
        let d = decode(Path::new("a.txt"), &bytes).unwrap();
        assert_eq!(d.text, ARTICLE);
        assert_eq!(d.encoding, Some("windows-1256"));
        offsets_follow(&d, &bytes, |c| {
            encoding_rs::WINDOWS_1256
                .encode(&c.to_string())
                .0
                .into_owned()
        });
    }

    #[test]
    fn multi_byte_legacy_encodings_keep_their_offsets() {
        let text = "中文新闻：部队撤出基地。";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let d = multi_byte(encoding_rs::GBK, &bytes).unwrap();
        assert_eq!(d.text, text);
        offsets_follow(&d, &bytes, |c| {
            encoding_rs::GBK.encode(&c.to_string()).0.into_owned()
        });
        assert!(multi_byte(encoding_rs::SHIFT_JIS, b"\x82").is_none());
    }

    #[test]
    fn f01_byte_order_marks_name_the_encoding() {
        for little in [true, false] {
            let bytes = utf16(ARTICLE, little);
            let d = decode(Path::new("a.txt"), &bytes).unwrap();
            assert_eq!(d.text, ARTICLE);
            assert_eq!(
                d.encoding,
                Some(if little { "UTF-16LE" } else { "UTF-16BE" })
            );
            offsets_follow(&d, &bytes, |c| utf16(&c.to_string(), little)[2..].to_vec());
            let bytes = utf32(ARTICLE, little);
            let d = decode(Path::new("a.txt"), &bytes).unwrap();
            assert_eq!(d.text, ARTICLE);
            assert_eq!(
                d.encoding,
                Some(if little { "UTF-32LE" } else { "UTF-32BE" })
            );
            offsets_follow(&d, &bytes, |c| utf32(&c.to_string(), little)[4..].to_vec());
        }
    }

    #[test]
    fn f01_a_bad_unit_under_a_mark_is_replaced_and_counted() {
        let mut bytes = utf32(&ARTICLE.repeat(2), true);
        bytes[40..44].copy_from_slice(&0xD800u32.to_le_bytes());
        bytes.push(0x41);
        let d = decode(Path::new("a.txt"), &bytes).unwrap();
        assert_eq!(d.replaced, 2);
        assert_eq!(d.text.chars().nth(9), Some(char::REPLACEMENT_CHARACTER));
        let mut bytes = utf16(ARTICLE, true);
        bytes.extend([0x00, 0xD8]);
        let d = decode(Path::new("a.txt"), &bytes).unwrap();
        assert_eq!((d.text.chars().last(), d.replaced), (Some('\u{FFFD}'), 1));
    }

    #[test]
    fn f01_a_mark_over_bytes_of_another_encoding_is_an_error() {
        let mut bytes = vec![0xFF, 0xFE, 0, 0];
        bytes.extend(std::iter::repeat_n(0xFF, 400));
        let e = decode(Path::new("x.txt"), &bytes).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.txt: starts with a byte-order mark for UTF-32LE, but 100 of its characters are \
             not valid UTF-32LE"
        );
    }

    #[test]
    fn f04_a_utf8_mark_moves_every_offset_by_three() {
        let bytes = [b"\xEF\xBB\xBF".as_slice(), ARTICLE.as_bytes()].concat();
        let d = decode(Path::new("a.txt"), &bytes).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.replaced),
            (ARTICLE, None, 0)
        );
        assert_eq!(d.offsets.file_offset(0), 3);
        offsets_follow(&d, &bytes, |c| c.to_string().into_bytes());
    }
}
