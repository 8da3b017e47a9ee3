#!/usr/bin/env python3
"""Check gazetteer/places.geojson: the rules the Rust loader and matcher rely on.

Errors (exit 1):
- layout: a FeatureCollection, one Feature per line, sorted by id, trailing newline;
- ids unique, [a-z0-9_]+, Feature id == properties.id;
- every field present with the right type; kind from the fixed list;
- [lon, lat] in range, at most 6 decimals, and inside a rough box of the stated country
  (catches swapped lon/lat);
- every alias normalises to something; every entry has a source;
- an alias (after the matcher's normalisation) carried by two entries must be covered by
  `homonyms` on both sides, and every listed homonym must exist and really share a name;
- no alias is a bare common word that the curation rules exclude.

Warnings: an alias that equals another entry's alias with an Arabic proclitic in front
(the matcher may read one as the other).

Usage: python3 scripts/curated/check_places.py [gazetteer/places.geojson]
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT = ROOT / "gazetteer" / "places.geojson"

KINDS = {
    "airbase", "base", "crossing", "oilfield", "village", "town", "city", "district",
    "governorate", "region", "country", "poi",
}

# Rough boxes (min_lon, min_lat, max_lon, max_lat), a little generous. Only meant to catch a
# point in the wrong country or with lon/lat swapped; not borders.
BBOX = {
    "IQ": (38.7, 29.0, 48.8, 37.4), "SY": (35.6, 32.3, 42.4, 37.4),
    "JO": (34.9, 29.1, 39.3, 33.4), "KW": (46.5, 28.5, 48.5, 30.1),
    "TR": (25.6, 35.8, 44.9, 42.2), "IR": (44.0, 25.0, 63.4, 39.8),
    "LB": (35.1, 33.0, 36.7, 34.7), "SA": (34.5, 16.3, 55.7, 32.2),
    "IL": (34.2, 29.4, 35.9, 33.4), "US": (-125.0, 24.4, -66.9, 49.4),
    "GB": (-8.7, 49.9, 1.8, 60.9), "FR": (-5.2, 41.3, 9.6, 51.1),
    "DE": (5.8, 47.2, 15.1, 55.1), "ES": (-9.4, 35.9, 3.4, 43.8),
    "IT": (6.6, 36.6, 18.6, 47.1), "HR": (13.4, 42.3, 19.5, 46.6),
    "SI": (13.3, 45.4, 16.7, 46.9), "CZ": (12.0, 48.5, 18.9, 51.1),
    "NL": (3.3, 50.7, 7.3, 53.6), "DK": (8.0, 54.5, 15.2, 57.8),
    "NO": (4.5, 57.9, 31.2, 71.2), "AU": (112.9, -43.7, 153.7, -10.6),
    "CA": (-141.0, 41.6, -52.6, 83.2), "QA": (50.7, 24.4, 51.7, 26.2),
    "RU": (19.6, 41.1, 180.0, 81.9), "BE": (2.5, 49.5, 6.4, 51.5),
    "PL": (14.1, 49.0, 24.2, 54.9), "HU": (16.1, 45.7, 22.9, 48.6),
    "FI": (20.5, 59.8, 31.6, 70.1), "SE": (11.0, 55.3, 24.2, 69.1),
    "NZ": (166.4, -47.3, 178.6, -34.4), "OM": (52.0, 16.6, 59.9, 26.4),
    "PS": (34.2, 31.2, 35.6, 32.6),
}
BBOX_MARGIN = 0.3

# Bare words the curation rules keep out of the alias lists (normalised form): common Arabic
# words, a man's name, nationality adjectives, and English words.
DENIED = {
    "الوليد", "النهضه", "العمر", "الحرير", "حرير", "الاقليم", "الطبقه", "الازرق", "العديد", "بلد",
    "حديثه", "عنه", "السويديه", "العراقيه", "العراقي", "السوري", "السوريه", "الامريكيه", "الامريكي",
    "الاميركيه", "الاميركي", "صفوان", "علي السالم", "ابراهيم الخليل", "الكويتيه", "الاردنيه", "التركيه", "الايرانيه", "الخضراء", "الدوليه",
    "البغدادي", "البرج", "الخليج", "الجزيره", "الخالص", "الضمير", "الجراح",
    "us", "hit",
}

PROCLITICS = ("و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل")

QUOTES = set("\"'“”„‟«»‹›‘’‚‛`´")


def _fold(c: str):
    """Mirror of src/arabic.rs `fold`: returns ('char', x) | ('absorb',) | ('drop',) | ..."""
    o = ord(c)
    if c in "أإآٱٲٳ":
        return ("char", "ا")
    if c in "ىیېئ":
        return ("char", "ي")
    if c == "ؤ":
        return ("char", "و")
    if c in "ةۀەھۃ":
        return ("char", "ه")
    if c in "کڪ":
        return ("char", "ك")
    if o == 0x0640 or 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06ED:
        return ("absorb",)
    if (0x200B <= o <= 0x200F or 0x202A <= o <= 0x202E or 0x2060 <= o <= 0x2069
            or o in (0xFEFF, 0x061C, 0x00AD)) or c in QUOTES:
        return ("drop",)
    if 0x0660 <= o <= 0x0669:
        return ("char", chr(ord("0") + o - 0x0660))
    if 0x06F0 <= o <= 0x06F9:
        return ("char", chr(ord("0") + o - 0x06F0))
    if c in "-‐‑‒–—_" or c.isspace():
        return ("space",)
    if "A" <= c <= "Z":
        return ("char", c.lower())
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFC or (not c.isascii() and c.isupper()):
        return ("compat",)
    return ("char", c)


def normalize(text: str) -> str:
    """The matcher's folding (see src/arabic.rs), trimmed like `normalize_name`."""
    out: list[str] = []
    pending_space = False
    for c in text:
        f = _fold(c)
        if f[0] in ("absorb", "drop"):
            continue
        if f[0] == "space":
            if out:
                pending_space = True
            continue
        if pending_space:
            out.append(" ")
            pending_space = False
        if f[0] == "char":
            out.append(f[1])
        else:
            for d in unicodedata.normalize("NFKC", c):
                g = _fold(d)
                if g[0] == "char":
                    out.append(g[1])
                elif g[0] == "compat":
                    out.append(d.lower())
                elif g[0] == "space":
                    out.append(" ")
    return "".join(out).rstrip()


def decimals(x: float) -> int:
    s = repr(x)
    return len(s.split(".")[1]) if "." in s and "e" not in s else 0


def check(path: Path) -> tuple[list[str], list[str], list[dict]]:
    errors: list[str] = []
    warnings: list[str] = []
    raw = path.read_text(encoding="utf-8")
    if not raw.endswith("\n"):
        errors.append("file does not end with a newline")
    lines = raw.rstrip("\n").split("\n")
    if lines[0] != '{"type":"FeatureCollection","features":[' or lines[-1] != "]}":
        errors.append("layout: expected the FeatureCollection header and footer lines")
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as e:
        return [f"not JSON: {e}"], warnings, []
    feats = doc.get("features", [])
    if len(lines) != len(feats) + 2:
        errors.append(f"layout: {len(feats)} features on {len(lines) - 2} lines (want one a line)")

    ids = [f.get("id") for f in feats]
    if ids != sorted(ids):
        errors.append("features are not sorted by id")
    seen = set()
    for i in ids:
        if i in seen:
            errors.append(f"duplicate id {i!r}")
        seen.add(i)

    by_id = {}
    names: dict[str, set[str]] = defaultdict(set)
    for n, f in enumerate(feats):
        p = f.get("properties", {})
        fid = f.get("id")
        where = f"feature {n} (id {fid!r})"
        by_id[fid] = p
        if f.get("type") != "Feature" or not isinstance(fid, str) or not re.match(r"^[a-z0-9_]+$", fid):
            errors.append(f"{where}: not a Feature with a [a-z0-9_]+ string id")
        if p.get("id") != fid:
            errors.append(f"{where}: properties.id {p.get('id')!r} differs from the Feature id")
        for key, typ in [("name_en", str), ("name_ar", str), ("aliases_ar", list),
                         ("aliases_en", list), ("kind", str), ("country", str),
                         ("precision_m", int), ("source", str), ("notes", str),
                         ("homonyms", list)]:
            if not isinstance(p.get(key), typ):
                errors.append(f"{where}: field `{key}` missing or not a {typ.__name__}")
        if "admin1" not in p or not (p["admin1"] is None or isinstance(p["admin1"], str)):
            errors.append(f"{where}: field `admin1` missing or not a string/null")
        if p.get("kind") not in KINDS:
            errors.append(f"{where}: unknown kind {p.get('kind')!r}")
        if p.get("kind") == "country" and p.get("admin1") is not None:
            errors.append(f"{where}: a country has admin1 null")
        if p.get("kind") not in ("country", "region") and not p.get("admin1"):
            errors.append(f"{where}: admin1 is empty")
        if not str(p.get("source", "")).strip():
            errors.append(f"{where}: no source")
        if not isinstance(p.get("precision_m"), int) or p["precision_m"] <= 0:
            errors.append(f"{where}: precision_m must be a positive integer")

        g = f.get("geometry") or {}
        c = g.get("coordinates")
        if g.get("type") != "Point" or not isinstance(c, list) or len(c) != 2:
            errors.append(f"{where}: geometry is not a Point")
        else:
            lon, lat = c
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                errors.append(f"{where}: [lon, lat] out of range: {c}")
            if decimals(lon) > 6 or decimals(lat) > 6:
                errors.append(f"{where}: more than 6 decimals: {c}")
            box = BBOX.get(p.get("country"))
            if box is None:
                errors.append(f"{where}: no bounding box for country {p.get('country')!r}")
            else:
                x0, y0, x1, y1 = box
                m = BBOX_MARGIN
                if not (x0 - m <= lon <= x1 + m and y0 - m <= lat <= y1 + m):
                    errors.append(f"{where}: {c} is outside {p.get('country')}'s box"
                                  " (swapped lon/lat?)")

        all_names = [p.get("name_ar", ""), p.get("name_en", "")]
        all_names += list(p.get("aliases_ar", [])) + list(p.get("aliases_en", []))
        if not p.get("aliases_ar"):
            errors.append(f"{where}: no Arabic alias")
        for a in all_names:
            if not isinstance(a, str) or not normalize(a):
                errors.append(f"{where}: alias {a!r} normalises to nothing")
                continue
            key = normalize(a)
            if key in DENIED and a in (p.get("aliases_ar", []) + p.get("aliases_en", [])):
                errors.append(f"{where}: alias {a!r} is a bare common word the rules exclude")
            names[key].add(fid)

    for key, owners in sorted(names.items()):
        if len(owners) < 2:
            continue
        for a in sorted(owners):
            for b in sorted(owners):
                if a != b and b not in by_id[a].get("homonyms", []):
                    errors.append(f"{a!r} and {b!r} share the name {key!r} but {a!r} does not "
                                  f"list {b!r} in homonyms")

    for fid, p in by_id.items():
        mine = {normalize(a) for a in [p["name_ar"], p["name_en"]] + p["aliases_ar"] + p["aliases_en"]}
        for h in p.get("homonyms", []):
            if h == fid or h not in by_id:
                errors.append(f"{fid!r}: homonym {h!r} is itself or unknown")
                continue
            q = by_id[h]
            theirs = {normalize(a) for a in [q["name_ar"], q["name_en"]] + q["aliases_ar"] + q["aliases_en"]}
            if not mine & theirs:
                errors.append(f"{fid!r}: lists {h!r} as a homonym but they share no name")

    for key, owners in names.items():
        for pre in PROCLITICS:
            if key.startswith(pre) and key[len(pre):] in names:
                other = names[key[len(pre):]]
                if other != owners:
                    warnings.append(f"{key!r} ({', '.join(sorted(owners))}) reads as {pre} + "
                                    f"{key[len(pre):]!r} ({', '.join(sorted(other))})")
    return errors, warnings, feats


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else DEFAULT
    errors, warnings, feats = check(path)
    for w in warnings:
        print(f"check_places: warning: {w}", file=sys.stderr)
    for e in errors:
        print(f"check_places: error: {e}", file=sys.stderr)
    kinds: dict[str, int] = defaultdict(int)
    for f in feats:
        kinds[f.get("properties", {}).get("kind")] += 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: str(kv[0])))
    print(f"check_places: {len(feats)} places ({summary}); {len(errors)} errors, "
          f"{len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
