// `lomaw run FILE FUNC --batch B.json` (docs/cli.md): one function called on every argument list of
// a batch, with one build and in ONE child process -- the many cheap calls of a landscape around a
// descent (the app's Descent mode) on a machine without MPI. Each set is validated exactly as
// `--args` is (runtime/BatchArguments.h) before anything is built, and marshalled afresh for its
// call, so a kernel that writes its parameters cannot leak anything into the next set.
//
// Output: a JSON list whose element i is what `lomaw run FILE FUNC --args SET_i` prints (the
// format of `lomaw mpirun`). A set that fails at run time fails the batch, its index named:
// "input set 3: integer division by zero".
#pragma once

#include <string>

#include "runtime/BatchArguments.h"
#include "runtime/Runner.h"

namespace lomaw::runtime {

// request.argsJson is ignored; `batchJson` holds the sets. request.timeoutSeconds limits the build
// and, separately, the whole batch of calls.
RunOutcome runBatch(const RunRequest& request, const std::string& batchJson, const std::string& cSource,
                    const RunnerOptions& options);

}  // namespace lomaw::runtime
