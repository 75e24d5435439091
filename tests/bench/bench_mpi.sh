#!/bin/sh
# MPI benchmarks of issue 5 (docs/benchmarks.md "MPI"): one command, Markdown tables on stdout,
# about 3–5 minutes on 2 cores. Usage: tests/bench/bench_mpi.sh [path/to/lomaw] [--quick] [--max-exp 7]
exec python3 "$(dirname "$0")/bench_mpi.py" "$@"
