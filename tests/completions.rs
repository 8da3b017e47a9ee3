//! `convoy completions SHELL` and `convoy man` driven as a user drives them: a script for each
//! shell and a roff man page, on stdout.

mod common;
use common::convoy;

use std::process::Output;

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("UTF-8 on stdout")
}

#[test]
fn f13_completions_bash_prints_a_script_that_knows_the_subcommands() {
    let text = stdout(&convoy(&["completions", "bash"]));
    assert!(text.contains("complete "), "{text}");
    assert!(text.contains("extract"), "{text}");
}

#[test]
fn f13_completions_are_written_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let text = stdout(&convoy(&["completions", shell]));
        assert!(text.contains("extract"), "{shell}: {text}");
    }
}

#[test]
fn f13_completions_refuse_an_unknown_shell_as_a_usage_error() {
    let o = convoy(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn f13_man_prints_roff_with_a_title_header() {
    let text = stdout(&convoy(&["man"]));
    assert!(
        text.lines().any(|l| l.starts_with(".TH convoy 1")),
        "{text}"
    );
    assert!(text.contains("extract"), "{text}");
}
