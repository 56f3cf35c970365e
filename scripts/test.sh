#!/usr/bin/env bash
# Runs every test. Installs what the tests need when it is missing: the Debian packages of the host (Redis, OpenCV's
# cascades, GTK runtime, Ghostscript), Chromium and fonts for the dashboard's browser test, kubectl to render deploy/
# (scripts/kubectl.sh), and playwright-core from npm (pinned by tests/browser/package-lock.json). The tests start their
# own redis-server on free loopback ports.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/native-packages.sh
source scripts/kubectl.sh

install_packages "${NATIVE_PACKAGES[@]}" chromium fonts-noto-cjk fonts-noto-color-emoji
ensure_kubectl
[ -d .local/bin ] && export PATH="$PWD/.local/bin:$PATH"
[ -d tests/browser/node_modules/playwright-core ] || npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error

dotnet test Bot.sln "$@"
