#!/usr/bin/env python3
"""Agreement of Precis's sentence segmentation with pysbd on the same texts.

Runs `precis segment` over every document of a Multi-News JSON Lines file, segments the same
normalised text with pysbd (English, clean=False), and compares the sentence end positions:
precision/recall/F1 of Precis's boundaries taking pysbd's as reference, the share of documents
segmented identically, and where they differ, a sample of the disagreements.

    python3 scripts/segment_agreement.py [--data ../shared/data/mds/multinews-dev100.jsonl] [--bin .build/release/precis]
"""
import argparse
import json
import subprocess
import sys
import time


def ends(text, spans):
    """Sentence end offsets, ignoring trailing white space."""
    out = set()
    for start, end in spans:
        while end > start and text[end - 1].isspace():
            end -= 1
        out.add(end)
    return out


def pysbd_spans(seg, text):
    spans = []
    pos = 0
    for sentence in seg.segment(text):
        s = sentence.strip()
        if not s:
            continue
        i = text.find(s, pos)
        if i < 0:
            continue
        spans.append((i, i + len(s)))
        pos = i + len(s)
    return spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/mds/multinews-dev100.jsonl")
    ap.add_argument("--bin", default=".build/release/precis")
    ap.add_argument("--show", type=int, default=0, help="print this many disagreements")
    args = ap.parse_args()

    import pysbd
    seg = pysbd.Segmenter(language="en", clean=False)

    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run([args.bin, "segment", "--quiet", args.data], capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    precis_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    docs = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]

    tp = fp = fn = 0
    same = 0
    shown = 0
    t1 = time.process_time()
    for doc in docs:
        text = doc["text"]
        ours = ends(text, doc["sentences"])
        theirs = ends(text, pysbd_spans(seg, text))
        tp += len(ours & theirs)
        fp += len(ours - theirs)
        fn += len(theirs - ours)
        same += ours == theirs
        if args.show and shown < args.show:
            for e in sorted(ours ^ theirs)[:3]:
                side = "precis only" if e in ours else "pysbd only"
                print(f"[{side}] ...{text[max(0, e - 60):e]}|{text[e:e + 40]}...".replace("\n", "⏎"))
                shown += 1
    pysbd_cpu = time.process_time() - t1
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    f = 2 * p * r / (p + r) if p + r else 0
    print(f"documents: {len(docs)}  boundaries precis: {tp + fp}  pysbd: {tp + fn}")
    print(f"boundary agreement (pysbd as reference): P {100 * p:.1f}  R {100 * r:.1f}  F1 {100 * f:.1f}")
    print(f"documents segmented identically: {same}/{len(docs)} ({100 * same / max(1, len(docs)):.1f}%)")
    print(f"CPU seconds, same documents: precis {precis_cpu:.2f} (whole process: read, normalise, segment, write JSON), pysbd {pysbd_cpu:.2f}")


if __name__ == "__main__":
    sys.exit(main())
