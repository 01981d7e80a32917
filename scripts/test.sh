#!/usr/bin/env bash
# Install everything, then run all tests: jest (core, data, engine, CLI in
# Node) and the Galata UI tests (real JupyterLab, Debian's Chromium). Ends
# with one summary line counting both.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

reports="$(mktemp -d)"
status=0
npx jest --ci --json --outputFile="$reports/jest.json" || status=$?
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/ui.json" \
  npx playwright test -c ui-tests/playwright.config.js --reporter=list,json || status=$?
node scripts/summarize-tests.js "$reports/jest.json" "$reports/ui.json"
exit "$status"
