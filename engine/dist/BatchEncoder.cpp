#include "dist/BatchEncoder.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace lomaw::dist {

namespace {

// One pass over the text. Every method returns false to mean "not in the plain subset or not
// valid": the caller falls back to the reference path, so no message is needed here.
class FastReader {
public:
    FastReader(std::string_view text, const runtime::StructTable& structs, std::string& out)
        : p_(text.data()), end_(text.data() + text.size()), structs_(structs), out_(out) {}

    void skipSpace() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }
    bool atEnd() const { return p_ == end_; }
    bool peek(char c) const { return p_ < end_ && *p_ == c; }
    bool expect(char c) {
        skipSpace();
        if (!peek(c)) return false;
        ++p_;
        return true;
    }
    // After an element: true with `more` telling whether a ',' came, false on anything but ',' / `close`.
    bool separator(char close, bool& more) {
        skipSpace();
        if (peek(',')) {
            ++p_;
            more = true;
            return true;
        }
        if (peek(close)) {
            ++p_;
            more = false;
            return true;
        }
        return false;
    }

    bool value(const Type& t) {
        skipSpace();
        switch (t.kind) {
            case Type::Kind::Int: return intValue();
            case Type::Kind::Float: return floatValue();
            case Type::Kind::Struct: return structValue(t);
            case Type::Kind::Array: return arrayValue(t);
            case Type::Kind::Void: break;
        }
        return false;
    }

private:
    void put(const void* bytes, size_t n) { out_.append(static_cast<const char*>(bytes), n); }

    // A JSON number token (RFC 8259 grammar); `integral` when it has no fraction or exponent.
    bool numberToken(const char*& begin, bool& integral) {
        begin = p_;
        const char* q = p_;
        if (q < end_ && *q == '-') ++q;
        if (q >= end_ || *q < '0' || *q > '9') return false;
        if (*q == '0') {
            ++q;
        } else {
            while (q < end_ && *q >= '0' && *q <= '9') ++q;
        }
        integral = true;
        if (q < end_ && *q == '.') {
            integral = false;
            ++q;
            if (q >= end_ || *q < '0' || *q > '9') return false;
            while (q < end_ && *q >= '0' && *q <= '9') ++q;
        }
        if (q < end_ && (*q == 'e' || *q == 'E')) {
            integral = false;
            ++q;
            if (q < end_ && (*q == '+' || *q == '-')) ++q;
            if (q >= end_ || *q < '0' || *q > '9') return false;
            while (q < end_ && *q >= '0' && *q <= '9') ++q;
        }
        p_ = q;
        return true;
    }

    // As the reference parses a number: strtod-exact doubles (a non-finite one is a JSON error).
    static bool toDouble(const char* begin, const char* end, double& v) {
        auto [ptr, ec] = std::from_chars(begin, end, v);
        return ec == std::errc() && ptr == end && std::isfinite(v);
    }

    bool intValue() {
        const char* begin;
        bool integral;
        if (!numberToken(begin, integral)) return false;
        int32_t v;
        if (integral) {
            int64_t wide;
            auto [ptr, ec] = std::from_chars(begin, p_, wide);
            if (ec != std::errc() || ptr != p_) return false;
            if (wide < std::numeric_limits<int32_t>::min() || wide > std::numeric_limits<int32_t>::max()) return false;
            v = static_cast<int32_t>(wide);
        } else {
            // A float literal with an integral value (2.0, 1e3) is an integral number.
            double d;
            if (!toDouble(begin, p_, d) || d != std::trunc(d)) return false;
            if (d < std::numeric_limits<int32_t>::min() || d > std::numeric_limits<int32_t>::max()) return false;
            v = static_cast<int32_t>(d);
        }
        put(&v, 4);
        return true;
    }

    bool floatValue() {
        float f;
        if (peek('"')) {
            // The strings the reference accepts for non-finite floats, without escapes.
            const char* q = p_ + 1;
            const char* close = static_cast<const char*>(std::memchr(q, '"', static_cast<size_t>(end_ - q)));
            if (!close) return false;
            std::string_view s(q, static_cast<size_t>(close - q));
            if (s == "nan") f = std::numeric_limits<float>::quiet_NaN();
            else if (s == "inf") f = std::numeric_limits<float>::infinity();
            else if (s == "-inf") f = -std::numeric_limits<float>::infinity();
            else return false;
            p_ = close + 1;
        } else {
            const char* begin;
            bool integral;
            double d;
            if (!numberToken(begin, integral)) return false;
            // The reference reads an integer token as an integer first ("-0" is 0, not -0.0),
            // then converts; other integers convert to the same double either way.
            int64_t wide;
            auto [ptr, ec] = integral ? std::from_chars(begin, p_, wide) : std::from_chars_result{begin, std::errc::invalid_argument};
            if (integral && ec == std::errc() && ptr == p_) {
                d = static_cast<double>(wide);
            } else if (!toDouble(begin, p_, d)) {
                return false;
            }
            f = static_cast<float>(d);
        }
        put(&f, 4);
        return true;
    }

    // Members exactly once each, in declaration order (records are in that order); other
    // orders are valid but left to the reference path.
    bool structValue(const Type& t) {
        const ast::StructDecl* decl = structs_.find(t.structName);
        if (!decl || !expect('{')) return false;
        bool more = true;
        if (decl->members.empty()) return expect('}');
        for (size_t m = 0; m < decl->members.size(); ++m) {
            if (!more || !expect('"')) return false;
            const std::string& name = decl->members[m].name;
            if (static_cast<size_t>(end_ - p_) < name.size() + 1 || std::memcmp(p_, name.data(), name.size()) != 0 ||
                p_[name.size()] != '"')
                return false;
            p_ += name.size() + 1;
            if (!expect(':') || !decl->members[m].resolved || !value(*decl->members[m].resolved)) return false;
            if (!separator('}', more)) return false;
        }
        return !more;
    }

    bool arrayValue(const Type& t) {
        if (!t.elem || !expect('[')) return false;
        size_t countAt = out_.size();
        uint32_t n = 0;
        put(&n, 4);
        skipSpace();
        if (peek(']')) {
            ++p_;
        } else {
            for (bool more = true; more;) {
                if (!value(*t.elem) || !separator(']', more)) return false;
                if (++n == std::numeric_limits<uint32_t>::max()) return false;
            }
        }
        if (t.size > 0 && n != static_cast<uint32_t>(t.size)) return false;
        std::memcpy(out_.data() + countAt, &n, 4);
        return true;
    }

    const char* p_;
    const char* end_;
    const runtime::StructTable& structs_;
    std::string& out_;
};

void putU64(std::string& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }

}  // namespace

bool encodeBatchFast(const runtime::Signature& s, const runtime::StructTable& structs, std::string_view json,
                     EncodedBatch& out) {
    out = EncodedBatch{};
    for (const runtime::ParamSignature& p : s.params)
        if (!p.type) return false;
    // A rough guess of the sizes from the text, so the strings grow a few times only.
    out.records.reserve(json.size() / 2);
    FastReader r(json, structs, out.records);
    putU64(out.offsets, 0);
    if (!r.expect('[')) return false;
    r.skipSpace();
    if (r.peek(']')) {
        r.expect(']');
    } else {
        for (bool more = true; more;) {
            if (!r.expect('[')) return false;
            if (s.params.empty()) {
                if (!r.expect(']')) return false;
            } else {
                bool inner = true;
                for (size_t i = 0; i < s.params.size(); ++i) {
                    if (!inner || !r.value(*s.params[i].type) || !r.separator(']', inner)) return false;
                }
                if (inner) return false;  // more values than parameters
            }
            putU64(out.offsets, out.records.size());
            ++out.count;
            if (!r.separator(']', more)) return false;
        }
    }
    r.skipSpace();
    return r.atEnd();
}

}  // namespace lomaw::dist
