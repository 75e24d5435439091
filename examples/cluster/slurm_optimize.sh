#!/bin/bash
# lomaw optimize on a Slurm allocation: the data set sharded over every task but the driver's.
#SBATCH --job-name=lomaw-optimize
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=2
#SBATCH --time=00:10:00
#SBATCH --output=lomaw-optimize-%j.out
set -euo pipefail
export LOMAW_CACHE_DIR="${LOMAW_CACHE_DIR:-$HOME/.cache/lomaw}"
lomaw optimize examples/mpi_exp_fit.py exp_fit_loss_grad --init '[1.0, 0.0]' \
    --data examples/mpi_exp_fit_data.json --steps 300 --lr 0.3 --average \
    --workers $((SLURM_NTASKS - 1)) --launch spmd \
    --trajectory "trajectory-$SLURM_JOB_ID.csv" --timings "timings-$SLURM_JOB_ID.json"
