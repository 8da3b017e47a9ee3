//! Input files as convoy opens them: regular files of at most a given size, opened without
//! blocking, so that a FIFO, a device or `/dev/zero` given by mistake is an error naming it at
//! once, not a run that waits forever or reads until memory runs out.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// The largest file of one role convoy reads, and how the user raises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The size in bytes.
    pub bytes: u64,
    /// What such a file is, for errors: "an article", "a gazetteer file".
    pub role: &'static str,
    /// The option that raises the limit: "--max-article-mb".
    pub flag: &'static str,
}

/// Opens the regular file `path` of at most `limit` bytes; the reader stops one byte past the
/// limit, so a file that grows while it is read cannot be read without end. The file is asked
/// what it is only once open, so it cannot be swapped in between.
pub fn open(path: &Path, limit: Limit) -> Result<std::io::Take<File>> {
    let cannot = |e| Error::io(path, "cannot read", e);
    let not_a_file = |meta: &std::fs::Metadata| {
        (!meta.is_file()).then(|| Error::NotAFile {
            path: path.to_owned(),
            what: file_kind(&meta.file_type()),
            role: limit.role,
        })
    };
    // A socket cannot be opened at all: say what it is rather than the system's ENXIO.
    let file = open_without_blocking(path).map_err(|e| {
        let meta = std::fs::metadata(path).ok();
        meta.as_ref()
            .and_then(not_a_file)
            .unwrap_or_else(|| cannot(e))
    })?;
    let meta = file.metadata().map_err(cannot)?;
    if let Some(e) = not_a_file(&meta) {
        return Err(e);
    }
    if meta.len() > limit.bytes {
        return Err(too_large(path, meta.len(), limit));
    }
    Ok(file.take(limit.bytes.saturating_add(1)))
}

/// The bytes of the regular file `path` of at most `limit` bytes (see [`open`]). Unlike
/// `std::fs::read` it does not allocate by the file's size: a generous buffer grows as read.
pub fn read(path: &Path, limit: Limit) -> Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(64 * 1024);
    open(path, limit)?
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, "cannot read", e))?;
    if bytes.len() as u64 > limit.bytes {
        return Err(too_large(path, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

fn too_large(path: &Path, size: u64, limit: Limit) -> Error {
    Error::TooLarge {
        path: path.to_owned(),
        size,
        limit: limit.bytes,
        role: limit.role,
        flag: limit.flag,
    }
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// What a file that is not a regular file is, for the error message.
fn file_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        } else if kind.is_socket() {
            return "a socket";
        } else if kind.is_char_device() {
            return "a character device";
        } else if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: Limit = Limit {
        bytes: 10,
        role: "a test file",
        flag: "--max-test-mb",
    };

    #[test]
    fn a_small_regular_file_is_read_and_a_larger_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read(&path, LIMIT).unwrap(), b"0123456789");
        std::fs::write(&path, "0123456789A").unwrap();
        let e = read(&path, LIMIT).unwrap_err().to_string();
        assert!(
            e.ends_with("over the limit of 0.0 MB for a test file (raise it with --max-test-mb)"),
            "{e}"
        );
    }

    #[test]
    fn a_directory_is_refused_naming_what_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let e = open(dir.path(), LIMIT).unwrap_err().to_string();
        assert!(
            e.ends_with(": a directory, not a regular file; a test file must be a file"),
            "{e}"
        );
    }
}
