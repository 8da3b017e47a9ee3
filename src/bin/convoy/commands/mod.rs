//! One module per group of commands; each function runs one command and returns its exit code.

pub mod articles;
pub mod gazetteer;
pub mod near;

use convoy::gazetteer::{validate, GazetteerFiles, Tier};
use convoy::Gazetteer;

/// The gazetteer `files` name. Files the user gave (`--gazetteer`, `--geonames`, `--places`)
/// are checked as `convoy gazetteer validate` checks them, and what is wrong is said on
/// stderr: a bad gazetteer is not used silently (issue 16, item 12).
pub fn load_gazetteer(files: &GazetteerFiles) -> convoy::Result<Gazetteer> {
    let g = Gazetteer::load(files)?;
    let curated = files.curated.is_some() || !files.added.is_empty();
    let geonames = files.geonames.is_some() && !files.no_geonames;
    let given: Vec<_> = g
        .places()
        .iter()
        .filter(|p| match p.tier {
            Tier::Curated => curated,
            Tier::Geonames => geonames,
        })
        .cloned()
        .collect();
    if !given.is_empty() {
        warn_of(files, &validate::validate(&given).errors);
    }
    Ok(g)
}

/// Says on stderr how many problems the user's gazetteer files have, and the first few.
fn warn_of(files: &GazetteerFiles, errors: &[String]) {
    const SHOWN: usize = 5;
    if errors.is_empty() {
        return;
    }
    let named: Vec<String> = (files.curated.iter())
        .chain(&files.geonames)
        .chain(&files.added)
        .map(|p| p.display().to_string())
        .collect();
    eprintln!(
        "convoy: warning: {}: {} problem(s) that `convoy gazetteer validate` reports; the \
         first {}:",
        named.join(", "),
        errors.len(),
        errors.len().min(SHOWN)
    );
    for e in errors.iter().take(SHOWN) {
        eprintln!("convoy:   {e}");
    }
}
