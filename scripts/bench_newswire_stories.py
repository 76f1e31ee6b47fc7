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


def rows():
    gold = json.load(open(GOLD))["stories"]
    out = []
    for path in sorted(glob.glob(os.path.join(TBAQ, "*", "*.tml"))):
        name = os.path.basename(path)[:-4]
        markup = open(path, encoding="utf-8", errors="replace").read()
        start, end = markup.find("<TEXT>"), markup.find("</TEXT>")
        if start < 0 or end < 0 or name not in gold:
            continue
        text = html.unescape(re.sub(r"<[^>]+>", "", markup[start + 6:end])).strip()
        out.append({"doc_id": name, "story_id": gold[name], "text": text})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(q.ROOT, ".build", "release", "precis"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "newswire.jsonl")
        data = rows()
        with open(path, "w") as f:
            for row in data:
                f.write(json.dumps(row) + "\n")
        stories = len({r["story_id"] for r in data})
        print(f"newswire: {len(data)} articles, {stories} stories")
        out = subprocess.run([args.bin, "eval", "stories", "--data", path], capture_output=True, text=True, check=True).stdout
        p, r, batch = re.search(r"all documents\s+B-cubed P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", out).groups()
        streaming = q.precis_mean(args.bin, path, streaming=True)
        print(f"Precis (shipped model): batch {float(batch):.3f} (P {float(p):.3f} R {float(r):.3f})  streaming {streaming:.3f}")
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


if __name__ == "__main__":
    main()
