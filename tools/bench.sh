#!/usr/bin/env bash
# Runs the benchmarks of tests/bench on the release build and prints their results; the numbers
# of one run are recorded by hand in docs/benchmarks.md with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target bench_frontend bench_run_latency lomaw
export LOMAW_CACHE_DIR="${LOMAW_CACHE_DIR:-$PWD/build/bench-cache}"
echo "== machine: $(nproc) cores, $(uname -m), $(gcc --version | head -1)"
build/release/tests/bench/bench_frontend --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
build/release/tests/bench/bench_run_latency --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
