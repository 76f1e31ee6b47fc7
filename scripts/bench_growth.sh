#!/usr/bin/env bash
# Write cost and start-up as the archive grows: `precis serve` on loopback, SQLite in a temporary
# file (or the PostgreSQL database given), filled with invented articles in batches of 100
# (POST /api/articles, one batch at a time). Prints:
#   batch  stored=N ms=T     the time of each measured 100-article batch (three at each size in SIZES)
#   start  stored=N ms=T stories_ms=S
#                            from launching the server to its "listening" line (T: it serves stories,
#                            digests and articles from the database from then on) and to the line that
#                            says its story index is read (S: posted articles wait for it), with N
#                            articles stored: after a kill -9 (snapshot and replay of what came after),
#                            after a clean stop (snapshot alone), and with the snapshot deleted (replay
#                            of everything)
# Bounded: the fill is the only long part (50 000 articles); LIMIT_S (default 1800 s) stops it.
#
#   make release && bash scripts/bench_growth.sh
#   BIN=.build/debug/precis SIZES="1000 10000" bash scripts/bench_growth.sh    # debug, smaller
#   bash scripts/bench_growth.sh postgres://user@127.0.0.1:5432/db             # an empty PostgreSQL database
#
# The articles are invented by the script: ~8 articles an event, events of a few kinds in places
# named from syllables, with numbers and dates, so stories form, link and merge as on a news stream.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/precis}
[ -x "$BIN" ] || { echo "build first: make release" >&2; exit 1; }
SIZES=${SIZES:-1000 50000}
LIMIT_S=${LIMIT_S:-1800}
TMP=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
PORT=${PORT:-18766}
DB=${1:-$TMP/growth.sqlite}
URL="http://127.0.0.1:$PORT"

start() { # label: starts the server, prints the milliseconds from launch to "listening" and to its stories read
  : >"$TMP/serve.log"
  local t0 listening; t0=$(date +%s%N)
  "$BIN" serve --db "$DB" --port $PORT >/dev/null 2>"$TMP/serve.log" &
  SERVER=$!
  until grep -q listening "$TMP/serve.log"; do
    kill -0 $SERVER 2>/dev/null || { cat "$TMP/serve.log" >&2; exit 1; }
    sleep 0.01
  done
  listening=$(( ($(date +%s%N) - t0) / 1000000 ))
  until grep -qE "stories (read|replayed) from|could not read the stories" "$TMP/serve.log"; do
    kill -0 $SERVER 2>/dev/null || { cat "$TMP/serve.log" >&2; exit 1; }
    sleep 0.01
  done
  echo "start  stored=$1 ms=$listening stories_ms=$(( ($(date +%s%N) - t0) / 1000000 ))"
}
stop() { kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=; }

start 0
python3 - "$URL" "$LIMIT_S" $SIZES <<'PY'
import json, sys, time, urllib.request
url, limit, sizes = sys.argv[1], float(sys.argv[2]), [int(s) for s in sys.argv[3:]]
syll = ["cal", "der", "ves", "ter", "nor", "hav", "ost", "mark", "bren", "tal", "lis", "moor", "skel", "quar", "fen", "dal"]
kinds = [("council", "budget vote harbour wall crowns approved debate mayor"),
         ("storm", "gales flooding roads closed rescue boats warning coast"),
         ("chess", "title championship grandmaster game hours final round board"),
         ("strike", "workers union wages talks factory picket offer shift"),
         ("election", "ballot candidates turnout polls seats count district result"),
         ("fire", "blaze crews warehouse smoke evacuated brigade damage alarm")]
first = ["Petra", "Tomas", "Mira", "Jonas", "Ada", "Ivo", "Lena", "Otto", "Runa", "Edvin"]
last = ["Lindqvist", "Ekholm", "Sandvik", "Fell", "Brook", "Marsh", "Holt", "Vale", "Strand", "Borg"]
state = 12345
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n
def name(e):
    return (syll[e % 16] + syll[(e // 16) % 16] + syll[(e // 256) % 16]).capitalize()
def article(k):
    e = k // 8 + rnd(3)           # about eight articles an event, neighbours overlapping
    place, (kind, words) = name(e), kinds[e % len(kinds)]
    words = words.split()
    person = f"{first[e % 10]} {last[(e // 10) % 10]}"
    n = 10 + (e * 37) % 9000
    s = [f"{place} {kind}: {person} spoke on the {words[0]} in {place}."]
    for _ in range(4 + rnd(4)):
        w = [words[rnd(len(words))] for _ in range(3)]
        s.append(rnd(2) and f"In {place} the {w[0]} and the {w[1]} drew {n} people, {person} said."
                 or f"{person} said the {w[2]} would follow within days, with {n + rnd(50)} more expected.")
    day = 1 + (e // 3) % 28
    return {"text": " ".join(s) + f" Report {k}.", "title": f"{place} {kind}", "date": f"2026-{1 + (e // 90) % 12:02d}-{day:02d}"}
def post(batch):
    req = urllib.request.Request(url + "/api/articles", data=json.dumps({"articles": batch}).encode(),
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=600).read()
began, k = time.time(), 0
for size in sizes:
    # Fill to the size, then time three batches of 100.
    while k < size:
        if time.time() - began > limit: sys.exit(f"stopped: over {limit:.0f} s at {k} articles")
        post([article(i) for i in range(k, k + min(100, size - k))]); k += min(100, size - k)
    for _ in range(3):
        batch = [article(i) for i in range(k, k + 100)]
        t = time.time(); post(batch); k += 100
        print(f"batch  stored={k - 100} ms={(time.time() - t) * 1000:.0f}", flush=True)
PY
STORED=$(curl -s "$URL/metrics" | awk '/^precis_articles_stored/ {print $2}')
# A crash: the last snapshot saved as articles arrived (every 1000), the rest replayed.
kill -9 $SERVER; wait $SERVER 2>/dev/null || true; SERVER=
start "$STORED (after kill -9)"; grep -h "stories" "$TMP/serve.log" | head -1
# A clean stop saves a snapshot of everything: the next start-up replays nothing.
stop
start "$STORED (after a clean stop)"; grep -h "stories" "$TMP/serve.log" | head -1
stop
# No snapshot at all (a database from before snapshots): every article replayed.
sqlite3_drop() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM story_state'); c.commit()" "$DB"; }
if [ -z "${1:-}" ]; then
  sqlite3_drop
  start "$STORED (no snapshot)"; grep -h "stories" "$TMP/serve.log" | head -1
  stop
fi
