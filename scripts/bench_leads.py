#!/usr/bin/env python3
"""Lead quality: the first sentence of `precis summarize` (each Multi-News dev cluster's articles as
.txt files, so dates are the inferred ones and a dated summary's lead is chosen by centrality) against
the first sentence of the reference summary: ROUGE-1 and ROUGE-2 F on lower-case words, no stemming,
averaged per fixed half (../shared/tools/halves.py). A crude measure of whether the summary opens on
the story's event; read the leads it prints with --show.

    python3 scripts/bench_leads.py [--bin .build/release/precis] [--dump OUT.json] [--show OTHER.json]
"""
import argparse
import json, os, re, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor
ap = argparse.ArgumentParser()
ap.add_argument('--bin', default='.build/release/precis')
ap.add_argument('--dump', help='write each cluster\'s lead and reference first sentence')
ap.add_argument('--show', help='an earlier --dump: print the leads that differ from it')
args = ap.parse_args()
BIN = args.bin
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', 'shared', 'data', 'mds', 'multinews-dev100.jsonl')
WORK = tempfile.mkdtemp(prefix='precis-leads-')
rows = [json.loads(l) for l in open(DATA)]
halves = json.loads(subprocess.run(['python3', os.path.join(HERE, '..', '..', 'shared', 'tools', 'halves.py'), DATA], capture_output=True, text=True).stdout)
def toks(s): return re.findall(r"[a-z0-9]+", s.lower())
def f(a, b, n):
    def grams(t): 
        from collections import Counter
        return Counter(tuple(t[i:i+n]) for i in range(len(t)-n+1))
    ga, gb = grams(a), grams(b)
    o = sum((ga & gb).values())
    if not o: return 0.0
    p, r = o / sum(ga.values()), o / sum(gb.values())
    return 2*p*r/(p+r)
def first_sentence(s):
    m = re.match(r"(.+?[.!?][\"”]?)\s+[A-Z\"“]", s.strip())
    return m.group(1) if m else s.strip()
def run(r):
    d = tempfile.mkdtemp(dir=WORK)
    files = []
    for i, doc in enumerate(r['documents']):
        p = os.path.join(d, f'{i}.txt'); open(p, 'w').write(doc); files.append(p)
    out = subprocess.run([BIN, 'summarize', *files, '--words', '250', '--format', 'json', '-q'], capture_output=True, text=True).stdout
    try: j = json.loads(out)
    except Exception: return r['id'], '', first_sentence(r['references'][0] if isinstance(r['references'], list) else r['references'])
    lead = j['sentences'][0]['text'] if j['sentences'] else ''
    ref = r['references'][0] if isinstance(r['references'], list) else r['references']
    return r['id'], lead, first_sentence(ref.lstrip('– -'))
with ThreadPoolExecutor(2) as ex: res = list(ex.map(run, rows))
by = {i: (l, ref) for i, l, ref in res}
for h in 'AB':
    ids = halves[h]
    r1 = sum(f(toks(by[i][0]), toks(by[i][1]), 1) for i in ids) / len(ids)
    r2 = sum(f(toks(by[i][0]), toks(by[i][1]), 2) for i in ids) / len(ids)
    print(f'half {h}: lead vs reference first sentence R1 {100*r1:.2f} R2 {100*r2:.2f} (n={len(ids)})')
if args.dump: json.dump(by, open(args.dump, 'w'), indent=1)
if args.show:
    old = json.load(open(args.show))
    for k in by:
        if k in old and old[k][0] != by[k][0]:
            print(k); print('  before:', old[k][0][:200]); print('  now:   ', by[k][0][:200]); print('  ref:   ', by[k][1][:200])
import shutil; shutil.rmtree(WORK, ignore_errors=True)
