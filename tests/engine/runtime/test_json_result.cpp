#include <cmath>
#include <gtest/gtest.h>

#include "RuntimeTestSupport.h"
#include "runtime/JsonResult.h"

namespace lomaw::runtime {
namespace {

using namespace test;

TEST(JsonResult, FloatsUseNineSignificantDigits) {
    EXPECT_EQ(formatFloat(2.0f), "2");
    EXPECT_EQ(formatFloat(0.1f), "0.100000001");
    EXPECT_EQ(formatFloat(-1.5f), "-1.5");
    EXPECT_EQ(formatFloat(1e20f), "1.00000002e+20");
    EXPECT_EQ(formatFloat(NAN), "\"nan\"");
    EXPECT_EQ(formatFloat(INFINITY), "\"inf\"");
    EXPECT_EQ(formatFloat(-INFINITY), "\"-inf\"");
}

TEST(JsonResult, SpecExampleFormat) {
    // d_f(x : In[float], _dx : Out[float], y : In[float], _dy : Out[float], _dreturn : In[float])
    Signature s = signatureOf(makeFunction("d_f", {{"x", tFloat()}, {"_dx", tFloat(), true},
                                                   {"y", tFloat()}, {"_dy", tFloat(), true},
                                                   {"_dreturn", tFloat()}}));
    std::vector<Value> args = {Value::ofFloat(2), Value::ofFloat(3), Value::ofFloat(3),
                               Value::ofFloat(2), Value::ofFloat(1)};
    EXPECT_EQ(formatResult(s, std::nullopt, args, StructTable()),
              "{\"return\": null, \"args\": [2, 3, 3, 2, 1]}");
}

TEST(JsonResult, StructsKeepMemberOrderAndNest) {
    StructTable structs;
    ast::StructDecl foo = makeStruct("Foo", {{"z", tInt()}, {"a", tArray(tFloat(), 2)}, {"d", tStruct("_dfloat")}});
    ast::StructDecl df = dfloatStruct();
    structs.add(foo);
    structs.add(df);
    Signature s = signatureOf(makeFunction("g", {{"xs", tArray(tArray(tInt()))}}, tStruct("Foo")));
    Value foov = Value::ofStruct({Value::ofInt(-3), Value::ofList({Value::ofFloat(0.5f), Value::ofFloat(NAN)}),
                                  Value::ofStruct({Value::ofFloat(1), Value::ofFloat(0)})});
    Value xs = Value::ofList({Value::ofList({Value::ofInt(1), Value::ofInt(2)}), Value::ofList({})});
    EXPECT_EQ(formatResult(s, foov, {xs}, structs),
              "{\"return\": {\"z\": -3, \"a\": [0.5, \"nan\"], \"d\": {\"val\": 1, \"dval\": 0}}, "
              "\"args\": [[[1, 2], []]]}");
}

TEST(JsonResult, NoArguments) {
    Signature s = signatureOf(makeFunction("k", {}, tInt()));
    EXPECT_EQ(formatResult(s, Value::ofInt(42), {}, StructTable()), "{\"return\": 42, \"args\": []}");
}

}  // namespace
}  // namespace lomaw::runtime
