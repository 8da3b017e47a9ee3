//! `convoy near`: the places nearest a place, a point, or the movement lines of a file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use convoy::gazetteer::GazetteerFiles;
use convoy::report::{self, Format, NearRow, RouteRow};
use convoy::{spatial, Gazetteer};

use crate::args::*;

pub fn near_cmd(files: &GazetteerFiles, args: NearArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let g = Gazetteer::load(files)?;
    let index = spatial::index_gazetteer(&g);
    let mut filter = spatial::PlaceFilter {
        kinds: args.kind,
        country: args.country,
        except: None,
    };
    if let Some(path) = args.along {
        let within = args.within.unwrap_or_default();
        let rows = along_rows(&g, &index, &filter, &path, within)?;
        if rows.is_empty() {
            eprintln!(
                "convoy: no place within {} km of the movements in {} passes the filters",
                within / 1000.0,
                path.display()
            );
        }
        return write_near(&rows, args.format, out);
    }
    let target = args.target.unwrap_or_default();
    let from = match spatial::parse_lat_lon(&target)? {
        Some(point) => point,
        None => {
            let ix = g.find_unique(&target)?;
            filter.except = Some(ix);
            g.place(ix).point
        }
    };
    let keep = |id: u32| {
        let ix = convoy::PlaceIndex(id);
        filter.keeps(ix, g.place(ix))
    };
    let hits = match (args.k, args.within) {
        (None, Some(r)) => index.within(from, r, keep),
        (k, r) => index.nearest(from, k.unwrap_or(10), r, keep),
    };
    if hits.is_empty() {
        let place = match args.within {
            Some(r) => format!("within {} km of", r / 1000.0),
            None => "near".into(),
        };
        eprintln!("convoy: no place {place} {target} passes the filters");
    }
    let rows: Vec<NearRow> = hits
        .iter()
        .map(|h| NearRow::new(g.place(convoy::PlaceIndex(h.id)), h))
        .collect();
    write_near(&rows, args.format, out)
}

/// For each movement line in the GeoJSON file at `path`, the places within `within` metres
/// of it that `filter` keeps, in order along the line.
pub fn along_rows(
    g: &Gazetteer,
    index: &spatial::SpatialIndex,
    filter: &spatial::PlaceFilter,
    path: &Path,
    within: f64,
) -> Result<Vec<RouteRow>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let mut rows = Vec::new();
    for route in spatial::parse_routes(&path.display().to_string(), &text)? {
        let hits = index.along(&route.line, within, |id| {
            let ix = convoy::PlaceIndex(id);
            filter.keeps(ix, g.place(ix))
        });
        rows.extend(hits.iter().map(|h| {
            let p = g.place(convoy::PlaceIndex(h.id));
            RouteRow {
                movement: route.id.clone(),
                route: route.label.clone(),
                along_km: (h.along_m / 100.0).round() / 10.0,
                off_km: (h.distance_m / 100.0).round() / 10.0,
                id: p.id.to_string(),
                name_en: p.name_en.clone(),
                kind: p.kind.to_string(),
                lat: report::round6(p.lat()),
                lon: report::round6(p.lon()),
            }
        }));
    }
    Ok(rows)
}

/// Writes `near`'s rows in the chosen format; an empty answer is still a well-formed one.
pub fn write_near<T: serde::Serialize>(
    rows: &[T],
    format: NearFormat,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match format {
        NearFormat::Table => report::write_rows(rows, Format::Table, out)?,
        NearFormat::Json => report::write_rows(rows, Format::Json, out)?,
        NearFormat::Csv => report::write_rows(rows, Format::Csv, out)?,
        NearFormat::Geojson => report::write_geojson_points(rows, out)?,
    }
    Ok(ExitCode::SUCCESS)
}
