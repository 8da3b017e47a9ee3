//! The main job, `convoy map`: extract the articles, write the GeoJSON files, then draw the
//! overview map of all articles and one map per article. It stands at the end of the pipe and
//! calls the stages in order; no stage calls it.

use std::path::{Path, PathBuf};

use crate::document::naming::ArticleName;
use crate::document::{Articles, Headline, ManifestEntry, Manifests};
use crate::error::{Error, Result};
use crate::export::{self, OutputSet};
use crate::gazetteer::Gazetteer;
use crate::page;
use crate::render::{self, Coverage, MapData, MapOptions, Scene};

/// What `map` wrote.
#[derive(Debug, Default)]
pub struct MapSummary {
    pub extract: export::Summary,
    /// The image files written.
    pub images: Vec<PathBuf>,
    /// The interactive page written, `index.html`.
    pub page: PathBuf,
    /// Warnings for the user: articles with movements or events that lie wholly outside the
    /// basemap, so that their maps and the overview do not show them, and the overview when
    /// nothing of the run lies on it.
    pub notes: Vec<String>,
}

/// How far `map` has got: `extract` is called with (articles done, total) as articles are
/// extracted, `maps` with (article maps done, total) as maps are written.
pub struct Progress<'a> {
    pub extract: &'a (dyn Fn(usize, usize) + Sync),
    pub maps: &'a (dyn Fn(usize, usize) + Sync),
}

/// Extracts `paths` into `set` with the layers' QGIS styles (labelled as the maps), and draws
/// `overview.png`, `overview.svg`, the interactive page `index.html` and `<stem>.png` for each
/// article into it (the stem as [`crate::document::naming`] says); the caller commits GeoJSON,
/// styles, maps and page together.
///
/// The overview and the article maps are drawn at the same time, on the threads of the rayon
/// pool; each map is staged in the set as soon as it is drawn, so memory holds one map per
/// thread, however many articles there are.
pub fn map(
    g: &Gazetteer,
    articles: Articles,
    set: &OutputSet,
    opts: &MapOptions,
    progress: &Progress,
) -> Result<MapSummary> {
    let extract = export::run(g, articles, export::Sink::Set(set), progress.extract)?;
    for (name, style) in render::qml::styles(&extract.legend, opts.labels)? {
        set.write(name, &style)?;
    }
    // Read back from the staged files: nothing is in place before the commit.
    let staged: Vec<PathBuf> = render::CONTRACT_FILES
        .iter()
        .filter_map(|name| set.staged_path(name))
        .collect();
    let scene = Scene::from_paths(&staged)?;
    let manifests = Manifests::read(articles.paths)?;
    let ((overview, page), articles) = rayon::join(
        || {
            (
                draw_overview(&scene, set, opts),
                write_page(&staged, set, opts),
            )
        },
        || {
            // An article that could not be read has no map: it is reported as failed.
            let unread: std::collections::HashSet<&Path> =
                extract.failed.iter().map(|f| f.path.as_path()).collect();
            let read = |p: &&PathBuf| !unread.contains(&p.as_path());
            draw_articles(articles, read, &manifests, set, opts, progress.maps)
        },
    );
    let mut images = overview?;
    let whole = scene.coverage();
    let mut notes: Vec<String> = (whole.nothing_drawn().then(|| {
        let what = whole.describe();
        format!("overview.png: {what}: the overview is empty; the GeoJSON has it all")
    }))
    .into_iter()
    .collect();
    for (image, note) in articles? {
        images.push(image);
        notes.extend(note);
    }
    Ok(MapSummary {
        extract,
        images,
        page: page?,
        notes,
    })
}

/// Draws and writes `overview.png` and `overview.svg`.
fn draw_overview(data: &Scene, set: &OutputSet, opts: &MapOptions) -> Result<Vec<PathBuf>> {
    let (svg, png) = render::render_svg_and_png(data, opts)?;
    set.write("overview.png", &png)?;
    set.write("overview.svg", svg.as_bytes())?;
    let dir = set.dir();
    Ok(vec![dir.join("overview.png"), dir.join("overview.svg")])
}

/// Writes the interactive page, `index.html`, of the staged contract files.
fn write_page(staged: &[PathBuf], set: &OutputSet, opts: &MapOptions) -> Result<PathBuf> {
    set.write(
        page::FILE_NAME,
        page::from_paths(staged, &opts.into())?.as_bytes(),
    )?;
    Ok(set.dir().join(page::FILE_NAME))
}

/// Draws the map of each of `articles` that `read` keeps and stages it in `set` as soon as it
/// is drawn, in parallel; returns the files, in the order of the articles, each with a warning
/// when some of the article's movements or events lie wholly outside the basemap.
fn draw_articles(
    articles: Articles,
    read: impl Fn(&&PathBuf) -> bool + Sync,
    manifests: &Manifests,
    set: &OutputSet,
    opts: &MapOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Vec<(PathBuf, Option<String>)>> {
    use rayon::prelude::*;
    // Named as extraction names the articles: unique across the inputs.
    let names = crate::document::naming::names(articles.paths);
    let drawn: Vec<(&PathBuf, &ArticleName)> = (articles.paths.iter())
        .zip(&names)
        .filter(|(p, _)| read(p))
        .collect();
    let docs: Vec<&str> = drawn.iter().map(|(_, name)| name.doc.as_str()).collect();
    let [movements, events, places] = render::CONTRACT_FILES.map(|f| set.staged_path(f));
    let mut maps = Vec::with_capacity(drawn.len());
    // A batch of articles is drawn at a time, by all threads.
    let batch = 4 * rayon::current_num_threads();
    let each = |articles_read: Vec<(usize, MapData)>| -> Result<()> {
        let drawn_now: Vec<Result<(PathBuf, Option<String>)>> = articles_read
            .into_par_iter()
            .map(|(i, data)| {
                let (path, name) = drawn[i];
                // The manifest lists the article by its own file name.
                let file = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let entry = manifests.entry(path, &file);
                let o = article_options(opts, &articles, path, &name.doc, entry)?;
                let article = Scene::of(&data);
                let png = render::render_png(&article, &o)?;
                let map = name.map_file();
                set.write(&map, &png)?;
                let note = coverage_note(&name.doc, &map, &article.coverage());
                Ok((set.dir().join(map), note))
            })
            .collect();
        for m in drawn_now {
            maps.push(m?);
        }
        progress(maps.len(), drawn.len());
        Ok(())
    };
    render::articles_of(
        movements.as_deref(),
        events.as_deref(),
        places.as_deref(),
        &docs,
        batch,
        each,
    )?;
    Ok(maps)
}

/// The warning for article `doc`, whose map is `map`, when some of its movements or events
/// lie wholly outside the basemap: its map (empty, when nothing of it lies on the basemap)
/// and the overview do not show them.
fn coverage_note(doc: &str, map: &str, coverage: &Coverage) -> Option<String> {
    if !coverage.some_lost() {
        return None;
    }
    let shown = match coverage.nothing_drawn() {
        true => format!("its map {map} is empty"),
        false => format!("not drawn on its map {map} or the overview"),
    };
    Some(format!(
        "{doc}: {}: {shown}; the GeoJSON has it all",
        coverage.describe()
    ))
}

/// An article map's options: titled by the article's [`Headline`] where `opts` give no title
/// or subtitle. The article (`doc`, at `path`, one of `articles`) is read again only when the
/// manifest gives no headline, for its first line, or no date, for its dateline.
fn article_options(
    opts: &MapOptions,
    articles: &Articles,
    path: &Path,
    doc: &str,
    entry: Option<&ManifestEntry>,
) -> Result<MapOptions> {
    let mut o = opts.clone();
    if o.title.is_some() && o.subtitle.is_some() {
        return Ok(o);
    }
    let has_title = o.title.is_some() || entry.is_some_and(|e| !e.title.trim().is_empty());
    let has_date =
        o.subtitle.is_some() || entry.is_some_and(|e| e.date.is_some_and(|d| d.day.is_some()));
    let text = if has_title && has_date {
        String::new()
    } else {
        articles.read(path)?.text
    };
    let headline = Headline::of(doc, &text, entry);
    o.title.get_or_insert(headline.title);
    if o.subtitle.is_none() {
        o.subtitle = headline.subtitle;
    }
    Ok(o)
}

/// Parses a map size "WIDTHxHEIGHT" ("2000x1500").
///
/// # Examples
/// ```
/// assert_eq!(convoy::pipeline::parse_size("1200x800").unwrap(), (1200, 800));
/// assert!(convoy::pipeline::parse_size("1200").is_err());
/// ```
pub fn parse_size(text: &str) -> Result<(u32, u32)> {
    let bad = || {
        Error::Invalid(format!(
            "size \"{text}\" is not WIDTHxHEIGHT, e.g. 2000x1500"
        ))
    };
    let (w, h) = text.trim().split_once(['x', 'X', '×']).ok_or_else(bad)?;
    Ok((
        w.trim().parse().map_err(|_| bad())?,
        h.trim().parse().map_err(|_| bad())?,
    ))
}

/// Parses a bounding box "min_lon,min_lat,max_lon,max_lat".
///
/// # Examples
/// ```
/// assert_eq!(
///     convoy::pipeline::parse_bbox("36,30,49,38").unwrap(),
///     [36.0, 30.0, 49.0, 38.0]
/// );
/// assert!(convoy::pipeline::parse_bbox("36,30,49").is_err());
/// ```
pub fn parse_bbox(text: &str) -> Result<[f64; 4]> {
    let bad = || {
        Error::Invalid(format!(
            "bbox \"{text}\" is not min_lon,min_lat,max_lon,max_lat in degrees"
        ))
    };
    let v: Vec<f64> = text
        .split(',')
        .map(|p| p.trim().parse::<f64>().map_err(|_| bad()))
        .collect::<Result<_>>()?;
    match v.as_slice() {
        [a, b, c, d] => Ok([*a, *b, *c, *d]),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_maps_are_titled_by_their_headline_unless_told_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "السطر الأول\nنص").unwrap();
        let paths = [path.clone()];
        let articles = Articles::new(&paths);
        let entry = ManifestEntry {
            source: "SANA".into(),
            date: Some("2020-01-08".parse().unwrap()),
            ..ManifestEntry::default()
        };
        let o = article_options(
            &MapOptions::default(),
            &articles,
            &path,
            "a.txt",
            Some(&entry),
        )
        .unwrap();
        assert_eq!(o.title.as_deref(), Some("السطر الأول"));
        assert_eq!(o.subtitle.as_deref(), Some("2020-01-08 · SANA"));
        let given = MapOptions {
            title: Some("T".into()),
            subtitle: Some("S".into()),
            ..MapOptions::default()
        };
        let o = article_options(&given, &articles, &path, "a.txt", Some(&entry)).unwrap();
        assert_eq!(
            (o.title.as_deref(), o.subtitle.as_deref()),
            (Some("T"), Some("S"))
        );
        // No manifest: the first line, and the default subtitle (dates and articles).
        let o = article_options(&MapOptions::default(), &articles, &path, "a.txt", None).unwrap();
        assert_eq!((o.title.as_deref(), o.subtitle), (Some("السطر الأول"), None));
    }
}
