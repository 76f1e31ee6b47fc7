#!/usr/bin/env python3
"""Scores the disagreements `precis facts` shows against the gold pairs of scripts/gold/disagreements.json
(Multi-News dev clusters read by hand: pairs of figures that are one quantity reported differently,
"conflict" or "changed", and tempting pairs that are not, "agree" or "different").

    make release
    python3 scripts/bench_disagreements.py                 # both halves
    python3 scripts/bench_disagreements.py --half A --show # one half, every predicted pair printed

Pairs: the values of one disagreement that Precis says cannot both hold ("incompatible"; for older
output without that field, every two values of a disagreement from different sources). A predicted pair is right when it
is a gold conflict/changed pair (either order; a value matches a gold figure in the same source when
their character ranges overlap). Precision = right pairs / predicted pairs; recall = gold
conflict/changed pairs predicted / gold conflict/changed pairs. Groups: a disagreement an editor
would sign holds at least one right pair and no pair the gold calls agree or different. Kind: of the
right pairs, how many have the predicted kind (conflict or changed) the gold gives.

Gold offsets index the raw documents; Precis's index its clean text. Each gold figure is found in the
clean text by its words and the characters around it in the raw document.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")


def norm(s):
    return re.sub(r"\s+", " ", s)


def locate(raw, start, end, clean):
    """The (start, end) in `clean` of the figure raw[start:end], by its words and its surroundings."""
    figure = raw[start:end]
    left = norm(raw[max(0, start - 80):start])
    right = norm(raw[end:end + 80])
    best, best_score = None, 0
    for m in re.finditer(re.escape(figure), clean):
        cl = norm(clean[max(0, m.start() - 80):m.start()])
        cr = norm(clean[m.end():m.end() + 80])
        score = 0
        for a, b in zip(reversed(left), reversed(cl)):
            if a != b:
                break
            score += 1
        for a, b in zip(right, cr):
            if a != b:
                break
            score += 1
        if score > best_score:
            best, best_score = (m.start(), m.end()), score
    return best if best_score >= 6 else None


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                    "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}


def number(text):
    """The first number a figure's words give ("More than 18,000 flights": 18000.0), or None."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if m:
        return float(m.group(0).replace(",", ""))
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in WORDS:
            return float(WORDS[w])
    return None


def same_figure(gold_end, value):
    """A gold figure and a predicted value are the same mention when they overlap in the clean text,
    or name the same number in the same source (a source may repeat a figure; Precis shows its first
    mention in a group)."""
    doc, loc, figure = gold_end
    if doc != value[0]:
        return False
    if overlaps(loc, value[1]):
        return True
    a, b = number(figure), number(value[2]["text"])
    return a is not None and a == b


def run_cluster(precis, docs, model=None, pairs=None):
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for k, doc in enumerate(docs):
            path = os.path.join(tmp, f"d{k:02d}.txt")
            with open(path, "w", encoding="utf-8") as out:
                out.write(doc)
            files.append(path)
        extra = (["--figure-model", model] if model else []) + (["--figure-pairs", pairs] if pairs else [])
        run = subprocess.run([precis, "facts", "-q", "--format", "json"] + extra + files, capture_output=True, text=True)
        if run.returncode != 0:
            return None
        facts = json.loads(run.stdout)
    # Map Precis's document index to the cluster's (a document that gave no article is left out).
    index = [int(os.path.basename(d["file"])[1:3]) for d in facts["documents"]]
    return facts, index


def gold_pairs(g, docs, texts, t):
    """The cluster's gold pairs in clean-text offsets; counts the conflict/changed ones (mapped or not)."""
    pairs, unmapped = [], 0
    for p in g["pairs"]:
        ends = []
        for side in ("a", "b"):
            e = p[side]
            if e["doc"] not in texts:
                ends.append(None)
                continue
            loc = locate(docs[e["doc"]], e["start"], e["end"], texts[e["doc"]])
            ends.append((e["doc"], loc, e["figure"]) if loc else None)
        if p["label"] in ("conflict", "changed"):
            t["gold"] += 1  # unmapped ones still count against recall
        if None in ends:
            unmapped += 1
            continue
        pairs.append((ends[0], ends[1], p["label"], p))
    return pairs, unmapped


def label_of(pairs, a, b):
    """The gold label of the predicted pair (a, b) and the index of the gold pair it is, or (None, None)."""
    for k, (ga, gb, gl, gp) in enumerate(pairs):
        for x, y in ((ga, gb), (gb, ga)):
            if same_figure(x, a) and same_figure(y, b):
                return gl, k
    return None, None


def new_totals():
    return dict(pred=0, right=0, agree=0, different=0, unlabelled=0, gold=0, found=0,
                groups=0, signed=0, kind_right=0, clusters=0, unmapped=0)


def score(args, gold, clusters, halves, model=None, dump=None, show=False, pool=None):
    """Scores the disagreements Precis shows on the clusters of `halves`; with `dump`, also returns the
    figure pairs Precis considered, each with its features and gold label."""
    totals, rows = {}, []
    for g in gold["clusters"]:
        half = g["half"]
        if half not in halves:
            continue
        t = totals.setdefault(half, new_totals())
        t["clusters"] += 1
        docs = clusters[g["id"]]["documents"]
        pairs_file = None
        if dump:
            pairs_file = os.path.join(dump, g["id"] + ".jsonl")
        result = run_cluster(args.precis, docs, model=model, pairs=pairs_file)
        if result is None:
            print(f"{g['id']}: precis failed", file=sys.stderr)
            continue
        facts, index = result
        texts = {index[k]: d["text"] for k, d in enumerate(facts["documents"])}
        pairs, unmapped = gold_pairs(g, docs, texts, t)
        t["unmapped"] += unmapped
        if pairs_file and os.path.exists(pairs_file):
            for line in open(pairs_file, encoding="utf-8"):
                p = json.loads(line)
                a, b = ((index[p[s]["document"]], (p[s]["start"], p[s]["end"]), p[s]) for s in ("a", "b"))
                label, _ = label_of(pairs, a, b)
                rows.append(dict(half=half, cluster=g["id"], label=label, compatible=p["compatible"], features=p["features"],
                                 texts=(p["a"]["text"], p["b"]["text"])))
        found = set()
        for group in facts["disagreements"]:
            t["groups"] += 1
            values = [(index[v["document"]], (v["start"], v["end"]), v) for v in group["values"]]
            labels = []
            # The pairs Precis says cannot both hold (older output: every pair of the group).
            claimed = group.get("incompatible") or [[i, j] for i in range(len(values)) for j in range(i + 1, len(values))]
            for i, j in claimed:
                a, b = values[i], values[j]
                if a[0] == b[0]:
                    continue
                t["pred"] += 1
                label, k = label_of(pairs, a, b)
                if label in ("conflict", "changed"):
                    found.add(k)
                    if group.get("kind") == label:
                        t["kind_right"] += 1
                labels.append(label)
                if label in ("conflict", "changed"):
                    t["right"] += 1
                elif label in ("agree", "different"):
                    t[label] += 1
                else:
                    t["unlabelled"] += 1
                    if pool:
                        def side(v):
                            text = texts[v[0]]
                            return {"doc": v[0], "figure": v[2]["text"],
                                    "context": text[max(0, v[1][0] - 150):v[1][0]] + "[[" + v[2]["text"] + "]]" + text[v[1][1]:v[1][1] + 150]}
                        pool.write(json.dumps({"cluster": g["id"], "half": half, "a": side(a), "b": side(b)}) + "\n")
                if show:
                    print(f"{g['id']} [{group.get('kind')}] {a[2]['text']!r} / {b[2]['text']!r}: {label}")
            if any(l in ("conflict", "changed") for l in labels) and not any(l in ("agree", "different") for l in labels):
                t["signed"] += 1
        t["found"] += len(found)
        if show:
            for k, (ga, gb, gl, gp) in enumerate(pairs):
                if gl in ("conflict", "changed") and k not in found:
                    print(f"{g['id']} missed [{gl}] {gp['a']['figure']!r} / {gp['b']['figure']!r}: {gp.get('what', '')}")
    return totals, rows


HEADER = ("| half | model fitted on | clusters | groups shown | groups an editor signs | pairs predicted | right | agree | "
          "different | unlabelled | precision | gold pairs | recall | kind right |\n"
          "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def row(half, fitted, t):
    p = t["right"] / t["pred"] if t["pred"] else 0
    r = t["found"] / t["gold"] if t["gold"] else 0
    return (f"| {half} | {fitted} | {t['clusters']} | {t['groups']} | {t['signed']} | {t['pred']} | {t['right']} | {t['agree']} | "
            f"{t['different']} | {t['unlabelled']} | {p:.2f} | {t['gold']} | {r:.2f} | {t['kind_right']}/{t['right']} |")


FEATURES = []
ONLY = []  # --features: the features to fit on (default: all the dump gives)


def training_set(rows, halves):
    """Features and labels of the pairs of `halves`: one quantity when the gold says conflict, changed or
    agree; two when it says different, or gives no label to values that cannot both hold (the gold
    records every conflict and change); compatible values it gives no label are left out."""
    global FEATURES
    xs, ys = [], []
    for r in rows:
        if r["half"] not in halves:
            continue
        if r["label"] in ("conflict", "changed", "agree"):
            y = 1
        elif r["label"] == "different" or (r["label"] is None and not r["compatible"]):
            y = 0
        else:
            continue
        FEATURES = [f for f in r["features"] if not ONLY or f in ONLY]
        xs.append([r["features"][f] for f in FEATURES])
        ys.append(y)
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


SMOOTH = os.environ.get("PRECIS_DIS_PEAK") is None


def choose_threshold(weights, rows, halves):
    """The probability, on a grid, at which the disagreements found among the pairs of `halves` (values
    that cannot both hold, one quantity by the model) score the best F0.5 against the gold's conflicts
    and changes: precision counts twice as much as recall, as an editor signs what is shown."""
    cand = [r for r in rows if r["half"] in halves and not r["compatible"]]
    gold = sum(1 for r in cand if r["label"] in ("conflict", "changed"))
    grid = [k / 100 for k in range(5, 100, 5)]
    scores = []
    for t in grid:
        pred = right = 0
        for r in cand:
            z = weights[0] + sum(w * r["features"][f] for w, f in zip(weights[1:], FEATURES))
            if 1 / (1 + np.exp(-z)) >= t:
                pred += 1
                right += r["label"] in ("conflict", "changed")
        p, rc = (right / pred if pred else 0), right / max(gold, 1)
        scores.append(1.25 * p * rc / (0.25 * p + rc) if right else 0.0)
    if SMOOTH:
        # Each grid point by the mean of its own F0.5 and its neighbours' (one step each side): a
        # handful of pairs decides the best single point, which moves with one label more or less.
        scores = [sum(scores[max(0, k - 1):k + 2]) / len(scores[max(0, k - 1):k + 2]) for k in range(len(grid))]
    best = None
    for t, f in zip(grid, scores):
        if f > 0 and (best is None or f > best[0] + 1e-9):
            best = (f, t)
    return best[1] if best else 0.5


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.join(HERE, "gold", "disagreements.json"))
    ap.add_argument("--precis", default=os.path.join(ROOT, ".build", "release", "precis"))
    ap.add_argument("--half", choices=["A", "B"], help="one half only (default: both, reported apart)")
    ap.add_argument("--show", action="store_true", help="print every predicted pair with its gold label, and the gold conflict/changed pairs missed (with --fit: of the left-out runs)")
    ap.add_argument("--unlabelled", metavar="OUT.jsonl", help="write the predicted pairs the gold has no label for, with context")
    ap.add_argument("--fit", action="store_true",
                    help="fit the figure pair model on each half and score it on the other (and in-set), then on all")
    ap.add_argument("--features", help="comma-separated features to fit on (default: all)")
    args = ap.parse_args()
    if args.features:
        ONLY.extend(args.features.split(","))
    gold = json.load(open(args.gold, encoding="utf-8"))
    data = os.path.normpath(os.path.join(ROOT, gold["data"]))
    clusters = {}
    for line in open(data, encoding="utf-8"):
        if line.strip():
            c = json.loads(line)
            clusters[c["id"]] = c
    if not args.fit:
        pool = open(args.unlabelled, "a", encoding="utf-8") if args.unlabelled else None
        halves = [args.half] if args.half else ["A", "B"]
        totals, _ = score(args, gold, clusters, halves, show=args.show, pool=pool)
        print(HEADER)
        for half in sorted(totals):
            print(row(half, "shipped", totals[half]))
        print(f"gold pairs whose figures could not be found in the clean text: {sum(t['unmapped'] for t in totals.values())}")
        return
    from bench_story_quality import logistic, write_model
    with tempfile.TemporaryDirectory() as tmp:
        shipped, rows = score(args, gold, clusters, ["A", "B"], dump=tmp)
        lines = [row(h, "shipped", shipped[h]) for h in sorted(shipped)]
        models = {}
        for tuned in ("A", "B"):
            x, y = training_set(rows, [tuned])
            weights = logistic(x, y)
            threshold = choose_threshold(weights, rows, [tuned])
            models[tuned] = os.path.join(tmp, f"model-{tuned}.txt")
            write_model(models[tuned], weights, threshold, FEATURES)
            print(f"# fitted on {tuned} ({int(y.sum())} one quantity, {int(len(y) - y.sum())} two): threshold {threshold}, " +
                  ", ".join(f"{n} {w:.3f}" for n, w in zip(["intercept"] + FEATURES, weights)))
        for half in ("A", "B"):
            for tuned in (half, "B" if half == "A" else "A"):
                left_out = tuned != half
                if args.show and left_out:
                    print(f"# half {half}, model fitted on {tuned} (left out):")
                totals, _ = score(args, gold, clusters, [half], model=models[tuned], show=args.show and left_out)
                lines.append(row(half, tuned + (" (in-set)" if tuned == half else " (left out)"), totals[half]))
        x, y = training_set(rows, ["A", "B"])
        weights = logistic(x, y)
        threshold = choose_threshold(weights, rows, ["A", "B"])
        print(HEADER)
        print("\n".join(lines))
        print("# fitted on both halves (FigurePairModel.fitted):")
        print(f"#   intercept: {weights[0]:.4f}, weights: [{', '.join(f'{w:.4f}' for w in weights[1:])}], threshold: {threshold}")


if __name__ == "__main__":
    main()
