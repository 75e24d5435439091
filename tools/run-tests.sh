#!/usr/bin/env bash
# Builds and runs the whole test suite through ctest, as CI does:
#   1. the release build with warnings as errors: unit, kernel, CLI and GUI tests;
#   2. the engine and its tests under AddressSanitizer + UndefinedBehaviorSanitizer (with the
#      end-to-end tests of hostile and broken input);
#   3. the fuzzer (front end, and AD + C for inputs that check) for 60 s on a seed corpus of
#      every kernel, and the identifier fuzzer (kernel names against C, headers, backend and
#      harness names, down to cc -fsyntax-only) for 60 s, and the argument fuzzer (JSON argument
#      lists and batches against fixed signatures) for 60 s (clang + libFuzzer).
# Pass a subset of "ci asan fuzz" to run only those.
set -euo pipefail
cd "$(dirname "$0")/.."
stages=("${@:-ci asan fuzz}")
read -r -a stages <<< "${stages[*]}"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# A compiler cache makes recompiling an unchanged file free, also across checkouts in different
# directories (CCACHE_BASEDIR); on a machine without one the stages just build from scratch.
if command -v ccache >/dev/null; then
  export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
fi
# Tests use their own build cache so they never see (or pollute) the user's.
export LOMAW_CACHE_DIR="${LOMAW_CACHE_DIR:-$PWD/build/test-cache}"
for stage in "${stages[@]}"; do
  echo "=== $stage: configure and build"
  cmake --preset "$stage" >/dev/null
  if [[ $stage == fuzz ]]; then
    # Only the fuzzer: the instrumented engine libraries link into nothing else.
    cmake --build --preset fuzz --target fuzz_frontend fuzz_identifiers fuzz_arguments
  else
    cmake --build --preset "$stage"
  fi
  echo "=== $stage: test"
  if [[ $stage == asan ]]; then
    # Under the sanitizers: every engine test, and of the end-to-end tests those that feed the
    # binary hostile or broken input (the corpus runs, which mostly time the C compiler, are
    # left to the ci stage: this keeps the whole run under 30 minutes on 2 cores).
    ctest --preset asan -LE cli
    ctest --preset asan -L cli -R 'ExitCodes|Limits|CInjection|Diagnostic|CheckBounds|MpiCli|RunBatch'
  else
    ctest --preset "$stage"
  fi
done
