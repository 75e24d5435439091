// The one reader of user JSON (runtime/JsonReader.h): depth limit, numbers beyond a double,
// and the same messages through parseArguments (`lomaw run --args`).
#include <gtest/gtest.h>

#include "RuntimeTestSupport.h"
#include "runtime/JsonArguments.h"
#include "runtime/JsonReader.h"

namespace lomaw::runtime {
namespace {

using namespace test;

std::string nested(size_t depth, const std::string& inner = "1") {
    return std::string(depth, '[') + inner + std::string(depth, ']');
}

std::string errorOf(const std::string& text) {
    nlohmann::json value;
    std::string error;
    EXPECT_FALSE(readJson(text, "--batch", value, error)) << text.substr(0, 80);
    return error;
}

TEST(JsonReader, AcceptsNestingUpToTheLimit) {
    nlohmann::json value;
    std::string error;
    ASSERT_TRUE(readJson(nested(kMaxJsonDepth), "--batch", value, error)) << error;
    const nlohmann::json* inner = &value;
    for (int level = 0; level < kMaxJsonDepth; ++level) inner = &inner->at(0);
    EXPECT_EQ(*inner, 1);
}

TEST(JsonReader, RefusesDeeperNestingWithoutRecursing) {
    EXPECT_EQ(errorOf(nested(kMaxJsonDepth + 1)), "--batch: JSON nested deeper than 512 levels");
    EXPECT_EQ(errorOf(std::string(kMaxJsonDepth, '[') + "{\"a\": 1}" + std::string(kMaxJsonDepth, ']')),
              "--batch: JSON nested deeper than 512 levels");
    // 100,000 levels: dumping or copying such a tree would overflow the stack; it never gets built.
    EXPECT_EQ(errorOf(nested(100000)), "--batch: JSON nested deeper than 512 levels");
    // An unclosed deep prefix is refused for its depth, before the end of the text is seen.
    EXPECT_EQ(errorOf(std::string(100000, '[')), "--batch: JSON nested deeper than 512 levels");
}

TEST(JsonReader, NumberBeyondADoubleIsNamed) {
    EXPECT_EQ(errorOf("[1, 1e400]"), "--batch: number 1e400 is outside the range of a double");
    EXPECT_EQ(errorOf("[-2.5E+999]"), "--batch: number -2.5E+999 is outside the range of a double");
    nlohmann::json value;
    std::string error;
    EXPECT_TRUE(readJson("[1e308, 4.9e-324, 1e-400]", "--batch", value, error)) << error;  // underflow is 0
    EXPECT_EQ(value[2], 0.0);
}

TEST(JsonReader, InvalidJsonNamesTheCharacter) {
    EXPECT_EQ(errorOf("[1, 2"), "--batch: invalid JSON at character 6");
    EXPECT_EQ(errorOf(""), "--batch: invalid JSON at character 1");
    // What Python's json.dumps writes for non-finite floats: the message says what to write.
    EXPECT_EQ(errorOf("[1.0, NaN]"), "--batch: invalid JSON at character 7: NaN is not JSON; write the string \"nan\"");
    EXPECT_EQ(errorOf("[Infinity, 2]"), "--batch: invalid JSON at character 2: Infinity is not JSON; write the string \"inf\"");
    EXPECT_EQ(errorOf("[-Infinity]"), "--batch: invalid JSON at character 3: -Infinity is not JSON; write the string \"-inf\"");
    EXPECT_EQ(errorOf("[1, nope]"), "--batch: invalid JSON at character 6");  // no hint for other words
    EXPECT_EQ(errorOf("[nan]"), "--batch: invalid JSON at character 3: nan is not JSON; write the string \"nan\"");
}

TEST(JsonReader, ArgumentsGoThroughIt) {
    StructTable structs;
    Signature s = signatureOf(makeFunction("f", {{"x", tFloat()}, {"y", tArray(tFloat())}}));
    // Used to escape as nlohmann's out_of_range exception ("internal error", exit 4).
    ParsedArguments r = parseArguments(s, "[1, [1e400]]", structs);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "--args: number 1e400 is outside the range of a double");
    r = parseArguments(s, "[1, " + nested(2000, "") + "]", structs);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "--args: JSON nested deeper than 512 levels");
}

}  // namespace
}  // namespace lomaw::runtime
