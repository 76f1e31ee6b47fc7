#!/usr/bin/env python3
"""A pile of plain-text articles with no titles of their own, as a user drops scraped text on Precis:
the first 15 Multi-News dev clusters of each fixed half (`../shared/tools/halves.py`), one .txt file
per document, plus the five seed articles; then `precis digest` on each half, printing every story's
headline (one line each: half, story, headline) for a reader to judge.

    python3 scripts/headline_pile.py --bin .build/debug/precis
    python3 scripts/headline_pile.py --bin .build/release/precis --newswire   # TimeBank and AQUAINT

With --newswire the pile is instead the 256 wire and newspaper articles of TimeBank and AQUAINT
(`../shared/data/timex/tbaq-cleaned`, the text of each article's TEXT element, its markup left out:
wire datelines, no titles), each summarised on its own; one line each: file, headline.

The files are written to a temporary directory, never into the repository.
"""
import argparse
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SHARED = os.path.join(ROOT, "..", "shared")
DEV = os.path.join(SHARED, "data", "mds", "multinews-dev100.jsonl")
TBAQ = os.path.join(SHARED, "data", "timex", "tbaq-cleaned")


def newswire(args):
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(glob.glob(os.path.join(TBAQ, "*", "*.tml"))):
            markup = open(path, encoding="utf-8", errors="replace").read()
            start, end = markup.find("<TEXT>"), markup.find("</TEXT>")
            if start < 0 or end < 0:
                continue
            text = html.unescape(re.sub(r"<[^>]+>", "", markup[start + 6:end])).strip()
            name = os.path.basename(path)[:-4] + ".txt"
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(text)
            out = subprocess.run([args.bin, "summarize", os.path.join(tmp, name), "-q", "--format", "json"],
                                 capture_output=True, text=True, check=True).stdout
            print(f"{name}\t{json.loads(out).get('headline')}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "precis"))
    parser.add_argument("--clusters", type=int, default=15)
    parser.add_argument("--show", action="store_true", help="also print each story's first summary sentence")
    parser.add_argument("--newswire", action="store_true", help="headlines of the TimeBank and AQUAINT articles, each alone")
    args = parser.parse_args()
    if args.newswire:
        return newswire(args)
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
