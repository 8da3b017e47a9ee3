//! `convoy near`: the places nearest a place, a point, or the movement lines of a file.

use std::fs::File;
use std::io::{BufWriter, Seek, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use convoy::gazetteer::GazetteerFiles;
use convoy::report::{self, Format, NearRow, RouteRow};
use convoy::{spatial, Gazetteer};

use super::articles::hold_for_reading;
use crate::args::*;

pub fn near_cmd(files: &GazetteerFiles, args: NearArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let g = super::load_gazetteer(files)?;
    let index = spatial::index_gazetteer(&g);
    let mut filter = spatial::PlaceFilter {
        kinds: args.kind,
        country: args.country,
        except: None,
    };
    if let Some(path) = args.along {
        let within = args.within.unwrap_or_default();
        let query = Along {
            g: &g,
            index: &index,
            filter: &filter,
            within,
        };
        if query.write(&path, args.format, out)? == 0 {
            eprintln!(
                "convoy: no place within {} km of the movements in {} passes the filters",
                within / 1000.0,
                path.display()
            );
        }
        return Ok(ExitCode::SUCCESS);
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

/// The places along the movement lines of a file: within `within` metres of a line, kept by
/// `filter`.
struct Along<'a> {
    g: &'a Gazetteer,
    index: &'a spatial::SpatialIndex,
    filter: &'a spatial::PlaceFilter,
    within: f64,
}

impl Along<'_> {
    /// Writes the rows for each movement of the GeoJSON file at `path` in turn, in order along
    /// the line, reading one movement at a time and holding no rows: they are spooled to an
    /// unnamed temporary file and copied to `out` once the whole file has been read, so a file
    /// that turns out broken gives an error and no output. The file's directory is held for
    /// reading, as `render` holds it, so no convoy run replaces it meanwhile. Returns the
    /// number of rows.
    fn write(&self, path: &Path, format: NearFormat, out: &mut dyn Write) -> Result<usize> {
        let _held = hold_for_reading(std::slice::from_ref(&path.to_owned()))?;
        let file = File::open(path).with_context(|| format!("{}: cannot read", path.display()))?;
        let mut spool = BufWriter::new(tempfile::tempfile()?);
        let mut rows = RowSink::new(format, &mut spool)?;
        let mut count = 0;
        spatial::read_routes(&path.display().to_string(), file, |route| {
            for row in self.rows(&route) {
                rows.write(&row)?;
                count += 1;
            }
            anyhow::Ok(())
        })?;
        rows.finish()?;
        let mut spool = spool.into_inner().map_err(|e| e.into_error())?;
        spool.rewind()?;
        std::io::copy(&mut spool, out)?;
        Ok(count)
    }

    /// The rows for one route, in order along it.
    fn rows(&self, route: &spatial::Route) -> Vec<RouteRow> {
        let hits = self.index.along(&route.line, self.within, |id| {
            let ix = convoy::PlaceIndex(id);
            self.filter.keeps(ix, self.g.place(ix))
        });
        hits.iter()
            .map(|h| {
                let p = self.g.place(convoy::PlaceIndex(h.id));
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
            })
            .collect()
    }
}

/// Rows written one at a time in a `near` format.
enum RowSink<'a> {
    Rows(report::RowWriter<'a>),
    Points(report::PointWriter<'a>),
}

impl<'a> RowSink<'a> {
    fn new(format: NearFormat, out: &'a mut dyn Write) -> std::io::Result<RowSink<'a>> {
        let format = match format {
            NearFormat::Table => Format::Table,
            NearFormat::Json => Format::Json,
            NearFormat::Csv => Format::Csv,
            NearFormat::Geojson => return Ok(RowSink::Points(report::PointWriter::new(out))),
        };
        Ok(RowSink::Rows(report::RowWriter::new(format, out)?))
    }

    fn write(&mut self, row: &RouteRow) -> std::io::Result<()> {
        match self {
            RowSink::Rows(w) => w.write(row),
            RowSink::Points(w) => w.write(row),
        }
    }

    fn finish(self) -> std::io::Result<()> {
        match self {
            RowSink::Rows(w) => w.finish(),
            RowSink::Points(w) => w.finish(),
        }
    }
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
