//! convoy turns Arabic news reports about troop withdrawals in Iraq and Syria into maps.
//!
//! The pipeline reads in one direction:
//!
//! - [`arabic`]: normalisation for matching, with offsets back into the original text;
//!   sentence and paragraph splitting.
//! - [`document`]: articles read from files or directories and decoded to UTF-8.
//! - [`gazetteer`]: the places convoy knows (curated + GeoNames), their names, and the
//!   [`Matcher`](gazetteer::Matcher) that finds them in text.
//! - [`geoparse`]: mentions of places resolved in context.
//! - [`extract`]: movements and events, with their roles, counts, actors, status and dates.
//! - [`export`]: extractions written as the GeoJSON files of the output contract.
//! - [`report`]: rows written as tables, JSON or CSV.
//! - [`render`]: maps (SVG, PNG) of movements, events and places from the output GeoJSON.
//! - [`page`]: the interactive, self-contained `index.html` of `convoy map` (Leaflet, offline).
//! - [`palette`]: one colour per actor and per event type, shared by the GeoJSON and the maps.
//! - [`areas`]: countries, governorates and regions as outlines with interior points, so
//!   coarse ends and events in an area are drawn at its border or its interior, not at its
//!   capital or representative town.
//! - [`pipeline`]: the main job, `convoy map`: extract, write the GeoJSON, draw the maps.
//! - [`eval`]: extraction scored against annotated articles, as `tests/corpus/eval/score.py`
//!   scores it.
//! - [`input_file`]: input files opened as regular files of a bounded size.
//! - [`feature_stream`]: GeoJSON FeatureCollections read one feature at a time.
//! - [`error`]: the library's error type.

pub mod arabic;
pub mod areas;
pub mod document;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod feature_stream;
pub mod gazetteer;
pub mod geoparse;
pub mod input_file;
pub mod page;
pub mod palette;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod spatial;

pub use document::Document;
pub use error::{Error, Result};
pub use gazetteer::{Gazetteer, GeoPrecision, Kind, Place, PlaceId, PlaceIndex};
pub use geoparse::Mention;
