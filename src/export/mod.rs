//! Writing extractions as the files of the output contract (`docs/output-contract.md`):
//! `movements.geojson`, `events.geojson`, `places.geojson` and `unresolved.csv`, atomically
//! and byte for byte the same for the same input; or every feature as a GeoJSON text sequence
//! (RFC 8142) for piping.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use geo::{Distance, Haversine, Point};
use tempfile::NamedTempFile;

use crate::document::{Articles, Document, ManifestEntry};
use crate::error::{Error, Result};
use crate::extract::dates::ArticleDate;
use crate::extract::{Endpoint, Event, Extraction, Movement, Unresolved};
use crate::gazetteer::{Gazetteer, GeoPrecision, PlaceIndex};
use crate::palette;
use crate::report::round6;
use crate::spatial::{self, unit_vector};

pub mod dating;
mod json;
mod legend;
pub mod output_set;
mod route;
mod temp;
use dating::{Dating, Said};
use json::Object;
pub use legend::Legend;
pub use output_set::OutputSet;
use temp::temp_in;

/// Great-circle lines get a vertex at least this often, so they draw right in any projection.
/// At 25 km a 2,800 km route (Baghdad to Zagreb) stays within 14 m of the great circle drawn
/// in longitude/latitude, far inside the precision of any place it joins, at 2.5 times fewer
/// vertices than 10 km.
const DENSIFY_M: f64 = 25_000.0;

/// The GeoJSON features of one article's extraction, in text order, serialised (so the work is
/// done by the parallel workers, not the thread that writes the files).
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub movements: Texts,
    pub events: Texts,
    pub unresolved: Vec<[String; 6]>,
    /// The article's file name and the places it names, one per mention, for `places.geojson`.
    pub doc: String,
    pub places: Vec<PlaceIndex>,
    /// Notes for the user: what decoding the article took beyond plain UTF-8, and places its
    /// extraction left out ([`crate::extract::LeftOut`]).
    pub notes: Vec<String>,
    /// The actors and event types of its features.
    pub legend: Legend,
}

/// Serialised features: their JSON texts one after another, and where each ends. One buffer
/// holds all of an article's features of a kind, so there are few allocations to make and
/// free.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    buf: Vec<u8>,
    ends: Vec<usize>,
}

/// The last evidence written to a [`Texts`]: its span in the article and where its JSON text
/// lies in the buffer. One sentence often tells several features in a row, and copying its
/// text is cheaper than escaping it again.
type WrittenEvidence = Option<(std::ops::Range<usize>, std::ops::Range<usize>)>;

impl Texts {
    /// Empty, with room for features of about the given sizes in bytes.
    fn with_capacity(sizes: impl ExactSizeIterator<Item = usize>) -> Texts {
        Texts {
            ends: Vec::with_capacity(sizes.len()),
            buf: Vec::with_capacity(sizes.sum()),
        }
    }

    /// Appends the feature `write` writes.
    fn push(&mut self, write: impl FnOnce(&mut Vec<u8>)) {
        write(&mut self.buf);
        self.ends.push(self.buf.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each feature's JSON text, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(a, &b)| &self.buf[a..b])
    }
}

/// Builds the features of `x`, the extraction of `doc`; `article` is the article's line of
/// the manifest, when it has one, and `date` its date (see [`crate::extract::dates::of_article`]).
pub fn features(
    g: &Gazetteer,
    doc: &Document,
    x: &Extraction,
    article: Option<&ManifestEntry>,
    date: Option<ArticleDate>,
) -> Features {
    let stem = doc.stem();
    let article = Article::of(article, date);
    // Room for every feature at once: growing a buffer copies what it holds.
    let mut movements = Texts::with_capacity(x.movements.iter().map(|m| m.evidence.len() + 1500));
    let mut id = String::new();
    let mut written = None;
    for (i, m) in x.movements.iter().enumerate() {
        feature_id(&mut id, stem, 'm', i + 1);
        let told = Told::new(
            doc,
            &article,
            m.into(),
            (m.evidence.clone(), m.evidence_cut),
        );
        movement_feature(
            g,
            doc,
            &id,
            (m, told),
            &x.unresolved,
            (&mut movements, &mut written),
        );
    }
    let mut events = Texts::with_capacity(x.events.iter().map(|e| e.evidence.len() + 700));
    let mut written = None;
    for (i, e) in x.events.iter().enumerate() {
        feature_id(&mut id, stem, 'e', i + 1);
        let told = Told::new(
            doc,
            &article,
            e.into(),
            (e.evidence.clone(), e.evidence_cut),
        );
        event_feature(
            g,
            doc,
            &id,
            (e, told),
            &x.unresolved,
            (&mut events, &mut written),
        );
    }
    Features {
        movements,
        events,
        unresolved: x
            .unresolved
            .iter()
            .map(|u| {
                [
                    doc.name.clone(),
                    doc.file_offset(u.span.start).to_string(),
                    doc.file_offset(u.span.end).to_string(),
                    u.surface.clone(),
                    u.context.clone(),
                    u.locator
                        .map(|m| g.place(x.mentions[m].place).id.as_str().to_owned())
                        .unwrap_or_default(),
                ]
            })
            .collect(),
        doc: doc.name.clone(),
        places: x.mentions.iter().map(|m| m.place).collect(),
        notes: (doc.decoding_note().into_iter())
            .chain(x.left_out.note(|at| doc.file_offset(at)))
            .collect(),
        legend: Legend::of(x),
    }
}

/// Sets `id` to a feature's id, "<article stem>-<kind><n>" ("000_943bcec6441ca9da-m2"), in place:
/// one buffer serves every feature of an article.
fn feature_id(id: &mut String, stem: &str, kind: char, n: usize) {
    id.clear();
    id.push_str(stem);
    id.push('-');
    id.push(kind);
    id.push_str(itoa::Buffer::new().format(n));
}

/// Appends a Feature to `buf`: RFC 7946, with the `id` member equal to the `id` property,
/// which comes first; `geometry` and `properties` write the rest of their members.
fn feature(
    buf: &mut Vec<u8>,
    id: &str,
    geometry: impl FnOnce(&mut Object),
    properties: impl FnOnce(&mut Object),
) {
    let mut f = Object::new(buf);
    f.str("type", "Feature");
    f.str("id", id);
    f.object("geometry", geometry);
    f.object("properties", |p| {
        p.str("id", id);
        properties(p);
    });
    f.end();
}

/// The Point geometry at `at`.
fn point(at: Point) -> impl FnOnce(&mut Object) {
    move |g| {
        g.str("type", "Point");
        g.position("coordinates", lon_lat(at.x(), at.y()));
    }
}

/// What the manifest says of an article, as every feature of it carries it.
struct Article<'a> {
    date: Option<ArticleDate>,
    date_text: Option<String>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    title: Option<&'a str>,
}

impl<'a> Article<'a> {
    /// The entry's fields, an empty one as null, and the article's date.
    fn of(entry: Option<&'a ManifestEntry>, date: Option<ArticleDate>) -> Article<'a> {
        let text = |f: fn(&ManifestEntry) -> &str| entry.map(f).filter(|s| !s.is_empty());
        Article {
            date,
            date_text: date.map(dating::article_date_text),
            source: text(|e| &e.source),
            url: text(|e| &e.url),
            title: text(|e| &e.title),
        }
    }

    /// Writes `source`, `url` and `title`, in the contract's order.
    fn write(&self, p: &mut Object) {
        p.opt_str("source", self.source);
        p.opt_str("url", self.url);
        p.opt_str("title", self.title);
    }
}

impl<'m> From<&'m Movement> for Said<'m> {
    fn from(m: &'m Movement) -> Said<'m> {
        Said {
            stated: m.date,
            date_text: m.date_text.as_deref(),
            status: m.status,
            background: m.background,
            article: None,
        }
    }
}

impl<'e> From<&'e Event> for Said<'e> {
    fn from(e: &'e Event) -> Said<'e> {
        Said {
            stated: e.date,
            date_text: e.date_text.as_deref(),
            status: e.status,
            background: e.background,
            article: None,
        }
    }
}

/// What movements and events share: how the text tells it, when, and where it says so.
struct Told<'a> {
    status: &'static str,
    dating: Option<Dating>,
    date_text: Option<&'a str>,
    article: &'a Article<'a>,
    evidence: &'a str,
    evidence_span: std::ops::Range<usize>,
    /// The evidence is less than the text that tells it (see [`Movement::evidence_cut`]).
    evidence_cut: bool,
    background: bool,
}

impl<'a> Told<'a> {
    /// How `said` is told in `doc`, dated against the article, with its evidence (a byte
    /// range of the text) and whether that was cut.
    fn new(
        doc: &'a Document,
        article: &'a Article<'a>,
        said: Said<'a>,
        (evidence, evidence_cut): (std::ops::Range<usize>, bool),
    ) -> Told<'a> {
        let said = Said {
            article: article.date,
            ..said
        };
        Told {
            status: said.status.as_str(),
            dating: dating::dating(&said),
            date_text: said.date_text,
            article,
            evidence: &doc.text[evidence.clone()],
            // The contract's offsets are into the file's bytes.
            evidence_span: doc.file_span(&evidence),
            evidence_cut,
            background: said.background,
        }
    }

    /// Writes the members, in the contract's order; `geo_precision` between the dates and
    /// the evidence.
    fn write(&self, p: &mut Object, geo_precision: u8, written: &mut WrittenEvidence) {
        p.str("status", self.status);
        let date = self.dating.map(|d| d.date.to_string());
        p.opt_str("event_date", date.as_deref());
        p.opt_u32("time_precision", self.dating.map(|d| d.precision as u32));
        p.opt_str("date_text", self.date_text);
        p.opt_str("article_date", self.article.date_text.as_deref());
        p.u64("geo_precision", geo_precision.into());
        match written {
            Some((span, at)) if *span == self.evidence_span => p.copy("evidence", at.clone()),
            _ => {
                *written = Some((
                    self.evidence_span.clone(),
                    p.str_at("evidence", self.evidence),
                ))
            }
        }
        p.u64("evidence_start", self.evidence_span.start as u64);
        p.u64("evidence_end", self.evidence_span.end as u64);
        // Only when cut, so that the features of every sentence written whole stay the same.
        if self.evidence_cut {
            p.bool("evidence_cut", true);
        }
        p.bool("background", self.background);
        self.article.write(p);
    }
}

/// RFC 7946 §3.1.1: positions are [lon, lat], here to 6 decimals.
fn lon_lat(x: f64, y: f64) -> [f64; 2] {
    [round6(x), round6(y)]
}

/// The great circles through `stations` in turn, with a vertex at least every [`DENSIFY_M`]; a
/// single station is a line from it to itself.
fn great_circles(stations: &[Point]) -> Vec<Point> {
    let mut line: Vec<Point> = stations.first().into_iter().copied().collect();
    for pair in stations.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // As many vertices as `geo::Densify` with `Haversine` places, evenly along the leg.
        let metres = Haversine.distance(a, b);
        let pieces = (metres / DENSIFY_M).ceil() as u64;
        if pieces > 1 {
            let circle = GreatCircle::new(a, b, metres / Haversine.radius(), pieces);
            line.extend(circle.take(pieces as usize - 1));
        }
        line.push(b);
    }
    if line.len() == 1 {
        line.push(line[0]);
    }
    line
}

/// Points at even steps along the great circle from one point towards another, after the
/// first: each is the one before turned by the step about the circle's axis, so a vertex costs
/// a few multiplications and its conversion to lon/lat, not four more trigonometric calls
/// (each turn drifts by about 1e-16 rad: under a micrometre after a thousand).
struct GreatCircle {
    /// The start and the unit tangent there towards the end.
    a: [f64; 3],
    t: [f64; 3],
    /// Cosine and sine of the step's angle, and of the angle turned so far.
    step: (f64, f64),
    turned: (f64, f64),
}

impl GreatCircle {
    /// The circle from `p1` to `p2`, `d` radians apart, in `pieces` steps.
    fn new(p1: Point, p2: Point, d: f64, pieces: u64) -> GreatCircle {
        let (a, b) = (unit_vector(p1), unit_vector(p2));
        let (sin_d, cos_d) = d.sin_cos();
        let t = [0, 1, 2].map(|i| (b[i] - a[i] * cos_d) / sin_d);
        let (sin_s, cos_s) = (d / pieces as f64).sin_cos();
        GreatCircle {
            a,
            t,
            step: (cos_s, sin_s),
            turned: (1.0, 0.0),
        }
    }
}

impl Iterator for GreatCircle {
    type Item = Point;

    fn next(&mut self) -> Option<Point> {
        let ((c, s), (cs, ss)) = (self.turned, self.step);
        let (c, s) = (c * cs - s * ss, s * cs + c * ss);
        self.turned = (c, s);
        Some(spatial::lon_lat(
            [0, 1, 2].map(|i| self.a[i] * c + self.t[i] * s),
        ))
    }
}

fn movement_feature(
    g: &Gazetteer,
    doc: &Document,
    id: &str,
    (m, told): (&Movement, Told),
    sites: &[Unresolved],
    (out, written): (&mut Texts, &mut WrittenEvidence),
) {
    let stops: Vec<Endpoint> = std::iter::once(m.origin)
        .chain(m.via.iter().copied())
        .chain(std::iter::once(m.destination))
        .collect();
    let line = route::line(
        &stops
            .iter()
            .map(|e| route::Stop::of(g, e))
            .collect::<Vec<_>>(),
    );
    let precision = stops
        .iter()
        .map(|e| e.precision(g))
        .max()
        .unwrap_or(GeoPrecision::Region);
    let coarse = |e: &Endpoint| e.precision(g) == GeoPrecision::Region;
    let place = |e: &Endpoint| g.place(e.place);
    let outline = |e: &Endpoint| outline(g, e);
    let width = palette::movement_width(m.vehicles.and_then(|c| c.n));
    let actor = m.actor.as_ref();
    out.push(|buf| {
        let geometry = |g: &mut Object| {
            g.str("type", "LineString");
            g.positions("coordinates", line.iter().map(|p| lon_lat(p.x(), p.y())));
        };
        // The contract's order.
        feature(buf, id, geometry, |p| {
            p.str("doc", &doc.name);
            p.str("event_type", m.event_type.as_str());
            p.opt_str("actor", actor.map(|a| &*a.name));
            p.opt_str("actor_ar", actor.and_then(|a| a.arabic.as_deref()));
            p.str("origin", place(&m.origin).id.as_str());
            p.str("origin_name", &place(&m.origin).name_en);
            p.str("destination", place(&m.destination).id.as_str());
            p.str("destination_name", &place(&m.destination).name_en);
            p.opt_str("origin_site_name", site_name(sites, &m.origin));
            p.opt_str("destination_site_name", site_name(sites, &m.destination));
            p.bool("origin_coarse", coarse(&m.origin));
            p.bool("destination_coarse", coarse(&m.destination));
            p.opt_str("origin_outline", outline(&m.origin));
            p.opt_str("destination_outline", outline(&m.destination));
            p.strs("via", m.via.iter().map(|v| place(v).id.as_str()));
            p.strs("via_names", m.via.iter().map(|v| place(v).name_en.as_str()));
            p.opt_u32("vehicles", m.vehicles.and_then(|c| c.n));
            p.opt_str(
                "vehicles_qualifier",
                m.vehicles.map(|c| c.qualifier.as_str()),
            );
            p.opt_u32("personnel", m.personnel.and_then(|c| c.n));
            p.opt_str(
                "personnel_qualifier",
                m.personnel.map(|c| c.qualifier.as_str()),
            );
            told.write(p, precision.as_int(), written);
            p.str(
                "stroke",
                &palette::actor(actor.map(|a| &*a.name)).to_string(),
            );
            p.f64("stroke-width", (width * 10.0f64).round() / 10.0);
        });
    });
}

fn event_feature(
    g: &Gazetteer,
    doc: &Document,
    id: &str,
    (e, told): (&Event, Told),
    sites: &[Unresolved],
    (out, written): (&mut Texts, &mut WrittenEvidence),
) {
    let place = g.place(e.place.place);
    let precision = e.place.precision(g).as_int();
    let actor = e.actor.as_ref();
    out.push(|buf| {
        // The contract's order.
        feature(buf, id, point(route::Stop::of(g, &e.place).aim()), |p| {
            p.str("doc", &doc.name);
            p.str("event_type", e.event_type.as_str());
            p.str("place", place.id.as_str());
            p.str("place_name", &place.name_en);
            p.opt_str("site_name", site_name(sites, &e.place));
            p.opt_str("actor", actor.map(|a| &*a.name));
            p.opt_str("actor_ar", actor.and_then(|a| a.arabic.as_deref()));
            p.opt_str("counterpart", e.counterpart.as_deref());
            told.write(p, precision, written);
            p.bool("near", e.place.near);
            p.opt_str("outline", outline(g, &e.place));
            p.str(
                "marker-color",
                &palette::event_type(e.event_type.as_str()).to_string(),
            );
        });
    });
}

/// What a coarse end (geo_precision 3) is drawn by: its area's outline, `boundary` or
/// `approximate`, or `point` when convoy has no outline for it; `None` for a finer end.
fn outline(g: &Gazetteer, end: &Endpoint) -> Option<&'static str> {
    (end.precision(g) == GeoPrecision::Region)
        .then(|| route::area(g.place(end.place)).map_or("point", |a| a.basis.as_str()))
}

/// The name as written of a site the gazetteer does not know, located by the end's place.
fn site_name<'a>(sites: &'a [Unresolved], end: &Endpoint) -> Option<&'a str> {
    end.site.map(|i| sites[i as usize].surface.as_str())
}

/// How often each gazetteer place is named, and in which articles.
#[derive(Debug, Clone, Default)]
pub struct PlaceTally {
    /// By place index: how many mentions, and the articles (indices into `docs`) naming it.
    counts: Vec<(u64, Vec<u32>)>,
    /// The file names of the articles counted, in the order they came.
    docs: Vec<String>,
}

impl PlaceTally {
    /// Counts the mentions of one article.
    pub fn add(&mut self, doc: String, places: &[PlaceIndex]) {
        let d = self.docs.len() as u32;
        self.docs.push(doc);
        for place in places {
            let i = place.0 as usize;
            if i >= self.counts.len() {
                self.counts.resize_with(i + 1, Default::default);
            }
            let entry = &mut self.counts[i];
            entry.0 += 1;
            if entry.1.last() != Some(&d) {
                entry.1.push(d);
            }
        }
    }

    /// The places named at least once.
    fn named(&self) -> impl Iterator<Item = PlaceIndex> + '_ {
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| *n > 0)
            .map(|(ix, _)| PlaceIndex(ix as u32))
    }

    /// Serialises the places as Point features, sorted by id, handing each to `write` in turn:
    /// the file is streamed, never held whole (its `docs` lists grow with the corpus).
    pub fn write(&self, g: &Gazetteer, mut write: impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let mut named: Vec<(&str, usize)> = self
            .named()
            .map(|ix| (g.place(ix).id.as_str(), ix.0 as usize))
            .collect();
        named.sort();
        // Each article's rank in name order, found once: sorting every place's list by name
        // would compare the same long names again for each place.
        let mut by_name: Vec<u32> = (0..self.docs.len() as u32).collect();
        by_name.sort_by(|&a, &b| self.docs[a as usize].cmp(&self.docs[b as usize]));
        let mut rank = vec![0; self.docs.len()];
        for (r, &d) in by_name.iter().enumerate() {
            rank[d as usize] = r;
        }
        let mut buf = Vec::new();
        let mut order = Vec::new();
        for (id, ix) in named {
            let (mentions, docs) = &self.counts[ix];
            let p = g.place(PlaceIndex(ix as u32));
            order.clone_from(docs);
            order.sort_unstable_by_key(|&d| rank[d as usize]);
            let mut docs: Vec<&str> = order
                .iter()
                .map(|&d| self.docs[d as usize].as_str())
                .collect();
            // Articles of the same name (from two directories) are next to each other now.
            docs.dedup();
            buf.clear();
            feature(&mut buf, id, point(p.point), |o| {
                o.str("name_en", &p.name_en);
                o.str("name_ar", &p.name_ar);
                o.str("kind", p.kind.as_str());
                o.str("country", &p.country);
                o.u64("mentions", *mentions);
                o.strs("docs", docs);
                o.str("source", &p.source);
                o.u64("precision_m", p.precision_m.into());
                o.str("tier", p.tier.as_str());
            });
            write(&buf)?;
        }
        Ok(())
    }
}

/// Writes `files` (name → contents) into `dir` atomically: each goes to a temporary file in the
/// same directory and is renamed over its target only when all are written, so an existing
/// output is never left half-written.
pub fn write_atomically(dir: &Path, files: &[(&str, &[u8])]) -> Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(dir, "cannot create the output directory", e))?;
    let mut staged = Vec::new();
    for (name, contents) in files {
        let target = dir.join(name);
        let mut file = temp_in(dir, &target)?;
        file.write_all(contents)
            .and_then(|_| file.as_file().sync_all())
            .map_err(|e| Error::io(&target, "cannot write", e))?;
        staged.push((file, target));
    }
    for (file, target) in staged {
        file.persist(&target)
            .map_err(|e| Error::io(&target, "cannot write", e.error))?;
    }
    Ok(())
}

/// Writes every feature as RFC 8142 GeoJSON text sequence records: RS, the JSON, LF.
pub fn write_seq<T: AsRef<[u8]>>(
    out: &mut dyn Write,
    features: impl IntoIterator<Item = T>,
) -> std::io::Result<()> {
    for f in features {
        out.write_all(b"\x1e")?;
        out.write_all(f.as_ref())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// What a run of `extract` did.
#[derive(Debug, Default)]
pub struct Summary {
    pub articles: usize,
    pub movements: usize,
    pub events: usize,
    pub unresolved: usize,
    /// Articles that could not be read, with why.
    pub failed: Vec<Failure>,
    /// Notes for the user: encodings used, places left out, each naming its article.
    pub notes: Vec<String>,
    /// The actors, event types and kinds of place the layers hold, for their styles.
    pub legend: Legend,
}

/// An article that could not be read: its path, as given, and why.
#[derive(Debug)]
pub struct Failure {
    pub path: PathBuf,
    pub error: Error,
}

impl std::fmt::Display for Failure {
    /// The error, which names the file.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl Summary {
    /// Counts one article's features.
    fn count(&mut self, f: &Features, path: &Path) {
        for note in &f.notes {
            self.notes.push(format!("{}: {note}", path.display()));
        }
        self.articles += 1;
        self.movements += f.movements.len();
        self.events += f.events.len();
        self.unresolved += f.unresolved.len();
        self.legend.merge(&f.legend);
    }
}

/// Where extraction writes.
pub enum Sink<'w> {
    /// The four contract files in a directory, committed as one set when extraction is done.
    Dir(PathBuf),
    /// The four contract files added to a set the caller commits, with other files of its
    /// own (maps, styles).
    Set(&'w OutputSet),
    /// Every feature to a stream, as a GeoJSON text sequence.
    Seq(&'w mut dyn Write),
}

/// A worker takes this many articles in a row and hands their results over together: fewer
/// hand-overs, fewer times the writer wakes and takes a core from the workers.
const CHUNK: usize = 16;

/// How many chunks the workers may read ahead of the one being written: memory holds at most
/// `WINDOW * CHUNK` extractions, however large the corpus.
const WINDOW: usize = 8;

/// Extracts every one of `articles` (in parallel, results in order) and writes them to
/// `sink`. `progress` is called as articles are written with (done, total).
pub fn run(
    g: &Gazetteer,
    articles: Articles,
    sink: Sink,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Summary> {
    match sink {
        Sink::Dir(dir) => {
            let set = OutputSet::new(&dir)?;
            let summary = run(g, articles, Sink::Set(&set), progress)?;
            set.commit()?;
            Ok(summary)
        }
        Sink::Set(set) => extract_into(
            g,
            articles,
            Out::Files(Box::new(Staged::create(set)?)),
            progress,
        ),
        Sink::Seq(w) => extract_into(g, articles, Out::Seq(w), progress),
    }
}

/// [`run`] once the sink is open.
fn extract_into(
    g: &Gazetteer,
    articles: Articles,
    out: Out,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Summary> {
    let paths = articles.paths;
    let manifests = crate::document::Manifests::read(paths)?;
    crate::extract::prepare(g);
    let names = crate::document::naming::names(paths);
    let one = |i: usize| -> Result<Features> {
        let path = &paths[i];
        let doc = articles.read(path)?;
        // The manifest lists the article by its own file name.
        let entry = manifests.entry(path, &doc.name);
        let doc = doc.named(names[i].clone());
        let date = crate::extract::dates::of_article(entry.and_then(|e| e.date), &doc.text);
        let x = crate::extract::extract(g, &doc, date);
        // The article and its extraction are dropped here, by the thread that made them:
        // freeing on the writer's thread costs it dearly.
        Ok(features(g, &doc, &x, entry, date))
    };
    // Each worker takes the next chunk as soon as it is free, so none waits for another's
    // slowest article; this thread writes the chunks back in order while the pool works.
    let window = Window::new(WINDOW);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Vec<Result<Features>>)>();
    let chunks: Vec<&[PathBuf]> = paths.chunks(CHUNK).collect();
    let workers = rayon::current_num_threads().min(chunks.len());
    std::thread::scope(|s| {
        s.spawn(|| {
            rayon::scope(|rs| {
                for _ in 0..workers {
                    let tx = tx.clone();
                    let (window, next, one, chunks) = (&window, &next, &one, &chunks);
                    rs.spawn(move |_| {
                        // A worker that panics leaves a gap the writer would wait on forever.
                        let _stop = Stop {
                            window,
                            only_in_panic: true,
                        };
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            if i >= chunks.len() || !window.wait_for(i) {
                                break;
                            }
                            if tx
                                .send((
                                    i,
                                    (i * CHUNK..i * CHUNK + chunks[i].len()).map(one).collect(),
                                ))
                                .is_err()
                            {
                                break;
                            }
                        }
                    });
                }
                // The writer's loop ends when the last worker's sender is dropped.
                drop(tx);
            })
        });
        // However the writer ends, workers waiting for room stop waiting.
        let _stop = Stop {
            window: &window,
            only_in_panic: false,
        };
        write_in_order(g, rx, &window, out, paths, progress)
    })
}

/// Writes the results as they arrive, in path order. Takes the receiver by value so that an
/// early return drops it, which stops the workers.
fn write_in_order(
    g: &Gazetteer,
    rx: std::sync::mpsc::Receiver<(usize, Vec<Result<Features>>)>,
    window: &Window,
    mut out: Out,
    paths: &[PathBuf],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Summary> {
    let mut summary = Summary::default();
    let mut tally = PlaceTally::default();
    // Chunks that came before an earlier one: at most `WINDOW`.
    let mut early: BTreeMap<usize, Vec<Result<Features>>> = BTreeMap::new();
    let mut chunks = 0;
    let mut done = 0;
    for (i, chunk) in rx {
        early.insert(i, chunk);
        while let Some(chunk) = early.remove(&chunks) {
            for r in chunk {
                match r {
                    Ok(f) => {
                        summary.count(&f, &paths[done]);
                        out.write(&f)?;
                        tally.add(f.doc, &f.places);
                    }
                    Err(error) => summary.failed.push(Failure {
                        path: paths[done].clone(),
                        error,
                    }),
                }
                done += 1;
            }
            chunks += 1;
            window.advance();
            progress(done, paths.len());
        }
    }
    if done < paths.len() {
        // A worker stopped short: nothing is committed.
        return Err(Error::Invalid(format!(
            "extraction stopped after {done} of {} articles",
            paths.len()
        )));
    }
    out.finish(g, &tally)?;
    summary.legend.add_places(g, tally.named());
    Ok(summary)
}

/// How far the workers may run ahead of the writer.
struct Window {
    size: usize,
    /// How many chunks are written, and whether writing stopped (on an error).
    written: std::sync::Mutex<(usize, bool)>,
    moved: std::sync::Condvar,
}

impl Window {
    fn new(size: usize) -> Window {
        Window {
            size,
            written: std::sync::Mutex::new((0, false)),
            moved: std::sync::Condvar::new(),
        }
    }

    /// Waits until chunk `i` may be read; false if writing stopped.
    fn wait_for(&self, i: usize) -> bool {
        let mut w = self.lock();
        while i >= w.0 + self.size && !w.1 {
            w = self
                .moved
                .wait(w)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        !w.1
    }

    /// One more chunk is written.
    fn advance(&self) {
        self.lock().0 += 1;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.lock().1 = true;
        self.moved.notify_all();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (usize, bool)> {
        // The counts stay right whoever panicked holding the lock.
        self.written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Stops the window when dropped (or only when dropped by a panic), so that no thread waits
/// forever for one that has gone.
struct Stop<'a> {
    window: &'a Window,
    only_in_panic: bool,
}

impl Drop for Stop<'_> {
    fn drop(&mut self) {
        if !self.only_in_panic || std::thread::panicking() {
            self.window.stop();
        }
    }
}

enum Out<'w> {
    Files(Box<Staged<'w>>),
    Seq(&'w mut dyn Write),
}

impl Out<'_> {
    fn write(&mut self, f: &Features) -> Result<()> {
        match self {
            Out::Files(s) => s.write(f),
            Out::Seq(w) => {
                let io = |e| Error::io("<stdout>", "cannot write", e);
                write_seq(*w, f.movements.iter()).map_err(io)?;
                write_seq(*w, f.events.iter()).map_err(io)
            }
        }
    }

    fn finish(self, g: &Gazetteer, places: &PlaceTally) -> Result<()> {
        match self {
            Out::Files(s) => s.finish(g, places),
            Out::Seq(w) => places.write(g, |f| {
                write_seq(w, [f]).map_err(|e| Error::io("<stdout>", "cannot write", e))
            }),
        }
    }
}

/// The contract files being written to temporary files beside their targets; a temporary
/// file that is never renamed into place is deleted when dropped (tempfile).
struct Staged<'s> {
    set: &'s OutputSet,
    movements: Stream,
    events: Stream,
    places: Stream,
    unresolved: csv::Writer<NamedTempFile>,
}

/// One FeatureCollection written feature by feature.
struct Stream {
    name: &'static str,
    target: PathBuf,
    out: std::io::BufWriter<NamedTempFile>,
    first: bool,
    /// Bytes written since the last sync started.
    unsynced: usize,
    /// A sync of what was written so far, running beside the writing.
    syncing: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

/// A stream starts syncing what it has written to disk every this many bytes, in the
/// background, so the sync that ends the run has little left to do.
const SYNC_EVERY: usize = 16 << 20;

impl Stream {
    fn create(set: &OutputSet, name: &'static str) -> Result<Stream> {
        let target = set.dir().join(name);
        // Large writes: the files run to tens of megabytes.
        let mut out = std::io::BufWriter::with_capacity(1 << 20, set.temp(name)?);
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")
            .map_err(|e| Error::io(&target, "cannot write", e))?;
        Ok(Stream {
            name,
            target,
            out,
            first: true,
            unsynced: 0,
            syncing: None,
        })
    }

    fn push(&mut self, f: &[u8]) -> Result<()> {
        let sep: &[u8] = if self.first { b"" } else { b",\n" };
        self.first = false;
        self.out
            .write_all(sep)
            .and_then(|_| self.out.write_all(f))
            .and_then(|_| {
                self.unsynced += sep.len() + f.len();
                if self.unsynced < SYNC_EVERY {
                    return Ok(());
                }
                self.unsynced = 0;
                self.sync_in_background()
            })
            .map_err(|e| Error::io(&self.target, "cannot write", e))
    }

    /// Starts syncing what is written so far, unless the last sync is still running.
    fn sync_in_background(&mut self) -> std::io::Result<()> {
        if self.syncing.as_ref().is_some_and(|s| !s.is_finished()) {
            return Ok(());
        }
        self.finish_sync()?;
        self.out.flush()?;
        let file = self.out.get_ref().as_file().try_clone()?;
        self.syncing = Some(std::thread::spawn(move || file.sync_data()));
        Ok(())
    }

    /// Waits for the background sync, if any, and passes on its error.
    fn finish_sync(&mut self) -> std::io::Result<()> {
        match self.syncing.take() {
            Some(s) => s.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            None => Ok(()),
        }
    }

    fn close(mut self) -> Result<(NamedTempFile, &'static str)> {
        let end: &[u8] = if self.first { b"]}\n" } else { b"\n]}\n" };
        let synced = self.finish_sync();
        let io = |e| Error::io(&self.target, "cannot write", e);
        synced.map_err(io)?;
        self.out.write_all(end).map_err(io)?;
        let file = self.out.into_inner().map_err(|e| io(e.into_error()))?;
        file.as_file().sync_all().map_err(io)?;
        Ok((file, self.name))
    }
}

impl<'s> Staged<'s> {
    /// The four files staged in `set`: a target that cannot be replaced fails here, before
    /// any article is read.
    fn create(set: &'s OutputSet) -> Result<Staged<'s>> {
        let target = set.dir().join("unresolved.csv");
        let mut unresolved = csv::Writer::from_writer(set.temp("unresolved.csv")?);
        unresolved
            .write_record(["doc", "start", "end", "surface", "context", "locator"])
            .map_err(|e| csv_error(&target, e))?;
        Ok(Staged {
            set,
            movements: Stream::create(set, "movements.geojson")?,
            events: Stream::create(set, "events.geojson")?,
            places: Stream::create(set, "places.geojson")?,
            unresolved,
        })
    }

    fn write(&mut self, f: &Features) -> Result<()> {
        for m in f.movements.iter() {
            self.movements.push(m)?;
        }
        for e in f.events.iter() {
            self.events.push(e)?;
        }
        for r in &f.unresolved {
            self.unresolved
                .write_record(r)
                .map_err(|e| csv_error(&self.set.dir().join("unresolved.csv"), e))?;
        }
        Ok(())
    }

    /// Closes the streams, writes places.geojson, and adds the four files to the set.
    fn finish(self, g: &Gazetteer, tally: &PlaceTally) -> Result<()> {
        let Staged {
            set,
            movements,
            events,
            mut places,
            unresolved,
        } = self;
        // The two large files go to disk while places.geojson is written.
        let (movements, events, places) = std::thread::scope(|s| {
            let join =
                |h: std::thread::ScopedJoinHandle<'_, Result<(NamedTempFile, &'static str)>>| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                };
            let movements = s.spawn(|| movements.close());
            let events = s.spawn(|| events.close());
            let written = tally
                .write(g, |f| places.push(f))
                .and_then(|()| places.close());
            (join(movements), join(events), written)
        });
        let target = set.dir().join("unresolved.csv");
        let file = unresolved
            .into_inner()
            .map_err(|e| Error::io(&target, "cannot write", e.into_error()))?;
        let all = [movements?, events?, (file, "unresolved.csv"), places?];
        for (file, name) in all {
            set.add(name, file)?;
        }
        Ok(())
    }
}

fn csv_error(target: &Path, e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(target, "cannot write", io),
        other => Error::Invalid(format!("{}: cannot write: {other:?}", target.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_holds_workers_back_until_the_writer_moves_or_stops() {
        let window = Window::new(2);
        assert!(window.wait_for(0) && window.wait_for(1));
        std::thread::scope(|s| {
            let ahead = s.spawn(|| window.wait_for(2));
            let stopped = s.spawn(|| window.wait_for(5));
            window.advance();
            assert!(
                ahead.join().unwrap(),
                "room for chunk 2 once chunk 0 is written"
            );
            window.stop();
            assert!(!stopped.join().unwrap(), "a stopped window lets no one on");
        });
    }

    #[test]
    fn great_circles_are_geos_densified_lines() {
        use geo::{Densify, LineString};
        let stations = [
            Point::new(40.570879, 36.744043),
            Point::new(44.40088, 33.34058),
            Point::new(44.40088, 33.34058 + 1e-9),
            Point::new(47.98, 29.37),
            Point::new(-122.4, 37.8),
            Point::new(40.570879, 36.744043),
        ];
        let ours = great_circles(&stations);
        let geos = Haversine.densify(&LineString::from(stations.to_vec()), DENSIFY_M);
        assert!(ours.len() > 500, "{}", ours.len());
        assert_eq!(ours.len(), geos.points().len());
        // The same vertices to within a micrometre (1e-11°), ends exactly.
        for (o, g) in ours.iter().zip(geos.points()) {
            assert!(
                (o.x() - g.x()).abs() < 1e-11 && (o.y() - g.y()).abs() < 1e-11,
                "{o:?} {g:?}"
            );
        }
        assert_eq!(ours.last(), stations.last());
        let one = great_circles(&stations[..1]);
        assert_eq!(one, vec![stations[0], stations[0]]);
    }

    /// A collection as `Stream` writes it, read back.
    fn streamed(features: &[&[u8]]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let set = OutputSet::new(dir.path()).unwrap();
        let mut stream = Stream::create(&set, "x.geojson").unwrap();
        for f in features {
            stream.push(f).unwrap();
        }
        let (file, name) = stream.close().unwrap();
        set.add(name, file).unwrap();
        set.commit().unwrap();
        std::fs::read_to_string(dir.path().join("x.geojson")).unwrap()
    }

    #[test]
    fn collections_are_one_feature_per_line() {
        assert_eq!(
            streamed(&[b"{\"a\":1}", b"{\"b\":2}"]),
            "{\"type\":\"FeatureCollection\",\"features\":[\n{\"a\":1},\n{\"b\":2}\n]}\n"
        );
        let parsed: geojson::FeatureCollection = streamed(&[]).parse().unwrap();
        assert!(parsed.features.is_empty());
    }

    #[test]
    fn atomic_writes_replace_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        write_atomically(dir.path(), &[("a.txt", b"one")]).unwrap();
        write_atomically(dir.path(), &[("a.txt", b"two")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
            "two"
        );
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files left behind");
    }

    #[test]
    fn long_streams_sync_in_the_background_and_lose_nothing() {
        // Enough features to pass the sync threshold several times.
        let feature = format!("{{\"evidence\":\"{}\"}}", "ب".repeat(4096));
        let n = 3 * SYNC_EVERY / feature.len() + 7;
        let text = streamed(&vec![feature.as_bytes(); n]);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["features"].as_array().unwrap().len(), n);
        // The opening line, the features with ",\n" between them, and "\n]}\n".
        let opening = "{\"type\":\"FeatureCollection\",\"features\":[\n".len();
        assert_eq!(text.len(), opening + n * feature.len() + 2 * (n - 1) + 4);
    }
}
