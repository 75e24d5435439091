#!/usr/bin/env bash
# Nested forward mode (docs/ad.md, "Nested forward mode"): for fwd_diff applied k = 1..8 times
# to a two-line kernel, the time and memory `lomaw emit --stage c` takes, the size of the C,
# the time gcc -O2 takes on it (the runtime's flags), and for k = 2..4 the time of one call
# (best of 5 runs of 10^6 calls). With a second lomaw (e.g. one built from an older commit),
# the same for it, side by side.
#
#   tests/bench/bench_nested_fwd.sh build/release/app/cli/lomaw [OLD_LOMAW]
set -euo pipefail
new=${1:?usage: bench_nested_fwd.sh LOMAW [OLD_LOMAW]}
old=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cflags="-O2 -std=c11 -ffp-contract=off -fwrapv -fno-fast-math -w"

kernel() {  # $1 = levels
    echo 'def f(x : In[float], y : In[float]) -> float:'
    echo '    return x * x * y + sin(x * y) / (y + 2.0)'
    local prev=f
    for j in $(seq 1 "$1"); do echo "f$j = fwd_diff($prev)"; prev=f$j; done
}

ring() {  # the C type of a k-th order dual number
    local t=_dfloat
    for _ in $(seq 2 "$1"); do t=_d$t; done
    echo "$t"
}

driver() {  # $1 = C file, $2 = levels: calls f_k 10^6 times, prints ns per call
    local k=$2 t
    t=$(ring "$k")
    cat <<EOF
#define _POSIX_C_SOURCE 199309L
#include "$1"
#include <stdio.h>
#include <string.h>
#include <time.h>
int main(void) {
    float xs[1 << $k], ys[1 << $k];
    for (int i = 0; i < (1 << $k); i++) { xs[i] = 0.7f + 0.1f * i; ys[i] = 1.3f - 0.05f * i; }
    $t x, y;
    memcpy(&x, xs, sizeof x);
    memcpy(&y, ys, sizeof y);
    double best = 1e30;
    volatile float sink = 0;
    for (int rep = 0; rep < 5; rep++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int n = 0; n < 1000000; n++) {
            ((float*)&x)[0] = 0.5f + n * 1e-7f;
            $t r = f$k(x, y);
            sink += ((float*)&r)[(1 << $k) - 1];
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        double ns = ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / 1e6;
        if (ns < best) best = ns;
    }
    printf("%.1f\n", best);
    return 0;
}
EOF
}

measure() {  # $1 = lomaw, $2 = label, $3 = levels
    local dir="$work/$2" k=$3
    mkdir -p "$dir"
    kernel "$k" > "$dir/k$k.py"
    local emit
    emit=$( { /usr/bin/time -f "%e %M" "$1" emit --stage c "$dir/k$k.py" > "$dir/k$k.c"; } 2>&1 | tail -1)
    local bytes gcc_s call="-"
    bytes=$(wc -c < "$dir/k$k.c")
    gcc_s=$( { /usr/bin/time -f "%e" gcc $cflags -c "$dir/k$k.c" -o "$dir/k$k.o"; } 2>&1 | tail -1)
    if [ "$k" -ge 2 ] && [ "$k" -le 4 ]; then
        driver "$dir/k$k.c" "$k" > "$dir/t$k.c"
        gcc $cflags -o "$dir/t$k" "$dir/t$k.c" -lm
        call=$("$dir/t$k")
    fi
    local emit_s=${emit% *} emit_kb=${emit#* }
    printf "%-6s %2d  %9s s %9s KB %10s B %8s s %10s ns\n" "$2" "$k" "$emit_s" "$emit_kb" "$bytes" "$gcc_s" "$call"
}

printf "%-6s %2s  %11s %12s %12s %10s %13s\n" lomaw k "emit time" "emit memory" "C size" "gcc -O2" "one call"
for k in 1 2 3 4 5 6 7 8; do
    measure "$new" new "$k"
    if [ -n "$old" ]; then measure "$old" old "$k"; fi
done
