//! Standard output that notes a closed pipe, so that `main` can end quietly.

use std::io::{self, Write};

/// Set when a write to standard output found the pipe closed.
pub static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Standard output that notes a closed pipe. The writers (JSON, CSV, tables, GeoJSON) wrap I/O
/// errors in their own, which hides the kind from `main`; noting it here works for every
/// format.
pub struct Stdout(pub io::StdoutLock<'static>);

impl Stdout {
    pub fn note(e: io::Error) -> io::Error {
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
