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


def run_cluster(precis, docs):
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for k, doc in enumerate(docs):
            path = os.path.join(tmp, f"d{k:02d}.txt")
            with open(path, "w", encoding="utf-8") as out:
                out.write(doc)
            files.append(path)
        run = subprocess.run([precis, "facts", "-q", "--format", "json"] + files, capture_output=True, text=True)
        if run.returncode != 0:
            return None
        facts = json.loads(run.stdout)
    # Map Precis's document index to the cluster's (a document that gave no article is left out).
    index = [int(os.path.basename(d["file"])[1:3]) for d in facts["documents"]]
    return facts, index


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.join(HERE, "gold", "disagreements.json"))
    ap.add_argument("--precis", default=os.path.join(ROOT, ".build", "release", "precis"))
    ap.add_argument("--half", choices=["A", "B"], help="one half only (default: both, reported apart)")
    ap.add_argument("--show", action="store_true", help="print every predicted pair with its gold label")
    ap.add_argument("--unlabelled", metavar="OUT.jsonl", help="write the predicted pairs the gold has no label for, with context")
    args = ap.parse_args()
    gold = json.load(open(args.gold, encoding="utf-8"))
    data = os.path.normpath(os.path.join(ROOT, gold["data"]))
    clusters = {}
    for line in open(data, encoding="utf-8"):
        if line.strip():
            c = json.loads(line)
            clusters[c["id"]] = c
    totals = {}
    unmapped = 0
    pool = open(args.unlabelled, "a", encoding="utf-8") if args.unlabelled else None
    for g in gold["clusters"]:
        half = g["half"]
        if args.half and half != args.half:
            continue
        t = totals.setdefault(half, dict(pred=0, right=0, agree=0, different=0, unlabelled=0, gold=0, found=0,
                                         groups=0, signed=0, kind_right=0, clusters=0))
        t["clusters"] += 1
        docs = clusters[g["id"]]["documents"]
        result = run_cluster(args.precis, docs)
        if result is None:
            print(f"{g['id']}: precis failed", file=sys.stderr)
            continue
        facts, index = result
        texts = {index[k]: d["text"] for k, d in enumerate(facts["documents"])}
        # Gold pairs in clean-text offsets.
        pairs = []
        for p in g["pairs"]:
            ends = []
            for side in ("a", "b"):
                e = p[side]
                if e["doc"] not in texts:
                    ends.append(None)
                    continue
                loc = locate(docs[e["doc"]], e["start"], e["end"], texts[e["doc"]])
                ends.append((e["doc"], loc, e["figure"]) if loc else None)
            if None in ends:
                unmapped += 1
                if p["label"] in ("conflict", "changed"):
                    t["gold"] += 1  # still counts against recall
                continue
            pairs.append((ends[0], ends[1], p["label"], p))
            if p["label"] in ("conflict", "changed"):
                t["gold"] += 1
        found = set()
        for group in facts["disagreements"]:
            t["groups"] += 1
            values = [(index[v["document"]], (v["start"], v["end"]), v) for v in group["values"]]
            labels = []
            # The pairs Precis says cannot both hold (older output: every pair of the group).
            claimed = group.get("incompatible") or [[i, j] for i in range(len(values)) for j in range(i + 1, len(values))]
            for i, j in claimed:
                if True:
                    a, b = values[i], values[j]
                    if a[0] == b[0]:
                        continue
                    t["pred"] += 1
                    label = None
                    for k, (ga, gb, gl, gp) in enumerate(pairs):
                        for x, y in ((ga, gb), (gb, ga)):
                            if same_figure(x, a) and same_figure(y, b):
                                label = gl
                                if gl in ("conflict", "changed"):
                                    found.add(k)
                                    if group.get("kind") == gl:
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
                    if args.show:
                        print(f"{g['id']} [{group.get('kind')}] {a[2]['text']!r} / {b[2]['text']!r}: {label}")
            if any(l in ("conflict", "changed") for l in labels) and not any(l in ("agree", "different") for l in labels):
                t["signed"] += 1
        t["found"] += len(found)
    print("| half | clusters | groups shown | groups an editor signs | pairs predicted | right | agree | different | unlabelled | precision | gold pairs | recall | kind right |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for half in sorted(totals):
        t = totals[half]
        p = t["right"] / t["pred"] if t["pred"] else 0
        r = t["found"] / t["gold"] if t["gold"] else 0
        print(f"| {half} | {t['clusters']} | {t['groups']} | {t['signed']} | {t['pred']} | {t['right']} | {t['agree']} | "
              f"{t['different']} | {t['unlabelled']} | {p:.2f} | {t['gold']} | {r:.2f} | {t['kind_right']}/{t['right']} |")
    print(f"gold pairs whose figures could not be found in the clean text: {unmapped}")


if __name__ == "__main__":
    main()
