//! What each article is called in the outputs: its `doc`, the start of its feature ids and the
//! name of its map, unique across every input of a run by one stable rule.
//!
//! An article is called by its file name (`report.txt`; ids `report-m1`, map `report.png`).
//! When two inputs' file stems are the same (`dirA/report.txt` and `dirB/report.txt`), each of
//! those is called by as many of its directories as tell them apart, joined by `/`
//! (`dirA/report.txt`: ids `dirA/report-m1`, map `dirA__report.png`). Articles whose stems no
//! other input shares keep their plain names, so adding a directory renames only the articles
//! that clash. Should even the whole paths' stems clash (`report.txt` beside `report.md` in one
//! directory), the name is the whole path and ids keep the extension. The same file given
//! twice (`extract seeds seeds`, or through a link) is read once: [`unique`] drops the repeats.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Puts article paths in the order a run reads them: by file name, then by whole path (both
/// as bytes), whatever order the arguments came in, so the same files give the same output.
pub fn sort(paths: &mut [PathBuf]) {
    let bytes = |p: &Path| p.as_os_str().as_encoded_bytes().to_vec();
    let name = |p: &Path| p.file_name().map(|n| n.as_encoded_bytes().to_vec());
    paths.sort_by_cached_key(|p| (name(p), bytes(p)));
}

/// The paths without the files already listed (by their canonical paths), and those dropped.
/// Only paths whose stems clash are resolved, so a large corpus costs no extra system calls.
pub fn unique(paths: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut repeated = vec![false; paths.len()];
    for group in clashes(paths.iter().map(|p| stem_of(p).to_owned())) {
        let mut seen = Vec::new();
        for i in group {
            let real = std::fs::canonicalize(&paths[i]).unwrap_or_else(|_| paths[i].clone());
            if seen.contains(&real) {
                repeated[i] = true;
            } else {
                seen.push(real);
            }
        }
    }
    let (mut kept, mut dropped) = (Vec::new(), Vec::new());
    for (path, again) in paths.into_iter().zip(repeated) {
        if again {
            dropped.push(path);
        } else {
            kept.push(path);
        }
    }
    (kept, dropped)
}

/// What an article is called in a run's outputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleName {
    /// The `doc` of its records: `report.txt`, or `dirA/report.txt` when it clashes.
    pub doc: String,
    /// The start of its feature ids: `report`, `dirA/report`.
    pub stem: String,
}

impl ArticleName {
    /// The file name of its map: the stem with `/` as `__` (`dirA__report.png`) and `\` as
    /// `_`, and `_` before a leading dot (`.hidden.txt`: `_.hidden.png`), which would hide
    /// the map.
    pub fn map_file(&self) -> String {
        let mut name = self.stem.replace('/', "__").replace('\\', "_");
        if name.is_empty() || name.starts_with('.') {
            name.insert(0, '_');
        }
        name + ".png"
    }
}

/// Each article's name, in the order of `paths`, whose files are all different ([`unique`]).
pub fn names(paths: &[PathBuf]) -> Vec<ArticleName> {
    let mut names: Vec<ArticleName> = paths
        .iter()
        .map(|p| ArticleName {
            doc: file_name(p),
            stem: stem_of(p).to_owned(),
        })
        .collect();
    let groups = clashes(paths.iter().map(|p| stem_of(p).to_owned()));
    for group in groups {
        let dirs: Vec<Vec<String>> = group.iter().map(|&i| directories(&paths[i])).collect();
        let deepest = dirs.iter().map(Vec::len).max().unwrap_or(0);
        // Each member takes the fewest directories that tell it from every other member.
        for (k, &i) in group.iter().enumerate() {
            let stem = stem_of(&paths[i]);
            let label = |j: usize, depth: usize| join(&dirs[j][..depth.min(dirs[j].len())], stem);
            let told = (1..=deepest)
                .find(|&d| (0..group.len()).all(|o| o == k || label(o, d) != label(k, d)));
            let dirs = |d: usize| &dirs[k][..d.min(dirs[k].len())];
            let doc = join(dirs(told.unwrap_or(deepest)), &file_name(&paths[i]));
            let stem = match told {
                Some(d) => label(k, d),
                None => doc.clone(),
            };
            names[i] = ArticleName { doc, stem };
        }
    }
    names
}

/// The indices of the items that share a key with another, grouped, in order.
fn clashes(keys: impl Iterator<Item = String>) -> Vec<Vec<usize>> {
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, key) in keys.enumerate() {
        by_key.entry(key).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = by_key.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    groups
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn stem_of(path: &Path) -> &str {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("")
}

/// The directories holding `path`, innermost first, from its canonical path when it has one.
fn directories(path: &Path) -> Vec<String> {
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut dirs: Vec<String> = real
        .parent()
        .map(|p| {
            p.components()
                .filter_map(|c| match c {
                    std::path::Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    dirs.reverse();
    dirs
}

/// `dirs` (innermost first) and `last`, outermost first, joined by `/`.
fn join(dirs: &[String], last: &str) -> String {
    let mut parts: Vec<&str> = dirs.iter().rev().map(String::as_str).collect();
    parts.push(last);
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(root: &Path, names: &[&str]) -> Vec<PathBuf> {
        names
            .iter()
            .map(|n| {
                let p = root.join(n);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(&p, "x").unwrap();
                p
            })
            .collect()
    }

    #[test]
    fn f05_same_named_articles_in_two_directories_get_their_directories() {
        let dir = tempfile::tempdir().unwrap();
        let paths = files(
            dir.path(),
            &[
                "a/report.txt",
                "b/report.txt",
                "a/other.txt",
                "x/a/r.txt",
                "y/a/r.txt",
            ],
        );
        let named = names(&paths);
        let docs: Vec<&str> = named.iter().map(|n| n.doc.as_str()).collect();
        assert_eq!(
            docs,
            [
                "a/report.txt",
                "b/report.txt",
                "other.txt",
                "x/a/r.txt",
                "y/a/r.txt"
            ]
        );
        assert_eq!(named[0].stem, "a/report");
        assert_eq!(named[2].stem, "other");
        assert_eq!(named[0].map_file(), "a__report.png");
        assert_eq!(named[4].map_file(), "y__a__r.png");
    }

    #[test]
    fn f12_the_same_files_in_another_order_are_read_in_one_order() {
        let order = |given: &[&str]| {
            let mut paths: Vec<PathBuf> = given.iter().map(PathBuf::from).collect();
            sort(&mut paths);
            paths
        };
        let a = order(&["b/2.txt", "a/9.txt", "c/1.txt", "a/2.txt"]);
        assert_eq!(a, order(&["a/2.txt", "c/1.txt", "b/2.txt", "a/9.txt"]));
        let want: Vec<PathBuf> = ["c/1.txt", "a/2.txt", "b/2.txt", "a/9.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(a, want);
    }

    #[test]
    fn fuzz_found_a_map_is_named_as_a_plain_visible_file() {
        let name = |stem: &str| ArticleName {
            doc: String::new(),
            stem: stem.to_owned(),
        };
        assert_eq!(name(".hidden").map_file(), "_.hidden.png");
        assert_eq!(name("a\\b").map_file(), "a_b.png");
        assert_eq!(name("").map_file(), "_.png");
    }

    #[test]
    fn stems_that_clash_in_one_directory_keep_their_extensions() {
        let dir = tempfile::tempdir().unwrap();
        let paths = files(dir.path(), &["d/report.txt", "d/report.md"]);
        let named = names(&paths);
        assert!(named[0].doc.ends_with("/d/report.txt"), "{named:?}");
        assert_eq!(named[0].stem, named[0].doc);
        assert_ne!(named[0].stem, named[1].stem);
    }

    #[test]
    fn f05_the_same_file_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let paths = files(dir.path(), &["s/a.txt", "s/b.txt"]);
        let again = dir.path().join("s/./a.txt");
        let (kept, dropped) = unique(vec![paths[0].clone(), paths[1].clone(), again.clone()]);
        assert_eq!(kept, paths);
        assert_eq!(dropped, [again]);
    }
}
