#!/bin/bash
# lomaw optimize on a PBS / Torque allocation (see pbs_batch.sh for the slot arithmetic).
#PBS -N lomaw-optimize
#PBS -l select=2:ncpus=2:mpiprocs=2
#PBS -l walltime=00:10:00
#PBS -j oe
set -euo pipefail
cd "$PBS_O_WORKDIR"
export LOMAW_CACHE_DIR="${LOMAW_CACHE_DIR:-$HOME/.cache/lomaw}"
SLOTS=$(wc -l < "$PBS_NODEFILE")
lomaw optimize examples/mpi_exp_fit.py exp_fit_loss_grad --init '[1.0, 0.0]' \
    --data examples/mpi_exp_fit_data.json --steps 300 --lr 0.3 --average \
    --workers $((SLOTS - 1)) --launch spmd \
    --trajectory "trajectory-${PBS_JOBID%%.*}.csv" --timings "timings-${PBS_JOBID%%.*}.json"
