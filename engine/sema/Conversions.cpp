#include "sema/Conversions.h"

#include "sema/ErrorType.h"

namespace lomaw::sema {

void wrapConversion(ast::ExprPtr& e, const char* fn, TypePtr type) {
    SourceLoc loc = e->loc;
    std::vector<ast::ExprPtr> args;
    args.push_back(std::move(e));
    e = ast::makeCall(fn, std::move(args), loc);
    e->type = std::move(type);
    e->implicitConversion = true;
}

bool convertTo(ast::ExprPtr& e, const TypePtr& target) {
    if (!e || isError(e->type) || isError(target)) return true;
    if (sameType(e->type, target)) return !target->isVoid();
    if (e->type->isInt() && target->isFloat()) {
        wrapConversion(e, "int2float", Type::floatType());
        return true;
    }
    if (e->type->isFloat() && target->isInt()) {
        wrapConversion(e, "float2int", Type::intType());
        return true;
    }
    return false;
}

bool arrayArgumentMatches(const Type& param, const Type& arg) {
    if (!param.isArray() || !arg.isArray()) return false;
    if (sameType(param, arg)) return true;
    return param.size == 0 && param.elem && arg.elem && !param.elem->isArray() &&
           sameType(*param.elem, *arg.elem);
}

}  // namespace lomaw::sema
