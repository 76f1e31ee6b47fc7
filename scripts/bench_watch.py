#!/usr/bin/env python3
"""Items per second through `precis watch --once`: feeds served from this machine.

Serves FEEDS invented RSS feeds of ITEMS items each (full content:encoded, every item a different
invented report; a few reports of one event per feed, so stories form), one feed per loopback
address 127.0.0.K (the fetcher paces requests per host, as it should for real sites; on one address
the benchmark would measure that pause, not Precis), writes an OPML file listing them, and times
`precis watch FEEDS.opml --once --allow-private-networks --db FILE` into a new SQLite file, then a
second run (every feed answers 304).

    python3 scripts/bench_watch.py [--binary .build/release/precis] [--feeds 200] [--items 20]

Nothing listens beyond 127.0.0.0/8.
"""
import argparse
import email.utils
import http.server
import os
import subprocess
import sys
import tempfile
import threading
import time

PLACES = ["Calder", "Vesterby", "Norrhamn", "Ostvik", "Lindholm", "Skarby", "Tallmo", "Brekke"]
THINGS = ["harbour wall", "rail bridge", "ferry line", "school roof", "power station", "library", "hospital wing", "tram depot"]
VERBS = ["approves money for", "delays work on", "opens", "closes", "plans to rebuild", "asks questions about"]


def report(feed, k):
    place = PLACES[(feed + k) % len(PLACES)]
    thing = THINGS[(feed * 3 + k) % len(THINGS)]
    verb = VERBS[(feed + 2 * k) % len(VERBS)]
    money = 1 + (feed * 7 + k * 13) % 90
    title = f"{place} council {verb} the {thing}"
    paragraphs = [
        f"The {place} town council voted on Tuesday in a long session that {place} {verb} the {thing}, "
        f"with {money} million crowns set aside for the next three years of work.",
        f"Mayor {place[:3]}sson Holm said the decision on the {thing} followed months of hearings, and that "
        f"residents of {place} would be told of every step in writing before the work started.",
        f"Opposition councillors asked for a second survey of the {thing}; their motion number {feed * 100 + k} "
        f"was defeated by {5 + k % 7} votes to {2 + feed % 5}.",
    ]
    return title, "".join(f"<p>{p}</p>" for p in paragraphs)


def feed_xml(feed, items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
           f"<title>Invented feed {feed}</title><link>http://127.0.0.1/</link><description>bench</description>"]
    for k in range(items):
        title, html = report(feed, k)
        date = email.utils.formatdate(1796000000 + feed * 3600 + k * 60, usegmt=True)
        out.append(f"<item><title>{title}</title><guid isPermaLink=\"false\">bench-{feed}-{k}</guid>"
                   f"<pubDate>{date}</pubDate><content:encoded><![CDATA[{html}]]></content:encoded></item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode()


def serve(feeds, items):
    servers = []
    for f in range(feeds):
        body = feed_xml(f, items)

        class Handler(http.server.BaseHTTPRequestHandler):
            payload = body
            etag = f'"bench-{f}"'

            def do_GET(self):
                if self.headers.get("If-None-Match") == self.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", self.etag)
                self.send_header("Content-Length", str(len(self.payload)))
                self.end_headers()
                self.wfile.write(self.payload)

            def log_message(self, *args):
                pass

        host = f"127.0.{1 + f // 250}.{1 + f % 250}"
        server = http.server.ThreadingHTTPServer((host, 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append((server, f"http://{host}:{server.server_address[1]}/feed.xml"))
    return servers


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/precis")
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=20)
    args = ap.parse_args()
    servers = serve(args.feeds, args.items)
    with tempfile.TemporaryDirectory() as tmp:
        opml = os.path.join(tmp, "feeds.opml")
        with open(opml, "w") as fh:
            fh.write('<opml version="2.0"><body>\n')
            for k, (_, url) in enumerate(servers):
                fh.write(f'<outline text="feed {k}" xmlUrl="{url}"/>\n')
            fh.write("</body></opml>\n")
        db = os.path.join(tmp, "bench.sqlite")
        command = [args.binary, "watch", opml, "--once", "--allow-private-networks", "--db", db]
        for label in ("first run", "second run (304s)"):
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True)
            seconds = time.perf_counter() - start
            line = done.stdout.strip()
            print(f"{label}: {line} in {seconds:.2f} s (exit {done.returncode})")
            if label == "first run":
                total = args.feeds * args.items
                print(f"  {total} items, {total / seconds:.0f} items per second")
            if done.returncode != 0:
                sys.stderr.write(done.stderr[-2000:])
    for server, _ in servers:
        server.shutdown()


if __name__ == "__main__":
    main()
