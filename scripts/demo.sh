#!/usr/bin/env bash
# Install everything, then open JupyterLab on 127.0.0.1 with the demo
# notebook and the Palmer penguins dataset. The demo works on a copy in
# .demo/, so examples/ stays as committed. Extra arguments go to
# `jupyter lab`, for example --port 8899.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
mkdir -p .demo
for file in examples/*; do
  [ -e ".demo/$(basename "$file")" ] || cp "$file" .demo/
done
args=(--ip 127.0.0.1)
if [ "$(id -u)" = 0 ]; then
  args+=(--allow-root)
fi
cd .demo
echo "Without a browser opened for you, open demo.ipynb from the file browser, or put /tree/demo.ipynb after /lab in the URL printed below." >&2
exec ../.venv/bin/jupyter lab "${args[@]}" "$@" demo.ipynb
