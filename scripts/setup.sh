#!/usr/bin/env bash
# Install everything the demo and the tests need, from scratch, into this
# checkout: Debian's Chromium, a Python virtual environment in .venv with
# JupyterLab, the npm packages, and the built extension.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the UI tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q 'jupyterlab>=4.6,<4.7' ipykernel pandas

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
npm run build:prod
.venv/bin/pip install -q .
.venv/bin/jupyter labextension list 2>&1 | grep -q 'jupyterlab-training-wizard.*enabled.*OK' || {
  echo "jupyterlab-training-wizard is not enabled and OK in 'jupyter labextension list'" >&2
  .venv/bin/jupyter labextension list >&2
  exit 1
}
