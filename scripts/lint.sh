#!/usr/bin/env bash
# The project's checks: ruff (style and bugs), mypy (types of reader/core) and import-linter
# (the core imports neither Qt nor the user interface; the lexicon is the lowest layer).
# Exits non-zero on any finding. Run after scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
echo "== ruff";         .venv/bin/ruff check . || status=1
echo "== mypy";         .venv/bin/mypy || status=1
echo "== import-linter"; .venv/bin/lint-imports --no-cache || status=1
exit $status
