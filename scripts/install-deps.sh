#!/usr/bin/env bash
# Installs the Debian packages Precis builds against, when they are missing:
#   libstemmer-dev (Snowball stemming), libxml2-dev (HTML parsing), libsqlite3-dev (the store,
#   through GRDB), pkg-config.
# Safe to run again: it does nothing when everything is present.
set -euo pipefail

missing=()
[ -f /usr/include/libstemmer.h ] || missing+=(libstemmer-dev)
pkg-config --exists libxml-2.0 2>/dev/null || missing+=(libxml2-dev)
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)

if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "install-deps: the Swift toolchain (6.0 or later) is not on PATH; install it from swift.org first." >&2
    exit 1
fi
