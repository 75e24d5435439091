// libFuzzer entry point, structure-aware: the input drives a generator of JSON argument lists for
// a few fixed signatures (ints, floats, static and unbounded arrays, nested arrays, structs with
// arrays, arrays of structs, Out parameters, no parameters): mostly well-shaped values with
// perturbations — extreme numbers (1e400, 2147483648, -0), non-finite strings and escapes,
// missing and unknown members, wrong lengths, other JSON kinds, nesting far past the depth limit.
// Nothing is compiled; each list goes through what `lomaw run --args` and `lomaw mpirun --batch`
// do with it before a build, and must hold these properties (else abort):
//   * parseArguments never throws: every input is values or a message (runtime/JsonReader.h);
//   * accepted values, printed as `lomaw run` prints them and read back, are the same values;
//   * the one-pass batch encoder (dist/BatchEncoder.h) accepts only batches whose every set the
//     reference path accepts, and then writes exactly the reference path's records.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "dist/BatchEncoder.h"
#include "dist/RecordFormat.h"
#include "runtime/JsonArguments.h"
#include "runtime/JsonResult.h"
#include "sema/TypeChecker.h"
#include "syntax/Parser.h"

namespace {

using namespace lomaw;

const char* kKernel = R"(class P:
    pos : Array[float, 3]
    id : int

class Q:
    ps : Array[P, 2]
    w : Array[float]
    k : int

def f(n : In[int], x : In[float], a : In[Array[float, 3]], p : In[P], grid : In[Array[Array[float]]], d : Out[_dfloat]) -> float:
    return x

def g(qs : In[Array[Q]], k : Out[int]):
    k = 1

def h() -> int:
    return 0
)";

struct Fixture {
    ast::Module module;
    runtime::StructTable structs;
    std::vector<runtime::Signature> signatures;
};

const Fixture& fixture() {
    static const Fixture* f = [] {
        auto* out = new Fixture;
        DiagnosticSink diags;
        out->module = syntax::parse(kKernel, diags);
        if (!sema::check(out->module, diags) || diags.hasErrors()) {
            std::fprintf(stderr, "fuzz_arguments: the fixed kernel does not check\n");
            std::abort();
        }
        out->structs = runtime::StructTable(out->module);
        for (const char* name : {"f", "g", "h"})
            out->signatures.push_back(runtime::signatureOf(*out->module.findFunction(name)));
        return out;
    }();
    return *f;
}

class Generator {
public:
    Generator(const uint8_t* data, size_t size, const runtime::StructTable& structs)
        : data_(data), size_(size), structs_(structs) {}

    unsigned byte() { return pos_ < size_ ? data_[pos_++] : 0; }

    // One argument list for `s`: one value per parameter, with the occasional extra or missing one.
    std::string argumentList(const runtime::Signature& s) {
        std::vector<std::string> values;
        for (const runtime::ParamSignature& p : s.params) values.push_back(value(p.type.get(), 0));
        unsigned shape = byte();
        if (shape == 1 && !values.empty()) values.pop_back();
        if (shape == 2) values.push_back(value(nullptr, 0));
        return list(values);
    }

private:
    static std::string list(const std::vector<std::string>& items) {
        std::string out = "[";
        for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
        return out + "]";
    }

    std::string pick(const std::vector<const char*>& options) { return options[byte() % options.size()]; }

    std::string intText() {
        return pick({"0", "-0", "1", "7", "-2147483648", "2147483647", "2147483648", "-2147483649", "3.0", "1e3",
                     "2.5", "99999999999999999999", "1e400", "-0.0", "1E2", "0.5e1"});
    }

    std::string floatText() {
        return pick({"0", "-0", "1.5", "-2.25e-3", "3.4028235e38", "3.5e38", "1e-46", "1e-400", "1e400", "-1e400",
                     "\"nan\"", "\"inf\"", "\"-inf\"", "\"Nan\"", "\"\\u006ean\"", "0.1", "16777217", "1E+2"});
    }

    // A value for type `t` (null: any value), perturbed now and then.
    std::string value(const Type* t, int depth) {
        unsigned choice = byte() % 16;
        if (choice == 13) return pick({"true", "false", "null", "\"x\"", "{}", "[]", "\"\"", "{\"\": 1}"});
        if (choice == 14) {
            // Nesting around a value, now and then far past the limit (runtime::kMaxJsonDepth).
            size_t levels = byte() % 8 == 0 ? 400 + byte() * 4 : byte() % 6;
            return std::string(levels, '[') + value(t, depth + 1) + std::string(levels, ']');
        }
        if (choice == 15 || !t || depth > 6) return anyValue(depth);
        switch (t->kind) {
            case Type::Kind::Int: return intText();
            case Type::Kind::Float: return floatText();
            case Type::Kind::Struct: return structValue(*t, depth);
            case Type::Kind::Array: return arrayValue(*t, depth);
            case Type::Kind::Void: break;
        }
        return anyValue(depth);
    }

    std::string anyValue(int depth) {
        switch (byte() % 4) {
            case 0: return intText();
            case 1: return floatText();
            case 2: {
                std::vector<std::string> items;
                for (unsigned n = depth > 6 ? 0 : byte() % 4; n > 0; --n) items.push_back(anyValue(depth + 1));
                return list(items);
            }
            default: return "{\"pos\": " + (depth > 6 ? std::string("1") : anyValue(depth + 1)) + "}";
        }
    }

    std::string arrayValue(const Type& t, int depth) {
        size_t n = t.size > 0 ? static_cast<size_t>(t.size) : byte() % 4;
        unsigned change = byte() % 8;
        if (change == 1) ++n;
        if (change == 2 && n > 0) --n;
        std::vector<std::string> items;
        for (size_t i = 0; i < n; ++i) items.push_back(value(t.elem.get(), depth + 1));
        return list(items);
    }

    std::string structValue(const Type& t, int depth) {
        const ast::StructDecl* decl = structs_.find(t.structName);
        if (!decl) return "{}";
        std::vector<std::string> members;
        for (const ast::Member& m : decl->members) {
            unsigned change = byte() % 12;
            if (change == 1) continue;  // missing
            std::string key = change == 2 ? m.name + "_" : m.name;
            members.push_back("\"" + key + "\": " + value(m.resolved.get(), depth + 1));
        }
        if (byte() % 6 == 1 && members.size() > 1) std::swap(members.front(), members.back());  // out of order
        if (byte() % 10 == 1) members.push_back("\"extra\": 1");
        std::string out = "{";
        for (size_t i = 0; i < members.size(); ++i) out += (i ? ", " : "") + members[i];
        return out + "}";
    }

    const uint8_t* data_;
    size_t size_;
    size_t pos_ = 0;
    const runtime::StructTable& structs_;
};

[[noreturn]] void fail(const char* property, const std::string& json) {
    std::fprintf(stderr, "fuzz_arguments: %s\ninput: %s\n", property, json.substr(0, 2000).c_str());
    std::abort();
}

bool sameValue(const runtime::Value& a, const runtime::Value& b) {
    if (a.kind != b.kind || a.items.size() != b.items.size()) return false;
    switch (a.kind) {
        case runtime::Value::Kind::Int: return a.intValue == b.intValue;
        // -0 prints as "-0", which JSON reads back as the integer 0: equal as numbers is enough.
        case runtime::Value::Kind::Float:
            return a.floatValue == b.floatValue || (std::isnan(a.floatValue) && std::isnan(b.floatValue));
        default: break;
    }
    for (size_t i = 0; i < a.items.size(); ++i)
        if (!sameValue(a.items[i], b.items[i])) return false;
    return true;
}

// What `lomaw run` prints for the values, read back: the same values.
void checkRoundTrip(const runtime::Signature& s, const runtime::StructTable& structs, const std::string& json,
                    const runtime::ParsedArguments& parsed) {
    std::string printed = "[";
    for (size_t i = 0; i < s.params.size(); ++i)
        printed += (i ? ", " : "") + runtime::formatValue(*s.params[i].type, parsed.values[i], structs);
    printed += "]";
    runtime::ParsedArguments again = runtime::parseArguments(s, printed, structs);
    if (!again.ok) fail(("printed arguments do not read back: " + again.error).c_str(), json);
    for (size_t i = 0; i < s.params.size(); ++i)
        if (!sameValue(parsed.values[i], again.values[i])) fail("printed arguments read back as other values", json);
}

// The fast batch path agrees with the reference (parseArguments per set, then encodeValue).
void checkBatch(const runtime::Signature& s, const runtime::StructTable& structs, const std::vector<std::string>& sets) {
    std::string batch = "[";
    for (size_t i = 0; i < sets.size(); ++i) batch += (i ? ",\n " : "") + sets[i];
    batch += "]";
    dist::EncodedBatch fast;
    if (!dist::encodeBatchFast(s, structs, batch, fast)) return;  // the reference path decides
    std::string records;
    for (const std::string& set : sets) {
        runtime::ParsedArguments a = runtime::parseArguments(s, set, structs);
        if (!a.ok) fail(("the fast batch path accepted a set the reference rejects: " + a.error).c_str(), batch);
        for (size_t p = 0; p < s.params.size(); ++p) dist::encodeValue(*s.params[p].type, a.values[p], structs, records);
    }
    if (fast.count != sets.size() || fast.records != records) fail("the fast batch path wrote other records", batch);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const Fixture& fx = fixture();
    // The raw bytes as --args: only a message or values, never an exception.
    (void)runtime::parseArguments(fx.signatures[0], std::string(reinterpret_cast<const char*>(data), size), fx.structs);
    Generator gen(data, size, fx.structs);
    const runtime::Signature& s = fx.signatures[gen.byte() % fx.signatures.size()];
    std::vector<std::string> sets;
    for (unsigned n = 1 + gen.byte() % 3; n > 0; --n) {
        std::string json = gen.argumentList(s);
        runtime::ParsedArguments parsed = runtime::parseArguments(s, json, fx.structs);
        if (parsed.ok) checkRoundTrip(s, fx.structs, json, parsed);
        else if (parsed.error.empty()) fail("a rejected argument list without a message", json);
        sets.push_back(json);
    }
    checkBatch(s, fx.structs, sets);
    return 0;
}
