#!/usr/bin/env python3
"""Scores the fields of casualty claims that `score.py` leaves out: the date, the running-total
flag (`cumulative`) and the reporting agencies, against gold annotations.

`score.py` (in ../shared/tools) matches a predicted claim to a gold one by count and kind, the
evidence near the gold clause breaking ties, and scores side, population, qualifier and
claimant. This script matches claims the same way (over the records of the gold's document
whose text is the corpus file's, as score.py finds them) and compares:
- the date (as score.py writes TIMEX3 values: upper case, one time zone): it agrees when it
  equals the gold value, or starts with it (a day within a gold month or year), or falls on
  the gold's day when the gold gives a part of the day; a null agrees only with a null;
- cumulative: precision and recall of `true`;
- reported_by: whether every agency the gold names is among the predicted ones, over the
  claims whose gold names one.

Usage: python3 tools/eval/claim-fields.py --gold ../shared/gold/real-dev --corpus ../shared/corpus/real --pred out.jsonl [--detail]
"""
import argparse
import importlib.util
import json
import os

ap = argparse.ArgumentParser()
ap.add_argument('--gold', required=True)
ap.add_argument('--corpus', required=True)
ap.add_argument('--pred', required=True)
ap.add_argument('--score', default=os.path.join(os.path.dirname(__file__), '../../../shared/tools/score.py'))
ap.add_argument('--detail', action='store_true')
a = ap.parse_args()
spec = importlib.util.spec_from_file_location('score', a.score)
S = importlib.util.module_from_spec(spec)
spec.loader.exec_module(S)
preds = S.load_pred(a.pred)


def date_agrees(gold, pred):
    gold, pred = S.timex_core(gold), S.timex_core(pred)
    if not gold or not pred:
        return (gold or None) == (pred or None)
    return pred.startswith(gold) or ('T' in gold and pred[:10] == gold[:10])


dates = [0, 0]
cumul = [0, 0, 0]  # tp fp fn
reporters = [0, 0]
matched = 0
for fn in sorted(os.listdir(a.gold)):
    if not fn.endswith('.json'):
        continue
    g = json.load(open(os.path.join(a.gold, fn), encoding='utf-8'))
    doc = g['doc']
    found = preds.get(doc) or preds.get(os.path.splitext(doc)[0]) or []
    try:
        with open(os.path.join(a.corpus, doc), encoding='utf-8') as f:
            corpus_text = f.read()
    except OSError:
        corpus_text = None
    # the records of this document, by its text when the corpus has it
    recs = [r for r in found if isinstance(r, dict) and r.get('text') is not None]
    if corpus_text is not None:
        recs = [r for r in recs if r['text'] == corpus_text] or recs
    if not recs:
        continue
    text = recs[0]['text']
    pred_c = [(c, S.entity_names(r)) for r in recs for c in r.get('casualties') or [] if isinstance(c, dict)]
    used = set()
    for gc in g.get('casualties') or []:
        gocc = S.locate(text, gc.get('text') or '')
        best = None
        for pi, (c, _) in enumerate(pred_c):
            if pi in used or c.get('count') != gc.get('count') or str(c.get('kind')) != str(gc.get('kind')):
                continue
            ev = S.span(c.get('evidence'))
            near = ev is not None and any(S.overlaps(ev, o) for o in gocc)
            if best is None or near:
                best = pi
                if near:
                    break
        if best is None:
            continue
        used.add(best)
        matched += 1
        c, names = pred_c[best]
        ev = S.span(c.get('evidence'))
        where = text[ev[0]:ev[1]][:90] if ev else gc.get('text', '')[:90]
        dates[1] += 1
        if date_agrees(gc.get('date'), c.get('date')):
            dates[0] += 1
        elif a.detail:
            print(f"{doc} date: gold={gc.get('date')} pred={c.get('date')} ({c.get('date_from')}) :: {where!r}")
        gcum, pcum = bool(gc.get('cumulative')), bool(c.get('cumulative'))
        if gcum and pcum:
            cumul[0] += 1
        elif pcum:
            cumul[1] += 1
        elif gcum:
            cumul[2] += 1
        if a.detail and gcum != pcum:
            print(f"{doc} cumulative: gold={gcum} pred={pcum} :: {where!r}")
        if gc.get('reported_by'):
            reporters[1] += 1
            pred_r = [S.resolve(x, names) for x in c.get('reported_by') or []]
            if all(any(S.names_match(x, y) for y in pred_r) for x in gc['reported_by']):
                reporters[0] += 1
            elif a.detail:
                print(f"{doc} reported_by: gold={gc['reported_by']} pred={c.get('reported_by')} :: {where!r}")


def ratio(k, n):
    return f"{k / n:.3f}  {k}/{n}" if n else 'n/a'


p = cumul[0] / max(1, cumul[0] + cumul[1])
rc = cumul[0] / max(1, cumul[0] + cumul[2])
print(f"matched claims {matched}")
print(f"date         {ratio(*dates)}")
print(f"cumulative   P {p:.3f} R {rc:.3f}  tp {cumul[0]} fp {cumul[1]} fn {cumul[2]}")
print(f"reported_by  {ratio(*reporters)}")
