#!/usr/bin/env bash
# The Debian packages the host needs beside .NET: Redis for state, OpenCV's face cascades and the GTK
# runtime OpenCvSharp's native library links against, Ghostscript for PDFs (run by the host itself, under prlimit
# from util-linux, which every Debian and Ubuntu system has). Sourced by scripts/run.sh and .ci/run; the Dockerfile
# installs the same list.
NATIVE_PACKAGES=(redis-server opencv-data libgtk-3-0 ghostscript util-linux)

missing_native_packages() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -d /usr/share/opencv4/haarcascades ] || missing+=(opencv-data)
  ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || missing+=(libgtk-3-0)
  command -v gs >/dev/null 2>&1 || missing+=(ghostscript)
  command -v prlimit >/dev/null 2>&1 || missing+=(util-linux)
  echo "${missing[@]:-}"
}

install_native_packages() {
  local missing
  missing=$(missing_native_packages)
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Please install these Debian/Ubuntu packages first: $missing" >&2
      return 1
    fi
  fi
  echo "Installing: $missing"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
}
