#!/bin/bash
# lomaw mpirun on a Slurm allocation: 2 nodes x 4 tasks = 8 slots. The driver takes one slot of
# the first node (where this script runs and where the job files live); the other 7 are workers.
# Open MPI reads the allocation itself: no --hostfile. Submit with `sbatch slurm_batch.sh`.
#SBATCH --job-name=lomaw-batch
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=4
#SBATCH --time=00:10:00
#SBATCH --output=lomaw-batch-%j.out
set -euo pipefail

# The build cache: on a filesystem every node sees (home / project space), workers run from it
# directly; elsewhere (node-local disk) lomaw copies it to the nodes first (--preload auto, docs/mpi.md).
export LOMAW_CACHE_DIR="${LOMAW_CACHE_DIR:-$HOME/.cache/lomaw}"
KERNEL=${KERNEL:-examples/while_sqrt.py}
FUNC=${FUNC:-newton_sqrt}   # BATCH: a JSON list of argument lists, e.g. [[2.0], [3.0]]
BATCH=${BATCH:-batch.json}

# SPMD: one MPI world started by Slurm's launcher (no MPI_Comm_spawn, which some sites forbid).
lomaw mpirun "$KERNEL" "$FUNC" --batch "$BATCH" \
    --workers $((SLURM_NTASKS - 1)) --launch spmd \
    --timings "timings-$SLURM_JOB_ID.json" > "results-$SLURM_JOB_ID.json"
# timings-*.json: per-rank and per-host compute time (docs/mpi.md, "Timings").
