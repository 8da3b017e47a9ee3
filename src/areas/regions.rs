//! The gazetteer's governorates and regions as areas: each the union of Natural Earth admin-1
//! units (`gazetteer/basemap/admin1_areas.geojson`) or basemap countries, cut where a region
//! has no boundary of its own. [`DEFINITIONS`] is the definition; `gazetteer/README.md` gives
//! each one's reasons.

use std::collections::HashMap;

use geo::{Area as _, MultiPolygon, Point, Polygon};
use serde::Deserialize;

use super::cuts::Cut;
use super::{country, features, Area, Basis};

const ADMIN1: &str = include_str!("../../gazetteer/basemap/admin1_areas.geojson");

/// A unit an area is made of.
#[derive(Debug, Clone, Copy)]
enum Unit {
    /// A Natural Earth admin-1 unit (a governorate) by its ISO 3166-2 code.
    Admin1(&'static str),
    /// A country of the basemap by its ISO 3166-1 alpha-2 code.
    Country(&'static str),
}

/// How the gazetteer place `id` is outlined: the union of `units`, then each of `cuts`.
#[derive(Debug)]
struct Definition {
    id: &'static str,
    basis: Basis,
    units: &'static [Unit],
    cuts: &'static [Cut],
}

use Basis::{Approximate, Boundary};
use Unit::{Admin1, Country};

/// A governorate: its own admin-1 unit.
const fn governorate(id: &'static str, unit: &'static [Unit]) -> Definition {
    Definition {
        id,
        basis: Boundary,
        units: unit,
        cuts: &[],
    }
}

/// A region approximated by whole units, uncut.
const fn approximately(id: &'static str, units: &'static [Unit]) -> Definition {
    Definition {
        id,
        basis: Approximate,
        units,
        cuts: &[],
    }
}

/// Every governorate and region of the curated gazetteer, by id (sorted).
const DEFINITIONS: &[Definition] = &[
    Definition {
        id: "al_tanf_deconfliction_zone",
        basis: Approximate,
        units: &[Country("SY")],
        // The zone is declared as 55 km around the garrison (gazetteer `al_tanf_garrison`).
        cuts: &[Cut::Within {
            centre: [38.6178, 33.5058],
            radius_m: 55_000.0,
        }],
    },
    governorate("aleppo_governorate", &[Admin1("SY-HL")]),
    governorate("anbar_governorate", &[Admin1("IQ-AN")]),
    governorate("basra_governorate", &[Admin1("IQ-BA")]),
    governorate("deir_ez_zor_governorate", &[Admin1("SY-DY")]),
    governorate("dhi_qar_governorate", &[Admin1("IQ-DQ")]),
    governorate("duhok_governorate", &[Admin1("IQ-DA")]),
    // The three eastern governorates (al-mintaqa al-sharqiya).
    approximately(
        "eastern_syria",
        &[Admin1("SY-DY"), Admin1("SY-RA"), Admin1("SY-HA")],
    ),
    governorate("erbil_governorate", &[Admin1("IQ-AR")]),
    // The six states of the Gulf Cooperation Council.
    Definition {
        id: "gulf_states",
        basis: Boundary,
        units: &[
            Country("AE"),
            Country("BH"),
            Country("KW"),
            Country("OM"),
            Country("QA"),
            Country("SA"),
        ],
        cuts: &[],
    },
    governorate("hasakah_governorate", &[Admin1("SY-HA")]),
    governorate("homs_governorate", &[Admin1("SY-HI")]),
    governorate("kirkuk_governorate", &[Admin1("IQ-TS")]),
    // Dihok, Erbil and Sulaymaniyah (Halabja, split from Sulaymaniyah in 2014, is inside it in
    // Natural Earth).
    Definition {
        id: "kurdistan_region_iraq",
        basis: Boundary,
        units: &[Admin1("IQ-DA"), Admin1("IQ-AR"), Admin1("IQ-SU")],
        cuts: &[],
    },
    governorate("nineveh_governorate", &[Admin1("IQ-NI")]),
    // Mafraq governorate: the north and the eastern panhandle to the Syrian and Iraqi borders.
    approximately("northeast_jordan", &[Admin1("JO-MA")]),
    // East of the Euphrates: al-Hasakah, and Raqqa and Deir ez-Zor north-east of the river.
    Definition {
        id: "northeast_syria",
        basis: Approximate,
        units: &[Admin1("SY-HA"), Admin1("SY-RA"), Admin1("SY-DY")],
        cuts: &[Cut::EastOfEuphrates],
    },
    // Nineveh, Kirkuk and the three governorates of the Kurdistan Region.
    approximately(
        "northern_iraq",
        &[
            Admin1("IQ-NI"),
            Admin1("IQ-DA"),
            Admin1("IQ-AR"),
            Admin1("IQ-TS"),
            Admin1("IQ-SU"),
        ],
    ),
    // The governorates along the Turkish border from Afrin to al-Malikiyah.
    approximately(
        "northern_syria",
        &[Admin1("SY-HL"), Admin1("SY-RA"), Admin1("SY-HA")],
    ),
    // Idlib with the neighbouring countryside of Aleppo, Hama and Latakia: west of 37.25°E,
    // east of 36°E (Latakia's coast is not in it) and north of 35.3°N (Hama city is not).
    Definition {
        id: "northwest_syria",
        basis: Approximate,
        units: &[
            Admin1("SY-ID"),
            Admin1("SY-HL"),
            Admin1("SY-HM"),
            Admin1("SY-LA"),
        ],
        cuts: &[Cut::Box([36.0, 35.3, 37.25, 37.5])],
    },
    governorate("raqqa_governorate", &[Admin1("SY-RA")]),
    governorate("salah_al_din_governorate", &[Admin1("IQ-SD")]),
    // The nine governorates south of Baghdad.
    approximately(
        "southern_iraq",
        &[
            Admin1("IQ-BB"),
            Admin1("IQ-KA"),
            Admin1("IQ-NA"),
            Admin1("IQ-QA"),
            Admin1("IQ-WA"),
            Admin1("IQ-MA"),
            Admin1("IQ-DQ"),
            Admin1("IQ-MU"),
            Admin1("IQ-BA"),
        ],
    ),
    governorate("sulaymaniyah_governorate", &[Admin1("IQ-SU")]),
    // Syria east of 37.2°E, south of 35.9°N and south-west of the Euphrates.
    Definition {
        id: "syrian_badia",
        basis: Approximate,
        units: &[Country("SY")],
        cuts: &[Cut::Box([37.2, 32.0, 43.0, 35.9]), Cut::WestOfEuphrates],
    },
    // The Kurdish-majority north from Kobani to al-Malikiyah: Aleppo, Raqqa and Hasakah east
    // of 38°E and north of 36.3°N (Afrin and Manbij are not in it).
    Definition {
        id: "syrian_kurdistan",
        basis: Approximate,
        units: &[Admin1("SY-HL"), Admin1("SY-RA"), Admin1("SY-HA")],
        cuts: &[Cut::Box([38.0, 36.3, 43.0, 37.5])],
    },
    // Anbar west of 42.6°E: the districts of al-Qaim, Rawa, Ana, Haditha and Rutba, not Hit,
    // Ramadi or Fallujah.
    Definition {
        id: "western_anbar",
        basis: Approximate,
        units: &[Admin1("IQ-AN")],
        cuts: &[Cut::Box([38.0, 30.0, 42.6, 36.0])],
    },
    approximately("western_iraq", &[Admin1("IQ-AN")]),
    // Latakia, Tartus, Hama and Homs west of 37.2°E (the desert east of it is the Badia).
    Definition {
        id: "western_syria",
        basis: Approximate,
        units: &[
            Admin1("SY-LA"),
            Admin1("SY-TA"),
            Admin1("SY-HM"),
            Admin1("SY-HI"),
        ],
        cuts: &[Cut::Box([35.0, 33.0, 37.2, 37.0])],
    },
];

#[derive(Deserialize)]
struct Admin1Properties {
    iso_3166_2: String,
}

/// Every definition's area, by gazetteer id.
pub(super) fn build() -> HashMap<&'static str, Area> {
    let admin1: HashMap<String, MultiPolygon<f64>> = features::<Admin1Properties>(ADMIN1)
        .map(|(p, outline)| (p.iso_3166_2, outline))
        .collect();
    DEFINITIONS
        .iter()
        .map(|d| (d.id, d.area(&admin1)))
        .collect()
}

impl Definition {
    /// The area: the units joined, cut, standing at the outline's pole of inaccessibility.
    fn area(&self, admin1: &HashMap<String, MultiPolygon<f64>>) -> Area {
        let units: Vec<&MultiPolygon<f64>> = self
            .units
            .iter()
            .map(|u| match u {
                Admin1(code) => &admin1[*code],
                Country(code) => &country(code).expect("a basemap country").outline,
            })
            .collect();
        let outline = self
            .cuts
            .iter()
            .fold(geo::unary_union(units), |o, cut| cut.apply(&o));
        let interior = interior_point(&outline);
        Area::new(outline, interior, self.basis)
    }
}

/// The pole of inaccessibility of the largest polygon of `outline` (polylabel, to 0.005°, with
/// longitude scaled by the cosine of the latitude, as the basemap's label points are found),
/// to 6 decimals.
fn interior_point(outline: &MultiPolygon<f64>) -> Point<f64> {
    let largest = outline
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
        .expect("an area has a polygon");
    let k =
        largest.exterior().0.iter().map(|c| c.y).sum::<f64>() / largest.exterior().0.len() as f64;
    let k = k.to_radians().cos();
    let mut scaled: Polygon<f64> = largest.clone();
    geo::MapCoordsInPlace::map_coords_in_place(&mut scaled, |c| geo::coord! { x: c.x * k, y: c.y });
    let p = polylabel::polylabel(&scaled, &0.005).expect("a valid polygon has a label point");
    // To the output's 6 decimals (0.1 m), so a feature standing there has it exactly.
    let round = |v: f64| (v * 1e6).round() / 1e6;
    Point::new(round(p.x() / k), round(p.y()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::region;
    use crate::gazetteer::{Gazetteer, Kind, Place, Tier};

    fn embedded() -> Gazetteer {
        Gazetteer::embedded().unwrap()
    }

    fn place<'g>(g: &'g Gazetteer, id: &str) -> &'g Place {
        g.place(
            g.by_id(id)
                .unwrap_or_else(|| panic!("{id} not in the gazetteer")),
        )
    }

    /// Tadmur (Palmyra), GeoNames 163808: in the Badia, 150 km from al-Tanf.
    const PALMYRA: Point = Point(geo::Coord {
        x: 38.28402,
        y: 34.5624,
    });

    #[test]
    fn every_governorate_and_region_of_the_gazetteer_is_defined_once() {
        let g = embedded();
        let ids: Vec<&str> = DEFINITIONS.iter().map(|d| d.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted, "sorted, no twice");
        for p in g.places() {
            if matches!(p.kind, Kind::Governorate | Kind::Region) && p.tier == Tier::Curated {
                assert!(ids.contains(&p.id.as_str()), "{} has no definition", p.id);
            }
        }
        for id in ids {
            let p = place(&g, id);
            assert!(matches!(p.kind, Kind::Governorate | Kind::Region), "{id}");
        }
    }

    #[test]
    fn every_area_holds_its_interior_point_and_lies_in_its_countries() {
        let g = embedded();
        for d in DEFINITIONS {
            let area = region(d.id).unwrap();
            assert!(area.contains(area.interior), "{}", d.id);
            assert!(!area.outline.0.is_empty(), "{}", d.id);
            // A region of one country lies inside that country's basemap outline, give or
            // take the ~700 m between Natural Earth's admin-1 and admin-0 lines.
            if d.id != "gulf_states" {
                let c = country(&place(&g, d.id).country).unwrap();
                assert!(c.contains(area.interior), "{}", d.id);
                for v in area.outline.iter().flat_map(|p| p.exterior().0.iter()) {
                    let v = Point::from(*v);
                    assert!(
                        c.contains(v) || c.to_border_m(v) < 1_500.0,
                        "{}: {v:?}",
                        d.id
                    );
                }
            }
        }
    }

    /// Whether the region `id` holds the gazetteer place `place`.
    fn holds(g: &Gazetteer, id: &str, at: &str) -> bool {
        region(id).unwrap().contains(place(g, at).point)
    }

    #[test]
    fn regions_hold_the_places_they_are_named_for() {
        let g = embedded();
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "kurdistan_region_iraq",
                &["erbil_city", "harir_airbase"],
                &["mosul_city", "kirkuk_city", "baghdad_city"],
            ),
            (
                "northeast_syria",
                &[
                    "al_hasakah_city",
                    "qamishli_city",
                    "raqqa_city",
                    "al_omar_oilfield",
                ],
                &["deir_ez_zor_city", "al_tanf_garrison", "erbil_city"],
            ),
            ("al_tanf_deconfliction_zone", &["al_tanf_garrison"], &[]),
            (
                "syrian_badia",
                &["al_tanf_garrison", "deir_ez_zor_city"],
                &["raqqa_city"],
            ),
            (
                "western_anbar",
                &["al_qaim_base", "ain_al_asad_airbase"],
                &["ramadi_city"],
            ),
            ("gulf_states", &["camp_arifjan"], &["basra_city"]),
        ];
        assert!(region("syrian_badia").unwrap().contains(PALMYRA));
        assert!(!region("northeast_syria").unwrap().contains(PALMYRA));
        assert!(!region("al_tanf_deconfliction_zone")
            .unwrap()
            .contains(PALMYRA));
        for (id, inside, outside) in cases {
            for p in *inside {
                assert!(holds(&g, id, p), "{id} holds {p}");
            }
            for p in *outside {
                assert!(!holds(&g, id, p), "{id} does not hold {p}");
            }
        }
    }

    #[test]
    fn the_tanf_zone_is_the_garrisons_55_km_in_syria() {
        let g = embedded();
        let garrison = place(&g, "al_tanf_garrison").point;
        let zone = region("al_tanf_deconfliction_zone").unwrap();
        let d = DEFINITIONS
            .iter()
            .find(|d| d.id == "al_tanf_deconfliction_zone")
            .unwrap();
        let Cut::Within { centre, .. } = d.cuts[0] else {
            panic!("a circle");
        };
        assert_eq!(Point::new(centre[0], centre[1]), garrison);
        let syria = country("SY").unwrap();
        for v in zone.outline.iter().flat_map(|p| p.exterior().0.iter()) {
            let v = Point::from(*v);
            let from = geo::Distance::distance(&geo::Haversine, garrison, v);
            assert!(from < 55_100.0, "{v:?} {from}");
            assert!(syria.contains(v) || syria.to_border_m(v) < 10.0, "{v:?}");
        }
    }
}
