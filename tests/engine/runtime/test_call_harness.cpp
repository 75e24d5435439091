#include <gtest/gtest.h>

#include "RuntimeTestSupport.h"
#include "runtime/CallHarness.h"

namespace lomaw::runtime {
namespace {

using namespace test;

TEST(CallHarness, ParameterTypeNamesFollowTheAbi) {
    EXPECT_EQ(cParameterTypeName(*tFloat(), false), "float");
    EXPECT_EQ(cParameterTypeName(*tFloat(), true), "float*");
    EXPECT_EQ(cParameterTypeName(*tStruct("Foo"), true), "Foo*");
    EXPECT_EQ(cParameterTypeName(*tArray(tFloat(), 3), false), "float*");
    EXPECT_EQ(cParameterTypeName(*tArray(tArray(tFloat(), 4), 3), true), "float**");
    EXPECT_EQ(cParameterTypeName(*tArray(tStruct("Foo")), false), "Foo*");
}

TEST(CallHarness, WrapperForEachParameterKind) {
    // Foo s(Foo f, Foo* out, float** q, int k)
    Signature s = signatureOf(makeFunction("s", {{"f", tStruct("Foo")}, {"out", tStruct("Foo"), true},
                                                 {"q", tArray(tArray(tFloat()))}, {"k", tInt()}},
                                           tStruct("Foo")));
    std::string text = generateCallHarness({s}, {"Foo"});
    EXPECT_NE(text.find("long _lomaw_sizeof_Foo(void) { return (long)sizeof(Foo); }\n"), std::string::npos);
    EXPECT_NE(text.find("void _lomaw_call_s(void** args, void* ret) {\n"
                        "    *(Foo*)ret = s(*(Foo*)args[0], (Foo*)args[1], *(float***)args[2], *(int*)args[3]);\n"
                        "}\n"),
              std::string::npos)
        << text;
}

TEST(CallHarness, SimdVoidAndEmptyWrappers) {
    Signature k = signatureOf(makeFunction("k", {{"x", tArray(tFloat())}, {"z", tArray(tFloat()), true}},
                                           Type::voidType(), /*simd=*/true));
    Signature nothing = signatureOf(makeFunction("nothing", {}));
    std::string text = generateCallHarness({k, nothing}, {});
    EXPECT_NE(text.find("void _lomaw_call_k(void** args, void* ret) {\n"
                        "    (void)ret;\n"
                        "    k(*(float**)args[0], *(float**)args[1], *(int*)args[2]);\n"
                        "}\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("void _lomaw_call_nothing(void** args, void* ret) {\n"
                        "    (void)args;\n"
                        "    (void)ret;\n"
                        "    nothing();\n"
                        "}\n"),
              std::string::npos)
        << text;
}

}  // namespace
}  // namespace lomaw::runtime
