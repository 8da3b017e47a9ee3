//! The interactive page `convoy map` writes beside its maps, `index.html`: one self-contained
//! file (Leaflet, the basemap and the features inlined; no network, opens from `file://`, can be
//! mailed) with the movements as arrows, events and places as markers, a popup per feature with
//! its evidence, a timeline over `event_date`, filters by actor, event type and article, and an
//! English or Arabic interface.
//!
//! - `feature`: the contract files read one feature at a time.
//! - `content`: the features gathered into routes, sites and places ([`Content`]).
//! - `basemap`: the maps' Natural Earth layers as the page draws them.
//! - `html`: the page itself, with its script (`page.js`) and style (`page.css`).
//!
//! # Examples
//! ```
//! use convoy::page::{html, Content, PageOptions};
//! let page = html(&Content::default(), &PageOptions::default());
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("L.map"));
//! ```

mod basemap;
mod content;
mod feature;
mod html;

use std::path::PathBuf;

use crate::error::Result;
use crate::render::{Labels, MapOptions};

pub use content::{
    Content, Counts, Detail, Doc, Name, Named, Place, Route, Site, DETAILS_PER_FEATURE,
};

/// The file name the page is written under.
pub const FILE_NAME: &str = "index.html";

/// How to write the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageOptions {
    /// The interface's language and the names shown: English, Arabic (right to left), or an
    /// English interface with names in both.
    pub labels: Labels,
    /// The page's title; the maps' default when `None`.
    pub title: Option<String>,
}

impl From<&MapOptions> for PageOptions {
    fn from(o: &MapOptions) -> PageOptions {
        PageOptions {
            labels: o.labels,
            title: o.title.clone(),
        }
    }
}

/// The page for `content`.
pub fn html(content: &Content, opts: &PageOptions) -> String {
    html::page(content, opts)
}

/// The page for contract files, or directories holding them (see [`Content::from_paths`]).
pub fn from_paths(paths: &[PathBuf], opts: &PageOptions) -> Result<String> {
    Ok(html(&Content::from_paths(paths)?, opts))
}
