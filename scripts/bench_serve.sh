#!/usr/bin/env bash
# Load benchmark of `precis serve` on loopback with wrk (Debian's package): story reads and article
# writes at 64 connections, 2 threads, 15 s each. Prints wrk's summary (requests per second and the
# latency distribution, p99 included) for each.
#
#   make release
#   bash scripts/bench_serve.sh                      # SQLite, in a temporary file
#   bash scripts/bench_serve.sh postgres://...       # an (empty) PostgreSQL database
#
# The database starts empty in a temporary directory and is filled first with the bundled example
# and 500 invented articles (so story reads hit real digests); the write run posts new, distinct
# articles (a counter in the Lua script), so every request is a real ingest, not a repeat.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
BIN=.build/release/precis
[ -x "$BIN" ] || { echo "build first: make release" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$TMP"' EXIT
PORT=18765
DB=${1:-$TMP/bench.sqlite}
"$BIN" serve --db "$DB" --port $PORT 2>"$TMP/serve.log" &
SERVER=$!
for _ in $(seq 50); do grep -q listening "$TMP/serve.log" && break; sleep 0.2; done

# Fill: the bundled example, then 500 invented articles in 50 stories.
for f in Examples/halvard-bay/*; do curl -s -o /dev/null -X POST -H 'Content-Type: text/plain' --data-binary @"$f" "http://127.0.0.1:$PORT/api/articles"; done
python3 - "$PORT" <<'PY'
import json, sys, urllib.request
port = sys.argv[1]
towns = ["Calder", "Vesterby", "Norhavn", "Ostmark", "Brenna", "Tarsk", "Lindmoor", "Quay", "Arnhal", "Setra"]
topics = ["harbour wall", "ferry strike", "chess championship", "coal terminal", "wind farm"]
batch = []
for k in range(500):
    town, topic = towns[k % 10], topics[(k // 10) % 5]
    text = (f"{town} {topic} update {k}. Officials in {town} said on Monday that the {topic} plan would go ahead, "
            f"with {k * 3 + 10} workers and a budget of {k + 2} million crowns, after a vote of {20 + k % 9} to {k % 7}. "
            f"Residents of {town} have followed the {topic} for months.")
    batch.append({"text": text, "date": f"2025-03-{1 + k % 28:02d}"})
for i in range(0, 500, 100):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/articles", data=json.dumps({"articles": batch[i:i + 100]}).encode(),
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req).read()
PY
STORY=$(curl -s "http://127.0.0.1:$PORT/api/stories?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])')
curl -s -o /dev/null "http://127.0.0.1:$PORT/api/stories/$STORY"   # make the digest once

cat > "$TMP/post.lua" <<'LUA'
local counter = 0
request = function()
  counter = counter + 1
  local id = tostring(math.random(1, 1000000000)) .. "-" .. counter
  local body = '{"text": "Benchmark article ' .. id .. '. The Calder council met on Monday to discuss the harbour wall plan number ' .. id .. ' and voted to go ahead with it after a long debate."}'
  return wrk.format("POST", "/api/articles", {["Content-Type"] = "application/json"}, body)
end
LUA

echo "== story reads: GET /api/stories/$STORY (64 connections)"
wrk -t2 -c64 -d15s --latency "http://127.0.0.1:$PORT/api/stories/$STORY"
echo "== story list: GET /api/stories (64 connections)"
wrk -t2 -c64 -d15s --latency "http://127.0.0.1:$PORT/api/stories"
echo "== article writes: POST /api/articles (64 connections)"
wrk -t2 -c64 -d15s --latency -s "$TMP/post.lua" "http://127.0.0.1:$PORT"
echo "== stored after the run: $(curl -s "http://127.0.0.1:$PORT/metrics" | grep '^precis_articles_stored')"
