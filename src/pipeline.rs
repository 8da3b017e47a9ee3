//! The main job, `convoy map`: extract the articles, write the GeoJSON files, then draw the
//! overview map of all articles and one map per article. It stands at the end of the pipe and
//! calls the stages in order; no stage calls it.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::export;
use crate::gazetteer::Gazetteer;
use crate::render::{self, MapData, MapOptions};

/// What `map` wrote.
#[derive(Debug, Default)]
pub struct MapSummary {
    pub extract: export::Summary,
    /// The image files written.
    pub images: Vec<PathBuf>,
}

/// Extracts `paths` into `dir` and draws `dir/overview.png`, `dir/overview.svg` and
/// `dir/<stem>.png` for each article.
pub fn map(
    g: &Gazetteer,
    paths: &[PathBuf],
    dir: &Path,
    opts: &MapOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<MapSummary> {
    let extract = export::run(g, paths, export::Sink::Dir(dir.to_owned()), progress)?;
    let data = MapData::from_paths(&[dir.to_owned()])?;
    let mut images = Vec::new();
    let overview_svg = render::render_svg(&data, opts)?;
    let overview_png = render::png_from_svg(&overview_svg, opts)?;
    export::write_atomically(
        dir,
        &[
            ("overview.png", &overview_png),
            ("overview.svg", overview_svg.as_bytes()),
        ],
    )?;
    images.push(dir.join("overview.png"));
    images.push(dir.join("overview.svg"));
    let docs: Vec<String> = paths
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let per_article: Vec<Result<(String, Vec<u8>)>> = {
        use rayon::prelude::*;
        docs.par_iter()
            .map(|doc| {
                let mut one = data.clone();
                one.retain_doc(doc);
                let stem = Path::new(doc)
                    .file_stem()
                    .map_or_else(|| doc.clone(), |s| s.to_string_lossy().into_owned());
                let mut o = opts.clone();
                if o.title.is_none() {
                    o.title = Some(format!("convoy: {stem}"));
                }
                Ok((format!("{stem}.png"), render::render_png(&one, &o)?))
            })
            .collect()
    };
    for r in per_article {
        let (name, png) = r?;
        export::write_atomically(dir, &[(name.as_str(), &png)])?;
        images.push(dir.join(name));
    }
    Ok(MapSummary { extract, images })
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
