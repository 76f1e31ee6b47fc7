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
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:?a postgres:// URL of a database the script may empty}
BIN=${BIN:-.build/release/precis}
[ -x "$BIN" ] || { echo "build first: make release" >&2; exit 1; }
N=${N:-800}
TMP=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done; rm -rf "$TMP"' EXIT

empty() {
  psql -q "$URL" -c "DO \$\$ BEGIN IF to_regclass('article') IS NOT NULL THEN
    TRUNCATE article, story_entry, story_digest RESTART IDENTITY; END IF;
    IF to_regclass('story_state') IS NOT NULL THEN DELETE FROM story_state; END IF; END \$\$" >/dev/null
}
serve() { # core, port
  taskset -c "$1" "$BIN" serve --db "$URL" --port "$2" >/dev/null 2>"$TMP/serve-$2.log" &
  PIDS+=($!)
  until grep -qs listening "$TMP/serve-$2.log"; do sleep 0.05; done
}
stopall() { for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; wait $p 2>/dev/null || true; done; PIDS=(); }
load() { # ports...
  python3 - "$N" "$@" <<'PY'
import json, sys, threading, time, urllib.request
n, ports = int(sys.argv[1]), sys.argv[2:]
towns = ["Calder", "Vesterby", "Norhavn", "Ostmark", "Brenna", "Tarsk", "Lindmoor", "Quay", "Arnhal", "Setra", "Skeld", "Moss"]
topics = ["harbour wall vote", "ferry strike talks", "chess championship final", "coal terminal plan", "wind farm hearing", "bridge repairs"]
def article(k):
    e = k // 6
    town, topic = towns[e % len(towns)], topics[(e // len(towns)) % len(topics)]
    text = (f"{town} {topic}, report {k}. Officials in {town} said on Monday that the {topic} would go ahead, with "
            f"{e * 7 + 30} people expected and a budget of {e + 3} million crowns. Residents of {town} have followed "
            f"the {topic} for months; a vote of {20 + e % 9} to {e % 7} is due. Report number {k} of the series.")
    return {"text": text, "date": f"2025-{1 + e // 28 % 12:02d}-{1 + e % 28:02d}"}
batches = [[article(k) for k in range(i, min(n, i + 10))] for i in range(0, n, 10)]
lock, failed = threading.Lock(), []
def client(c):
    port = ports[c % len(ports)]
    while True:
        with lock:
            if not batches: return
            batch = batches.pop(0)
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/articles", data=json.dumps({"articles": batch}).encode(),
                                     headers={"Content-Type": "application/json"})
        try: urllib.request.urlopen(req, timeout=600).read()
        except Exception as e: failed.append(str(e))
t = time.time()
threads = [threading.Thread(target=client, args=(c,)) for c in range(8)]
for th in threads: th.start()
for th in threads: th.join()
took = time.time() - t
print(f"{len(ports)} server(s): {n} articles in {took:.2f} s, {n / took:.0f} articles/s, failed batches {len(failed)}")
PY
}
check() {
  psql -At "$URL" -c "SELECT 'stored ' || COUNT(*) || ', distinct keys ' || COUNT(DISTINCT key) || ', stories ' || COUNT(DISTINCT story)
    || ', story list lines ' || (SELECT COUNT(*) FROM story_entry) || ', lines of one story twice ' ||
    (SELECT COUNT(*) - COUNT(DISTINCT story) FROM story_entry) FROM article"
}

serve 0 18781; empty; stopall; serve 0 18781
ONE=$(load 18781); echo "$ONE"; check; stopall
empty; serve 0 18781; serve 1 18782
TWO=$(load 18781 18782); echo "$TWO"; check; stopall
python3 -c "
import re,sys
a = float(re.search(r'in ([0-9.]+) s', sys.argv[1]).group(1)); b = float(re.search(r'in ([0-9.]+) s', sys.argv[2]).group(1))
print(f'ratio (two servers on two cores / one on one core): {a / b:.2f}')" "$ONE" "$TWO"
