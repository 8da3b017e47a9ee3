//! The map projection: Lambert conformal conic on the WGS 84 ellipsoid, two standard parallels.
//!
//! This is EPSG method 9802 ("Lambert Conic Conformal (2SP)", IOGP Guidance Note 7-2 §3.1.1.1),
//! the same projection as PROJ's `+proj=lcc +lat_1=… +lat_2=… +lat_0=… +lon_0=… +ellps=WGS84`,
//! so a map drawn here lines up with QGIS given that string ([`Lcc::proj_string`]). Conformal
//! keeps the shapes of bases and towns true; the cone fitted to the map's latitude span keeps
//! the scale error under half a percent across Iraq and Syria.

use crate::report::round6;
use std::f64::consts::{FRAC_PI_2, FRAC_PI_4};

/// WGS 84 semi-major axis, metres.
const A: f64 = 6_378_137.0;
/// WGS 84 flattening.
const F: f64 = 1.0 / 298.257_223_563;

/// A Lambert conformal conic projection; coordinates in metres, x east, y north, origin at
/// (`lon0`, `lat0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lcc {
    lat1: f64,
    lat2: f64,
    lat0: f64,
    lon0: f64,
    e: f64,
    n: f64,
    a_f: f64,
    rho0: f64,
}

impl Lcc {
    /// A projection with standard parallels `lat1`, `lat2`, latitude of origin `lat0` and central
    /// meridian `lon0`, all in degrees.
    pub fn new(lat1: f64, lat2: f64, lat0: f64, lon0: f64) -> Lcc {
        let e = (F * (2.0 - F)).sqrt();
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let (m1, m2) = (m(e, p1), m(e, p2));
        let (t1, t2) = (t(e, p1), t(e, p2));
        // Equal parallels (a tangent cone) make the ratio 0/0: its limit is sin(lat1).
        let n = if (p1 - p2).abs() < 1e-9 {
            p1.sin()
        } else {
            (m1.ln() - m2.ln()) / (t1.ln() - t2.ln())
        };
        // Parallels symmetric about the equator flatten the cone into a cylinder (n = 0); keep
        // a slight cone so forward and inverse stay finite (maps of this region never get here).
        let n = if n.abs() < 1e-3 {
            1e-3_f64.copysign(n)
        } else {
            n
        };
        let a_f = A * m1 / (n * t1.powf(n));
        let rho0 = a_f * t(e, lat0.to_radians()).powf(n);
        Lcc {
            lat1,
            lat2,
            lat0,
            lon0,
            e,
            n,
            a_f,
            rho0,
        }
    }

    /// The projection fitted to a latitude span: standard parallels at 1/6 and 5/6 of it
    /// (Kavraisky's rule, which spreads the scale error evenly), origin at its middle, central
    /// meridian `lon0`.
    ///
    /// # Examples
    /// ```
    /// use convoy::render::Lcc;
    /// let p = Lcc::fitted(29.0, 38.0, 42.0); // Iraq and Syria
    /// assert_eq!(p.parallels(), (30.5, 36.5));
    /// let (x, y) = p.forward(42.0, 33.5);
    /// assert!(x.abs() < 1e-6 && y.abs() < 1e-6);
    /// ```
    pub fn fitted(min_lat: f64, max_lat: f64, lon0: f64) -> Lcc {
        let span = max_lat - min_lat;
        let lat1 = min_lat + span / 6.0;
        let lat2 = max_lat - span / 6.0;
        Lcc::new(lat1, lat2, (min_lat + max_lat) / 2.0, lon0)
    }

    /// The standard parallels, degrees.
    pub fn parallels(&self) -> (f64, f64) {
        (self.lat1, self.lat2)
    }

    /// The central meridian, degrees.
    pub fn central_meridian(&self) -> f64 {
        self.lon0
    }

    /// The PROJ definition of this projection, for GIS users who want to reproject onto the map.
    pub fn proj_string(&self) -> String {
        format!(
            "+proj=lcc +lat_1={} +lat_2={} +lat_0={} +lon_0={} +ellps=WGS84 +units=m +no_defs",
            round6(self.lat1),
            round6(self.lat2),
            round6(self.lat0),
            round6(self.lon0)
        )
    }

    /// Projects a longitude/latitude in degrees to metres. Longitudes are taken relative to the
    /// central meridian and wrapped to ±180°, so the cut of the cone is the antimeridian of
    /// `lon0`; latitudes are clamped just short of the far pole, where the cone goes to infinity.
    pub fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        let limit = 89.999_999 * self.n.signum();
        let lat = if self.n > 0.0 {
            lat.max(-limit)
        } else {
            lat.min(-limit)
        };
        let rho = self.a_f * t(self.e, lat.to_radians()).powf(self.n);
        let theta = self.n * wrap180(lon - self.lon0).to_radians();
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }

    /// Inverse of [`forward`](Lcc::forward): metres back to longitude/latitude in degrees.
    pub fn inverse(&self, x: f64, y: f64) -> (f64, f64) {
        let s = self.n.signum();
        let dy = self.rho0 - y;
        let rho = s * (x * x + dy * dy).sqrt();
        let theta = (s * x).atan2(s * dy);
        let lon = wrap180(theta.to_degrees() / self.n + self.lon0);
        if rho == 0.0 {
            return (lon, 90.0 * s);
        }
        let t = (rho / self.a_f).powf(1.0 / self.n);
        // IOGP 7-2: φ = π/2 − 2 atan(t' ((1 − e sin φ)/(1 + e sin φ))^(e/2)), iterated from
        // the sphere's answer; it gains about three digits a step.
        let mut phi = FRAC_PI_2 - 2.0 * t.atan();
        for _ in 0..20 {
            let es = self.e * phi.sin();
            let next = FRAC_PI_2 - 2.0 * (t * ((1.0 - es) / (1.0 + es)).powf(self.e / 2.0)).atan();
            let done = (next - phi).abs() < 1e-15;
            phi = next;
            if done {
                break;
            }
        }
        (lon, phi.to_degrees())
    }

    /// The point scale factor at a latitude (1 on the standard parallels, below 1 between them):
    /// a metre on the map stands for 1/k metres on the ground.
    pub fn scale_factor(&self, lat: f64) -> f64 {
        let phi = lat.to_radians();
        let rho = self.a_f * t(self.e, phi).powf(self.n);
        rho * self.n / (A * m(self.e, phi))
    }

    /// The angle (degrees, clockwise positive) by which grid north at `lon` is turned from true
    /// north: the meridian convergence, n·(lon − lon0).
    pub fn convergence(&self, lon: f64) -> f64 {
        self.n * wrap180(lon - self.lon0)
    }
}

fn m(e: f64, phi: f64) -> f64 {
    let s = phi.sin();
    phi.cos() / (1.0 - e * e * s * s).sqrt()
}

fn t(e: f64, phi: f64) -> f64 {
    let s = e * phi.sin();
    (FRAC_PI_4 - phi / 2.0).tan() / ((1.0 - s) / (1.0 + s)).powf(e / 2.0)
}

/// Wraps an angle in degrees to (-180, 180].
fn wrap180(d: f64) -> f64 {
    let w = (d + 180.0).rem_euclid(360.0) - 180.0;
    if w == -180.0 {
        180.0
    } else {
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn standard_parallels_have_true_scale() {
        let p = Lcc::fitted(29.0, 38.0, 42.0);
        assert!((p.scale_factor(30.5) - 1.0).abs() < 1e-12);
        assert!((p.scale_factor(36.5) - 1.0).abs() < 1e-12);
        let mid = p.scale_factor(33.5);
        assert!(mid < 1.0 && mid > 0.997, "{mid}");
    }

    #[test]
    fn agrees_with_proj() {
        // pyproj 3.7.2 / PROJ 9.5.1, `Transformer.from_crs("EPSG:4326", "+proj=lcc +lat_1=30.5
        // +lat_2=36.5 +lat_0=33.5 +lon_0=42 +ellps=WGS84", always_xy=True)`.
        let p = Lcc::new(30.5, 36.5, 33.5, 42.0);
        for (lon, lat, x, y) in [
            (44.4, 33.3, 223_202.346_095, -19_570.635_491),
            (15.97798, 45.81444, -2_047_928.693_251, 1_634_519.849_322),
            (38.6178, 33.5058, -313_777.365_119, 5_756.866_215),
        ] {
            let (px, py) = p.forward(lon, lat);
            assert!(
                (px - x).abs() < 1e-3 && (py - y).abs() < 1e-3,
                "{lon},{lat}: {px},{py}"
            );
        }
        assert_eq!(
            p.proj_string(),
            "+proj=lcc +lat_1=30.5 +lat_2=36.5 +lat_0=33.5 +lon_0=42 +ellps=WGS84 +units=m +no_defs"
        );
    }

    #[test]
    fn convergence_turns_north_east_of_the_central_meridian() {
        let p = Lcc::fitted(29.0, 38.0, 42.0);
        let (x0, y0) = p.forward(46.0, 33.0);
        let (x1, y1) = p.forward(46.0, 33.1);
        let grid = (x1 - x0).atan2(y1 - y0).to_degrees();
        assert!((grid + p.convergence(46.0)).abs() < 0.01, "{grid}");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, rng_seed: proptest::test_runner::RngSeed::Fixed(7), ..ProptestConfig::default() })]

        #[test]
        fn round_trips(
            lat_a in 0.0f64..80.0,
            span in 0.5f64..30.0,
            lon0 in -180.0f64..180.0,
            dlon in -179.0f64..179.0,
            lat in -70.0f64..85.0,
        ) {
            let p = Lcc::fitted(lat_a, (lat_a + span).min(85.0), lon0);
            let lon = wrap180(lon0 + dlon);
            let (x, y) = p.forward(lon, lat);
            let (lon2, lat2) = p.inverse(x, y);
            prop_assert!(wrap180(lon2 - lon).abs() < 1e-9, "lon {lon} -> {lon2}");
            prop_assert!((lat2 - lat).abs() < 1e-9, "lat {lat} -> {lat2}");
        }
    }
}
