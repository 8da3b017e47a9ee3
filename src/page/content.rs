//! What the page shows, gathered from the contract files: movements along the same route by the
//! same actor in the same style become one route, events of one type at one point one site,
//! each with the short records (date, article, type) the timeline and filters need for every
//! feature it stands for, and the full details (ends, counts, evidence, source) of its first few
//! distinct reports. So a corpus that repeats itself draws as many lines as it has routes, not
//! reports, and the page stays small.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;

use super::feature::{self, Feature, Geometry, Properties};
use crate::error::Result;
use crate::palette;
use crate::render::contract_inputs;

/// How many reports of one route or site the page carries in full; the rest are counted.
pub const DETAILS_PER_FEATURE: usize = 5;

/// Everything the page's script draws, serialised as the page's data.
#[derive(Debug, Default, Serialize)]
pub struct Content {
    /// How many features each file holds.
    pub counts: Counts,
    /// The distinct `event_date`s, sorted; members refer to them by index.
    pub dates: Vec<String>,
    /// The articles, in the order first met.
    pub docs: Vec<Doc>,
    /// The actors, in the order first met, with their colours.
    pub actors: Vec<Named>,
    /// The event types, in the order first met, with their colours.
    pub types: Vec<Named>,
    /// Movements, one per route.
    pub routes: Vec<Route>,
    /// Events, one per type and point.
    pub sites: Vec<Site>,
    /// The places the articles name, other than whole countries (the basemap names those).
    pub places: Vec<Place>,
}

/// How many features the contract files hold.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub movements: usize,
    pub events: usize,
    pub places: usize,
    /// Places of kind `country`: in `places.geojson`, not marked on the page.
    pub countries: usize,
}

/// An article: its file name and what the manifest says of it.
#[derive(Debug, Serialize)]
pub struct Doc {
    pub file: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// An actor or an event type and its colour (`#rrggbb`).
#[derive(Debug, Serialize)]
pub struct Named {
    pub name: String,
    pub colour: String,
}

/// A name in English and, where the gazetteer has one, Arabic.
#[derive(Debug, Clone, Serialize)]
pub struct Name {
    /// The gazetteer id, by which the Arabic name is looked up once every file is read.
    #[serde(skip)]
    pub id: String,
    pub en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
}

/// Movements that share a line, an actor and a line style.
#[derive(Debug, Serialize)]
pub struct Route {
    /// `[lat, lon]`, as Leaflet takes them; origin first.
    pub line: Vec<[f64; 2]>,
    /// Index into [`Content::actors`]; `None` when no actor is stated.
    pub actor: Option<usize>,
    /// `planned`, `denied` or `reported` (every other status draws solid).
    pub style: &'static str,
    /// The line ends in a country or region: an open arrowhead.
    pub into_area: bool,
    pub from: Name,
    pub to: Name,
    pub via: Vec<String>,
    /// Per movement: `[date index or null, doc index, type index, vehicles or null]`.
    pub members: Vec<(Option<usize>, usize, usize, Option<u32>)>,
    /// The first reports with distinct evidence, in full.
    pub details: Vec<Detail>,
}

/// Events of one type at one point.
#[derive(Debug, Serialize)]
pub struct Site {
    /// `[lat, lon]`.
    pub at: [f64; 2],
    /// Index into [`Content::types`].
    #[serde(rename = "type")]
    pub kind: usize,
    pub place: Name,
    /// Per event: `[date index or null, doc index, actor index or null]`.
    pub members: Vec<(Option<usize>, usize, Option<usize>)>,
    pub details: Vec<Detail>,
}

/// A place the articles name.
#[derive(Debug, Serialize)]
pub struct Place {
    /// `[lat, lon]`.
    pub at: [f64; 2],
    pub name: Name,
    pub kind: String,
    pub mentions: u32,
}

/// One report in full, as its popup shows it.
#[derive(Debug, Serialize)]
pub struct Detail {
    /// Index into the route's or site's members.
    pub member: usize,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: Option<String>,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub actor_ar: Option<String>,
    pub counterpart: Option<String>,
    pub vehicles: Option<String>,
    pub personnel: Option<String>,
    /// Sites the gazetteer does not know, named as written (`origin_site_name`, …).
    pub sites: Vec<String>,
    pub near: bool,
    pub background: bool,
    pub evidence: String,
}

impl Content {
    /// Reads contract files, or directories holding `places.geojson`, `movements.geojson`
    /// and/or `events.geojson`, in the order given. A LineString is a movement, a Point with a
    /// `kind` a place, any other Point an event.
    pub fn from_paths(paths: &[PathBuf]) -> Result<Content> {
        let mut b = Builder::default();
        for file in contract_inputs(paths)? {
            feature::for_each(&file, &mut |f| b.add(f))?;
        }
        Ok(b.finish())
    }
}

/// Gathers features into a [`Content`], looking up what it has seen by key.
#[derive(Default)]
struct Builder {
    content: Content,
    /// Arabic place names by gazetteer id, from `places.geojson`.
    arabic: HashMap<String, String>,
    docs: HashMap<String, usize>,
    actors: HashMap<String, usize>,
    types: HashMap<String, usize>,
    /// Dates in the order first met; remapped to sorted order at the end.
    dates: HashMap<String, usize>,
    routes: HashMap<RouteKey, usize>,
    sites: HashMap<SiteKey, usize>,
}

/// What makes two movements one route: line, actor, style, open head.
#[derive(PartialEq, Eq, Hash)]
struct RouteKey(Vec<(i64, i64)>, Option<usize>, &'static str, bool);

/// What makes two events one site: point and type.
#[derive(PartialEq, Eq, Hash)]
struct SiteKey((i64, i64), usize);

/// `[lon, lat]` to `[lat, lon]` rounded to 5 decimals (about a metre), and its key.
fn latlon(p: [f64; 2]) -> ([f64; 2], (i64, i64)) {
    let r = |v: f64| (v * 1e5).round();
    (
        [r(p[1]) / 1e5, r(p[0]) / 1e5],
        (r(p[1]) as i64, r(p[0]) as i64),
    )
}

/// The index of `name` in a first-met table, adding it with `make` when new.
fn intern<T>(
    index: &mut HashMap<String, usize>,
    table: &mut Vec<T>,
    name: &str,
    make: impl FnOnce() -> T,
) -> usize {
    if let Some(&i) = index.get(name) {
        return i;
    }
    table.push(make());
    index.insert(name.to_owned(), table.len() - 1);
    table.len() - 1
}

impl Builder {
    /// Adds a feature of any of the three files.
    fn add(&mut self, f: Feature) {
        match (&f.geometry, &f.properties.kind) {
            (Geometry::LineString(_), _) => self.movement(f),
            (Geometry::Point(_), Some(_)) => self.place(f),
            (Geometry::Point(_), None) => self.event(f),
        }
    }

    fn place(&mut self, f: Feature) {
        let p = f.properties;
        self.content.counts.places += 1;
        if let Some(ar) = p.name_ar.clone().filter(|a| !a.is_empty()) {
            self.arabic.insert(p.id.clone(), ar);
        }
        let (Geometry::Point(pt), Some(kind)) = (f.geometry, p.kind) else {
            return;
        };
        if kind == "country" {
            self.content.counts.countries += 1;
            return;
        }
        self.content.places.push(Place {
            at: latlon(pt).0,
            name: Name {
                id: p.id.clone(),
                en: p.name_en.unwrap_or_else(|| p.id.clone()),
                ar: p.name_ar.filter(|a| !a.is_empty()),
            },
            kind,
            mentions: p.mentions,
        });
    }

    fn movement(&mut self, f: Feature) {
        let Geometry::LineString(line) = f.geometry else {
            return;
        };
        let p = f.properties;
        self.content.counts.movements += 1;
        let (line, key): (Vec<[f64; 2]>, Vec<(i64, i64)>) = line.into_iter().map(latlon).unzip();
        let actor = p
            .actor
            .as_deref()
            .map(|a| self.actor(a, p.stroke.as_deref()));
        let style = match p.status.as_deref() {
            Some("planned") => "planned",
            Some("denied") => "denied",
            _ => "reported",
        };
        let (doc, kind, date) = self.common(&p);
        let key = RouteKey(key, actor, style, p.destination_coarse);
        let next = self.content.routes.len();
        let i = *self.routes.entry(key).or_insert(next);
        if i == next {
            let from = self.name(&p.origin, p.origin_name.as_deref());
            let to = self.name(&p.destination, p.destination_name.as_deref());
            self.content.routes.push(Route {
                line,
                actor,
                style,
                into_area: p.destination_coarse,
                from,
                to,
                via: p.via_names.clone(),
                members: Vec::new(),
                details: Vec::new(),
            });
        }
        let route = &mut self.content.routes[i];
        route.members.push((date, doc, kind, p.vehicles));
        add_detail(&mut route.details, route.members.len() - 1, &p);
    }

    fn event(&mut self, f: Feature) {
        let Geometry::Point(pt) = f.geometry else {
            return;
        };
        let p = f.properties;
        self.content.counts.events += 1;
        let actor = p.actor.as_deref().map(|a| self.actor(a, None));
        let (doc, kind, date) = self.common(&p);
        let (at, key) = latlon(pt);
        let next = self.content.sites.len();
        let i = *self.sites.entry(SiteKey(key, kind)).or_insert(next);
        if i == next {
            let place = self.name(&p.place, p.place_name.as_deref());
            self.content.sites.push(Site {
                at,
                kind,
                place,
                members: Vec::new(),
                details: Vec::new(),
            });
        }
        let site = &mut self.content.sites[i];
        site.members.push((date, doc, actor));
        add_detail(&mut site.details, site.members.len() - 1, &p);
    }

    /// The article's, the event type's and the date's indices.
    fn common(&mut self, p: &Properties) -> (usize, usize, Option<usize>) {
        let c = &mut self.content;
        let doc = intern(&mut self.docs, &mut c.docs, &p.doc, || Doc {
            file: p.doc.clone(),
            title: p.title.clone(),
            source: p.source.clone(),
            url: p.url.clone(),
        });
        let kind_name = p.event_type.as_deref().unwrap_or("other");
        let kind = intern(&mut self.types, &mut c.types, kind_name, || Named {
            name: kind_name.to_owned(),
            colour: p
                .marker_color
                .clone()
                .unwrap_or_else(|| palette::event_type(kind_name).to_string()),
        });
        let date = p.event_date.as_deref().map(|d| {
            let next = self.dates.len();
            *self.dates.entry(d.to_owned()).or_insert(next)
        });
        (doc, kind, date)
    }

    /// The actor's index; its colour is the file's `stroke`, else the palette's.
    fn actor(&mut self, name: &str, stroke: Option<&str>) -> usize {
        intern(&mut self.actors, &mut self.content.actors, name, || Named {
            name: name.to_owned(),
            colour: stroke
                .map(str::to_owned)
                .unwrap_or_else(|| palette::actor(Some(name)).to_string()),
        })
    }

    /// A place's English name (its id when the file gives none); its Arabic name is looked up
    /// at the end.
    fn name(&self, id: &str, en: Option<&str>) -> Name {
        Name {
            id: id.to_owned(),
            en: en.unwrap_or(id).to_owned(),
            ar: None,
        }
    }

    /// The content, with dates sorted and members pointing into the sorted table.
    fn finish(mut self) -> Content {
        let mut dates: Vec<(String, usize)> = self.dates.into_iter().collect();
        dates.sort();
        let mut order = vec![0; dates.len()];
        for (sorted, (_, first_met)) in dates.iter().enumerate() {
            order[*first_met] = sorted;
        }
        let c = &mut self.content;
        for m in c.routes.iter_mut().flat_map(|r| r.members.iter_mut()) {
            m.0 = m.0.map(|d| order[d]);
        }
        for m in c.sites.iter_mut().flat_map(|s| s.members.iter_mut()) {
            m.0 = m.0.map(|d| order[d]);
        }
        c.dates = dates.into_iter().map(|(d, _)| d).collect();
        let names = c
            .routes
            .iter_mut()
            .flat_map(|r| [&mut r.from, &mut r.to])
            .chain(c.sites.iter_mut().map(|s| &mut s.place));
        for name in names {
            name.ar = self.arabic.get(&name.id).cloned();
        }
        self.content
    }
}

/// Keeps report `member` in full when there is room and its evidence is new.
fn add_detail(details: &mut Vec<Detail>, member: usize, p: &Properties) {
    let evidence = p.evidence.clone().unwrap_or_default();
    if details.len() >= DETAILS_PER_FEATURE || details.iter().any(|d| d.evidence == evidence) {
        return;
    }
    let count = |n: Option<u32>, q: &Option<String>| {
        n.map(|n| match q.as_deref() {
            Some("exact") | None => n.to_string(),
            Some(q) => format!("{n} ({q})"),
        })
    };
    let sites = [&p.origin_site_name, &p.destination_site_name, &p.site_name]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    details.push(Detail {
        member,
        id: p.id.clone(),
        kind: p.event_type.clone().unwrap_or_default(),
        status: p.status.clone(),
        date: p.event_date.clone(),
        date_text: p.date_text.clone(),
        actor_ar: p.actor_ar.clone(),
        counterpart: p.counterpart.clone(),
        vehicles: count(p.vehicles, &p.vehicles_qualifier),
        personnel: count(p.personnel, &p.personnel_qualifier),
        sites,
        near: p.near,
        background: p.background,
        evidence,
    });
}
