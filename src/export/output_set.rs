//! An output set: the files one run writes into a directory (GeoJSON, CSV, maps, styles,
//! pages), replaced together, so that after any crash, kill or concurrent run the directory
//! holds one run's complete set or the one before it, never a mix.
//!
//! Files are staged as temporary files beside their targets ([`OutputSet::create`],
//! [`OutputSet::write`], from any thread) and renamed into place by [`OutputSet::commit`].
//! Renames of several files are not atomic as a group, so the commit follows a protocol, under
//! an exclusive lock on `DIR/.convoy.lock` (advisory, `flock`; the kernel drops it when a run
//! dies):
//!
//! 1. every staged file is on disk (fsync);
//! 2. a journal, `DIR/.convoy-commit`, lists each staged file's temporary name and its final
//!    name, and the files of the previous set that the new one lacks; it is written to a
//!    temporary file, fsynced and renamed into place, and the directory is fsynced: from here on
//!    the new set is decided;
//! 3. each staged file is renamed to its final name, then the previous set's extra files are
//!    removed;
//! 4. the journal is renamed to `DIR/.convoy-set`, the record of the set now in place, and the
//!    directory is fsynced.
//!
//! A run (or a reader command) that finds a journal rolls it forward under the lock before it
//! does anything else: a temporary file still present is renamed, one already gone was renamed
//! before. Killed before step 2, a run leaves only temporary files, which the next run removes.
//! What this does not give: a program that reads the directory *during* a commit without taking
//! the lock (QGIS, a web server) may see some files new and others old for those milliseconds.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tempfile::{NamedTempFile, TempPath};

use super::temp::temp_in;
use crate::error::{Error, Result};

/// The lock file, never removed (removing a lock file races with those waiting on it).
pub const LOCK: &str = ".convoy.lock";
/// The commit journal, present only while a commit is under way or was cut short.
pub const JOURNAL: &str = ".convoy-commit";
/// The record of the set in place: the journal of the commit that put it there.
pub const RECORD: &str = ".convoy-set";

/// The files of one run, staged in a directory and committed together.
pub struct OutputSet {
    dir: PathBuf,
    /// Closed once written: a corpus's thousands of maps must not hold a descriptor each.
    staged: Mutex<Staged>,
    on_wait: Box<dyn Fn(&Path) + Send + Sync>,
}

/// The files added so far, in order, and where each name is among them: adding a file or
/// finding one costs the same however many maps a corpus stages.
#[derive(Default)]
struct Staged {
    files: Vec<(String, TempPath)>,
    at: HashMap<String, usize>,
}

/// A file being written into a set; [`StagedFile::finish`] adds it.
pub struct StagedFile<'s> {
    set: &'s OutputSet,
    name: String,
    out: std::io::BufWriter<NamedTempFile>,
}

/// What a commit put in place.
#[derive(Debug, Default)]
pub struct Committed {
    /// The set's files, in the order they were added.
    pub files: Vec<PathBuf>,
    /// The previous set's files that the new set lacks, removed.
    pub removed: Vec<PathBuf>,
}

/// The journal and the record: what a commit renames and removes.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Journal {
    /// Temporary name, final name.
    files: Vec<(String, String)>,
    remove: Vec<String>,
}

impl OutputSet {
    /// A set for `dir`, which is created if need be. A commit a dead run left unfinished is
    /// finished first, and dead runs' temporary files are removed (unless another run holds
    /// the lock: its commit, and this set's, finish such a commit anyway).
    pub fn new(dir: &Path) -> Result<OutputSet> {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(dir, "cannot create the output directory", e))?;
        let set = OutputSet {
            dir: dir.to_owned(),
            staged: Mutex::new(Staged::default()),
            on_wait: Box::new(|_| {}),
        };
        if let Some(_lock) = try_lock(dir)? {
            roll_forward(dir)?;
        }
        super::temp::remove_stale_once(dir);
        Ok(set)
    }

    /// Calls `f` with the directory when a commit has to wait for another run's.
    pub fn on_wait(mut self, f: impl Fn(&Path) + Send + Sync + 'static) -> OutputSet {
        self.on_wait = Box::new(f);
        self
    }

    /// The directory the set is written into.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A new file `name` of the set, written through the returned writer.
    pub fn create(&self, name: &str) -> Result<StagedFile<'_>> {
        let target = self.target(name)?;
        let file = temp_in(&self.dir, &target)?;
        Ok(StagedFile {
            set: self,
            name: name.to_owned(),
            out: std::io::BufWriter::with_capacity(1 << 16, file),
        })
    }

    /// Adds the file `name` with `contents` to the set.
    pub fn write(&self, name: &str, contents: &[u8]) -> Result<()> {
        let mut file = self.create(name)?;
        file.write_all(contents)
            .map_err(|e| Error::io(self.dir.join(name), "cannot write", e))?;
        file.finish()
    }

    /// A temporary file for `name`, for a writer of its own; hand it back with [`Self::add`].
    pub fn temp(&self, name: &str) -> Result<NamedTempFile> {
        temp_in(&self.dir, &self.target(name)?)
    }

    /// Adds `file`, written in full, to the set as `name`; it is flushed to disk here.
    pub fn add(&self, name: &str, file: NamedTempFile) -> Result<()> {
        let target = self.dir.join(name);
        file.as_file()
            .sync_all()
            .map_err(|e| Error::io(&target, "cannot write", e))?;
        let mut staged = self.staged.lock().unwrap_or_else(|p| p.into_inner());
        if staged.at.contains_key(name) {
            return Err(Error::Invalid(format!(
                "{}: written twice in one run",
                target.display()
            )));
        }
        let at = staged.files.len();
        staged.at.insert(name.to_owned(), at);
        staged.files.push((name.to_owned(), file.into_temp_path()));
        Ok(())
    }

    /// Where the staged file `name` can be read before the commit, if it has been added.
    pub fn staged_path(&self, name: &str) -> Option<PathBuf> {
        let staged = self.staged.lock().unwrap_or_else(|p| p.into_inner());
        let &at = staged.at.get(name)?;
        Some(staged.files[at].1.to_path_buf())
    }

    /// Puts every added file in place as one set, replacing the previous set whole (see the
    /// module's documentation). Nothing is replaced when a target cannot be.
    pub fn commit(self) -> Result<Committed> {
        let dir = self.dir.clone();
        let Staged { files: staged, at } =
            self.staged.into_inner().unwrap_or_else(|p| p.into_inner());
        for (name, _) in &staged {
            check_target(&dir.join(name))?;
        }
        let _lock = lock(&dir, &*self.on_wait)?;
        roll_forward(&dir)?;
        let previous = read_journal(&dir.join(RECORD))?.unwrap_or_default();
        let mut journal = Journal::default();
        for (name, file) in &staged {
            let temp = file.file_name().unwrap_or_default();
            journal
                .files
                .push((temp.to_string_lossy().into_owned(), name.clone()));
        }
        journal.remove = (previous.files.into_iter().map(|(_, n)| n))
            .filter(|n| !at.contains_key(n))
            .collect();
        write_journal(&dir, &journal)?;
        // The temporary files are renamed by name from here on, not deleted when dropped.
        for (_, file) in staged {
            let _kept = file.keep();
        }
        finish(&dir, &journal)?;
        Ok(Committed {
            files: journal.files.iter().map(|(_, n)| dir.join(n)).collect(),
            removed: journal.remove.iter().map(|n| dir.join(n)).collect(),
        })
    }

    /// The target of `name`: a plain name in the directory, not a directory itself.
    fn target(&self, name: &str) -> Result<PathBuf> {
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(Error::Invalid(format!(
                "\"{name}\" is not a file name for {}",
                self.dir.display()
            )));
        }
        let target = self.dir.join(name);
        check_target(&target)?;
        Ok(target)
    }
}

impl StagedFile<'_> {
    /// Adds the file, written in full, to its set.
    pub fn finish(self) -> Result<()> {
        let target = self.set.dir.join(&self.name);
        let file = self
            .out
            .into_inner()
            .map_err(|e| Error::io(&target, "cannot write", e.into_error()))?;
        self.set.add(&self.name, file)
    }
}

impl Write for StagedFile<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Refuses a target that a rename cannot replace: a directory.
fn check_target(target: &Path) -> Result<()> {
    match std::fs::symlink_metadata(target) {
        Ok(meta) if meta.is_dir() => Err(Error::Invalid(format!(
            "{}: is a directory, where an output file goes; nothing was replaced",
            target.display()
        ))),
        _ => Ok(()),
    }
}

/// Takes the exclusive lock on `dir`, waiting (and saying so through `on_wait`) while another
/// run holds it. Dropping the file releases it.
fn lock(dir: &Path, on_wait: &dyn Fn(&Path)) -> Result<std::fs::File> {
    let path = dir.join(LOCK);
    let file = lock_file(&path)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            on_wait(dir);
            file.lock()
                .map_err(|e| Error::io(&path, "cannot lock the output directory", e))?;
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(Error::io(&path, "cannot lock the output directory", e))
        }
    }
    Ok(file)
}

/// The exclusive lock on `dir` if no other run holds it.
fn try_lock(dir: &Path) -> Result<Option<std::fs::File>> {
    let path = dir.join(LOCK);
    let file = lock_file(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(Error::io(&path, "cannot lock the output directory", e))
        }
    }
}

/// The lock file, created if need be.
fn lock_file(path: &Path) -> Result<std::fs::File> {
    std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| Error::io(path, "cannot lock the output directory", e))
}

/// A shared hold on an output directory while it is read: no commit runs meanwhile, and a
/// commit a dead run left unfinished is finished first. Directories without convoy's lock
/// file, and those the reader may not write, are read as they are.
pub struct ReadGuard {
    _lock: Option<std::fs::File>,
}

impl ReadGuard {
    /// Holds `dir` for reading; waits for a commit under way, saying so through `on_wait`.
    pub fn hold(dir: &Path, on_wait: &dyn Fn(&Path)) -> Result<ReadGuard> {
        let path = dir.join(LOCK);
        if dir.join(JOURNAL).exists() {
            if let Ok(lock) = lock(dir, on_wait) {
                roll_forward(dir)?;
                drop(lock);
            }
        }
        let Ok(file) = std::fs::File::open(&path) else {
            return Ok(ReadGuard { _lock: None });
        };
        if let Err(std::fs::TryLockError::WouldBlock) = file.try_lock_shared() {
            on_wait(dir);
            file.lock_shared()
                .map_err(|e| Error::io(&path, "cannot lock the output directory", e))?;
        }
        if dir.join(JOURNAL).exists() {
            return Err(Error::Invalid(format!(
                "{}: holds a commit a run left unfinished ({JOURNAL}); run convoy with write \
                 access to the directory (any reader command) to finish it",
                dir.display()
            )));
        }
        Ok(ReadGuard { _lock: Some(file) })
    }
}

/// Writes `journal` to `DIR/.convoy-commit` atomically and durably.
fn write_journal(dir: &Path, journal: &Journal) -> Result<()> {
    let path = dir.join(JOURNAL);
    let mut file = temp_in(dir, &path)?;
    let text = serde_json::to_vec_pretty(journal).map_err(std::io::Error::from);
    text.and_then(|t| file.write_all(&t))
        .and_then(|_| file.as_file().sync_all())
        .map_err(|e| Error::io(&path, "cannot write", e))?;
    // Renamed as the staged files are (`rename`, where `persist` would use `renameat`), so
    // that fault injection by system call reaches every step.
    let temp = file.into_temp_path();
    std::fs::rename(&temp, &path).map_err(|e| Error::io(&path, "cannot write", e))?;
    let _renamed = temp.keep();
    sync_dir(dir)
}

/// The journal or record at `path`, if there is one.
fn read_journal(path: &Path) -> Result<Option<Journal>> {
    let text = match std::fs::read(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(path, "cannot read", e)),
    };
    serde_json::from_slice(&text).map(Some).map_err(|e| {
        Error::Invalid(format!(
            "{}: not a convoy commit journal ({e}); remove it if no convoy run wrote it",
            path.display()
        ))
    })
}

/// Finishes the commit a journal in `dir` describes, if there is one; whether there was.
/// The caller holds the lock.
fn roll_forward(dir: &Path) -> Result<bool> {
    match read_journal(&dir.join(JOURNAL))? {
        Some(journal) => finish(dir, &journal).map(|()| true),
        None => Ok(false),
    }
}

/// Steps 3 and 4 of the protocol; each step may already have been done.
fn finish(dir: &Path, journal: &Journal) -> Result<()> {
    for (temp, name) in &journal.files {
        let (from, to) = (dir.join(temp), dir.join(name));
        match std::fs::rename(&from, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !from.exists() => {}
            Err(e) => return Err(Error::io(&to, "cannot replace", e)),
        }
    }
    for name in &journal.remove {
        let path = dir.join(name);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::io(&path, "cannot remove the previous run's file", e))
            }
            _ => {}
        }
    }
    sync_dir(dir)?;
    let (journal, record) = (dir.join(JOURNAL), dir.join(RECORD));
    std::fs::rename(&journal, &record).map_err(|e| Error::io(&record, "cannot write", e))?;
    sync_dir(dir)
}

/// Makes the directory's entries (renames, removals) durable.
fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::io(dir, "cannot sync the output directory", e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The directory's visible files and their contents, sorted.
    fn contents(dir: &Path) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        all.sort();
        all
    }

    fn hidden(dir: &Path) -> Vec<String> {
        let mut all: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        all.sort();
        all
    }

    fn commit(dir: &Path, files: &[(&str, &str)]) -> Committed {
        let set = OutputSet::new(dir).unwrap();
        for (name, text) in files {
            set.write(name, text.as_bytes()).unwrap();
        }
        set.commit().unwrap()
    }

    fn pairs(files: &[(&str, &str)]) -> Vec<(String, String)> {
        files
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_set_replaces_the_previous_one_whole() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("out");
        commit(&d, &[("a.geojson", "1"), ("b.png", "1"), ("old.png", "1")]);
        std::fs::write(d.join("mine.txt"), "the user's").unwrap();
        let done = commit(&d, &[("a.geojson", "2"), ("b.png", "2"), ("new.png", "2")]);
        assert_eq!(done.removed, [d.join("old.png")]);
        assert_eq!(
            contents(&d),
            pairs(&[
                ("a.geojson", "2"),
                ("b.png", "2"),
                ("mine.txt", "the user's"),
                ("new.png", "2")
            ])
        );
        assert_eq!(hidden(&d), [RECORD, LOCK]);
    }

    #[test]
    fn an_uncommitted_set_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        commit(dir.path(), &[("a.geojson", "1")]);
        let set = OutputSet::new(dir.path()).unwrap();
        set.write("a.geojson", b"2").unwrap();
        let staged = set.staged_path("a.geojson").unwrap();
        assert_eq!(std::fs::read_to_string(&staged).unwrap(), "2");
        drop(set);
        assert_eq!(contents(dir.path()), pairs(&[("a.geojson", "1")]));
        assert_eq!(hidden(dir.path()), [RECORD, LOCK]);
    }

    #[test]
    fn an_unfinished_commit_is_rolled_forward() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        commit(d, &[("a.geojson", "1"), ("b.png", "1"), ("gone.png", "1")]);
        // As a run killed after renaming a.geojson leaves it: b.png still staged.
        std::fs::write(d.join("a.geojson"), "2").unwrap();
        std::fs::write(d.join(".convoy-4999999-b.tmp"), "2").unwrap();
        let journal = Journal {
            files: vec![
                (".convoy-4999999-a.tmp".into(), "a.geojson".into()),
                (".convoy-4999999-b.tmp".into(), "b.png".into()),
            ],
            remove: vec!["gone.png".into()],
        };
        std::fs::write(d.join(JOURNAL), serde_json::to_vec(&journal).unwrap()).unwrap();
        // A reader finishes it before it reads.
        let guard = ReadGuard::hold(d, &|_| {}).unwrap();
        drop(guard);
        assert_eq!(contents(d), pairs(&[("a.geojson", "2"), ("b.png", "2")]));
        assert_eq!(hidden(d), [RECORD, LOCK]);
        // And the next set replaces the rolled-forward one.
        commit(d, &[("a.geojson", "3")]);
        assert_eq!(contents(d), pairs(&[("a.geojson", "3")]));
    }

    #[test]
    fn f02_a_target_that_is_a_directory_fails_before_anything_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        commit(d, &[("a.geojson", "1"), ("places.geojson", "1")]);
        std::fs::remove_file(d.join("places.geojson")).unwrap();
        std::fs::create_dir(d.join("places.geojson")).unwrap();
        let set = OutputSet::new(d).unwrap();
        set.write("a.geojson", b"2").unwrap();
        let e = set.write("places.geojson", b"2").unwrap_err().to_string();
        assert!(e.contains("places.geojson: is a directory"), "{e}");
        drop(set);
        assert_eq!(std::fs::read_to_string(d.join("a.geojson")).unwrap(), "1");
    }

    #[test]
    fn names_outside_the_directory_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let set = OutputSet::new(dir.path()).unwrap();
        for bad in ["", "../x.png", "a/b.png", ".convoy-set"] {
            assert!(set.write(bad, b"x").is_err(), "{bad:?}");
        }
        set.write("x.png", b"x").unwrap();
        assert!(set.write("x.png", b"y").is_err(), "a name written twice");
    }

    #[test]
    fn files_staged_from_many_threads_join_one_set() {
        let dir = tempfile::tempdir().unwrap();
        let set = OutputSet::new(dir.path()).unwrap();
        std::thread::scope(|s| {
            for i in 0..8 {
                let set = &set;
                s.spawn(move || set.write(&format!("{i}.png"), b"x").unwrap());
            }
        });
        assert_eq!(set.commit().unwrap().files.len(), 8);
        assert_eq!(contents(dir.path()).len(), 8);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn staged_files_hold_no_descriptor() {
        let open = || std::fs::read_dir("/proc/self/fd").unwrap().count();
        let dir = tempfile::tempdir().unwrap();
        let set = OutputSet::new(dir.path()).unwrap();
        let before = open();
        for i in 0..300 {
            set.write(&format!("{i}.png"), b"x").unwrap();
        }
        // Other tests' threads open files too, but not 300 of them.
        assert!(open() < before + 100, "{before} -> {}", open());
        assert_eq!(set.commit().unwrap().files.len(), 300);
        assert_eq!(contents(dir.path()).len(), 300);
    }
}
