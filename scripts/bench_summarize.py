#!/usr/bin/env python3
"""Side-by-side summarization benchmark: lead, sumy's LexRank and TextRank, and Precis, on the same
clusters with the same word budget, scored by the same scorer (Google's rouge-score, Porter stemming),
with the CPU time each system took, in one run.

    pip install rouge-score sumy pysbd
    make release
    python3 scripts/bench_summarize.py --words 250                 # Multi-News style, F1
    python3 scripts/bench_summarize.py --words 100 --recall        # DUC style, recall

Every summary is cut to --words words (the truncation the Multi-News literature uses) and scored one
sentence per line; references are split into sentences with pysbd for ROUGE-Lsum. Baselines fill the
budget with their best-ranked sentences (sentences segmented with pysbd, since NLTK's data cannot be
downloaded here), then put them in document order. Precis runs as `precis summarize --batch` (one
process for all clusters, reading and cleaning included in its time): its CPU time is the median of runs
on one core (`--jobs 1`), its wall time the median of runs as shipped (one job per core).
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

import pysbd
from rouge_score import rouge_scorer

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
SEGMENTER = pysbd.Segmenter(language="en", clean=False)


def sentences_of(text):
    return [s.strip() for s in SEGMENTER.segment(text) if s.strip()]


def words(s):
    return len(s.split())


def cut(sentences, budget):
    """Sentences one per line, cut to `budget` words."""
    out, used = [], 0
    for s in sentences:
        w = s.split()
        if used >= budget:
            break
        take = w[: budget - used]
        out.append(" ".join(take))
        used += len(take)
    return "\n".join(out)


def lead(docs, budget):
    """First sentences of each document in turn."""
    split = [sentences_of(d) for d in docs]
    out, used, k = [], 0, 0
    while used < budget and any(k < len(s) for s in split):
        for s in split:
            if k < len(s) and used < budget:
                out.append(s[k])
                used += words(s[k])
        k += 1
    return out


class PysbdTokenizer:
    """What sumy needs of a tokenizer, without NLTK's data: pysbd sentences, regex words."""
    language = "english"

    def to_sentences(self, paragraph):
        return sentences_of(paragraph)

    def to_words(self, sentence):
        return re.findall(r"[\w']+", sentence)


def sumy_system(kind):
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = PysbdTokenizer()

    def run(docs, budget):
        parser = PlaintextParser.from_string("\n\n".join(docs), tokenizer)
        ranked = []

        def take_all(infos):  # sumy hands the sentences sorted by rating: keep that order
            ranked.extend(infos)
            return infos

        summarizer(parser.document, take_all)
        chosen, used = [], 0
        for info in ranked:
            if used >= budget:
                break
            chosen.append(info)
            used += words(str(info.sentence))
        return [str(i.sentence) for i in sorted(chosen, key=lambda i: i.order)]

    return run


def score(scorer, rows, predictions, recall):
    sums = {t: 0.0 for t in TYPES}
    for row, prediction in zip(rows, predictions):
        refs = ["\n".join(sentences_of(r)) for r in row["references"]]
        s = scorer.score_multi(refs, prediction)
        for t in TYPES:
            sums[t] += s[t].recall if recall else s[t].fmeasure
    return [100 * sums[t] / len(rows) for t in TYPES]


def run_precis(binary, path, budget, jobs):
    """One `precis summarize --batch` process: its summaries, CPU seconds and wall seconds."""
    cmd = [binary, "summarize", "--batch", path, "--words", str(budget), "--quiet"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = [json.loads(l) for l in out.splitlines()]
    return [[s["text"] for s in l["sentences"]] for l in lines], cpu, wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/mds/multinews-dev100.jsonl")
    ap.add_argument("--bin", default=".build/release/precis")
    ap.add_argument("--words", type=int, default=250)
    ap.add_argument("--recall", action="store_true", help="report recall (DUC style) instead of F1")
    ap.add_argument("--min-documents", type=int, default=0, help="only clusters with at least this many documents")
    ap.add_argument("--skip", default="", help="comma-separated systems to leave out")
    ap.add_argument("--repeat", type=int, default=5,
                    help="run Precis this many times and report the median CPU time (its run is under a "
                         "second, where a VM's noise is large; the baselines run once)")
    args = ap.parse_args()

    rows = [json.loads(l) for l in open(args.data)]
    rows = [r for r in rows if len(r["documents"]) >= args.min_documents]
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    skip = set(filter(None, args.skip.split(",")))

    results = []
    systems = [("lead", lead), ("LexRank (sumy)", sumy_system("lexrank")), ("TextRank (sumy)", sumy_system("textrank"))]
    for name, fn in systems:
        if name.split()[0].lower() in skip:
            continue
        t0, w0 = time.process_time(), time.perf_counter()
        outputs = [fn(r["documents"], args.words) for r in rows]
        cpu, wall = time.process_time() - t0, time.perf_counter() - w0
        results.append((name, score(scorer, rows, [cut(o, args.words) for o in outputs], args.recall), cpu, wall))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for row in rows:
            f.write(json.dumps({"id": row["id"], "documents": row["documents"]}) + "\n")
        path = f.name
    # CPU from runs on one core (--jobs 1); wall time from runs as shipped (one job per core).
    n = max(1, args.repeat)
    single = [run_precis(args.bin, path, args.words, 1) for _ in range(n)]
    shipped = [run_precis(args.bin, path, args.words, None) for _ in range(n)]
    os.unlink(path)
    outputs = single[0][0]
    assert all(r[0] == outputs for r in single + shipped), "Precis gave different summaries on the same input"
    cpu = sorted(r[1] for r in single)[n // 2]
    wall = sorted(r[2] for r in shipped)[n // 2]
    results.append(("Precis", score(scorer, rows, [cut(o, args.words) for o in outputs], args.recall), cpu, wall))

    measure = "recall" if args.recall else "F1"
    docs = sum(len(r["documents"]) for r in rows) / len(rows)
    print(f"{len(rows)} clusters ({docs:.1f} documents each on average), {args.words}-word summaries, ROUGE {measure} x100 (rouge-score, stemmed)")
    print(f"{'system':18} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'R-Lsum':>7} {'CPU s':>8} {'wall s':>8}")
    for name, s, cpu, wall in results:
        print(f"{name:18} {s[0]:6.2f} {s[1]:6.2f} {s[2]:6.2f} {s[3]:7.2f} {cpu:8.3f} {wall:8.3f}")
    lex = next((r for r in results if r[0].startswith("LexRank")), None)
    if lex:
        print(f"Precis (medians of {n} runs): CPU time on one core 1/{lex[2] / max(cpu, 1e-9):.0f} of LexRank's; "
              f"wall time with {os.cpu_count()} cores 1/{lex[3] / max(wall, 1e-9):.0f} of LexRank's")


if __name__ == "__main__":
    sys.exit(main())
