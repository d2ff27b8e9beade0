#!/usr/bin/env bash
# The report's browser test drives Debian's chromium (playwright-core downloads no browser).
# Installs it when missing and we may (root with apt-get, as in CI); else says what to do.
set -euo pipefail
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing chromium for the report's browser test (apt-get)…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "chromium not found: install it (sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium" >&2
exit 1
