//! Inputs beyond what an article or a gazetteer can be (issue 16, item 9): files that are not
//! regular files and files over the size limit are refused with an error naming them, at once.

mod common;
use common::{convoy, stderr, stdout};

use std::path::Path;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[cfg(unix)]
#[test]
fn f09_a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("a.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // No writer ever opens it: a blocking open would wait forever.
    let o = convoy(&["places", s(&fifo)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "convoy: {}: a FIFO, not a regular file; an article must be a file\n",
            fifo.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn f09_a_gazetteer_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("g.geojson");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // No writer ever opens it: a blocking open would wait forever.
    for flag in ["--gazetteer", "--geonames", "--places"] {
        let o = convoy(&[flag, s(&fifo), "near", "al_tanf_garrison"]);
        assert_eq!(o.status.code(), Some(2), "{flag}: {}", stderr(&o));
        assert_eq!(
            stderr(&o),
            format!(
                "convoy: {}: a FIFO, not a regular file; a gazetteer file must be a file\n",
                fifo.display()
            ),
            "{flag}"
        );
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn f09_a_gazetteer_over_the_size_limit_is_refused_and_the_limit_can_be_raised() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("places.geojson");
    // The curated gazetteer (about 160 KB, growing with every place added): over a limit of
    // 0 MB, under the default. The message gives its size in MB of 2^20 bytes, one decimal.
    std::fs::copy("gazetteer/places.geojson", &copy).unwrap();
    let size_mb = std::fs::metadata(&copy).unwrap().len() as f64 / (1u64 << 20) as f64;
    let near = |limit: &[&str]| {
        let args = [
            &["--gazetteer", s(&copy)],
            limit,
            &["near", "al_tanf_garrison", "-k", "1"],
        ];
        convoy(&args.concat())
    };
    let o = near(&["--max-gazetteer-mb", "0"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "{}: {size_mb:.1} MB, over the limit of 0.0 MB for a gazetteer file (raise it with \
             --max-gazetteer-mb)",
            copy.display()
        )),
        "{}",
        stderr(&o)
    );
    let o = near(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2, "{}", stdout(&o));
}

#[cfg(unix)]
#[test]
fn f09_a_device_and_a_socket_are_refused() {
    let o = convoy(&["places", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/dev/zero: a character device, not a regular file"),
        "{}",
        stderr(&o)
    );
    let dir = tempfile::tempdir().unwrap();
    let sock = dir.path().join("s.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
    let o = convoy(&["places", s(&sock)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("s.txt: a socket, not a regular file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn f09_an_article_over_the_size_limit_is_refused_and_the_limit_can_be_raised() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let text = "انسحبت القوات الأمريكية من قاعدة عين الأسد. ".repeat(30_000);
    std::fs::write(&big, &text).unwrap();
    assert!(text.len() > 2 << 20);
    let o = convoy(&[
        "--max-article-mb",
        "2",
        "places",
        s(&big),
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("big.txt: 2.3 MB, over the limit of 2.0 MB for an article"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
    let o = convoy(&[
        "--max-article-mb",
        "3",
        "places",
        s(&big),
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1 + 30_000);
}

#[test]
fn f09_places_streams_rows_in_article_order_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    // More articles than one batch, in name order, each naming its place.
    let places = ["قاعدة عين الأسد", "الحسكة", "معبر اليعربية"];
    for i in 0..150 {
        let text = format!("وصل رتل إلى {}.", places[i % 3]);
        std::fs::write(dir.path().join(format!("{i:03}.txt")), text).unwrap();
    }
    let o = convoy(&["places", s(dir.path()), "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs: Vec<String> = stdout(&o)
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (0..150).map(|i| format!("{i:03}.txt")).collect();
    assert_eq!(docs, expected);
    let o = convoy(&["places", s(dir.path()), "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 150);
    assert_eq!(rows[149]["doc"], "149.txt");
    let o = convoy(&["places", s(dir.path())]);
    let table = stdout(&o);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 151);
    // Aligned: every row's second column starts where the header's does.
    let at = lines[0].find("start").unwrap();
    assert!(lines
        .iter()
        .skip(1)
        .all(|l| l[at..].starts_with(char::is_numeric)));
}

#[test]
fn f09_the_article_limit_holds_in_every_command_that_reads_articles() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("in");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), "انسحب رتل من قاعدة عين الأسد.").unwrap();
    let out = dir.path().join("out");
    let commands: [Vec<&str>; 4] = [
        vec!["extract", s(&articles), "-o", s(&out)],
        vec!["map", s(&articles), "-o", s(&out)],
        vec!["places", s(&articles)],
        vec!["eval", s(&articles)],
    ];
    let refused = format!(
        "{}: 0.0 MB, over the limit of 0.0 MB for an article (raise it with --max-article-mb)",
        articles.join("a.txt").display()
    );
    for command in &commands {
        let limited = [&["--max-article-mb", "0"], command.as_slice()].concat();
        let o = convoy(&limited);
        assert_eq!(o.status.code(), Some(1), "{command:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(&refused), "{command:?}: {}", stderr(&o));
        let o = convoy(command);
        assert!(
            !stderr(&o).contains("over the limit"),
            "{command:?}: {}",
            stderr(&o)
        );
    }
}
