// Fortran expressions -> loma expression nodes (see FortranParser.h for the mapping): operators
// by precedence, literals, array constructors with implied do loops, references to variables,
// array elements and sections, derived-type components (flattened to their path, d%u), calls
// to the file's functions, to intrinsics (passive results and arguments marked) and to
// external functions.
#include <cstdlib>
#include <functional>

#include "fortran/FortranIntrinsics.h"
#include "fortran/FortranParserImpl.h"
#include "omp/AccessInspector.h"

namespace lomaw::fortran {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprPtr;

namespace {

ExprPtr call1(const char* name, ExprPtr a, SourceLoc at) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(a));
    return ast::makeCall(name, std::move(args), at);
}

ExprPtr call2(const char* name, ExprPtr a, ExprPtr b, SourceLoc at) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(a));
    args.push_back(std::move(b));
    return ast::makeCall(name, std::move(args), at);
}

}  // namespace

ExprPtr FortranParserImpl::expression() { return equivExpr(); }

ExprPtr FortranParserImpl::equivExpr() {
    ExprPtr l = orExpr();
    while (peek().is(".eqv.") || peek().is(".neqv.")) {
        const Token& op = next();
        l = op.is(".eqv.") ? ast::makeBinary(BinaryOp::Equal, std::move(l), orExpr(), op.loc)
                           : call2("ne", std::move(l), orExpr(), op.loc);
    }
    return l;
}

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
        return call1("not", notExpr(), at);
    }
    return relational();
}

ExprPtr FortranParserImpl::relational() {
    ExprPtr l = concat();
    struct Rel {
        const char* a;
        const char* b;
        BinaryOp op;
    };
    static const Rel rels[] = {{"<", ".lt.", BinaryOp::Less},    {"<=", ".le.", BinaryOp::LessEq},
                               {">", ".gt.", BinaryOp::Greater}, {">=", ".ge.", BinaryOp::GreaterEq},
                               {"==", ".eq.", BinaryOp::Equal}};
    for (const Rel& r : rels)
        if (peek().is(r.a) || peek().is(r.b)) {
            SourceLoc at = next().loc;
            return ast::makeBinary(r.op, std::move(l), concat(), at);
        }
    if (peek().is("/=") || peek().is(".ne.")) {
        SourceLoc at = next().loc;
        return call2("ne", std::move(l), concat(), at);
    }
    return l;
}

ExprPtr FortranParserImpl::concat() {
    ExprPtr l = additive();
    while (peek().is("//")) {
        SourceLoc at = next().loc;
        l = call2("__concat", std::move(l), additive(), at);
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
    // '/' before ')' closes an array constructor (/ ... /), it does not divide.
    while (peek().is("*") || (peek().is("/") && !peek(1).is(")"))) {
        const Token& op = next();
        l = ast::makeBinary(op.text == "*" ? BinaryOp::Mul : BinaryOp::Div, std::move(l), power(), op.loc);
    }
    return l;
}

ExprPtr FortranParserImpl::power() {
    ExprPtr base = unary();
    if (peek().is("**")) {
        SourceLoc at = next().loc;
        return call2("pow", std::move(base), power(), at);  // right associative; x**-1 via unary
    }
    return base;
}

// A sign where an operand is expected (a * -b, x**-1: common extensions).
ExprPtr FortranParserImpl::unary() {
    if (peek().is("-")) {
        SourceLoc at = next().loc;
        return ast::makeNeg(unary(), at);
    }
    if (peek().is("+")) {
        next();
        return unary();
    }
    return primary();
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
        case Token::Kind::Str:
            next();
            return ast::makeInt(0, t.loc);  // a character constant: no value the analysis needs
        case Token::Kind::Ident:
            next();
            return reference(t, false);
        case Token::Kind::Op:
            if (t.is(".true.") || t.is(".false.")) {
                next();
                return ast::makeInt(t.is(".true.") ? 1 : 0, t.loc);
            }
            if (t.is("(") && peek(1).is("/")) {
                next();
                next();
                return arrayConstructor(t, "/");
            }
            if (t.is("[")) {
                next();
                return arrayConstructor(t, "]");
            }
            if (t.is("(")) {
                next();
                ExprPtr e = expression();
                if (accept(",")) {  // a complex literal (re, im)
                    ExprPtr im = expression();
                    expect(")");
                    return call2("__complex", std::move(e), std::move(im), t.loc);
                }
                expect(")");
                return e ? std::move(e) : ast::makeInt(0, t.loc);
            }
            break;
        default: break;
    }
    if (t.kind == Token::Kind::End)
        expect("an expression");
    else
        error(t.loc, {msg::FortranInExpression, t.text});
    return ast::makeInt(0, t.loc);
}

// (/ items /) or [ items ]: the values are read; implied do loops `(a(i), i = 1, n)` become a
// For loop reading them, placed before the statement (their index is a loop variable).
ExprPtr FortranParserImpl::arrayConstructor(const Token& open, const char* close) {
    // [real(8) :: ...] type spec
    for (size_t i = k_; i < toks_.size() && !toks_[i].is(close); ++i)
        if (toks_[i].is("::")) {
            k_ = i + 1;
            break;
        }
    std::vector<ExprPtr> items;
    auto endHere = [&]() { return std::string(close) == "/" ? peek().is("/") && peek(1).is(")") : peek().is("]"); };
    // An implied do `(items, name = a, b)` as a for loop reading its items; items may be
    // implied do loops themselves: `((a(i,j), i = 1, n), j = 1, m)`.
    std::function<ast::StmtPtr()> impliedDo = [&]() -> ast::StmtPtr {
        const Token& paren = next();
        std::vector<ExprPtr> inner;
        std::vector<ast::StmtPtr> nested;
        while (!failed_ && !(peek().kind == Token::Kind::Ident && peek(1).is("="))) {
            if (opensImpliedDo()) nested.push_back(impliedDo());
            else inner.push_back(expression());
            if (!accept(",")) break;
        }
        ast::StmtPtr loop = impliedDoControl(paren.loc);
        for (ast::StmtPtr& n : nested)
            if (n) loop->body.push_back(std::move(n));
        if (!inner.empty()) loop->body.push_back(readsOf(std::move(inner), paren.loc));
        return failed_ ? nullptr : std::move(loop);
    };
    while (!atEnd() && !endHere() && !failed_) {
        if (opensImpliedDo()) {
            if (ast::StmtPtr loop = impliedDo()) before_.push_back(std::move(loop));
        } else {
            items.push_back(expression());
        }
        if (!accept(",")) break;
    }
    if (std::string(close) == "/") {
        expect("/");
        expect(")");
    } else {
        expect("]");
    }
    return ast::makeCall("__array", std::move(items), open.loc);
}

// One array subscript: an expression or a section lo:hi[:step] (omitted bounds are empty names).
ExprPtr FortranParserImpl::subscriptArg() {
    const SourceLoc at = peek().loc;
    std::vector<ExprPtr> parts;
    bool slice = false;
    auto bound = [&]() {
        if (peek().is(":") || peek().is(",") || peek().is(")")) return ast::makeVar("", at);
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

// (args) of a call: keyword arguments go to their dummy's position when the callee is a
// procedure of the file; absent optional arguments in between are __absent().
std::vector<ExprPtr> FortranParserImpl::callArguments(const std::string& callee) {
    std::vector<ExprPtr> args;
    if (!accept("(")) return args;
    if (accept(")")) return args;
    auto dummies = procedures_.find(callee);
    do {
        if (accept("*")) {  // alternate return label
            next();
            continue;
        }
        std::string keyword;
        if (peek().kind == Token::Kind::Ident && peek(1).is("=")) {
            keyword = next().text;
            next();
        }
        ExprPtr a = expression();
        size_t pos = args.size();
        if (!keyword.empty() && dummies != procedures_.end())
            for (size_t k = 0; k < dummies->second.size(); ++k)
                if (dummies->second[k] == keyword) pos = k;
        while (args.size() <= pos) args.push_back(ast::makeCall("__absent", {}, a ? a->loc : SourceLoc{}));
        args[pos] = std::move(a);
    } while (!failed_ && accept(","));
    expect(")");
    return args;
}

const DerivedType* FortranParserImpl::findType(const std::string& name) const {
    if (typeDef_ && typeDef_->name == name) return &*typeDef_;
    for (auto it = levels_.rbegin(); it != levels_.rend(); ++it) {
        auto t = (*it)->symbols.types.find(name);
        if (t != (*it)->symbols.types.end()) return &t->second;
    }
    return nullptr;
}

const Entity* FortranParserImpl::lookup(const std::string& name, bool* fromHost) const {
    for (auto it = levels_.rbegin(); it != levels_.rend(); ++it) {
        auto e = (*it)->symbols.names.find(name);
        if (e != (*it)->symbols.names.end()) {
            if (fromHost) *fromHost = it != levels_.rbegin();
            return &e->second;
        }
    }
    return nullptr;
}

bool FortranParserImpl::externalModuleInScope() const {
    for (const auto& lv : levels_)
        if (!lv->symbols.externalModules.empty()) return true;
    return false;
}

// A name used as a variable: declared, typed implicitly, taken from a module not in the file,
// or (implicit none) an error, once per name and procedure.
const Entity* FortranParserImpl::resolve(const Token& name, bool reportUndeclared) {
    if (const Entity* e = lookup(name.text)) return e;
    if (name.text[0] == '_') {
        // No Fortran name starts with '_': a macro of the C preprocessor (`-D_NX=400`) that the
        // build defines. A constant (never a variable to scope), typed by its first letter.
        Entity macro;
        const size_t letter = name.text.find_first_not_of('_');
        const char c = letter == std::string::npos ? 'a' : name.text[letter];
        macro.base = c >= 'i' && c <= 'n' ? Entity::Base::Int : Entity::Base::Real;
        macro.parameter = true;
        macro.typed = true;
        note(name.loc, {msg::PreprocessorMacro, name.text});
        Entity* declared = declare(name.text, name.loc, macro);
        declared->branches.clear();  // one definition whatever branch it is first used in
        return declared;
    }
    Entity e = implicitEntity(name.text);
    if (e.base == Entity::Base::Unknown) {
        if (externalModuleInScope()) {
            e.base = name.text[0] >= 'i' && name.text[0] <= 'n' ? Entity::Base::Int : Entity::Base::Real;
            e.saved = true;  // a module variable
            e.guessed = true;
        } else {
            Level* p = procedure();
            if (reportUndeclared && p && p->reported.insert(name.text).second)
                diags_.report(name.loc, msg::FortranUndeclared, name.text);
            failed_ = true;
            e.base = Entity::Base::Real;
        }
    }
    return declare(name.text, name.loc, e);
}

void FortranParserImpl::use(const std::string& flat, TypePtr type) {
    if (Level* p = procedure()) p->used[flat] = std::move(type);
}

size_t FortranParserImpl::argumentCount() const {
    const size_t close = matching(k_);
    size_t commas = 1;
    int depth = 0;
    for (size_t i = k_; i < close && i < toks_.size(); ++i) {
        if (toks_[i].is("(") || toks_[i].is("[")) ++depth;
        if (toks_[i].is(")") || toks_[i].is("]")) --depth;
        if (depth == 1 && toks_[i].is(",")) ++commas;
    }
    return commas;
}

ExprPtr FortranParserImpl::intrinsicCall(const Token& name, std::vector<ExprPtr> args) {
    for (size_t k = 0; k < args.size(); ++k)
        if (args[k] && isPassiveArgument(name.text, k)) {
            const SourceLoc at = args[k]->loc;
            args[k] = call1(omp::kPassiveCallee, std::move(args[k]), at);
        }
    ExprPtr c = ast::makeCall(name.text, std::move(args), name.loc);
    if (hasPassiveResult(name.text)) return call1(omp::kPassiveCallee, std::move(c), name.loc);
    return c;
}

namespace {

bool intElement(const TypePtr& t) {
    const Type* ty = t.get();
    while (ty && ty->isArray()) ty = ty->elem.get();
    return ty && ty->isInt();
}

int rankOfType(const TypePtr& t) {
    int r = 0;
    for (const Type* ty = t.get(); ty && ty->isArray(); ty = ty->elem.get()) ++r;
    return r;
}

}  // namespace

// name, name(i, j), name(i)%comp(j)..., f(x) (a call), or a character substring.
ExprPtr FortranParserImpl::reference(const Token& name, bool asTarget) {
    Level* proc = procedure();
    const bool parens = peek().is("(");
    auto callTo = [&](bool external) -> ExprPtr {
        std::vector<ExprPtr> args = callArguments(name.text);
        if (asTarget) {
            error(name.loc, {msg::FortranAssignToNonArray, name.text});
            return nullptr;
        }
        if (external) {
            size_t& n = stubArity_[name.text];
            n = std::max(n, args.size());
            if (calledExternals_.insert(name.text).second)
                note(name.loc, {msg::ExternalFunction, name.text});
        }
        return ast::makeCall(name.text, std::move(args), name.loc);
    };
    // The first level: an associate name, a declared entity, or a call.
    std::string path = name.text;
    Entity cur;
    bool fromOutside = false;  // needs a Declare in this procedure
    auto alias = proc ? proc->aliases.find(name.text) : decltype(proc->aliases.end()){};
    if (proc && alias != proc->aliases.end()) {
        path = alias->second;
        auto t = proc->used.find(path);
        if (t != proc->used.end()) {
            cur.base = intElement(t->second) ? Entity::Base::Int : Entity::Base::Real;
            cur.rank = rankOfType(t->second);
            cur.extents.assign(static_cast<size_t>(cur.rank), 0);
        } else if (const Entity* target = lookup(path, &fromOutside)) {
            cur = *target;
        }
        fromOutside = true;
    } else {
        const Entity* e = lookup(name.text, &fromOutside);
        const bool isFunction = functions_.count(name.text) > 0 && !(proc && proc->result == name.text);
        if (!e) {
            if (parens && !asTarget) {
                if (isFunction || procedures_.count(name.text)) return callTo(false);
                if (isIntrinsicFunction(name.text)) return intrinsicCall(name, callArguments(name.text));
                if (!externalModuleInScope() && implicitEntity(name.text).base != Entity::Base::Unknown)
                    return callTo(true);  // an external function with an implicit interface
            }
            e = resolve(name, true);
            if (!e || failed_) return ast::makeInt(0, name.loc);
        }
        if (parens && e->external) return callTo(!procedures_.count(name.text));
        if (parens && e->rank == 0 && e->base != Entity::Base::Derived && e->base != Entity::Base::Character) {
            if (e->guessed) {  // a module array used here first
                Entity* m = const_cast<Entity*>(e);
                m->rank = static_cast<int>(argumentCount());
                m->extents.assign(static_cast<size_t>(m->rank), 0);
            } else if (!asTarget) {
                if (isFunction || procedures_.count(name.text)) return callTo(false);
                // An intrinsic, typed or not (integer :: omp_get_thread_num is an old habit).
                if (isIntrinsicFunction(name.text)) return intrinsicCall(name, callArguments(name.text));
                return callTo(true);  // real :: f ... f(x): an external function
            }
        }
        cur = *e;
        fromOutside = fromOutside || e->guessed;
    }
    // Level by level: subscripts (sections for an array level followed by '%'), components.
    std::vector<ExprPtr> subs;
    int totalRank = 0;
    std::vector<long long> extents;
    auto levelSubscripts = [&](const Entity& level) {
        if (peek().is("(")) {
            next();
            if (level.rank == 0) {  // a character substring: its bounds are read, the name is the value
                if (!accept(")")) {
                    do {
                        ExprPtr bound = subscriptArg();
                        (void)bound;
                    } while (!failed_ && accept(","));
                    expect(")");
                }
            } else {
                int n = 0;
                if (!peek().is(")")) {
                    do {
                        subs.push_back(subscriptArg());
                        ++n;
                    } while (!failed_ && accept(","));
                }
                expect(")");
                for (; n < level.rank; ++n) subs.push_back(ast::makeCall(omp::kSliceCallee, {}, name.loc));
            }
        } else if (peek().is("%")) {
            for (int n = 0; n < level.rank; ++n) subs.push_back(ast::makeCall(omp::kSliceCallee, {}, name.loc));
        }
        totalRank += level.rank;
        extents.insert(extents.end(), level.extents.begin(), level.extents.end());
        extents.resize(static_cast<size_t>(totalRank), 0);
    };
    levelSubscripts(cur);
    bool component = false;
    while (accept("%")) {
        if (peek().kind != Token::Kind::Ident) {
            expect("a component name");
            return ast::makeInt(0, name.loc);
        }
        const Token& comp = next();
        const DerivedType* type = cur.base == Entity::Base::Derived ? findType(cur.derived) : nullptr;
        Entity c;
        if (type) {
            auto it = type->components.find(comp.text);
            if (it == type->components.end()) {
                if (!peek().is("(")) {
                    error(comp.loc, {msg::FortranUnknownComponent, cur.derived, comp.text});

                    return ast::makeInt(0, name.loc);
                }
                // A type-bound procedure: its arguments are read.
                return ast::makeCall("__reads", callArguments(comp.text), comp.loc);
            }
            c = it->second;
        } else {  // a type from a module outside the file: components typed by their first letter
            c.base = comp.text[0] >= 'i' && comp.text[0] <= 'n' ? Entity::Base::Int : Entity::Base::Real;
            if (peek().is("(")) {
                c.rank = static_cast<int>(argumentCount());
                c.extents.assign(static_cast<size_t>(c.rank), 0);
            }
        }
        path += "%" + comp.text;
        component = true;
        levelSubscripts(c);
        cur = c;
    }
    Entity flat = cur;
    flat.rank = totalRank;
    flat.extents = extents;
    if (flat.base == Entity::Base::Unknown) flat.base = implicitEntity(path).base;
    if (component || fromOutside) use(path, flat.type());
    ExprPtr out = ast::makeVar(path, name.loc);
    for (ExprPtr& s : subs) out = ast::makeIndex(std::move(out), std::move(s), name.loc);
    return out;
}

// The rank of an expression's value (0 for scalars), for the shape check of assignments.
int FortranParserImpl::rankOf(const Expr& e) const {
    switch (e.kind) {
        case Expr::Kind::Var: {
            if (const Entity* en = lookup(e.name)) return en->base == Entity::Base::Derived ? 0 : en->rank;
            return 0;
        }
        case Expr::Kind::Index: {
            const Expr* cur = &e;
            int slices = 0, subs = 0;
            while (cur->kind == Expr::Kind::Index) {
                ++subs;
                const Expr& s = *cur->operands[1];
                if (s.kind == Expr::Kind::Call && s.name == omp::kSliceCallee) ++slices;
                else slices += rankOf(s) > 0 ? 1 : 0;  // a vector subscript
                cur = cur->operands[0].get();
            }
            return slices;
        }
        case Expr::Kind::Neg: return rankOf(*e.operands[0]);
        case Expr::Kind::Binary: return std::max(rankOf(*e.operands[0]), rankOf(*e.operands[1]));
        case Expr::Kind::Call: {
            if (e.name == omp::kPassiveCallee) return e.operands.empty() ? 0 : rankOf(*e.operands[0]);
            if (e.name == "__array") return 1;
            if (reducesToScalar(e.name)) return e.operands.size() > 1 ? 1 : 0;
            if (e.name == "matmul" || e.name == "transpose" || e.name == "spread" || e.name == "reshape" ||
                e.name == "pack" || e.name == "unpack")
                return 1;
            if (!isIntrinsicFunction(e.name) && e.name != "pow" && e.name != "ne" && e.name != "not" &&
                e.name != "__concat" && e.name != "__complex")
                return 0;  // a user function: its result's rank is not known here
            int r = 0;
            for (const ast::ExprPtr& o : e.operands)
                if (o) r = std::max(r, rankOf(*o));
            return r;
        }
        default: return 0;
    }
}

}  // namespace lomaw::fortran
