#!/usr/bin/env bash
# Set up a fresh Debian machine for Boothplan: the system libraries Qt and the tests need
# (installed with apt-get only when missing), then a virtual environment in .venv with the
# project and its test tools. Safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-cursor0 libxkbcommon-x11-0 libxkbcommon0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 poppler-utils
)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
if ! .venv/bin/python -c "import planner, pytestqt, hypothesis, pypdf" >/dev/null 2>&1 \
   || [ pyproject.toml -nt .venv/.installed ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch .venv/.installed
fi
echo "setup: ready (.venv)"
