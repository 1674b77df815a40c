#!/usr/bin/env python3
"""Check data/kb/countries.tsv and data/kb/places.tsv against data/kb/FORMAT.md.

    python3 tools/kb/check.py        # plain Python 3, no packages needed

Checks: header columns, unique ids (across both files), id kinds, every `country` and `capital`
resolves, type and subtype values, no empty names_ar, names in Arabic letters only (no Persian,
Urdu, Pashto or Kurdish letters), no two names of a record equal after the loader's folding,
head words present in the names of provinces, numbers where numbers go. Prints a summary and
exits 1 on the first kind of error found.
"""

import os
import re
import sys
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KB = os.path.join(ROOT, "data", "kb")

COUNTRY_COLS = ["id", "name_en", "iso2", "names_ar", "nisba", "demonyms", "capital", "regime"]
PLACE_COLS = ["id", "type", "subtype", "name_en", "names_ar", "head", "country", "lat", "lon",
              "population", "source"]
SUBTYPES = {"capital", "city", "town", "village", "province", "district", "region", "territory",
            "river", "sea", "lake", "mountain", "valley", "desert", "island", "peninsula", "plain", "area",
            "camp", "crossing", "neighbourhood", "base"}
ARABIC_NAME = re.compile("^[\u0621-\u063A\u0641-\u064A\u064B-\u0652 ]+$")
HARAKAT = re.compile("[\u064B-\u065F\u0670\u0640]")


def fold(s):
    s = HARAKAT.sub("", unicodedata.normalize("NFC", s))
    s = re.sub("[أإآٱ]", "ا", s)
    return s.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")


def read(path, cols, errors):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        first = f.readline()
        if not first.startswith("#"):
            errors.append(f"{path}: does not open with comment lines")
        f.seek(0)
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#") or not line:
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header != cols:
                    errors.append(f"{path}: header {header} != {cols}")
                continue
            if len(cells) != len(cols):
                errors.append(f"{path}:{n}: {len(cells)} cells")
                continue
            row = dict(zip(cols, cells))
            row["_at"] = f"{os.path.basename(path)}:{n}"
            rows.append(row)
    return rows


def check_names(row, field, errors, required=True):
    value = row[field]
    if not value:
        if required:
            errors.append(f"{row['_at']}: {row['id']}: empty {field}")
        return []
    names = value.split("|")
    seen = {}
    for name in names:
        if not name or name != name.strip() or "  " in name:
            errors.append(f"{row['_at']}: {row['id']}: bad spacing in {field} {name!r}")
        elif not ARABIC_NAME.match(name):
            errors.append(f"{row['_at']}: {row['id']}: not Arabic letters in {field}: {name}")
        k = fold(name)
        if k in seen:
            errors.append(f"{row['_at']}: {row['id']}: {name} and {seen[k]} fold to one key")
        seen[k] = name
    return names


def main():
    errors = []
    countries = read(os.path.join(KB, "countries.tsv"), COUNTRY_COLS, errors)
    places = read(os.path.join(KB, "places.tsv"), PLACE_COLS, errors)

    ids = Counter(r["id"] for r in countries + places)
    for i, n in ids.items():
        if n > 1:
            errors.append(f"id {i} used {n} times")
    for r in countries:
        if not re.match(r"^country:[a-z0-9]+(-[a-z0-9]+)*$", r["id"]):
            errors.append(f"{r['_at']}: bad id {r['id']}")
    for r in places:
        if not re.match(r"^place:[a-z0-9]+(-[a-z0-9]+)*$", r["id"]):
            errors.append(f"{r['_at']}: bad id {r['id']}")
    country_ids = {r["id"] for r in countries}
    place_ids = {r["id"] for r in places}
    iso = Counter(r["iso2"] for r in countries if r["iso2"])
    for code, n in iso.items():
        if n > 1 or not re.match("^[A-Z]{2}$", code):
            errors.append(f"iso2 {code} used {n} times or malformed")

    for r in countries:
        check_names(r, "names_ar", errors)
        check_names(r, "nisba", errors, required=False)
        check_names(r, "demonyms", errors, required=False)
        if r["capital"] and r["capital"] not in place_ids:
            errors.append(f"{r['_at']}: capital {r['capital']} not in places.tsv")
        if r["regime"] not in ("", "النظام"):
            errors.append(f"{r['_at']}: regime {r['regime']!r}")
        if not r["name_en"]:
            errors.append(f"{r['_at']}: no name_en")

    for r in places:
        names = check_names(r, "names_ar", errors)
        if r["type"] not in ("GPE", "LOC"):
            errors.append(f"{r['_at']}: type {r['type']!r}")
        if r["subtype"] not in SUBTYPES:
            errors.append(f"{r['_at']}: subtype {r['subtype']!r}")
        if r["country"] and r["country"] not in country_ids:
            errors.append(f"{r['_at']}: country {r['country']} not in countries.tsv")
        if not r["name_en"]:
            errors.append(f"{r['_at']}: no name_en")
        heads = r["head"].split("|") if r["head"] else []
        for h in heads:
            if not ARABIC_NAME.match(h):
                errors.append(f"{r['_at']}: head {h!r}")
        if heads and not any(n.split(" ")[0] in heads for n in names):
            errors.append(f"{r['_at']}: {r['id']}: no name starts with its head word")
        for col in ("lat", "lon"):
            if r[col] and not re.match(r"^-?\d+(\.\d+)?$", r[col]):
                errors.append(f"{r['_at']}: {col} {r[col]!r}")
        if r["population"] and not r["population"].isdigit():
            errors.append(f"{r['_at']}: population {r['population']!r}")
        if not (r["source"] == "hand" or re.match(r"^geonames:\d+$", r["source"])):
            errors.append(f"{r['_at']}: source {r['source']!r}")

    by = Counter((r["type"], r["subtype"]) for r in places)
    print(f"countries.tsv: {len(countries)} rows; places.tsv: {len(places)} rows")
    for (t, s), n in sorted(by.items()):
        print(f"  {t:4} {s:14} {n}")
    if errors:
        for e in errors[:200]:
            print("error:", e, file=sys.stderr)
        print(f"{len(errors)} errors", file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
