#include "runtime/JsonReader.h"

#include <cctype>

namespace lomaw::runtime {

namespace {

struct TooDeep {};

// nlohmann's message is "[json.exception.out_of_range.406] number overflow parsing '1e400'":
// the number is the text between the quotes.
std::string overflowingNumber(const std::string& what) {
    size_t open = what.find('\'');
    size_t close = what.rfind('\'');
    if (open == std::string::npos || close <= open) return "";
    std::string number = what.substr(open + 1, close - open - 1);
    if (number.size() > 40) number = number.substr(0, 37) + "...";
    return number;
}

// Python's json writes NaN, Infinity and -Infinity; JSON has no such numbers. When the parser
// stopped on one of them, the message says how to write it (docs/cli.md: as strings).
std::string nonFiniteHint(std::string_view text, size_t byte) {
    // `byte` counts from 1 and points at (or just past) the character that broke the parse.
    size_t at = byte == 0 ? 0 : byte - 1;
    size_t start = at < text.size() ? at : text.size();
    while (start > 0 && (std::isalpha(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '-')) --start;
    size_t end = start;
    while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
    std::string word(text.substr(start, end - start));
    std::string lower;
    for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "nan") return ": " + word + " is not JSON; write the string \"nan\"";
    if (lower == "infinity" || lower == "inf") return ": " + word + " is not JSON; write the string \"inf\"";
    if (lower == "-infinity" || lower == "-inf") return ": " + word + " is not JSON; write the string \"-inf\"";
    return "";
}

template <class Json>
bool read(std::string_view text, const std::string& what, Json& out, std::string& error) {
    auto limitDepth = [](int depth, typename Json::parse_event_t event, Json&) {
        // `depth` is the number of lists/objects already open around the one starting here.
        bool opens = event == Json::parse_event_t::array_start || event == Json::parse_event_t::object_start;
        if (opens && depth >= kMaxJsonDepth) throw TooDeep{};
        return true;
    };
    try {
        out = Json::parse(text.begin(), text.end(), limitDepth);
        return true;
    } catch (const TooDeep&) {
        error = what + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    } catch (const typename Json::parse_error& e) {
        error = what + ": invalid JSON at character " + std::to_string(e.byte) + nonFiniteHint(text, e.byte);
    } catch (const typename Json::out_of_range& e) {
        // The only out_of_range the parser raises: a number that does not fit a double.
        error = what + ": number " + overflowingNumber(e.what()) + " is outside the range of a double";
    } catch (const typename Json::exception& e) {
        error = what + ": invalid JSON (" + e.what() + ")";
    }
    out = Json();
    return false;
}

}  // namespace

bool readJson(std::string_view text, const std::string& what, nlohmann::json& out, std::string& error) {
    return read(text, what, out, error);
}

bool readJson(std::string_view text, const std::string& what, nlohmann::ordered_json& out, std::string& error) {
    return read(text, what, out, error);
}

}  // namespace lomaw::runtime
