#!/usr/bin/env bash
# Runs the benchmarks of tests/bench on the release build and prints their results; the numbers
# of one run are recorded by hand in docs/benchmarks.md with the machine load they ran under.
# Run it on a quiet machine: the OpenMP and MPI numbers need both cores.
#   tools/bench.sh            front end, run latency, AD (nested forward mode, user kernels too), OpenMP, app
#   tools/bench.sh --mpi      the same plus the MPI benchmark (about 80 s more)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target bench_frontend bench_run_latency bench_ad bench_ad_gcc_default bench_omp bench_gui bench_descent lomaw lomaworks
export LOMAW_CACHE_DIR="${LOMAW_CACHE_DIR:-$PWD/build/bench-cache}"
bench=build/release/tests/bench
echo "== machine: $(nproc) cores, $(uname -m), $(gcc --version | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
$bench/bench_frontend --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
$bench/bench_run_latency --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
$bench/bench_ad --benchmark_min_time=0.3
echo "== the same C at GCC's default -O2 cost model (very-cheap), for comparison"
$bench/bench_ad_gcc_default --benchmark_min_time=0.3
echo "== kernels beyond the benchmark (user-shaped), gradchecked then timed"
tests/bench/user_kernels/run.sh
$bench/bench_omp
$bench/bench_descent --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
QT_QPA_PLATFORM=offscreen $bench/bench_gui 40 5
tests/bench/bench_nested_fwd.sh build/release/app/cli/lomaw
if [[ "${1:-}" == "--mpi" ]]; then
    tests/bench/bench_mpi.sh build/release/app/cli/lomaw
fi
