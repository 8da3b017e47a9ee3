//! What the integration tests share: running the real binary and reading what it printed.
//!
//! Each test file is its own crate and uses some of these, so the ones a file leaves unused
//! are not dead code.
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs `convoy ARGS` and returns what it did.
pub fn convoy(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convoy"))
        .args(args)
        .output()
        .expect("convoy runs")
}

/// Runs `convoy ARGS`, which must succeed, and returns what it did.
pub fn convoy_ok(args: &[&str]) -> Output {
    let o = convoy(args);
    assert!(
        o.status.success(),
        "convoy {}: {}",
        args.join(" "),
        stderr(&o)
    );
    o
}

/// What a run printed on stdout.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What a run printed on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
