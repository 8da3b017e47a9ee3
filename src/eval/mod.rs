//! `convoy eval`: the extraction of annotated articles scored against their annotations, with
//! the figures of the reference scorer `tests/corpus/eval/score.py` to the last digit.
//!
//! The articles are extracted as `convoy extract` extracts them (the same [`export::run`], its
//! features kept in memory), then scored by geometry, never by ids:
//!
//! - `annotation`: `NAME.json` read and checked, each defect a [`Problem`];
//! - `geometry`: when a point stands for a place (a radius, or a country's [`Countries`]);
//! - `extracted`: the features, grouped by article;
//! - `score`: the [`Scores`];
//! - `report`: the summary line, the verbose lines and the JSON, as `score.py` prints them.

mod annotation;
mod extracted;
mod geometry;
mod report;
mod score;

use std::path::{Path, PathBuf};

use crate::document::{self, Articles};
use crate::error::{Error, Result};
use crate::export;
use crate::gazetteer::Gazetteer;
use crate::input_file;

pub use annotation::{Defect, Effect, Problem};
pub use geometry::{km, Area, Countries, EMBEDDED_COUNTRIES};
pub use report::{article_lines, summary, write_json, write_table};
pub use score::{ArticleScore, Counts, Scores};

/// What `convoy eval` found.
#[derive(Debug)]
pub struct Evaluation {
    /// The figures over every article scored.
    pub scores: Scores,
    /// Each article scored, in file name order.
    pub articles: Vec<ArticleScore>,
    /// The defects found in the annotations.
    pub problems: Vec<Problem>,
    /// The extraction's own report: articles that could not be read, encodings used.
    pub extraction: export::Summary,
}

impl Evaluation {
    /// Whether some article could not be scored, or not read: its figures are missing.
    pub fn failed(&self) -> bool {
        !self.extraction.failed.is_empty() || self.problems.iter().any(Problem::skips_article)
    }
}

/// Extracts the `.txt` articles of `dir` and scores them against the `.json` annotations
/// beside them. An annotation with no article is reported and skipped, as is one that cannot
/// be read; an article that cannot be read is scored as having no features (as `score.py`
/// scores what `convoy extract` wrote) and reported in [`Evaluation::extraction`]. An article
/// file larger than `limit` is one that cannot be read.
pub fn evaluate(
    g: &Gazetteer,
    dir: &Path,
    countries: &Countries,
    limit: input_file::Limit,
) -> Result<Evaluation> {
    let listing = document::expand_inputs(&[dir.to_owned()])?;
    let inputs = Articles::new(&listing.paths).with_limit(limit);
    let mut seq = Vec::new();
    let sink = export::Sink::Seq(&mut seq);
    let mut extraction = export::run(g, inputs, sink, &|_, _| {})?;
    let skipped = listing.skipped.iter().map(ToString::to_string);
    extraction.notes.extend(skipped);
    let extracted = extracted::Extracted::from_seq(&seq)?;
    let mut problems = Vec::new();
    let mut articles = Vec::new();
    for path in annotations(dir)? {
        let doc = annotation::article_name(&path);
        let text_path = dir.join(&doc);
        if !text_path.exists() {
            problems.push(Problem {
                path,
                field: None,
                defect: Defect::NoArticle(doc),
                effect: Effect::Noted,
            });
            continue;
        }
        // An article that cannot be read is the extraction's to report.
        let text = inputs.read(&text_path).ok().map(|d| d.text);
        let Some(a) = annotation::read(&path, text.as_deref(), countries, &mut problems) else {
            continue;
        };
        let stem = doc.strip_suffix(".txt").unwrap_or(&doc);
        articles.push(score::article(stem, &a, extracted.article(&doc), countries));
    }
    let mut totals = Counts::default();
    for a in &articles {
        totals += a.counts;
    }
    Ok(Evaluation {
        scores: Scores::new(totals),
        articles,
        problems,
        extraction,
    })
}

/// The annotation files of `dir` (names ending in `.json`), in name order.
fn annotations(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, "cannot list", e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, "cannot list", e))?.path();
        let is_json = (path.file_name()).is_some_and(|n| n.as_encoded_bytes().ends_with(b".json"));
        if is_json && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort_unstable_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(paths)
}
