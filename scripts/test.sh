#!/usr/bin/env bash
# Runs every test. Installs what the tests need when it is missing: the Debian packages of the host (Redis, OpenCV's
# cascades, GTK runtime, Ghostscript), Chromium and fonts for the dashboard's browser test, and playwright-core from npm
# (pinned by tests/browser/package-lock.json). The tests start their own redis-server on free loopback ports.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/native-packages.sh

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
missing=$(missing_native_packages)
[ -x /usr/bin/chromium ] || missing="$missing chromium fonts-noto-cjk fonts-noto-color-emoji"
if [ -n "${missing// /}" ]; then
  echo "Installing: $missing"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
[ -d tests/browser/node_modules/playwright-core ] || npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error

dotnet test Bot.sln "$@"
