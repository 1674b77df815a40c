#!/usr/bin/env python3
"""Scores the roles of events (actors, targets, locations, date) against gold annotations.

`score.py` (in ../shared/tools) scores an event by its category and evidence alone. This script
takes the events it matches (same category, evidence overlapping the gold clause, the first
unused prediction) and compares their roles:
- a predicted entity stands for the gold entities whose surfaces its mentions overlap (so that
  the knowledge base's English names and the annotator's need not be spelt alike), else for
  its own English name (a party given by name, a country named by an adjective or `both`, is
  that name); roles are then counted as sets of names (precision, recall, F1);
- a date agrees when it equals the gold value or starts with it (a day within a gold month),
  or falls on the gold's day when the gold gives a part of the day (`2018-07-19TEV`),
  or when the gold has none and the event carries the publication date (date_anchor
  `published`: the contract asks for it when the text gives none).

Usage: python3 tools/eval/event-roles.py --gold ../shared/gold/real-dev --pred out.jsonl [--detail]
"""
import sys, json, os, importlib.util, argparse, collections
ap = argparse.ArgumentParser()
ap.add_argument('--gold', required=True); ap.add_argument('--pred', required=True)
ap.add_argument('--score', default=os.path.join(os.path.dirname(__file__), '../../../shared/tools/score.py'))
ap.add_argument('--detail', action='store_true')
a = ap.parse_args()
spec = importlib.util.spec_from_file_location("score", a.score); S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S)
# records found as score.py finds them (by id, source path, or either's file name)
preds = S.load_pred(a.pred)
C = collections.defaultdict(lambda: [0, 0, 0])  # tp fp fn
dates = [0, 0]
missing = []
for fn in sorted(os.listdir(a.gold)):
    if not fn.endswith('.json'): continue
    g = json.load(open(os.path.join(a.gold, fn))); doc = g['doc']
    found = preds.get(doc) or preds.get(os.path.splitext(doc)[0]) or []
    r = found[0] if found else None
    if not r:
        missing.append(doc)
        continue
    text = r['text']; pe = r['events']; used = set()
    # a predicted entity stands for the gold entities whose surfaces its mentions overlap,
    # else for its own English name
    gocc_ent = {ge['name']: [o for sf in ge.get('surfaces') or [] for o in S.locate(text, sf)] for ge in g.get('entities') or []}
    names = {}
    for e in r['entities']:
        ms = [(m['start'], m['end']) for m in e.get('mentions') or []]
        hit = {n for n, occ in gocc_ent.items() if any(S.overlaps(m, o) for m in ms for o in occ)}
        names[e['id']] = hit or {e.get('name')}
    for ge in g.get('events') or []:
        gocc = S.locate(text, ge.get('text') or '')
        for pi, e in enumerate(pe):
            ev = S.span(e.get('evidence'))
            if pi in used or e['type'].upper() != ge['type'].upper() or ev is None: continue
            if any(S.overlaps(ev, o) for o in gocc):
                used.add(pi)
                for role in ('actors', 'targets', 'locations'):
                    gs = set(ge.get(role) or []); cand = [names.get(x, {x}) for x in e.get(role) or []]  # not an entity id: a country's name, or both
                    ps = set()
                    for c in cand: ps |= (c & gs) or set(sorted(c)[:1])
                    ps.discard(None)
                    tp = len(gs & ps); C[role][0] += tp; C[role][1] += len(ps - gs); C[role][2] += len(gs - ps)
                    if a.detail and gs != ps:
                        print(f"{doc} {e['type']} {role}: gold={sorted(gs)} pred={sorted(ps)} :: {text[ev[0]:ev[1]][:90]!r}")
                gd = ge.get('date'); pd = e.get('date')
                dates[1] += 1
                if (gd or None) == (pd or None) or (gd and pd and (pd.startswith(gd) or ('T' in gd and pd[:10] == gd[:10]))) or (not gd and e.get('date_anchor') == 'published'): dates[0] += 1
                elif a.detail: print(f"{doc} {e['type']} date: gold={gd} pred={pd} ({e.get('date_anchor')}) :: {text[ev[0]:ev[1]][:90]!r}")
                break
for role, (tp, fp, fn_) in C.items():
    p = tp / (tp + fp) if tp + fp else 0; rc = tp / (tp + fn_) if tp + fn_ else 0
    f = 2 * p * rc / (p + rc) if p + rc else 0
    print(f"{role:10} P {p:.3f} R {rc:.3f} F1 {f:.3f}  {tp}/{fp}/{fn_}")
print(f"date       {dates[0]/max(1,dates[1]):.3f}  {dates[0]}/{dates[1]}")
if missing:
    print(f"documents without a prediction: {len(missing)} ({', '.join(missing[:5])}{', ...' if len(missing) > 5 else ''})")
