#!/usr/bin/env bash
# Install everything, then run all tests: jest (core, data, engine in Node)
# and the Galata UI tests (real JupyterLab, Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
npx jest --ci
npx playwright test -c ui-tests/playwright.config.js
