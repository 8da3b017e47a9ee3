//! The temporary files outputs are written to before they are renamed into place, and the
//! clean-up of those a dead run left behind.
//!
//! A run killed before its renames (kill -9, a power cut) cannot delete its temporary files,
//! and they can be hundreds of megabytes. So each is named `.convoy-<pid>-<random>.tmp`, and
//! the first time a run writes into a directory it removes the files of that form whose
//! process is gone (Linux: no `/proc/<pid>`; elsewhere: untouched for a day) and that were
//! last written before this run began. A live run's files, and every file of any other name,
//! are left alone.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// The beginning of every temporary file's name; the process id follows.
const PREFIX: &str = ".convoy-";
/// The end of every temporary file's name.
const SUFFIX: &str = ".tmp";

/// A temporary file beside `target`, named as this module says, readable by others like any
/// file the user writes (the default of temporary files, owner-only, would follow the outputs
/// when renamed). The first in a directory clears the directory of dead runs' files.
pub fn temp_in(dir: &Path, target: &Path) -> Result<NamedTempFile> {
    remove_stale_once(dir);
    let prefix = format!("{PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    builder
        .tempfile_in(dir)
        .map_err(|e| Error::io(target, "cannot write", e))
}

/// When this run began, as far as temporary files are concerned: the first time it asked.
fn run_start() -> SystemTime {
    static START: OnceLock<SystemTime> = OnceLock::new();
    *START.get_or_init(SystemTime::now)
}

/// Removes dead runs' temporary files from `dir`, once per directory in a run.
pub(super) fn remove_stale_once(dir: &Path) {
    static DONE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
    let start = run_start();
    let first = DONE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(dir.to_owned());
    if first {
        remove_stale(dir, start);
    }
}

/// Removes the temporary files in `dir` of runs that are gone, last written before `start`;
/// how many. Clean-up is a courtesy: a file that cannot be removed stays, silently. A directory
/// holding an unfinished commit is left alone: its journal names temporary files still to be
/// renamed.
pub fn remove_stale(dir: &Path, start: SystemTime) -> usize {
    if dir.join(super::output_set::JOURNAL).exists() {
        return 0;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(owner) else {
            continue;
        };
        let Ok(modified) = entry.metadata().and_then(|m| m.modified()) else {
            continue;
        };
        let stale = modified < start && !alive(pid, modified);
        if stale && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The process id in a temporary file's name, if the name is one of convoy's.
fn owner(name: &str) -> Option<u32> {
    let middle = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (pid, random) = middle.split_once('-')?;
    (!random.is_empty()).then_some(())?;
    pid.parse().ok()
}

/// Whether the run `pid` may still be writing a file last written at `modified`.
fn alive(pid: u32, modified: SystemTime) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    // No cheap, portable way to ask: a day untouched is taken as dead.
    let day = Duration::from_secs(24 * 60 * 60);
    modified.elapsed().is_ok_and(|age| age < day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_told_by_their_form() {
        assert_eq!(owner(".convoy-4242-a1B2c3.tmp"), Some(4242));
        assert_eq!(owner(".tmpa1B2c3"), None);
        assert_eq!(owner(".convoy-4242-.tmp"), None);
        assert_eq!(owner(".convoy-x-a1B2c3.tmp"), None);
        assert_eq!(owner("movements.geojson"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn f10_stale_temp_files_of_a_dead_run_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        // Beyond Linux's largest process id (2^22): no process has it.
        let dead = format!("{PREFIX}4999999-abcdef{SUFFIX}");
        let ours = format!("{PREFIX}{}-abcdef{SUFFIX}", std::process::id());
        let newer = format!("{PREFIX}4999999-ghijkl{SUFFIX}");
        for name in [&dead, &ours, &newer, &".tmpabcdef".to_owned()] {
            std::fs::write(d.join(name), "x").unwrap();
        }
        let start = SystemTime::now() + Duration::from_secs(1);
        std::fs::File::options()
            .write(true)
            .open(d.join(&newer))
            .unwrap()
            .set_modified(start + Duration::from_secs(60))
            .unwrap();
        assert_eq!(remove_stale(d, start), 1);
        let mut left: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let mut kept = [newer, ours, ".tmpabcdef".to_owned()];
        kept.sort();
        assert_eq!(left, kept);
    }
}
