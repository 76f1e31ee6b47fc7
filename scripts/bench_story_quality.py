#!/usr/bin/env python3
"""Story clustering quality on held-out halves: Precis (batch and streaming) against a TF-IDF
average-link baseline, side by side, in one run.

    make release
    python3 scripts/bench_story_quality.py                 # the table
    python3 scripts/bench_story_quality.py --fit-all       # also: the weights fitted on all dev data

Sets: Multi-News dev (100 clusters shuffled together: each cluster is a story) and ECB+ dev (two
stories of one kind of event per topic). `../shared/tools/halves.py` splits each set into fixed halves
A and B by story (ECB+ by topic, Multi-News by cluster); the half files are written to a temporary
directory (never into the repository). For each half H the other half T is the tuning half:

- Precis: `precis eval stories` is run on T with PRECIS_STORY_PAIRS set, which dumps the candidate
  article pairs it scores, with their features and whether they share a gold story; a logistic
  regression over those features (both sets' T halves together: one model for all news) gives the
  pair-score weights; the linking threshold is the value on a grid (0.04 to 0.30 by 0.01) that gives
  the best mean over both sets of the weaker of batch and streaming B-cubed F1 on T (the service
  streams, so what readers get is the weaker). Batch clustering does not depend on the order of the
  input; streaming does, so its figure is the mean over three shuffles (seeds 1-3). H is then clustered with that model (PRECIS_STORY_MODEL), and
  its scores reported.
- Baseline: documents as TF-IDF vectors over stemmed words (Snowball English through libstemmer, as
  Precis stems; log tf x idf over the set; the same stop words as Precis; the ECB+ URL line dropped),
  plain cosine, average-link agglomerative clustering cut at one threshold, the best on T for that set.

Scores are B-cubed F1 over all documents (each non-article a story of its own; the baseline has no
notion of a non-article). B-cubed is computed by Precis for itself (PrecisEval's ClusteringScore, with
hand-checked tests) and here for the baseline, with the same definition.
"""
import argparse
import ctypes
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SHARED = os.path.join(ROOT, "..", "shared")
DATA = os.path.join(SHARED, "data")
SETS = [("Multi-News", os.path.join(DATA, "mds", "multinews-dev100.jsonl")),
        ("ECB+", os.path.join(DATA, "stories", "ecbplus", "docs.dev.jsonl"))]
STOP = set(open(os.path.join(ROOT, "Sources", "PrecisText", "Resources", "en", "stopwords.txt")).read().split())
GRID = [round(0.01 * k, 2) for k in range(4, 31)]
BASELINE_GRID = [round(0.01 * k, 2) for k in range(4, 41)]


# ---- data and halves ---------------------------------------------------------------------------

def halves(path):
    out = subprocess.run([sys.executable, os.path.join(SHARED, "tools", "halves.py"), path],
                         capture_output=True, text=True, check=True).stdout
    return {h: set(ids) for h, ids in json.loads(out).items()}


def write_halves(path, tmp, tag):
    """Writes the two halves of a set as JSON Lines files; returns {half: path}."""
    split = halves(path)
    rows = [json.loads(line) for line in open(path)]
    files = {}
    for h, ids in split.items():
        name = os.path.join(tmp, f"{tag}-{h}.jsonl")
        with open(name, "w") as f:
            for row in rows:
                key = row.get("doc_id", row.get("id"))
                if key in ids:
                    f.write(json.dumps(row) + "\n")
        files[h] = name
    return files


def labelled(path):
    docs = []
    for line in open(path):
        row = json.loads(line)
        if "documents" in row:
            docs.extend((d if isinstance(d, str) else d.get("text", ""), str(row["id"])) for d in row["documents"])
        else:
            text = row["text"]
            if row.get("first_line_is_url") and "\n" in text:
                text = text.split("\n", 1)[1]
            docs.append((text, row["story_id"]))
    return docs


# ---- the baseline ------------------------------------------------------------------------------

class Stemmer:
    """Snowball English through libstemmer (the library Precis stems with)."""

    def __init__(self):
        lib = ctypes.CDLL("libstemmer.so.0d")
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_char)
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.restype = ctypes.c_int
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.lib, self.handle, self.cache = lib, lib.sb_stemmer_new(b"english", b"UTF_8"), {}

    def __call__(self, word):
        if word not in self.cache:
            b = word.encode()
            p = self.lib.sb_stemmer_stem(self.handle, b, len(b))
            self.cache[word] = ctypes.string_at(p, self.lib.sb_stemmer_length(self.handle)).decode()
        return self.cache[word]


STEM = Stemmer()


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


def tfidf_similarity(docs):
    tfs = [Counter(STEM(w) for w in re.findall(r"[a-z]+", d.lower()) if w not in STOP) for d, _ in docs]
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
    return m @ m.T


def bcubed(gold, pred):
    n = len(gold)
    pairs = Counter(zip(gold, pred))
    gs, ps = Counter(gold), Counter(pred)
    p = sum(pairs[(g, q)] / ps[q] for g, q in zip(gold, pred)) / n
    r = sum(pairs[(g, q)] / gs[g] for g, q in zip(gold, pred)) / n
    return 2 * p * r / (p + r) if p + r else 0


def baseline(tune_path, test_path):
    """(threshold chosen on the tuning file, B-cubed F1 on the test file)."""
    tune = labelled(tune_path)
    sim = tfidf_similarity(tune)
    gold = [g for _, g in tune]
    best = max(BASELINE_GRID, key=lambda t: (bcubed(gold, average_link(sim, t)), -t))
    test = labelled(test_path)
    return best, bcubed([g for _, g in test], average_link(tfidf_similarity(test), best))


# ---- Precis ------------------------------------------------------------------------------------

FEATURES = None  # names, from the first pair dump's header


SEEDS = (1, 2, 3)


def precis_mean(binary, path, streaming, model=None):
    """Batch clustering does not depend on the input order: one shuffle. Streaming does: the mean
    over the shuffles of SEEDS."""
    seeds = SEEDS if streaming else SEEDS[:1]
    return float(np.mean([precis(binary, path, streaming, model=model, seed=s) for s in seeds]))


def precis(binary, path, streaming, model=None, link=None, pairs=None, seed=1):
    env = dict(os.environ)
    env.pop("PRECIS_STORY_MODEL", None)
    env.pop("PRECIS_STORY_PAIRS", None)
    if model:
        env["PRECIS_STORY_MODEL"] = model
    if pairs:
        env["PRECIS_STORY_PAIRS"] = pairs
    args = [binary, "eval", "stories", "--data", path, "--seed", str(seed)] + (["--streaming"] if streaming else [])
    if link is not None:
        args += ["--link", str(link)]
    out = subprocess.run(args, capture_output=True, text=True, check=True, env=env).stdout
    m = re.search(r"all documents\s+B-cubed P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", out)
    return float(m.group(3))


def read_pairs(path):
    global FEATURES
    rows = [line.rstrip("\n").split("\t") for line in open(path)]
    header, rows = rows[0], rows[1:]
    FEATURES = header[1:]
    y = np.array([int(r[0]) for r in rows], dtype=float)
    x = np.array([[float(v) for v in r[1:]] for r in rows], dtype=float)
    x[:, 0] = np.log(np.maximum(x[:, 0], 1e-3))  # the cosine enters as its logarithm (see PairModel)
    return x, y


def logistic(x, y, l2=1.0, iterations=50):
    """Logistic regression by Newton's method (IRLS) with an L2 penalty on the weights (not the
    intercept); each class weighs half, so the many unrelated pairs do not drown the linked ones."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    pos = y.sum()
    sample = np.where(y == 1, 0.5 / max(pos, 1), 0.5 / max(len(y) - pos, 1)) * len(y)
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[0] = 0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (sample * (p - y)) + penalty * w
        hess = (xb * (sample * p * (1 - p))[:, None]).T @ xb + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def write_model(path, weights, threshold, names=None):
    """A model file: the threshold, the intercept (weights[0]) and one line a feature, by name."""
    with open(path, "w") as f:
        f.write(f"threshold {threshold}\n")
        f.write(f"intercept {float(weights[0])!r}\n")
        for name, value in zip(names or FEATURES, weights[1:]):
            f.write(f"{name} {float(value)!r}\n")


def tune(binary, tmp, tuning_files, tag):
    """Fits the pair model on the tuning files and picks the threshold; returns the model path."""
    xs, ys = [], []
    for k, path in enumerate(tuning_files):
        dump = os.path.join(tmp, f"pairs-{tag}-{k}.tsv")
        precis(binary, path, False, pairs=dump)
        if not os.path.exists(dump):
            return None, [], None  # a build without the pair model: its defaults are measured
        x, y = read_pairs(dump)
        xs.append(x)
        ys.append(y)
    weights = logistic(np.vstack(xs), np.concatenate(ys))
    model = os.path.join(tmp, f"model-{tag}.txt")
    best = None
    for t in GRID:
        write_model(model, weights, t)
        # What readers get is the weaker of batch and streaming: the mean over the sets of it.
        score = np.mean([min(precis_mean(binary, p, False, model=model), precis_mean(binary, p, True, model=model))
                         for p in tuning_files])
        if best is None or score > best[0] + 1e-9:
            best = (score, t)
    write_model(model, weights, best[1])
    return model, weights, best[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "precis"))
    ap.add_argument("--fit-all", action="store_true", help="also fit on all dev data and print the model")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = {name: write_halves(path, tmp, name.replace("+", "p").replace("-", "")) for name, path in SETS}
        models = {}
        for tuned in ("A", "B"):
            model, weights, threshold = tune(args.bin, tmp, [files[name][tuned] for name, _ in SETS], tuned)
            models[tuned] = model
            if model:
                print(f"# model tuned on {tuned}: threshold {threshold}, " +
                      ", ".join(f"{n} {w:.3f}" for n, w in zip(["intercept"] + FEATURES, weights)))
        print(f"{'set':11} {'half':>4} {'tuned-on':>8} {'Precis batch':>12} {'streaming':>10} {'baseline':>9} {'(cut)':>6}")
        for name, _ in SETS:
            for half, tuned in (("A", "B"), ("B", "A")):
                path = files[name][half]
                batch = precis_mean(args.bin, path, False, model=models[tuned])
                stream = precis_mean(args.bin, path, True, model=models[tuned])
                cut, base = baseline(files[name][tuned], path)
                print(f"{name:11} {half:>4} {tuned:>8} {batch:12.3f} {stream:10.3f} {base:9.3f} {cut:6.2f}")
                sys.stdout.flush()
        if args.fit_all:
            model, weights, threshold = tune(args.bin, tmp, [path for _, path in SETS], "all")
            print("# fitted on all dev data (both halves of both sets):")
            print(open(model).read())


if __name__ == "__main__":
    sys.exit(main())
