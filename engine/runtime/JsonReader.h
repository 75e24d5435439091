// The one reader of JSON that comes from the user (`--args`, `--batch`, `--init`, `--data`, ...).
//
// nlohmann's parser itself is iterative, but everything done with the tree afterwards (dump,
// copies, the type-directed readers) recurses once per level: a value nested 100,000 deep would
// overflow the stack there. So the depth is limited while parsing (the parser callback sees it),
// and the two failures nlohmann reports as exceptions other than parse_error become messages
// too: a number beyond the double range (1e400) is named, not an "internal error".
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lomaw::runtime {

// Deepest nesting of lists and objects accepted (docs/cli.md, "Limits"). An argument is nested
// as deep as its type, and types nest at most 100 deep (the parser's nesting limit), so only
// hostile or broken input comes near it.
inline constexpr int kMaxJsonDepth = 512;

// Parses `text` into `out`; false with `error` set to "WHAT: reason" (`what` names the input,
// e.g. "--args"): "invalid JSON at character N" (with what to write instead when it is Python's
// NaN / Infinity: "...: NaN is not JSON; write the string \"nan\""), "JSON nested deeper than
// 512 levels", "number 1e400 is outside the range of a double".
bool readJson(std::string_view text, const std::string& what, nlohmann::json& out, std::string& error);
bool readJson(std::string_view text, const std::string& what, nlohmann::ordered_json& out, std::string& error);

}  // namespace lomaw::runtime
