// The fast host-side paths of huge batches give exactly what the reference paths give: the
// one-pass JSON encoder the records of runtime::parseArguments + encodeValue (and it gives up,
// never guesses, on anything the reference rejects or spells unusually); the direct result
// printer the text of runtime::formatResult.
#include <cstring>

#include "DistTestSupport.h"
#include "dist/BatchEncoder.h"
#include "dist/RecordFormat.h"
#include "runtime/JsonArguments.h"

namespace lomaw::dist::test {
namespace {

// The records of the reference path for a list of sets; "" when a set is rejected.
std::string referenceRecords(const runtime::Signature& s, const runtime::StructTable& structs,
                             const std::vector<std::string>& sets) {
    std::string bytes;
    for (const std::string& set : sets) {
        runtime::ParsedArguments a = runtime::parseArguments(s, set, structs);
        if (!a.ok) return "";
        for (size_t i = 0; i < s.params.size(); ++i) encodeValue(*s.params[i].type, a.values[i], structs, bytes);
    }
    return bytes;
}

std::string list(const std::vector<std::string>& sets) {
    std::string out = "[";
    for (size_t i = 0; i < sets.size(); ++i) out += (i ? ",\n " : "") + sets[i];
    return out + "]";
}

TEST(BatchEncoder, RecordsAndOffsetsEqualTheReferencePath) {
    ast::Module m = compileKernel("every_kind.py");
    runtime::Signature s = runtime::signatureOf(*m.findFunction("f"));
    runtime::StructTable structs(m);
    std::vector<std::string> sets = {
        R"([1.5, 2, [0.5, 1.0], {"x": 1.0, "n": 3, "ws": [1.0, 2.0]}, 0.0, [[1.0], [], [2.0, 3.0]], 4])",
        // Integral floats for ints, ints for floats, exponents, -0, non-finite strings, spacing.
        R"([ -0 , 2.0e0,[1e-3,"nan" ,"-inf", 3],{"x":"inf","n":-7,"ws":[]},-0.0,[],1E2 ])",
        R"([0.1, 2147483647, [], {"x": 123456789012, "n": -2147483648, "ws": [3.4e38]}, 1, [[0.30000000000000004]], -5])"};
    std::string expected = referenceRecords(s, structs, sets);
    ASSERT_FALSE(expected.empty());
    EncodedBatch fast;
    ASSERT_TRUE(encodeBatchFast(s, structs, list(sets), fast));
    EXPECT_EQ(fast.count, 3u);
    EXPECT_EQ(fast.records, expected);
    ASSERT_EQ(fast.offsets.size(), 4 * 8u);
    uint64_t last = 0;
    std::memcpy(&last, fast.offsets.data() + 3 * 8, 8);
    EXPECT_EQ(last, expected.size());
    EXPECT_TRUE(encodeBatchFast(s, structs, " [ ] \n", fast));
    EXPECT_EQ(fast.count, 0u);
}

TEST(BatchEncoder, GivesUpOnWhatTheReferenceRejectsOrSpellsUnusually) {
    ast::Module m = compileKernel("random_mix.py");  // mix(x: float, k: int, xs: Array[float], n: int, out: Array[float])
    runtime::Signature s = runtime::signatureOf(*m.findFunction("mix"));
    runtime::StructTable structs(m);
    EncodedBatch out;
    for (const char* bad : {
             R"([[1.5, 2, [0.5], 1, [0.0]], [1.5, 2.5, [0.5], 1, [0.0]]])",  // 2.5 for an int
             R"([[1.5, 2147483648, [0.5], 1, [0.0]]])",                    // int out of range
             R"([[1.5, 2, [0.5], 1]])",                                    // too few values
             R"([[1.5, 2, [0.5], 1, [0.0], 7]])",                          // too many values
             R"([[1.5, 2, ["x"], 1, [0.0]]])",                             // a string for a float
             R"([[1.5, 2, [0.5], 1, [0.0]],])",                            // trailing comma
             R"([[1.5, 2, [0.5], 1, [0.0]]] x)",                           // text after the list
             R"([[01.5, 2, [0.5], 1, [0.0]]])",                            // not JSON number grammar
             R"([[1e999, 2, [0.5], 1, [0.0]]])",                           // a number JSON cannot hold
             R"([[null, 2, [0.5], 1, [0.0]]])", R"({"a": 1})", R"([[1.5, 2, [0.5], 1, [0.0]])"})
        EXPECT_FALSE(encodeBatchFast(s, structs, bad, out)) << bad;
    // Valid, but left to the reference path: members out of declaration order, escapes.
    ast::Module k = compileKernel("every_kind.py");
    runtime::Signature f = runtime::signatureOf(*k.findFunction("f"));
    runtime::StructTable ks(k);
    EXPECT_FALSE(encodeBatchFast(f, ks, R"([[1, 2, [], {"n": 3, "x": 1.0, "ws": []}, 0, [], 4]])", out));
    EXPECT_FALSE(encodeBatchFast(f, ks, R"([[1, 2, ["\u006ean"], {"x": 1.0, "n": 3, "ws": []}, 0, [], 4]])", out));
    EXPECT_FALSE(encodeBatchFast(f, ks, R"([[1, 2, [], {"x": 1.0, "n": 3, "ws": [], "q": 1}, 0, [], 4]])", out));
}

TEST(RecordFormat, DirectResultJsonEqualsFormatResultIncludingNullPointers) {
    ast::Module m = compileKernel("every_kind.py");
    runtime::Signature s = runtime::signatureOf(*m.findFunction("f"));
    runtime::StructTable structs(m);
    runtime::ParsedArguments a = runtime::parseArguments(
        s, R"([-1.25, -2, ["nan", 1e-7], {"x": "-inf", "n": 3, "ws": [1.0, 2.0]}, 0.1, [[1.0], [], [2.0, 3.0]], 4])",
        structs);
    ASSERT_TRUE(a.ok) << a.error;
    std::string bytes;
    runtime::Value ret = runtime::Value::ofFloat(1.0f / 3.0f);
    encodeValue(*s.returnType, ret, structs, bytes);
    for (size_t i = 0; i < s.params.size(); ++i) encodeValue(*s.params[i].type, a.values[i], structs, bytes);
    const char* p = bytes.data();
    DecodedResult r;
    ASSERT_TRUE(decodeResult(s, structs, p, bytes.data() + bytes.size(), r));
    std::string direct;
    p = bytes.data();
    ASSERT_TRUE(appendResultJson(s, structs, p, bytes.data() + bytes.size(), direct));
    EXPECT_EQ(p, bytes.data() + bytes.size());
    EXPECT_EQ(direct, runtime::formatResult(s, r.returned, r.args, structs));
    EXPECT_EQ(direct, R"({"return": 0.333333343, "args": [-1.25, -2, ["nan", 1.00000001e-07], )"
                      R"({"x": "-inf", "n": 3, "ws": [1, 2]}, 0.100000001, [[1], [], [2, 3]], 4]})");
    // A returned-pointer null marker prints null, as the decoded Null value does.
    std::string nullArray("\xff\xff\xff\xff", 4);
    runtime::Signature arr;
    arr.name = "g";
    arr.returnType = Type::arrayOf(Type::floatType());
    const char* q = nullArray.data();
    std::string text;
    ASSERT_TRUE(appendResultJson(arr, structs, q, nullArray.data() + 4, text));
    EXPECT_EQ(text, R"({"return": null, "args": []})");
    q = nullArray.data();
    EXPECT_FALSE(appendResultJson(arr, structs, q, nullArray.data() + 3, text));
}

TEST(RecordFormat, FastFloatTextEqualsFormatFloatOverManyBitPatterns) {
    // Every exponent, with pseudo-random mantissas (a fixed LCG), plus the special cases.
    uint32_t state = 12345;
    std::vector<float> values = {0.0f, -0.0f, 1.0f, 0.1f, 1e-45f, 3.4028235e38f, 1.17549435e-38f, 123456789.0f,
                                 0.000123456789f, 1e9f, 1e-5f, 16777216.0f, 2.5f};
    for (int i = 0; i < 200000; ++i) {
        state = state * 1664525u + 1013904223u;
        float f;
        std::memcpy(&f, &state, 4);
        values.push_back(f);
    }
    for (float f : values) {
        std::string fast;
        appendFloatJson(f, fast);
        ASSERT_EQ(fast, runtime::formatFloat(f)) << "bits of " << fast;
    }
}

}  // namespace
}  // namespace lomaw::dist::test
