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
#
# The page benchmark also needs jupyter lab with the built extension (default
# .venv/bin/jupyter, set by BENCH_JUPYTER) and Chromium (default
# /usr/bin/chromium, set by BENCH_CHROMIUM). It serves on 127.0.0.1 port
# BENCH_PAGE_PORT (default 8905) and runs BENCH_PAGE_RUNS rounds (default 3).
# `bash bench/run.sh page` runs only that benchmark, then the report, and so
# does `bash bench/run.sh ingest`, and `bash bench/run.sh fileheap` for the
# page heap of a fetched file (jupyter lab and Chromium as above). A report
# without the other benchmarks' results replaces only the ingest parts of
# BENCHMARKS.md.
#
# The kernel benchmark uses the same jupyter lab and Chromium, with pandas in
# the kernel's environment, on port BENCH_KERNEL_PORT (default 8901) for
# BENCH_KERNEL_RUNS rounds (default 3). `bash bench/run.sh kernel` runs only
# that benchmark, then the report. `bash bench/run.sh memory` trains ten
# times in a row in the panel (port BENCH_MEMORY_PORT, default 8906) and
# records the page heap and the worker's tensor counts.
#
# The backends benchmark times the wizard's networks on the tfjs cpu, wasm and
# webgl backends in a Web Worker of the same Chromium. A Node server on
# 127.0.0.1 port BENCH_BACKENDS_PORT (default 8903) serves the worker. It runs
# BENCH_BACKENDS_RUNS rounds (default 3) of BENCH_BACKENDS_EPOCHS epochs
# (default 3). `bash bench/run.sh backends` runs only that benchmark and
# rewrites only its section of BENCHMARKS.md.
set -euo pipefail

cd "$(dirname "$0")/.."
tmp="$(mktemp -d /tmp/training-wizard-bench.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

npx tsc -p bench/tsconfig.json

if [ "${1:-}" = ingest ]; then
  venv="${BENCH_VENV:-/tmp/benchvenv}"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install pandas
  fi
  node bench/build/bench/ingest/main.js "$tmp" "$venv/bin/python"
  node bench/build/bench/report.js
  exit 0
fi

if [ "${1:-}" = fileheap ]; then
  node bench/build/bench/page/fileHeap.js "$tmp"
node bench/build/bench/backends/main.js "$tmp"
  node bench/build/bench/report.js
  exit 0
fi

if [ "${1:-}" = page ]; then
  node bench/build/bench/page/main.js "$tmp"
  node bench/build/bench/report.js
  exit 0
fi

if [ "${1:-}" = backends ]; then
  node bench/build/bench/backends/main.js "$tmp"
  node bench/build/bench/backends/report.js
  exit 0
fi

if [ "${1:-}" = memory ]; then
  node bench/build/bench/memory/main.js "$tmp"
  node bench/build/bench/report.js
  exit 0
fi

if [ "${1:-}" = kernel ]; then
  node bench/build/bench/kernel/main.js "$tmp"
  node bench/build/bench/report.js
  exit 0
fi

venv="${BENCH_VENV:-/tmp/benchvenv}"
python="$venv/bin/python"

if [ ! -x "$python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install pandas scikit-learn torch==2.13.0
fi

# The bundle benchmark measures the existing build. It builds only when there
# is none, because build:prod first deletes lib/ and the labextension.
if [ ! -d jupyterlab_training_wizard/labextension/static ]; then
  npm run build:prod
fi
node bench/build/bench/bundle/main.js
node bench/build/bench/ingest/main.js "$tmp" "$python"
node bench/build/bench/engine/main.js
node bench/build/bench/forest/main.js
node bench/build/bench/page/main.js "$tmp"
node bench/build/bench/kernel/main.js "$tmp"
node bench/build/bench/memory/main.js "$tmp"
node bench/build/bench/page/fileHeap.js "$tmp"
node bench/build/bench/backends/main.js "$tmp"
"$python" bench/compare.py "$tmp"
node bench/build/bench/report.js
