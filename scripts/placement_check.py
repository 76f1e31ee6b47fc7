#!/usr/bin/env python3
"""Stories that `precis serve` places, for comparing two builds on the same stream.

Starts `precis serve` (the binary given) on loopback with a new SQLite file, posts the documents
of a Multi-News-style JSONL file (each line's "documents") one at a time in a fixed shuffled order
(seed 1), and prints the story partition the store holds: one line per story, its article ids
(the article id is the position in the stream), after the story id, then a digest of the whole.

    python3 scripts/placement_check.py .build/debug/precis ../shared/data/mds/multinews-dev100.jsonl

Run with a build that writes every article's story after each placement (the full walk) and one
that writes only what the placement moved: equal digests mean equal stories.
"""
import hashlib, json, os, random, sqlite3, subprocess, sys, tempfile, time, urllib.request

binary, data = sys.argv[1], sys.argv[2]
port = int(os.environ.get("PORT", "18767"))
docs = [d for line in open(data) for d in json.loads(line)["documents"]]
random.Random(1).shuffle(docs)
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "check.sqlite")
    log = open(os.path.join(tmp, "serve.log"), "w+")
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=log)
    try:
        for _ in range(600):
            log.seek(0)
            if "listening" in log.read(): break
            time.sleep(0.1)
        for text in docs:
            req = urllib.request.Request(f"http://127.0.0.1:{port}/api/articles", data=json.dumps({"text": text}).encode(),
                                         headers={"Content-Type": "application/json"})
            try: urllib.request.urlopen(req, timeout=120).read()
            except urllib.error.HTTPError as e: e.read()  # not an article (422): stored without a story
    finally:
        server.terminate(); server.wait()
    rows = sqlite3.connect(db).execute("SELECT id, story FROM article WHERE story IS NOT NULL ORDER BY id").fetchall()
stories = {}
for article, story in rows: stories.setdefault(story, []).append(article)
lines = sorted(f"{story}: " + " ".join(map(str, members)) for story, members in stories.items())
for line in lines: print(line)
print(f"{len(docs)} documents, {len(rows)} placed, {len(stories)} stories, digest {hashlib.sha256(chr(10).join(lines).encode()).hexdigest()[:16]}")
