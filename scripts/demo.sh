#!/usr/bin/env bash
# Install everything, then open JupyterLab on 127.0.0.1 with the demo
# notebook and the Palmer penguins dataset.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
args=(--ip 127.0.0.1 --ServerApp.root_dir="$PWD/examples")
if [ "$(id -u)" = 0 ]; then
  args+=(--allow-root)
fi
exec .venv/bin/jupyter lab "${args[@]}" "$@" demo.ipynb
