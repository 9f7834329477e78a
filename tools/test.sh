#!/usr/bin/env bash
# Run every check CI runs: lint, the import contract, the Qt-free run of the non-UI tests
# (PySide6 blocked, as on a machine without Qt), then the whole suite with Qt offscreen and
# the Xvfb smoke test, then the UI tests once more in a smaller window.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python

echo "== ruff"
.venv/bin/ruff check planner tests benchmarks tools
echo "== import contracts"
.venv/bin/lint-imports
echo "== non-UI tests with Qt blocked"
BOOTHPLAN_BLOCK_QT=1 "$py" -m pytest -q -m "not ui and not xvfb" -p no:pytest-qt -p no:cacheprovider \
  --ignore=planner/ui --ignore=tests/ui
echo "== all tests"
"$py" -m pytest -q -p no:cacheprovider
echo "== UI tests again in a small window (no test may lean on the window's size)"
BOOTHPLAN_TEST_WINDOW=850x600 "$py" -m pytest -q -p no:cacheprovider tests/ui -m "not xvfb"
