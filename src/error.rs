//! The library's error type: every message names the file (and feature or line) it is about.

use std::path::PathBuf;

/// Everything that can go wrong in convoy's library; messages read as sentences.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {action}: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    /// An article is not UTF-8 and no single-byte Arabic encoding explains its bytes.
    #[error("{}: not UTF-8, and its encoding could not be told apart (best guess {guess} fails to decode it)", path.display())]
    Encoding { path: PathBuf, guess: &'static str },
    /// An article whose byte-order mark names an encoding that too many of its bytes are not
    /// in (more than one character in 50).
    #[error("{}: starts with a byte-order mark for {encoding}, but {invalid} of its characters are not valid {encoding}", path.display())]
    MarkedEncoding {
        path: PathBuf,
        encoding: &'static str,
        invalid: usize,
    },
    /// An input (an article, a gazetteer file) that is not a regular file: a FIFO, a socket,
    /// a device, a directory.
    #[error("{}: {what}, not a regular file; {role} must be a file", path.display())]
    NotAFile {
        path: PathBuf,
        what: &'static str,
        role: &'static str,
    },
    /// An input larger than its size limit (`--max-article-mb`, `--max-gazetteer-mb`).
    #[error("{}: {} MB, over the limit of {} MB for {role} (raise it with {flag})", path.display(), mb(*.size), mb(*.limit))]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
        role: &'static str,
        flag: &'static str,
    },
    /// An article holds NUL bytes: a binary file given by mistake.
    #[error("{}: looks like a binary file, not a text article", path.display())]
    Binary { path: PathBuf },
    /// A data file (gazetteer, GeoJSON input) is malformed; `location` names the feature or line.
    #[error("{source_name}: {location}: {message}")]
    Malformed {
        source_name: String,
        location: String,
        message: String,
    },
    /// A name that no gazetteer entry carries.
    #[error("no place is called \"{name}\"{}", suggest(.suggestions))]
    UnknownPlace {
        name: String,
        suggestions: Vec<String>,
    },
    /// A name that several gazetteer entries carry, when one was needed.
    #[error("\"{name}\" could mean several places; use one of these ids: {}", .candidates.join(", "))]
    AmbiguousPlace {
        name: String,
        candidates: Vec<String>,
    },
    /// A command-line value that does not parse.
    #[error("{0}")]
    Invalid(String),
    /// A map could not be drawn: options out of range, or the drawing failed.
    #[error("cannot draw the map: {0}")]
    Render(String),
}

/// Bytes as megabytes (of 2^20 bytes), with one decimal when under 10.
fn mb(bytes: u64) -> String {
    let mb = bytes as f64 / (1u64 << 20) as f64;
    if mb < 10.0 {
        format!("{mb:.1}")
    } else {
        format!("{mb:.0}")
    }
}

fn suggest(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", names.join(", "))
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An I/O error on `path` while doing `action` ("cannot read", "cannot write", ...).
    pub fn io(path: impl Into<PathBuf>, action: &'static str, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            action,
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_sentences() {
        let e = Error::Malformed {
            source_name: "places.geojson".into(),
            location: "feature 3 (id \"x\")".into(),
            message: "field `kind`: unknown kind \"bas\"".into(),
        };
        assert_eq!(
            e.to_string(),
            "places.geojson: feature 3 (id \"x\"): field `kind`: unknown kind \"bas\""
        );
        let e = Error::UnknownPlace {
            name: "Tanff".into(),
            suggestions: vec!["al-Tanf".into()],
        };
        assert_eq!(
            e.to_string(),
            "no place is called \"Tanff\"; did you mean al-Tanf?"
        );
        let e = Error::Encoding {
            path: "a.txt".into(),
            guess: "windows-1252",
        };
        assert!(e.to_string().starts_with("a.txt: not UTF-8"));
    }
}
