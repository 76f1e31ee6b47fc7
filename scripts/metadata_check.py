#!/usr/bin/env python3
"""How often `precis extract` gets a page's publication date and title exactly right, on trafilatura's
evaluation subset, whose entries record both.

    python3 scripts/metadata_check.py [--root ../shared/data/extraction/trafilatura-eval] [--bin .build/release/precis]
"""
import argparse
import json
import os
import subprocess


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="../shared/data/extraction/trafilatura-eval")
    ap.add_argument("--bin", default=".build/release/precis")
    args = ap.parse_args()
    entries = json.load(open(os.path.join(args.root, "evaldata.subset.json")))
    files = {}
    for entry in entries.values():
        for folder in ("tests/cache", "tests/eval"):  # the repository's lookup order
            path = os.path.join(args.root, folder, entry["file"])
            if os.path.exists(path):
                files[path] = entry
                break
    out = subprocess.run([args.bin, "extract", "--quiet"] + list(files), capture_output=True, text=True).stdout
    got = {d["file"]: d for d in map(json.loads, out.splitlines())}
    squeeze = lambda s: " ".join((s or "").split())
    dates = sum(1 for p, e in files.items() if got.get(p, {}).get("date") and e.get("date", "")[:10] == got[p]["date"][:10])
    titles = sum(1 for p, e in files.items() if got.get(p, {}).get("title") and squeeze(e.get("title")) == squeeze(got[p]["title"]))
    print(f"pages {len(files)}: publication date exact {dates} ({100 * dates / len(files):.0f}%), title exact {titles} ({100 * titles / len(files):.0f}%)")


if __name__ == "__main__":
    main()
