#!/bin/bash
# lomaw mpirun on a PBS / Torque allocation: 2 nodes x 4 cpus = 8 slots; the driver takes one slot
# of the first node (where this script runs and where the job files live), 7 workers. Open MPI
# (built with tm support) reads the allocation itself; without tm support pass the node file:
#   --hostfile "$PBS_NODEFILE"   (lomaw then adds the driver's slot on this node itself)
# Submit with `qsub pbs_batch.sh`.
#PBS -N lomaw-batch
#PBS -l select=2:ncpus=4:mpiprocs=4
#PBS -l walltime=00:10:00
#PBS -j oe
set -euo pipefail
cd "$PBS_O_WORKDIR"
export LOMAW_CACHE_DIR="${LOMAW_CACHE_DIR:-$HOME/.cache/lomaw}"
KERNEL=${KERNEL:-examples/while_sqrt.py}
FUNC=${FUNC:-newton_sqrt}   # BATCH: a JSON list of argument lists, e.g. [[2.0], [3.0]]
BATCH=${BATCH:-batch.json}
SLOTS=$(wc -l < "$PBS_NODEFILE")
lomaw mpirun "$KERNEL" "$FUNC" --batch "$BATCH" \
    --workers $((SLOTS - 1)) --launch spmd \
    --timings "timings-${PBS_JOBID%%.*}.json" > "results-${PBS_JOBID%%.*}.json"
