#!/bin/sh
# The test command of README.md, and exactly what .ci/run runs: from a fresh clone with Python 3.11
# and pip, it makes sure Chromium is there for the browser test of report.html, makes .venv,
# installs claimcheck with its test extras, then runs pytest (arguments are passed on to it).
#
# Chromium is installed with apt-get when that is possible (as root, or with sudo that asks no
# password). Otherwise the script says what to install and fails: the browser test is never
# skipped, because a test that does not run proves nothing.
set -eu
cd "$(dirname "$0")"

have_chromium() {
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}

if ! have_chromium; then
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
      as_root=""
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root="sudo"
    else
      as_root="none"
    fi
    if [ "$as_root" != "none" ]; then
      echo "test.sh: installing Chromium for the browser test of report.html (apt-get)" >&2
      $as_root apt-get update -qq &&
        $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
        echo "test.sh: apt-get could not install chromium" >&2
    fi
  fi
fi

if ! have_chromium; then
  echo "test.sh: Chromium is needed for tests/outputs/test_report_browser.py and could not be" >&2
  echo "installed here. Install it, then run ./test.sh again:" >&2
  echo "  Debian or Ubuntu:  sudo apt-get install chromium   (Ubuntu: chromium-browser)" >&2
  echo "  Fedora:            sudo dnf install chromium" >&2
  echo "  macOS:             brew install --cask chromium" >&2
  echo "Any of chromium, chromium-browser, google-chrome or google-chrome-stable on PATH will do." >&2
  exit 1
fi

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check '.[test]'

exec .venv/bin/python -m pytest "$@"
