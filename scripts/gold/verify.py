#!/usr/bin/env python3
"""Check scripts/gold/disagreements.json: every figure's offsets slice the raw document to the figure,
pairs join different documents, labels and halves are valid. Prints counts per half and label."""
import json, os, sys
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
gold = json.load(open(os.path.join(here, "disagreements.json")))
repo = os.path.dirname(os.path.dirname(here))
data = os.path.normpath(os.path.join(repo, gold["data"]))
docs = {}
for line in open(data):
    c = json.loads(line)
    docs[c["id"]] = c["documents"]
labels = ("conflict", "changed", "agree", "different")
count = Counter()
for cl in gold["clusters"]:
    assert cl["half"] in ("A", "B"), cl["id"]
    for p in cl["pairs"]:
        assert p["label"] in labels, p
        assert p["a"]["doc"] != p["b"]["doc"], p
        for side in ("a", "b"):
            s = p[side]
            text = docs[cl["id"]][s["doc"]]
            assert text[s["start"]:s["end"]] == s["figure"], (cl["id"], s)
        count[(cl["half"], p["label"])] += 1
for h in ("A", "B"):
    n = sum(1 for c in gold["clusters"] if c["half"] == h)
    print(h, n, "clusters", {l: count[(h, l)] for l in labels})
print("ok")
