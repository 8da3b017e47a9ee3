//! Articles as convoy reads them: files or directories of `.txt`, decoded to UTF-8.
//!
//! Arabic news text often arrives as Windows-1256 or ISO-8859-6. A file that is valid UTF-8 is
//! taken as is (a byte-order mark dropped); otherwise chardetng guesses the encoding and
//! encoding_rs decodes it, and a guess that does not decode cleanly is an error, never mojibake.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One article: its file name, path and text.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file name (`000_x.txt`), used as the `doc` of every record.
    pub name: String,
    /// The path it was read from.
    pub path: PathBuf,
    /// The decoded text. Offsets in convoy's output are byte offsets into this text, which is
    /// the file itself when the file is UTF-8.
    pub text: String,
    /// The encoding the file was decoded from, when it was not UTF-8.
    pub decoded_from: Option<&'static str>,
}

impl Document {
    /// Reads and decodes one article.
    pub fn read(path: &Path) -> Result<Document> {
        let bytes = read_file(path).map_err(|e| Error::io(path, "cannot read", e))?;
        let (text, decoded_from) = decode(path, &bytes)?;
        Ok(Document {
            name: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            path: path.to_owned(),
            text,
            decoded_from,
        })
    }

    /// An article from text in memory (tests, benchmarks, library users).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Document {
        let name = name.into();
        Document {
            path: PathBuf::from(&name),
            name,
            text: text.into(),
            decoded_from: None,
        }
    }

    /// The file name without its extension, used in feature ids (`<stem>-m1`).
    pub fn stem(&self) -> &str {
        Path::new(&self.name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(&self.name)
    }
}

/// A file's bytes. Unlike `std::fs::read` it does not ask the file's size first (`File`'s own
/// `read_to_end` would; through `take` it does not): articles are small, a generous buffer
/// holds them, and on a virtual machine the system call saved is a sizeable share of reading
/// thousands of small files.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(64 * 1024);
    std::fs::File::open(path)?
        .take(u64::MAX)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Decodes article bytes to UTF-8 text; returns the encoding used when it was not UTF-8.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Option<&'static str>)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        // UTF-16 with a byte-order mark (what Windows Notepad writes as "Unicode").
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(Error::Encoding {
                path: path.to_owned(),
                guess: encoding.name(),
            });
        }
        return Ok((text.into_owned(), Some(encoding.name())));
    }
    if bytes.contains(&0) {
        return Err(Error::Binary {
            path: path.to_owned(),
        });
    }
    // Validating Arabic UTF-8 byte by byte costs more than copying it: validate with SIMD, then
    // copy.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok((text.to_owned(), None));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Error::Encoding {
            path: path.to_owned(),
            guess: encoding.name(),
        });
    }
    Ok((text.into_owned(), Some(encoding.name())))
}

/// One row of an articles directory's `manifest.csv` (`file,date,source,url,title`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ManifestEntry {
    pub date: Option<crate::extract::dates::ArticleDate>,
    pub source: String,
    pub url: String,
    pub title: String,
}

/// The manifest of an articles directory: file name → entry. A directory without
/// `manifest.csv` has an empty manifest.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    entries: std::collections::HashMap<String, ManifestEntry>,
}

impl Manifest {
    /// Reads `dir/manifest.csv` if there is one; a malformed row is an error naming the file,
    /// the line and the column.
    pub fn read(dir: &Path) -> Result<Manifest> {
        let path = dir.join("manifest.csv");
        if !path.exists() {
            return Ok(Manifest::default());
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| Error::io(&path, "cannot read", e))?;
        Manifest::parse(&path.display().to_string(), &text)
    }

    /// Parses manifest CSV text; `name` names it in errors.
    pub fn parse(name: &str, text: &str) -> Result<Manifest> {
        let fail = |line: u64, message: String| Error::Malformed {
            source_name: name.to_owned(),
            location: format!("line {line}"),
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| fail(1, format!("cannot read the header: {e}")))?
            .clone();
        let col = |h: &str| headers.iter().position(|x| x.trim() == h);
        let (Some(file), Some(date)) = (col("file"), col("date")) else {
            return Err(fail(
                1,
                "the header needs at least the columns file,date".into(),
            ));
        };
        let (source, url, title) = (col("source"), col("url"), col("title"));
        let mut entries = std::collections::HashMap::new();
        for row in reader.records() {
            let row = row.map_err(|e| fail(e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = row.position().map_or(0, |p| p.line());
            let get = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or("").trim().to_owned();
            let date_text = get(Some(date));
            let date = if date_text.is_empty() {
                None
            } else {
                Some(
                    date_text
                        .parse()
                        .map_err(|e: String| fail(line, format!("column `date`: {e}")))?,
                )
            };
            entries.insert(
                get(Some(file)),
                ManifestEntry {
                    date,
                    source: get(source),
                    url: get(url),
                    title: get(title),
                },
            );
        }
        Ok(Manifest { entries })
    }

    /// The entry for an article file name.
    pub fn get(&self, file: &str) -> Option<&ManifestEntry> {
        self.entries.get(file)
    }
}

/// Expands arguments into article paths: a file as given, a directory as every `.txt` file
/// directly inside it, in name order.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, "cannot read", e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            let entries =
                std::fs::read_dir(input).map_err(|e| Error::io(input, "cannot list", e))?;
            for entry in entries {
                let entry = entry.map_err(|e| Error::io(input, "cannot list", e))?;
                let path = entry.path();
                if path.extension().is_none_or(|x| x != "txt") {
                    continue;
                }
                // The listing says what each entry is: asking the file system again, for
                // thousands of files, would cost a system call each. Links are followed.
                let kind = entry
                    .file_type()
                    .map_err(|e| Error::io(&path, "cannot read", e))?;
                if kind.is_file() || (kind.is_symlink() && path.is_file()) {
                    files.push(path);
                }
            }
            // All share the directory's prefix, so their bytes sort as their names do, and
            // far faster than paths compared component by component.
            files.sort_unstable_by(|a, b| {
                a.as_os_str()
                    .as_encoded_bytes()
                    .cmp(b.as_os_str().as_encoded_bytes())
            });
            out.extend(files);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_give_their_txt_files_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("b.txt"), "ب").unwrap();
        std::fs::write(d.join("a.txt"), "ا").unwrap();
        std::fs::write(d.join("notes.md"), "x").unwrap();
        std::fs::create_dir(d.join("folder.txt")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(d.join("a.txt"), d.join("c.txt")).unwrap();
        let names: Vec<String> = expand_inputs(&[d.to_owned()])
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        let mut expected = vec!["a.txt", "b.txt"];
        if cfg!(unix) {
            expected.push("c.txt");
        }
        assert_eq!(names, expected);
    }

    #[test]
    fn utf8_with_bom_is_taken_as_is() {
        let (t, enc) = decode(Path::new("a"), "\u{FEFF}بغداد".as_bytes()).unwrap();
        assert_eq!(t, "بغداد");
        assert_eq!(enc, None);
    }

    #[test]
    fn windows_1256_is_decoded() {
        let text = "انسحبت القوات الأمريكية من قاعدة عين الأسد في محافظة الأنبار غربي العراق";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        let (t, enc) = decode(Path::new("a.txt"), &bytes).unwrap();
        assert_eq!(t, text);
        assert_eq!(enc, Some("windows-1256"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "الحسكة".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (t, enc) = decode(Path::new("a.txt"), &bytes).unwrap();
        assert_eq!(t, "الحسكة");
        assert_eq!(enc, Some("UTF-16LE"));
    }

    #[test]
    fn binary_is_an_error_naming_the_file() {
        let e = decode(Path::new("x.bin"), b"\x89PNG\0\0\x01").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.bin: looks like a binary file, not a text article"
        );
    }

    #[test]
    fn manifests_parse_and_name_bad_rows() {
        let m = Manifest::parse(
            "manifest.csv",
            "file,date,source,url,title\na.txt,2020-01-08,SANA,,t\nb.txt,,x,,\n",
        )
        .unwrap();
        assert_eq!(m.get("a.txt").unwrap().date.unwrap().day, Some(8));
        assert_eq!(m.get("b.txt").unwrap().date, None);
        let e = Manifest::parse("m.csv", "file,date\na.txt,8 Jan\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "m.csv: line 2: column `date`: date \"8 Jan\" is not YYYY-MM-DD, YYYY-MM or YYYY"
        );
    }

    #[test]
    fn stem_drops_the_extension() {
        assert_eq!(Document::from_text("000_a.txt", "").stem(), "000_a");
    }
}
