#!/bin/sh
# Simulated two-node cluster against one machine, same worker count (issue 13): a compute-bound
# batch (tests/bench/mpi_kernels.py `logistic`) run with 2 workers
#   (a) on this machine (lomaw mpirun, no hostfile), and
#   (b) on two "nodes" lomaw-node1/2 (one worker each), set up as in tests/cli/test_mpi_cluster.cpp:
#       names in /etc/hosts at 127.0.1.11/12 for the run, an ssh stand-in giving each node its own
#       /tmp (unshare -m) and host name, --mca btl self,tcp, the build cache in a directory every
#       node sees (so nothing is copied).
# Both runs use the same two cores, so the ratio measures what the cluster path costs (launch over
# the agent, daemons, tcp), not more hardware. The two are interleaved REPS times (alternating which
# goes first, so a burst of load from elsewhere hits both alike) and the best wall time of each is
# taken: efficiency = best T(one machine) / best T(two nodes); the target is >= 0.9. The 1-minute
# load average is printed with every run (the machine may be shared). Needs root.
#   tests/bench/bench_mpi_cluster.sh LOMAW [SETS] [ITERATIONS] [REPS]
set -eu
LOMAW=$(realpath "$1")
SETS=${2:-40}
ITER=${3:-150000000}
REPS=${4:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "$HOME/.lomaw-bench-cluster-XXXXXX")   # not in /tmp: the nodes must see it
ADDED=""
cleanup() {
    if [ -n "$ADDED" ]; then
        grep -v -x -e '127.0.1.11 lomaw-node1' -e '127.0.1.12 lomaw-node2' /etc/hosts > "$WORK/hosts.keep" || true
        cat "$WORK/hosts.keep" > /etc/hosts
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
for line in '127.0.1.11 lomaw-node1' '127.0.1.12 lomaw-node2'; do
    if ! grep -q -x "$line" /etc/hosts; then echo "$line" >> /etc/hosts; ADDED=yes; fi
done
cat > "$WORK/agent.sh" <<'AGENT'
#!/bin/sh
while [ $# -gt 0 ]; do case "$1" in -*) shift;; *) break;; esac; done
host="$1"; shift
exec unshare -m -u sh -c 'mount -t tmpfs tmpfs /tmp && hostname "$0" && exec sh -c "$1"' "$host" "$*"
AGENT
chmod +x "$WORK/agent.sh"
printf 'lomaw-node1 slots=1\nlomaw-node2 slots=1\n' > "$WORK/hosts"
python3 -c "import json; print(json.dumps([[3.7, $ITER]] * $SETS))" > "$WORK/batch.json"
export LOMAW_CACHE_DIR="$WORK/cache"
MPIARGS="--mca plm_rsh_agent $WORK/agent.sh --mca btl self,tcp"
# Build once (both programs), so that no measured run pays for it.
"$LOMAW" mpirun "$HERE/mpi_kernels.py" logistic --batch "$WORK/batch.json" --workers 2 --launch spmd > /dev/null

# One measured run: wall time, the 1-minute load average when it started, the timings.
cat > "$WORK/measure.py" <<'PY'
import json, subprocess, sys, time
timings, label, rep, out = sys.argv[1:5]
load = open("/proc/loadavg").read().split()[0]
start = time.monotonic()
subprocess.run(sys.argv[5:], stdout=open(out, "w"), check=True)
wall = time.monotonic() - start
t = json.load(open(timings))
ranks = ", ".join("%s %.2f" % (r["host"], r["compute"]) for r in t["ranks"] if r["role"] == "worker")
print("%s\t%s\t%.3f\t%.3f\t%s\t%s" % (label, rep, wall, t["compute"], load, ranks))
PY
run() {  # label rep, extra args...: one line "label rep wall compute load1 ranks" into $WORK/runs
    label=$1 rep=$2; shift 2
    python3 "$WORK/measure.py" "$WORK/$label.json" "$label" "$rep" "$WORK/$label.out" \
        "$LOMAW" mpirun "$HERE/mpi_kernels.py" logistic --batch "$WORK/batch.json" --workers 2 --launch spmd \
        --timings "$WORK/$label.json" "$@" >> "$WORK/runs"
}
one() { run one-machine "$1"; }
two() { run two-nodes "$1" --hostfile "$WORK/hosts" --mpirun-args "$MPIARGS"; }
: > "$WORK/runs"
rep=1
while [ "$rep" -le "$REPS" ]; do
    if [ $((rep % 2)) -eq 1 ]; then one "$rep"; two "$rep"; else two "$rep"; one "$rep"; fi
    cmp -s "$WORK/one-machine.out" "$WORK/two-nodes.out" || { echo "results differ" >&2; exit 1; }
    rep=$((rep + 1))
done
echo "$SETS sets x $ITER iterations of logistic, 2 workers, $REPS interleaved repetitions, $(nproc) cores"
echo
python3 - "$WORK/runs" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
print("| rep | run | wall (s) | compute (s) | load avg (1 min) | per worker: host compute (s) |")
print("|---|---|---|---|---|---|")
for label, rep, wall, compute, load, ranks in rows:
    print("| %s | %s | %s | %s | %s | %s |" % (rep, label, wall, compute, load, ranks))
best = {}
for label, rep, wall, compute, load, ranks in rows:
    if label not in best or float(wall) < best[label][0]:
        best[label] = (float(wall), float(compute))
one, two = best["one-machine"], best["two-nodes"]
loads = [float(r[4]) for r in rows]
print()
print("best of each: one machine %.3f s (compute %.3f), two nodes %.3f s (compute %.3f); "
      "load average %.2f-%.2f" % (one[0], one[1], two[0], two[1], min(loads), max(loads)))
eff = one[0] / two[0]
print("efficiency (one machine / two nodes, wall): %.3f  (compute phases: %.3f)  target >= 0.9: %s"
      % (eff, one[1] / two[1], "met" if eff >= 0.9 else "NOT met"))
PY
