//! The commands that read articles: extract, places, map, render and eval.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use convoy::document::Articles;
use convoy::gazetteer::GazetteerFiles;
use convoy::input_file::Limit;
use convoy::report::{self, Format, MentionRow};
use convoy::{document, eval, export, geoparse, page, pipeline, render, Document, Gazetteer};

use crate::args::*;

/// The formats `render` writes, told by the output's extension in any case.
#[derive(Clone, Copy)]
pub enum ImageFormat {
    Png,
    Svg,
    /// The interactive page (`index.html`).
    Html,
}

impl ImageFormat {
    /// The format `path` names by its extension (`.png`, `.PNG`, `.svg`, `.html`), if any.
    pub fn of(path: &Path) -> Option<ImageFormat> {
        let ext = path.extension()?.to_str()?;
        if ext.eq_ignore_ascii_case("png") {
            Some(ImageFormat::Png)
        } else if ext.eq_ignore_ascii_case("svg") {
            Some(ImageFormat::Svg)
        } else if ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm") {
            Some(ImageFormat::Html)
        } else {
            None
        }
    }
}

pub fn render_cmd(inputs: &[PathBuf], output: &Path, map: MapArgs) -> Result<ExitCode> {
    let Some(format) = ImageFormat::of(output) else {
        anyhow::bail!(
            "{}: the output must end in .png, .svg or .html",
            output.display()
        );
    };
    let name = output
        .file_name()
        .and_then(|n| n.to_str())
        .context("the output needs a file name")?;
    let opts = map.options();
    let bytes = {
        let _held = hold_for_reading(inputs)?;
        let data = || -> Result<render::Scene> {
            let data = render::Scene::from_paths(inputs)?;
            if opts.bbox.is_none() {
                check_coverage(inputs, &data.coverage())?;
            }
            Ok(data)
        };
        match format {
            ImageFormat::Png => render::render_png(&data()?, &opts)?,
            ImageFormat::Svg => render::render_svg(&data()?, &opts)?.into_bytes(),
            ImageFormat::Html => page::from_paths(inputs, &(&opts).into())?.into_bytes(),
        }
    };
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    export::write_atomically(dir, &[(name, &bytes)])?;
    Ok(ExitCode::SUCCESS)
}

/// A map of data none of which lies on the basemap would be empty: an error, so that no
/// empty image is taken for a map of nothing. Movements or events partly outside are a
/// warning. Both name the inputs and the basemap's extent.
fn check_coverage(inputs: &[PathBuf], coverage: &render::Coverage) -> Result<()> {
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    let names = names.join(", ");
    if coverage.nothing_drawn() {
        anyhow::bail!(
            "{names}: {}, so the map would be empty; nothing was written (--bbox draws them \
             without a basemap)",
            coverage.describe()
        );
    }
    if coverage.some_lost() {
        eprintln!(
            "convoy: {names}: {}: not drawn (--bbox draws them without a basemap)",
            coverage.describe()
        );
    }
    Ok(())
}

pub fn map_cmd(
    files: &GazetteerFiles,
    inputs: &[PathBuf],
    limit: Limit,
    output: &Path,
    map: MapArgs,
    quiet: bool,
) -> Result<ExitCode> {
    if ImageFormat::of(output).is_some() && !output.is_dir() {
        anyhow::bail!(
            "{}: map writes a directory (GeoJSON files, overview.png, overview.svg, index.html and \
             a map per article), not one image; give a directory, or use `convoy render` for one \
             image",
            output.display()
        );
    }
    check_inputs_exist(inputs)?;
    let mut failed = false;
    let (g, paths) = gazetteer_and_articles(files, inputs, &mut failed)?;
    let opts = map.options();
    let set = output_set(output)?;
    let progress = pipeline::Progress {
        extract: &progress_bar(paths.len(), quiet, "articles"),
        maps: &progress_bar(paths.len(), quiet, "maps"),
    };
    let articles = Articles::new(&paths).with_limit(limit);
    let summary = pipeline::map(&g, articles, &set, &opts, &progress)?;
    set.commit()?;
    for note in &summary.notes {
        eprintln!("convoy: {note}");
    }
    report_summary(&summary.extract, quiet);
    if !quiet {
        let maps = summary.images.len();
        eprintln!("convoy: {maps} maps in {}", output.display());
    }
    Ok(exit_code(failed || !summary.extract.failed.is_empty()))
}

/// `convoy extract`: into a directory, with the layers' QGIS styles labelled in `labels`.
pub fn extract_cmd(
    files: &GazetteerFiles,
    inputs: &[PathBuf],
    limit: Limit,
    sink: export::Sink,
    labels: render::Labels,
    quiet: bool,
) -> Result<ExitCode> {
    check_inputs_exist(inputs)?;
    let mut failed = false;
    let (g, paths) = gazetteer_and_articles(files, inputs, &mut failed)?;
    let progress = progress_bar(paths.len(), quiet, "articles");
    let articles = Articles::new(&paths).with_limit(limit);
    let summary = match sink {
        export::Sink::Dir(dir) => {
            let set = output_set(&dir)?;
            let summary = export::run(&g, articles, export::Sink::Set(&set), &progress)?;
            for (name, style) in render::qml::styles(&summary.legend, labels)? {
                set.write(name, &style)?;
            }
            set.commit()?;
            summary
        }
        sink => export::run(&g, articles, sink, &progress)?,
    };
    report_summary(&summary, quiet);
    Ok(exit_code(failed || !summary.failed.is_empty()))
}

pub fn places_cmd(
    files: &GazetteerFiles,
    inputs: &[PathBuf],
    limit: Limit,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    use rayon::prelude::*;
    let mut failed = false;
    let (g, paths) = gazetteer_and_articles(files, inputs, &mut failed)?;
    let mut rows = report::RowWriter::new(format, out)?;
    // A batch of articles is read on all cores and its rows written in article order before
    // the next is read: the output is the same whatever the thread count, and only one
    // batch's rows are held.
    for batch in paths.chunks(PLACES_BATCH) {
        let done: Vec<_> = batch
            .par_iter()
            .map(|path| -> convoy::error::Result<_> {
                let doc = Document::read(path, limit)?;
                let mentions = geoparse::resolve(&g, &doc);
                let found: Vec<MentionRow> = mentions
                    .iter()
                    .map(|m| MentionRow::new(&g, &doc, m))
                    .collect();
                Ok((doc.decoding_note(), found))
            })
            .collect();
        for (path, result) in batch.iter().zip(done) {
            match result {
                Ok((note, found)) => {
                    if let Some(note) = note {
                        eprintln!("convoy: {}: {note}", path.display());
                    }
                    for row in &found {
                        rows.write(row)?;
                    }
                }
                Err(e) => {
                    eprintln!("convoy: {e}");
                    failed = true;
                }
            }
        }
    }
    rows.finish()?;
    Ok(exit_code(failed))
}

/// How many articles `places` reads at once.
const PLACES_BATCH: usize = 64;

/// The output set of a command writing into `dir`, which says on stderr when it waits for
/// another run's commit.
fn output_set(dir: &Path) -> Result<export::OutputSet> {
    Ok(export::OutputSet::new(dir)?.on_wait(say_waiting))
}

/// Tells the user why nothing happens for a moment.
fn say_waiting(dir: &Path) {
    eprintln!(
        "convoy: {}: another convoy run is replacing its files; waiting for it",
        dir.display()
    );
}

/// Shared holds on the output directories among `inputs` (a directory, or a file's
/// directory), so that no run replaces their files while they are read.
pub fn hold_for_reading(inputs: &[PathBuf]) -> Result<Vec<export::output_set::ReadGuard>> {
    let mut dirs: Vec<&Path> = inputs
        .iter()
        .map(|p| match p.is_dir() {
            true => p.as_path(),
            false => p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        })
        .collect();
    dirs.sort();
    dirs.dedup();
    dirs.into_iter()
        .map(|d| Ok(export::output_set::ReadGuard::hold(d, &say_waiting)?))
        .collect()
}

/// 1 when some inputs failed, else 0.
pub fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Commands that write an output set refuse a missing input before they write anything: an
/// output that silently lacks an input would be a wrong result.
pub fn check_inputs_exist(inputs: &[PathBuf]) -> Result<()> {
    for input in inputs {
        if let Err(e) = std::fs::metadata(input) {
            anyhow::bail!("{}: {e}; nothing was written", input.display());
        }
    }
    Ok(())
}

/// A progress callback: a bar on stderr counting `what` ("articles", "maps") when stderr is a
/// terminal, there are many and `--quiet` was not given. The bar appears at the first call,
/// so a stage that has not begun shows none.
pub fn progress_bar(total: usize, quiet: bool, what: &str) -> impl Fn(usize, usize) + Sync {
    use std::io::IsTerminal;
    let shown = !quiet && io::stderr().is_terminal() && total > 200;
    let template = format!("{{bar:40}} {{pos}}/{{len}} {what} {{eta}}");
    let bar = std::sync::OnceLock::new();
    move |done, total| {
        if !shown {
            return;
        }
        let bar = bar.get_or_init(|| {
            indicatif::ProgressBar::new(total as u64).with_style(
                indicatif::ProgressStyle::with_template(&template)
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            )
        });
        bar.set_position(done as u64);
        if done >= total {
            bar.finish_and_clear();
        }
    }
}

/// The notes and failures of an extraction on stderr, then (unless `quiet`) its counts.
pub fn report_summary(summary: &export::Summary, quiet: bool) {
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
pub fn gazetteer_and_articles(
    files: &GazetteerFiles,
    inputs: &[PathBuf],
    failed: &mut bool,
) -> Result<(Gazetteer, Vec<PathBuf>)> {
    let (g, paths) = rayon::join(
        || super::load_gazetteer(files).inspect(convoy::extract::prepare),
        || expand_each(inputs, failed),
    );
    Ok((g?, paths))
}

/// The article paths of every input, in the order of [`document::naming::sort`]; an input
/// that cannot be read is reported and skipped, and so (as a warning) is a directory entry
/// that cannot be followed.
pub fn expand_each(inputs: &[PathBuf], failed: &mut bool) -> Vec<PathBuf> {
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
    document::naming::sort(&mut paths);
    let (paths, repeated) = document::naming::unique(paths);
    for path in repeated {
        eprintln!(
            "convoy: {}: given more than once; read once",
            path.display()
        );
    }
    paths
}

pub fn eval_cmd(
    files: &GazetteerFiles,
    args: EvalArgs,
    limit: Limit,
    out: &mut dyn Write,
) -> Result<ExitCode> {
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
    let (g, countries) = rayon::join(|| super::load_gazetteer(files), countries);
    let e = eval::evaluate(&g?, &args.dir, &countries?, limit)?;
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
