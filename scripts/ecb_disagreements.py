#!/usr/bin/env python3
"""Lists the disagreements `precis facts` shows in each story of ECB+ dev (each story's articles as one
digest), for reading and counting on data the disagreement gold did not come from.

    python3 scripts/ecb_disagreements.py [--precis .build/debug/precis]

The data is read in place from ../shared/data/stories/ecbplus; the last line counts the groups shown.
"""
import argparse
import collections
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--precis", default=os.path.join(HERE, "..", ".build", "release", "precis"))
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data", "stories", "ecbplus", "docs.dev.jsonl"))
    args = ap.parse_args()
    stories = collections.defaultdict(list)
    with open(args.data, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            stories[doc["story_id"]].append(doc)
    total = 0
    for story, docs in sorted(stories.items()):
        if len(docs) < 2:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for k, doc in enumerate(docs):
                path = os.path.join(tmp, f"{k:02d}.txt")
                with open(path, "w", encoding="utf-8") as out:
                    out.write(" ".join(doc["sentences"]))
                files.append(path)
            run = subprocess.run([args.precis, "facts", "-q", "--format", "json"] + files, capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{story}: precis failed: {run.stderr.strip()}")
                continue
            for d in json.loads(run.stdout)["disagreements"]:
                total += 1
                print(story, d["kind"], d["summary"])
    print("groups shown:", total)


if __name__ == "__main__":
    main()
