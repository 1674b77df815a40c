#!/usr/bin/env python3
"""Draws a reproducible random sample of casualty claims or events from `marsad extract` output
and renders each for a reader to judge, one numbered item per claim or event: the article's
outlet and date, the sentence that holds the evidence (the evidence in ⟦ ⟧), and what marsad
recorded, with entities by their English names.

score.py measures marsad on the texts that have gold annotations; this measures precision on
texts nobody annotated (the bench corpus): a reader marks each item right or wrong field by
field, and the share of right ones, with its interval, is the precision on unseen text.

Usage:
  python3 tools/eval/audit-sample.py --pred out.jsonl --what casualties --n 60 --seed 1 > sample.md
  python3 tools/eval/audit-sample.py --pred out.jsonl --only side_rule='place|article-country' > sides.md
  python3 tools/eval/audit-sample.py --tally verdicts.tsv

A verdicts file has one line per item: `number<TAB>verdict<TAB>note`, the verdict `ok`, or the
names of the wrong fields separated by commas (`side,claimant`), or `not-a-claim` (`not-an-event`)
for an item that should not exist at all. `--tally` prints the precision of whole items, the
share that should not exist, and each field's precision over the items that should, with
Wilson 95% intervals. `--only` compares a field's value as written in the JSON
(`side_rule=place`, `cumulative=true`, `claimant=null`; parties are entity ids).
"""
import argparse
import collections
import json
import math
import random
import sys


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))


def tally(path):
    whole = [0, 0]
    wrong = collections.Counter()
    spurious = 0
    unjudged = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            parts = line.split('\t')
            verdict = parts[1].strip() if len(parts) > 1 else ''
            if not verdict:
                unjudged.append(number)
                continue
            whole[1] += 1
            if verdict == 'ok':
                whole[0] += 1
            elif verdict in ('not-a-claim', 'not-an-event'):
                spurious += 1
            else:
                for field in verdict.split(','):
                    if field.strip():
                        wrong[field.strip()] += 1
    k, n = whole
    print(f'items judged: {n}' + (f' (lines without a verdict, left out: {unjudged})' if unjudged else ''))
    if not n:
        return
    lo, hi = wilson(k, n)
    print(f'entirely right: {k}/{n} = {k / n:.3f} (95% interval {lo:.3f}-{hi:.3f})')
    lo, hi = wilson(spurious, n)
    print(f'not a claim or event at all: {spurious}/{n} = {spurious / n:.3f} ({lo:.3f}-{hi:.3f})')
    # a field's precision over the real claims or events only
    real = n - spurious
    for field, w in wrong.most_common():
        lo, hi = wilson(real - w, real)
        right = (real - w) / real if real else 0.0
        print(f'  {field:<14} wrong in {w:>3} of {real}; right in {right:.3f} ({lo:.3f}-{hi:.3f})')


def sentence_of(rec, start, end):
    for s in rec.get('sentences', []):
        if s['start'] <= start < s['end'] or (s['start'] < end <= s['end']):
            return s['start'], max(s['end'], end)
    return max(0, start - 200), min(len(rec['text']), end + 200)


def render(rec, item, what, number):
    text = rec['text']
    names = {e['id']: e['name'] for e in rec.get('entities', [])}

    def name(x):
        return names.get(x, x) if x is not None else None

    ev = item['evidence']
    s, e = sentence_of(rec, ev['start'], ev['end'])
    s, e = min(s, ev['start']), max(e, ev['end'])
    shown = text[s:ev['start']] + '⟦' + text[ev['start']:ev['end']] + '⟧' + text[ev['end']:e]
    shown = ' '.join(shown.split())
    out = [f'## {number}. {rec.get("outlet") or "?"}, published {rec.get("published") or "?"} ({rec["id"]})',
           '', f'> {shown}', '']
    if what == 'casualties':
        fields = {
            'count': item['count'], 'qualifier': item['qualifier'], 'kind': item['kind'],
            'population': item['population'], 'side': name(item['side']),
            'claimant': name(item['claimant']), 'reported_by': [name(x) for x in item['reported_by']],
            'date': item['date'], 'cumulative': item['cumulative'],
        }
    else:
        fields = {
            'type': item['type'], 'mode': item['mode'],
            'actors': [name(x) for x in item['actors']], 'targets': [name(x) for x in item['targets']],
            'locations': [name(x) for x in item['locations']], 'date': item['date'],
            'claimant': name(item['claimant']), 'reported_by': [name(x) for x in item['reported_by']],
            'negated': item['negated'], 'modality': item['modality'],
        }
    out.append('    ' + '; '.join(f'{k}: {json.dumps(v, ensure_ascii=False)}' for k, v in fields.items()))
    rules = [f'rule: {item.get("rule")}'] + [f'{k}: {item[k]}' for k in ('side_rule', 'claimant_rule') if k in item]
    out.append('    ' + '; '.join(rules))
    out.append('')
    return '\n'.join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--pred', help='marsad extract output (JSON Lines)')
    ap.add_argument('--what', choices=['casualties', 'events'], default='casualties')
    ap.add_argument('--n', type=int, default=60)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--tally', help='a verdicts file to count')
    ap.add_argument('--only', action='append', default=[], metavar='FIELD=V1|V2',
                    help='draw only items whose FIELD is one of the values (repeatable)')
    a = ap.parse_args()
    if a.tally:
        tally(a.tally)
        return
    if not a.pred:
        ap.error('--pred or --tally is required')
    # reservoir sampling over (record index, item index), then a second pass to render: the
    # output of a large corpus is not held in memory
    only = []
    for o in a.only:
        field, eq, values = o.partition('=')
        if not eq or not field:
            ap.error(f'--only wants FIELD=VALUE[|VALUE...], not {o!r}')
        only.append((field, set(values.split('|'))))

    def as_text(v):
        # the value as written in the JSON (null, true, 12), strings without their quotes
        return v if isinstance(v, str) else json.dumps(v)

    def wanted_item(item):
        return all(as_text(item.get(f)) in vs for f, vs in only)

    rng = random.Random(a.seed)
    chosen = []
    seen = 0
    with open(a.pred, encoding='utf-8') as f:
        for i, line in enumerate(f):
            rec = json.loads(line)
            for j, item in enumerate(rec.get(a.what) or []):
                if not wanted_item(item):
                    continue
                seen += 1
                if len(chosen) < a.n:
                    chosen.append((i, j))
                else:
                    r = rng.randrange(seen)
                    if r < a.n:
                        chosen[r] = (i, j)
    chosen.sort()
    wanted = collections.defaultdict(list)
    for i, j in chosen:
        wanted[i].append(j)
    print(f'# {len(chosen)} {a.what} drawn at random (seed {a.seed}) from {seen} in {a.pred}\n')
    number = 0
    with open(a.pred, encoding='utf-8') as f:
        for i, line in enumerate(f):
            if i not in wanted:
                continue
            rec = json.loads(line)
            for j in wanted[i]:
                number += 1
                print(render(rec, rec[a.what][j], a.what, number))


if __name__ == '__main__':
    sys.exit(main())
