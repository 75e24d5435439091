#include "syntax/Ast.h"

namespace lomaw::ast {

const char* spelling(BinaryOp op) {
    switch (op) {
        case BinaryOp::Add: return "+";
        case BinaryOp::Sub: return "-";
        case BinaryOp::Mul: return "*";
        case BinaryOp::Div: return "/";
        case BinaryOp::Less: return "<";
        case BinaryOp::LessEq: return "<=";
        case BinaryOp::Greater: return ">";
        case BinaryOp::GreaterEq: return ">=";
        case BinaryOp::Equal: return "==";
        case BinaryOp::And: return "and";
        case BinaryOp::Or: return "or";
    }
    return "?";
}

// ---------------------------------------------------------------- lookups

Function* Module::findFunction(const std::string& name) {
    for (Item& it : items)
        if (auto* f = std::get_if<Function>(&it); f && f->name == name) return f;
    return nullptr;
}

const Function* Module::findFunction(const std::string& name) const {
    return const_cast<Module*>(this)->findFunction(name);
}

StructDecl* Module::findStruct(const std::string& name) {
    for (Item& it : items)
        if (auto* s = std::get_if<StructDecl>(&it); s && s->name == name) return s;
    return nullptr;
}

const StructDecl* Module::findStruct(const std::string& name) const {
    return const_cast<Module*>(this)->findStruct(name);
}

std::vector<Function*> Module::functions() {
    std::vector<Function*> out;
    for (Item& it : items)
        if (auto* f = std::get_if<Function>(&it)) out.push_back(f);
    return out;
}

std::vector<const Function*> Module::functions() const {
    std::vector<const Function*> out;
    for (const Item& it : items)
        if (auto* f = std::get_if<Function>(&it)) out.push_back(f);
    return out;
}

std::vector<const StructDecl*> Module::structs() const {
    std::vector<const StructDecl*> out;
    for (const Item& it : items)
        if (auto* s = std::get_if<StructDecl>(&it)) out.push_back(s);
    return out;
}

// ---------------------------------------------------------------- clone

TypeExprPtr clone(const TypeExpr& t) {
    auto c = std::make_unique<TypeExpr>();
    c->kind = t.kind;
    c->loc = t.loc;
    c->name = t.name;
    if (t.elem) c->elem = clone(*t.elem);
    c->size = t.size;
    c->hasSize = t.hasSize;
    c->sizeLoc = t.sizeLoc;
    return c;
}

ExprPtr clone(const Expr& e) {
    auto c = std::make_unique<Expr>();
    c->kind = e.kind;
    c->loc = e.loc;
    c->intValue = e.intValue;
    c->floatValue = e.floatValue;
    c->name = e.name;
    c->op = e.op;
    for (const ExprPtr& o : e.operands) c->operands.push_back(o ? clone(*o) : nullptr);
    c->type = e.type;
    c->implicitConversion = e.implicitConversion;
    return c;
}

Block clone(const Block& b) {
    Block out;
    out.reserve(b.size());
    for (const StmtPtr& s : b) out.push_back(clone(*s));
    return out;
}

StmtPtr clone(const Stmt& s) {
    auto c = std::make_unique<Stmt>();
    c->kind = s.kind;
    c->loc = s.loc;
    c->name = s.name;
    c->nameLoc = s.nameLoc;
    if (s.declType) c->declType = clone(*s.declType);
    if (s.target) c->target = clone(*s.target);
    if (s.value) c->value = clone(*s.value);
    c->body = clone(s.body);
    c->orelse = clone(s.orelse);
    c->maxIter = s.maxIter;
    c->maxIterLoc = s.maxIterLoc;
    for (const ExprPtr& a : s.rangeArgs) c->rangeArgs.push_back(clone(*a));
    c->pragma = s.pragma;
    c->resolved = s.resolved;
    return c;
}

static Param clone(const Param& p) {
    Param c;
    c.name = p.name;
    c.loc = p.loc;
    if (p.annotation) c.annotation = clone(*p.annotation);
    c.isOut = p.isOut;
    c.resolved = p.resolved;
    return c;
}

Function clone(const Function& f) {
    Function c;
    c.name = f.name;
    c.loc = f.loc;
    c.nameLoc = f.nameLoc;
    c.simd = f.simd;
    c.openMpi = f.openMpi;
    for (const Param& p : f.params) c.params.push_back(clone(p));
    if (f.returnAnnotation) c.returnAnnotation = clone(*f.returnAnnotation);
    c.body = clone(f.body);
    c.returnType = f.returnType;
    c.generated = f.generated;
    c.derivedFrom = f.derivedFrom;
    c.inlineHelper = f.inlineHelper;
    c.incomplete = f.incomplete;
    return c;
}

StructDecl clone(const StructDecl& s) {
    StructDecl c;
    c.name = s.name;
    c.loc = s.loc;
    c.generated = s.generated;
    c.nameLoc = s.nameLoc;
    c.incomplete = s.incomplete;
    for (const Member& m : s.members) {
        Member mc;
        mc.name = m.name;
        mc.loc = m.loc;
        if (m.annotation) mc.annotation = clone(*m.annotation);
        mc.resolved = m.resolved;
        c.members.push_back(std::move(mc));
    }
    return c;
}

Module clone(const Module& m) {
    Module c;
    for (const Item& it : m.items) {
        if (auto* s = std::get_if<StructDecl>(&it)) c.items.emplace_back(clone(*s));
        else if (auto* f = std::get_if<Function>(&it)) c.items.emplace_back(clone(*f));
        else c.items.emplace_back(std::get<DiffDecl>(it));
    }
    return c;
}

// ---------------------------------------------------------------- equal

namespace {

template <class T>
bool equalPtr(const std::unique_ptr<T>& a, const std::unique_ptr<T>& b) {
    if (!a || !b) return !a && !b;
    return equal(*a, *b);
}

bool equalBlock(const Block& a, const Block& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!equal(*a[i], *b[i])) return false;
    return true;
}

bool equalPragma(const std::optional<Pragma>& a, const std::optional<Pragma>& b) {
    if (a.has_value() != b.has_value()) return false;
    if (!a) return true;
    // Unknown clauses are warned about and dropped by the printer; compare the rest.
    auto known = [](const Pragma& p) {
        std::vector<const PragmaClause*> out;
        for (const auto& c : p.clauses)
            if (c.kind != PragmaClause::Kind::Unknown) out.push_back(&c);
        return out;
    };
    auto ka = known(*a), kb = known(*b);
    if (ka.size() != kb.size()) return false;
    for (size_t i = 0; i < ka.size(); ++i) {
        if (ka[i]->kind != kb[i]->kind || ka[i]->op != kb[i]->op) return false;
        if (ka[i]->vars.size() != kb[i]->vars.size()) return false;
        for (size_t j = 0; j < ka[i]->vars.size(); ++j)
            if (ka[i]->vars[j].name != kb[i]->vars[j].name) return false;
    }
    return true;
}

}  // namespace

bool equal(const TypeExpr& a, const TypeExpr& b) {
    return a.kind == b.kind && a.name == b.name && a.size == b.size && a.hasSize == b.hasSize &&
           equalPtr(a.elem, b.elem);
}

bool equal(const Expr& a, const Expr& b) {
    if (a.kind != b.kind || a.name != b.name || a.operands.size() != b.operands.size()) return false;
    if (a.kind == Expr::Kind::IntLit && a.intValue != b.intValue) return false;
    if (a.kind == Expr::Kind::FloatLit && a.floatValue != b.floatValue) return false;
    if (a.kind == Expr::Kind::Binary && a.op != b.op) return false;
    for (size_t i = 0; i < a.operands.size(); ++i)
        if (!equalPtr(a.operands[i], b.operands[i])) return false;
    return true;
}

bool equal(const Stmt& a, const Stmt& b) {
    if (a.kind != b.kind || a.name != b.name || a.maxIter != b.maxIter) return false;
    if (!equalPtr(a.declType, b.declType) || !equalPtr(a.target, b.target) ||
        !equalPtr(a.value, b.value))
        return false;
    if (!equalBlock(a.body, b.body) || !equalBlock(a.orelse, b.orelse)) return false;
    if (a.rangeArgs.size() != b.rangeArgs.size()) return false;
    for (size_t i = 0; i < a.rangeArgs.size(); ++i)
        if (!equal(*a.rangeArgs[i], *b.rangeArgs[i])) return false;
    return equalPragma(a.pragma, b.pragma);
}

bool equal(const Module& a, const Module& b) {
    if (a.items.size() != b.items.size()) return false;
    for (size_t i = 0; i < a.items.size(); ++i) {
        const Item& x = a.items[i];
        const Item& y = b.items[i];
        if (x.index() != y.index()) return false;
        if (auto* s = std::get_if<StructDecl>(&x)) {
            const auto& t = std::get<StructDecl>(y);
            if (s->name != t.name || s->members.size() != t.members.size()) return false;
            for (size_t j = 0; j < s->members.size(); ++j)
                if (s->members[j].name != t.members[j].name ||
                    !equalPtr(s->members[j].annotation, t.members[j].annotation))
                    return false;
        } else if (auto* f = std::get_if<Function>(&x)) {
            const auto& g = std::get<Function>(y);
            if (f->name != g.name || f->simd != g.simd || f->openMpi != g.openMpi ||
                f->params.size() != g.params.size() ||
                !equalPtr(f->returnAnnotation, g.returnAnnotation) || !equalBlock(f->body, g.body))
                return false;
            for (size_t j = 0; j < f->params.size(); ++j)
                if (f->params[j].name != g.params[j].name ||
                    !equalPtr(f->params[j].annotation, g.params[j].annotation))
                    return false;
        } else {
            const auto& d = std::get<DiffDecl>(x);
            const auto& e = std::get<DiffDecl>(y);
            if (d.name != e.name || d.mode != e.mode || d.target != e.target) return false;
        }
    }
    return true;
}

// ---------------------------------------------------------------- constructors

ExprPtr makeInt(long long v, SourceLoc loc) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::IntLit;
    e->intValue = v;
    e->loc = loc;
    return e;
}

ExprPtr makeFloat(double v, SourceLoc loc) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::FloatLit;
    e->floatValue = v;
    e->loc = loc;
    return e;
}

ExprPtr makeVar(std::string name, SourceLoc loc) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Var;
    e->name = std::move(name);
    e->loc = loc;
    return e;
}

ExprPtr makeIndex(ExprPtr base, ExprPtr index, SourceLoc loc) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Index;
    e->loc = loc;
    e->operands.push_back(std::move(base));
    e->operands.push_back(std::move(index));
    return e;
}

ExprPtr makeMember(ExprPtr base, std::string member, SourceLoc loc) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Member;
    e->name = std::move(member);
    e->loc = loc;
    e->operands.push_back(std::move(base));
    return e;
}

ExprPtr makeNeg(ExprPtr operand, SourceLoc loc) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Neg;
    e->loc = loc;
    e->operands.push_back(std::move(operand));
    return e;
}

ExprPtr makeBinary(BinaryOp op, ExprPtr lhs, ExprPtr rhs, SourceLoc loc) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Binary;
    e->op = op;
    e->loc = loc;
    e->operands.push_back(std::move(lhs));
    e->operands.push_back(std::move(rhs));
    return e;
}

ExprPtr makeCall(std::string callee, std::vector<ExprPtr> args, SourceLoc loc) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Call;
    e->name = std::move(callee);
    e->loc = loc;
    e->operands = std::move(args);
    return e;
}

}  // namespace lomaw::ast
