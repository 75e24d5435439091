#!/usr/bin/env python3
"""MPI benchmarks of issue 5 (docs/benchmarks.md "MPI"): one command, prints Markdown tables.

  tests/bench/bench_mpi.sh [path/to/lomaw] [--max-exp 7] [--workers 2] [--quick]

Every number is the wall time of one `lomaw` process run from here (so it includes the check of
the module, reading and validating the JSON input, the MPI job and printing the results), and the
breakdown is what `--timings` reports. The programs are built once up front (cache), so `build` is
~0 in every timed run. Kernels: tests/bench/mpi_kernels.py.

(a) time against the number of input sets (cube_root) and against the number of optimisation
    steps (line_loss_grad), for one worker ("sequential") and for 2 workers;
(b) per-step overhead of persistent workers next to one new job per step;
(c) parallel efficiency T1 / (2 T2) of a compute-bound batch (logistic).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
KERNELS = os.path.join(HERE, "mpi_kernels.py")
LINE_FIT = os.path.join(HERE, "..", "..", "examples", "mpi_line_fit.py")


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Lomaw:
    def __init__(self, path, work):
        self.path = path
        self.work = work
        self.timings = os.path.join(work, "timings.json")

    def run(self, args, stdout=subprocess.DEVNULL):
        """Runs lomaw with --timings; returns (wall seconds, timings dict, stdout text or None)."""
        cmd = [self.path] + args + ["--timings", self.timings]
        start = time.perf_counter()
        p = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        if p.returncode != 0:
            sys.exit("bench_mpi: %s failed (exit %d):\n%s" % (" ".join(cmd), p.returncode, p.stderr))
        with open(self.timings) as f:
            t = json.load(f)
        return wall, t, (p.stdout if stdout == subprocess.PIPE else None)

    def mpirun(self, function, batch, workers):
        return self.run(["mpirun", KERNELS, function, "--batch", batch, "--workers", str(workers)])

    def optimize(self, data, steps, workers, init="[0.0, 0.0]"):
        wall, t, out = self.run(["optimize", LINE_FIT, "line_loss_grad", "--init", init, "--data", data,
                                 "--steps", str(steps), "--lr", "0.3", "--average", "--workers", str(workers)],
                                stdout=subprocess.PIPE)
        return wall, t, json.loads(out)


def write_cube_root_batch(path, n):
    # a in [1, 1000): distinct values, short decimal text (about 10 bytes per set).
    with open(path, "w") as f:
        f.write("[")
        chunk = 100000
        for start in range(0, n, chunk):
            stop = min(n, start + chunk)
            f.write(",".join("[%d.%d]" % (1 + i % 999, i % 10) for i in range(start, stop)))
            if stop < n:
                f.write(",")
        f.write("]\n")


def fmt(s):
    return "%.3f" % s


def sets_experiment(lomaw, work, max_exp, workers):
    print("\n### (a) Time against the number of input sets (`cube_root`, 256 Newton steps per set)\n")
    print("Sequential = the same batch as one job on 1 worker; its `compute` column is the in-process")
    print("loop over the sets (decode, call, encode per set) without launch and host I/O.\n")
    print("| input sets | JSON MB | 1 worker: total | 1 worker: compute (in-process loop) "
          "| %d workers: total | launch | distribute | compute | collect | host (total − job) |" % workers)
    print("|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for e in range(2, max_exp + 1):
        n = 10 ** e
        batch = os.path.join(work, "sets_%d.json" % n)
        write_cube_root_batch(batch, n)
        mb = os.path.getsize(batch) / 1e6
        w1, t1, _ = lomaw.mpirun("cube_root", batch, 1)
        w2, t2, _ = lomaw.mpirun("cube_root", batch, workers)
        os.remove(batch)
        rows.append((n, w1, t1["compute"], w2))
        print("| 10^%d | %.1f | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            e, mb, fmt(w1), fmt(t1["compute"]), fmt(w2), fmt(t2["launch"]), fmt(t2["distribute"]),
            fmt(t2["compute"]), fmt(t2["collect"]), fmt(w2 - t2["total"])))
        sys.stdout.flush()
    def crossover(better):
        for n, w1, c1, w2 in rows:
            if better(w1, c1, w2):
                return "10^%d" % (len(str(n)) - 1)
        return "none up to 10^%d" % max_exp
    print("\nCrossover (smallest measured count where %d workers win): against the 1-worker job: %s; "
          "against the in-process loop alone: %s." % (
              workers, crossover(lambda w1, c1, w2: w2 < w1), crossover(lambda w1, c1, w2: w2 < c1)))


def line_data(path, points):
    xs = [i / points for i in range(points)]
    ys = [2.0 * x + 1.0 for x in xs]
    with open(path, "w") as f:
        json.dump([xs, ys], f)


def steps_experiment(lomaw, work, workers, quick):
    data = os.path.join(work, "line.json")
    points = 1000
    line_data(data, points)
    print("\n### (a, b) Time against the number of optimisation steps (`line_loss_grad`, %d points)\n" % points)
    # One new job per step: each step is a one-step `lomaw optimize` started from the last one's
    # parameters (measured for `chain` steps, then per step).
    chain = 3 if quick else 10
    params = "[0.0, 0.0]"
    start = time.perf_counter()
    for _ in range(chain):
        _, _, last = lomaw.optimize(data, 1, workers, params)
        params = json.dumps(last["params"])
    job_per_step = (time.perf_counter() - start) / chain
    steps_list = [1, 10, 100, 1000] + ([] if quick else [10000])
    print("Persistent = one `lomaw optimize --steps K` job; the step time is what the driver measures "
          "from broadcasting the parameters to having the summed loss and gradient (broadcasts, the "
          "kernel on each shard, reduction).\n")
    print("| steps | 1 worker, persistent | %d workers, persistent | step time (%d w.) "
          "| %d workers, one job per step | final loss |" % (workers, workers, workers))
    print("|---|---|---|---|---|---|")
    per = {}
    for k in steps_list:
        w1, t1, _ = lomaw.optimize(data, k, 1)
        w2, t2, last = lomaw.optimize(data, k, workers)
        per[k] = (w1, w2, t1, t2)
        print("| %d | %s | %s | %.1f µs | %s%s | %.3g |" % (
            k, fmt(w1), fmt(w2), 1e6 * t2["compute"] / k, fmt(k * job_per_step),
            "" if k <= chain else " (est.)", last["loss"]))
        sys.stdout.flush()
    lo, hi = steps_list[0], steps_list[-1]
    print()
    for label, idx in (("1 worker", 0), ("%d workers" % workers, 1)):
        slope = (per[hi][idx] - per[lo][idx]) / (hi - lo)
        step = per[hi][2 + idx]["compute"] / hi
        print("* Persistent, %s: %.3f ms per step (wall-time slope between %d and %d steps; the driver's "
              "step time %.3f ms, the rest is update + trajectory record)." % (label, 1e3 * slope, lo, hi, 1e3 * step))
    print("* One new job per step: %.3f s per step (mean of %d chained one-step jobs, %d workers)." % (
        job_per_step, chain, workers))


def efficiency_experiment(lomaw, work, workers, quick):
    # Compute-bound: about 10 s of compute on one worker, against a launch of ~0.5 s paid once
    # either way (with 8e6 iterations the launch alone held the whole run at 0.89).
    sets = 200 if quick else 400
    n = 2000000 if quick else 16000000
    batch = os.path.join(work, "logistic.json")
    with open(batch, "w") as f:
        json.dump([[3.5 + 0.4 * i / sets, n] for i in range(sets)], f)
    print("\n### (c) Parallel efficiency of a compute-bound batch (`logistic`, %d sets × %d iterations)\n" % (sets, n))
    print("| workers | total | launch | distribute | compute | collect |")
    print("|---|---|---|---|---|---|")
    best = {}
    for w in (1, workers, 1, workers):  # twice each, alternating; the better run counts (shared machine)
        wall, t, _ = lomaw.mpirun("logistic", batch, w)
        if w not in best or wall < best[w][0]:
            best[w] = (wall, t)
    for w in (1, workers):
        wall, t = best[w]
        print("| %d | %s | %s | %s | %s | %s |" % (w, fmt(wall), fmt(t["launch"]), fmt(t["distribute"]),
                                                   fmt(t["compute"]), fmt(t["collect"])))
    (w1, t1), (w2, t2) = best[1], best[workers]
    print("\nEfficiency T1 / (%d · T%d): whole run (with launch and host) %.3f; compute phase %.3f." % (
        workers, workers, w1 / (workers * w2), t1["compute"] / (workers * t2["compute"])))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lomaw", nargs="?", default=None, help="the lomaw binary (default: build*/app/cli/lomaw)")
    ap.add_argument("--max-exp", type=int, default=7, help="largest batch is 10^MAX_EXP input sets (default 7)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="smaller runs (a smoke test of the script)")
    ap.add_argument("--only", choices=("sets", "steps", "efficiency"), help="run one experiment only")
    args = ap.parse_args()
    path = args.lomaw
    if path is None:
        root = os.path.dirname(os.path.dirname(HERE))
        for cand in ("build/release/app/cli/lomaw", "build/app/cli/lomaw", "build-mpi/app/cli/lomaw"):
            if os.access(os.path.join(root, cand), os.X_OK):
                path = os.path.join(root, cand)
                break
        if path is None:
            sys.exit("bench_mpi: give the path of the lomaw binary")
    with tempfile.TemporaryDirectory(prefix="lomaw-bench-mpi-") as work:
        lomaw = Lomaw(path, work)
        print("## MPI benchmarks (%s, %d cores, load average %s at start)" % (
            time.strftime("%Y-%m-%d %H:%M"), os.cpu_count(), loadavg()))
        # Build the programs once (the cache); the timed runs then report build ≈ 0.
        one = os.path.join(work, "one.json")
        with open(one, "w") as f:
            f.write("[[2.0]]")
        _, t, _ = lomaw.mpirun("cube_root", one, 1)
        with open(one, "w") as f:
            f.write("[[3.6, 10]]")
        lomaw.mpirun("logistic", one, 1)
        line_data(os.path.join(work, "line.json"), 10)
        lomaw.optimize(os.path.join(work, "line.json"), 1, 1)
        print("\nBuild of driver + worker on a cache miss: %.2f s (cube_root; not in the numbers below)." % t["build"])
        sys.stdout.flush()
        if args.only in (None, "sets"):
            sets_experiment(lomaw, work, args.max_exp, args.workers)
        if args.only in (None, "steps"):
            steps_experiment(lomaw, work, args.workers, args.quick)
        if args.only in (None, "efficiency"):
            efficiency_experiment(lomaw, work, args.workers, args.quick)
        print("\nLoad average at the end: %s." % loadavg())


if __name__ == "__main__":
    main()
