#!/bin/sh
# Simulated two-node cluster against one machine, same worker count (issue 13): a compute-bound
# batch (tests/bench/mpi_kernels.py `logistic`) run with 2 workers
#   (a) on this machine (lomaw mpirun, no hostfile), and
#   (b) on two "nodes" lomaw-node1/2 (one worker each), set up as in tests/cli/test_mpi_cluster.cpp:
#       names in /etc/hosts at 127.0.1.11/12 for the run, an ssh stand-in giving each node its own
#       /tmp (unshare -m) and host name, --mca btl self,tcp, the build cache in a directory every
#       node sees (so nothing is copied).
# Both runs use the same two cores, so the ratio measures what the cluster path costs (launch over
# the agent, daemons, tcp), not more hardware. Prints wall times, per-rank compute and
# the efficiency T(one machine) / T(two nodes). Needs root.
#   tests/bench/bench_mpi_cluster.sh LOMAW [SETS] [ITERATIONS]
set -eu
LOMAW=$(realpath "$1")
SETS=${2:-40}
ITER=${3:-40000000}
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
# Build once (both programs), so that neither measured run pays for it.
"$LOMAW" mpirun "$HERE/mpi_kernels.py" logistic --batch "$WORK/batch.json" --workers 2 --launch spmd > /dev/null

run() {  # label, extra args...: prints "label wall" and the timings
    label=$1; shift
    start=$(date +%s.%N)
    "$LOMAW" mpirun "$HERE/mpi_kernels.py" logistic --batch "$WORK/batch.json" --workers 2 --launch spmd \
        --timings "$WORK/$label.json" "$@" > "$WORK/$label.out"
    end=$(date +%s.%N)
    echo "$label $(echo "$end - $start" | bc)"
}
echo "| run | wall (s) | compute (s) | per rank: host compute |"
echo "|---|---|---|---|"
ONE=$(run one-machine | cut -d' ' -f2)
TWO=$(run two-nodes --hostfile "$WORK/hosts" --mpirun-args "$MPIARGS" | cut -d' ' -f2)
cmp -s "$WORK/one-machine.out" "$WORK/two-nodes.out" || { echo "results differ" >&2; exit 1; }
for label in one-machine two-nodes; do
    wall=$ONE; [ "$label" = two-nodes ] && wall=$TWO
    python3 - "$WORK/$label.json" "$label" "$wall" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
ranks = ", ".join("%s %.3f" % (r["host"], r["compute"]) for r in t["ranks"] if r["role"] == "worker")
print("| %s | %.3f | %.3f | %s |" % (sys.argv[2], float(sys.argv[3]), t["compute"], ranks))
PY
done
echo
echo "efficiency (one machine / two nodes, wall): $(echo "scale=3; $ONE / $TWO" | bc)"
