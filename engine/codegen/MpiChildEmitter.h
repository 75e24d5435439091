// The MPI worker (child) program of one kernel function: the module's C (docs/language.md §7) plus a
// main that joins the job (spawned by the driver, or started beside it in SPMD mode), receives
// its contiguous share of input sets as records (MpiRecordCodec.h), calls the function once per
// set and sends the results back in order. When the function fits the optimisation contract
// (mpiOptimizeContract) the worker can also hold a data shard and compute loss and gradient
// sums step after step for the driver's gradient descent.
#pragma once

#include <string>

#include "syntax/Ast.h"
#include "syntax/SourceMap.h"

namespace lomaw::codegen {

struct MpiProgramOptions {
    std::string sourceName = "kernel.py";  // named in the header comment
    bool checkBounds = false;  // --check-bounds: the worker registers its buffers (CBoundsChecks.h)
};

// Why `f` cannot be the loss-gradient function of `lomaw optimize`, or "" when it can:
//   f(params : In[Array[float]], data..., grad : Out[Array[float]]) -> float
// where each data parameter is In[Array[T]] (sharded: the worker gets a contiguous slice, all
// data arrays have one element per data point) or In[int] (receives the slice's length). The
// function returns the loss of its slice and adds the slice's gradient into grad.
std::string mpiOptimizeContractError(const ast::Function& f);

// `m` is checked; `f` is one of its functions. Throws std::logic_error on an engine bug only.
EmittedText emitMpiChild(const ast::Module& m, const ast::Function& f, const MpiProgramOptions& options = {});

}  // namespace lomaw::codegen
