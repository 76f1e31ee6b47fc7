#!/usr/bin/env python3
"""Story clustering on newswire Precis was never tuned on: the 256 articles of TimeBank and AQUAINT
(AP, NYT, WSJ, Xinhua, broadcast transcripts; 1989-2000), grouped into stories by reading
(`scripts/gold/newswire_stories.json`: 173 stories, 158 of them one article), against the TF-IDF
average-link baseline of `bench_story_quality.py`, in one run.

    make release
    python3 scripts/bench_newswire_stories.py [--bin .build/release/precis]

Precis runs with its shipped pair model and threshold (`precis eval stories`, batch, and streaming as
the mean over three shuffles). The baseline has no tuning data here: it is scored at the cut it
chooses on each dev set (Multi-News dev and ECB+ dev, all of each) and, as an upper bound it could
not reach without this set's labels, at its best cut on this set. Scores are B-cubed F1 over all
documents (each non-article a story of its own for Precis). The article texts are read in place
(the text of each file's TEXT element, markup left out) and written only to a temporary directory.
"""
import argparse
import collections
import glob
import subprocess
import html
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_story_quality as q  # noqa: E402

TBAQ = os.path.join(q.DATA, "timex", "tbaq-cleaned")
GOLD = os.path.join(q.ROOT, "scripts", "gold", "newswire_stories.json")


def rows(dated=False):
    """The labelled articles; with `dated`, each with its creation time (the DCT) as "date"."""
    gold = json.load(open(GOLD))["stories"]
    out = []
    for path in sorted(glob.glob(os.path.join(TBAQ, "*", "*.tml"))):
        name = os.path.basename(path)[:-4]
        markup = open(path, encoding="utf-8", errors="replace").read()
        start, end = markup.find("<TEXT>"), markup.find("</TEXT>")
        if start < 0 or end < 0 or name not in gold:
            continue
        text = html.unescape(re.sub(r"<[^>]+>", "", markup[start + 6:end])).strip()
        row = {"doc_id": name, "story_id": gold[name], "text": text}
        dct = re.search(r'<DCT><TIMEX3[^>]*value="([0-9T:-]+)"', markup)
        if dated and dct:
            row["date"] = dct.group(1)
        out.append(row)
    return out


WINDOWS = [3, 7, 14, 30, 90, 180]
HALF_LIVES = [7, 30, 90, 365, 0]  # 0: no fading


def score(binary, path, extra=(), streaming=False, seed=1):
    args = [binary, "eval", "stories", "--data", path, "--seed", str(seed), *extra] + (["--streaming"] if streaming else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    p, r, f = re.search(r"all documents\s+B-cubed P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", out).groups()
    return float(f), float(p), float(r)


def write(path, data):
    with open(path, "w") as f:
        for row in data:
            f.write(json.dumps(row) + "\n")


def grid(binary, tmp):
    """The publication-date fade (`--day-window`, `--day-half-life`) chosen on one half of the dated
    articles (halves by story) and scored on the other: the best F1 on the tuning half, ties to the
    weaker fade (the longer window, then the longer half-life)."""
    data = rows(dated=True)
    paths = {}
    for half in "AB":
        ids = set(subprocess.run([sys.executable, os.path.join(q.SHARED, "tools", "halves.py"), os.path.join(tmp, "all.jsonl"), "--key", "story_id", "--half", half],
                                 capture_output=True, text=True, check=True).stdout.split())
        paths[half] = os.path.join(tmp, f"half{half}.jsonl")
        write(paths[half], [r for r in data if r["doc_id"] in ids])
    table = {}
    for half in "AB":
        for w in WINDOWS:
            for hl in HALF_LIVES:
                table[half, w, hl] = score(binary, paths[half], ["--day-window", str(w), "--day-half-life", str(hl)])[0]
        print(f"half {half}: " + "  ".join(f"w{w}/h{hl or 'inf'} {table[half, w, hl]:.3f}" for w in WINDOWS for hl in HALF_LIVES))
    for tune, test in (("A", "B"), ("B", "A")):
        key = lambda c: (table[(tune, *c)], c[0], c[1] or 10**6)
        w, hl = max(((w, hl) for w in WINDOWS for hl in HALF_LIVES), key=key)
        print(f"tuned on {tune}: window {w}, half-life {hl or 'none'}: {tune} (in-set) {table[tune, w, hl]:.3f}, "
              f"{test} (left out) {table[test, w, hl]:.3f}; shipped on {test}: {score(binary, paths[test])[0]:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(q.ROOT, ".build", "release", "precis"))
    ap.add_argument("--grid", action="store_true", help="choose the publication-date fade on one half, score the other")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "newswire.jsonl")
        data = rows()
        write(path, data)
        write(os.path.join(tmp, "all.jsonl"), rows(dated=True))
        stories = len({r["story_id"] for r in data})
        print(f"newswire: {len(data)} articles, {stories} stories")
        for name, p in (("undated", path), ("dated (each article's creation time)", os.path.join(tmp, "all.jsonl"))):
            batch, precision, recall = score(args.bin, p)
            streaming = q.precis_mean(args.bin, p, streaming=True)
            print(f"Precis (shipped model), {name}: batch {batch:.3f} (P {precision:.3f} R {recall:.3f})  streaming {streaming:.3f}")
        test = q.labelled(path)
        sim = q.tfidf_similarity(test)
        gold = [g for _, g in test]
        sizes = collections.Counter(gold)
        print(f"({sum(1 for g in gold if sizes[g] == 1)} articles are stories of their own: B-cubed rewards keeping them apart)")
        for name, dev in q.SETS:
            dev_docs = q.labelled(dev)
            dev_sim = q.tfidf_similarity(dev_docs)
            dev_gold = [g for _, g in dev_docs]
            _, cut = max((q.bcubed(dev_gold, q.average_link(dev_sim, t)), -t) for t in q.BASELINE_GRID)
            labels = q.average_link(sim, -cut)
            print(f"baseline at its {name} dev cut ({-cut:.2f}): {q.bcubed(gold, labels):.3f} ({len(set(labels))} stories)")
        best, cut = max((q.bcubed(gold, q.average_link(sim, t)), -t) for t in q.BASELINE_GRID)
        print(f"baseline at its best cut on this set ({-cut:.2f}, an upper bound): {best:.3f}")
        if args.grid:
            grid(args.bin, tmp)


if __name__ == "__main__":
    main()
