// The MPI driver (parent) program, kept as a real C file (codegen/mpi_driver.c, embedded at build
// time): starts the workers (MPI_Comm_spawn, or SPMD where it is rank 0 of a world the workers
// share), reads the job file the engine wrote, moves records with Scatterv/Gatherv in contiguous
// chunks per worker and writes results in input order; for
// optimisation it broadcasts the parameters each step, sums loss and gradient with MPI_Reduce
// and applies the update (plain, momentum or Adam). It never looks inside a record, so it
// depends on the function only through the comment naming it.
//
// Command line: DRIVER spawn|spmd CHILD WORKERS INPUT OUTPUT
//               [STEPS METHOD LR BETA1 BETA2 EPS TOLERANCE AVERAGE]   (optimisation jobs)
// stdout lines for the engine:  LWMPI ready | LWMPI progress DONE TOTAL |
//                               LWMPI timing DISTRIBUTE COMPUTE COLLECT (seconds) |
//                               LWMPI rank R COMPUTE ITEMS HOST (every rank, after the job)
#pragma once

#include "codegen/MpiChildEmitter.h"

namespace lomaw::codegen {

EmittedText emitMpiParent(const ast::Module& m, const ast::Function& f, const MpiProgramOptions& options = {});

}  // namespace lomaw::codegen
