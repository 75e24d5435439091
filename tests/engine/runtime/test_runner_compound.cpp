#include "RunnerFixture.h"

namespace lomaw::runtime {
namespace {

using namespace test;
using Status = OutcomeKind;

// Structs with inline and nested static arrays, pointer members, arrays of structs, unbounded
// and ragged nested arrays, struct returns, @simd and the built-in make__dfloat.
class CompoundRunner : public RunnerTest {
protected:
    void SetUp() override {
        add(dfloatStruct());
        add(makeStruct("Particle", {{"pos", tArray(tFloat(), 3)},
                                    {"m", tArray(tArray(tFloat(), 3), 2)},
                                    {"id", tInt()}}));
        add(makeStruct("Buf", {{"n", tInt()},
                               {"data", tArray(tFloat())},
                               {"w", tArray(tFloat(), 3)},
                               {"rows", tArray(tArray(tFloat()), 2)}}));
        add(makeStruct("Inner", {{"p", tArray(tFloat())}, {"k", tInt()}}));
        add(makeStruct("Outer", {{"a", tInt()}, {"in", tArray(tStruct("Inner"), 2)}, {"b", tInt()}}));
        add(makeStruct("Ragged", {{"rows", tArray(tArray(tFloat()))}, {"n", tInt()}}));

        add(makeFunction("shift", {{"p", tStruct("Particle")}, {"out", tStruct("Particle"), true}, {"d", tFloat()}},
                         tStruct("Particle")));
        add(makeFunction("total", {{"b", tStruct("Buf")}}, tFloat()));
        add(makeFunction("ident", {{"b", tStruct("Buf")}}, tStruct("Buf")));
        add(makeFunction("foreign", {{"b", tStruct("Buf")}}, tStruct("Buf")));
        add(makeFunction("repoint", {{"b", tStruct("Buf"), true}}));
        add(makeFunction("outer_sum", {{"o", tStruct("Outer")}}, tInt()));
        add(makeFunction("h", {{"a", tArray(tFloat())}, {"b", tArray(tFloat()), true}, {"k", tInt()}}));
        add(makeFunction("m", {{"q", tArray(tArray(tFloat()))}, {"lens", tArray(tInt())}, {"rows", tInt()}}, tFloat()));
        add(makeFunction("grid", {{"g", tArray(tArray(tFloat(), 4), 3), true}}));
        add(makeFunction("fill", {{"xs", tArray(tStruct("_dfloat")), true}, {"n", tInt()}}));
        add(makeFunction("lastpos", {{"ps", tArray(tStruct("Particle"))}, {"n", tInt()}}, tFloat()));
        add(makeFunction("ragged_at", {{"r", tStruct("Ragged")}}, tFloat()));
        add(makeFunction("k", {{"x", tArray(tFloat())}, {"z", tArray(tFloat()), true}}, Type::voidType(), true));
        add(makeFunction("addk", {{"z", tArray(tFloat()), true}, {"c", tFloat()}}, Type::voidType(), true));
        cSource = R"(#include <math.h>
typedef struct { float val; float dval; } _dfloat;
typedef struct { float pos[3]; float m[2][3]; int id; } Particle;
typedef struct { int n; float* data; float w[3]; float* rows[2]; } Buf;
typedef struct { float* p; int k; } Inner;
typedef struct { int a; Inner in[2]; int b; } Outer;
typedef struct { float** rows; int n; } Ragged;

_dfloat make__dfloat(float val, float dval) { _dfloat r; r.val = val; r.dval = dval; return r; }
Particle shift(Particle p, Particle* out, float d) {
    for (int i = 0; i < 3; i++) out->pos[i] = p.pos[i] + d;
    for (int r = 0; r < 2; r++)
        for (int c = 0; c < 3; c++) out->m[r][c] = p.m[r][c] * 10 + r;
    out->id = p.id + 1;
    p.id = 100;
    return *out;
}
float total(Buf b) {
    float s = 0;
    for (int i = 0; i < b.n; i++) s += b.data[i] * b.w[0];
    for (int r = 0; r < 2; r++) s += b.rows[r][0];
    b.data[0] = -1;
    return s;
}
Buf ident(Buf b) { return b; }
Buf foreign(Buf b) { static float other[2] = {5, 6}; b.data = other; return b; }
void repoint(Buf* b) { static float other[1] = {9}; b->data = other; b->n = 1; }
int outer_sum(Outer o) { return o.a + o.in[0].k + o.in[1].k + o.b + (int)o.in[1].p[1]; }
void h(float* a, float* b, int k) { for (int i = 0; i < k; i++) b[i] = a[i] * 2; }
float m(float** q, int* lens, int rows) {
    float s = 0;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < lens[r]; c++) s += q[r][c];
    q[rows - 1][0] = 100;
    return s;
}
void grid(float** g) { g[2][3] = g[0][0] + 1; }
void fill(_dfloat* xs, int n) { for (int i = 0; i < n; i++) xs[i].dval = xs[i].val * 2; }
float lastpos(Particle* ps, int n) { return ps[n - 1].pos[2] + ps[n - 1].m[1][2]; }
float ragged_at(Ragged r) { return r.rows[r.n - 1][1]; }
void k(float* x, float* z, int n_threads) {
    #pragma omp parallel for
    for (int t = 0; t < n_threads; t++) z[t] = x[t] * 2;
}
void addk(float* z, float c, int n_threads) {
    #pragma omp parallel for
    for (int t = 0; t < n_threads; t++) z[t] += c;
}
)";
    }
};

const char* kParticle = R"({"pos": [1, 2, 3], "m": [[1, 2, 3], [4, 5, 6]], "id": 7})";
const char* kZeroParticle = R"({"pos": [0, 0, 0], "m": [[0, 0, 0], [0, 0, 0]], "id": 0})";

TEST_F(CompoundRunner, StructWithNestedStaticArraysInOutAndReturned) {
    std::string shifted = R"({"pos": [1.5, 2.5, 3.5], "m": [[10, 20, 30], [41, 51, 61]], "id": 8})";
    EXPECT_EQ(ok("shift", std::string("[") + kParticle + ", " + kZeroParticle + ", 0.5]"),
              "{\"return\": " + shifted + ", \"args\": [" + kParticle + ", " + shifted + ", 0.5]}");
}

TEST_F(CompoundRunner, StructWithPointerMembers) {
    // s = 1*2 + 2*2 + 10 + 20; the write through b.data is visible in the caller's buffer.
    EXPECT_EQ(ok("total", R"([{"n": 2, "data": [1, 2, 3], "w": [2, 0, 0], "rows": [[10], [20, 30]]}])"),
              R"({"return": 36, "args": [{"n": 2, "data": [-1, 2, 3], "w": [2, 0, 0], "rows": [[10], [20, 30]]}]})");
}

TEST_F(CompoundRunner, ReturnedPointerMembersPrintWhenTheyAreRunnerBuffers) {
    std::string b = R"({"n": 1, "data": [4], "w": [0, 0, 1], "rows": [[], [7]]})";
    EXPECT_EQ(ok("ident", "[" + b + "]"), "{\"return\": " + b + ", \"args\": [" + b + "]}");
    EXPECT_EQ(ok("foreign", "[" + b + "]"),
              R"({"return": {"n": 1, "data": null, "w": [0, 0, 1], "rows": [[], [7]]}, "args": [)" + b + "]}");
}

TEST_F(CompoundRunner, OutStructArraysPrintTheRunnersBuffersAtInputShape) {
    EXPECT_EQ(ok("repoint", R"([{"n": 3, "data": [1, 2, 3], "w": [0, 0, 0], "rows": [[1], [2]]}])"),
              R"({"return": null, "args": [{"n": 1, "data": [1, 2, 3], "w": [0, 0, 0], "rows": [[1], [2]]}]})");
}

TEST_F(CompoundRunner, ArrayOfStructsWithPointersInsideAStruct) {
    EXPECT_EQ(ok("outer_sum", R"([{"a": 1, "in": [{"p": [], "k": 2}, {"p": [0, 40], "k": 3}], "b": 4}])"),
              R"({"return": 50, "args": [{"a": 1, "in": [{"p": [], "k": 2}, {"p": [0, 40], "k": 3}], "b": 4}]})");
}

TEST_F(CompoundRunner, UnboundedArrays) {
    EXPECT_EQ(ok("h", "[[1, 2, 3], [0, 0, 0, 9], 3]"), "{\"return\": null, \"args\": [[1, 2, 3], [2, 4, 6, 9], 3]}");
    EXPECT_EQ(ok("h", "[[], [], 0]"), "{\"return\": null, \"args\": [[], [], 0]}");
}

TEST_F(CompoundRunner, NestedRaggedArrays) {
    EXPECT_EQ(ok("m", "[[[1, 2], [3], [4, 5, 6]], [2, 1, 3], 3]"),
              "{\"return\": 21, \"args\": [[[1, 2], [3], [100, 5, 6]], [2, 1, 3], 3]}");
    EXPECT_EQ(ok("ragged_at", R"([{"rows": [[1], [2, 3.25]], "n": 2}])"),
              R"({"return": 3.25, "args": [{"rows": [[1], [2, 3.25]], "n": 2}]})");
}

TEST_F(CompoundRunner, StaticArrayOfArraysParameterUsesPointerLevels) {
    EXPECT_EQ(ok("grid", "[[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]]"),
              "{\"return\": null, \"args\": [[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 2]]]}");
}

TEST_F(CompoundRunner, ArraysOfStructs) {
    EXPECT_EQ(ok("fill", R"([[{"val": 1, "dval": 0}, {"val": 3, "dval": 0}], 2])"),
              R"({"return": null, "args": [[{"val": 1, "dval": 2}, {"val": 3, "dval": 6}], 2]})");
    // Element stride of a 40-byte struct with a nested static array.
    std::string second = R"({"pos": [0, 0, 0.5], "m": [[0, 0, 0], [0, 0, 2]], "id": 1})";
    EXPECT_EQ(ok("lastpos", std::string("[[") + kParticle + ", " + second + "], 2]"),
              std::string("{\"return\": 2.5, \"args\": [[") + kParticle + ", " + second + "], 2]}");
}

TEST_F(CompoundRunner, SimdGetsTheThreadCountLast) {
    EXPECT_EQ(ok("k", "[[1, 2, 3, 4], [0, 0, 0, 0]]", 3), "{\"return\": null, \"args\": [[1, 2, 3, 4], [2, 4, 6, 0]]}");
    EXPECT_EQ(ok("k", "[[1], [5]]", 0), "{\"return\": null, \"args\": [[1], [5]]}");
    EXPECT_EQ(ok("addk", "[[1, 1, 1], 0.5]", 2), "{\"return\": null, \"args\": [[1.5, 1.5, 1], 0.5]}");
}

TEST_F(CompoundRunner, SimdThreadRules) {
    RunOutcome r = run("k", "[[1], [1]]");
    EXPECT_EQ(r.kind, Status::UsageError);
    EXPECT_EQ(r.message, "k is a @simd function: --threads N is required");
    r = run("k", "[[1], [1]]", -1);
    EXPECT_EQ(r.kind, Status::UsageError);
    EXPECT_EQ(r.message, "--threads for k must be an integer >= 0, got -1");
}

TEST_F(CompoundRunner, BuiltInMakeDfloat) {
    EXPECT_EQ(ok("make__dfloat", "[1.5, 2]"), "{\"return\": {\"val\": 1.5, \"dval\": 2}, \"args\": [1.5, 2]}");
}

TEST_F(CompoundRunner, ArgumentErrorsInStructMembers) {
    RunOutcome r = run("total", R"([{"n": 2, "data": [1, 2], "w": [2, 0, 0], "rows": [[10], [20, "y"]]}])");
    EXPECT_EQ(r.kind, Status::UsageError);
    EXPECT_EQ(r.message, "argument 1 (b): member rows: element [1][1]: expected a number for float, got \"y\"");
}

TEST(RunnerLayout, MismatchWithTheCCompilerIsAnInternalError) {
    TempDir cache;
    ast::Module module;
    module.items.emplace_back(makeStruct("Odd", {{"a", tInt()}}));
    module.items.emplace_back(makeFunction("odd", {{"o", tStruct("Odd")}}, tInt()));
    // The C text disagrees with the struct declaration (a backend bug the check must catch).
    std::string c = "typedef struct { int a; int hidden; } Odd;\nint odd(Odd o) { return o.a; }\n";
    RunRequest req;
    req.module = &module;
    req.function = "odd";
    req.argsJson = R"([{"a": 1}])";
    RunnerOptions options;
    options.cacheDir = cache.path();
    RunOutcome r = runFunction(req, c, options);
    EXPECT_EQ(r.kind, Status::InternalError);
    EXPECT_EQ(r.message, "internal error: layout mismatch for struct Odd: the runtime computes size 4, "
                         "alignment 4; C has size 8, alignment 4");
}

}  // namespace
}  // namespace lomaw::runtime
