#include <cmath>
#include <gtest/gtest.h>

#include "RuntimeTestSupport.h"
#include "runtime/JsonArguments.h"

namespace lomaw::runtime {
namespace {

using namespace test;

class JsonArgumentsTest : public ::testing::Test {
protected:
    void SetUp() override {
        particle = makeStruct("Particle", {{"pos", tArray(tFloat(), 3)}, {"id", tInt()}});
        dfloat = dfloatStruct();
        structs.add(particle);
        structs.add(dfloat);
        // f(n : In[int], x : In[float], _db : In[Array[float, 3]], p : In[Particle],
        //   grid : In[Array[Array[float]]], d : Out[_dfloat])
        signature = signatureOf(makeFunction("f", {{"n", tInt()},
                                                   {"x", tFloat()},
                                                   {"_db", tArray(tFloat(), 3)},
                                                   {"p", tStruct("Particle")},
                                                   {"grid", tArray(tArray(tFloat()))},
                                                   {"d", tStruct("_dfloat"), true}}));
    }

    // Replaces the value of one parameter in an otherwise valid argument list.
    std::string argsWith(int index, const std::string& value) {
        std::vector<std::string> v = {"1", "2.5", "[1, 2, 3]", R"({"pos": [1, 2, 3], "id": 7})",
                                      "[[1], [2, 3], []]", R"({"val": 0, "dval": 0})"};
        v[index] = value;
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
        return out + "]";
    }

    std::string errorFor(const std::string& json) {
        ParsedArguments r = parseArguments(signature, json, structs);
        EXPECT_FALSE(r.ok) << json;
        return r.error;
    }

    ast::StructDecl particle, dfloat;
    StructTable structs;
    Signature signature;
};

TEST_F(JsonArgumentsTest, ValidArgumentsParseIntoValues) {
    ParsedArguments r = parseArguments(signature, argsWith(0, "-2147483648"), structs);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.values.size(), 6u);
    EXPECT_EQ(r.values[0].intValue, -2147483647 - 1);
    EXPECT_EQ(r.values[1].floatValue, 2.5f);
    ASSERT_EQ(r.values[2].items.size(), 3u);
    EXPECT_EQ(r.values[2].items[2].floatValue, 3.0f);
    ASSERT_EQ(r.values[3].kind, Value::Kind::Struct);
    EXPECT_EQ(r.values[3].items[1].intValue, 7);
    ASSERT_EQ(r.values[4].items.size(), 3u);  // ragged: 1, 2 and 0 elements
    EXPECT_EQ(r.values[4].items[1].items.size(), 2u);
    EXPECT_EQ(r.values[4].items[2].items.size(), 0u);
}

TEST_F(JsonArgumentsTest, FloatAcceptsNonFiniteStringsAndRoundsToFloat32) {
    ParsedArguments r = parseArguments(signature, argsWith(1, "\"nan\""), structs);
    ASSERT_TRUE(r.ok);
    EXPECT_TRUE(std::isnan(r.values[1].floatValue));
    r = parseArguments(signature, argsWith(2, R"(["inf", "-inf", 0.1])"), structs);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.values[2].items[0].floatValue, INFINITY);
    EXPECT_EQ(r.values[2].items[1].floatValue, -INFINITY);
    EXPECT_EQ(r.values[2].items[2].floatValue, 0.1f);
}

TEST_F(JsonArgumentsTest, IntAcceptsIntegralFloatLiterals) {
    ParsedArguments r = parseArguments(signature, argsWith(0, "3.0"), structs);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.values[0].intValue, 3);
    r = parseArguments(signature, argsWith(0, "2147483647"), structs);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.values[0].intValue, 2147483647);
}

TEST_F(JsonArgumentsTest, SpecExampleMessage) {
    EXPECT_EQ(errorFor(argsWith(2, R"([1, 2, "x"])")),
              "argument 3 (_db): element [2]: expected a number for float, got \"x\"");
}

TEST_F(JsonArgumentsTest, InvalidJson) {
    EXPECT_EQ(errorFor("[1, 2"), "--args: invalid JSON at character 6");
    EXPECT_EQ(errorFor("[1, x]"), "--args: invalid JSON at character 5");
}

TEST_F(JsonArgumentsTest, NotAList) {
    EXPECT_EQ(errorFor(R"({"n": 1})"), "--args: expected a list with one value per parameter, got an object");
    EXPECT_EQ(errorFor("3"), "--args: expected a list with one value per parameter, got 3");
}

TEST_F(JsonArgumentsTest, WrongCount) {
    EXPECT_EQ(errorFor("[1, 2]"), "--args: f takes 6 arguments, got 2 values");
    EXPECT_EQ(errorFor(""), "--args: f takes 6 arguments, got 0 values");
    Signature one = signatureOf(makeFunction("g", {{"x", tFloat()}}));
    EXPECT_EQ(parseArguments(one, "[1, 2]", structs).error, "--args: g takes 1 argument, got 2 values");
    EXPECT_EQ(parseArguments(one, "[]", structs).error, "--args: g takes 1 argument, got 0 values");
    Signature none = signatureOf(makeFunction("h", {}));
    EXPECT_EQ(parseArguments(none, "[1]", structs).error, "--args: h takes 0 arguments, got 1 value");
    EXPECT_TRUE(parseArguments(none, "", structs).ok);
}

TEST_F(JsonArgumentsTest, IntErrors) {
    EXPECT_EQ(errorFor(argsWith(0, "1.5")), "argument 1 (n): expected an integer for int, got 1.5");
    EXPECT_EQ(errorFor(argsWith(0, "\"1\"")), "argument 1 (n): expected an integer for int, got \"1\"");
    EXPECT_EQ(errorFor(argsWith(0, "true")), "argument 1 (n): expected an integer for int, got true");
    EXPECT_EQ(errorFor(argsWith(0, "null")), "argument 1 (n): expected an integer for int, got null");
    EXPECT_EQ(errorFor(argsWith(0, "[1]")), "argument 1 (n): expected an integer for int, got a list");
    EXPECT_EQ(errorFor(argsWith(0, "2147483648")),
              "argument 1 (n): expected an integer in the int32 range for int, got 2147483648");
    EXPECT_EQ(errorFor(argsWith(0, "-2147483649")),
              "argument 1 (n): expected an integer in the int32 range for int, got -2147483649");
    EXPECT_EQ(errorFor(argsWith(0, "1e10")),
              "argument 1 (n): expected an integer in the int32 range for int, got 10000000000.0");
}

TEST_F(JsonArgumentsTest, FloatErrors) {
    EXPECT_EQ(errorFor(argsWith(1, "\"Infinity\"")),
              "argument 2 (x): expected a number for float, got \"Infinity\"");
    EXPECT_EQ(errorFor(argsWith(1, "{}")), "argument 2 (x): expected a number for float, got an object");
    EXPECT_EQ(errorFor(argsWith(1, "false")), "argument 2 (x): expected a number for float, got false");
}

TEST_F(JsonArgumentsTest, StaticArrayLength) {
    EXPECT_EQ(errorFor(argsWith(2, "[1, 2]")),
              "argument 3 (_db): expected a list of 3 elements for Array[float, 3], got 2 elements");
    EXPECT_EQ(errorFor(argsWith(2, "[1]")),
              "argument 3 (_db): expected a list of 3 elements for Array[float, 3], got 1 element");
    EXPECT_EQ(errorFor(argsWith(2, "1")), "argument 3 (_db): expected a list for Array[float, 3], got 1");
}

TEST_F(JsonArgumentsTest, StructErrors) {
    EXPECT_EQ(errorFor(argsWith(3, "[1]")), "argument 4 (p): expected an object for Particle, got a list");
    EXPECT_EQ(errorFor(argsWith(3, R"({"pos": [1, 2, 3]})")),
              "argument 4 (p): missing member \"id\" for Particle");
    EXPECT_EQ(errorFor(argsWith(3, R"({"pos": [1, 2, 3], "id": 1, "mass": 2})")),
              "argument 4 (p): unknown member \"mass\" for Particle");
    EXPECT_EQ(errorFor(argsWith(3, R"({"pos": [1, 2], "id": 1})")),
              "argument 4 (p): member pos: expected a list of 3 elements for Array[float, 3], got 2 elements");
    EXPECT_EQ(errorFor(argsWith(3, R"({"pos": [1, 2, null], "id": 1})")),
              "argument 4 (p): member pos: element [2]: expected a number for float, got null");
    EXPECT_EQ(errorFor(argsWith(5, R"({"val": 0, "dval": "x"})")),
              "argument 6 (d): member dval: expected a number for float, got \"x\"");
}

TEST_F(JsonArgumentsTest, NestedArrayPaths) {
    EXPECT_EQ(errorFor(argsWith(4, "[[1], [2, true]]")),
              "argument 5 (grid): element [1][1]: expected a number for float, got true");
    EXPECT_EQ(errorFor(argsWith(4, "[[1], 2]")),
              "argument 5 (grid): element [1]: expected a list for Array[float], got 2");
}

TEST_F(JsonArgumentsTest, LongValuesAreShortenedInMessages) {
    std::string longString = "\"" + std::string(50, 'a') + "\"";
    EXPECT_EQ(errorFor(argsWith(1, longString)),
              "argument 2 (x): expected a number for float, got \"" + std::string(36, 'a') + "...");
}

}  // namespace
}  // namespace lomaw::runtime
