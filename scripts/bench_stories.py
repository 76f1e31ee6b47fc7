#!/usr/bin/env python3
"""Scale benchmark for story clustering: articles per second and peak memory of `precis stories`
at 10 000 and 100 000 articles, streamed (--stream) and as one batch, release build.

    make release
    python3 scripts/bench_stories.py                 # 10 000 and 100 000
    python3 scripts/bench_stories.py --sizes 10000   # one size

The articles are real ones from ../shared/data (Multi-News dev documents, ECB+ dev documents and the
seeds), read in place and varied so that a large intake has many distinct stories: each generated
story takes one real article, renames its capitalised words consistently (so different stories built
from one article do not share their names), and each of its articles keeps a different random 60% of
the sentences. Stories have 1 to 12 articles; one article in twenty is a wire copy of another
(a new header line over the same body). The generated file goes to a temporary directory, never
into the repository. Times are CPU seconds of the `precis` process (user + system), peak memory is
its maximum resident set size.
"""
import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")


def real_articles():
    texts = []
    with open(os.path.join(DATA, "mds", "multinews-dev100.jsonl")) as f:
        for line in f:
            texts.extend(json.loads(line)["documents"])
    with open(os.path.join(DATA, "stories", "ecbplus", "docs.dev.jsonl")) as f:
        for line in f:
            row = json.loads(line)
            text = row["text"]
            if row.get("first_line_is_url") and "\n" in text:
                text = text.split("\n", 1)[1]
            texts.append(text)
    seeds = os.path.join(DATA, "seeds")
    for name in sorted(os.listdir(seeds)):
        with open(os.path.join(seeds, name), encoding="utf-8", errors="replace") as f:
            texts.append(f.read())
    return [t for t in texts if len(t.split()) >= 80]


SENTENCE = re.compile(r"(?<=[.!?])\s+")
NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
SYLLABLES = ["ka", "lo", "ve", "ri", "dan", "mor", "sel", "tu", "bra", "nik", "os", "hel", "vin", "ra", "gu"]


def generate(count, seed=1):
    rng = random.Random(seed)
    base = real_articles()
    out, story = [], 0
    while len(out) < count:
        source = rng.choice(base)
        names = {}

        def rename(m):
            word = m.group(0)
            if word not in names:
                names[word] = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
            return names[word]

        renamed = NAME.sub(rename, source)
        sentences = [s for s in SENTENCE.split(renamed) if s.strip()]
        day = 18000 + story // 200  # about 200 stories a day
        for _ in range(rng.randint(1, 12)):
            if len(out) >= count:
                break
            if out and rng.random() < 0.05:
                copy = out[rng.randrange(max(0, len(out) - 50), len(out))]
                out.append({"id": f"a{len(out)}", "text": "WIRE SERVICE\n\n" + copy["text"], "date": copy["date"]})
                continue
            keep = [s for s in sentences if rng.random() < 0.6] or sentences[:3]
            date = time.strftime("%Y-%m-%d", time.gmtime((day + rng.randint(0, 1)) * 86400))
            out.append({"id": f"a{len(out)}", "text": " ".join(keep), "date": date})
        story += 1
    return out


def run(binary, path, stream):
    args = [binary, "stories", "--batch", path, "--quiet"] + (["--stream"] if stream else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + args, capture_output=True, text=True, check=True)
    wall = time.time() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    lines = proc.stdout.count("\n")
    stories = len({json.loads(l)["story"] for l in proc.stdout.splitlines()})
    return cpu, wall, peak_kb / 1024, lines, stories


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/precis")
    ap.add_argument("--sizes", default="10000,100000")
    args = ap.parse_args()
    print(f"{'articles':>9} {'mode':7} {'CPU s':>8} {'wall s':>8} {'articles/s':>11} {'peak MB':>8} {'stories':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            path = os.path.join(tmp, f"intake-{size}.jsonl")
            with open(path, "w") as f:
                for row in generate(size):
                    f.write(json.dumps(row) + "\n")
            for stream in (True, False):
                cpu, wall, peak, lines, stories = run(args.bin, path, stream)
                assert lines == size, f"expected {size} lines, got {lines}"
                print(f"{size:9d} {'stream' if stream else 'batch':7} {cpu:8.2f} {wall:8.2f} {size / cpu:11.0f} {peak:8.0f} {stories:8d}")
                sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
