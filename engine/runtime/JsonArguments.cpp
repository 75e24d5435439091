#include "runtime/JsonArguments.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "runtime/EngineBug.h"
#include "runtime/JsonReader.h"

namespace lomaw::runtime {

namespace {

using Json = nlohmann::ordered_json;  // keeps key order: unknown keys are reported as written

// Where in an argument a value sits: "element [2][0]", "member pos".
class ValuePath {
public:
    void pushIndex(size_t i) { steps_.push_back({true, "[" + std::to_string(i) + "]"}); }
    void pushMember(const std::string& name) { steps_.push_back({false, name}); }
    void pop() { steps_.pop_back(); }

    // ": element [1][2]: member x" (consecutive indices share one "element" segment).
    std::string text() const {
        std::string out;
        for (size_t k = 0; k < steps_.size(); ++k) {
            const Step& s = steps_[k];
            if (s.isIndex) {
                if (k == 0 || !steps_[k - 1].isIndex) out += ": element ";
                out += s.text;
            } else {
                out += ": member " + s.text;
            }
        }
        return out;
    }

private:
    struct Step {
        bool isIndex;
        std::string text;
    };
    std::vector<Step> steps_;
};

// A short description of a JSON value for "got ...": scalars as written, compounds by kind.
std::string describe(const Json& j) {
    if (j.is_array()) return "a list";
    if (j.is_object()) return "an object";
    std::string text = j.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
}

struct ArgumentError {
    std::string detail;
};

class ArgumentReader {
public:
    explicit ArgumentReader(const StructTable& structs) : structs_(structs) {}

    // Throws ArgumentError (caught in parseArguments) on the first mismatch.
    Value read(const Type& t, const Json& j) {
        switch (t.kind) {
            case Type::Kind::Int: return readInt(j);
            case Type::Kind::Float: return readFloat(j);
            case Type::Kind::Struct: return readStruct(t, j);
            case Type::Kind::Array: return readArray(t, j);
            case Type::Kind::Void: break;
        }
        throw EngineBug("parameter of type " + toString(t));
    }

    std::string pathText() const { return path_.text(); }

private:
    [[noreturn]] void fail(const std::string& detail) { throw ArgumentError{detail}; }

    Value readInt(const Json& j) {
        double value = 0;
        if (j.is_number_integer()) {
            // number_unsigned and number_integer; both compare exactly against the bounds.
            if (j.is_number_unsigned()) {
                if (j.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int32_t>::max())) {
                    fail("expected an integer in the int32 range for int, got " + describe(j));
                }
                return Value::ofInt(static_cast<int32_t>(j.get<uint64_t>()));
            }
            int64_t v = j.get<int64_t>();
            if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max()) {
                fail("expected an integer in the int32 range for int, got " + describe(j));
            }
            return Value::ofInt(static_cast<int32_t>(v));
        }
        if (!j.is_number_float()) fail("expected an integer for int, got " + describe(j));
        // A float literal with an integral value (2.0, 1e3) is an integral number.
        value = j.get<double>();
        if (!std::isfinite(value) || value != std::trunc(value)) {
            fail("expected an integer for int, got " + describe(j));
        }
        if (value < std::numeric_limits<int32_t>::min() || value > std::numeric_limits<int32_t>::max()) {
            fail("expected an integer in the int32 range for int, got " + describe(j));
        }
        return Value::ofInt(static_cast<int32_t>(value));
    }

    Value readFloat(const Json& j) {
        if (j.is_number()) return Value::ofFloat(static_cast<float>(j.get<double>()));
        if (j.is_string()) {
            const std::string& s = j.get_ref<const std::string&>();
            if (s == "nan") return Value::ofFloat(std::numeric_limits<float>::quiet_NaN());
            if (s == "inf") return Value::ofFloat(std::numeric_limits<float>::infinity());
            if (s == "-inf") return Value::ofFloat(-std::numeric_limits<float>::infinity());
        }
        fail("expected a number for float, got " + describe(j));
    }

    Value readStruct(const Type& t, const Json& j) {
        const ast::StructDecl* decl = structs_.find(t.structName);
        if (!decl) throw EngineBug("unknown struct " + t.structName);
        if (!j.is_object()) fail("expected an object for " + t.structName + ", got " + describe(j));
        for (const auto& [key, unused] : j.items()) {
            bool known = false;
            for (const ast::Member& m : decl->members) known = known || m.name == key;
            if (!known) fail("unknown member \"" + key + "\" for " + t.structName);
        }
        std::vector<Value> members;
        for (const ast::Member& m : decl->members) {
            auto it = j.find(m.name);
            if (it == j.end()) fail("missing member \"" + m.name + "\" for " + t.structName);
            if (!m.resolved) throw EngineBug("untyped member " + t.structName + "." + m.name);
            path_.pushMember(m.name);
            members.push_back(read(*m.resolved, *it));
            path_.pop();
        }
        return Value::ofStruct(std::move(members));
    }

    Value readArray(const Type& t, const Json& j) {
        if (!t.elem) throw EngineBug("array type without element type");
        if (!j.is_array()) fail("expected a list for " + toString(t) + ", got " + describe(j));
        if (t.size > 0 && j.size() != static_cast<size_t>(t.size)) {
            fail("expected a list of " + std::to_string(t.size) + " elements for " + toString(t) +
                 ", got " + std::to_string(j.size()) + (j.size() == 1 ? " element" : " elements"));
        }
        std::vector<Value> elements;
        elements.reserve(j.size());
        for (size_t i = 0; i < j.size(); ++i) {
            path_.pushIndex(i);
            elements.push_back(read(*t.elem, j[i]));
            path_.pop();
        }
        return Value::ofList(std::move(elements));
    }

    const StructTable& structs_;
    ValuePath path_;
};

std::string plural(size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

ParsedArguments parseArguments(const Signature& signature, const std::string& json,
                               const StructTable& structs) {
    ParsedArguments out;
    Json root;
    if (!readJson(json.empty() ? std::string_view("[]") : std::string_view(json), "--args", root, out.error))
        return out;
    if (!root.is_array()) {
        out.error = "--args: expected a list with one value per parameter, got " + describe(root);
        return out;
    }
    if (root.size() != signature.params.size()) {
        out.error = "--args: " + signature.name + " takes " + plural(signature.params.size(), "argument") +
                    ", got " + plural(root.size(), "value");
        return out;
    }
    for (size_t i = 0; i < signature.params.size(); ++i) {
        const ParamSignature& p = signature.params[i];
        if (!p.type) throw EngineBug("untyped parameter " + p.name + " of " + signature.name);
        ArgumentReader reader(structs);
        try {
            out.values.push_back(reader.read(*p.type, root[i]));
        } catch (const ArgumentError& e) {
            out.error = "argument " + std::to_string(i + 1) + " (" + p.name + ")" + reader.pathText() +
                        ": " + e.detail;
            out.values.clear();
            return out;
        }
    }
    out.ok = true;
    return out;
}

std::string argumentsErrorFor(const std::string& what, const std::string& error) {
    static const std::string kArgs = "--args: ";
    return what + ": " + (error.rfind(kArgs, 0) == 0 ? error.substr(kArgs.size()) : error);
}

}  // namespace lomaw::runtime
