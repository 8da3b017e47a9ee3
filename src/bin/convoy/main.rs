//! The `convoy` command line: parses arguments, calls the library, maps errors to exit codes
//! (0 ok, 1 some inputs failed, 2 usage or fatal error).

mod args;
mod commands;
mod stdout;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, Parser};

use convoy::export;
use convoy::gazetteer::GazetteerFiles;

use args::*;
use commands::{articles::*, gazetteer::*, near::*};
use stdout::{stdout_closed, Stdout};

fn main() -> ExitCode {
    let cli = Cli::parse_from(negative_points_as_targets(std::env::args_os().collect()));
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

fn run(cli: Cli) -> Result<ExitCode> {
    let files = GazetteerFiles {
        curated: cli.gazetteer.gazetteer,
        geonames: cli.gazetteer.geonames,
        no_geonames: cli.gazetteer.no_geonames,
        added: cli.gazetteer.places,
        max_bytes: Some(cli.max_gazetteer_mb.saturating_mul(1 << 20)),
    };
    let quiet = cli.quiet;
    let limit = convoy::document::limit(cli.max_article_mb.saturating_mul(1 << 20));
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
        Command::Eval(args) => eval_cmd(&files, args, limit, &mut out),
        Command::Render {
            inputs,
            output,
            map,
        } => render_cmd(&inputs, &output, map),
        Command::Map {
            inputs,
            output,
            map,
        } => map_cmd(&files, &inputs, limit, &output, map, quiet),
        Command::Extract {
            inputs,
            output,
            format,
            labels,
        } => {
            let sink = match (format, output) {
                (Some(StreamFormat::Geojsonseq), _) => export::Sink::Seq(&mut out),
                (None, Some(dir)) => export::Sink::Dir(dir),
                (None, None) => unreachable!("clap requires one of them"),
            };
            extract_cmd(&files, &inputs, limit, sink, labels.into(), quiet)
        }
        Command::Places { inputs, format } => places_cmd(&files, &inputs, limit, format, &mut out),
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

    /// The long options README.md names that belong to other tools: cargo's, and those of the
    /// scripts it shows (`derive.py --check`, `score.py --json`).
    const OTHER_TOOLS: [&str; 5] = ["--release", "--test", "--bench", "--check", "--json"];

    #[test]
    fn f13_the_readme_and_help_name_the_same_options() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .expect("README.md");
        let mut all = Vec::new();
        commands(&Cli::command(), "convoy".into(), &mut all);
        all.push(("convoy".into(), Cli::command()));
        let mut options: Vec<String> = vec!["--help".into(), "--version".into()];
        for (path, cmd) in &all {
            for arg in cmd.get_arguments() {
                let Some(long) = arg.get_long() else { continue };
                let option = format!("--{long}");
                if !["--help", "--version"].contains(&option.as_str()) {
                    assert!(
                        readme.contains(&option),
                        "README.md does not tell {path} {option}"
                    );
                }
                options.push(option);
            }
        }
        // Every option the README names is one convoy has.
        let named = readme.split("--").skip(1).filter_map(|rest| {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                .collect();
            (!word.is_empty()).then(|| format!("--{}", word.trim_end_matches('-')))
        });
        for option in named {
            assert!(
                options.contains(&option) || OTHER_TOOLS.contains(&option.as_str()),
                "README.md names {option}, which no convoy command has"
            );
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
