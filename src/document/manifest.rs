//! An articles directory's `manifest.csv` (`file,date,source,url,title`): each article's date
//! and where it came from.
//!
//! A malformed row is an error naming the file, the line and the column, and so is a file
//! listed twice (which of two rows is meant cannot be guessed) and a date whose year is not
//! four digits (`99999-01-01` is a typing slip, and no map could show it).

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::extract::dates::ArticleDate;

/// One row of an articles directory's `manifest.csv` (`file,date,source,url,title`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ManifestEntry {
    /// The article's date: a day, a month or a year; relative dates in the text resolve
    /// against it.
    pub date: Option<ArticleDate>,
    /// Who published it.
    pub source: String,
    /// Where it was published.
    pub url: String,
    /// Its headline.
    pub title: String,
}

/// The manifest of an articles directory: file name → entry. A directory without
/// `manifest.csv` has an empty manifest.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    entries: HashMap<String, ManifestEntry>,
}

/// The years a manifest date may have: four digits.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

impl Manifest {
    /// Reads `dir/manifest.csv` if there is one.
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
        let mut entries = HashMap::new();
        let mut lines: HashMap<String, u64> = HashMap::new();
        for row in reader.records() {
            let row = row.map_err(|e| fail(e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = row.position().map_or(0, |p| p.line());
            let get = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or("").trim().to_owned();
            let date = parse_date(&get(Some(date))).map_err(|e| fail(line, e))?;
            let file = get(Some(file));
            if let Some(first) = lines.insert(file.clone(), line) {
                return Err(fail(
                    line,
                    format!("\"{file}\" is listed again (first on line {first})"),
                ));
            }
            let entry = ManifestEntry {
                date,
                source: get(source),
                url: get(url),
                title: get(title),
            };
            entries.insert(file, entry);
        }
        Ok(Manifest { entries })
    }

    /// The entry for an article file name.
    pub fn get(&self, file: &str) -> Option<&ManifestEntry> {
        self.entries.get(file)
    }
}

/// The manifests of the directories a list of articles comes from, each read once.
#[derive(Debug, Clone, Default)]
pub struct Manifests {
    by_dir: std::collections::BTreeMap<std::path::PathBuf, Manifest>,
}

impl Manifests {
    /// Reads the manifest of every directory holding one of `paths` (articles).
    pub fn read(paths: &[std::path::PathBuf]) -> Result<Manifests> {
        let mut by_dir = std::collections::BTreeMap::new();
        // Articles come a directory at a time: each directory is looked up once, not once per
        // article.
        for same_dir in paths.chunk_by(|a, b| a.parent() == b.parent()) {
            let dir = same_dir[0].parent().unwrap_or(Path::new("."));
            if !by_dir.contains_key(dir) {
                by_dir.insert(dir.to_owned(), Manifest::read(dir)?);
            }
        }
        Ok(Manifests { by_dir })
    }

    /// The entry of the article at `path`, named `name`, in its directory's manifest.
    pub fn entry(&self, path: &Path, name: &str) -> Option<&ManifestEntry> {
        let dir = path.parent().unwrap_or(Path::new("."));
        self.by_dir.get(dir).and_then(|m| m.get(name))
    }
}

/// A manifest's date cell: empty, or a date with a four-digit year.
fn parse_date(text: &str) -> std::result::Result<Option<ArticleDate>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let date: ArticleDate = text.parse().map_err(|e| format!("column `date`: {e}"))?;
    if !YEARS.contains(&date.year) {
        return Err(format!(
            "column `date`: year {} in \"{text}\" is not a four-digit year",
            date.year
        ));
    }
    Ok(Some(date))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn f12_a_duplicate_manifest_row_is_an_error_naming_both_lines() {
        let text = "file,date\na.txt,2020-01-08\nb.txt,2020-01-09\na.txt,2021-05-01\n";
        let e = Manifest::parse("seeds/manifest.csv", text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "seeds/manifest.csv: line 4: \"a.txt\" is listed again (first on line 2)"
        );
    }

    #[test]
    fn f03_a_manifest_refuses_impossible_years() {
        let e = Manifest::parse("m.csv", "file,date\na.txt,2020-01-08\nb.txt,99999-01-01\n")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "m.csv: line 3: column `date`: year 99999 in \"99999-01-01\" is not a four-digit year"
        );
        assert!(Manifest::parse("m.csv", "file,date\na.txt,0999\n").is_err());
        assert!(Manifest::parse("m.csv", "file,date\na.txt,9999-12\n").is_ok());
    }
}
