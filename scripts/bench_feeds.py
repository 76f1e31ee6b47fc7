#!/usr/bin/env python3
"""Share of feedparser's test suite that Precis's feed parser reads right.

Runs the parser (`precis parse-feed`, or the scratch runner with --binary) on every document of
feedparser-tests, turns each JSON line into a feedparser-shaped result (feed, entries, bozo,
encoding, version, headers, with feedparser's legacy key aliases and *_parsed dates as UTC
struct_time tuples), and evaluates the document's own `Expect:` line against it.

Rules (see the suite's SOURCES.md): wellformed/ also requires bozo false; entities/ (not
well-formed XML on purpose) requires bozo true; `SkipUnless` lines are evaluated and the file is
skipped when they fail; files under a path with `http` are read as served from
http://127.0.0.1:8097/tests/<path> with their `Header:` Content-type. sanitize/ (feedparser's HTML
sanitiser policy, which Precis does not apply) is counted apart.

    python3 scripts/bench_feeds.py [--command ".build/release/precis parse-feed"] [--dump failures.txt]
"""
import argparse
import datetime
import email.utils
import json
import os
import re
import shlex
import subprocess
import sys
import time
import types
import urllib.parse
from collections import defaultdict

DEFAULT_SUITE = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "feeds", "feedparser-tests")
TEST_RE = re.compile(r"Description:\s*(.*?)\s*Expect:\s*(.*)\s*-->")
SKIP_RE = re.compile(r"SkipUnless:\s*(.*)")
HEADER_RE = re.compile(r"Header:[ \t]*([^:\n]+):[ \t]*(.*)")

# feedparser's legacy names (FeedParserDict.keymap).
ALIASES = {
    "channel": "feed", "items": "entries", "guid": "id", "date": "updated", "date_parsed": "updated_parsed",
    "description": ["summary", "subtitle"], "description_detail": ["summary_detail", "subtitle_detail"],
    "url": ["href"], "modified": "updated", "modified_parsed": "updated_parsed", "issued": "published",
    "issued_parsed": "published_parsed", "copyright": "rights", "copyright_detail": "rights_detail",
    "tagline": "subtitle", "tagline_detail": "subtitle_detail",
}


class FPDict(dict):
    """A dict with feedparser's attribute access and key aliases."""

    def __getitem__(self, key):
        if key == "category":
            try:
                return dict.__getitem__(self, "tags")[0]["term"]
            except (KeyError, IndexError):
                raise KeyError(key)
        if key == "enclosures":
            return [FPDict((k, v) for k, v in l.items() if k != "rel") for l in dict.get(self, "links", []) if l.get("rel") == "enclosure"]
        if key == "license":
            for l in dict.get(self, "links", []):
                if l.get("rel") == "license" and "href" in l:
                    return l["href"]
        if key == "updated" and not dict.__contains__(self, "updated") and dict.__contains__(self, "published"):
            return dict.__getitem__(self, "published")
        if key == "updated_parsed" and not dict.__contains__(self, "updated_parsed") and dict.__contains__(self, "published_parsed"):
            return dict.__getitem__(self, "published_parsed")
        real = ALIASES.get(key, key)
        if isinstance(real, list):
            for k in real:
                if dict.__contains__(self, k):
                    return dict.__getitem__(self, k)
            real = key
        return dict.__getitem__(self, real)

    def __contains__(self, key):
        try:
            self.__getitem__(key)
            return True
        except KeyError:
            return False

    has_key = __contains__

    def get(self, key, default=None):
        try:
            return self.__getitem__(key)
        except KeyError:
            return default

    def __getattr__(self, key):
        try:
            return self.__getitem__(key)
        except KeyError:
            raise AttributeError(key)


def struct_time(iso):
    if iso is None:
        return None
    d = datetime.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
    return d.utctimetuple()


def shape(value):
    if isinstance(value, dict):
        out = FPDict()
        for k, v in value.items():
            if k.endswith("_parsed") and (isinstance(v, str) or v is None):
                out[k] = struct_time(v)
            else:
                out[k] = shape(v)
        return out
    if isinstance(value, list):
        return [shape(v) for v in value]
    return value


class CharacterEncodingOverride(Exception):
    pass


class CharacterEncodingUnknown(Exception):
    pass


class NonXMLContentType(Exception):
    pass


FEEDPARSER = types.SimpleNamespace(CharacterEncodingOverride=CharacterEncodingOverride,
                                   CharacterEncodingUnknown=CharacterEncodingUnknown,
                                   NonXMLContentType=NonXMLContentType,
                                   ACCEPTABLE_URI_SCHEMES=("http", "https"))


def read_head(path):
    data = open(path, "rb").read()
    for bom, enc in ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xef\xbb\xbf", "utf-8"),
                     (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"), (b"\x00\x00\x00<", "utf-32-be"),
                     (b"<\x00\x00\x00", "utf-32-le"), (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le")):
        if data.startswith(bom):
            return data.decode(enc, "replace").lstrip("\ufeff")
    return data.decode("utf-8", "replace")


def collect(suite):
    cases = []
    for dirpath, _, files in os.walk(suite):
        for name in sorted(files):
            if not (name.endswith(".xml") or name.endswith(".json")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, suite)
            head = read_head(path)
            m = TEST_RE.search(head)
            if not m:
                continue
            skip = SKIP_RE.search(head.split("-->")[0])
            headers = {}
            for h in HEADER_RE.finditer(head.split("-->")[0]):
                headers[h.group(1).strip()] = h.group(2).strip()
            cases.append(dict(path=path, rel=rel, description=m.group(1), expect=m.group(2).strip(),
                              skip=skip.group(1).strip() if skip else None, headers=headers))
    return sorted(cases, key=lambda c: c["rel"])


def folder(rel):
    parts = rel.split(os.sep)
    if parts[0] == "wellformed" and len(parts) > 2:
        return "wellformed/" + parts[1]
    if parts[0] == "illformed" and len(parts) > 2:
        return "illformed/" + parts[1]
    return parts[0]


def http_options(c):
    """The options a file under a path with 'http' is read with, as if served by the suite's server."""
    if "http" not in c["rel"]:
        return []
    header = lambda name, default=None: next((v for h, v in c["headers"].items() if h.lower() == name), default)
    url = "http://127.0.0.1:8097/tests/" + c["rel"].replace(os.sep, "/")
    # What a fetcher does: the content's own location is its base, unless it is not http(s).
    location = header("content-location")
    if location and urllib.parse.urlsplit(urllib.parse.urljoin(url, location)).scheme in ("http", "https"):
        url = urllib.parse.urljoin(url, location)
    args = ["--url", url, "--content-type", header("content-type", "text/xml")]
    if header("content-language"):
        args += ["--content-language", header("content-language")]
    return args


def run_parser(command, cases, batch=150):
    """Runs `command [OPTIONS] FILES...`: files read plainly in batches, http ones one at a time."""
    results = {}
    plain = [c for c in cases if not http_options(c)]
    runs = [[c["path"] for c in plain[k:k + batch]] for k in range(0, len(plain), batch)]
    runs += [http_options(c) + [c["path"]] for c in cases if http_options(c)]
    for args in runs:
        proc = subprocess.run(command + args, capture_output=True)
        lines = proc.stdout.decode("utf-8", "replace").splitlines()
        if proc.returncode != 0:
            print(f"parser exited {proc.returncode} on {args[-1]}: {proc.stderr.decode()[-500:]}", file=sys.stderr)
        for line in lines:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            results[obj["file"]] = obj
    return results


def evaluate(case, obj):
    env = {"datetime": datetime, "time": time, "feedparser": FEEDPARSER}
    if obj is None or "error" in obj:
        result = FPDict(feed=FPDict(), entries=[], bozo=True, bozo_exception=(obj or {}).get("error", "crash"),
                        encoding="", version="", headers=FPDict())
    else:
        result = shape({k: v for k, v in obj.items() if k != "file"})
        result["bozo"] = bool(result.get("bozo"))
        headers = FPDict()
        for h, v in case["headers"].items():
            headers[h.lower()] = v
            headers[h] = v
        result["headers"] = headers
        for h, v in case["headers"].items():
            if h.lower() == "etag":
                result["etag"] = v
            if h.lower() == "last-modified" and v.strip():
                result["modified"] = v
                try:
                    result["modified_parsed"] = email.utils.parsedate_to_datetime(v).utctimetuple()
                except (TypeError, ValueError):
                    pass
        if "bozo_exception" in result and result["bozo"]:
            text = result["bozo_exception"]
            if "overridden" in text or "not valid" in text:
                result["bozo_exception"] = CharacterEncodingOverride(text)
            elif "not an XML media type" in text:
                result["bozo_exception"] = NonXMLContentType(text)
    env.update(result)
    try:
        ok = bool(eval(case["expect"], env, dict(result)))
    except Exception as e:  # a missing key is a failure
        return False, f"{type(e).__name__}: {e}"
    if ok and case["rel"].startswith("wellformed") and result["bozo"]:
        return False, "bozo set on a well-formed feed: " + str(result.get("bozo_exception"))
    if ok and case["rel"].startswith("entities") and not result["bozo"]:
        return False, "not marked ill-formed"
    return ok, ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", default=DEFAULT_SUITE)
    ap.add_argument("--command", default=".build/debug/precis parse-feed",
                    help="the parser, taking [--url U] [--content-type T] [--content-language L] FILES... "
                         "(default: %(default)s)")
    ap.add_argument("--dump", help="write the failures (file, expectation, result) here")
    args = ap.parse_args()
    command = shlex.split(args.command)
    cases = collect(args.suite)
    runnable, skipped = [], []
    for c in cases:
        if c["skip"]:
            try:
                if not eval(c["skip"], {"feedparser": FEEDPARSER}):
                    raise Exception("false")
            except Exception:
                skipped.append(c)
                continue
        runnable.append(c)
    t0 = time.time()
    results = run_parser(command, runnable)
    elapsed = time.time() - t0
    per = defaultdict(lambda: [0, 0])
    failures = []
    for c in runnable:
        ok, why = evaluate(c, results.get(c["path"]))
        f = folder(c["rel"])
        per[f][1] += 1
        if ok:
            per[f][0] += 1
        else:
            failures.append((c, why, results.get(c["path"])))
    print(f"{len(cases)} documents with an expectation, {len(skipped)} skipped (SkipUnless), {len(runnable)} run in {elapsed:.1f}s")
    for f in sorted(per):
        p, n = per[f]
        print(f"  {f:28s} {p:5d}/{n:<5d} {100.0 * p / n:5.1f}%")
    tp = sum(p for p, _ in per.values())
    tn = sum(n for _, n in per.values())
    sp = sum(p for f, (p, n) in per.items() if f != "wellformed/sanitize")
    sn = sum(n for f, (p, n) in per.items() if f != "wellformed/sanitize")
    print(f"  {'overall':28s} {tp:5d}/{tn:<5d} {100.0 * tp / tn:5.1f}%")
    print(f"  {'overall without sanitize/':28s} {sp:5d}/{sn:<5d} {100.0 * sp / sn:5.1f}%")
    if args.dump:
        with open(args.dump, "w") as out:
            for c, why, obj in failures:
                out.write(f"== {c['rel']}\n   {c['description']}\n   Expect: {c['expect']}\n")
                if why:
                    out.write(f"   {why}\n")
                out.write("   got: " + json.dumps(obj, ensure_ascii=False)[:1500] + "\n")


if __name__ == "__main__":
    main()
