//! The command line's arguments: what each command takes, as clap reads it.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use convoy::document::DEFAULT_MAX_ARTICLE_BYTES;
use convoy::gazetteer::Kind;
use convoy::report::Format;
use convoy::{pipeline, render, spatial};

/// Turns Arabic news reports about troop withdrawals in Iraq and Syria into GeoJSON and maps.
#[derive(Parser)]
#[command(name = "convoy", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
    /// No progress bar and no summary lines on stderr; warnings and errors still show.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Refuse an article file larger than N megabytes, with an error naming it.
    #[arg(long, global = true, value_name = "N", default_value_t = DEFAULT_MAX_ARTICLE_BYTES >> 20)]
    pub max_article_mb: u64,
    /// Refuse a gazetteer file (--gazetteer, --geonames, --places) larger than N megabytes.
    #[arg(long, global = true, value_name = "N", default_value_t = 1024)]
    pub max_gazetteer_mb: u64,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args)]
pub struct GazetteerArgs {
    /// Curated gazetteer (GeoJSON) to use instead of the embedded one.
    #[arg(long, global = true, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    /// GeoNames tier (TSV) to use instead of the embedded one.
    #[arg(long, global = true, value_name = "FILE")]
    pub geonames: Option<PathBuf>,
    /// Leave the GeoNames tier out.
    #[arg(long, global = true)]
    pub no_geonames: bool,
    /// Add the places of FILE (GeoJSON, the curated gazetteer's format) to the gazetteer;
    /// repeatable; an id the gazetteer already has is an error.
    #[arg(long = "places", global = true, value_name = "FILE")]
    pub places: Vec<PathBuf>,
}

/// What the exit status means, shown under the top-level help.
pub const EXIT_CODES: &str = "\
Exit status: 0 done; 1 done, but some articles could not be read; 2 usage or fatal error.
A reader that closes the pipe early (convoy ... | head) is no error.

Examples:
  convoy map seeds -o maps
  convoy near al_tanf_garrison -k 5
  convoy gazetteer show \"معبر الوليد\"";

#[derive(Subcommand)]
pub enum Command {
    /// List, show and validate gazetteer entries.
    #[command(
        subcommand,
        after_help = "\
Examples:
  convoy gazetteer list --kind crossing --country SY
  convoy gazetteer show \"قاعدة عين الأسد\"
  convoy gazetteer validate"
    )]
    Gazetteer(GazetteerCommand),
    /// Movements and events from articles, as GeoJSON (see the output contract).
    #[command(after_help = "\
Every input must exist: a missing one is an error before anything is written.

Examples:
  convoy extract seeds -o out
  convoy extract seeds/000_943bcec6441ca9da.txt more/ -o out
  convoy extract seeds --format geojsonseq | jq -c .properties.id")]
    Extract {
        /// Article files (.txt), or directories whose .txt files are all read.
        #[arg(required = true, value_name = "ARTICLE_OR_DIR")]
        inputs: Vec<PathBuf>,
        /// Output directory for movements.geojson, events.geojson, places.geojson,
        /// unresolved.csv and the layers' QGIS styles (movements.qml, events.qml, places.qml).
        #[arg(
            short = 'o',
            long,
            value_name = "DIR",
            required_unless_present = "format"
        )]
        output: Option<PathBuf>,
        /// geojsonseq: every feature to stdout as a GeoJSON text sequence (RFC 8142), instead
        /// of the files of -o.
        #[arg(long, value_enum, conflicts_with = "output")]
        format: Option<StreamFormat>,
        /// The language of place labels in the QGIS style written beside the layers
        /// (places.qml).
        #[arg(long, value_enum, default_value_t = LabelChoice::En, conflicts_with = "format")]
        labels: LabelChoice,
    },
    /// Draw a map (PNG or SVG, by the extension) or the interactive page (.html) of extract
    /// directories or GeoJSON files.
    #[command(after_help = "\
The basemap covers the Middle East (26°E–62°E, 24°N–46°N). Data none of which lies on it is an
error for a PNG or SVG (nothing is written); --bbox draws it without a basemap.

Examples:
  convoy render out -o movements.png
  convoy render out/movements.geojson -o movements.svg --bbox 38,32,44,37 --labels en
  convoy render out -o print.png --scale 2 --theme dark
  convoy render out -o page.html --labels ar")]
    Render {
        /// Directories written by extract, or GeoJSON files that follow the output contract.
        #[arg(required = true, value_name = "DIR_OR_GEOJSON")]
        inputs: Vec<PathBuf>,
        /// The file to write: FILE.png, FILE.svg, or FILE.html (the interactive page).
        #[arg(short = 'o', long, value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        map: MapArgs,
    },
    /// The main job: extract, write the GeoJSON files, and draw the overview map, the interactive
    /// page (index.html) and one map per article into DIR.
    #[command(after_help = "\
Every input must exist: a missing one is an error before anything is written.

Examples:
  convoy map seeds -o maps
  convoy map seeds -o maps --size 1600x1200 --labels ar --title \"Withdrawals, 2024\"")]
    Map {
        /// Article files (.txt), or directories whose .txt files are all read.
        #[arg(required = true, value_name = "ARTICLE_OR_DIR")]
        inputs: Vec<PathBuf>,
        /// The directory for the GeoJSON files, overview.png, overview.svg and one PNG per
        /// article (created if need be; a name ending in .png or .svg is refused).
        #[arg(short = 'o', long, value_name = "DIR")]
        output: PathBuf,
        #[command(flatten)]
        map: MapArgs,
    },
    /// Places near a place or a point, or along the movements of an extract.
    #[command(after_help = "\
When nothing matches, convoy says so on stderr, writes an empty result and exits 0.

Examples:
  convoy near al_tanf_garrison -k 5
  convoy near \"معبر الوليد\" --within 50km --kind airbase,base
  convoy near 33.5,38.6 --within 25km --format geojson
  convoy near --along out/movements.geojson --within 20km --kind crossing")]
    Near(NearArgs),
    /// Score extraction against annotated articles (NAME.txt with NAME.json), with the figures
    /// of tests/corpus/eval/score.py. Exit 1 if some article could not be scored.
    #[command(after_help = "\
Examples:
  convoy eval tests/corpus/dev
  convoy eval tests/corpus/dev --verbose
  convoy eval tests/corpus/dev --format json")]
    Eval(EvalArgs),
    /// Every place name found in articles (files, or directories of .txt files).
    #[command(after_help = "\
Examples:
  convoy places seeds/004_cec0cb9a2edc8622.txt
  convoy places seeds --format csv > places.csv")]
    Places {
        /// Article files (.txt), or directories whose .txt files are all read.
        #[arg(required = true, value_name = "ARTICLE_OR_DIR")]
        inputs: Vec<PathBuf>,
        /// table for reading, json or csv for programs.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// A shell completion script for convoy, on stdout.
    #[command(after_help = "\
Examples:
  convoy completions bash > ~/.local/share/bash-completion/completions/convoy
  convoy completions zsh > ~/.zfunc/_convoy
  convoy completions fish > ~/.config/fish/completions/convoy.fish")]
    Completions {
        /// The shell to write the script for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// convoy's man page (roff), on stdout.
    #[command(after_help = "\
Examples:
  convoy man > convoy.1 && man ./convoy.1")]
    Man,
}

#[derive(Args)]
pub struct NearArgs {
    /// A place name (Arabic or English), a gazetteer id, or LAT,LON.
    #[arg(required_unless_present = "along", conflicts_with = "along")]
    pub target: Option<String>,
    /// How many places to list (default 10, or all within --within); more than there are
    /// means all of them.
    #[arg(short, long, value_name = "N")]
    pub k: Option<usize>,
    /// Only places within this distance, e.g. 50km or 2500m.
    #[arg(long, value_parser = parse_distance, allow_hyphen_values = true)]
    pub within: Option<f64>,
    /// Only these kinds, comma-separated (airbase,base,crossing).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    pub kind: Vec<Kind>,
    /// Only this country (ISO 3166-1 alpha-2).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// For each movement line in this GeoJSON file, the places within --within of it.
    #[arg(long, value_name = "MOVEMENTS_GEOJSON", requires = "within")]
    pub along: Option<PathBuf>,
    /// table for reading; json, csv or geojson (Points) for programs.
    #[arg(long, value_enum, default_value_t = NearFormat::Table)]
    pub format: NearFormat,
}

#[derive(Args)]
pub struct EvalArgs {
    /// A directory of NAME.txt articles, each with its NAME.json annotation.
    #[arg(value_name = "ANNOTATED_DIR")]
    pub dir: PathBuf,
    /// table: score.py's summary line; json: its figures and counts.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    pub format: EvalFormat,
    /// Before the summary line, each article's misses and extras (table format).
    #[arg(long)]
    pub verbose: bool,
    /// Country polygons (GeoJSON with an iso2 property) instead of the embedded ones, the
    /// scorer's Natural Earth 1:50m.
    #[arg(long, value_name = "FILE")]
    pub countries: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
}

#[derive(Args)]
pub struct MapArgs {
    /// Size in pixels, WIDTHxHEIGHT.
    #[arg(long, default_value = "2000x1500", value_parser = parse_size)]
    pub size: (u32, u32),
    /// PNG pixels per map unit (2 for print); the PNG must come out at least 200 pixels each
    /// way.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// The PNG's resolution in dots per inch, written in its pHYs chunk (default 96 × scale:
    /// a map unit is a CSS pixel); a layout program sizes the image by it.
    #[arg(long)]
    pub dpi: Option<f64>,
    /// The area to show: min_lon,min_lat,max_lon,max_lat (default: fit the features).
    #[arg(long, value_parser = parse_bbox, allow_hyphen_values = true)]
    pub bbox: Option<[f64; 4]>,
    /// Label language.
    #[arg(long, value_enum, default_value_t = LabelChoice::Both)]
    pub labels: LabelChoice,
    /// The title (default "convoy: troop movements", or the article's name on its own map).
    #[arg(long)]
    pub title: Option<String>,
    /// The line under the title (default: the range of dates and the number of articles).
    #[arg(long)]
    pub subtitle: Option<String>,
    /// light for print, dark for screens.
    #[arg(long, value_enum, default_value_t = ThemeChoice::Light)]
    pub theme: ThemeChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LabelChoice {
    En,
    Ar,
    Both,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeChoice {
    Light,
    Dark,
}

impl From<LabelChoice> for render::Labels {
    fn from(l: LabelChoice) -> render::Labels {
        match l {
            LabelChoice::En => render::Labels::En,
            LabelChoice::Ar => render::Labels::Ar,
            LabelChoice::Both => render::Labels::Both,
        }
    }
}

impl MapArgs {
    pub fn options(self) -> render::MapOptions {
        render::MapOptions {
            width: self.size.0,
            height: self.size.1,
            scale: self.scale,
            dpi: self.dpi,
            bbox: self.bbox,
            labels: self.labels.into(),
            title: self.title,
            subtitle: self.subtitle,
            theme: match self.theme {
                ThemeChoice::Light => render::Theme::Light,
                ThemeChoice::Dark => render::Theme::Dark,
            },
        }
    }
}

pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    pipeline::parse_size(s).map_err(|e| e.to_string())
}

pub fn parse_bbox(s: &str) -> Result<[f64; 4], String> {
    pipeline::parse_bbox(s).map_err(|e| e.to_string())
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StreamFormat {
    Geojsonseq,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NearFormat {
    Table,
    Json,
    Csv,
    Geojson,
}

pub fn parse_distance(s: &str) -> Result<f64, String> {
    spatial::parse_distance(s).map_err(|e| e.to_string())
}

#[derive(Subcommand)]
pub enum GazetteerCommand {
    /// List entries, optionally of one kind or country.
    #[command(after_help = "\
Examples:
  convoy gazetteer list --kind airbase --country IQ
  convoy gazetteer list --tier all --format csv > places.csv")]
    List {
        /// Only this kind (airbase, base, crossing, oilfield, village, town, city, district,
        /// governorate, region, country, poi).
        #[arg(long, value_parser = parse_kind)]
        kind: Option<Kind>,
        /// ISO 3166-1 alpha-2 country code.
        #[arg(long, value_name = "CC")]
        country: Option<String>,
        /// Which tier to list.
        #[arg(long, value_enum, default_value_t = TierChoice::Curated)]
        tier: TierChoice,
        /// table for reading, json or csv for programs.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Show every entry a name (Arabic or English) or id can mean.
    #[command(after_help = "\
Examples:
  convoy gazetteer show \"معبر الوليد\"
  convoy gazetteer show ain_al_asad_airbase --format json")]
    Show {
        /// A name in Arabic or English, or a gazetteer id.
        name: String,
        /// table for reading, json or csv for programs.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Check gazetteer data: the loaded tiers, or one file (.geojson curated, .tsv GeoNames).
    #[command(after_help = "\
Exit status 1 when the data has errors.

Examples:
  convoy gazetteer validate
  convoy gazetteer validate my-places.geojson")]
    Validate {
        /// A curated GeoJSON file or a GeoNames TSV file (by the extension) to check alone.
        file: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TierChoice {
    Curated,
    Geonames,
    All,
}

pub fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse()
}

/// The arguments with a `near` target that is a point of negative latitude (`-33.9,18.4`),
/// which clap would take for short options, moved behind a `--`, where it can only be the
/// target; the user need not type the `--` (issue 16, item 12).
pub fn negative_points_as_targets(mut args: Vec<OsString>) -> Vec<OsString> {
    let Some(near) = args.iter().position(|a| a == "near") else {
        return args;
    };
    if args[near..].iter().any(|a| a == "--") {
        return args;
    }
    let is_point = |a: &OsString| {
        a.to_str()
            .and_then(|s| s.strip_prefix('-'))
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()) && r.contains(','))
    };
    if let Some(i) = (near + 1..args.len()).find(|&i| is_point(&args[i])) {
        let point = args.remove(i);
        args.extend([OsString::from("--"), point]);
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(args: &str) -> String {
        let args = args.split(' ').map(OsString::from).collect();
        let out: Vec<String> = negative_points_as_targets(args)
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect();
        out.join(" ")
    }

    #[test]
    fn f12_a_negative_latitude_needs_no_double_dash() {
        assert_eq!(
            moved("convoy near -33.9,18.4 -k 2"),
            "convoy near -k 2 -- -33.9,18.4"
        );
        assert_eq!(
            moved("convoy -q near -k2 -1,-2"),
            "convoy -q near -k2 -- -1,-2"
        );
        // Short options, a target already escaped, and other commands are left alone.
        for same in [
            "convoy near -k2 33.9,18.4",
            "convoy near -k 2 -- -33.9,18.4",
            "convoy extract -33,4.txt",
        ] {
            assert_eq!(moved(same), same);
        }
    }
}
