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

/* An unbounded array: the registered count, if any. Returns the address of element `index`. */
static inline void* _lw_bound_at(void* data, size_t elem_size, int index, const char* name, const char* where) {
    if (_lw_extents_cap) {
        const _lw_extent* e = &_lw_extents[_lw_extent_slot(_lw_extents, _lw_extents_cap, data)];
        if (e->data && (index < 0 || index >= e->count)) _lw_bounds_fail(index, e->count, name, where);
    }
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
