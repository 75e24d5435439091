#include "codegen/MpiChildEmitter.h"

#include <sstream>

#include "codegen/CBoundsChecks.h"
#include "codegen/CEmitter.h"
#include "codegen/CNames.h"
#include "codegen/CText.h"
#include "codegen/MpiRecordCodec.h"

namespace lomaw::codegen {

namespace {

bool isFloatArray(const TypePtr& t) { return t && t->isUnboundedArray() && t->elem && t->elem->isFloat(); }

std::string argName(size_t i) { return "_lwmpi_a" + std::to_string(i); }

// Appends `text` line by line, all attributed to no kernel line.
void appendLines(TextBuilder& out, const std::string& text) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.line(line);
}

// Crash reports, the exit hook for runtime errors and dying with the launcher.
const char* kWorkerSupport = R"(/* ---- Failure reports: the engine turns these lines into its error message ---- */
static int _lwmpi_rank = -1;          /* this worker's rank in the job (the driver is 0) */
static long long _lwmpi_set = -1;     /* global index of the input set being evaluated */
static long long _lwmpi_step = -1;    /* optimisation step being computed */
static double _lwmpi_compute = 0;     /* seconds this worker spent in the function (--timings) */
static long long _lwmpi_items = 0;    /* input sets (batch) or data points (optimisation) */

/* Async-signal-safe: formats with no library call. */
static void _lwmpi_report(const char* what, long long code) {
    char line[200];
    size_t n = 0;
    const char* parts[4] = {"lomaw-mpi: rank ", _lwmpi_set >= 0 ? ": input set " : ": step ", ": ", " "};
    long long numbers[3] = {_lwmpi_rank, _lwmpi_set >= 0 ? _lwmpi_set : _lwmpi_step, code};
    int located = _lwmpi_set >= 0 || _lwmpi_step >= 0; /* else between sets: rank alone */
    for (int k = 0; k < 3; ++k) {
        if (k == 1 && !located) continue;
        for (const char* c = parts[k]; *c && n < sizeof line - 24; ++c) line[n++] = *c;
        if (k == 2) for (const char* c = what; *c && n < sizeof line - 24; ++c) line[n++] = *c;
        if (k == 2) line[n++] = ' ';
        char digits[24];
        int d = 0;
        long long v = numbers[k];
        int negative = v < 0;
        unsigned long long u = negative ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        do { digits[d++] = (char)('0' + u % 10); u /= 10; } while (u);
        if (negative) line[n++] = '-';
        while (d) line[n++] = digits[--d];
    }
    line[n++] = '\n';
    ssize_t ignored = write(2, line, n);
    (void)ignored;
}

/* Generated code ends a runtime error with exit(3) (after its "runtime error:" line). */
void _lwmpi_exit(int status) {
    fflush(NULL);
    _lwmpi_report("exit status", status);
    _Exit(status);
}

static void _lwmpi_on_signal(int sig) {
    _lwmpi_report("signal", sig);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* After MPI_Init, so that these handlers replace Open MPI's backtrace printer. */
static void _lwmpi_catch_crashes(void) {
    int signals[5] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    for (int k = 0; k < 5; ++k) signal(signals[k], _lwmpi_on_signal);
}

/* Before MPI_Init: a worker never outlives the process that started it (mpirun here, Open MPI's
   daemon on another node), even when that one is killed while MPI_Init still waits. */
static int _lwmpi_die_with_launcher(void) {
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    return getppid() == 1; /* already orphaned */
}

/* After the job: this rank's host and compute time, gathered by the driver (--timings). The
   record layout is the driver's _lwdrv_rank_time. */
typedef struct { double compute; long long items; char host[256]; } _lwmpi_rank_time;

static void _lwmpi_rank_timings(MPI_Comm comm) {
    _lwmpi_rank_time mine;
    memset(&mine, 0, sizeof mine);
    mine.compute = _lwmpi_compute;
    mine.items = _lwmpi_items;
    char name[MPI_MAX_PROCESSOR_NAME];
    int len = 0;
    MPI_Get_processor_name(name, &len);
    snprintf(mine.host, sizeof mine.host, "%s", name);
    MPI_Gather(&mine, (int)sizeof mine, MPI_BYTE, NULL, 0, MPI_BYTE, 0, comm);
}

)";

}  // namespace

std::string mpiOptimizeContractError(const ast::Function& f) {
    const std::string shape =
        " (expected f(params : In[Array[float]], data..., grad : Out[Array[float]]) -> float)";
    if (f.params.size() < 2) return f.name + " needs at least a parameter array and a gradient array" + shape;
    if (f.simd) return f.name + " is a @simd function" + shape;
    if (!f.returnType || !f.returnType->isFloat()) return f.name + " must return the loss as a float" + shape;
    const ast::Param& first = f.params.front();
    if (first.isOut || !isFloatArray(first.resolved))
        return "the first parameter of " + f.name + " (" + first.name + ") must be In[Array[float]]" + shape;
    const ast::Param& last = f.params.back();
    if (!last.isOut || !isFloatArray(last.resolved))
        return "the last parameter of " + f.name + " (" + last.name + ") must be Out[Array[float]]" + shape;
    for (size_t i = 1; i + 1 < f.params.size(); ++i) {
        const ast::Param& p = f.params[i];
        bool dataArray = !p.isOut && p.resolved && p.resolved->isArray();
        bool count = !p.isOut && p.resolved && p.resolved->isInt();
        if (!dataArray && !count)
            return "data parameter " + p.name + " of " + f.name + " must be In[Array[...]] or In[int]" + shape;
    }
    return "";
}

namespace {

// _lwmpi_evaluate: one input set from `r`, its result into `w`.
std::string evaluateFunction(const ast::Function& f, MpiRecordCodec& codec) {
    std::string decode, call = cFunctionSymbol(f.name) + "(", encode;
    for (size_t i = 0; i < f.params.size(); ++i) {
        const ast::Param& p = f.params[i];
        const Type& t = *p.resolved;
        std::string a = argName(i);
        if (i > 0) call += ", ";
        if (t.isArray()) {
            decode += "    void* " + a + " = " + codec.decodeBuffer(t) + "(_lw_r);\n";
            call += "(" + cParamType(t, p.isOut) + ")" + a;
            encode += "    " + codec.encodeBuffer(t) + "(_lw_w);\n";
        } else {
            decode += "    " + mpiValueType(t) + " " + a + ";\n    " + codec.decodeInline(t) + "(_lw_r, &" + a + ");\n";
            call += (p.isOut ? "&" : "") + a;
            encode += "    " + codec.encodeInline(t) + "(_lw_w, &" + a + ");\n";
        }
    }
    if (f.simd) call += std::string(f.params.empty() ? "" : ", ") + "_lw_threads";
    call += ")";
    std::string body = "/* One call: decode the parameters (buffers registered in the order of `lomaw run`), call,\n"
                       "   write the return value and then every parameter as it is after the call. */\n"
                       "static void _lwmpi_evaluate(_lwmpi_in* _lw_r, _lwmpi_out* _lw_w, int _lw_threads) {\n";
    if (!f.simd) body += "    (void)_lw_threads;\n";
    if (f.params.empty()) body += "    (void)_lw_r;\n";
    body += decode;
    if (f.returnType && !f.returnType->isVoid()) {
        body += "    " + mpiValueType(*f.returnType) + " _lwmpi_ret = " + call + ";\n";
        body += "    " + codec.encodeReturned(*f.returnType) + "(_lw_w, &_lwmpi_ret);\n";
    } else {
        body += "    " + call + ";\n";
    }
    body += "    _lwmpi_cursor = 0;\n" + encode + "    _lwmpi_free_buffers();\n}\n\n";
    return body;
}

const char* kBatchWorker = R"(/* Batch job: rounds of Scatterv (records in) and Gatherv (results out) until the driver
   sends a share with count -1. share = {first set index, set count, byte count}. */
static void _lwmpi_batch(MPI_Comm comm, int threads) {
    for (;;) {
        long long share[3];
        MPI_Scatter(NULL, 3, MPI_LONG_LONG, share, 3, MPI_LONG_LONG, 0, comm);
        if (share[1] < 0) return;
        /* Distribute: this worker's contiguous records */
        unsigned char* records = (unsigned char*)malloc(share[2] > 0 ? (size_t)share[2] : 1);
        if (!records) _lwmpi_fatal("out of memory for input records");
        MPI_Scatterv(NULL, NULL, NULL, MPI_BYTE, records, (int)share[2], MPI_BYTE, 0, comm);
        /* Compute: one call per set, results appended in order */
        double start = MPI_Wtime();
        _lwmpi_in r = {records, records + share[2]};
        _lwmpi_out w = {NULL, 0, 0};
        for (long long k = 0; k < share[1]; ++k) {
            _lwmpi_set = share[0] + k;
            _lwmpi_evaluate(&r, &w, threads);
        }
        _lwmpi_set = -1;
        double seconds = MPI_Wtime() - start;
        _lwmpi_compute += seconds;
        _lwmpi_items += share[1];
        MPI_Request reported; /* non-blocking because the driver waits without spinning */
        MPI_Ireduce(&seconds, NULL, 1, MPI_DOUBLE, MPI_MAX, 0, comm, &reported);
        MPI_Wait(&reported, MPI_STATUS_IGNORE);
        /* Collect: sizes first, then the result bytes */
        int size = (int)w.size;
        MPI_Gather(&size, 1, MPI_INT, NULL, 1, MPI_INT, 0, comm);
        MPI_Gatherv(w.data, size, MPI_BYTE, NULL, NULL, NULL, MPI_BYTE, 0, comm);
        free(w.data);
        free(records);
    }
}

)";

// _lwmpi_optimize: the worker side of `lomaw optimize` (only when f fits the contract).
// With --check-bounds the parameter and gradient arrays are registered like the data buffers.
std::string optimizeWorker(const ast::Function& f, MpiRecordCodec& codec, bool checkBounds) {
    std::string alloc, decode, call = cFunctionSymbol(f.name) + "(_lw_params";
    for (size_t i = 1; i + 1 < f.params.size(); ++i) {
        const ast::Param& p = f.params[i];
        std::string a = argName(i);
        if (p.resolved->isInt()) {
            call += ", (int)_lw_n";
            continue;
        }
        const Type& t = *p.resolved;
        const Type& e = *t.elem;
        std::string esize = MpiRecordCodec::bufferElementSize(t);
        alloc += "    unsigned char* " + a + " = (unsigned char*)_lwmpi_new_buffer((uint32_t)_lw_n, " + esize + ", -1);\n";
        if (e.isArray()) {
            decode += "        void* _lw_inner" + std::to_string(i) + " = " + codec.decodeBuffer(e) + "(&_lw_r);\n";
            decode += "        memcpy(" + a + " + _lw_k * sizeof(void*), &_lw_inner" + std::to_string(i) + ", sizeof(void*));\n";
        } else {
            decode += "        " + codec.decodeInline(e) + "(&_lw_r, " + a + " + _lw_k * " + esize + ");\n";
        }
        call += ", (" + cParamType(t, false) + ")" + a;
    }
    call += ", _lw_grad)";
    return "/* Optimisation job: receive the data shard once (it stays here), then per step: the\n"
           "   parameters by broadcast, loss and gradient of the shard, summed at the driver. */\n"
           "static void _lwmpi_optimize(MPI_Comm _lw_comm, int _lw_nparams) {\n"
           "    long long _lw_share[3];\n"
           "    MPI_Scatter(NULL, 3, MPI_LONG_LONG, _lw_share, 3, MPI_LONG_LONG, 0, _lw_comm);\n"
           "    unsigned char* _lw_records = (unsigned char*)malloc(_lw_share[2] > 0 ? (size_t)_lw_share[2] : 1);\n"
           "    if (!_lw_records) _lwmpi_fatal(\"out of memory for the data shard\");\n"
           "    MPI_Scatterv(NULL, NULL, NULL, MPI_BYTE, _lw_records, (int)_lw_share[2], MPI_BYTE, 0, _lw_comm);\n"
           "    /* Decode the shard: one buffer per data array, element k from record k */\n"
           "    long long _lw_n = _lw_share[1];\n"
           "    _lwmpi_items = _lw_n;\n" +
           alloc +
           "    _lwmpi_in _lw_r = {_lw_records, _lw_records + _lw_share[2]};\n"
           "    for (long long _lw_k = 0; _lw_k < _lw_n; ++_lw_k) {\n"
           "        _lwmpi_set = _lw_share[0] + _lw_k;\n" +
           decode +
           "    }\n"
           "    _lwmpi_set = -1;\n"
           "    free(_lw_records);\n"
           "    float* _lw_params = (float*)calloc((size_t)_lw_nparams + 1, sizeof(float));\n"
           "    float* _lw_grad = (float*)calloc((size_t)_lw_nparams + 1, sizeof(float));\n"
           "    double* _lw_sums = (double*)calloc((size_t)_lw_nparams + 1, sizeof(double));\n"
           "    if (!_lw_params || !_lw_grad || !_lw_sums) _lwmpi_fatal(\"out of memory for parameters\");\n" +
           (checkBounds ? "    " + std::string(kBoundsRegisterSymbol) + "(_lw_params, _lw_nparams);\n    " +
                              kBoundsRegisterSymbol + "(_lw_grad, _lw_nparams);\n"
                        : std::string()) +
           "    for (_lwmpi_step = 0;; ++_lwmpi_step) {\n"
           "        /* Step: go on?, the parameters, then the shard's loss and gradient */\n"
           "        int _lw_go = 0;\n"
           "        MPI_Bcast(&_lw_go, 1, MPI_INT, 0, _lw_comm);\n"
           "        if (!_lw_go) break;\n"
           "        MPI_Bcast(_lw_params, _lw_nparams, MPI_FLOAT, 0, _lw_comm);\n"
           "        memset(_lw_grad, 0, ((size_t)_lw_nparams + 1) * sizeof(float));\n"
           "        double _lw_started = MPI_Wtime();\n"
           "        float _lw_loss = " + call + ";\n"
           "        _lwmpi_compute += MPI_Wtime() - _lw_started;\n"
           "        _lw_sums[0] = _lw_loss;\n"
           "        for (int _lw_i = 0; _lw_i < _lw_nparams; ++_lw_i) _lw_sums[_lw_i + 1] = _lw_grad[_lw_i];\n"
           "        MPI_Request _lw_summed;\n"
           "        MPI_Ireduce(_lw_sums, NULL, _lw_nparams + 1, MPI_DOUBLE, MPI_SUM, 0, _lw_comm, &_lw_summed);\n"
           "        MPI_Wait(&_lw_summed, MPI_STATUS_IGNORE);\n"
           "    }\n"
           "    free(_lw_params);\n    free(_lw_grad);\n    free(_lw_sums);\n"
           "}\n\n";
}

const char* kWorkerMain = R"(int main(int argc, char** argv) {
#ifdef LWMPI_WITH_DRIVER
    /* One executable for both roles (the engine builds it so): `spawn|spmd ...` is the driver. */
    if (argc >= 2 && (strcmp(argv[1], "spawn") == 0 || strcmp(argv[1], "spmd") == 0)) return _lwdrv_main(argc, argv);
#endif
    if (_lwmpi_die_with_launcher()) return 3;
    /* Join the job: spawned by the driver (merge with it), or started beside it (SPMD) */
    MPI_Init(&argc, &argv);
    MPI_Comm parent, comm;
    MPI_Comm_get_parent(&parent);
    if (parent != MPI_COMM_NULL) {
        MPI_Intercomm_merge(parent, 1, &comm);
    } else {
        MPI_Comm_dup(MPI_COMM_WORLD, &comm);
    }
    MPI_Comm_rank(comm, &_lwmpi_rank);
    _lwmpi_catch_crashes();

    /* The job: control = {kind (1 batch, 2 optimisation), threads or parameter count, 0, 0} */
    int control[4];
    MPI_Bcast(control, 4, MPI_INT, 0, comm);
    if (control[0] == 1) {
        _lwmpi_batch(comm, control[1]);
    } else if (control[0] == 2) {
        _LWMPI_OPTIMIZE
    }
    _lwmpi_rank_timings(comm);

    /* Leave the job */
    MPI_Comm_free(&comm);
    if (parent != MPI_COMM_NULL) MPI_Comm_disconnect(&parent);
    MPI_Finalize();
    return 0;
}
)";

}  // namespace

EmittedText emitMpiChild(const ast::Module& m, const ast::Function& f, const MpiProgramOptions& options) {
    TextBuilder out;
    out.line("/* lomaw MPI worker (child) for " + f.name + " of " + cCommentText(options.sourceName) + ".");
    out.line("   Generated by lomaworks; build: mpicc -std=c11 -O2 -fvect-cost-model=cheap -ffp-contract=off -fwrapv FILE.c -lm */");
    out.line("#ifndef _GNU_SOURCE");
    out.line("#define _GNU_SOURCE");
    out.line("#endif");
    out.line("/* Runtime errors in generated code end with exit(): the worker names rank and set first. */");
    out.line("void _lwmpi_exit(int status); /* declared ahead: the kernel's runtime errors call it */");
    out.line("#define exit _lwmpi_exit");
    out.blank();

    CEmitOptions copts;
    copts.sourceName = options.sourceName;
    copts.checkBounds = options.checkBounds;
    EmittedText module = emitC(m, copts);
    for (size_t i = 0, start = 0; start < module.text.size(); ++i) {
        size_t end = module.text.find('\n', start);
        if (end == std::string::npos) end = module.text.size();
        out.line(module.text.substr(start, end - start), i < module.sourceLines.size() ? module.sourceLines[i] : 0);
        start = end + 1;
    }
    out.blank();
    appendLines(out, "/* ==== MPI worker ==== */\n"
                     "#include <mpi.h>\n#include <signal.h>\n#include <stdint.h>\n#include <stdio.h>\n"
                     "#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n"
                     "#ifdef __linux__\n#include <sys/prctl.h>\n#endif\n");
    out.blank();
    appendLines(out, kWorkerSupport);
    out.blank();
    appendLines(out, mpiCodecSupport(options.checkBounds));
    out.blank();

    MpiRecordCodec codec(m);
    std::string evaluate = evaluateFunction(f, codec);
    bool optimizable = mpiOptimizeContractError(f).empty();
    std::string optimize = optimizable ? optimizeWorker(f, codec, options.checkBounds) : "";
    appendLines(out, "/* ---- Record codec of " + f.name + "'s types ---- */");
    out.blank();
    appendLines(out, codec.definitions());
    out.blank();
    appendLines(out, evaluate);
    out.blank();
    appendLines(out, kBatchWorker);
    out.blank();
    if (optimizable) {
        appendLines(out, optimize);
        out.blank();
    }
    std::string main = kWorkerMain;
    std::string marker = "_LWMPI_OPTIMIZE";
    main.replace(main.find(marker), marker.size(),
                 optimizable ? "_lwmpi_optimize(comm, control[1]);"
                             : "_lwmpi_fatal(" + cStringLiteral(f.name + " does not fit the optimisation contract") + ");");
    appendLines(out, main);
    return out.take();
}

}  // namespace lomaw::codegen
