// Fortran expressions -> loma expression nodes (see FortranParser.h for the mapping).
#include <cstdlib>

#include "fortran/FortranParserImpl.h"
#include "omp/AccessInspector.h"

namespace lomaw::fortran {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprPtr;

ExprPtr FortranParserImpl::expression() { return orExpr(); }

ExprPtr FortranParserImpl::orExpr() {
    ExprPtr l = andExpr();
    while (peek().is(".or.")) {
        SourceLoc at = next().loc;
        l = ast::makeBinary(BinaryOp::Or, std::move(l), andExpr(), at);
    }
    return l;
}

ExprPtr FortranParserImpl::andExpr() {
    ExprPtr l = notExpr();
    while (peek().is(".and.")) {
        SourceLoc at = next().loc;
        l = ast::makeBinary(BinaryOp::And, std::move(l), notExpr(), at);
    }
    return l;
}

ExprPtr FortranParserImpl::notExpr() {
    if (peek().is(".not.")) {
        SourceLoc at = next().loc;
        std::vector<ExprPtr> args;
        args.push_back(notExpr());
        return ast::makeCall("not", std::move(args), at);
    }
    return relational();
}

ExprPtr FortranParserImpl::relational() {
    ExprPtr l = additive();
    struct Rel {
        const char* a;
        const char* b;
        BinaryOp op;
    };
    static const Rel rels[] = {{"<", ".lt.", BinaryOp::Less},       {"<=", ".le.", BinaryOp::LessEq},
                               {">", ".gt.", BinaryOp::Greater},    {">=", ".ge.", BinaryOp::GreaterEq},
                               {"==", ".eq.", BinaryOp::Equal}};
    for (const Rel& r : rels)
        if (peek().is(r.a) || peek().is(r.b)) {
            SourceLoc at = next().loc;
            return ast::makeBinary(r.op, std::move(l), additive(), at);
        }
    if (peek().is("/=") || peek().is(".ne.")) {
        SourceLoc at = next().loc;
        std::vector<ExprPtr> args;
        args.push_back(std::move(l));
        args.push_back(additive());
        return ast::makeCall("ne", std::move(args), at);
    }
    return l;
}

ExprPtr FortranParserImpl::additive() {
    ExprPtr l;
    if (peek().is("-") || peek().is("+")) {
        const Token& sign = next();
        ExprPtr operand = multiplicative();
        l = sign.text == "-" ? ast::makeNeg(std::move(operand), sign.loc) : std::move(operand);
    } else {
        l = multiplicative();
    }
    while (peek().is("+") || peek().is("-")) {
        const Token& op = next();
        l = ast::makeBinary(op.text == "+" ? BinaryOp::Add : BinaryOp::Sub, std::move(l), multiplicative(), op.loc);
    }
    return l;
}

ExprPtr FortranParserImpl::multiplicative() {
    ExprPtr l = power();
    while (peek().is("*") || peek().is("/")) {
        const Token& op = next();
        l = ast::makeBinary(op.text == "*" ? BinaryOp::Mul : BinaryOp::Div, std::move(l), power(), op.loc);
    }
    return l;
}

ExprPtr FortranParserImpl::power() {
    ExprPtr base = primary();
    if (peek().is("**")) {
        SourceLoc at = next().loc;
        std::vector<ExprPtr> args;
        args.push_back(std::move(base));
        if (peek().is("-")) {  // x**-1 (a common extension)
            SourceLoc minus = next().loc;
            args.push_back(ast::makeNeg(power(), minus));
        } else {
            args.push_back(power());
        }
        return ast::makeCall("pow", std::move(args), at);
    }
    return base;
}

ExprPtr FortranParserImpl::primary() {
    const Token& t = peek();
    switch (t.kind) {
        case Token::Kind::Int:
            next();
            return ast::makeInt(std::strtoll(t.text.c_str(), nullptr, 10), t.loc);
        case Token::Kind::Real: {
            next();
            std::string s = t.text;
            for (char& c : s)
                if (c == 'd') c = 'e';
            return ast::makeFloat(std::strtod(s.c_str(), nullptr), t.loc);
        }
        case Token::Kind::Ident:
            next();
            return reference(t, false);
        case Token::Kind::Op:
            if (t.is(".true.") || t.is(".false.")) {
                next();
                return ast::makeInt(t.is(".true.") ? 1 : 0, t.loc);
            }
            if (t.is("(")) {
                next();
                ExprPtr e = expression();
                expect(")");
                return e ? std::move(e) : ast::makeInt(0, t.loc);
            }
            break;
        default: break;
    }
    if (t.kind == Token::Kind::End)
        expect("an expression");
    else
        unsupported(t, "'" + t.text + "' in an expression");
    return ast::makeInt(0, t.loc);
}

// One array subscript or call argument: an expression or a slice lo:hi[:step].
ExprPtr FortranParserImpl::subscriptArg() {
    const SourceLoc at = peek().loc;
    std::vector<ExprPtr> parts;
    bool slice = false;
    auto bound = [&]() {
        if (peek().is(":") || peek().is(",") || peek().is(")")) return ast::makeVar("", at);  // omitted
        return expression();
    };
    parts.push_back(bound());
    while (accept(":")) {
        slice = true;
        parts.push_back(bound());
    }
    if (!slice) return std::move(parts.front());
    return ast::makeCall(omp::kSliceCallee, std::move(parts), at);
}

bool FortranParserImpl::isArray(const std::string& name) const {
    auto d = decls_.find(name);
    return d != decls_.end() && d->second.type && d->second.type->isArray();
}

// A name used as a scalar: declared, or typed implicitly unless `implicit none`.
ExprPtr FortranParserImpl::variable(const Token& name) {
    if (!decls_.count(name.text)) {
        if (implicitNone_) {
            if (!failed_)
                diags_.error(name.loc, "fortran-undeclared", "'" + name.text + "' is not declared (implicit none)");
            failed_ = true;
        } else {
            Declared d;
            d.type = name.text[0] >= 'i' && name.text[0] <= 'n' ? Type::intType() : Type::floatType();
            d.loc = name.loc;
            for (const std::string& p : paramOrder_) d.isParam = d.isParam || p == name.text;
            d.intentIn = false;
            decls_[name.text] = d;
            declOrder_.push_back(name.text);
        }
    }
    return ast::makeVar(name.text, name.loc);
}

// name, name(i, j) (array element or section: a[i][j]) or f(x, y) (an intrinsic call).
ExprPtr FortranParserImpl::reference(const Token& name, bool asTarget) {
    if (!peek().is("(")) return variable(name);
    const bool array = isArray(name.text);
    if (!array && asTarget) {
        unsupported(name, "assigning to '" + name.text + "(...)', which is not a declared array,");
        return nullptr;
    }
    next();
    std::vector<ExprPtr> args;
    if (!peek().is(")")) {
        do {
            args.push_back(array ? subscriptArg() : expression());
        } while (!failed_ && accept(","));
    }
    expect(")");
    if (!array) return ast::makeCall(name.text, std::move(args), name.loc);
    ExprPtr e = ast::makeVar(name.text, name.loc);
    for (ExprPtr& a : args) e = ast::makeIndex(std::move(e), std::move(a), name.loc);
    return e;
}

}  // namespace lomaw::fortran
