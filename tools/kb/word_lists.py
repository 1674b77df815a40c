#!/usr/bin/env python3
"""Writes the knowledge base's word lists derived from word counts of a news corpus:

- data/kb/frequent-words.txt: word forms that occur at least MIN_FREQUENT times. None of them is
  taken for a one-letter typo or a transliteration variant of a name: الأخوات is not a
  misspelling of الإخوان, النضال not a variant of الأناضول.
- data/kb/ordinary-words.txt: frequent word forms (and one-word names of the knowledge base,
  however rare) that behave like ordinary words, not names.
  A one-word name spelled like one (سلام, الأمل, القاعدة, فتح) needs support from its context,
  and a run of unknown words after a title stops at one (نشعر, اجتمع, تهدئة). A word is ordinary
  when its forms that only ordinary words take are frequent next to it:
  - the article: سلام / السلام, قتلى / القتلى; and without it: الأمل / أمل (دمشق never
    becomes الدمشق, الموصل has no موصل);
  - possessive suffixes: قوات / قواتها;
  - a verb's other persons: نشعر / يشعر / تشعر, اجتمع / اجتمعت / اجتمعوا.

Words are normalised like marsad's name keys (hamza seats on alef folded, ى → ي, ة → ه,
ؤ → و, ئ → ي, harakat and tatweel removed; a leading و or ف taken off words of five letters or
more). The corpus is by default the shared bench corpus
(../shared/corpus/bench/ant-multisource-2018.jsonl.gz: 30,045 articles of 2018, five outlets).
The lists hold words only: no counts, no text.

Usage: python3 tools/kb/word_lists.py [--corpus FILE] [--out data/kb]
"""

import argparse
import collections
import gzip
import json
import os
import re

MIN_FREQUENT = 5
MIN_EVIDENCE = 10
SHARE = 0.3

HARAKAT = re.compile("[\u064B-\u065F\u0670\u0640\u0610-\u061A\u06D6-\u06ED]")
WORD = re.compile("[\u0621-\u064A\u0671-\u06D3]+")
POSSESSIVE = ["ه", "ها", "هم", "هما", "هن", "كم", "نا"]
VERB_SUFFIXES = ["ت", "وا", "ا", "ون", "ن", "تم", "نا"]
VERB_PREFIXES = "يتنا"


def normalise(word):
    word = HARAKAT.sub("", word)
    for a in "أإآٱ":
        word = word.replace(a, "ا")
    return word.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")


def frequencies(path):
    """Word counts over the articles of a JSON Lines corpus, and how many articles had text."""
    freq = collections.Counter()
    articles = 0
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            try:
                text = json.loads(line).get("text") or ""
            except json.JSONDecodeError:
                continue
            articles += bool(text)
            for w in WORD.findall(text):
                w = normalise(w)
                if len(w) > 4 and w[0] in "وف":
                    w = w[1:]
                freq[w] += 1
    return freq, articles


def evidence(w, freq):
    """Occurrences of forms that ordinary words take and names do not."""
    e = 0
    if w.startswith("ال") and len(w) > 4:
        e += freq[w[2:]]
    elif not w.startswith("ال"):
        e += freq["ال" + w]
    stem = w[2:] if w.startswith("ال") else w
    e += sum(freq[stem + s] for s in POSSESSIVE)
    if stem.endswith("ه"):
        e += sum(freq[stem[:-1] + "ت" + s] for s in POSSESSIVE)
    # a possessive form of a frequent word (قواتها)
    for s in POSSESSIVE:
        if w.endswith(s) and len(w) - len(s) >= 3:
            e += freq[w[: -len(s)]]
    if not w.startswith("ال"):
        e += sum(freq[w + s] for s in VERB_SUFFIXES)
        # a verb's other persons: at least two of them (تشاد has أشاد, but no يشاد or نشاد)
        if len(w) >= 4 and w[0] in VERB_PREFIXES:
            others = [freq[p + w[1:]] for p in VERB_PREFIXES if p != w[0]]
            if sum(1 for n in others if n >= 3) >= 2:
                e += sum(others)
    return e


def kb_words(folder):
    """One-word names of places and organisations, and family names of people, normalised."""
    words = set()
    for file, last_word in (("places.tsv", False), ("orgs.tsv", False), ("people.tsv", True)):
        header = None
        with open(os.path.join(folder, file), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if header is None:
                    header = cols
                    continue
                row = dict(zip(header, cols))
                for name in (row.get("names_ar") or "").split("|"):
                    parts = name.split()
                    if len(parts) == 1 or (last_word and parts):
                        words.add(normalise(parts[-1]))
    return words


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.join(here, "..", "..")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus", "bench", "ant-multisource-2018.jsonl.gz"))
    ap.add_argument("--out", default=os.path.join(root, "data", "kb"))
    ap.add_argument("--kb", default=os.path.join(root, "data", "kb"))
    a = ap.parse_args()
    freq, articles = frequencies(a.corpus)
    frequent = sorted(w for w, n in freq.items() if n >= MIN_FREQUENT and len(w) >= 2)
    # the one-word names of the knowledge base are judged too, however rare (إجبارة, a village
    # in the gazetteer, is also "forcing him")
    candidates = set(frequent) | kb_words(a.kb)
    ordinary = sorted(w for w in candidates if (ev := evidence(w, freq)) >= MIN_EVIDENCE and ev >= SHARE * freq[w])
    header = (
        "# Generated by tools/kb/word_lists.py from word counts of a 2018 Arabic news corpus (%s\n"
        "# articles); normalised like marsad's name keys; words only, no counts, no text.\n" % format(articles, ",")
    )
    with open(os.path.join(a.out, "frequent-words.txt"), "w", encoding="utf-8") as f:
        f.write("# Word forms that occur at least %d times in Arabic news: never a typo or a variant of a name.\n" % MIN_FREQUENT)
        f.write(header)
        f.writelines(w + "\n" for w in frequent)
    with open(os.path.join(a.out, "ordinary-words.txt"), "w", encoding="utf-8") as f:
        f.write("# Frequent word forms that news use as ordinary words (they take the article, possessive suffixes\n# or a verb's other persons): a one-word name spelled like one needs context; names do not run across one.\n")
        f.write(header)
        f.writelines(w + "\n" for w in ordinary)
    print(f"{len(frequent)} frequent, {len(ordinary)} ordinary")


if __name__ == "__main__":
    main()
