#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the tests (Debian's packages; installed when
# missing) and prints its URL: postgres://precis:precis@127.0.0.1:PORT/precis_test.
# The cluster lives in a temporary directory and listens on 127.0.0.1 only. Stop it with
#   scripts/postgres-for-tests.sh stop
# Prints nothing and exits 0 when PostgreSQL cannot be had here (not root and not installed), so the
# PostgreSQL tests are skipped rather than failed on such a machine.
set -euo pipefail
PORT=${PRECIS_PG_PORT:-55432}
DIR=${PRECIS_PG_DIR:-/tmp/precis-pg-$PORT}
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
BIN=$(find_bin || true)
if [ "${1:-}" = "stop" ]; then
    [ -n "$BIN" ] && [ -d "$DIR" ] && su postgres -c "$BIN/pg_ctl -D $DIR/data -m immediate stop" >/dev/null 2>&1 || true
    exit 0
fi
if [ -z "$BIN" ]; then
    if [ "$(id -u)" -ne 0 ]; then exit 0; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
    BIN=$(find_bin)
fi
id postgres >/dev/null 2>&1 || exit 0
if ! su postgres -c "$BIN/pg_ctl -D $DIR/data status" >/dev/null 2>&1; then
    rm -rf "$DIR"
    mkdir -p "$DIR"
    chown postgres "$DIR"
    su postgres -c "$BIN/initdb -D $DIR/data -A trust -U postgres" >/dev/null
    su postgres -c "$BIN/pg_ctl -D $DIR/data -l $DIR/log -o '-c listen_addresses=127.0.0.1 -p $PORT -k $DIR' -w start" >/dev/null
    su postgres -c "$BIN/psql -h 127.0.0.1 -p $PORT -U postgres -qc \"CREATE ROLE precis LOGIN PASSWORD 'precis'\"" >/dev/null
    # One database per suite that resets it, since suites run in parallel.
    for db in precis_test precis_test_serve; do
        su postgres -c "$BIN/createdb -h 127.0.0.1 -p $PORT -U postgres -O precis $db" >/dev/null
    done
fi
echo "postgres://precis:precis@127.0.0.1:$PORT/precis_test"
