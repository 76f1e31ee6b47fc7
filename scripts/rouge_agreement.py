#!/usr/bin/env python3
"""Checks that `precis eval rouge` scores like Google's rouge-score.

Runs `precis eval rouge --dump` on a data set, scores the dumped predictions and references with
rouge-score (use_stemmer=True) in Python, and prints both means and the largest difference.

    python3 scripts/rouge_agreement.py [--data ../shared/data/mds/multinews-dev100.jsonl] [--bin .build/release/precis] [--words 250]
"""
import argparse
import json
import subprocess
import sys
import tempfile

from rouge_score import rouge_scorer

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/mds/multinews-dev100.jsonl")
    ap.add_argument("--bin", default=".build/release/precis")
    ap.add_argument("--words", type=int, default=250)
    args = ap.parse_args()

    with tempfile.NamedTemporaryFile(suffix=".jsonl") as dump:
        out = subprocess.run([args.bin, "eval", "rouge", "--data", args.data, "--words", str(args.words),
                              "--dump", dump.name], capture_output=True, text=True, check=True).stdout
        rows = [json.loads(line) for line in open(dump.name)]
    lines = out.splitlines()
    ours = [float(x) for x in lines[2].split()]

    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    sums = {t: 0.0 for t in TYPES}
    for row in rows:
        scores = scorer.score_multi(row["references"], row["prediction"])
        for t in TYPES:
            sums[t] += scores[t].fmeasure
    theirs = [100 * sums[t] / len(rows) for t in TYPES]
    print(f"clusters: {len(rows)}   F1 x100")
    print("             " + "  ".join(f"{t:>9}" for t in TYPES))
    print("precis eval  " + "  ".join(f"{v:9.2f}" for v in ours))
    print("rouge-score  " + "  ".join(f"{v:9.2f}" for v in theirs))
    diff = max(abs(a - b) for a, b in zip(ours, theirs))
    print(f"largest difference: {diff:.3f} points")
    return 0 if diff <= 0.05 else 1


if __name__ == "__main__":
    sys.exit(main())
