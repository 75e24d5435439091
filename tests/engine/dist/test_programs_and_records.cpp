// The generated programs have the documented phases and collectives; the host record format
// round-trips every kind of value and is byte-exact where it is simple enough to write by hand.
#include <cstring>

#include "DistTestSupport.h"
#include "codegen/MpiParentEmitter.h"
#include "dist/RecordFormat.h"
#include "runtime/JsonArguments.h"

namespace lomaw::dist::test {
namespace {

TEST(MpiPrograms, ChildHasPhasesCodecAndOptimiseOnlyWhenTheContractHolds) {
    ast::Module m = compileKernel("random_mix.py");
    const ast::Function* f = m.findFunction("mix");
    std::string child = codegen::emitMpiChild(m, *f).text;
    for (const char* piece : {"/* Join the job: spawned by the driver", "MPI_Intercomm_merge(parent, 1, &comm)",
                              "MPI_Scatterv(NULL, NULL, NULL, MPI_BYTE, records", "MPI_Gatherv(w.data, size, MPI_BYTE",
                              "#define exit _lwmpi_exit", "float mix(float x, int k, float* xs, int n, float* out)"})
        EXPECT_NE(child.find(piece), std::string::npos) << piece;
    EXPECT_EQ(child.find("static void _lwmpi_optimize"), std::string::npos);
    EXPECT_EQ(codegen::mpiOptimizeContractError(*f),
              "the first parameter of mix (x) must be In[Array[float]] (expected f(params : In[Array[float]], data..., "
              "grad : Out[Array[float]]) -> float)");
}

TEST(MpiPrograms, ParentSpawnsOrJoinsAndScattersContiguousShares) {
    ast::Module m = compileKernel("random_mix.py");
    std::string parent = codegen::emitMpiParent(m, *m.findFunction("mix")).text;
    for (const char* piece : {"MPI_Comm_spawn(argv[2], MPI_ARGV_NULL, workers", "MPI_Comm_dup(MPI_COMM_WORLD, &_lwdrv_comm)",
                              "MPI_Scatterv(payload + offsets[first]", "MPI_Gatherv(NULL, 0, MPI_BYTE, results",
                              "MPI_Bcast(pf, (int)nparams, MPI_FLOAT", "LWMPI progress"})
        EXPECT_NE(parent.find(piece), std::string::npos) << piece;
}

TEST(RecordFormat, ScalarsAndArraysAreCountPrefixedNativeBytes) {
    ast::Module m = compileKernel("random_mix.py");
    runtime::Signature s = runtime::signatureOf(*m.findFunction("mix"));
    runtime::StructTable structs(m);
    runtime::ParsedArguments a = runtime::parseArguments(s, "[1.5, -2, [0.25], 1, [0.0]]", structs);
    ASSERT_TRUE(a.ok) << a.error;
    std::string bytes;
    for (size_t i = 0; i < s.params.size(); ++i) encodeValue(*s.params[i].type, a.values[i], structs, bytes);
    // 4 (x) + 4 (k) + 4 + 4 (xs) + 4 (n) + 4 + 4 (out)
    ASSERT_EQ(bytes.size(), 28u);
    float x;
    int32_t k;
    uint32_t count;
    std::memcpy(&x, bytes.data(), 4);
    std::memcpy(&k, bytes.data() + 4, 4);
    std::memcpy(&count, bytes.data() + 8, 4);
    EXPECT_EQ(x, 1.5f);
    EXPECT_EQ(k, -2);
    EXPECT_EQ(count, 1u);
}

TEST(RecordFormat, NestedStructsAndRaggedArraysRoundTrip) {
    ast::Module m = compileKernel("every_kind.py");
    runtime::Signature s = runtime::signatureOf(*m.findFunction("f"));
    runtime::StructTable structs(m);
    std::string args = R"([1.5, 2, [0.5, 1.0], {"x": 1.0, "n": 3, "ws": [1.0, 2.0]}, 0.0, [[1.0], [], [2.0, 3.0]], 4])";
    runtime::ParsedArguments a = runtime::parseArguments(s, args, structs);
    ASSERT_TRUE(a.ok) << a.error;
    std::string bytes;
    runtime::Value nine = runtime::Value::ofFloat(9.0f);
    encodeValue(*s.returnType, nine, structs, bytes);
    for (size_t i = 0; i < s.params.size(); ++i) encodeValue(*s.params[i].type, a.values[i], structs, bytes);
    const char* p = bytes.data();
    DecodedResult r;
    ASSERT_TRUE(decodeResult(s, structs, p, bytes.data() + bytes.size(), r));
    EXPECT_EQ(p, bytes.data() + bytes.size());
    EXPECT_EQ(runtime::formatResult(s, r.returned, r.args, structs),
              R"({"return": 9, "args": [1.5, 2, [0.5, 1], {"x": 1, "n": 3, "ws": [1, 2]}, 0, [[1], [], [2, 3]], 4]})");
    // Truncated bytes are refused, not read past.
    p = bytes.data();
    EXPECT_FALSE(decodeResult(s, structs, p, bytes.data() + bytes.size() - 1, r));
}

}  // namespace
}  // namespace lomaw::dist::test
