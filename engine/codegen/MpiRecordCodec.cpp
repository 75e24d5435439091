#include "codegen/MpiRecordCodec.h"

#include <stdexcept>

#include "codegen/CBoundsChecks.h"
#include "codegen/CNames.h"

namespace lomaw::codegen {

std::string mpiCodecSupport(bool checkBounds) {
    std::string text = R"(/* ---- Records: reader, writer and the buffer registry of one call ---- */
typedef struct { const unsigned char* p; const unsigned char* end; } _lwmpi_in;
typedef struct { unsigned char* data; size_t size; size_t cap; } _lwmpi_out;
typedef struct { void* data; uint32_t count; int elem; } _lwmpi_buffer;

static _lwmpi_buffer* _lwmpi_buffers = NULL;
static size_t _lwmpi_nbuffers = 0;
static size_t _lwmpi_capbuffers = 0;
static size_t _lwmpi_cursor = 0;

/* A broken record or an exhausted heap: the worker cannot go on (the engine names the rank). */
static void _lwmpi_fatal(const char* what) {
    fprintf(stderr, "lomaw-mpi: rank %d: %s\n", _lwmpi_rank, what);
    fflush(NULL);
    _Exit(70);
}

static void _lwmpi_take(_lwmpi_in* r, void* to, size_t n) {
    if ((size_t)(r->end - r->p) < n) _lwmpi_fatal("malformed input record");
    memcpy(to, r->p, n);
    r->p += n;
}

static inline uint32_t _lwmpi_take_count(_lwmpi_in* r) {
    uint32_t n;
    _lwmpi_take(r, &n, sizeof n);
    return n;
}

static void _lwmpi_put(_lwmpi_out* w, const void* from, size_t n) {
    if (w->size + n > w->cap) {
        size_t cap = w->cap ? w->cap : 4096;
        while (cap < w->size + n) cap *= 2;
        unsigned char* grown = (unsigned char*)realloc(w->data, cap);
        if (!grown) _lwmpi_fatal("out of memory for results");
        w->data = grown;
        w->cap = cap;
    }
    memcpy(w->data + w->size, from, n);
    w->size += n;
}

static inline void _lwmpi_put_count(_lwmpi_out* w, uint32_t n) { _lwmpi_put(w, &n, sizeof n); }

/* Zeroed, at least one element (an empty list still gets a distinct pointer), registered. */
static inline void* _lwmpi_new_buffer(uint32_t count, size_t elem_size, int elem) {
    void* data = calloc(count ? count : 1, elem_size);
    if (!data) _lwmpi_fatal("out of memory for an input array");
    if (_lwmpi_nbuffers == _lwmpi_capbuffers) {
        size_t cap = _lwmpi_capbuffers ? 2 * _lwmpi_capbuffers : 64;
        _lwmpi_buffer* grown = (_lwmpi_buffer*)realloc(_lwmpi_buffers, cap * sizeof *grown);
        if (!grown) _lwmpi_fatal("out of memory for the buffer registry");
        _lwmpi_buffers = grown;
        _lwmpi_capbuffers = cap;
    }
    _lwmpi_buffers[_lwmpi_nbuffers].data = data;
    _lwmpi_buffers[_lwmpi_nbuffers].count = count;
    _lwmpi_buffers[_lwmpi_nbuffers].elem = elem;
    _lwmpi_nbuffers++;
    return data;
}

static inline const _lwmpi_buffer* _lwmpi_next_buffer(void) {
    if (_lwmpi_cursor >= _lwmpi_nbuffers) _lwmpi_fatal("buffer registry out of step");
    return &_lwmpi_buffers[_lwmpi_cursor++];
}

static inline const _lwmpi_buffer* _lwmpi_find_buffer(const void* data, int elem) {
    for (size_t k = 0; k < _lwmpi_nbuffers; ++k)
        if (_lwmpi_buffers[k].data == data && _lwmpi_buffers[k].elem == elem) return &_lwmpi_buffers[k];
    return NULL;
}

static void _lwmpi_free_buffers(void) {
    for (size_t k = 0; k < _lwmpi_nbuffers; ++k) free(_lwmpi_buffers[k].data);
    _lwmpi_nbuffers = 0;
    _lwmpi_cursor = 0;
}

)";
    if (checkBounds) {
        auto insertAfter = [&text](const std::string& anchor, const std::string& line) {
            size_t at = text.find(anchor);
            if (at == std::string::npos) throw std::logic_error("mpiCodecSupport: no anchor " + anchor);
            text.insert(at + anchor.size(), line);
        };
        insertAfter("    _lwmpi_nbuffers++;\n", "    " + std::string(kBoundsRegisterSymbol) + "(data, (long)count);\n");
        insertAfter("    _lwmpi_nbuffers = 0;\n", "    " + std::string(kBoundsResetSymbol) + "();\n");
    }
    return text;
}

std::string mpiValueType(const Type& t) {
    switch (t.kind) {
        case Type::Kind::Int: return "int";
        case Type::Kind::Float: return "float";
        case Type::Kind::Struct: return cStructName(t.structName);
        default: break;
    }
    throw std::logic_error("no C value type for " + toString(t));
}

std::string MpiRecordCodec::inlineSize(const Type& t) {
    switch (t.kind) {
        case Type::Kind::Int: return "sizeof(int)";
        case Type::Kind::Float: return "sizeof(float)";
        case Type::Kind::Struct: return "sizeof(" + cStructName(t.structName) + ")";
        case Type::Kind::Array:
            if (t.isUnboundedArray()) return "sizeof(void*)";
            return "(" + std::to_string(t.size) + " * " + inlineSize(*t.elem) + ")";
        case Type::Kind::Void: break;
    }
    throw std::logic_error("no size for " + toString(t));
}

std::string MpiRecordCodec::bufferElementSize(const Type& arrayType) {
    return arrayType.elem->isArray() ? "sizeof(void*)" : inlineSize(*arrayType.elem);
}

int MpiRecordCodec::typeId(const Type& t) {
    auto [it, inserted] = typeIds_.emplace(toString(t), static_cast<int>(typeIds_.size()));
    return it->second;
}

std::string MpiRecordCodec::name(const std::string& kind, const Type& t, bool& fresh) {
    std::string n = "_lwmpi_" + kind + "_" + std::to_string(typeId(t));
    fresh = done_.emplace(n, n).second;
    return n;
}

namespace {

// `int m` / `float m` / struct members: a statement per member calling `fn` on its address.
std::string memberAddress(const std::string& structName, const std::string& member) {
    return "&((" + cStructName(structName) + "*)_lw_at)->" + cMemberName(member);
}

}  // namespace

const ast::StructDecl& MpiRecordCodec::structDecl(const Type& t) const {
    const ast::StructDecl* decl = module_.findStruct(t.structName);
    if (!decl) throw std::logic_error("unknown struct " + t.structName);
    return *decl;
}

std::string MpiRecordCodec::decodeInline(const Type& t) {
    bool fresh = false;
    std::string fn = name("dec", t, fresh);
    if (!fresh) return fn;
    std::string body;
    switch (t.kind) {
        case Type::Kind::Int:
        case Type::Kind::Float: body = "    _lwmpi_take(_lw_r, _lw_at, " + inlineSize(t) + ");\n"; break;
        case Type::Kind::Struct:
            for (const ast::Member& m : structDecl(t).members)
                body += "    " + decodeInline(*m.resolved) + "(_lw_r, " + memberAddress(t.structName, m.name) + ");\n";
            if (body.empty()) body = "    (void)_lw_r;\n    (void)_lw_at;\n";
            break;
        case Type::Kind::Array:
            if (t.isUnboundedArray()) {
                body = "    void* _lw_buffer = " + decodeBuffer(t) + "(_lw_r);\n    memcpy(_lw_at, &_lw_buffer, sizeof _lw_buffer);\n";
            } else {
                body = "    uint32_t _lw_n = _lwmpi_take_count(_lw_r);\n"
                       "    if (_lw_n != " + std::to_string(t.size) + "u) _lwmpi_fatal(\"static array of the wrong length\");\n"
                       "    for (uint32_t _lw_i = 0; _lw_i < _lw_n; ++_lw_i) " + decodeInline(*t.elem) +
                       "(_lw_r, (unsigned char*)_lw_at + _lw_i * " + inlineSize(*t.elem) + ");\n";
            }
            break;
        case Type::Kind::Void: throw std::logic_error("decode of void");
    }
    code_ += "/* " + toString(t) + ", stored inline */\nstatic void " + fn + "(_lwmpi_in* _lw_r, void* _lw_at) {\n" + body + "}\n\n";
    return fn;
}

std::string MpiRecordCodec::decodeBuffer(const Type& arrayType) {
    bool fresh = false;
    std::string fn = name("decbuf", arrayType, fresh);
    if (!fresh) return fn;
    const Type& e = *arrayType.elem;
    std::string esize = bufferElementSize(arrayType);
    std::string body = "    uint32_t _lw_n = _lwmpi_take_count(_lw_r);\n"
                       "    unsigned char* _lw_data = (unsigned char*)_lwmpi_new_buffer(_lw_n, " + esize + ", " +
                       std::to_string(typeId(e)) + ");\n";
    if (e.isArray()) {
        body += "    for (uint32_t _lw_i = 0; _lw_i < _lw_n; ++_lw_i) {\n"
                "        void* _lw_inner = " + decodeBuffer(e) + "(_lw_r);\n"
                "        memcpy(_lw_data + _lw_i * sizeof(void*), &_lw_inner, sizeof _lw_inner);\n    }\n";
    } else {
        body += "    for (uint32_t _lw_i = 0; _lw_i < _lw_n; ++_lw_i) " + decodeInline(e) + "(_lw_r, _lw_data + _lw_i * " + esize + ");\n";
    }
    body += "    return _lw_data;\n";
    code_ += "/* " + toString(arrayType) + " into a new buffer */\nstatic void* " + fn + "(_lwmpi_in* _lw_r) {\n" + body + "}\n\n";
    return fn;
}

std::string MpiRecordCodec::encodeInline(const Type& t) { return encodeValue(t, EncodePolicy::AfterCall); }

std::string MpiRecordCodec::encodeReturned(const Type& t) { return encodeValue(t, EncodePolicy::Returned); }

// One walk for both policies: scalars, structs and static arrays are written the same way; only
// an unbounded array (a pointer stored inline) differs. After the call it is our own next
// registered buffer, never the pointer now stored there; in a returned value it is the pointer,
// looked up in the registry (null when it is not a buffer of the call).
std::string MpiRecordCodec::encodeValue(const Type& t, EncodePolicy policy) {
    bool returned = policy == EncodePolicy::Returned;
    bool fresh = false;
    std::string fn = name(returned ? "ret" : "enc", t, fresh);
    if (!fresh) return fn;
    std::string body;
    switch (t.kind) {
        case Type::Kind::Int:
        case Type::Kind::Float: body = "    _lwmpi_put(_lw_w, _lw_at, " + inlineSize(t) + ");\n"; break;
        case Type::Kind::Struct:
            for (const ast::Member& m : structDecl(t).members)
                body += "    " + encodeValue(*m.resolved, policy) + "(_lw_w, " + memberAddress(t.structName, m.name) + ");\n";
            if (body.empty()) body = "    (void)_lw_w;\n    (void)_lw_at;\n";
            break;
        case Type::Kind::Array:
            if (t.isUnboundedArray()) {
                body = returned ? "    void* _lw_p;\n    memcpy(&_lw_p, _lw_at, sizeof _lw_p);\n    " + encodeReturnedPointer(t) + "(_lw_w, _lw_p);\n"
                                : "    (void)_lw_at;\n    " + encodeBuffer(t) + "(_lw_w);\n";
            } else {
                body = "    _lwmpi_put_count(_lw_w, " + std::to_string(t.size) + "u);\n"
                       "    for (uint32_t _lw_i = 0; _lw_i < " + std::to_string(t.size) + "u; ++_lw_i) " + encodeValue(*t.elem, policy) +
                       "(_lw_w, (const unsigned char*)_lw_at + _lw_i * " + inlineSize(*t.elem) + ");\n";
            }
            break;
        case Type::Kind::Void: throw std::logic_error("encode of void");
    }
    code_ += "/* " + toString(t) + (returned ? ", returned" : ", stored inline, after the call") + " */\nstatic void " +
             fn + "(_lwmpi_out* _lw_w, const void* _lw_at) {\n" + body + "}\n\n";
    return fn;
}

std::string MpiRecordCodec::encodeBuffer(const Type& arrayType) {
    bool fresh = false;
    std::string fn = name("encbuf", arrayType, fresh);
    if (!fresh) return fn;
    const Type& e = *arrayType.elem;
    std::string esize = bufferElementSize(arrayType);
    std::string body = "    const _lwmpi_buffer* _lw_b = _lwmpi_next_buffer();\n"
                       "    const unsigned char* _lw_data = (const unsigned char*)_lw_b->data;\n"
                       "    uint32_t _lw_n = _lw_b->count;\n"
                       "    _lwmpi_put_count(_lw_w, _lw_n);\n";
    if (e.isArray()) {
        body += "    (void)_lw_data;\n    for (uint32_t _lw_i = 0; _lw_i < _lw_n; ++_lw_i) " + encodeBuffer(e) + "(_lw_w);\n";
    } else {
        body += "    for (uint32_t _lw_i = 0; _lw_i < _lw_n; ++_lw_i) " + encodeInline(e) + "(_lw_w, _lw_data + _lw_i * " + esize + ");\n";
    }
    code_ += "/* " + toString(arrayType) + ": the next registered buffer, after the call */\nstatic void " + fn +
             "(_lwmpi_out* _lw_w) {\n" + body + "}\n\n";
    return fn;
}

std::string MpiRecordCodec::encodeReturnedPointer(const Type& arrayType) {
    bool fresh = false;
    std::string fn = name("retptr", arrayType, fresh);
    if (!fresh) return fn;
    const Type& e = *arrayType.elem;
    std::string esize = bufferElementSize(arrayType);
    std::string body = "    const _lwmpi_buffer* _lw_b = _lwmpi_find_buffer(_lw_p, " + std::to_string(typeId(e)) + ");\n"
                       "    if (!_lw_b) {\n        _lwmpi_put_count(_lw_w, 0xFFFFFFFFu); /* not a buffer of this call: null */\n"
                       "        return;\n    }\n"
                       "    const unsigned char* _lw_data = (const unsigned char*)_lw_b->data;\n"
                       "    _lwmpi_put_count(_lw_w, _lw_b->count);\n";
    if (e.isArray()) {
        body += "    for (uint32_t _lw_i = 0; _lw_i < _lw_b->count; ++_lw_i) {\n"
                "        void* _lw_inner;\n        memcpy(&_lw_inner, _lw_data + _lw_i * sizeof(void*), sizeof _lw_inner);\n"
                "        " + encodeReturnedPointer(e) + "(_lw_w, _lw_inner);\n    }\n";
    } else {
        body += "    for (uint32_t _lw_i = 0; _lw_i < _lw_b->count; ++_lw_i) " + encodeReturned(e) + "(_lw_w, _lw_data + _lw_i * " + esize + ");\n";
    }
    code_ += "/* " + toString(arrayType) + " behind a returned pointer */\nstatic void " + fn +
             "(_lwmpi_out* _lw_w, const void* _lw_p) {\n" + body + "}\n\n";
    return fn;
}

}  // namespace lomaw::codegen
