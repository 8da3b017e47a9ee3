//! `convoy gazetteer`: list, show and validate the places convoy knows.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use convoy::gazetteer::{self, validate, GazetteerFiles, Kind};
use convoy::report::{self, Format, PlaceRow};
use convoy::Gazetteer;

use crate::args::*;

pub fn list_cmd(
    files: &GazetteerFiles,
    kind: Option<Kind>,
    country: Option<String>,
    tier: TierChoice,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let g = super::load_gazetteer(files)?;
    let rows: Vec<PlaceRow> = g
        .places()
        .iter()
        .filter(|p| match tier {
            TierChoice::Curated => p.tier == gazetteer::Tier::Curated,
            TierChoice::Geonames => p.tier == gazetteer::Tier::Geonames,
            TierChoice::All => true,
        })
        .filter(|p| kind.is_none_or(|k| p.kind == k))
        .filter(|p| {
            country
                .as_deref()
                .is_none_or(|c| p.country.eq_ignore_ascii_case(c))
        })
        .map(PlaceRow::from)
        .collect();
    report::write_rows(&rows, format, out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn show_cmd(
    files: &GazetteerFiles,
    name: String,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let g = super::load_gazetteer(files)?;
    let found = g.lookup(&name);
    if found.is_empty() {
        return Err(convoy::Error::UnknownPlace {
            suggestions: g.suggest(&name, 5),
            name,
        }
        .into());
    }
    if format == Format::Table {
        for (n, ix) in found.into_iter().enumerate() {
            if n > 0 {
                writeln!(out)?;
            }
            write_place_details(out, g.place(ix))?;
        }
    } else {
        let rows: Vec<PlaceRow> = found
            .into_iter()
            .map(|ix| PlaceRow::from(g.place(ix)))
            .collect();
        report::write_rows(&rows, format, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn write_place_details(out: &mut dyn Write, p: &convoy::Place) -> io::Result<()> {
    writeln!(out, "{}  {} / {}", p.id, p.name_en, p.name_ar)?;
    writeln!(out, "  kind        {}", p.kind)?;
    writeln!(
        out,
        "  where       {}{}",
        p.country,
        p.admin1
            .as_deref()
            .map(|a| format!(", {a}"))
            .unwrap_or_default()
    )?;
    writeln!(
        out,
        "  point       {:.6}, {:.6} (lat, lon) ± {} m",
        p.lat(),
        p.lon(),
        p.precision_m
    )?;
    if !p.aliases_ar.is_empty() {
        writeln!(out, "  aliases_ar  {}", p.aliases_ar.join(" | "))?;
    }
    if !p.aliases_en.is_empty() {
        writeln!(out, "  aliases_en  {}", p.aliases_en.join(" | "))?;
    }
    writeln!(out, "  source      {}", p.source)?;
    if !p.notes.is_empty() {
        writeln!(out, "  notes       {}", p.notes)?;
    }
    if !p.homonyms.is_empty() {
        let ids: Vec<&str> = p.homonyms.iter().map(|h| h.as_str()).collect();
        writeln!(out, "  homonyms    {}", ids.join(", "))?;
    }
    writeln!(out, "  tier        {:?}", p.tier)
}

pub fn validate_cmd(
    files: &GazetteerFiles,
    file: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let places = match &file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read", path.display()))?;
            let name = path.display().to_string();
            if path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("tsv"))
            {
                gazetteer::parse_geonames(&name, &text)?
            } else {
                gazetteer::parse_curated(&name, text.as_bytes())?
            }
        }
        None => Gazetteer::load(files)?.places().to_vec(),
    };
    let report = validate::validate(&places);
    let curated = places
        .iter()
        .filter(|p| p.tier == gazetteer::Tier::Curated)
        .count();
    writeln!(out, "{} places ({curated} curated)", places.len())?;
    for note in &report.notes {
        writeln!(out, "note: {note}")?;
    }
    if !report.collisions.is_empty() {
        writeln!(
            out,
            "names shared by several curated places (marked as homonyms):"
        )?;
        for (name, ids) in &report.collisions {
            writeln!(out, "  {name}: {}", ids.join(", "))?;
        }
    }
    for e in &report.errors {
        writeln!(out, "error: {e}")?;
    }
    if report.is_ok() {
        writeln!(out, "ok")?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(out, "{} errors", report.errors.len())?;
        Ok(ExitCode::from(1))
    }
}
