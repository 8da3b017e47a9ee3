//! When a movement or event happened, in a form a Temporal Controller or a report can use:
//! `event_date` is the date the text states when extraction resolved it, else the article's
//! date from the manifest, and `time_precision` says how far to trust it, on ACLED's scale
//! (1 the day, 2 the week or near the day, 3 the month or vaguer).
//!
//! The article's date bounds the event rather than dates it: a report of something done tells
//! of the days before it was published (2), a plan tells of some time after (3), and an article
//! dated only by its month or year dates the event no better (3). A period is dated by its
//! middle day, as ACLED codes one: the 15th of a month, 1 July of a year.

use crate::extract::dates::{self, ArticleDate, Ymd};
use crate::extract::Status;

/// ACLED's time precision of an event date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TimePrecision {
    /// The day is stated.
    Day = 1,
    /// The week, or a few days either side of the date.
    Week = 2,
    /// The month, or something vaguer.
    Month = 3,
}

/// A feature's event date and how exact it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dating {
    pub date: Ymd,
    pub precision: TimePrecision,
}

/// What the text and the article say about when something happened.
#[derive(Debug, Clone, Copy)]
pub struct Said<'a> {
    /// The stated date, as extraction resolved it.
    pub stated: Option<Ymd>,
    /// The date words as written, when there are any.
    pub date_text: Option<&'a str>,
    pub status: Status,
    /// The text places it years before the article.
    pub background: bool,
    /// The article's date from the manifest.
    pub article: Option<ArticleDate>,
}

/// Dates a feature; `None` when neither the text nor the manifest dates it, or when the text
/// tells background years before the article without a date.
///
/// # Examples
/// ```
/// use convoy::export::dating::{dating, Said, TimePrecision};
/// use convoy::extract::Status;
/// let said = Said {
///     stated: None,
///     date_text: None,
///     status: Status::Reported,
///     background: false,
///     article: Some("2020-01-08".parse().unwrap()),
/// };
/// let d = dating(&said).unwrap();
/// assert_eq!((d.date.to_string(), d.precision), ("2020-01-08".into(), TimePrecision::Week));
/// ```
pub fn dating(said: &Said) -> Option<Dating> {
    if let Some(date) = said.stated {
        return Some(Dating {
            date,
            precision: TimePrecision::Day,
        });
    }
    let period = said.date_text.and_then(|t| stated_period(t, said.article));
    match (period, said.article) {
        // A period of the article's year with no month: the article dates it, no better than
        // its month.
        (Some((year, None)), Some(article)) if year == article.year => {
            Some(by_article(article, TimePrecision::Month))
        }
        // A stated month or another year: its middle.
        (Some((year, month)), _) => Some(Dating {
            date: middle(year, month),
            precision: TimePrecision::Month,
        }),
        (None, _) if said.background => None,
        (None, article) => {
            let bound = match said.status {
                Status::Planned => TimePrecision::Month,
                _ => TimePrecision::Week,
            };
            Some(by_article(article?, bound))
        }
    }
}

/// The article's date, at best at `precision` (a month or a year is [`TimePrecision::Month`]).
fn by_article(article: ArticleDate, precision: TimePrecision) -> Dating {
    match article.full() {
        Some(date) => Dating { date, precision },
        None => Dating {
            date: middle(article.year, article.month),
            precision: TimePrecision::Month,
        },
    }
}

/// The middle day of a month, or of a year.
fn middle(year: i32, month: Option<u8>) -> Ymd {
    match month {
        Some(m) => Ymd {
            year,
            month: m,
            day: 15,
        },
        None => Ymd {
            year,
            month: 7,
            day: 1,
        },
    }
}

/// The year the date words name, and the month when they name one, when they name no day.
fn stated_period(text: &str, article: Option<ArticleDate>) -> Option<(i32, Option<u8>)> {
    let norm = crate::arabic::normalize(text);
    let words: Vec<&str> = norm
        .tokens()
        .filter(|t| t.is_word)
        .map(|t| t.text)
        .collect();
    let first = dates::find(&words, article).into_iter().next()?;
    match first.date {
        Some(_) => None,
        None => Some((first.year?, first.month)),
    }
}

/// The article's date as the manifest writes it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
///
/// # Examples
/// ```
/// let a = "2021-12".parse().unwrap();
/// assert_eq!(convoy::export::dating::article_date_text(a), "2021-12");
/// ```
pub fn article_date_text(a: ArticleDate) -> String {
    a.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(article: &str) -> Said<'static> {
        Said {
            stated: None,
            date_text: None,
            status: Status::Reported,
            background: false,
            article: Some(article.parse().unwrap()),
        }
    }

    fn dated(s: &Said) -> (String, u8) {
        let d = dating(s).unwrap();
        (d.date.to_string(), d.precision as u8)
    }

    #[test]
    fn a_stated_day_is_precision_one() {
        let s = Said {
            stated: Ymd::new(2011, 12, 18),
            background: true,
            ..said("2020-03-29")
        };
        assert_eq!(dated(&s), ("2011-12-18".into(), 1));
    }

    #[test]
    fn the_article_day_bounds_a_report_within_the_week_and_a_plan_within_the_month() {
        assert_eq!(dated(&said("2020-01-08")), ("2020-01-08".into(), 2));
        let plan = Said {
            status: Status::Planned,
            ..said("2020-01-08")
        };
        assert_eq!(dated(&plan), ("2020-01-08".into(), 3));
    }

    #[test]
    fn an_article_month_or_year_dates_its_middle_day() {
        assert_eq!(dated(&said("2021-12")), ("2021-12-15".into(), 3));
        assert_eq!(dated(&said("2021")), ("2021-07-01".into(), 3));
        // A weekday the article's month cannot resolve adds nothing.
        let weekday = Said {
            date_text: Some("الاثنين"),
            ..said("2021-12")
        };
        assert_eq!(dated(&weekday), ("2021-12-15".into(), 3));
    }

    #[test]
    fn a_stated_year_alone_is_its_middle_or_the_article_at_month_precision() {
        let past = Said {
            date_text: Some("عام 2003"),
            ..said("2020-01-08")
        };
        assert_eq!(dated(&past), ("2003-07-01".into(), 3));
        let this_year = Said {
            date_text: Some("عام 2020"),
            ..said("2020-01-08")
        };
        assert_eq!(dated(&this_year), ("2020-01-08".into(), 3));
    }

    #[test]
    fn a_stated_month_is_its_middle_with_or_without_the_article() {
        let month = Said {
            date_text: Some("ديسمبر 2018"),
            ..said("2020-01-08")
        };
        assert_eq!(dated(&month), ("2018-12-15".into(), 3));
        let last_month = Said {
            date_text: Some("كانون الأول الماضي"),
            ..said("2020-01-08")
        };
        assert_eq!(dated(&last_month), ("2019-12-15".into(), 3));
        let no_manifest = Said {
            article: None,
            ..month
        };
        assert_eq!(dated(&no_manifest), ("2018-12-15".into(), 3));
    }

    #[test]
    fn undated_background_and_undated_articles_have_no_date() {
        let old = Said {
            background: true,
            ..said("2020-01-08")
        };
        assert_eq!(dating(&old), None);
        let no_manifest = Said {
            article: None,
            ..said("2020")
        };
        assert_eq!(dating(&no_manifest), None);
    }

    #[test]
    fn article_dates_are_written_as_given() {
        for text in ["2020-01-08", "2021-12", "2020"] {
            assert_eq!(article_date_text(text.parse().unwrap()), text);
        }
    }
}
