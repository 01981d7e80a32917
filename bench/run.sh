#!/usr/bin/env bash
# Run every benchmark, write bench/results/*.json, then BENCHMARKS.md.
#
# Needs Node with the repository's node_modules installed, and python3 to
# create a virtual environment with pandas, scikit-learn and torch 2.13.0.
# BENCH_VENV sets its folder (default /tmp/benchvenv), and an existing one is
# reused. Generated data files go to a temporary folder removed at the end.
# BENCH_RUNS (default 5) and BENCH_LARGE_RUNS (default 3) set the runs of the
# short and the long measurements. BENCH_FOREST_RUNS (default 3) sets the runs
# of each size in the forest benchmark.
set -euo pipefail

cd "$(dirname "$0")/.."
venv="${BENCH_VENV:-/tmp/benchvenv}"
python="$venv/bin/python"

if [ ! -x "$python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install pandas scikit-learn torch==2.13.0
fi

tmp="$(mktemp -d /tmp/training-wizard-bench.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

npx tsc -p bench/tsconfig.json

# The bundle benchmark measures the existing build. It builds only when there
# is none, because build:prod first deletes lib/ and the labextension.
if [ ! -d jupyterlab_training_wizard/labextension/static ]; then
  npm run build:prod
fi
node bench/build/bench/bundle/main.js
node bench/build/bench/ingest/main.js "$tmp" "$python"
node bench/build/bench/engine/main.js
node bench/build/bench/forest/main.js
"$python" bench/compare.py "$tmp"
node bench/build/bench/report.js
