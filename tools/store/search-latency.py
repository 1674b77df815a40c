#!/usr/bin/env python3
"""Search latency over realistic queries on a corpus database (p50/p95/max, in ms).

Each query runs as its own `marsad search` process, so the figures include starting the
process and opening the database: an upper bound of the query time itself.

    python3 tools/store/search-latency.py --marsad target/release/marsad --db bench.db
"""
import argparse
import statistics
import subprocess
import time

QUERIES = [
    ["قصف"], ["غارات جوية"], ['"وزارة الدفاع"'], ["الحوثيين"], ["سوريا"], ["إدلب"],
    ["مقتل جنود"], ['"الأمم المتحدة"'], ["ترامب"], ["إيران"], ['"التحالف العربي"'],
    ["الجيش اليمني"], ["صاروخ باليستي"], ["النفط"], ["كأس العالم"], ["غزة"],
    ["سيارة مفخخة"], ["داعش"], ["الرياض"], ["اللاجئين"], ["الحديدة OR تعز"],
    ["ميليشيات الحوثي -إيران"], ['"مجلس الأمن" روسيا'], ["الاتفاق النووي"],
    ["قصف", "--kind", "killed"], ["هجوم", "--category", "FIGHT"], ["الجيش", "--entity", "Syria"],
    ["الانتخابات", "--from", "2018-05-01", "--to", "2018-05-31"], ["مقتل", "--outlet", "Al Arabiya"],
    ["قتلى", "--entity", "اليمن", "--kind", "killed"],
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--marsad", default="target/release/marsad")
    ap.add_argument("--db", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    times = []
    for _ in range(args.rounds):
        for q in QUERIES:
            t = time.perf_counter()
            out = subprocess.run([args.marsad, "search", *q, "--db", args.db, "--limit", "10"],
                                 capture_output=True)
            times.append((time.perf_counter() - t) * 1000)
            assert out.returncode == 0, out.stderr
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"{len(times)} searches: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
