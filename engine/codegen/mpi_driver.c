/* The lomaw MPI driver (parent): one program for every kernel function, embedded into the engine
   at build time (engine/CMakeLists.txt turns this file into a C++ string; MpiParentEmitter.cpp
   prefixes a comment naming the function). It never decodes a record: it moves bytes between the
   job file and the workers.

   It always runs on the launching machine (mpirun places it there: docs/mpi.md, "Running on a
   cluster") and is the only process that reads or writes the job files; workers get everything
   through MPI.

   usage: DRIVER spawn|spmd CHILD WORKERS INPUT OUTPUT [STEPS METHOD LR BETA1 BETA2 EPS TOL AVERAGE]
   stdout: LWMPI ready | LWMPI progress DONE TOTAL | LWMPI timing DISTRIBUTE COMPUTE COLLECT |
           LWMPI rank R COMPUTE ITEMS HOST   (one per rank after the job, rank 0 = the driver)
   build:  mpicc -std=c11 -O2 FILE.c -lm */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <math.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <signal.h>
#include <sys/prctl.h>
#endif

/* ---- Failures: one line the engine shows, then the whole job stops ---- */
static MPI_Comm _lwdrv_comm = MPI_COMM_NULL;

static void _lwdrv_fail(const char* what, const char* detail) {
    fprintf(stderr, "lomaw-mpi: driver: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    fflush(NULL);
    MPI_Abort(_lwdrv_comm != MPI_COMM_NULL ? _lwdrv_comm : MPI_COMM_WORLD, 2);
    exit(2);
}

/* The launcher (mpirun) this driver started under: when it is gone, so is the job. */
static pid_t _lwdrv_parent = 0;

static void _lwdrv_check_parent(void) {
    if (_lwdrv_parent != 0 && getppid() != _lwdrv_parent) {
        fprintf(stderr, "lomaw-mpi: driver: the launcher is gone, stopping\n");
        _exit(3);
    }
}

/* Waits for a non-blocking collective without spinning a core: on a machine with as many
   workers as cores, a busy driver would take CPU time from the workers while they compute. */
static void _lwdrv_wait(MPI_Request* request) {
    double start = MPI_Wtime();
    for (;;) {
        int done = 0;
        MPI_Test(request, &done, MPI_STATUS_IGNORE);
        if (done) return;
        if (MPI_Wtime() - start > 0.0002) {
            struct timespec pause = {0, 50000};
            nanosleep(&pause, NULL);
            _lwdrv_check_parent();
        }
    }
}

/* ---- The job file (written by the engine) ---- */
typedef struct { unsigned char* bytes; size_t size; size_t at; } _lwdrv_file;

static _lwdrv_file _lwdrv_read_file(const char* path) {
    _lwdrv_file f = {NULL, 0, 0};
    FILE* in = fopen(path, "rb");
    if (!in) _lwdrv_fail("cannot open the job file", path);
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    f.bytes = (unsigned char*)malloc(size > 0 ? (size_t)size : 1);
    if (!f.bytes || size < 0 || fread(f.bytes, 1, (size_t)size, in) != (size_t)size) _lwdrv_fail("cannot read the job file", path);
    f.size = (size_t)size;
    fclose(in);
    return f;
}

static void _lwdrv_take(_lwdrv_file* f, void* to, size_t n) {
    if (f->size - f->at < n) _lwdrv_fail("truncated job file", NULL);
    memcpy(to, f->bytes + f->at, n);
    f->at += n;
}

static void _lwdrv_put(FILE* out, const void* from, size_t n) {
    if (n && fwrite(from, 1, n, out) != n) _lwdrv_fail("cannot write the results file", NULL);
}

/* The contiguous split of `count` items over ranks 1..workers (the driver, rank 0, gets none). */
static void _lwdrv_split(long long first, long long count, int workers, long long* shares, const uint64_t* offsets) {
    shares[0] = shares[1] = shares[2] = 0;
    long long start = first;
    for (int w = 1; w <= workers; ++w) {
        long long n = count / workers + ((w - 1) < count % workers ? 1 : 0);
        shares[3 * w] = start;
        shares[3 * w + 1] = n;
        shares[3 * w + 2] = (long long)(offsets[start + n] - offsets[start]);
        start += n;
    }
}

/* Byte counts and displacements of a split, relative to the first record of the split. */
static void _lwdrv_counts(const long long* shares, int ranks, int* counts, int* displs) {
    long long at = 0;
    for (int w = 0; w < ranks; ++w) {
        if (shares[3 * w + 2] > 2147483647LL || at > 2147483647LL) _lwdrv_fail("a share is larger than 2 GiB", NULL);
        counts[w] = (int)shares[3 * w + 2];
        displs[w] = (int)at;
        at += shares[3 * w + 2];
    }
}

/* ---- Batch: rounds of contiguous chunks; results written in input order ---- */
static void _lwdrv_batch(MPI_Comm comm, int workers, _lwdrv_file* job, FILE* out) {
    uint64_t nsets;
    uint32_t threads, reserved;
    _lwdrv_take(job, &nsets, 8);
    _lwdrv_take(job, &threads, 4);
    _lwdrv_take(job, &reserved, 4);
    uint64_t* offsets = (uint64_t*)malloc((nsets + 1) * sizeof(uint64_t));
    if (!offsets) _lwdrv_fail("out of memory", NULL);
    _lwdrv_take(job, offsets, (nsets + 1) * sizeof(uint64_t));
    const unsigned char* payload = job->bytes + job->at;
    if (job->size - job->at < offsets[nsets]) _lwdrv_fail("truncated job file", NULL);

    int control[4] = {1, (int)threads, 0, 0};
    MPI_Bcast(control, 4, MPI_INT, 0, comm);
    _lwdrv_put(out, "LWRESLT1", 8);
    _lwdrv_put(out, &nsets, 8);

    /* Rounds: at most 8 per job for progress reports, more when a round would exceed 64 MiB. */
    long long rounds = (long long)nsets < 8 * (long long)workers ? 1 : 8;
    long long byMemory = (long long)(offsets[nsets] / (64u << 20)) + 1;
    if (byMemory > rounds) rounds = byMemory;
    long long perRound = ((long long)nsets + rounds - 1) / rounds;
    perRound = (perRound + workers - 1) / workers * workers; /* equal shares within a round */
    if (perRound < 1) perRound = 1;

    int ranks = workers + 1;
    long long* shares = (long long*)calloc((size_t)ranks * 3, sizeof(long long));
    int* counts = (int*)calloc((size_t)ranks, sizeof(int));
    int* displs = (int*)calloc((size_t)ranks, sizeof(int));
    if (!shares || !counts || !displs) _lwdrv_fail("out of memory", NULL);
    double distribute = 0, compute = 0, collect = 0;
    long long none[3] = {0, 0, 0};
    for (long long first = 0; first < (long long)nsets; first += perRound) {
        long long count = (long long)nsets - first < perRound ? (long long)nsets - first : perRound;
        /* Distribute: each worker's share, then its records */
        double t0 = MPI_Wtime();
        _lwdrv_split(first, count, workers, shares, offsets);
        _lwdrv_counts(shares, ranks, counts, displs);
        MPI_Scatter(shares, 3, MPI_LONG_LONG, none, 3, MPI_LONG_LONG, 0, comm);
        MPI_Scatterv(payload + offsets[first], counts, displs, MPI_BYTE, NULL, 0, MPI_BYTE, 0, comm);
        double t1 = MPI_Wtime();
        /* Compute: the workers call the function; the slowest one's time */
        double zero = 0, slowest = 0;
        MPI_Request computed;
        MPI_Ireduce(&zero, &slowest, 1, MPI_DOUBLE, MPI_MAX, 0, comm, &computed);
        _lwdrv_wait(&computed);
        double t2 = MPI_Wtime();
        /* Collect: result sizes, result bytes in rank order = input order */
        int nothing = 0;
        MPI_Gather(&nothing, 1, MPI_INT, counts, 1, MPI_INT, 0, comm);
        long long total = 0;
        for (int w = 0; w < ranks; ++w) {
            if (total > 2147483647LL) _lwdrv_fail("results of a round exceed 2 GiB", NULL);
            displs[w] = (int)total;
            total += counts[w];
        }
        unsigned char* results = (unsigned char*)malloc(total > 0 ? (size_t)total : 1);
        if (!results) _lwdrv_fail("out of memory for results", NULL);
        MPI_Gatherv(NULL, 0, MPI_BYTE, results, counts, displs, MPI_BYTE, 0, comm);
        _lwdrv_put(out, results, (size_t)total);
        free(results);
        double t3 = MPI_Wtime();
        distribute += t1 - t0;
        compute += t2 - t1;
        collect += t3 - t2;
        printf("LWMPI progress %lld %llu\n", first + count, (unsigned long long)nsets);
        fflush(stdout);
    }
    /* Done: a share with count -1 ends every worker's loop */
    for (int w = 0; w < ranks; ++w) shares[3 * w + 1] = -1;
    MPI_Scatter(shares, 3, MPI_LONG_LONG, none, 3, MPI_LONG_LONG, 0, comm);
    printf("LWMPI timing %.9f %.9f %.9f\n", distribute, compute, collect);
    fflush(stdout);
    free(shares);
    free(counts);
    free(displs);
    free(offsets);
}

/* ---- Optimisation: the data set sharded once, K steps with persistent workers ---- */
typedef struct {
    long long steps;
    int method;  /* 0 plain, 1 momentum (heavy ball), 2 Adam */
    double lr, beta1, beta2, eps, tolerance;
    int average; /* divide loss and gradient by the number of data points */
} _lwdrv_schedule;

static void _lwdrv_optimize(MPI_Comm comm, int workers, _lwdrv_file* job, FILE* out, _lwdrv_schedule s) {
    uint32_t nparams, reserved;
    _lwdrv_take(job, &nparams, 4);
    _lwdrv_take(job, &reserved, 4);
    float* pf = (float*)calloc((size_t)nparams + 1, sizeof(float));
    double* p = (double*)calloc((size_t)nparams + 1, sizeof(double));
    double* m = (double*)calloc((size_t)nparams + 1, sizeof(double));
    double* v = (double*)calloc((size_t)nparams + 1, sizeof(double));
    double* sums = (double*)calloc((size_t)nparams + 1, sizeof(double));
    double* zeros = (double*)calloc((size_t)nparams + 1, sizeof(double));
    if (!pf || !p || !m || !v || !sums || !zeros) _lwdrv_fail("out of memory", NULL);
    _lwdrv_take(job, pf, (size_t)nparams * sizeof(float));
    for (uint32_t i = 0; i < nparams; ++i) p[i] = pf[i];
    uint64_t npoints;
    _lwdrv_take(job, &npoints, 8);
    uint64_t* offsets = (uint64_t*)malloc((npoints + 1) * sizeof(uint64_t));
    if (!offsets) _lwdrv_fail("out of memory", NULL);
    _lwdrv_take(job, offsets, (npoints + 1) * sizeof(uint64_t));
    const unsigned char* payload = job->bytes + job->at;
    if (job->size - job->at < offsets[npoints]) _lwdrv_fail("truncated job file", NULL);

    int control[4] = {2, (int)nparams, 0, 0};
    MPI_Bcast(control, 4, MPI_INT, 0, comm);

    /* Distribute: every worker's shard of the data set, once */
    double t0 = MPI_Wtime();
    int ranks = workers + 1;
    long long* shares = (long long*)calloc((size_t)ranks * 3, sizeof(long long));
    int* counts = (int*)calloc((size_t)ranks, sizeof(int));
    int* displs = (int*)calloc((size_t)ranks, sizeof(int));
    if (!shares || !counts || !displs) _lwdrv_fail("out of memory", NULL);
    long long none[3];
    _lwdrv_split(0, (long long)npoints, workers, shares, offsets);
    _lwdrv_counts(shares, ranks, counts, displs);
    MPI_Scatter(shares, 3, MPI_LONG_LONG, none, 3, MPI_LONG_LONG, 0, comm);
    MPI_Scatterv(payload, counts, displs, MPI_BYTE, NULL, 0, MPI_BYTE, 0, comm);
    double distribute = MPI_Wtime() - t0, compute = 0, collect = 0, reported = -1;

    _lwdrv_put(out, "LWTRAJ01", 8);
    _lwdrv_put(out, &nparams, 4);
    for (long long step = 0;; ++step) {
        /* Step: broadcast the parameters, sum loss and gradient over the shards */
        double t1 = MPI_Wtime();
        int go = 1;
        MPI_Bcast(&go, 1, MPI_INT, 0, comm);
        for (uint32_t i = 0; i < nparams; ++i) pf[i] = (float)p[i];
        MPI_Bcast(pf, (int)nparams, MPI_FLOAT, 0, comm);
        MPI_Request summed;
        MPI_Ireduce(zeros, sums, (int)nparams + 1, MPI_DOUBLE, MPI_SUM, 0, comm, &summed);
        _lwdrv_wait(&summed);
        double t2 = MPI_Wtime();
        if (s.average && npoints > 0)
            for (uint32_t i = 0; i <= nparams; ++i) sums[i] /= (double)npoints;
        double norm = 0;
        for (uint32_t i = 0; i < nparams; ++i) norm += sums[i + 1] * sums[i + 1];
        norm = sqrt(norm);
        /* Record: step, loss, gradient norm, parameters (as the kernel saw them) */
        uint32_t step32 = (uint32_t)step;
        _lwdrv_put(out, &step32, 4);
        _lwdrv_put(out, &sums[0], 8);
        _lwdrv_put(out, &norm, 8);
        _lwdrv_put(out, pf, (size_t)nparams * sizeof(float));
        /* A loss or parameter that is inf or NaN ends the descent: it has diverged (the engine
           reports the step); the record above keeps it. */
        int finite = isfinite(sums[0]);
        for (uint32_t i = 0; i < nparams; ++i) finite = finite && isfinite(pf[i]);
        int last = step >= s.steps || (s.tolerance > 0 && norm < s.tolerance) || !finite;
        /* Progress at most every 20 ms (and at the end): a line per step would cost a write here
           and a parse in the engine, more than a small model's step itself. */
        if (last || t2 - reported >= 0.02) {
            printf("LWMPI progress %lld %lld\n", step, s.steps);
            fflush(stdout);
            reported = t2;
        }
        double t3 = MPI_Wtime();
        compute += t2 - t1;
        collect += t3 - t2;
        if (last) break;
        /* Update */
        double t = (double)(step + 1);
        for (uint32_t i = 0; i < nparams; ++i) {
            double g = sums[i + 1];
            if (s.method == 1) {
                m[i] = s.beta1 * m[i] + g;
                p[i] -= s.lr * m[i];
            } else if (s.method == 2) {
                m[i] = s.beta1 * m[i] + (1 - s.beta1) * g;
                v[i] = s.beta2 * v[i] + (1 - s.beta2) * g * g;
                double mh = m[i] / (1 - pow(s.beta1, t)), vh = v[i] / (1 - pow(s.beta2, t));
                p[i] -= s.lr * mh / (sqrt(vh) + s.eps);
            } else {
                p[i] -= s.lr * g;
            }
        }
    }
    int stop = 0;
    MPI_Bcast(&stop, 1, MPI_INT, 0, comm);
    printf("LWMPI timing %.9f %.9f %.9f\n", distribute, compute, collect);
    fflush(stdout);
    free(pf); free(p); free(m); free(v); free(sums); free(zeros);
    free(shares); free(counts); free(displs); free(offsets);
}

/* ---- After the job: every rank's host and own compute time (seconds, items evaluated) ---- */
typedef struct { double compute; long long items; char host[256]; } _lwdrv_rank_time;

static void _lwdrv_rank_timings(MPI_Comm comm, int workers) {
    _lwdrv_rank_time mine;
    memset(&mine, 0, sizeof mine);
    int len = 0;
    char name[MPI_MAX_PROCESSOR_NAME];
    MPI_Get_processor_name(name, &len);
    snprintf(mine.host, sizeof mine.host, "%s", name);
    _lwdrv_rank_time* all = (_lwdrv_rank_time*)calloc((size_t)workers + 1, sizeof(_lwdrv_rank_time));
    if (!all) _lwdrv_fail("out of memory", NULL);
    MPI_Gather(&mine, (int)sizeof mine, MPI_BYTE, all, (int)sizeof mine, MPI_BYTE, 0, comm);
    for (int r = 0; r <= workers; ++r) {
        all[r].host[sizeof all[r].host - 1] = 0;
        for (char* c = all[r].host; *c; ++c)
            if (*c == ' ' || *c == '\n') *c = '_';
        printf("LWMPI rank %d %.9f %lld %s\n", r, all[r].compute, all[r].items, all[r].host);
    }
    fflush(stdout);
    free(all);
}

int main(int argc, char** argv) {
    if (argc != 6 && argc != 14) {
        fprintf(stderr, "usage: %s spawn|spmd CHILD WORKERS INPUT OUTPUT [STEPS METHOD LR BETA1 BETA2 EPS TOL AVERAGE]\n", argv[0]);
        return 2;
    }
    /* Die with mpirun (a killed launcher leaves nothing behind), before MPI_Init can block. */
    _lwdrv_parent = getppid();
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (_lwdrv_parent == 1) return 3;
    /* Start: MPI, then the workers (spawned, or already beside us in SPMD mode) */
    double started = 0;
    MPI_Init(&argc, &argv);
    started = MPI_Wtime();
    int workers = atoi(argv[3]);
    MPI_Comm inter = MPI_COMM_NULL;
    if (strcmp(argv[1], "spawn") == 0) {
        MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_RETURN);
        int* codes = (int*)calloc((size_t)workers + 1, sizeof(int));
        int rc = MPI_Comm_spawn(argv[2], MPI_ARGV_NULL, workers, MPI_INFO_NULL, 0, MPI_COMM_SELF, &inter, codes);
        if (rc != MPI_SUCCESS) {
            char text[MPI_MAX_ERROR_STRING];
            int len = 0;
            MPI_Error_string(rc, text, &len);
            _lwdrv_fail("cannot spawn the workers", text);
        }
        free(codes);
        MPI_Intercomm_merge(inter, 0, &_lwdrv_comm);
    } else {
        int size = 0;
        MPI_Comm_size(MPI_COMM_WORLD, &size);
        if (size != workers + 1) _lwdrv_fail("SPMD world size is not workers + 1", NULL);
        MPI_Comm_dup(MPI_COMM_WORLD, &_lwdrv_comm);
    }
    printf("LWMPI ready %.9f\n", MPI_Wtime() - started);
    fflush(stdout);

    /* The job: batch or optimisation, by the job file's magic */
    _lwdrv_file job = _lwdrv_read_file(argv[4]);
    char magic[8];
    _lwdrv_take(&job, magic, 8);
    FILE* out = fopen(argv[5], "wb");
    if (!out) _lwdrv_fail("cannot create the results file", argv[5]);
    if (memcmp(magic, "LWBATCH1", 8) == 0) {
        _lwdrv_batch(_lwdrv_comm, workers, &job, out);
    } else if (memcmp(magic, "LWOPTIM1", 8) == 0 && argc == 14) {
        _lwdrv_schedule s = {atoll(argv[6]), atoi(argv[7]), atof(argv[8]), atof(argv[9]), atof(argv[10]),
                             atof(argv[11]), atof(argv[12]), atoi(argv[13])};
        _lwdrv_optimize(_lwdrv_comm, workers, &job, out, s);
    } else {
        _lwdrv_fail("unknown job file", argv[4]);
    }
    _lwdrv_rank_timings(_lwdrv_comm, workers);
    if (fclose(out) != 0) _lwdrv_fail("cannot write the results file", argv[5]);
    free(job.bytes);

    /* Leave: free the shared communicator, let the workers go, finish MPI */
    MPI_Comm_free(&_lwdrv_comm);
    if (inter != MPI_COMM_NULL) MPI_Comm_disconnect(&inter);
    MPI_Finalize();
    return 0;
}
