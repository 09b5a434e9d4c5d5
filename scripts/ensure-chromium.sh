#!/usr/bin/env bash
# Installs Debian's Chromium when the machine has none: `npm start`, `npm test` and CI need a real browser.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ] && [ -x "${CHROME_PATH}" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Dealer Desk: Chromium is missing; installing Debian's chromium (and CJK fonts) with apt-get" >&2
run() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "Run as root or install chromium yourself (apt-get install chromium), or set CHROME_PATH." >&2; exit 1; fi; }
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq
run apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
