#!/usr/bin/env bash
# Load benchmark of `precis serve` on loopback with wrk (Debian's package), bounded in time: each
# run lasts DURATION (15 s unless set), about two minutes in all. Runs, in order:
#   reads alone    story reads (pages and API, 50 stories) at 64 connections
#   story list     GET /api/stories at 64 connections
#   writes alone   new, distinct articles at 64 connections
#   mixed          30% writes, 70% story reads, at 32 and then 64 connections
#   second view    a new story's page viewed three times (curl's time_total): built, then stored
# For each wrk run it prints wrk's summary, then one line: requests per second, p99 latency, socket
# errors and answers by status class (5xx counted apart).
#
#   make release                                     # or: swift build -c release
#   bash scripts/bench_serve.sh                      # SQLite, in a temporary file
#   bash scripts/bench_serve.sh postgres://...       # an (empty) PostgreSQL database
#   DURATION=5s bash scripts/bench_serve.sh          # shorter runs
#
# The database starts empty in a temporary directory and is filled first with the bundled example
# and 500 invented articles in 50 stories (so story reads hit real digests). Writes post new,
# distinct articles (a counter in the Lua script) on the same towns and topics, so they join the
# stories being read and make their stored digests stale: the mixed runs measure rebuilds too.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
BIN=${BIN:-.build/release/precis}
[ -x "$BIN" ] || { echo "build first: make release" >&2; exit 1; }
DURATION=${DURATION:-15s}
TMP=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$TMP"' EXIT
PORT=${PORT:-18765}
DB=${1:-$TMP/bench.sqlite}
"$BIN" serve --db "$DB" --port $PORT 2>"$TMP/serve.log" &
SERVER=$!
for _ in $(seq 50); do grep -q listening "$TMP/serve.log" && break; sleep 0.2; done
URL="http://127.0.0.1:$PORT"

# Fill: the bundled example, then 500 invented articles in 50 stories.
for f in Examples/halvard-bay/*; do curl -s -o /dev/null -X POST -H 'Content-Type: text/plain' --data-binary @"$f" "$URL/api/articles"; done
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
STORIES=$(curl -s "$URL/api/stories?limit=50" | python3 -c 'import json,sys; print(" ".join(str(s["id"]) for s in json.load(sys.stdin)["stories"]))')
export STORIES
# Every story viewed once, so that reads start from stored digests.
for s in $STORIES; do curl -s -o /dev/null "$URL/stories/$s"; curl -s -o /dev/null "$URL/api/stories/$s"; done

# One script for every run: WRITES is the share of requests that post an article (0 to 1); the
# rest read a story, its page or its JSON by turns. done() prints the one-line summary.
cat > "$TMP/mixed.lua" <<'LUA'
local writes = tonumber(os.getenv("WRITES") or "0")
local list = os.getenv("LIST") == "1"
local stories = {}
for s in string.gmatch(os.getenv("STORIES") or "", "%d+") do table.insert(stories, s) end
local towns = {"Calder", "Vesterby", "Norhavn", "Ostmark", "Brenna", "Tarsk", "Lindmoor", "Quay", "Arnhal", "Setra"}
local topics = {"harbour wall", "ferry strike", "chess championship", "coal terminal", "wind farm"}
local threads = {}
local counter, reads = 0, 0
status = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
end

request = function()
  counter = counter + 1
  if list then return wrk.format("GET", "/api/stories") end
  if math.random() < writes then
    local town, topic = towns[math.random(#towns)], topics[math.random(#topics)]
    local n = id .. "-" .. counter .. "-" .. math.random(1, 1000000000)
    local body = '{"text": "' .. town .. ' ' .. topic .. ' report ' .. n .. '. Officials in ' .. town ..
      ' said the ' .. topic .. ' plan numbered ' .. n .. ' would be debated again, with ' .. math.random(10, 900) ..
      ' workers waiting and a vote of ' .. math.random(5, 30) .. ' to ' .. math.random(0, 9) .. ' expected next week."' ..
      ', "date": "2025-03-' .. string.format("%02d", math.random(1, 28)) .. '"}'
    return wrk.format("POST", "/api/articles", {["Content-Type"] = "application/json"}, body)
  end
  reads = reads + 1
  local story = stories[math.random(#stories)]
  if reads % 2 == 0 then return wrk.format("GET", "/stories/" .. story) end
  return wrk.format("GET", "/api/stories/" .. story)
end

response = function(code, headers, body)
  local class = math.floor(code / 100) .. "xx"
  status[class] = (status[class] or 0) + 1
end

done = function(summary, latency, requests)
  local classes = {}
  for _, t in ipairs(threads) do
    for class, n in pairs(t:get("status")) do classes[class] = (classes[class] or 0) + n end
  end
  local shown = {}
  for class, n in pairs(classes) do table.insert(shown, class .. "=" .. n) end
  table.sort(shown)
  local e = summary.errors
  io.write(string.format("RESULT req/s=%.0f p99=%.1fms socket_errors=%d 5xx=%d %s\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, classes["5xx"] or 0, table.concat(shown, " ")))
end
LUA

run() { # name, connections, share of writes, path
  echo "== $1 ($2 connections, $DURATION)"
  WRITES=$3 wrk -t2 -c"$2" -d"$DURATION" --timeout 10s --latency -s "$TMP/mixed.lua" "$URL${4:-}"
}
run "reads alone: story pages and JSON" 64 0
LIST=1 run "story list: GET /api/stories" 64 0
run "writes alone: POST /api/articles" 64 1
run "mixed: 30% writes, 70% story reads" 32 0.3
run "mixed: 30% writes, 70% story reads" 64 0.3

# A new story's page viewed three times: the first view builds the digest, the later ones read it
# from the store.
STORY=$(curl -s -X POST -H 'Content-Type: application/json' --data '{"articles": [
  {"text": "Marsh Lane bridge closes for repairs. The Marsh Lane bridge in Tarsk will close for six weeks from Monday while engineers replace its cracked bearings, the roads office said.", "date": "2025-04-07"},
  {"text": "Tarsk bridge repairs begin. Engineers began replacing the cracked bearings of the Marsh Lane bridge in Tarsk on Monday, closing it to traffic for six weeks, the roads office said.", "date": "2025-04-07"}]}' \
  "$URL/api/articles" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"][-1]["story"])')
echo "== views of a new story's page: /stories/$STORY"
for view in first second third; do
  curl -s -o /dev/null -w "$view view: %{time_total}s (%{http_code}, %{size_download} bytes)\n" "$URL/stories/$STORY"
done
echo "== stored after the runs: $(curl -s "$URL/metrics" | grep '^precis_articles_stored')"
echo "== digests built: $(curl -s "$URL/metrics" | grep '^precis_digests_built_total' || echo 'not counted by this build')"
