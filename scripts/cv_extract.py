#!/usr/bin/env python3
"""Leave-one-set-out check of the extractor's data-set numbers and rules, with trafilatura in the same run.

    make release        # or swift build; --bin picks the binary
    python3 scripts/cv_extract.py [--bin .build/release/precis] [--sets cleaneval,cleanportaleval,l3s-gn1,trafilatura-eval]
                                  [--no-trafilatura] [--jobs 2] [--cache FILE]

Every number of the content-block decisions that was set from data (ExtractTuning.swift) and every
rule switch is tried one at a time around the shipped setting, on all four dev sets, through
PRECIS_EXTRACT_TUNING (no rebuild). Then, for each set in turn, each number takes the value with the
best mean F1 over the *other three* sets (one coordinate pass from the shipped setting; a change must
gain MARGIN), and that setting scores the left-out set. "in-set" is the setting chosen the same way on all four sets, scored
on each. F1 is shingle F1 (snippet F1 on trafilatura's set), as `precis eval extract` reports it.

Printed: the per-set scores of each single change (what a rule is worth on each set: a rule that helps
one set and hurts another shows here), the settings chosen, and the table of shipped / in-set /
left-out / trafilatura per set.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

SHIPPED = {
    "minimumTopScore": 5, "minimumTopShare": 0.15, "hintWeight": 25, "siblingShare": 0.2, "spreadShare": 0.4,
    "maxLinkDensity": 0.5, "containerShare": 0.333, "minimumParagraph": 25,
}
# The values tried for each number (the shipped one included), and the rules that can be switched off.
GRID = {
    "minimumTopScore": [2, 5, 10],
    "minimumTopShare": [0.08, 0.15, 0.25],
    "hintWeight": [10, 25, 50],
    "siblingShare": [0.1, 0.2, 0.35],
    "spreadShare": [0.3, 0.4, 0.6],
    "maxLinkDensity": [0.35, 0.5, 0.65],
    "containerShare": [0.2, 0.333, 0.5],
    "minimumParagraph": [15, 25, 40],
}
SWITCHES = ["goodSiblings", "shareOfMain", "headlineCut", "noArticle", "cleanerJunk", "cleanerEndMatter", "cleanerStubs", "cleanerCaptions"]


def spec(setting):
    return ",".join(f"{k}={v}" for k, v in sorted(setting.items()))


def score(binary, root, name, setting, cache):
    key = f"{name}|{spec(setting)}"
    if key in cache:
        return cache[key]
    env = dict(os.environ, PRECIS_EXTRACT_TUNING=spec(setting))
    out = subprocess.run([binary, "eval", "extract", "--data", os.path.join(root, name)], capture_output=True,
                         text=True, check=True, env=env).stdout
    for line in out.splitlines():
        words = line.split()
        if line.startswith("shingle F1") or line.startswith("snippets F1"):
            cache[key] = float(words[2])
    return cache[key]


def trafilatura_scores(binary, root, name):
    import trafilatura
    with tempfile.TemporaryDirectory() as tmp:
        dump = os.path.join(tmp, "precis.jsonl")
        subprocess.run([binary, "eval", "extract", "--data", os.path.join(root, name), "--dump", dump], capture_output=True, check=True)
        pages = [json.loads(l) for l in open(dump)]
        predictions = os.path.join(tmp, "trafilatura.jsonl")
        with open(predictions, "w") as f:
            for page in pages:
                with open(page["file"], "rb") as h:
                    html = h.read()
                try:
                    text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
                except Exception:
                    text = ""
                f.write(json.dumps({"page": page["page"], "text": text}) + "\n")
        out = subprocess.run([binary, "eval", "extract", "--data", os.path.join(root, name), "--predictions", predictions],
                             capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("shingle F1") or line.startswith("snippets F1"):
            return float(line.split()[2])


# A change must raise the mean F1 over the choosing sets by this much (the figures' last printed digit)
# to replace the shipped value: smaller gains are one page of one set.
MARGIN = 0.001


def choose(sets, results):
    """One coordinate pass: each number takes its best value by mean F1 over `sets`, the others shipped,
    when that beats the shipped value by MARGIN; each rule stays on unless turning it off does.
    The no-article decision is not chosen by F1 (the gold of a page without an article is its
    furniture, so an honest "no article" always costs F1): it stays on, its cost shown above."""
    def mean(setting):
        return sum(results[(s, spec(setting))] for s in sets) / len(sets)
    chosen = dict(SHIPPED)
    base = mean(SHIPPED)
    for name, values in GRID.items():
        best = max(values, key=lambda v: mean({**SHIPPED, name: v}))
        if mean({**SHIPPED, name: best}) >= base + MARGIN - 1e-9:
            chosen[name] = best
    for switch in SWITCHES:
        if switch != "noArticle" and mean({**SHIPPED, switch: 0}) >= base + MARGIN - 1e-9:
            chosen[switch] = 0
    return chosen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="../shared/data/extraction")
    ap.add_argument("--sets", default="cleaneval,cleanportaleval,l3s-gn1,trafilatura-eval")
    ap.add_argument("--bin", default=".build/release/precis")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", help="keep scores in this JSON file between runs (same binary only)")
    ap.add_argument("--no-trafilatura", action="store_true")
    args = ap.parse_args()
    sets = args.sets.split(",")
    cache = json.load(open(args.cache)) if args.cache and os.path.exists(args.cache) else {}

    settings = [dict(SHIPPED)]
    for name, values in GRID.items():
        settings += [{**SHIPPED, name: v} for v in values if v != SHIPPED[name]]
    settings += [{**SHIPPED, s: 0} for s in SWITCHES]

    def run(settings):
        jobs = [(s, setting) for setting in settings for s in sets]
        with ThreadPoolExecutor(args.jobs) as pool:
            scores = list(pool.map(lambda j: score(args.bin, args.root, j[0], j[1], cache), jobs))
        if args.cache:
            json.dump(cache, open(args.cache, "w"), indent=0)
        return {(s, spec(setting)): f for (s, setting), f in zip(jobs, scores)}

    results = run(settings)
    base = {s: results[(s, spec(SHIPPED))] for s in sets}
    print("single changes from the shipped setting, F1 difference per set:")
    print(f"{'change':28}" + "".join(f"{s[:15]:>16}" for s in sets) + f"{'mean':>9}")
    for setting in settings[1:]:
        change = ",".join(f"{k}={v}" for k, v in setting.items() if SHIPPED.get(k) != v)
        diffs = [results[(s, spec(setting))] - base[s] for s in sets]
        print(f"{change:28}" + "".join(f"{d:+16.3f}" for d in diffs) + f"{sum(diffs) / len(diffs):+9.3f}")

    chosen_all = choose(sets, results)
    chosen_out = {s: choose([o for o in sets if o != s], results) for s in sets}
    extra = [chosen_all] + list(chosen_out.values())
    results.update(run(extra))
    print("\nsettings chosen (changes from shipped):")
    for label, setting in [("all four", chosen_all)] + [(f"without {s}", chosen_out[s]) for s in sets]:
        print(f"  {label:28} {','.join(f'{k}={v}' for k, v in setting.items() if SHIPPED.get(k, 1) != v) or '(shipped)'}")

    print(f"\n{'set':18} {'shipped':>8} {'in-set':>8} {'left-out':>9} {'trafilatura':>12}")
    for s in sets:
        traf = "-" if args.no_trafilatura else f"{trafilatura_scores(args.bin, args.root, s):.3f}"
        print(f"{s:18} {base[s]:8.3f} {results[(s, spec(chosen_all))]:8.3f} {results[(s, spec(chosen_out[s]))]:9.3f} {traf:>12}")
    print("F1: shingle F1 (snippet F1 on trafilatura-eval). in-set: setting chosen on all four sets; left-out: chosen on the other three.")


if __name__ == "__main__":
    sys.exit(main())
