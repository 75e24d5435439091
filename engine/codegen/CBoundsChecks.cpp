#include "codegen/CBoundsChecks.h"

#include "codegen/CText.h"
#include "syntax/PrettyPrinter.h"

namespace lomaw::codegen {

namespace {

// Open addressing on the pointer (a power-of-two table, at most half full): the lookup is a few
// loads however many buffers a call has (an array of arrays registers every row).
const char* kBoundsSupport = R"(/* Bounds checks (--check-bounds): element counts of the caller's buffers by base pointer. */
typedef struct { const void* data; long count; } _lw_extent;
static _lw_extent* _lw_extents = NULL;
static size_t _lw_extents_cap = 0; /* 0 or a power of two */
static size_t _lw_extents_used = 0;

static size_t _lw_extent_slot(const _lw_extent* table, size_t cap, const void* data) {
    size_t k = (size_t)((((unsigned long long)(size_t)data) >> 4) * 0x9E3779B97F4A7C15ULL) & (cap - 1);
    while (table[k].data && table[k].data != data) k = (k + 1) & (cap - 1);
    return k;
}

void _lw_bounds_register(const void* data, long count);
void _lw_bounds_register(const void* data, long count) {
    if (!data) return;
    if (2 * (_lw_extents_used + 1) > _lw_extents_cap) {
        size_t cap = _lw_extents_cap ? 2 * _lw_extents_cap : 64;
        _lw_extent* grown = (_lw_extent*)calloc(cap, sizeof *grown);
        if (!grown) _lw_runtime_error("out of memory for the bounds registry");
        for (size_t k = 0; k < _lw_extents_cap; ++k)
            if (_lw_extents[k].data) grown[_lw_extent_slot(grown, cap, _lw_extents[k].data)] = _lw_extents[k];
        free(_lw_extents);
        _lw_extents = grown;
        _lw_extents_cap = cap;
    }
    size_t k = _lw_extent_slot(_lw_extents, _lw_extents_cap, data);
    if (!_lw_extents[k].data) ++_lw_extents_used;
    _lw_extents[k].data = data;
    _lw_extents[k].count = count;
}

void _lw_bounds_reset(void);
void _lw_bounds_reset(void) {
    free(_lw_extents);
    _lw_extents = NULL;
    _lw_extents_cap = 0;
    _lw_extents_used = 0;
}

static void _lw_bounds_fail(long index, long size, const char* name, const char* where) {
    char message[600];
    snprintf(message, sizeof message, "index %ld out of bounds for '%.200s' (size %ld) at %.300s", index, name, size,
             where);
    _lw_runtime_error(message);
}

/* A sized array: its declared size. */
static inline int _lw_bound(int index, long size, const char* name, const char* where) {
    if (index < 0 || index >= size) _lw_bounds_fail(index, size, name, where);
    return index;
}

/* Sized local arrays, per thread: the live ones, innermost last (pushed at their declaration,
   popped when their block ends or their function returns). */
typedef struct { const void* data; long count; size_t elem; } _lw_local;
static _Thread_local _lw_local* _lw_locals = NULL;
static _Thread_local size_t _lw_locals_used = 0;
static _Thread_local size_t _lw_locals_cap = 0;
/* While a parallel region runs: the locals of the thread that opened it, copied on entry. */
static _lw_local* _lw_outer = NULL;
static size_t _lw_outer_used = 0;
static int _lw_outer_depth = 0;
#ifdef _OPENMP
int omp_in_parallel(void);
#endif

static inline size_t _lw_bounds_mark(void) { return _lw_locals_used; }
static inline void _lw_bounds_release(size_t mark) { _lw_locals_used = mark; }

static inline void _lw_bounds_local(const void* data, long count, size_t elem) {
    if (_lw_locals_used == _lw_locals_cap) {
        size_t cap = _lw_locals_cap ? 2 * _lw_locals_cap : 32;
        _lw_local* grown = (_lw_local*)realloc(_lw_locals, cap * sizeof *grown);
        if (!grown) _lw_runtime_error("out of memory for the bounds registry");
        _lw_locals = grown;
        _lw_locals_cap = cap;
    }
    _lw_locals[_lw_locals_used].data = data;
    _lw_locals[_lw_locals_used].count = count;
    _lw_locals[_lw_locals_used].elem = elem;
    ++_lw_locals_used;
}

/* Only the thread outside every active region shares and unshares: a nested region keeps the
   copy of the outermost one. */
static inline void _lw_bounds_share(void) {
#ifdef _OPENMP
    if (omp_in_parallel()) return;
#endif
    if (_lw_outer_depth++ > 0 || !_lw_locals_used) return;
    _lw_outer = (_lw_local*)malloc(_lw_locals_used * sizeof *_lw_outer);
    if (!_lw_outer) _lw_runtime_error("out of memory for the bounds registry");
    for (size_t k = 0; k < _lw_locals_used; ++k) _lw_outer[k] = _lw_locals[k];
    _lw_outer_used = _lw_locals_used;
}

static inline void _lw_bounds_unshare(void) {
#ifdef _OPENMP
    if (omp_in_parallel()) return;
#endif
    if (--_lw_outer_depth > 0) return;
    free(_lw_outer);
    _lw_outer = NULL;
    _lw_outer_used = 0;
}

/* The element count of the array at `data`, -1 when it is not known. */
static long _lw_extent_of(const void* data, size_t elem) {
    if (_lw_extents_cap) {
        const _lw_extent* e = &_lw_extents[_lw_extent_slot(_lw_extents, _lw_extents_cap, data)];
        if (e->data) return e->count;
    }
    for (size_t k = _lw_locals_used; k-- > 0;)
        if (_lw_locals[k].data == data && _lw_locals[k].elem == elem) return _lw_locals[k].count;
    for (size_t k = _lw_outer_used; k-- > 0;)
        if (_lw_outer[k].data == data && _lw_outer[k].elem == elem) return _lw_outer[k].count;
    return -1;
}

/* An unbounded array: the known count, if any. Returns the address of element `index`. */
static inline void* _lw_bound_at(void* data, size_t elem_size, int index, const char* name, const char* where) {
    long count = _lw_extent_of(data, elem_size);
    if (count >= 0 && (index < 0 || index >= count)) _lw_bounds_fail(index, count, name, where);
    return (char*)data + (long)index * (long)elem_size;
}
)";

// "FILE:LINE:COL" of the index (the indexed expression's start when the index has no position,
// as in some generated derivative code; the file alone when neither has one).
std::string position(const CUnitContext& unit, const ast::Expr& indexed, const ast::Expr& index) {
    const SourceLoc& loc = index.loc.valid() ? index.loc : indexed.loc;
    if (!loc.valid()) return unit.sourceName;
    return unit.sourceName + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

}  // namespace

void emitBoundsSupport(const CUnitContext&, CWriter& out) {
    std::string text = kBoundsSupport;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.line(0, text.substr(start, end - start));
        start = end + 1;
    }
    out.blank();
}

bool holdsSizedArray(const ast::Module& m, const Type& t) {
    if (t.isArray()) return t.size > 0;  // an unbounded array is a pointer to memory the caller owns
    if (!t.isStruct()) return false;
    const ast::StructDecl* s = m.findStruct(t.structName);
    if (!s) return false;
    for (const ast::Member& member : s->members)
        if (member.resolved && holdsSizedArray(m, *member.resolved)) return true;
    return false;
}

namespace {

void registerAt(const CUnitContext& unit, const Type& t, const std::string& cExpr, int indent, int line,
                CWriter& out, int depth) {
    auto eachElement = [&](const Type& elem) {
        const std::string k = "_lw_bk" + std::to_string(depth);
        out.line(indent, "for (int " + k + " = 0; " + k + " < " + std::to_string(t.size) + "; " + k + "++) {", line);
        registerAt(unit, elem, cExpr + "[" + k + "]", indent + 1, line, out, depth + 1);
        out.line(indent, "}", line);
    };
    if (t.isArray() && t.size > 0 && t.elem) {
        if (t.elem->isArray() && t.elem->size > 0) {  // contiguous rows: each row is an array
            eachElement(*t.elem);
            return;
        }
        out.line(indent, "_lw_bounds_local(" + cExpr + ", " + std::to_string(t.size) + ", sizeof (" + cExpr + ")[0]);",
                 line);
        if (t.elem->isStruct() && holdsSizedArray(unit.module, *t.elem)) eachElement(*t.elem);
        return;
    }
    if (!t.isStruct()) return;
    const ast::StructDecl* s = unit.module.findStruct(t.structName);
    if (!s) return;
    for (const ast::Member& member : s->members)
        if (member.resolved && holdsSizedArray(unit.module, *member.resolved))
            registerAt(unit, *member.resolved, cExpr + "." + cMemberName(member.name), indent, line, out, depth);
}

}  // namespace

void registerLocal(const CUnitContext& unit, const Type& t, const std::string& cExpr, int indent, int line,
                   CWriter& out) {
    registerAt(unit, t, cExpr, indent, line, out, 0);
}

std::string boundsMark(const std::string& name) { return "size_t " + name + " = _lw_bounds_mark();"; }
std::string boundsRelease(const std::string& name) { return "_lw_bounds_release(" + name + ");"; }

CExpr checkedIndex(const CUnitContext& unit, const ast::Expr& indexed, const CExpr& base, const std::string& index,
                   const ast::Expr& indexExpr) {
    const std::string name = cStringLiteral(syntax::printExpr(indexed));
    const std::string where = cStringLiteral(position(unit, indexed, indexExpr));
    const Type* t = indexed.type.get();
    if (t && t->isArray() && t->size > 0) {
        return {cWrap(base, kPrecPostfix) + "[" + unit.names.boundsCheckHelper() + "(" + index + ", " +
                    std::to_string(t->size) + ", " + name + ", " + where + ")]",
                kPrecPostfix};
    }
    // A pointer: the element's C type is the pointer type without its last '*'.
    const std::string pointer = t ? cParamType(*t, false) : "void*";
    const std::string element = pointer.substr(0, pointer.size() - 1);
    return {"((" + pointer + ")" + unit.names.boundsLookupHelper() + "(" + base.text + ", sizeof(" + element + "), " +
                index + ", " + name + ", " + where + "))[0]",
            kPrecPostfix};
}

}  // namespace lomaw::codegen
