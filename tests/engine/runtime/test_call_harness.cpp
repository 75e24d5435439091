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
    EXPECT_NE(text.find("void _lomaw_call_s(void** _lomaw_args, void* _lomaw_ret) {\n"
                        "    *(Foo*)_lomaw_ret = s(*(Foo*)_lomaw_args[0], (Foo*)_lomaw_args[1], "
                        "*(float***)_lomaw_args[2], *(int*)_lomaw_args[3]);\n"
                        "}\n"),
              std::string::npos)
        << text;
}

TEST(CallHarness, SimdVoidAndEmptyWrappers) {
    Signature k = signatureOf(makeFunction("k", {{"x", tArray(tFloat())}, {"z", tArray(tFloat()), true}},
                                           Type::voidType(), /*simd=*/true));
    Signature nothing = signatureOf(makeFunction("nothing", {}));
    std::string text = generateCallHarness({k, nothing}, {});
    EXPECT_NE(text.find("void _lomaw_call_k(void** _lomaw_args, void* _lomaw_ret) {\n"
                        "    (void)_lomaw_ret;\n"
                        "    k(*(float**)_lomaw_args[0], *(float**)_lomaw_args[1], *(int*)_lomaw_args[2]);\n"
                        "}\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("void _lomaw_call_nothing(void** _lomaw_args, void* _lomaw_ret) {\n"
                        "    (void)_lomaw_args;\n"
                        "    (void)_lomaw_ret;\n"
                        "    nothing();\n"
                        "}\n"),
              std::string::npos)
        << text;
}

TEST(CallHarness, KernelNamesThatCWouldMisreadAreCalledByTheirCName) {
    // A kernel function `args` must not be hidden by the wrapper's parameter; printf and struct
    // FILE are renamed by codegen::cFileScopeName, the harness symbols keep the loma names.
    Signature args = signatureOf(makeFunction("args", {{"f", tStruct("FILE")}}, tInt()));
    Signature printf = signatureOf(makeFunction("printf", {}, tFloat()));
    std::string text = generateCallHarness({args, printf}, {"FILE"});
    EXPECT_NE(text.find("long _lomaw_sizeof_FILE(void) { return (long)sizeof(_lw_u_FILE); }\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("void _lomaw_call_args(void** _lomaw_args, void* _lomaw_ret) {\n"
                        "    *(int*)_lomaw_ret = args(*(_lw_u_FILE*)_lomaw_args[0]);\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("void _lomaw_call_printf(void** _lomaw_args, void* _lomaw_ret) {\n"
                        "    (void)_lomaw_args;\n"
                        "    *(float*)_lomaw_ret = _lw_u_printf();\n"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("#include"), std::string::npos) << "headers come first, through harnessCompileFlags";
}

}  // namespace
}  // namespace lomaw::runtime
