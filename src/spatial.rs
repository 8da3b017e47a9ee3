//! Spatial queries: nearest places, places within a radius, places along a route.
//!
//! Points are indexed in an rstar R-tree as unit vectors on the sphere (3-D). The straight-line
//! (chord) distance between unit vectors orders points exactly as the great-circle angle does,
//! at any latitude and across the antimeridian, so the tree's Euclidean search is a search on
//! the sphere. Reported distances and bearings are geodesics on the WGS 84 ellipsoid (Karney's
//! algorithm, via geographiclib); the tree only proposes candidates, using a bound that links
//! the sphere's angle to the ellipsoid's length, and the answers are ordered by the geodesic.

use geo::{Densify, Geodesic, LineString, Point};
use geographiclib_rs::InverseGeodesic;
use rstar::primitives::GeomWithData;
use rstar::{RTree, AABB};

use std::io::Read;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::feature_stream::{read_features, StreamError};
use crate::gazetteer::{Gazetteer, Kind, Place, PlaceIndex};

/// A length every geodesic is at least, per radian of the angle between the unit vectors of its
/// ends: the ellipsoid's smallest radius of curvature (the meridional radius at the equator,
/// 6335.4 km), rounded down for safety.
const METRES_PER_RADIAN_LOW: f64 = 6_300_000.0;

/// Routes are cut into pieces no longer than this before measuring distances to them, so a
/// piece of great circle and the ellipsoid's geodesic between its ends coincide to centimetres.
const ROUTE_PIECE_M: f64 = 5_000.0;

type Entry = GeomWithData<[f64; 3], u32>;

/// A place found by a query: its caller-given id, geodesic distance and initial bearing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub id: u32,
    /// Geodesic distance on WGS 84, in metres.
    pub distance_m: f64,
    /// Initial bearing from the query point, degrees clockwise from north, in [0, 360).
    pub bearing_deg: f64,
}

/// A place near a route.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RouteHit {
    pub id: u32,
    /// Geodesic distance from the place to the nearest point of the route, in metres.
    pub distance_m: f64,
    /// How far along the route that nearest point lies, in metres from its start.
    pub along_m: f64,
}

/// An R-tree over points on the sphere; build once, query many times.
///
/// # Examples
/// ```
/// use convoy::spatial::SpatialIndex;
/// use geo::Point;
/// let index = SpatialIndex::new([
///     (0, Point::new(38.6178, 33.5058)), // al-Tanf garrison
///     (1, Point::new(38.9073, 33.4343)), // al-Waleed crossing
///     (2, Point::new(42.4412, 33.7856)), // Ain al-Asad
/// ]);
/// let near = index.nearest(Point::new(38.9073, 33.4343), 2, None, |id| id != 1);
/// assert_eq!(near[0].id, 0);
/// assert!((near[0].distance_m / 1000.0 - 27.9).abs() < 0.5);
/// ```
#[derive(Debug, Clone)]
pub struct SpatialIndex {
    tree: RTree<Entry>,
    points: Vec<Point<f64>>,
}

impl SpatialIndex {
    /// Builds the index over `(id, lon/lat point)` pairs; ids must be unique and dense enough to
    /// be used as indices (`0..n`), as gazetteer indices are.
    pub fn new(points: impl IntoIterator<Item = (u32, Point<f64>)>) -> SpatialIndex {
        let mut by_id: Vec<Point<f64>> = Vec::new();
        let mut entries = Vec::new();
        for (id, p) in points {
            let i = id as usize;
            if by_id.len() <= i {
                by_id.resize(i + 1, Point::new(f64::NAN, f64::NAN));
            }
            by_id[i] = p;
            entries.push(Entry::new(unit_vector(p), id));
        }
        SpatialIndex {
            tree: RTree::bulk_load(entries),
            points: by_id,
        }
    }

    /// Number of indexed points.
    pub fn len(&self) -> usize {
        self.tree.size()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// The `k` points nearest to `from` for which `keep(id)` holds, optionally only those within
    /// `within_m` metres; nearest first, ties by id. Any `k` is fine: more than there are points
    /// means all of them, and memory follows the points, not `k`.
    pub fn nearest(
        &self,
        from: Point<f64>,
        k: usize,
        within_m: Option<f64>,
        keep: impl Fn(u32) -> bool,
    ) -> Vec<Hit> {
        let k = k.min(self.len());
        let mut best: Vec<Hit> = Vec::with_capacity(k + 1);
        if k == 0 {
            return best;
        }
        let q = unit_vector(from);
        for (entry, d2) in self.tree.nearest_neighbor_iter_with_distance_2(&q) {
            let low = chord_to_angle(d2.sqrt()) * METRES_PER_RADIAN_LOW;
            if best.len() == k && low > best[k - 1].distance_m {
                break;
            }
            if within_m.is_some_and(|r| low > r) {
                break;
            }
            if !keep(entry.data) {
                continue;
            }
            let hit = self.hit(from, entry.data);
            if within_m.is_some_and(|r| hit.distance_m > r) {
                continue;
            }
            let at = best.partition_point(|h| order(h, &hit).is_lt());
            if at < k {
                best.insert(at, hit);
                best.truncate(k);
            }
        }
        best
    }

    /// Every point within `within_m` metres of `from` for which `keep(id)` holds; nearest
    /// first, ties by id.
    pub fn within(&self, from: Point<f64>, within_m: f64, keep: impl Fn(u32) -> bool) -> Vec<Hit> {
        let q = unit_vector(from);
        let chord = angle_to_chord(within_m / METRES_PER_RADIAN_LOW);
        let mut hits: Vec<Hit> = self
            .tree
            .locate_within_distance(q, chord * chord)
            .filter(|e| keep(e.data))
            .map(|e| self.hit(from, e.data))
            .filter(|h| h.distance_m <= within_m)
            .collect();
        hits.sort_by(order);
        hits
    }

    /// Every point within `within_m` metres of the route `line` (lon/lat vertices) for which
    /// `keep(id)` holds, in order along the route.
    pub fn along(
        &self,
        line: &LineString<f64>,
        within_m: f64,
        keep: impl Fn(u32) -> bool,
    ) -> Vec<RouteHit> {
        let line = Geodesic.densify(line, ROUTE_PIECE_M);
        let mut best: std::collections::BTreeMap<u32, RouteHit> = Default::default();
        let mut travelled = 0.0;
        for seg in line.lines() {
            let (a, b) = (Point::from(seg.start), Point::from(seg.end));
            let (ua, ub) = (unit_vector(a), unit_vector(b));
            let seg_angle = chord_to_angle(dist(ua, ub));
            // The arc bulges outside the box of its ends by its sagitta.
            let margin =
                angle_to_chord(within_m / METRES_PER_RADIAN_LOW) + (1.0 - (seg_angle / 2.0).cos());
            let mut lo = [0.0; 3];
            let mut hi = [0.0; 3];
            for i in 0..3 {
                lo[i] = ua[i].min(ub[i]) - margin;
                hi[i] = ua[i].max(ub[i]) + margin;
            }
            for e in self
                .tree
                .locate_in_envelope(&AABB::from_corners(lo, hi))
                .filter(|e| keep(e.data))
            {
                let p = self.points[e.data as usize];
                let foot = nearest_on_arc(ua, ub, *e.geom());
                let foot = lon_lat(foot);
                let distance_m = geodesic(p, foot).0;
                if distance_m > within_m {
                    continue;
                }
                let along_m = travelled + geodesic(a, foot).0;
                let entry = best.entry(e.data).or_insert(RouteHit {
                    id: e.data,
                    distance_m,
                    along_m,
                });
                if distance_m < entry.distance_m {
                    *entry = RouteHit {
                        id: e.data,
                        distance_m,
                        along_m,
                    };
                }
            }
            travelled += geodesic(a, b).0;
        }
        let mut hits: Vec<RouteHit> = best.into_values().collect();
        hits.sort_by(|x, y| x.along_m.total_cmp(&y.along_m).then(x.id.cmp(&y.id)));
        hits
    }

    fn hit(&self, from: Point<f64>, id: u32) -> Hit {
        let (distance_m, bearing_deg) = geodesic(from, self.points[id as usize]);
        Hit {
            id,
            distance_m,
            bearing_deg,
        }
    }
}

/// Parses a distance such as "50km", "50 km", "2500m" or "0.5 km" into metres.
///
/// # Examples
/// ```
/// use convoy::spatial::parse_distance;
/// assert_eq!(parse_distance("50km").unwrap(), 50_000.0);
/// assert_eq!(parse_distance("2500 m").unwrap(), 2_500.0);
/// assert!(parse_distance("50 miles").is_err());
/// assert!(parse_distance("-3km").is_err());
/// ```
pub fn parse_distance(text: &str) -> Result<f64> {
    let t = text.trim().to_ascii_lowercase();
    let (number, factor) = if let Some(n) = t.strip_suffix("km") {
        (n, 1000.0)
    } else if let Some(n) = t.strip_suffix('m') {
        (n, 1.0)
    } else {
        return Err(Error::Invalid(format!(
            "distance \"{text}\" needs a unit: km or m (for example 50km)"
        )));
    };
    match number.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v * factor),
        Ok(_) => Err(Error::Invalid(format!(
            "distance \"{text}\" must be zero or more"
        ))),
        Err(_) => Err(Error::Invalid(format!(
            "distance \"{text}\" is not a number followed by km or m"
        ))),
    }
}

/// Parses "LAT,LON" in decimal degrees; `Ok(None)` when the text does not look like a
/// coordinate pair at all (so it can be taken as a place name), an error when it does but is
/// out of range.
///
/// # Examples
/// ```
/// use convoy::spatial::parse_lat_lon;
/// let p = parse_lat_lon("33.43, 38.91").unwrap().unwrap();
/// assert_eq!((p.y(), p.x()), (33.43, 38.91));
/// assert!(parse_lat_lon("al-Tanf").unwrap().is_none());
/// assert!(parse_lat_lon("91,200").is_err());
/// ```
pub fn parse_lat_lon(text: &str) -> Result<Option<Point<f64>>> {
    let Some((a, b)) = text.split_once(',') else {
        return Ok(None);
    };
    let looks_numeric = |s: &str| {
        let s = s.trim();
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    };
    if !looks_numeric(a) || !looks_numeric(b) {
        return Ok(None);
    }
    let parse = |s: &str| {
        s.trim().parse::<f64>().map_err(|_| {
            Error::Invalid(format!(
                "\"{text}\" is not a LAT,LON pair of decimal degrees"
            ))
        })
    };
    let (lat, lon) = (parse(a)?, parse(b)?);
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(Error::Invalid(format!(
            "\"{text}\": latitude must be within ±90 and longitude within ±180 (LAT,LON order)"
        )));
    }
    Ok(Some(Point::new(lon, lat)))
}

/// Which gazetteer places a query may return.
#[derive(Debug, Clone, Default)]
pub struct PlaceFilter {
    /// Only these kinds (all when empty).
    pub kinds: Vec<Kind>,
    /// Only this country (ISO alpha-2, any case).
    pub country: Option<String>,
    /// Leave this place out (the query place itself).
    pub except: Option<PlaceIndex>,
}

impl PlaceFilter {
    /// True when `place` (at index `ix`) passes.
    pub fn keeps(&self, ix: PlaceIndex, place: &Place) -> bool {
        self.except != Some(ix)
            && (self.kinds.is_empty() || self.kinds.contains(&place.kind))
            && self
                .country
                .as_deref()
                .is_none_or(|c| place.country.eq_ignore_ascii_case(c))
    }
}

/// An index over every place of a gazetteer, keyed by [`PlaceIndex`].
pub fn index_gazetteer(g: &Gazetteer) -> SpatialIndex {
    SpatialIndex::new(
        g.places()
            .iter()
            .enumerate()
            .map(|(i, p)| (i as u32, p.point)),
    )
}

/// A route to query along: a movement's id, a label, and its line.
#[derive(Debug, Clone)]
pub struct Route {
    pub id: String,
    pub label: String,
    pub line: LineString<f64>,
}

/// Reads the LineString features of a GeoJSON FeatureCollection (convoy's `movements.geojson`
/// or any other) one at a time, giving each to `each` as a route, so that only the route at
/// hand is held; features of other geometries are passed over. `name` names the file in errors.
pub fn read_routes<E: From<Error>>(
    name: &str,
    reader: impl Read,
    mut each: impl FnMut(Route) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let fail = |location: String, message: String| Error::Malformed {
        source_name: name.to_owned(),
        location,
        message,
    };
    let not_a_collection = |why: String| {
        fail(
            "file".into(),
            format!("not a GeoJSON FeatureCollection: {why}"),
        )
    };
    let read = read_features(reader, |n, f: RouteFeature| match f.route(n) {
        Ok(Some(route)) => each(route),
        Ok(None) => Ok(()),
        Err(message) => Err(fail(f.location(n), message).into()),
    })
    .map_err(|e| match e {
        StreamError::Feature(e, _) => e,
        StreamError::Json(e) => not_a_collection(e.to_string()).into(),
    })?;
    if read.members.get("type").and_then(serde_json::Value::as_str) != Some("FeatureCollection") {
        return Err(not_a_collection("its \"type\" is not \"FeatureCollection\"".into()).into());
    }
    if read.features.is_none() {
        return Err(not_a_collection("it has no \"features\" array".into()).into());
    }
    Ok(())
}

/// A feature as [`read_routes`] reads it: the geometry and the three properties a route needs.
#[derive(Deserialize)]
struct RouteFeature {
    #[serde(default)]
    geometry: Option<RouteGeometry>,
    #[serde(default)]
    properties: Option<RouteProperties>,
}

#[derive(Deserialize)]
struct RouteGeometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    coordinates: serde_json::Value,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct RouteProperties {
    id: Option<serde_json::Value>,
    origin_name: Option<serde_json::Value>,
    destination_name: Option<serde_json::Value>,
}

impl RouteFeature {
    /// A string property.
    fn text(&self, key: impl Fn(&RouteProperties) -> &Option<serde_json::Value>) -> Option<&str> {
        self.properties
            .as_ref()
            .and_then(|p| key(p).as_ref())
            .and_then(|v| v.as_str())
    }

    /// Its `id`, else "feature N" (from 1).
    fn id(&self, n: usize) -> String {
        self.text(|p| &p.id)
            .map_or_else(|| format!("feature {}", n + 1), str::to_owned)
    }

    /// Where it is in the file, for errors.
    fn location(&self, n: usize) -> String {
        format!("feature {} (id \"{}\")", n + 1, self.id(n))
    }

    /// The route it draws, if it is a LineString; why not, if its positions are wrong.
    fn route(&self, n: usize) -> std::result::Result<Option<Route>, String> {
        let Some(geometry) = self.geometry.as_ref().filter(|g| g.kind == "LineString") else {
            return Ok(None);
        };
        let positions = geometry
            .coordinates
            .as_array()
            .ok_or("its LineString coordinates are not an array")?;
        let mut coords = Vec::with_capacity(positions.len());
        for c in positions {
            let (lon, lat) = c
                .as_array()
                .filter(|a| a.len() >= 2)
                .and_then(|a| Some((a[0].as_f64()?, a[1].as_f64()?)))
                .ok_or_else(|| format!("position {c} is not [longitude, latitude]"))?;
            if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
                return Err(format!("coordinate [{lon}, {lat}] is out of range"));
            }
            coords.push((lon, lat));
        }
        let label = match (
            self.text(|p| &p.origin_name),
            self.text(|p| &p.destination_name),
        ) {
            (Some(o), Some(d)) => format!("{o} → {d}"),
            _ => String::new(),
        };
        Ok(Some(Route {
            id: self.id(n),
            label,
            line: LineString::from(coords),
        }))
    }
}

/// Nearest first, then by id: the one order every query answers in.
fn order(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    a.distance_m.total_cmp(&b.distance_m).then(a.id.cmp(&b.id))
}

/// Geodesic distance (m) and initial bearing (degrees in [0, 360)) on WGS 84.
pub fn geodesic(from: Point<f64>, to: Point<f64>) -> (f64, f64) {
    // Building the ellipsoid's series coefficients costs more than an inverse problem: once.
    static WGS84: std::sync::LazyLock<geographiclib_rs::Geodesic> =
        std::sync::LazyLock::new(geographiclib_rs::Geodesic::wgs84);
    let (s12, azi1, _azi2, _a12): (f64, f64, f64, f64) =
        WGS84.inverse(from.y(), from.x(), to.y(), to.x());
    let bearing = if s12 == 0.0 {
        0.0
    } else {
        azi1.rem_euclid(360.0)
    };
    (s12, if bearing >= 360.0 { 0.0 } else { bearing })
}

/// The 16-point compass name of a bearing: 312° → "NW".
///
/// # Examples
/// ```
/// assert_eq!(convoy::spatial::compass(312.0), "NW");
/// assert_eq!(convoy::spatial::compass(359.0), "N");
/// assert_eq!(convoy::spatial::compass(100.0), "E");
/// ```
pub fn compass(bearing_deg: f64) -> &'static str {
    const POINTS: [&str; 16] = [
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW",
        "NW", "NNW",
    ];
    let i = ((bearing_deg.rem_euclid(360.0) / 22.5) + 0.5).floor() as usize % 16;
    POINTS[i]
}

/// The point as a unit vector (x towards 0°E on the equator, z towards the North Pole).
pub(crate) fn unit_vector(p: Point<f64>) -> [f64; 3] {
    let (lat, lon) = (p.y().to_radians(), p.x().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// The point a unit vector points to (the inverse of [`unit_vector`]).
pub(crate) fn lon_lat(v: [f64; 3]) -> Point<f64> {
    let lat = v[2].clamp(-1.0, 1.0).asin().to_degrees();
    let lon = v[1].atan2(v[0]).to_degrees();
    Point::new(lon, lat)
}

fn chord_to_angle(chord: f64) -> f64 {
    2.0 * (chord / 2.0).clamp(-1.0, 1.0).asin()
}

fn angle_to_chord(angle: f64) -> f64 {
    if angle >= std::f64::consts::PI {
        2.0
    } else {
        2.0 * (angle / 2.0).sin()
    }
}

fn dist(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// The point of the shorter great-circle arc from `a` to `b` nearest to `p` (unit vectors).
fn nearest_on_arc(a: [f64; 3], b: [f64; 3], p: [f64; 3]) -> [f64; 3] {
    let n = cross(a, b);
    let norm = dot(n, n).sqrt();
    if norm < 1e-15 {
        return a;
    }
    let n = [n[0] / norm, n[1] / norm, n[2] / norm];
    let off = dot(p, n);
    let proj = [p[0] - off * n[0], p[1] - off * n[1], p[2] - off * n[2]];
    let len = dot(proj, proj).sqrt();
    if len > 1e-15 {
        let proj = [proj[0] / len, proj[1] / len, proj[2] / len];
        if dot(cross(a, proj), n) >= 0.0 && dot(cross(proj, b), n) >= 0.0 {
            return proj;
        }
    }
    if dist(p, a) <= dist(p, b) {
        a
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn brute_nearest(
        points: &[(f64, f64)],
        from: Point<f64>,
        k: usize,
        within: Option<f64>,
    ) -> Vec<Hit> {
        let mut all: Vec<Hit> = points
            .iter()
            .enumerate()
            .map(|(i, &(lon, lat))| {
                let (d, b) = geodesic(from, Point::new(lon, lat));
                Hit {
                    id: i as u32,
                    distance_m: d,
                    bearing_deg: b,
                }
            })
            .filter(|h| within.is_none_or(|r| h.distance_m <= r))
            .collect();
        all.sort_by(order);
        all.truncate(k);
        all
    }

    fn index(points: &[(f64, f64)]) -> SpatialIndex {
        SpatialIndex::new(
            points
                .iter()
                .enumerate()
                .map(|(i, &(lon, lat))| (i as u32, Point::new(lon, lat))),
        )
    }

    fn same(a: &[Hit], b: &[Hit]) {
        assert_eq!(
            a.iter().map(|h| h.id).collect::<Vec<_>>(),
            b.iter().map(|h| h.id).collect::<Vec<_>>()
        );
        for (x, y) in a.iter().zip(b) {
            assert!((x.distance_m - y.distance_m).abs() < 1e-3);
        }
    }

    /// Longitudes and latitudes that favour the hard places: poles and the antimeridian.
    fn coord() -> impl Strategy<Value = (f64, f64)> {
        prop_oneof![
            (-180.0..180.0f64, -90.0..90.0f64),
            (
                prop_oneof![170.0..180.0f64, -180.0..-170.0f64],
                -60.0..60.0f64
            ),
            (
                -180.0..180.0f64,
                prop_oneof![85.0..90.0f64, -90.0..-85.0f64]
            ),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, rng_seed: proptest::test_runner::RngSeed::Fixed(7), ..ProptestConfig::default() })]

        #[test]
        fn nearest_equals_brute_force(points in prop::collection::vec(coord(), 1..300), q in coord(), k in 1usize..12) {
            let idx = index(&points);
            let q = Point::new(q.0, q.1);
            same(&idx.nearest(q, k, None, |_| true), &brute_nearest(&points, q, k, None));
        }

        #[test]
        fn within_equals_brute_force(points in prop::collection::vec(coord(), 1..300), q in coord(), r_km in 1.0..3000.0f64) {
            let idx = index(&points);
            let q = Point::new(q.0, q.1);
            let r = r_km * 1000.0;
            same(&idx.within(q, r, |_| true), &brute_nearest(&points, q, usize::MAX, Some(r)));
            same(&idx.nearest(q, 5, Some(r), |id| id % 2 == 0),
                 &brute_nearest(&points, q, usize::MAX, Some(r)).into_iter().filter(|h| h.id % 2 == 0).take(5).collect::<Vec<_>>());
        }
    }

    #[test]
    fn f06_huge_k_neither_panics_nor_allocates_for_k() {
        let pts = [(38.6178, 33.5058), (38.9073, 33.4343), (42.4412, 33.7856)];
        let idx = index(&pts);
        let q = Point::new(38.6, 33.5);
        for k in [3, 10_000_000_000, usize::MAX] {
            let hits = idx.nearest(q, k, None, |_| true);
            assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![0, 1, 2]);
        }
        assert_eq!(idx.nearest(q, usize::MAX, None, |id| id != 0).len(), 2);
    }

    #[test]
    fn distance_matches_an_independent_geodesic() {
        // Ain al-Asad (33.7856 N, 42.4412 E) to Baghdad (33.3406 N, 44.4009 E), computed
        // independently with Karney's own Python GeographicLib 2.1
        // (Geodesic.WGS84.Inverse: s12 = 188539.433 m, azi1 = 104.63255°) and with pyproj 3.7.2
        // (PROJ's geod, Geod(ellps="WGS84").inv: the same 188539.433 m).
        let (d, b) = geodesic(Point::new(42.4412, 33.7856), Point::new(44.4009, 33.3406));
        assert!((d - 188_539.433).abs() < 1.0, "{d}");
        assert!((b - 104.63255).abs() < 1e-4, "{b}");
        // The al-Waleed crossing to the al-Tanf garrison: GeographicLib 2.1 gives 28054.495 m.
        let (d, _) = geodesic(Point::new(38.9073, 33.4343), Point::new(38.6178, 33.5058));
        assert!((d - 28_054.495).abs() < 1.0, "{d}");
    }

    #[test]
    fn along_finds_places_in_route_order() {
        // A route due north along the 41 E meridian (a geodesic) from 34 N to 36 N; one place
        // 0.11° east of 35 N (about 10 km), one 0.3° west of 34.5 N, one far away.
        let pts = [(41.11, 35.0), (40.7, 34.5), (45.0, 30.0)];
        let idx = index(&pts);
        let line = LineString::from(vec![(41.0, 34.0), (41.0, 36.0)]);
        let hits = idx.along(&line, 40_000.0, |_| true);
        assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![1, 0]);
        let off = geodesic(Point::new(41.0, 35.0), Point::new(41.11, 35.0)).0;
        assert!(
            (hits[1].distance_m - off).abs() < 5.0,
            "{:?} vs {off}",
            hits[1]
        );
        let along = geodesic(Point::new(41.0, 34.0), Point::new(41.0, 35.0)).0;
        assert!(
            (hits[1].along_m - along).abs() < 50.0,
            "{:?} vs {along}",
            hits[1]
        );
        assert!(idx.along(&line, 5_000.0, |_| true).is_empty());
    }

    #[test]
    fn routes_are_read_one_by_one_and_other_geometries_passed_over() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","geometry":{"type":"LineString","coordinates":[[38.6,33.5],[38.9,33.4]]},
           "properties":{"id":"a-m1","origin_name":"al-Tanf","destination_name":"al-Waleed","evidence":"…"}},
          {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"id":"p"}},
          {"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":null}
        ]}"#;
        let mut routes = Vec::new();
        read_routes("m.geojson", text.as_bytes(), |r| {
            routes.push(r);
            Ok::<_, Error>(())
        })
        .unwrap();
        let read: Vec<(&str, &str, usize)> = routes
            .iter()
            .map(|r| (r.id.as_str(), r.label.as_str(), r.line.0.len()))
            .collect();
        assert_eq!(
            read,
            [("a-m1", "al-Tanf → al-Waleed", 2), ("feature 3", "", 2)]
        );
    }

    #[test]
    fn a_bad_route_file_names_the_file_and_the_feature() {
        let read = |text: &str| {
            read_routes("m.geojson", text.as_bytes(), |_| Ok::<_, Error>(()))
                .unwrap_err()
                .to_string()
        };
        let far = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "geometry":{"type":"LineString","coordinates":[[1,2],[33.4,138.6]]},"properties":{"id":"x"}}]}"#;
        assert_eq!(
            read(far),
            "m.geojson: feature 1 (id \"x\"): coordinate [33.4, 138.6] is out of range"
        );
        assert!(read(r#"{"type":"Feature"}"#).starts_with("m.geojson: file: not a GeoJSON"));
        assert!(read(r#"{"features":[]}"#).starts_with("m.geojson: file: not a GeoJSON"));
        assert!(read("[1]").starts_with("m.geojson: file: not a GeoJSON"));
    }

    #[test]
    fn compass_points() {
        assert_eq!(compass(0.0), "N");
        assert_eq!(compass(11.0), "N");
        assert_eq!(compass(12.0), "NNE");
        assert_eq!(compass(180.0), "S");
        assert_eq!(compass(270.0), "W");
    }
}
