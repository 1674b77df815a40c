#!/usr/bin/env python3
"""marsad's time layer against dateparser, on the same gold articles, scored by the same scorer.

For each gold set (seeds, real-dev) this script

1. runs `marsad extract` on the gold articles (single-threaded, `-j 1`) and keeps its records;
2. runs dateparser's `search_dates` (languages=["ar"], RELATIVE_BASE = the publication date that
   marsad read from the corpus metadata, so that both tools resolve against the same day) on the
   text of every gold article, turns each hit into a TIMEX3 value at the granularity dateparser
   reports for it (`DateDataParser.get_date_data(...).period`: year, month, week, day, time), and
   writes records in marsad's format (same `id`, `text`, character offsets);
3. scores both files with `score.py` (`times detected+value`) and times both tools in this run.

dateparser reads the article text that marsad's records carry (the input file itself), so
both see exactly the same characters.

Timing, all on one thread:
- dateparser: `search_dates` and the value resolution over the articles, after a warm-up call
  (its language data loads lazily), the best of `--reps` passes;
- marsad in-process: `marsad throughput -j 1 --repeat N` on the same files, the CPU time of the
  whole extraction (cleaning, text layer, publication date, time layer, JSON), per pass; and of
  the time layer alone. This is the like-for-like figure: both tools warm, both timed on the
  articles only;
- whole processes: the wall-clock time of `marsad extract -j 1` (start-up, loading its tables,
  reading the files, writing JSON) against a fresh Python process that imports dateparser and
  runs it over the same texts (interpreter start-up and imports included), medians of `--reps`
  runs. Start-up dominates on a handful of articles.

Run it with `tools/compare-dateparser/run.sh` (it makes a throwaway venv with dateparser). Not
part of CI.
"""

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

SETS = {
    # gold set -> (corpus folder, metadata manifest)
    "seeds": ("corpus/seeds", "corpus/seeds/seeds.jsonl"),
    "real-dev": ("corpus/real", "corpus/real/INDEX.tsv"),
}


def gold_docs(shared, name):
    folder = os.path.join(shared, "gold", name)
    docs = []
    for fn in sorted(os.listdir(folder)):
        if fn.endswith(".json"):
            with open(os.path.join(folder, fn), encoding="utf-8") as f:
                docs.append(json.load(f)["doc"])
    return docs


def run_marsad(marsad, files, manifest, out, reps):
    """The records, and the median wall-clock time of the whole process."""
    cmd = [marsad, "extract", "-q", "-j", "1", "--metadata", manifest, "-o", out, *files]
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        subprocess.run(cmd, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def marsad_in_process(marsad, files, manifest, passes, tmp):
    """CPU seconds per pass of the whole extraction and of the time layer alone, one thread."""
    report = os.path.join(tmp, "throughput.json")
    cmd = [marsad, "throughput", "-j", "1", "--no-baseline", "--repeat", str(passes), "--metadata", manifest,
           "--report", report, *files]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(report, encoding="utf-8") as f:
        r = json.load(f)
    cpu = r["cpu_seconds"]
    return cpu["whole_extraction"] / r["passes"], cpu["times"] / r["passes"]


def timex(value, period):
    """A TIMEX3 value at the granularity dateparser reports."""
    if period == "year":
        return f"{value.year:04d}"
    if period == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if period == "week":
        y, w, _ = value.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if period == "time":
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc)
            return value.strftime("%Y-%m-%dT%H:%MZ")
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.strftime("%Y-%m-%d")


def run_dateparser(records, reps):
    """Predictions, and the best time of `reps` passes."""
    best = None
    for _ in range(reps):
        out, secs, hits = dateparser_pass(records)
        best = secs if best is None else min(best, secs)
    return out, best, hits


def dateparser_pass(records):
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    out = []
    hits = 0
    start = time.perf_counter()
    for rec in records:
        text = rec["text"]
        settings = {}
        if rec.get("published"):
            settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(rec["published"])
        found = search_dates(text, languages=["ar"], settings=settings) or []
        ddp = DateDataParser(languages=["ar"], settings=settings)
        times, cursor = [], 0
        for surface, value in found:
            at = text.find(surface, cursor)
            if at < 0:
                at = text.find(surface)
            if at < 0:
                continue
            cursor = at + len(surface)
            period = ddp.get_date_data(surface).period or "day"
            times.append({"start": at, "end": at + len(surface), "value": timex(value, period)})
        hits += len(times)
        out.append({"id": rec["id"], "source": rec["source"], "text": text, "times": times})
    return out, time.perf_counter() - start, hits


def dateparser_process(records_path, reps):
    """Median wall-clock time of a fresh process running dateparser over the records' texts."""
    cmd = [sys.executable, os.path.abspath(__file__), "--dateparser-only", records_path]
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def score(shared, name, corpus, pred):
    cmd = [sys.executable, os.path.join(shared, "tools", "score.py"), "--gold", os.path.join(shared, "gold", name),
           "--corpus", corpus, "--pred", pred, "--json"]
    metrics = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)["metrics"]
    return metrics["times detected+value"], metrics["times detected"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    ap.add_argument("--marsad", default=os.path.join(root, "target", "release", "marsad"))
    ap.add_argument("--reps", type=int, default=5, help="timed runs of each tool per set (best or median kept)")
    ap.add_argument("--passes", type=int, default=200, help="passes of `marsad throughput` per set")
    ap.add_argument("--dateparser-only", metavar="RECORDS", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.dateparser_only:
        with open(a.dateparser_only, encoding="utf-8") as f:
            dateparser_pass([json.loads(line) for line in f if line.strip()])
        return

    from dateparser.search import search_dates

    search_dates("قال الثلاثاء إن", languages=["ar"])  # warm-up: dateparser loads its language data lazily

    tmp = tempfile.mkdtemp(prefix="marsad-vs-dateparser-")
    rows = []
    for name, (corpus_rel, manifest_rel) in SETS.items():
        corpus = os.path.join(a.shared, corpus_rel)
        manifest = os.path.join(a.shared, manifest_rel)
        files = [os.path.join(corpus, d) for d in gold_docs(a.shared, name)]
        mine = os.path.join(tmp, f"{name}.marsad.jsonl")
        process_s = run_marsad(a.marsad, files, manifest, mine, a.reps)
        whole_s, times_s = marsad_in_process(a.marsad, files, manifest, a.passes, tmp)
        with open(mine, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        theirs = os.path.join(tmp, f"{name}.dateparser.jsonl")
        predictions, dp_s, _ = run_dateparser(records, a.reps)
        dp_process = dateparser_process(mine, a.reps)
        with open(theirs, "w", encoding="utf-8") as f:
            for rec in predictions:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        m_val, m_det = score(a.shared, name, corpus, mine)
        d_val, d_det = score(a.shared, name, corpus, theirs)
        rows.append(dict(name=name, docs=len(files), m_val=m_val, m_det=m_det, d_val=d_val, d_det=d_det,
                         process=process_s, whole=whole_s, times=times_s, dp=dp_s, dp_process=dp_process))

    print(f"records and predictions in {tmp}\n")
    print("accuracy (score.py, times):")
    print(f"  {'gold set':9} {'docs':>4}  {'tool':10} {'detected F1':>11} {'value P':>8} {'value R':>8} "
          f"{'value F1':>9}  {'tp/fp/fn':>10}")
    for r in rows:
        for tool, val, det in (("marsad", r["m_val"], r["m_det"]), ("dateparser", r["d_val"], r["d_det"])):
            counts = f"{val['tp']}/{val['fp']}/{val['fn']}"
            print(f"  {r['name']:9} {r['docs']:4}  {tool:10} {det['f1']:11.3f} {val['p']:8.3f} {val['r']:8.3f} "
                  f"{val['f1']:9.3f}  {counts:>10}")
    print("\nspeed (one thread, seconds per pass over the set; ratio = dateparser time / marsad time):")
    print(f"  {'gold set':9} {'dateparser':>10}  {'marsad whole extraction':>24}  {'marsad time layer':>18}")
    for r in rows:
        cell = lambda secs: f"{secs:.5f} ({r['dp'] / secs:,.0f}x)"
        print(f"  {r['name']:9} {r['dp']:10.4f}  {cell(r['whole']):>24}  {cell(r['times']):>18}")
    print("\nwhole processes, start-up included (wall-clock seconds):")
    print(f"  {'gold set':9} {'dateparser':>10}  {'marsad':>16}")
    for r in rows:
        print(f"  {r['name']:9} {r['dp_process']:10.3f}  {r['process']:7.3f} ({r['dp_process'] / r['process']:,.0f}x)")
    dp = sum(r["dp"] for r in rows)
    whole = sum(r["whole"] for r in rows)
    dp_process = sum(r["dp_process"] for r in rows)
    process = sum(r["process"] for r in rows)
    print(f"\nall sets: in process, dateparser {dp:.3f} s, marsad {whole:.4f} s: marsad {dp / whole:,.0f}x faster; "
          f"as whole processes, {dp_process:.2f} s and {process:.3f} s: {dp_process / process:,.0f}x")


if __name__ == "__main__":
    main()
