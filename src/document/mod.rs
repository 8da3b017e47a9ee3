//! Articles as convoy reads them: files or directories of `.txt`, decoded to UTF-8.
//!
//! Arabic news text often arrives as Windows-1256 or ISO-8859-6, sometimes as UTF-16 from
//! Notepad, and sometimes as UTF-8 with a stray byte; [`decode`] says how each is told apart.
//! Offsets in convoy's output are into the file's bytes, whatever the encoding
//! ([`FileOffsets`]).

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::input_file;

mod decode;
mod excerpt;
mod headline;
mod manifest;
pub mod naming;
mod offsets;

pub use decode::{decode, Decoded, GOOD_PER_BAD};
pub use excerpt::{excerpt, MAX_EXCERPT_BYTES};
pub use headline::Headline;
pub use manifest::{Manifest, ManifestEntry, Manifests};
pub use offsets::FileOffsets;

/// One article: its file name, path and text.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file name (`000_x.txt`), used as the `doc` of every record; with directories when
    /// another article of the run has the same stem ([`naming`]).
    pub name: String,
    /// The start of its feature ids: the file stem, or as [`naming`] says.
    stem: String,
    /// The path it was read from.
    pub path: PathBuf,
    /// The decoded text. Spans in convoy's records are byte offsets into this text;
    /// [`Document::file_offset`] turns them into offsets into the file.
    pub text: String,
    /// The encoding the file was decoded from, when it was not UTF-8.
    pub decoded_from: Option<&'static str>,
    /// How many invalid sequences in the file were replaced by U+FFFD.
    pub replaced: usize,
    /// Where the text lies in the file.
    offsets: FileOffsets,
}

impl Document {
    /// Reads and decodes one article: a regular file of at most `limit` bytes ([`limit`]).
    pub fn read(path: &Path, limit: input_file::Limit) -> Result<Document> {
        let bytes = input_file::read(path, limit)?;
        let decoded = decode(path, &bytes)?;
        let name = naming::names(std::slice::from_ref(&path.to_owned())).remove(0);
        Ok(Document {
            name: name.doc,
            stem: name.stem,
            path: path.to_owned(),
            text: decoded.text,
            decoded_from: decoded.encoding,
            replaced: decoded.replaced,
            offsets: decoded.offsets,
        })
    }

    /// An article from text in memory (tests, benchmarks, library users): its file is taken
    /// to be that text as UTF-8.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Document {
        let name = name.into();
        let path = PathBuf::from(&name);
        let stem = naming::names(std::slice::from_ref(&path)).remove(0).stem;
        Document {
            path,
            name,
            stem,
            text: text.into(),
            decoded_from: None,
            replaced: 0,
            offsets: FileOffsets::default(),
        }
    }

    /// The file name without its extension, used in feature ids (`<stem>-m1`).
    pub fn stem(&self) -> &str {
        &self.stem
    }

    /// The article as called among the others of a run (`dirA/report.txt`, [`naming`]).
    pub fn named(self, name: naming::ArticleName) -> Document {
        Document {
            name: name.doc,
            stem: name.stem,
            ..self
        }
    }

    /// The offset in the file's bytes of offset `at` in the text (a character boundary): the
    /// output contract's offsets are into the file.
    pub fn file_offset(&self, at: usize) -> usize {
        self.offsets.file_offset(at)
    }

    /// A span of the text as a span of the file's bytes.
    pub fn file_span(&self, span: &Range<usize>) -> Range<usize> {
        self.file_offset(span.start)..self.file_offset(span.end)
    }

    /// What reading the file took beyond plain UTF-8, for the user: the encoding it was
    /// decoded from, and how many invalid sequences were replaced.
    pub fn decoding_note(&self) -> Option<String> {
        let encoding = self.decoded_from.unwrap_or("UTF-8");
        match (self.decoded_from, self.replaced) {
            (None, 0) => None,
            (Some(enc), 0) => Some(format!("decoded from {enc}")),
            (_, 1) => Some(format!(
                "decoded as {encoding}, 1 invalid sequence replaced by U+FFFD"
            )),
            (_, n) => Some(format!(
                "decoded as {encoding}, {n} invalid sequences replaced by U+FFFD"
            )),
        }
    }
}

/// The default of [`limit`]: 64 MB, a hundred times the longest news report.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 64 << 20;

/// The largest article [`Document::read`] accepts by default ([`DEFAULT_MAX_ARTICLE_BYTES`]).
pub const DEFAULT_LIMIT: input_file::Limit = limit(DEFAULT_MAX_ARTICLE_BYTES);

/// The limit on an article file of `bytes` (`--max-article-mb`): a larger one is an error
/// naming it, not a run that reads until memory runs out.
pub const fn limit(bytes: u64) -> input_file::Limit {
    input_file::Limit {
        bytes,
        role: "an article",
        flag: "--max-article-mb",
    }
}

/// The articles of a run: their paths, in the order they are read, and the largest file read.
#[derive(Debug, Clone, Copy)]
pub struct Articles<'a> {
    /// The article files ([`naming::sort`] orders them as a run reads them).
    pub paths: &'a [PathBuf],
    /// The largest article file accepted ([`limit`]).
    pub limit: input_file::Limit,
}

impl<'a> Articles<'a> {
    /// The articles at `paths`, each of at most [`DEFAULT_MAX_ARTICLE_BYTES`].
    pub fn new(paths: &'a [PathBuf]) -> Articles<'a> {
        Articles {
            paths,
            limit: DEFAULT_LIMIT,
        }
    }

    /// The same articles, each of at most `limit`.
    pub fn with_limit(self, limit: input_file::Limit) -> Articles<'a> {
        Articles { limit, ..self }
    }

    /// Reads and decodes the article at `path` under this run's limit.
    pub fn read(&self, path: &Path) -> Result<Document> {
        Document::read(path, self.limit)
    }
}

/// The articles named by the arguments, and the entries passed over on the way.
#[derive(Debug, Default)]
pub struct Listing {
    /// The article files, in argument order; a directory's in name order (a run then reads
    /// them as [`naming::sort`] orders them).
    pub paths: Vec<PathBuf>,
    /// `.txt` entries of a directory that could not be followed (a symbolic link to nothing),
    /// each an error to show as a warning.
    pub skipped: Vec<Error>,
}

/// Expands arguments into article paths: a file as given, a directory as every `.txt` file
/// directly inside it (the extension in any case), in name order.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Listing> {
    let mut listing = Listing::default();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, "cannot read", e))?;
        if meta.is_dir() {
            list_dir(input, &mut listing)?;
        } else {
            listing.paths.push(input.clone());
        }
    }
    Ok(listing)
}

/// Adds the `.txt` files of `dir` to `listing`, in name order.
fn list_dir(dir: &Path, listing: &mut Listing) -> Result<()> {
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, "cannot list", e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, "cannot list", e))?;
        let path = entry.path();
        if path
            .extension()
            .is_none_or(|x| !x.eq_ignore_ascii_case("txt"))
        {
            continue;
        }
        // The listing says what each entry is: asking the file system again, for thousands
        // of files, would cost a system call each. Links are followed.
        let kind = entry
            .file_type()
            .map_err(|e| Error::io(&path, "cannot read", e))?;
        if kind.is_file() {
            files.push(path);
        } else if kind.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => files.push(path),
                Ok(_) => {}
                Err(e) => {
                    let skipped = Error::io(&path, "skipped: a link that cannot be followed", e);
                    listing.skipped.push(skipped);
                }
            }
        }
    }
    // All share the directory's prefix, so their bytes sort as their names do, and far faster
    // than paths compared component by component.
    files.sort_unstable_by(|a, b| {
        a.as_os_str()
            .as_encoded_bytes()
            .cmp(b.as_os_str().as_encoded_bytes())
    });
    listing.paths.extend(files);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(listing: &Listing) -> Vec<String> {
        listing
            .paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn directories_give_their_txt_files_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("b.txt"), "ب").unwrap();
        std::fs::write(d.join("a.txt"), "ا").unwrap();
        std::fs::write(d.join("d.TXT"), "د").unwrap();
        std::fs::write(d.join("notes.md"), "x").unwrap();
        std::fs::create_dir(d.join("folder.txt")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(d.join("a.txt"), d.join("c.txt")).unwrap();
        let listing = expand_inputs(&[d.to_owned()]).unwrap();
        let mut expected = vec!["a.txt", "b.txt", "d.TXT"];
        if cfg!(unix) {
            expected.insert(2, "c.txt");
        }
        assert_eq!(names(&listing), expected);
        assert!(listing.skipped.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn f12_a_dangling_link_is_skipped_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.txt"), "ا").unwrap();
        std::os::unix::fs::symlink(d.join("gone.txt"), d.join("b.txt")).unwrap();
        let listing = expand_inputs(&[d.to_owned()]).unwrap();
        assert_eq!(names(&listing), ["a.txt"]);
        let [warning] = listing.skipped.as_slice() else {
            panic!("{:?}", listing.skipped)
        };
        assert_eq!(
            warning.to_string(),
            format!(
                "{}: skipped: a link that cannot be followed: No such file or directory (os \
                 error 2)",
                d.join("b.txt").display()
            )
        );
    }

    #[test]
    fn utf8_with_bom_is_taken_as_is() {
        let d = decode(Path::new("a"), "\u{FEFF}بغداد".as_bytes()).unwrap();
        assert_eq!(d.text, "بغداد");
        assert_eq!(d.encoding, None);
    }

    #[test]
    fn windows_1256_is_decoded() {
        let text = "انسحبت القوات الأمريكية من قاعدة عين الأسد في محافظة الأنبار غربي العراق";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        let d = decode(Path::new("a.txt"), &bytes).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, Some("windows-1256"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "الحسكة".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(Path::new("a.txt"), &bytes).unwrap();
        assert_eq!(d.text, "الحسكة");
        assert_eq!(d.encoding, Some("UTF-16LE"));
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
    fn f01_the_note_names_the_count() {
        let mut doc = Document::from_text("a.txt", "");
        assert_eq!(doc.decoding_note(), None);
        doc.replaced = 3;
        assert_eq!(
            doc.decoding_note().unwrap(),
            "decoded as UTF-8, 3 invalid sequences replaced by U+FFFD"
        );
        doc.decoded_from = Some("UTF-16LE");
        doc.replaced = 0;
        assert_eq!(doc.decoding_note().unwrap(), "decoded from UTF-16LE");
    }

    #[test]
    fn stem_drops_the_extension() {
        assert_eq!(Document::from_text("000_a.txt", "").stem(), "000_a");
    }
}
