#!/usr/bin/env bash
# PostgreSQL scale-out of ingest: N invented articles (800 unless set) posted by 8 concurrent clients
# in batches of 10, first to one `precis serve` pinned to core 0 (taskset), then to two pinned to
# cores 0 and 1 on the same database (each client posts to one server). The tables are emptied
# before each run. Prints each run's time and articles per second, the ratio, and a check that no
# article key and no story is stored twice. Loopback only; bounded (each run stops at 600 s).
#
#   URL=$(PRECIS_PG_PORT=55631 PRECIS_PG_DIR=/tmp/precis-pg-bench scripts/postgres-for-tests.sh)
#   make release && bash scripts/bench_scaleout.sh "$URL"
#   BIN=.build/debug/precis N=400 bash scripts/bench_scaleout.sh "$URL"      # debug, smaller
#   FORMAT=html N=2000 bash scripts/bench_scaleout.sh "$URL"                  # web pages (cleaning included)
#   WARM=3000 FORMAT=html N=2000 bash scripts/bench_scaleout.sh "$URL"        # a database already in use
#
# WARM articles (other events than the timed ones) are posted first, untimed, through one server,
# which is then stopped: the timed runs then meet a database in use, as a service's servers do,
# rather than an empty one (whose first thousand articles each placing process re-clusters as its
# stream grows).
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:?a postgres:// URL of a database the script may empty}
BIN=${BIN:-.build/release/precis}
[ -x "$BIN" ] || { echo "build first: make release" >&2; exit 1; }
N=${N:-800}
WARM=${WARM:-0}
FORMAT=${FORMAT:-text}   # text: short plain-text articles; html: the same as web pages with their furniture
TMP=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done; rm -rf "$TMP"' EXIT

empty() {
  psql -q "$URL" -c "DO \$\$ BEGIN IF to_regclass('article') IS NOT NULL THEN
    TRUNCATE article, story_entry, story_digest RESTART IDENTITY; END IF;
    IF to_regclass('story_state') IS NOT NULL THEN DELETE FROM story_state; DELETE FROM story_state_part; END IF; END \$\$" >/dev/null
}
serve() { # core, port
  taskset -c "$1" "$BIN" serve --db "$URL" --port "$2" >/dev/null 2>"$TMP/serve-$2.log" &
  PIDS+=($!)
  until grep -qs listening "$TMP/serve-$2.log"; do sleep 0.05; done
}
stopall() { for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; wait $p 2>/dev/null || true; done; PIDS=(); }
load() { # first, count, ports...
  python3 - "$1" "$2" "$FORMAT" "${@:3}" <<'PY'
import json, sys, threading, time, urllib.request
first, n, fmt, ports = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
towns = ["Calder", "Vesterby", "Norhavn", "Ostmark", "Brenna", "Tarsk", "Lindmoor", "Quay", "Arnhal", "Setra", "Skeld", "Moss"]
topics = ["harbour wall vote", "ferry strike talks", "chess championship final", "coal terminal plan", "wind farm hearing", "bridge repairs"]
def article(k):
    e = k // 6
    town, topic = towns[e % len(towns)], topics[(e // len(towns)) % len(topics)]
    text = (f"{town} {topic}, report {k}. Officials in {town} said on Monday that the {topic} would go ahead, with "
            f"{e * 7 + 30} people expected and a budget of {e + 3} million crowns. Residents of {town} have followed "
            f"the {topic} for months; a vote of {20 + e % 9} to {e % 7} is due. Report number {k} of the series.")
    date = f"2025-{1 + e // 28 % 12:02d}-{1 + e % 28:02d}"
    if fmt != "html":
        return {"text": text, "date": date}
    # A page as it comes off the web: menus, a script, related links, a comment widget and a footer
    # around the article (about 12 KB), so that cleaning costs what it costs on real pages.
    menu = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>' for s in ["news", "sport", "business", "culture", "weather", "opinion", "video", "podcasts"] * 3)
    related = "".join(f'<li><a href="/story/{k + j}">More on the {topic} in {towns[(e + j) % len(towns)]}: what we know so far</a></li>' for j in range(12))
    comments = "".join(f'<div class="comment"><b>reader{j}</b><p>Comment {j}: I have followed this for months and the council never listens to us.</p></div>' for j in range(10))
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in text.split(". "))
    html = (f"<!doctype html><html><head><title>{town} {topic} | The Norland Courier</title>"
            f'<meta property="article:published_time" content="{date}T08:00:00Z"><script>var tracking = {{"id": {k}, "section": "news"}};'
            + "function track(){ return window.dataLayer || []; }" * 20 + "</script><style>" + ".nav li{display:inline;margin:0 4px}" * 30 + "</style></head>"
            f'<body><header><nav><ul>{menu}</ul></nav><div class="promo">Subscribe now: first month free</div></header>'
            f'<main><article><h1>{town} {topic}</h1><div class="byline">By Staff Reporter</div>{paragraphs}</article>'
            f'<aside><h2>Related</h2><ul>{related}</ul></aside><section class="comments">{comments}</section></main>'
            f'<footer><ul>{menu}</ul><p>Copyright 2025 The Norland Courier. All rights reserved.</p></footer></body></html>')
    return {"html": html, "url": f"https://courier.example/{k}"}
# The request bodies are made before the clock starts: the run times the servers, not this script.
batches = [json.dumps({"articles": [article(k) for k in range(i, min(first + n, i + 10))]}).encode() for i in range(first, first + n, 10)]
lock, failed = threading.Lock(), []
def client(c):
    port = ports[c % len(ports)]
    while True:
        with lock:
            if not batches: return
            batch = batches.pop(0)
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/articles", data=batch,
                                     headers={"Content-Type": "application/json"})
        try: urllib.request.urlopen(req, timeout=600).read()
        except Exception as e: failed.append(str(e))
t, cpu = time.time(), time.process_time()
threads = [threading.Thread(target=client, args=(c,)) for c in range(8)]
for th in threads: th.start()
for th in threads: th.join()
took, cpu = time.time() - t, time.process_time() - cpu
print(f"{len(ports)} server(s): {n} articles in {took:.2f} s, {n / took:.0f} articles/s, failed batches {len(failed)}, load generator CPU {cpu:.2f} s")
PY
}
check() {
  psql -At "$URL" -c "SELECT 'stored ' || COUNT(*) || ', distinct keys ' || COUNT(DISTINCT key) || ', stories ' || COUNT(DISTINCT story)
    || ', story list lines ' || (SELECT COUNT(*) FROM story_entry) || ', lines of one story twice ' ||
    (SELECT COUNT(*) - COUNT(DISTINCT story) FROM story_entry) FROM article"
}

# CPU seconds, so that a run says where the two cores went: the machine's busy time (/proc/stat),
# and the servers' own (/proc/PID/stat, user + system); the rest is PostgreSQL and the load generator,
# which share the cores with the servers (on two cores, the one-server run leaves them the second).
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
servers() { local t=0; for p in "${PIDS[@]}"; do t=$((t + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $t; }
measured() { # ports...
  local b0 s0 out b1 s1 hz
  hz=$(getconf CLK_TCK); b0=$(busy); s0=$(servers)
  out=$(load "$WARM" "$N" "$@"); b1=$(busy); s1=$(servers)
  echo "$out"
  python3 -c "import sys; b, s, hz = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]); print(f'CPU seconds: servers {s / hz:.2f}, PostgreSQL and the load generator {(b - s) / hz:.2f}')" $((b1 - b0)) $((s1 - s0)) "$hz"
}

# Empties the tables, and fills them with the WARM articles when asked (articles 0 to WARM - 1; the
# timed ones come after).
fresh() {
  empty
  if [ "$WARM" -gt 0 ]; then
    serve 0 18781; load 0 "$WARM" 18781 >/dev/null; stopall
  fi
}
serve 0 18781; stopall; fresh; serve 0 18781
ONE=$(measured 18781); echo "$ONE"; check; stopall
fresh; serve 0 18781; serve 1 18782
TWO=$(measured 18781 18782); echo "$TWO"; check; stopall
python3 -c "
import re,sys
a = float(re.search(r'in ([0-9.]+) s', sys.argv[1]).group(1)); b = float(re.search(r'in ([0-9.]+) s', sys.argv[2]).group(1))
print(f'ratio (two servers on two cores / one on one core): {a / b:.2f}')" "$ONE" "$TWO"
