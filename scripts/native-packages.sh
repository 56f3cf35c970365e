#!/usr/bin/env bash
# The Debian packages the host needs beside .NET: Redis for state, OpenCV's face cascades and the GTK
# runtime OpenCvSharp's native library links against, Ghostscript for PDFs (run by the host itself, under prlimit
# from util-linux, which every Debian and Ubuntu system has) with its CJK fallback font: a PDF whose Chinese text uses
# a font it does not embed (MSung-Light, common in Taiwan's forms) renders as stray Latin glyphs without it, and
# --no-install-recommends leaves it out. The printable summary (a PDF the bot draws) uses that font for Chinese and
# DejaVu Sans for everything else. Sourced by scripts/run.sh, scripts/test.sh and .ci/run; the Dockerfile
# installs the same list (a test checks it).
NATIVE_PACKAGES=(redis-server opencv-data libgtk-3-0 ghostscript fonts-droid-fallback fonts-dejavu-core util-linux)

# Whether a package (or what the host needs from it) is there. No pipeline: under `set -o pipefail` a `grep -q` that
# stops reading early kills its writer with SIGPIPE and the check fails at random (it re-ran apt-get about one time in five).
package_present() {
  case "$1" in
    redis-server) command -v redis-server >/dev/null 2>&1 ;;
    opencv-data) [ -d /usr/share/opencv4/haarcascades ] ;;
    # Ubuntu 24.04 renamed it libgtk-3-0t64 (the Dockerfile's base image).
    libgtk-3-0) dpkg_installed libgtk-3-0 libgtk-3-0t64 ;;
    ghostscript) command -v gs >/dev/null 2>&1 ;;
    fonts-droid-fallback) [ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] ;;
    fonts-dejavu-core) [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] ;;
    util-linux) command -v prlimit >/dev/null 2>&1 ;;
    *) dpkg_installed "$1" ;;
  esac
}

# True when dpkg has any of the named packages installed.
dpkg_installed() {
  local status
  # One call, output captured before it is read; a name dpkg does not know only makes it exit 1.
  status=$(dpkg-query -W -f='${Status}\n' "$@" 2>/dev/null) || true
  [[ $status == *"install ok installed"* ]]
}

# The packages among the arguments that are missing, space-separated (empty when none is).
missing_packages() {
  local package missing=()
  for package in "$@"; do
    package_present "$package" || missing+=("$package")
  done
  echo "${missing[*]}"
}

missing_native_packages() { missing_packages "${NATIVE_PACKAGES[@]}"; }

# Installs the missing ones with apt-get, as root or through sudo. Without either (or when apt-get fails), says
# exactly what to install and returns 1, so a script under `set -e` stops there with that message.
install_packages() {
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  local as=()
  if [ "$(id -u)" != 0 ]; then
    # sudo may ask for a password at a terminal; without one it must not wait for it.
    if command -v sudo >/dev/null 2>&1 && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then
      as=(sudo)
    else
      cannot_install "$missing" "you are not root and sudo is not available"
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    cannot_install "$missing" "apt-get was not found (this script knows Debian and Ubuntu)"
    return 1
  fi
  echo "Installing: $missing"
  # shellcheck disable=SC2086 # one word per package
  if ! "${as[@]}" apt-get update -qq \
    || ! "${as[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
    cannot_install "$missing" "apt-get failed (see above)"
    return 1
  fi
}

install_native_packages() { install_packages "${NATIVE_PACKAGES[@]}"; }

cannot_install() {
  cat >&2 <<MESSAGE

Missing Debian/Ubuntu packages: $1
They could not be installed: $2.
Install them as root (or ask an administrator to), then start this script again:

    apt-get install --no-install-recommends $1

MESSAGE
}
