//! The `convoy` command line: parses arguments, calls the library, maps errors to exit codes
//! (0 ok, 1 some inputs failed, 2 usage or fatal error).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand};

use convoy::gazetteer::{self, validate, GazetteerFiles, Kind};
use convoy::report::{self, Format, MentionRow, NearRow, PlaceRow, RouteRow};
use convoy::{document, eval, export, geoparse, pipeline, render, spatial, Document, Gazetteer};

/// Turns Arabic news reports about troop withdrawals in Iraq and Syria into GeoJSON and maps.
#[derive(Parser)]
#[command(name = "convoy", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    /// No progress bar and no summary lines on stderr; warnings and errors still show.
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct GazetteerArgs {
    /// Curated gazetteer (GeoJSON) to use instead of the embedded one.
    #[arg(long, global = true, value_name = "FILE")]
    gazetteer: Option<PathBuf>,
    /// GeoNames tier (TSV) to use instead of the embedded one.
    #[arg(long, global = true, value_name = "FILE")]
    geonames: Option<PathBuf>,
    /// Leave the GeoNames tier out.
    #[arg(long, global = true)]
    no_geonames: bool,
}

/// What the exit status means, shown under the top-level help.
const EXIT_CODES: &str = "\
Exit status: 0 done; 1 done, but some articles could not be read; 2 usage or fatal error.
A reader that closes the pipe early (convoy ... | head) is no error.

Examples:
  convoy map seeds -o maps
  convoy near al_tanf_garrison -k 5
  convoy gazetteer show \"معبر الوليد\"";

#[derive(Subcommand)]
enum Command {
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
        /// Output directory for movements.geojson, events.geojson, places.geojson and
        /// unresolved.csv.
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
    },
    /// Draw a map (PNG or SVG, by the extension) of extract directories or GeoJSON files.
    #[command(after_help = "\
Examples:
  convoy render out -o movements.png
  convoy render out/movements.geojson -o movements.svg --bbox 38,32,44,37 --labels en
  convoy render out -o print.png --scale 2 --theme dark")]
    Render {
        /// Directories written by extract, or GeoJSON files that follow the output contract.
        #[arg(required = true, value_name = "DIR_OR_GEOJSON")]
        inputs: Vec<PathBuf>,
        /// The image to write: FILE.png or FILE.svg.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        map: MapArgs,
    },
    /// The main job: extract, write the GeoJSON files, and draw the overview map and one map per
    /// article into DIR.
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
struct NearArgs {
    /// A place name (Arabic or English), a gazetteer id, or LAT,LON.
    #[arg(required_unless_present = "along", conflicts_with = "along")]
    target: Option<String>,
    /// How many places to list (default 10, or all within --within); more than there are
    /// means all of them.
    #[arg(short, long, value_name = "N")]
    k: Option<usize>,
    /// Only places within this distance, e.g. 50km or 2500m.
    #[arg(long, value_parser = parse_distance, allow_hyphen_values = true)]
    within: Option<f64>,
    /// Only these kinds, comma-separated (airbase,base,crossing).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    kind: Vec<Kind>,
    /// Only this country (ISO 3166-1 alpha-2).
    #[arg(long, value_name = "CC")]
    country: Option<String>,
    /// For each movement line in this GeoJSON file, the places within --within of it.
    #[arg(long, value_name = "MOVEMENTS_GEOJSON", requires = "within")]
    along: Option<PathBuf>,
    /// table for reading; json, csv or geojson (Points) for programs.
    #[arg(long, value_enum, default_value_t = NearFormat::Table)]
    format: NearFormat,
}

#[derive(Args)]
struct EvalArgs {
    /// A directory of NAME.txt articles, each with its NAME.json annotation.
    #[arg(value_name = "ANNOTATED_DIR")]
    dir: PathBuf,
    /// table: score.py's summary line; json: its figures and counts.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    format: EvalFormat,
    /// Before the summary line, each article's misses and extras (table format).
    #[arg(long)]
    verbose: bool,
    /// Country polygons (GeoJSON with an iso2 property) instead of the embedded ones, the
    /// scorer's Natural Earth 1:50m.
    #[arg(long, value_name = "FILE")]
    countries: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum EvalFormat {
    Table,
    Json,
}

#[derive(Args)]
struct MapArgs {
    /// Size in pixels, WIDTHxHEIGHT.
    #[arg(long, default_value = "2000x1500", value_parser = parse_size)]
    size: (u32, u32),
    /// PNG pixels per map unit (2 for print); the PNG must come out at least 200 pixels each
    /// way.
    #[arg(long, default_value_t = 1.0)]
    scale: f32,
    /// The area to show: min_lon,min_lat,max_lon,max_lat (default: fit the features).
    #[arg(long, value_parser = parse_bbox, allow_hyphen_values = true)]
    bbox: Option<[f64; 4]>,
    /// Label language.
    #[arg(long, value_enum, default_value_t = LabelChoice::Both)]
    labels: LabelChoice,
    /// The title (default "convoy: troop movements", or the article's name on its own map).
    #[arg(long)]
    title: Option<String>,
    /// The line under the title (default: the range of dates and the number of articles).
    #[arg(long)]
    subtitle: Option<String>,
    /// light for print, dark for screens.
    #[arg(long, value_enum, default_value_t = ThemeChoice::Light)]
    theme: ThemeChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LabelChoice {
    En,
    Ar,
    Both,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ThemeChoice {
    Light,
    Dark,
}

impl MapArgs {
    fn options(self) -> render::MapOptions {
        render::MapOptions {
            width: self.size.0,
            height: self.size.1,
            scale: self.scale,
            bbox: self.bbox,
            labels: match self.labels {
                LabelChoice::En => render::Labels::En,
                LabelChoice::Ar => render::Labels::Ar,
                LabelChoice::Both => render::Labels::Both,
            },
            title: self.title,
            subtitle: self.subtitle,
            theme: match self.theme {
                ThemeChoice::Light => render::Theme::Light,
                ThemeChoice::Dark => render::Theme::Dark,
            },
        }
    }
}

fn parse_size(s: &str) -> Result<(u32, u32), String> {
    pipeline::parse_size(s).map_err(|e| e.to_string())
}

fn parse_bbox(s: &str) -> Result<[f64; 4], String> {
    pipeline::parse_bbox(s).map_err(|e| e.to_string())
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum StreamFormat {
    Geojsonseq,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum NearFormat {
    Table,
    Json,
    Csv,
    Geojson,
}

fn parse_distance(s: &str) -> Result<f64, String> {
    spatial::parse_distance(s).map_err(|e| e.to_string())
}

#[derive(Subcommand)]
enum GazetteerCommand {
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
enum TierChoice {
    Curated,
    Geonames,
    All,
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stopped reading is no error (ripgrep's way): end quietly.
        Err(_) if stdout_closed() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("convoy: {}", message(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, each said once: a library error that already ends
/// with its cause ("cannot read: No such file or directory") is not followed by it again.
fn message(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let part = cause.to_string();
        if text.ends_with(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

/// Set when a write to standard output found the pipe closed.
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Standard output that notes a closed pipe. The writers (JSON, CSV, tables, GeoJSON) wrap I/O
/// errors in their own, which hides the kind from `main`; noting it here works for every
/// format.
struct Stdout(io::StdoutLock<'static>);

impl Stdout {
    fn note(e: io::Error) -> io::Error {
        if e.kind() == io::ErrorKind::BrokenPipe {
            STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        e
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(Stdout::note)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(Stdout::note)
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let files = GazetteerFiles {
        curated: cli.gazetteer.gazetteer,
        geonames: cli.gazetteer.geonames,
        no_geonames: cli.gazetteer.no_geonames,
    };
    let quiet = cli.quiet;
    let mut out = Stdout(io::stdout().lock());
    let code = match cli.command {
        Command::Gazetteer(GazetteerCommand::Validate { file }) => {
            validate_cmd(&files, file, &mut out)
        }
        Command::Gazetteer(GazetteerCommand::List {
            kind,
            country,
            tier,
            format,
        }) => list_cmd(&files, kind, country, tier, format, &mut out),
        Command::Gazetteer(GazetteerCommand::Show { name, format }) => {
            show_cmd(&files, name, format, &mut out)
        }
        Command::Near(args) => near_cmd(&files, args, &mut out),
        Command::Eval(args) => eval_cmd(&files, args, &mut out),
        Command::Render {
            inputs,
            output,
            map,
        } => render_cmd(&inputs, &output, map),
        Command::Map {
            inputs,
            output,
            map,
        } => map_cmd(&files, &inputs, &output, map, quiet),
        Command::Extract {
            inputs,
            output,
            format,
        } => {
            let sink = match (format, output) {
                (Some(StreamFormat::Geojsonseq), _) => export::Sink::Seq(&mut out),
                (None, Some(dir)) => export::Sink::Dir(dir),
                (None, None) => unreachable!("clap requires one of them"),
            };
            extract_cmd(&files, &inputs, sink, quiet)
        }
        Command::Places { inputs, format } => places_cmd(&files, &inputs, format, &mut out),
        Command::Completions { shell } => {
            // clap_complete writes through `io::Write` and panics on a failed write, so the
            // script is built in memory and written as any other output is.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "convoy", &mut script);
            out.write_all(&script)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            Ok(ExitCode::SUCCESS)
        }
    }?;
    out.flush()?;
    Ok(code)
}

fn list_cmd(
    files: &GazetteerFiles,
    kind: Option<Kind>,
    country: Option<String>,
    tier: TierChoice,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let g = Gazetteer::load(files)?;
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

fn show_cmd(
    files: &GazetteerFiles,
    name: String,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let g = Gazetteer::load(files)?;
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

/// The image formats `render` writes, told by the output's extension in any case.
#[derive(Clone, Copy)]
enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    /// The format `path` names by its extension (`.png`, `.PNG`, `.svg`), if any.
    fn of(path: &Path) -> Option<ImageFormat> {
        let ext = path.extension()?.to_str()?;
        if ext.eq_ignore_ascii_case("png") {
            Some(ImageFormat::Png)
        } else if ext.eq_ignore_ascii_case("svg") {
            Some(ImageFormat::Svg)
        } else {
            None
        }
    }
}

fn render_cmd(inputs: &[PathBuf], output: &Path, map: MapArgs) -> Result<ExitCode> {
    let Some(format) = ImageFormat::of(output) else {
        anyhow::bail!("{}: the output must end in .png or .svg", output.display());
    };
    let name = output
        .file_name()
        .and_then(|n| n.to_str())
        .context("the output needs a file name")?;
    let opts = map.options();
    let data = render::MapData::from_paths(inputs)?;
    let bytes = match format {
        ImageFormat::Png => render::render_png(&data, &opts)?,
        ImageFormat::Svg => render::render_svg(&data, &opts)?.into_bytes(),
    };
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    export::write_atomically(dir, &[(name, &bytes)])?;
    Ok(ExitCode::SUCCESS)
}

fn map_cmd(
    files: &GazetteerFiles,
    inputs: &[PathBuf],
    output: &Path,
    map: MapArgs,
    quiet: bool,
) -> Result<ExitCode> {
    if ImageFormat::of(output).is_some() && !output.is_dir() {
        anyhow::bail!(
            "{}: map writes a directory (GeoJSON files, overview.png, overview.svg and a map per \
             article), not one image; give a directory, or use `convoy render` for one image",
            output.display()
        );
    }
    check_inputs_exist(inputs)?;
    let mut failed = false;
    let (g, paths) = gazetteer_and_articles(files, inputs, &mut failed)?;
    let opts = map.options();
    let summary = pipeline::map(&g, &paths, output, &opts, &progress_bar(paths.len(), quiet))?;
    report_summary(&summary.extract, quiet);
    if !quiet {
        let maps = summary.images.len();
        eprintln!("convoy: {maps} maps in {}", output.display());
    }
    Ok(exit_code(failed || !summary.extract.failed.is_empty()))
}

fn extract_cmd(
    files: &GazetteerFiles,
    inputs: &[PathBuf],
    sink: export::Sink,
    quiet: bool,
) -> Result<ExitCode> {
    check_inputs_exist(inputs)?;
    let mut failed = false;
    let (g, paths) = gazetteer_and_articles(files, inputs, &mut failed)?;
    let summary = export::run(&g, &paths, sink, &progress_bar(paths.len(), quiet))?;
    report_summary(&summary, quiet);
    Ok(exit_code(failed || !summary.failed.is_empty()))
}

fn places_cmd(
    files: &GazetteerFiles,
    inputs: &[PathBuf],
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let g = Gazetteer::load(files)?;
    let mut rows = Vec::new();
    let mut failed = false;
    for path in expand_each(inputs, &mut failed) {
        match Document::read(&path) {
            Ok(doc) => {
                if let Some(note) = doc.decoding_note() {
                    eprintln!("convoy: {}: {note}", path.display());
                }
                let mentions = geoparse::resolve(&g, &doc);
                rows.extend(mentions.iter().map(|m| MentionRow::new(&g, &doc, m)));
            }
            Err(e) => {
                eprintln!("convoy: {e}");
                failed = true;
            }
        }
    }
    report::write_rows(&rows, format, out)?;
    Ok(exit_code(failed))
}

/// 1 when some inputs failed, else 0.
fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Commands that write an output set refuse a missing input before they write anything: an
/// output that silently lacks an input would be a wrong result.
fn check_inputs_exist(inputs: &[PathBuf]) -> Result<()> {
    for input in inputs {
        if let Err(e) = std::fs::metadata(input) {
            anyhow::bail!("{}: {e}; nothing was written", input.display());
        }
    }
    Ok(())
}

/// A progress callback: a bar on stderr when it is a terminal, there are many articles and
/// `--quiet` was not given.
fn progress_bar(total: usize, quiet: bool) -> impl Fn(usize, usize) + Sync {
    use std::io::IsTerminal;
    let bar = (!quiet && io::stderr().is_terminal() && total > 200).then(|| {
        let bar = indicatif::ProgressBar::new(total as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    move |done, total| {
        if let Some(bar) = &bar {
            bar.set_position(done as u64);
            if done >= total {
                bar.finish_and_clear();
            }
        }
    }
}

/// The notes and failures of an extraction on stderr, then (unless `quiet`) its counts.
fn report_summary(summary: &export::Summary, quiet: bool) {
    for note in &summary.notes {
        eprintln!("convoy: {note}");
    }
    for e in &summary.failed {
        eprintln!("convoy: {e}");
    }
    if quiet {
        return;
    }
    eprintln!(
        "convoy: {} articles: {} movements, {} events, {} unresolved names",
        summary.articles, summary.movements, summary.events, summary.unresolved
    );
}

/// The gazetteer, ready for extraction, and the articles named by `inputs`: the one is built
/// while the other is listed (large directories take a while to list).
fn gazetteer_and_articles(
    files: &GazetteerFiles,
    inputs: &[PathBuf],
    failed: &mut bool,
) -> Result<(Gazetteer, Vec<PathBuf>)> {
    let (g, paths) = rayon::join(
        || Gazetteer::load(files).inspect(convoy::extract::prepare),
        || expand_each(inputs, failed),
    );
    Ok((g?, paths))
}

/// The article paths of every input; an input that cannot be read is reported and skipped,
/// and so (as a warning) is a directory entry that cannot be followed.
fn expand_each(inputs: &[PathBuf], failed: &mut bool) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for input in inputs {
        match document::expand_inputs(std::slice::from_ref(input)) {
            Ok(listing) => {
                for skipped in &listing.skipped {
                    eprintln!("convoy: {skipped}");
                }
                paths.extend(listing.paths);
            }
            Err(e) => {
                eprintln!("convoy: {e}");
                *failed = true;
            }
        }
    }
    paths
}

fn eval_cmd(files: &GazetteerFiles, args: EvalArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if !args.dir.is_dir() {
        anyhow::bail!(
            "{}: not a directory of annotated articles",
            args.dir.display()
        );
    }
    let countries = || match &args.countries {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read", path.display()))?;
            Ok(eval::Countries::parse(&path.display().to_string(), &text)?)
        }
        None => Ok::<_, anyhow::Error>(eval::Countries::embedded()?),
    };
    let (g, countries) = rayon::join(|| Gazetteer::load(files), countries);
    let e = eval::evaluate(&g?, &args.dir, &countries?)?;
    for note in &e.extraction.notes {
        eprintln!("convoy: {note}");
    }
    for failure in &e.extraction.failed {
        eprintln!("convoy: {failure}");
    }
    for problem in &e.problems {
        eprintln!("convoy: {problem}");
    }
    match args.format {
        EvalFormat::Table => eval::write_table(&e.articles, &e.scores, args.verbose, out)?,
        EvalFormat::Json => eval::write_json(&e.scores, out)?,
    }
    Ok(if e.failed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_place_details(out: &mut dyn Write, p: &convoy::Place) -> io::Result<()> {
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

fn validate_cmd(
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
                gazetteer::parse_curated(&name, &text)?
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

fn near_cmd(files: &GazetteerFiles, args: NearArgs, out: &mut dyn Write) -> Result<ExitCode> {
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
fn along_rows(
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
fn write_near<T: serde::Serialize>(
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every subcommand (and theirs, in turn) with the path of names leading to it.
    fn commands(cmd: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
        for sub in cmd.get_subcommands() {
            let path = format!("{path} {}", sub.get_name());
            commands(sub, path.clone(), out);
            out.push((path, sub.clone()));
        }
    }

    #[test]
    fn f13_every_option_has_help_and_every_subcommand_examples() {
        Cli::command().debug_assert();
        let mut all = Vec::new();
        commands(&Cli::command(), "convoy".into(), &mut all);
        for (path, cmd) in &all {
            let help = cmd.get_after_help().map(|h| h.to_string());
            assert!(
                help.is_some_and(|h| h.contains("Examples:")),
                "{path} has no examples"
            );
            for arg in cmd.get_arguments() {
                let builtin = ["help", "version"].contains(&arg.get_id().as_str());
                assert!(
                    builtin || arg.get_help().is_some(),
                    "{path}: {} has no help text",
                    arg.get_id()
                );
            }
        }
    }

    #[test]
    fn f12_an_error_says_its_cause_once() {
        let io = io::Error::from(io::ErrorKind::NotFound);
        let e = anyhow::Error::from(convoy::Error::io("a.txt", "cannot read", io));
        assert_eq!(message(&e), "a.txt: cannot read: entity not found");
        let e = anyhow::Error::from(io::Error::from(io::ErrorKind::NotFound)).context("b.txt");
        assert_eq!(message(&e), "b.txt: entity not found");
    }
}
