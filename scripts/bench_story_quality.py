#!/usr/bin/env python3
"""Story clustering quality on held-out halves: Precis (batch and streaming) against a TF-IDF
average-link baseline, side by side, in one run.

    make release
    python3 scripts/bench_story_quality.py                 # the table
    python3 scripts/bench_story_quality.py --fit-all       # also: the weights fitted on all dev data
    python3 scripts/bench_story_quality.py --rule peak     # the threshold rule before issue 26 (see below)
    python3 scripts/bench_story_quality.py --curve         # also: the tuning objective at each grid point

Sets: Multi-News dev (100 clusters shuffled together: each cluster is a story) and ECB+ dev (two
stories of one kind of event per topic). `../shared/tools/halves.py` splits each set into fixed halves
A and B by story (ECB+ by topic, Multi-News by cluster); the half files are written to a temporary
directory (never into the repository). For each half H the other half T is the tuning half:

- Precis: `precis eval stories` is run on T with PRECIS_STORY_PAIRS set, which dumps the candidate
  article pairs it scores, with their features and whether they share a gold story; a logistic
  regression over those features (both sets' T halves together: one model for all news) gives the
  pair-score weights. The linking threshold is chosen on a grid (0.04 to 0.30 by 0.01) by an
  objective measured on T: the mean over both sets of the weaker of batch and streaming B-cubed F1
  (the service streams, so what readers get is the weaker). Batch clustering does not depend on the
  order of the input; streaming does, so its figure is the mean over three shuffles (seeds 1-3).
  The objective is not maximised point by point: the best single grid point can sit on a narrow peak
  or at the edge of one, and the peak moves by a few hundredths from one sample of stories to the
  next, so on other stories the point can fall off it. The threshold chosen (rule `smooth`, the
  default) is the one whose objective averaged over its neighbours within +-0.02 (five grid points;
  fewer at the ends of the grid) is the best: the expected objective if the best threshold for other
  stories lies within 0.02 of that for T. `--rule plateau` takes instead the middle of the longest
  run of adjacent grid points within 0.005 of the best objective; `--rule peak` the best grid point
  itself (the rule before issue 26). Ties go to the lower threshold. H is then clustered with that
  model (PRECIS_STORY_MODEL), and its scores reported, beside the in-set scores (on T itself, at the
  same threshold).
- Baseline: documents as TF-IDF vectors over stemmed words (Snowball English through libstemmer, as
  Precis stems; log tf x idf over the set; the same stop words as Precis; the ECB+ URL line dropped),
  plain cosine, average-link agglomerative clustering cut at one threshold, the best on T for that set
  (its own grid, 0.04 to 0.40, best point: the baseline's rule is not changed by `--rule`).

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
WINDOW = 0.02     # rule smooth: the objective is averaged over the grid points within this distance
TOLERANCE = 0.005  # rule plateau: grid points within this of the best objective are as good
SIGNED = True      # the pair model's weights keep the signs their features' meanings give them
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
    """(threshold chosen on the tuning file, B-cubed F1 on the test file, B-cubed F1 on the tuning file)."""
    tune = labelled(tune_path)
    sim = tfidf_similarity(tune)
    gold = [g for _, g in tune]
    in_set, best = max((bcubed(gold, average_link(sim, t)), -t) for t in BASELINE_GRID)
    best = -best
    test = labelled(test_path)
    return best, bcubed([g for _, g in test], average_link(tfidf_similarity(test), best)), in_set


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


def signed_logistic(x, y, names):
    """`logistic` with the sign each feature's meaning gives it: a share of years, dates or numbers
    in common (`*_shared`) never counts against a link, one that tells them apart (`*_apart`) never
    for it. A weight fitted with the wrong sign is held at zero (the feature left out) and the rest
    fitted again, until every sign agrees."""
    free = list(range(x.shape[1]))
    while True:
        w = logistic(x[:, free], y)
        wrong = [k for j, k in enumerate(free)
                 if (names[k].endswith("_apart") and w[j + 1] > 0) or (names[k].endswith("_shared") and w[j + 1] < 0)]
        if not wrong:
            full = np.zeros(x.shape[1] + 1)
            full[0] = w[0]
            for j, k in enumerate(free):
                full[k + 1] = w[j + 1]
            return full
        free = [k for k in free if k not in wrong]


def write_model(path, weights, threshold, names=None):
    """A model file: the threshold, the intercept (weights[0]) and one line a feature, by name."""
    with open(path, "w") as f:
        f.write(f"threshold {threshold}\n")
        f.write(f"intercept {float(weights[0])!r}\n")
        for name, value in zip(names or FEATURES, weights[1:]):
            f.write(f"{name} {float(value)!r}\n")


def choose_threshold(objective, rule):
    """The threshold chosen from {grid point: objective on the tuning data} (see the docstring)."""
    grid = sorted(objective)
    if rule == "smooth":
        value = {t: np.mean([objective[u] for u in grid if abs(u - t) <= WINDOW + 1e-9]) for t in grid}
    else:
        value = objective
    best = grid[0]
    for t in grid:
        if value[t] > value[best] + 1e-9:  # ties (within 1e-9): the lower threshold
            best = t
    if rule != "plateau":
        return best
    # The longest run of adjacent grid points within TOLERANCE of the best (ties: the lowest), its middle.
    good = [objective[t] >= objective[best] - TOLERANCE for t in grid]
    runs, start = [], None
    for k, ok in enumerate(good + [False]):
        if ok and start is None:
            start = k
        elif not ok and start is not None:
            runs.append((start, k - 1))
            start = None
    lo, hi = max(runs, key=lambda r: (r[1] - r[0], -r[0]))
    return grid[(lo + hi) // 2]


def tune(binary, tmp, tuning_files, tag, rule="smooth"):
    """Fits the pair model on the tuning files and picks the threshold by the rule; returns the model
    path, the weights, the threshold and {grid point: [(batch, streaming) for each tuning file]}."""
    xs, ys = [], []
    for k, path in enumerate(tuning_files):
        dump = os.path.join(tmp, f"pairs-{tag}-{k}.tsv")
        precis(binary, path, False, pairs=dump)
        if not os.path.exists(dump):
            return None, [], None, {}  # a build without the pair model: its defaults are measured
        x, y = read_pairs(dump)
        xs.append(x)
        ys.append(y)
    x, y = np.vstack(xs), np.concatenate(ys)
    weights = signed_logistic(x, y, FEATURES) if SIGNED else logistic(x, y)
    model = os.path.join(tmp, f"model-{tag}.txt")
    curve = {}
    for t in GRID:
        write_model(model, weights, t)
        curve[t] = [(precis_mean(binary, p, False, model=model), precis_mean(binary, p, True, model=model))
                    for p in tuning_files]
    # What readers get is the weaker of batch and streaming: the mean over the sets of it.
    objective = {t: float(np.mean([min(b, s) for b, s in scores])) for t, scores in curve.items()}
    threshold = choose_threshold(objective, rule)
    write_model(model, weights, threshold)
    return model, weights, threshold, curve


def print_curve(tag, curve, names):
    objective = {t: float(np.mean([min(b, s) for b, s in scores])) for t, scores in curve.items()}
    print(f"# objective on {tag} by threshold (min of batch, streaming; mean over sets), smoothed +-{WINDOW}, "
          + ", ".join(f"{n} batch/streaming" for n in names))
    for t, scores in curve.items():
        near = [objective[u] for u in curve if abs(u - t) <= WINDOW + 1e-9]
        print(f"#   {t:.2f} {objective[t]:.4f} {np.mean(near):.4f}  "
              + "  ".join(f"{b:.3f}/{s:.3f}" for b, s in scores))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "precis"))
    ap.add_argument("--fit-all", action="store_true", help="also fit on all dev data and print the model")
    ap.add_argument("--unsigned", action="store_true",
                    help="fit the pair model with no sign constraint (an *_apart weight may favour a link)")
    ap.add_argument("--rule", choices=("smooth", "plateau", "peak"), default="smooth",
                    help="how the threshold is chosen from the tuning objective (see the docstring)")
    ap.add_argument("--curve", action="store_true", help="also print the tuning objective at every grid point")
    args = ap.parse_args()
    global SIGNED
    SIGNED = not args.unsigned
    names = [name for name, _ in SETS]
    with tempfile.TemporaryDirectory() as tmp:
        files = {name: write_halves(path, tmp, name.replace("+", "p").replace("-", "")) for name, path in SETS}
        models, thresholds, curves = {}, {}, {}
        for tuned in ("A", "B"):
            model, weights, threshold, curve = tune(args.bin, tmp, [files[name][tuned] for name in names], tuned,
                                                    args.rule)
            models[tuned], thresholds[tuned], curves[tuned] = model, threshold, curve
            if model:
                print(f"# model tuned on {tuned} (rule {args.rule}): threshold {threshold}, " +
                      ", ".join(f"{n} {w:.3f}" for n, w in zip(["intercept"] + FEATURES, weights)))
                if args.curve:
                    print_curve(tuned, curve, names)
            sys.stdout.flush()
        print("# left-out: scored on the half; in-set: scored on the tuning half at the same threshold")
        print(f"{'set':11} {'half':>4} {'tuned-on':>8} {'link':>5} {'Precis batch':>12} {'(in-set)':>8} "
              f"{'streaming':>10} {'(in-set)':>8} {'baseline':>9} {'(in-set)':>8} {'(cut)':>6}")
        for k, name in enumerate(names):
            for half, tuned in (("A", "B"), ("B", "A")):
                path = files[name][half]
                batch = precis_mean(args.bin, path, False, model=models[tuned])
                stream = precis_mean(args.bin, path, True, model=models[tuned])
                in_batch, in_stream = curves[tuned][thresholds[tuned]][k] if models[tuned] else (math.nan, math.nan)
                cut, base, in_base = baseline(files[name][tuned], path)
                link = f"{thresholds[tuned]:.2f}" if models[tuned] else "-"
                print(f"{name:11} {half:>4} {tuned:>8} {link:>5} {batch:12.3f} {in_batch:8.3f} "
                      f"{stream:10.3f} {in_stream:8.3f} {base:9.3f} {in_base:8.3f} {cut:6.2f}")
                sys.stdout.flush()
        if args.fit_all:
            model, weights, threshold, curve = tune(args.bin, tmp, [path for _, path in SETS], "all", args.rule)
            print(f"# fitted on all dev data (both halves of both sets), rule {args.rule}:")
            if args.curve:
                print_curve("all", curve, names)
            print(open(model).read())


if __name__ == "__main__":
    sys.exit(main())
