#include "runtime/BatchArguments.h"

#include <nlohmann/json.hpp>

#include "runtime/JsonArguments.h"
#include "runtime/JsonReader.h"

namespace lomaw::runtime {

std::string forEachBatchSet(const Signature& signature, const std::string& json, const StructTable& structs,
                            const std::function<void(std::vector<Value>&& values)>& onSet) {
    nlohmann::json sets;
    // Depth-limited (a 100,000-deep batch would overflow the stack in dump below).
    if (std::string error; !readJson(json, "--batch", sets, error)) return error;
    if (!sets.is_array()) return "--batch: expected a list of argument lists";
    for (size_t i = 0; i < sets.size(); ++i) {
        ParsedArguments parsed = parseArguments(signature, sets[i].dump(), structs);
        if (!parsed.ok) {
            // "--args: ..." is about this set's JSON: say which set instead.
            std::string e = parsed.error.rfind("--args: ", 0) == 0 ? parsed.error.substr(8) : parsed.error;
            return "input set " + std::to_string(i) + ": " + e;
        }
        onSet(std::move(parsed.values));
    }
    return "";
}

ParsedBatch parseBatchArguments(const Signature& signature, const std::string& json, const StructTable& structs) {
    ParsedBatch out;
    out.error = forEachBatchSet(signature, json, structs,
                                [&](std::vector<Value>&& values) { out.sets.push_back(std::move(values)); });
    out.ok = out.error.empty();
    if (!out.ok) out.sets.clear();
    return out;
}

}  // namespace lomaw::runtime
