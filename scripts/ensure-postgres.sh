#!/usr/bin/env bash
# The store's PostgreSQL tests start a throwaway cluster with Debian's postgresql (initdb, pg_ctl).
# Prints the folder of its programs; installs the package when missing and we may (root with
# apt-get, as in CI); else says why on stderr and exits 1 (the tests are then skipped, saying so).
set -euo pipefail
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "installing postgresql for the store's PostgreSQL tests (apt-get)…" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin="$(find_bin)"
  fi
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL not found (no /usr/lib/postgresql/*/bin/initdb) and not installable here (needs root and apt-get): sudo apt-get install postgresql" >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
  echo "running as root but there is no postgres user to run the cluster as (initdb refuses root)" >&2
  exit 1
fi
echo "$bin"
