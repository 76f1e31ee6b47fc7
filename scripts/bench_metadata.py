#!/usr/bin/env python3
"""Authors, publication dates and titles against the hand-made metadata gold (scripts/gold/metadata.json),
Precis and trafilatura side by side in one run, per set and overall.

    python3 scripts/bench_metadata.py [--half A|B] [--set NAME] [--bin .build/debug/precis]
                                      [--data ../shared/data/extraction] [--precis-url] [--no-url]
                                      [--misses] [--dump FILE] [--skip-precis] [--skip-trafilatura]

Precis: `precis extract --quiet --format json FILES` on the gold pages (one JSON line per file, matched by
"file"); with --precis-url the pages go in as JSON Lines records {"id", "html", "url"} instead, so Precis
sees the page address as trafilatura does (the HTML is then decoded here, UTF-8 or else cp1252).
trafilatura: trafilatura.extract(html, url=URL, output_format="json", with_metadata=True); when that
returns nothing (no main text found) trafilatura.extract_metadata(html, default_url=URL) gives the fields.
--no-url gives trafilatura no URL either.

Scores, each over the pages whose gold has the field (a page a tool returns nothing for counts as wrong;
"no output" says how many):
  authors  exact   the set of names equals the gold set (case, spaces, apostrophes, a leading "By"
                   normalised; trafilatura's "A; B" split on ";")
           partial at least one gold name appears inside some returned author string
           extra   pages whose gold has no author where the tool returns one (lower is better)
  date     exact   same YYYY-MM-DD (the first ten characters of the returned date)
           extra   pages whose gold has no date where the tool returns one
  title    exact   normalised (case, spaces, quotes, dashes) equal to the gold title or an alternative
           f1>=.9  token F1 against the best gold form at least 0.9
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDERS = {"l3s-gn1": "l3s-gn1/original", "trafilatura-eval": "trafilatura-eval/tests/eval",
           "cleanportaleval": "cleanportaleval/input", "cleaneval": "cleaneval/input"}
QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
                        "«": '"', "»": '"', "–": "-", "—": "-", "\u00a0": " "})


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").translate(QUOTES).casefold()
    return " ".join(s.split())


def norm_name(s):
    s = norm(s)
    s = re.sub(r"^(by|von|par|from)\s+", "", s)
    return s.strip(" ,;|.-")


def tokens(s):
    return re.findall(r"\w+", norm(s))


def token_f1(a, b):
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common = defaultdict(int)
    for t in ta:
        common[t] += 1
    hit = 0
    for t in tb:
        if common[t] > 0:
            common[t] -= 1
            hit += 1
    if hit == 0:
        return 0.0
    p, r = hit / len(tb), hit / len(ta)
    return 2 * p * r / (p + r)


def read_html(path):
    raw = open(path, "rb").read()
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw, raw.decode("cp1252", errors="replace")


def run_precis(binary, pages, paths, use_url):
    """{(set, page): {"title", "date", "authors"}} or None when the binary is missing."""
    if not os.path.exists(binary):
        return None
    out = {}
    if use_url:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for i, p in enumerate(pages):
                rec = {"id": str(i), "html": read_html(paths[i])[1]}
                if p.get("url"):
                    rec["url"] = p["url"]
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            name = f.name
        proc = subprocess.run([binary, "extract", "--quiet", "--format", "json", name], capture_output=True, text=True)
        os.unlink(name)
        lines = [json.loads(l) for l in proc.stdout.splitlines() if l.strip()]
        for d in lines:
            key = d.get("id")
            if key is None:   # fall back to the origin "<file>:<line>" or the line order
                m = re.search(r":(\d+)$", str(d.get("file", "")))
                key = str(int(m.group(1)) - 1) if m else None
            if key is not None and key.isdigit() and int(key) < len(pages):
                p = pages[int(key)]
                out[(p["set"], p["page"])] = d
        if not out and lines and len(lines) == len(pages):
            for p, d in zip(pages, lines):
                out[(p["set"], p["page"])] = d
    else:
        by_path = {os.path.realpath(paths[i]): p for i, p in enumerate(pages)}
        proc = subprocess.run([binary, "extract", "--quiet", "--format", "json"] + paths, capture_output=True, text=True)
        for line in proc.stdout.splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            p = by_path.get(os.path.realpath(str(d.get("file", ""))))
            if p:
                out[(p["set"], p["page"])] = d
    if proc.returncode != 0 and not out:
        sys.stderr.write(f"precis failed ({proc.returncode}): {proc.stderr[-2000:]}\n")
    return out


def run_trafilatura(pages, paths, use_url):
    try:
        import trafilatura
    except ImportError:
        sys.stderr.write("trafilatura is not installed (pip install trafilatura lxml_html_clean)\n")
        return None
    out = {}
    for p, path in zip(pages, paths):
        raw, _ = read_html(path)
        url = p.get("url") if use_url else None
        d = None
        try:
            j = trafilatura.extract(raw, url=url, output_format="json", with_metadata=True)
            if j:
                j = json.loads(j)
                d = {"title": j.get("title"), "date": j.get("date"), "authors": j.get("author")}
        except Exception as e:  # a crash is a miss
            sys.stderr.write(f"trafilatura.extract failed on {p['page']}: {e}\n")
        if d is None:
            try:
                m = trafilatura.extract_metadata(raw, default_url=url)
                if m is not None:
                    d = {"title": m.title, "date": m.date, "authors": m.author}
            except Exception as e:
                sys.stderr.write(f"trafilatura.extract_metadata failed on {p['page']}: {e}\n")
        out[(p["set"], p["page"])] = d or {}
    return out


def short(v, n=120):
    v = repr(v)
    return v if len(v) <= n else v[:n] + "...'"


def author_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(";")
    return [norm_name(a) for a in value if a and norm_name(a)]


def score(gold, got):
    """Per-page flags for one tool's output (got may be {} when the page gave nothing)."""
    r = {"none": int(not got)}
    got = got or {}
    g_auth = {norm_name(a) for a in gold["authors"]}
    t_auth = author_list(got.get("authors"))
    if g_auth:
        r["auth_n"] = 1
        r["auth_exact"] = int(set(t_auth) == g_auth)
        r["auth_partial"] = int(any(g in t for g in g_auth for t in t_auth))
    else:
        r["auth_extra"] = int(bool(t_auth))
    t_date = str(got.get("date") or "")[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t_date):
        t_date = ""
    if gold["date"]:
        r["date_n"] = 1
        r["date_exact"] = int(t_date == gold["date"])
    else:
        r["date_extra"] = int(bool(t_date))
    if gold["title"]:
        forms = [gold["title"]] + gold.get("title_alternatives", [])
        t = got.get("title") or ""
        r["title_n"] = 1
        r["title_exact"] = int(bool(t) and any(norm(t) == norm(f) for f in forms))
        r["title_f1"] = int(bool(t) and max(token_f1(f, t) for f in forms) >= 0.9)
    return r


COLS = [("auth_exact", "auth_n"), ("auth_partial", "auth_n"), ("auth_extra", None),
        ("date_exact", "date_n"), ("date_extra", None), ("title_exact", "title_n"), ("title_f1", "title_n")]


def table(rows_by_group, tools):
    head = (f"{'set':<18} {'tool':<12} {'pages':>5} | {'authors':>7} {'exact':>6} {'partial':>7} {'extra':>5} | "
            f"{'dates':>5} {'exact':>6} {'extra':>5} | {'titles':>6} {'exact':>6} {'f1>=.9':>6} | {'no output':>9}")
    print(head)
    print("-" * len(head))
    for group, rows in rows_by_group:
        for tool in tools:
            s = defaultdict(int)
            n_pages = 0
            for gold, res in rows:
                if res.get(tool) is None:
                    continue
                n_pages += 1
                for k, v in res[tool].items():
                    s[k] += v
            if n_pages == 0:
                print(f"{group:<18} {tool:<12} {'(not run)':>9}")
                continue
            no_auth = sum(1 for g, _ in rows if not g["authors"])
            no_date = sum(1 for g, _ in rows if not g["date"])
            print(f"{group:<18} {tool:<12} {n_pages:>5} | {s['auth_n']:>7} {s['auth_exact']:>6} {s['auth_partial']:>7} "
                  f"{str(s['auth_extra']) + '/' + str(no_auth):>5} | {s['date_n']:>5} {s['date_exact']:>6} "
                  f"{str(s['date_extra']) + '/' + str(no_date):>5} | {s['title_n']:>6} {s['title_exact']:>6} {s['title_f1']:>6} | {s['none']:>9}")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.join(HERE, "gold", "metadata.json"))
    ap.add_argument("--data", default=os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data", "extraction")))
    ap.add_argument("--bin", "--precis", dest="bin", default=os.path.normpath(os.path.join(HERE, "..", ".build", "debug", "precis")))
    ap.add_argument("--half", choices=["A", "B", "a", "b"])
    ap.add_argument("--set", action="append", help="only this set (repeatable)")
    ap.add_argument("--precis-url", action="store_true", help="give Precis the page URL (JSON Lines records)")
    ap.add_argument("--no-url", action="store_true", help="give trafilatura no URL")
    ap.add_argument("--skip-precis", action="store_true")
    ap.add_argument("--skip-trafilatura", action="store_true")
    ap.add_argument("--misses", action="store_true", help="list each page where a tool got a field wrong")
    ap.add_argument("--dump", help="write per-page gold, outputs and flags as JSON to this file")
    args = ap.parse_args()

    gold = json.load(open(args.gold, encoding="utf-8"))["pages"]
    if args.half:
        gold = [p for p in gold if p["half"] == args.half.upper()]
    if args.set:
        gold = [p for p in gold if p["set"] in args.set]
    paths = [os.path.join(args.data, FOLDERS[p["set"]], p["page"]) for p in gold]
    missing = [q for q in paths if not os.path.exists(q)]
    if missing:
        sys.exit(f"missing pages, e.g. {missing[0]} (check --data)")

    outputs = {}
    if not args.skip_precis:
        outputs["precis"] = run_precis(os.path.abspath(args.bin), gold, paths, args.precis_url)
        if outputs["precis"] is None:
            sys.stderr.write(f"no Precis binary at {args.bin}; Precis not run\n")
    if not args.skip_trafilatura:
        outputs["trafilatura"] = run_trafilatura(gold, paths, not args.no_url)
    tools = [t for t in ("precis", "trafilatura") if outputs.get(t) is not None]

    rows = []
    for p in gold:
        res = {}
        for t in tools:
            got = outputs[t].get((p["set"], p["page"]))
            res[t] = score(p, got)
        rows.append((p, res))

    half = f"half {args.half.upper()}" if args.half else "both halves"
    print(f"metadata gold: {len(gold)} pages ({half}); Precis {'with' if args.precis_url else 'without'} URL, "
          f"trafilatura {'without' if args.no_url else 'with'} URL")
    print("authors/dates/titles = gold pages that have the field; extra = returned where the gold has none (x/pages without);")
    print("no output = pages the tool returned nothing for (Precis: no article found; its fields then count as wrong)\n")
    groups = [(s, [r for r in rows if r[0]["set"] == s]) for s in FOLDERS if any(r[0]["set"] == s for r in rows)]
    table(groups + [("overall", rows)], tools)

    if args.misses:
        for p, res in rows:
            for t in tools:
                got = outputs[t].get((p["set"], p["page"])) or {}
                r = res[t]
                bad = []
                if r.get("auth_n") and not r["auth_exact"] or r.get("auth_extra"):
                    bad.append(f"authors {got.get('authors')!r} (gold {p['authors']})")
                if r.get("date_n") and not r["date_exact"] or r.get("date_extra"):
                    bad.append(f"date {got.get('date')!r} (gold {p['date']})")
                if r.get("title_n") and not r["title_exact"]:
                    bad.append(f"title {short(got.get('title'))} (gold {p['title']!r})")
                if bad:
                    print(f"{t:<11} {p['set']}/{p['page']}: " + "; ".join(b if len(b) < 300 else b[:300] + "...)" for b in bad))
    if args.dump:
        json.dump([{"gold": p, "outputs": {t: outputs[t].get((p["set"], p["page"])) and
                                           {k: outputs[t][(p["set"], p["page"])].get(k) for k in ("title", "date", "authors")}
                                           for t in tools}, "scores": res} for p, res in rows],
                  open(args.dump, "w", encoding="utf-8"), ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
