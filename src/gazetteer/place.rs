//! The place record and the small types that describe it.

use std::fmt;
use std::str::FromStr;

use geo::Point;
use serde::Serialize;

/// A place's stable id: a slug for curated places (`ain_al_asad_airbase`), `gn_<geonameid>` for
/// GeoNames ones.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PlaceId(pub String);

impl PlaceId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PlaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An index into a [`Gazetteer`](super::Gazetteer)'s places: cheap to copy and compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceIndex(pub u32);

impl PlaceIndex {
    /// The index as a `usize`, for slicing.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// What sort of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Airbase,
    Base,
    Crossing,
    Oilfield,
    Village,
    Town,
    City,
    District,
    Governorate,
    Region,
    Country,
    Poi,
}

impl Kind {
    /// Every kind, in the order of the output contract.
    pub const ALL: [Kind; 12] = [
        Kind::Airbase,
        Kind::Base,
        Kind::Crossing,
        Kind::Oilfield,
        Kind::Village,
        Kind::Town,
        Kind::City,
        Kind::District,
        Kind::Governorate,
        Kind::Region,
        Kind::Country,
        Kind::Poi,
    ];

    /// The kind's name as written in the gazetteer and the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Airbase => "airbase",
            Kind::Base => "base",
            Kind::Crossing => "crossing",
            Kind::Oilfield => "oilfield",
            Kind::Village => "village",
            Kind::Town => "town",
            Kind::City => "city",
            Kind::District => "district",
            Kind::Governorate => "governorate",
            Kind::Region => "region",
            Kind::Country => "country",
            Kind::Poi => "poi",
        }
    }

    /// A military or industrial site: a point someone can drive a truck out of.
    pub fn is_site(self) -> bool {
        matches!(
            self,
            Kind::Airbase | Kind::Base | Kind::Crossing | Kind::Oilfield | Kind::Poi
        )
    }

    /// How exact a point of this kind is, on the output contract's 1–3 scale.
    pub fn geo_precision(self) -> GeoPrecision {
        match self {
            Kind::Airbase | Kind::Base | Kind::Crossing | Kind::Oilfield | Kind::Poi => {
                GeoPrecision::Site
            }
            Kind::Village | Kind::Town | Kind::City | Kind::District => GeoPrecision::Town,
            Kind::Governorate | Kind::Region | Kind::Country => GeoPrecision::Region,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let all: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown kind \"{s}\" (expected one of {})", all.join(", "))
            })
    }
}

/// How exactly a point locates what the text means: 1 an exact site, 2 a town or somewhere near a
/// town, 3 a region or a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GeoPrecision {
    Site = 1,
    Town = 2,
    Region = 3,
}

impl GeoPrecision {
    /// The contract's integer (1, 2 or 3).
    pub fn as_int(self) -> u8 {
        self as u8
    }
}

impl Serialize for GeoPrecision {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.as_int())
    }
}

/// Which file a place comes from: the curated list wins over GeoNames for the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Curated,
    Geonames,
}

impl Tier {
    /// The tier's name as written in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Curated => "curated",
            Tier::Geonames => "geonames",
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Place {
    pub id: PlaceId,
    pub name_en: String,
    pub name_ar: String,
    pub aliases_ar: Vec<String>,
    pub aliases_en: Vec<String>,
    pub kind: Kind,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub admin1: Option<String>,
    /// WGS 84, x = longitude, y = latitude.
    pub point: Point<f64>,
    /// Radius within which the real place lies, in metres.
    pub precision_m: u32,
    pub source: String,
    pub notes: String,
    /// Other entries that knowingly share one of this entry's names.
    pub homonyms: Vec<PlaceId>,
    pub tier: Tier,
    /// Population (GeoNames entries; 0 when unknown).
    pub population: u64,
}

impl Place {
    /// Latitude in degrees.
    pub fn lat(&self) -> f64 {
        self.point.y()
    }

    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        self.point.x()
    }

    /// Every name this place is known by, Arabic first.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name_ar.as_str())
            .chain(self.aliases_ar.iter().map(String::as_str))
            .chain(std::iter::once(self.name_en.as_str()))
            .chain(self.aliases_en.iter().map(String::as_str))
            .filter(|n| !n.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_reject_typos() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>().unwrap(), k);
        }
        let e = "bas".parse::<Kind>().unwrap_err();
        assert!(e.starts_with("unknown kind \"bas\""), "{e}");
    }

    #[test]
    fn precision_follows_kind() {
        assert_eq!(Kind::Crossing.geo_precision().as_int(), 1);
        assert_eq!(Kind::Village.geo_precision().as_int(), 2);
        assert_eq!(Kind::Country.geo_precision().as_int(), 3);
    }
}
