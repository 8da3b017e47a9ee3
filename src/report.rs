//! Rows written for people and programs: aligned tables, JSON arrays, CSV.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use crate::document::Document;
use crate::gazetteer::{Gazetteer, Place};
use crate::geoparse::Mention;

/// How rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading in a terminal.
    #[default]
    Table,
    /// One JSON array of objects.
    Json,
    /// CSV with a header; lists joined with `|`.
    Csv,
}

/// Writes `rows` in `format`. Every row must serialise to a JSON object with the same keys.
pub fn write_rows<T: Serialize>(rows: &[T], format: Format, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = RowWriter::new(format, out)?;
    for row in rows {
        writer.write(row)?;
    }
    writer.finish()
}

/// Rows written one at a time as they come, in any [`Format`], holding none of them: an
/// aligned table, whose widths are known only at the end, is spooled to an unnamed temporary
/// file meanwhile. The bytes are those of [`write_rows`] over the same rows.
pub struct RowWriter<'a> {
    out: &'a mut dyn Write,
    format: Format,
    /// Rows written so far.
    count: usize,
    /// Table: the header, the widest cell of each column, and the spooled rows (one line of
    /// tab-separated cells each; cells hold no tabs or line breaks).
    table: Option<Table>,
}

struct Table {
    header: Vec<String>,
    widths: Vec<usize>,
    spool: io::BufWriter<std::fs::File>,
}

impl<'a> RowWriter<'a> {
    /// A writer of rows in `format` to `out`.
    pub fn new(format: Format, out: &'a mut dyn Write) -> io::Result<RowWriter<'a>> {
        Ok(RowWriter {
            out,
            format,
            count: 0,
            table: None,
        })
    }

    /// Writes one row; it must serialise to a JSON object with the same keys as the others.
    pub fn write<T: Serialize>(&mut self, row: &T) -> io::Result<()> {
        self.count += 1;
        match self.format {
            Format::Json => {
                let mut pretty = Vec::new();
                serde_json::to_writer_pretty(&mut pretty, row).map_err(io::Error::other)?;
                self.out
                    .write_all(if self.count == 1 { b"[\n" } else { b",\n" })?;
                // Indented one level, as inside the array (JSON strings hold no line breaks).
                for (i, line) in pretty.split(|&b| b == b'\n').enumerate() {
                    self.out.write_all(if i == 0 { b"  " } else { b"\n  " })?;
                    self.out.write_all(line)?;
                }
                Ok(())
            }
            Format::Csv => {
                let value = serde_json::to_value(row).map_err(io::Error::other)?;
                let mut w = csv::WriterBuilder::new()
                    .buffer_capacity(1024)
                    .from_writer(&mut *self.out);
                if self.count == 1 {
                    if let Some(first) = value.as_object() {
                        w.write_record(first.keys())?;
                    }
                }
                w.write_record(cells(&value))?;
                w.flush()
            }
            Format::Table => {
                let value = serde_json::to_value(row).map_err(io::Error::other)?;
                if self.table.is_none() {
                    let Some(first) = value.as_object() else {
                        return Ok(());
                    };
                    let header: Vec<String> = first.keys().cloned().collect();
                    self.table = Some(Table {
                        widths: header.iter().map(|h| h.chars().count()).collect(),
                        header,
                        spool: io::BufWriter::new(tempfile::tempfile()?),
                    });
                }
                let table = self.table.as_mut().expect("set above");
                let row = cells(&value);
                for (w, cell) in table.widths.iter_mut().zip(&row) {
                    *w = (*w).max(cell.chars().count());
                }
                writeln!(table.spool, "{}", row.join("\t"))
            }
        }
    }

    /// Ends the output: closes the JSON array, or writes the spooled table.
    pub fn finish(self) -> io::Result<()> {
        match self.format {
            Format::Json if self.count == 0 => writeln!(self.out, "[]"),
            Format::Json => writeln!(self.out, "\n]"),
            Format::Csv => Ok(()),
            Format::Table => match self.table {
                Some(table) => table.write_to(self.out),
                None => Ok(()),
            },
        }
    }
}

impl Table {
    /// The header and the spooled rows, aligned.
    fn write_to(self, out: &mut dyn Write) -> io::Result<()> {
        use io::{BufRead, Seek};
        let mut file = self.spool.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        let line = |row: &[&str], out: &mut dyn Write| {
            let mut line = String::new();
            for (i, (cell, w)) in row.iter().zip(&self.widths).enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                line.push_str(cell);
                if i + 1 < row.len() {
                    line.extend(std::iter::repeat_n(' ', w - cell.chars().count()));
                }
            }
            writeln!(out, "{}", line.trim_end())
        };
        let header: Vec<&str> = self.header.iter().map(String::as_str).collect();
        line(&header, out)?;
        for row in io::BufReader::new(file).lines() {
            let row = row?;
            line(&row.split('\t').collect::<Vec<_>>(), out)?;
        }
        Ok(())
    }
}

/// Writes rows that carry `lat` and `lon` as a GeoJSON FeatureCollection of Points, every
/// other field a property.
pub fn write_geojson_points<T: Serialize>(rows: &[T], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = PointWriter::new(out);
    for row in rows {
        writer.write(row)?;
    }
    writer.finish()
}

/// Rows that carry `lat` and `lon` written one at a time as GeoJSON Point features of one
/// FeatureCollection, every other field a property, holding none of them.
pub struct PointWriter<'a> {
    out: &'a mut dyn Write,
    /// Features written so far.
    count: usize,
}

impl<'a> PointWriter<'a> {
    /// A writer of Point features to `out`.
    pub fn new(out: &'a mut dyn Write) -> PointWriter<'a> {
        PointWriter { out, count: 0 }
    }

    /// Writes one row as a feature; a row that is not a JSON object is passed over.
    pub fn write<T: Serialize>(&mut self, row: &T) -> io::Result<()> {
        let Value::Object(mut props) = serde_json::to_value(row).map_err(io::Error::other)? else {
            return Ok(());
        };
        let lat = props.get("lat").and_then(Value::as_f64).unwrap_or_default();
        let lon = props.get("lon").and_then(Value::as_f64).unwrap_or_default();
        props.shift_remove("lat");
        props.shift_remove("lon");
        let feature = serde_json::json!({
            "type": "Feature",
            // RFC 7946 §3.1.1: positions are [lon, lat].
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props,
        });
        let start: &[u8] = match self.count {
            0 => br#"{"type":"FeatureCollection","features":["#,
            _ => b",",
        };
        self.count += 1;
        self.out.write_all(start)?;
        serde_json::to_writer(&mut *self.out, &feature).map_err(io::Error::other)
    }

    /// Ends the FeatureCollection.
    pub fn finish(self) -> io::Result<()> {
        if self.count == 0 {
            self.out
                .write_all(br#"{"type":"FeatureCollection","features":["#)?;
        }
        writeln!(self.out, "]}}")
    }
}

fn cells(v: &Value) -> Vec<String> {
    v.as_object()
        .map(|o| o.values().map(cell).collect())
        .unwrap_or_default()
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.replace(['\n', '\r', '\t'], " "),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("|"),
        other => other.to_string(),
    }
}

/// One place mention, as `convoy places` writes it.
#[derive(Debug, Clone, Serialize)]
pub struct MentionRow {
    pub doc: String,
    /// Byte offsets of the name in the article file.
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub id: String,
    pub name_en: String,
    pub kind: String,
    pub lat: f64,
    pub lon: f64,
    /// Every id the words could mean.
    pub candidates: Vec<String>,
}

impl MentionRow {
    /// The row for `mention` in `doc`.
    pub fn new(g: &Gazetteer, doc: &Document, mention: &Mention) -> MentionRow {
        let place = g.place(mention.place);
        MentionRow {
            doc: doc.name.clone(),
            start: doc.file_offset(mention.span.start),
            end: doc.file_offset(mention.span.end),
            surface: mention.surface(doc).to_owned(),
            id: place.id.to_string(),
            name_en: place.name_en.clone(),
            kind: place.kind.to_string(),
            lat: round6(place.lat()),
            lon: round6(place.lon()),
            candidates: mention
                .candidates
                .iter()
                .map(|&c| g.place(c).id.to_string())
                .collect(),
        }
    }
}

/// One gazetteer entry, as `convoy gazetteer list` and `show` write it.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceRow {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: String,
    pub country: String,
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub precision_m: u32,
    pub tier: String,
    pub source: String,
}

impl From<&Place> for PlaceRow {
    fn from(p: &Place) -> PlaceRow {
        PlaceRow {
            id: p.id.to_string(),
            name_en: p.name_en.clone(),
            name_ar: p.name_ar.clone(),
            kind: p.kind.to_string(),
            country: p.country.clone(),
            admin1: p.admin1.clone(),
            lat: round6(p.lat()),
            lon: round6(p.lon()),
            precision_m: p.precision_m,
            tier: format!("{:?}", p.tier).to_lowercase(),
            source: p.source.clone(),
        }
    }
}

/// One answer of `convoy near`.
#[derive(Debug, Clone, Serialize)]
pub struct NearRow {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub distance_km: f64,
    pub bearing_deg: f64,
    pub compass: &'static str,
}

impl NearRow {
    /// The row for a hit on gazetteer place `place`.
    pub fn new(place: &Place, hit: &crate::spatial::Hit) -> NearRow {
        NearRow {
            id: place.id.to_string(),
            name_en: place.name_en.clone(),
            name_ar: place.name_ar.clone(),
            kind: place.kind.to_string(),
            country: place.country.clone(),
            lat: round6(place.lat()),
            lon: round6(place.lon()),
            distance_km: (hit.distance_m).round() / 1000.0,
            bearing_deg: (hit.bearing_deg * 10.0).round() / 10.0,
            compass: crate::spatial::compass(hit.bearing_deg),
        }
    }
}

/// One place near a route, as `convoy near --along` writes it.
#[derive(Debug, Clone, Serialize)]
pub struct RouteRow {
    pub movement: String,
    pub route: String,
    pub along_km: f64,
    pub off_km: f64,
    pub id: String,
    pub name_en: String,
    pub kind: String,
    pub lat: f64,
    pub lon: f64,
}

/// Rounds to 6 decimals (about 0.1 m), the precision of every coordinate convoy writes.
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        a: &'static str,
        b: Vec<&'static str>,
        n: Option<u32>,
    }

    fn render(format: Format) -> String {
        let rows = [
            Row {
                a: "x",
                b: vec!["p", "q"],
                n: Some(1),
            },
            Row {
                a: "long",
                b: vec![],
                n: None,
            },
        ];
        let mut out = Vec::new();
        write_rows(&rows, format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn points_are_one_feature_collection_with_or_without_rows() {
        #[derive(Serialize)]
        struct At {
            id: &'static str,
            lat: f64,
            lon: f64,
        }
        let write = |rows: &[At]| {
            let mut out = Vec::new();
            write_geojson_points(rows, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            write(&[]),
            "{\"type\":\"FeatureCollection\",\"features\":[]}\n"
        );
        let two = write(&[
            At {
                id: "a",
                lat: 33.5,
                lon: 38.6,
            },
            At {
                id: "b",
                lat: 1.0,
                lon: 2.0,
            },
        ]);
        let parsed: Value = serde_json::from_str(&two).unwrap();
        assert_eq!(
            parsed["features"][1]["geometry"]["coordinates"],
            serde_json::json!([2.0, 1.0])
        );
        assert_eq!(
            parsed["features"][0]["properties"],
            serde_json::json!({"id": "a"})
        );
        assert!(
            two.starts_with("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",")
        );
        assert!(two.ends_with("}}]}\n"));
    }

    #[test]
    fn table_csv_and_json() {
        assert_eq!(render(Format::Table), "a     b    n\nx     p|q  1\nlong\n");
        assert_eq!(render(Format::Csv), "a,b,n\nx,p|q,1\nlong,,\n");
        let v: Value = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(v[0]["b"][1], "q");
        assert!(v[1]["n"].is_null());
    }
}
