#!/usr/bin/env python3
"""Lists the disagreements `precis facts` finds in each cluster of a Multi-News JSON Lines file, each
value with the words around it, for reading: whether two figures are one figure put two ways or two
different figures is judged by a reader, not computed.

    make release
    python3 scripts/list_disagreements.py ../shared/data/mds/multinews-dev100.jsonl > /tmp/disagreements.txt

The last line counts the disagreements shown. Offsets are checked against each document's clean text,
which `precis facts` returns with them.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="Multi-News JSON Lines: {\"id\", \"documents\": [...]} per line")
    ap.add_argument("--precis", default=os.path.join(HERE, "..", ".build", "release", "precis"))
    ap.add_argument("--context", type=int, default=90, help="characters shown each side of a figure")
    args = ap.parse_args()
    total = 0
    with open(args.data, encoding="utf-8") as f:
        clusters = [json.loads(line) for line in f if line.strip()]
    for i, cluster in enumerate(clusters):
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for k, doc in enumerate(cluster["documents"]):
                path = os.path.join(tmp, f"d{k}.txt")
                with open(path, "w", encoding="utf-8") as out:
                    out.write(doc)
                files.append(path)
            run = subprocess.run([args.precis, "facts", "-q", "--format", "json"] + files,
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"cluster {i} ({cluster.get('id')}): precis failed: {run.stderr.strip()}", file=sys.stderr)
                continue
            facts = json.loads(run.stdout)
        texts = [d["text"] for d in facts["documents"]]
        for group in facts["disagreements"]:
            total += 1
            print(f"== cluster {i} ({cluster.get('id')}): {group['about']}")
            for v in group["values"]:
                text = texts[v["document"]]
                start, end = v["start"], v["end"]
                assert text[start:end] == v["text"], (i, v)
                before = text[max(0, start - args.context):start]
                after = text[end:end + args.context]
                line = f"{before}[[{v['text']}]]{after}".replace("\n", " ")
                print(f"  [{v['document'] + 1}] {v['value']}: {line}")
    print(f"disagreements shown: {total}")


if __name__ == "__main__":
    main()
