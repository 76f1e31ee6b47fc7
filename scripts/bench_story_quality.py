#!/usr/bin/env python3
"""Story clustering quality, Precis against a TF-IDF average-link baseline, in one run.

    make release
    python3 scripts/bench_story_quality.py

For each labelled set (Multi-News dev clusters, shuffled; ECB+ dev stories), runs
`precis eval stories` (batch and streaming) and a plain baseline of the kind ECB+'s SOURCES.md
calibrates with: documents as TF-IDF vectors (log tf x idf over the set, lower-cased alphabetic
tokens, the same English stop words as Precis, the ECB+ URL line dropped), cosine similarity,
average-link agglomerative clustering cut at a threshold (0.16, the value SOURCES.md tuned on ECB+ dev,
and 0.10). The baseline sees every document (it has no notion of a non-article), so its scores are
over all documents, beside Precis's scores over all documents (non-articles as stories of their own)
and over articles only. B-cubed and pairwise F1 are computed here for the baseline and by Precis for
itself, with the same definitions (PrecisEval's ClusteringScore has hand-checked tests).
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter

import numpy as np

ROOT = os.path.join(os.path.dirname(__file__), "..")
DATA = os.path.join(ROOT, "..", "shared", "data")
SETS = [("Multi-News dev", os.path.join(DATA, "mds", "multinews-dev100.jsonl")),
        ("ECB+ dev", os.path.join(DATA, "stories", "ecbplus", "docs.dev.jsonl"))]
STOP = set(open(os.path.join(ROOT, "Sources", "PrecisText", "Resources", "en", "stopwords.txt")).read().split())


def labelled(path):
    docs = []
    for line in open(path):
        row = json.loads(line)
        if "documents" in row:
            docs.extend((d, str(row["id"])) for d in row["documents"])
        else:
            text = row["text"]
            if row.get("first_line_is_url") and "\n" in text:
                text = text.split("\n", 1)[1]
            docs.append((text, row["story_id"]))
    return docs


def average_link(sim, threshold):
    n = len(sim)
    sim = sim.astype(float).copy()
    np.fill_diagonal(sim, -1)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members = {i: [i] for i in range(n)}
    while True:
        masked = np.where(alive[:, None] & alive[None, :], sim, -1)
        k = int(np.argmax(masked))
        a, b = divmod(k, n)
        if masked[a, b] < threshold:
            break
        # Mean similarity of the merged cluster to every other: size-weighted average.
        merged = (sim[a] * size[a] + sim[b] * size[b]) / (size[a] + size[b])
        sim[a, :] = merged
        sim[:, a] = merged
        sim[a, a] = -1
        size[a] += size[b]
        alive[b] = False
        members[a] += members.pop(b)
    labels = [0] * n
    for c, items in members.items():
        for i in items:
            labels[i] = c
    return labels


def baseline(docs, threshold):
    tfs = [Counter(w for w in re.findall(r"[a-z]+", d.lower()) if w not in STOP) for d, _ in docs]
    df = Counter()
    for tf in tfs:
        df.update(tf.keys())
    n = len(docs)
    vocab = {w: i for i, w in enumerate(df)}
    m = np.zeros((n, len(vocab)))
    for i, tf in enumerate(tfs):
        for w, c in tf.items():
            m[i, vocab[w]] = (1 + math.log(c)) * math.log(n / df[w])
    norms = np.linalg.norm(m, axis=1)
    norms[norms == 0] = 1
    m /= norms[:, None]
    return average_link(m @ m.T, threshold)


def scores(gold, pred):
    n = len(gold)
    pairs = Counter(zip(gold, pred))
    gs, ps = Counter(gold), Counter(pred)
    p = sum(pairs[(g, q)] / ps[q] for g, q in zip(gold, pred)) / n
    r = sum(pairs[(g, q)] / gs[g] for g, q in zip(gold, pred)) / n
    c2 = lambda k: k * (k - 1) / 2
    together = sum(c2(v) for v in pairs.values())
    pp, gp = sum(c2(v) for v in ps.values()), sum(c2(v) for v in gs.values())
    pairwise_p = together / pp if pp else 1
    pairwise_r = together / gp if gp else 1
    f = lambda a, b: 2 * a * b / (a + b) if a + b else 0
    return f(p, r), f(pairwise_p, pairwise_r)


def precis(binary, path, streaming):
    out = subprocess.run([binary, "eval", "stories", "--data", path] + (["--streaming"] if streaming else []),
                         capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines():
        m = re.match(r"(all documents|articles only)\s+B-cubed P [\d.]+ R [\d.]+ F1 ([\d.]+)\s+pairwise P [\d.]+ R [\d.]+ F1 ([\d.]+)", line)
        if m:
            rows[m.group(1)] = (float(m.group(2)), float(m.group(3)))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "precis"))
    args = ap.parse_args()
    print(f"{'set':15} {'system':44} {'B-cubed F1':>10} {'pairwise F1':>11}")
    for name, path in SETS:
        docs = labelled(path)
        gold = [g for _, g in docs]
        for threshold in (0.16, 0.10):
            b, pw = scores(gold, baseline(docs, threshold))
            print(f"{name:15} {'TF-IDF average link, cut at %.2f (all docs)' % threshold:44} {b:10.3f} {pw:11.3f}")
        for streaming in (False, True):
            rows = precis(args.bin, path, streaming)
            mode = "streaming" if streaming else "batch"
            for scope in ("all documents", "articles only"):
                b, pw = rows[scope]
                print(f"{name:15} {'Precis %s (%s)' % (mode, scope):44} {b:10.3f} {pw:11.3f}")
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
