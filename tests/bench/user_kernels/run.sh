#!/usr/bin/env bash
# Derivatives of kernels written the way students and researchers write them (not chosen for
# the benchmark): each is gradchecked at a small point, then compiled from `lomaw emit --stage c`
# with the runtime's flags and timed by drv.c (primal, forward, reverse; best of NREP calls; two
# runs each, pinned to one core). docs/benchmarks.md, "Kernels beyond the benchmark".
#   tests/bench/user_kernels/run.sh [kernel number ...]     (default: all 1..15)
# Env: LOMAW (default build/release/app/cli/lomaw), OUT (default build/user-kernels), NREP (21),
#      CPU (core to pin to, default 0; none: no pinning).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
LOMAW=${LOMAW:-$root/build/release/app/cli/lomaw}
OUT=${OUT:-$root/build/user-kernels}
NREP=${NREP:-21}
CPU=${CPU:-0}
PIN=""; [ "$CPU" != none ] && command -v taskset >/dev/null && PIN="taskset -c $CPU"
KFLAGS="-std=c11 -O2 -fwrapv -fno-fast-math -fvect-cost-model=cheap"
mkdir -p "$OUT"
ks=("$@"); [ ${#ks[@]} -eq 0 ] && ks=($(seq 1 15))

# A small point per kernel (JSON arguments of the primal).
declare -A point=(
  [1]='[[0.1,0.5,-0.3,0.8,0.2,-0.6,0.4,0.9], [0.3,-0.2,0.5], 8, 3]'
  [2]='[[0.1,0.5,-0.3,0.8,0.2,-0.6,0.4,0.9,-0.1], [1,-1,1], [0.3,-0.2,0.5], 0.1, 3, 3]'
  [3]='[[0.1,0.5,-0.3,0.8,0.2,-0.6,0.4,0.9,-0.1], [0.3,-0.2,0.5,0.7,-0.4,0.2,0.6,0.1,-0.8], 3]'
  [4]='[[0.1,0.5,-0.3,0.8], [0.3,-0.2,0.5,0.7], [-0.4,0.2,0.6,0.1], [1.0,2.0,0.5,1.5], 4]'
  [5]='[[0.1,0.5,-0.3,0.8], [1.0,-0.5,0.3,0.2,-0.1], 4, 4]'
  [6]='[[0.1,0.5,-0.3,0.8,0.2], 0.7, [0,0,0,0,0], 5]'
  [7]='[0.5, 0.1, 9.81, 1.0, 0.01, 100]'
  [8]='[[0.1,0.5,-0.3,0.8,-0.9,0.4], [0.2,0.1,0.0,0.5,-0.1,0.3], 0.7, -0.1, 6]'
  [9]='[[0.1,0.5,-0.3,0.8,0.2,-0.6], 2, 6]'
  [10]='[[0.1,0.5,-0.3,0.8,0.2,-0.6,0.4,0.9,-0.1,0.3,-0.2,0.5,0.7,-0.4,0.2,0.6], 4]'
  [11]='[[0.1,0.5,-0.3,0.8,0.2,-0.6], [0.2,0.4,-0.1,0.6,0.1,-0.5], 0.3, 0.01, 6]'
  [12]='[[0.1,0.5,-0.3,0.8,0.2], [0.3,-0.2,0.5,0.7,-0.4], [0.0,0.6,-0.5], [0.1,0.4,0.2], 5, 3]'
  [13]='[[0.1,0.5,-0.3,0.8,0.2,-0.6,0.4,0.9], 0.2, 8, 5]'
  [14]='[[{"x":0.1,"y":0.5,"vx":-0.3,"vy":0.8,"m":1.0},{"x":0.4,"y":0.2,"vx":0.6,"vy":-0.1,"m":2.0},{"x":0.9,"y":-0.3,"vx":0.2,"vy":0.5,"m":0.5}], 3, 2.0, 9.81]'
  [15]='[[1.5, 2.0, 0.5, 3.0, 2.5], 5]'
)
declare -A fn=([1]=conv1d [2]=logreg [3]=matmul_energy [4]=nbody [5]=horner [6]=iir [7]=pendulum
  [8]=relu_loss [9]=softmax_ce [10]=stencil9 [11]=tv_loss [12]=kmeans_cost [13]=heat [14]=chain_energy [15]=newton_sqrt_sum)

echo "# $(date -Is)  lomaw: $LOMAW  load: $(cut -d' ' -f1-3 /proc/loadavg)"
for k in "${ks[@]}"; do
  kk=$(printf %02d "$k"); src=$(ls "$here"/k${kk}_*.py); base=$(basename "${src%.py}")
  if ! "$LOMAW" gradcheck "$src" "${fn[$k]}" --args "${point[$k]}" > "$OUT/$base.gradcheck" 2>&1; then
    echo "gradcheck of $base disagrees or failed:"; cat "$OUT/$base.gradcheck"; exit 1
  fi
  "$LOMAW" emit --stage c "$src" > "$OUT/$base.c"
  gcc $KFLAGS -c "$OUT/$base.c" -o "$OUT/$base.o"
  gcc -O2 -DK=$k -DNREP=$NREP "$here/drv.c" "$OUT/$base.o" -lm -o "$OUT/drv$kk"
done
for k in "${ks[@]}"; do
  kk=$(printf %02d "$k")
  for run in 1 2; do $PIN "$OUT/drv$kk" 2>&1 | sed "s/^/run$run /"; done
done
