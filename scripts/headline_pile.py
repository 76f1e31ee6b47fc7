#!/usr/bin/env python3
"""A pile of plain-text articles with no titles of their own, as a user drops scraped text on Precis:
the first 15 Multi-News dev clusters of each fixed half (`../shared/tools/halves.py`), one .txt file
per document, plus the five seed articles; then `precis digest` on each half, printing every story's
headline (one line each: half, story, headline) for a reader to judge.

    python3 scripts/headline_pile.py --bin .build/debug/precis

The files are written to a temporary directory, never into the repository.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SHARED = os.path.join(ROOT, "..", "shared")
DEV = os.path.join(SHARED, "data", "mds", "multinews-dev100.jsonl")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "precis"))
    parser.add_argument("--clusters", type=int, default=15)
    parser.add_argument("--show", action="store_true", help="also print each story's first summary sentence")
    args = parser.parse_args()
    halves = json.loads(subprocess.run([sys.executable, os.path.join(SHARED, "tools", "halves.py"), DEV],
                                       capture_output=True, text=True, check=True).stdout)
    data = {}
    for line in open(DEV):
        row = json.loads(line)
        data[row["id"]] = row
    with tempfile.TemporaryDirectory() as tmp:
        for half in "AB":
            pile = os.path.join(tmp, half)
            os.makedirs(pile)
            for cid in halves[half][:args.clusters]:
                for i, text in enumerate(data[cid]["documents"]):
                    if text.strip():
                        with open(os.path.join(pile, f"{cid}_d{i}.txt"), "w") as f:
                            f.write(text)
            for seed in glob.glob(os.path.join(SHARED, "data", "seeds", "*.txt")):
                shutil.copy(seed, pile)
            out = subprocess.run([args.bin, "digest", pile, "--format", "json"], capture_output=True, text=True, check=True).stdout
            stories = json.loads(out)["stories"]
            missing = sum(1 for s in stories if not s.get("headline"))
            for s in stories:
                print(f"{half}\t{s['story']}\t{s.get('headline')}")
                if args.show and s.get("sentences"):
                    print(f"\t\t<- {s['sentences'][0].get('text')}")
            print(f"# half {half}: {len(stories)} stories, {missing} without a headline")


if __name__ == "__main__":
    main()
