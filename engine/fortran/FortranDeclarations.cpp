// Specification statements: type declarations with every attribute and initialisation,
// attribute statements (dimension, allocatable, intent, save, external, ...), PARAMETER,
// COMMON, DATA and derived-type definitions (components, extends, type-bound parts skipped).
#include <algorithm>

#include "fortran/FortranParserImpl.h"

namespace lomaw::fortran {

using ast::Expr;

TypePtr Entity::type() const {
    TypePtr t = base == Base::Int || base == Base::Logical || base == Base::Character ? Type::intType()
                                                                                      : Type::floatType();
    for (int d = rank - 1; d >= 0; --d) {
        const long long n = static_cast<size_t>(d) < extents.size() ? extents[static_cast<size_t>(d)] : 0;
        t = Type::arrayOf(t, n > 0 && n < (1LL << 30) ? static_cast<int>(n) : 0);
    }
    return t;
}

Entity FortranParserImpl::implicitEntity(const std::string& name) const {
    Entity e;
    const size_t letter = name.empty() || name[0] < 'a' || name[0] > 'z' ? 0 : static_cast<size_t>(name[0] - 'a');
    char code = 0;
    for (auto it = levels_.rbegin(); it != levels_.rend() && !code; ++it) code = (*it)->symbols.implicit[letter];
    if (!code) code = letter >= 'i' - 'a' && letter <= 'n' - 'a' ? 'i' : 'r';
    switch (code) {
        case 'i': e.base = Entity::Base::Int; break;
        case 'l': e.base = Entity::Base::Logical; break;
        case 'c': e.base = Entity::Base::Character; break;
        case 'z': e.base = Entity::Base::Complex; break;
        case 'r': e.base = Entity::Base::Real; break;
        default: e.base = Entity::Base::Unknown; break;  // implicit none
    }
    return e;
}

std::optional<long long> FortranParserImpl::constantValue(const Expr& e) const {
    switch (e.kind) {
        case Expr::Kind::IntLit: return e.intValue;
        case Expr::Kind::Var: {
            const Entity* en = lookup(e.name);
            if (en && en->parameter && en->value) return en->value;
            return std::nullopt;
        }
        case Expr::Kind::Neg: {
            auto v = constantValue(*e.operands[0]);
            return v ? std::optional<long long>(-*v) : std::nullopt;
        }
        case Expr::Kind::Binary: {
            auto l = constantValue(*e.operands[0]), r = constantValue(*e.operands[1]);
            if (!l || !r) return std::nullopt;
            switch (e.op) {
                case ast::BinaryOp::Add: return *l + *r;
                case ast::BinaryOp::Sub: return *l - *r;
                case ast::BinaryOp::Mul: return *l * *r;
                case ast::BinaryOp::Div: return *r != 0 ? std::optional<long long>(*l / *r) : std::nullopt;
                default: return std::nullopt;
            }
        }
        case Expr::Kind::Call:
            if (e.name == "pow" && e.operands.size() == 2) {
                auto b = constantValue(*e.operands[0]), x = constantValue(*e.operands[1]);
                if (!b || !x || *x < 0 || *x > 62) return std::nullopt;
                long long v = 1;
                for (long long k = 0; k < *x; ++k) v *= *b;
                return v;
            }
            return std::nullopt;
        default: return std::nullopt;
    }
}

bool FortranParserImpl::isDeclarationStart() const {
    const Token& t = peek();
    static const std::set<std::string> types = {"integer", "real", "double", "doubleprecision", "doublecomplex",
                                                "complex", "logical", "character", "byte"};
    if (types.count(t.text)) return true;
    if ((t.is("type") || t.is("class")) && peek(1).is("(")) return true;
    return t.is("procedure") && peek(1).is("(");
}

// Kind and length selectors after the type keyword: (8), (kind=8), (len=*), *8, *(*).
bool FortranParserImpl::typeSpec(Entity& base) {
    if (peek().is("(")) k_ = std::min(matching(k_) + 1, toks_.size() - 1);
    if (accept("*")) {
        if (peek().is("(")) k_ = std::min(matching(k_) + 1, toks_.size() - 1);
        else next();
    }
    (void)base;
    return !failed_;
}

// (d1, d2, ...) after a name or `dimension`: the rank and every constant extent.
void FortranParserImpl::dimensions(Entity& e, bool evaluate) {
    if (!expect("(")) return;
    e.rank = 0;
    e.extents.clear();
    while (!failed_) {
        long long extent = 0;
        if (accept("*")) {
            // assumed size
        } else if (peek().is(":")) {
            next();
            if (!peek().is(",") && !peek().is(")")) expression();  // :hi (invalid, read anyway)
        } else {
            ast::ExprPtr lo = expression();
            if (accept(":")) {
                if (accept("*") || peek().is(",") || peek().is(")")) {
                    // lo:* or lo: (deferred)
                } else {
                    ast::ExprPtr hi = expression();
                    if (evaluate && lo && hi) {
                        const long long l = constantValue(*lo).value_or(1), h = constantValue(*hi).value_or(0);
                        if (constantValue(*lo) && constantValue(*hi) && h >= l) extent = h - l + 1;
                    }
                }
            } else if (evaluate && lo) {
                auto v = constantValue(*lo);
                if (v && *v > 0) extent = *v;
            }
        }
        ++e.rank;
        e.extents.push_back(extent);
        if (!accept(",")) break;
    }
    expect(")");
}

Entity* FortranParserImpl::declare(const std::string& name, SourceLoc at, const Entity& proto) {
    std::map<std::string, Entity>* names = nullptr;
    std::vector<std::string>* order = nullptr;
    std::vector<std::string> scratch;
    if (typeDef_) {
        names = &typeDef_->components;
        order = &scratch;
    } else {
        if (levels_.empty()) {
            // A declaration before any unit: the main program's.
            Token t;
            t.loc = at;
            beginProgram(t, "main");
            procedure()->loc = {};
        }
        names = &top().symbols.names;
        order = &top().symbols.order;
    }
    auto it = names->find(name);
    if (it == names->end()) {
        order->push_back(name);
        Entity e = proto;
        e.loc = at;
        e.branches = ppBranches_;
        e.blockScope = currentBlockScope();
        Entity& slot = (*names)[name];
        slot = e;
        return &slot;
    }
    Entity& e = it->second;
    if (e.typed && proto.typed) {
        // A BLOCK construct's own declaration hides the name outside it (valid Fortran); the
        // analysis keeps one entity per name, the first declaration's.
        const int scope = currentBlockScope();
        if (scope && scope != e.blockScope) return &e;
        if (alternativeBranches(e.branches)) note(at, {msg::PreprocessorAlternativeDeclaration, name});
        else diags_.report(at, msg::FortranRedeclared, name);
        return &e;
    }
    // A dummy's declaration, or attributes added to a declared name.
    if (proto.typed) {
        e.base = proto.base;
        e.derived = proto.derived;
        e.typed = true;
    }
    if (proto.rank > 0) {
        e.rank = proto.rank;
        e.extents = proto.extents;
    }
    if (proto.intent != Entity::Intent::None) e.intent = proto.intent;
    e.parameter = e.parameter || proto.parameter;
    e.saved = e.saved || proto.saved;
    e.external = e.external || proto.external;
    if (proto.value) e.value = proto.value;
    return &e;
}

// type-spec [, attr]... [::] entity [(dims)] [*len] [= init | => init], ...
void FortranParserImpl::typeDeclaration() {
    const Token& kw = next();
    Entity proto;
    proto.typed = true;
    const std::string w = kw.text;
    if (w == "integer" || w == "byte") proto.base = Entity::Base::Int;
    else if (w == "real" || w == "doubleprecision") proto.base = Entity::Base::Real;
    else if (w == "double") {
        if (accept("complex")) proto.base = Entity::Base::Complex;
        else if (expect("precision")) proto.base = Entity::Base::Real;
    } else if (w == "doublecomplex" || w == "complex") proto.base = Entity::Base::Complex;
    else if (w == "logical") proto.base = Entity::Base::Logical;
    else if (w == "character") proto.base = Entity::Base::Character;
    else if (w == "procedure") {
        k_ = std::min(matching(k_) + 1, toks_.size() - 1);
        proto.external = true;
        proto.typed = false;
        proto.base = Entity::Base::Unknown;
    } else {  // type(name) / class(name|*)
        expect("(");
        proto.base = Entity::Base::Derived;
        if (peek().kind == Token::Kind::Ident) {
            proto.derived = next().text;
            if (peek().is("(")) k_ = std::min(matching(k_) + 1, toks_.size() - 1);  // parameterised
        } else {
            next();  // class(*)
        }
        expect(")");
    }
    if (w != "type" && w != "class" && w != "procedure") typeSpec(proto);
    std::optional<Entity> dims;
    while (accept(",") && !failed_) {
        const Token& attr = next();
        const std::string& a = attr.text;
        if (a == "dimension") {
            Entity d;
            dimensions(d, true);
            dims = d;
        } else if (a == "intent") {
            expect("(");
            const Token& mode = next();
            if (mode.is("in") && accept("out")) proto.intent = Entity::Intent::InOut;
            else if (mode.is("in")) proto.intent = Entity::Intent::In;
            else if (mode.is("out")) proto.intent = Entity::Intent::Out;
            else if (mode.is("inout")) proto.intent = Entity::Intent::InOut;
            else error(mode.loc, msg::FortranIntent);
            expect(")");
        } else if (a == "parameter") {
            proto.parameter = true;
        } else if (a == "save") {
            proto.saved = true;
        } else if (a == "external") {
            proto.external = true;
        } else if (a == "bind" || a == "codimension") {
            if (peek().is("(") || peek().is("[")) k_ = std::min(matching(k_) + 1, toks_.size() - 1);
        } else if (a == "allocatable" || a == "pointer" || a == "target" || a == "optional" || a == "value" ||
                   a == "contiguous" || a == "volatile" || a == "asynchronous" || a == "protected" ||
                   a == "public" || a == "private" || a == "intrinsic" || a == "pass" || a == "nopass" ||
                   a == "deferred" || a == "non_overridable" || a == "device" || a == "managed" || a == "pinned") {
            // storage and visibility (device, managed, pinned: CUDA Fortran memory): no effect on the scopes
        } else {
            error(attr.loc, {msg::FortranUnknownAttribute, a});
        }
    }
    if (failed_) return;
    accept("::");
    do {
        if (peek().kind != Token::Kind::Ident) {
            expect("a name");
            return;
        }
        const Token& name = next();
        Entity e = proto;
        if (dims) {
            e.rank = dims->rank;
            e.extents = dims->extents;
        }
        if (peek().is("(")) dimensions(e, true);
        if (peek().is("[")) k_ = std::min(matching(k_) + 1, toks_.size() - 1);  // coarray
        if (accept("*")) {  // character*len per name
            if (peek().is("(")) k_ = std::min(matching(k_) + 1, toks_.size() - 1);
            else next();
        }
        if (accept("=") || accept("=>")) {
            ast::ExprPtr init = expression();
            if (e.parameter && init) e.value = constantValue(*init);
            if (!e.parameter) e.saved = true;  // an initialised variable has the SAVE attribute
        }
        if (failed_) return;
        declare(name.text, name.loc, e);
    } while (accept(","));
    if (!atEnd()) expect("end of the declaration");
}

void FortranParserImpl::attributeStatement(const std::string& w) {
    const Token& kw = next();
    if (w == "equivalence") {
        note(kw.loc, msg::EquivalenceSkipped);
        return;
    }
    if (w == "namelist" || w == "sequence" || w == "bind" || w == "public" || w == "private" ||
        w == "intrinsic" || w == "protected")
        return;
    Entity proto;
    if (w == "intent") {
        expect("(");
        const Token& mode = next();
        if (mode.is("in") && accept("out")) proto.intent = Entity::Intent::InOut;
        else if (mode.is("in")) proto.intent = Entity::Intent::In;
        else if (mode.is("out")) proto.intent = Entity::Intent::Out;
        else proto.intent = Entity::Intent::InOut;
        expect(")");
    }
    if (w == "save") proto.saved = true;
    if (w == "external") proto.external = true;
    accept("::");
    if (w == "save" && atEnd()) {  // save everything: every local is static
        for (auto& [n, e] : top().symbols.names) e.saved = true;
        return;
    }
    while (!atEnd() && !failed_) {
        if (accept("/")) {  // save /common/
            next();
            expect("/");
        } else if (peek().kind == Token::Kind::Ident) {
            const Token& name = next();
            Entity e = proto;
            if (peek().is("(")) dimensions(e, true);
            if (peek().is("[")) k_ = std::min(matching(k_) + 1, toks_.size() - 1);
            declare(name.text, name.loc, e);
        } else {
            expect("a name");
        }
        if (!accept(",")) break;
    }
}

// parameter (name = value, ...)
void FortranParserImpl::parameterStatement() {
    next();
    expect("(");
    while (!failed_ && peek().kind == Token::Kind::Ident) {
        const Token& name = next();
        expect("=");
        ast::ExprPtr v = expression();
        Entity e;
        e.parameter = true;
        if (v) e.value = constantValue(*v);
        Entity* d = declare(name.text, name.loc, e);
        if (d && d->base == Entity::Base::Unknown) d->base = implicitEntity(name.text).base;
        if (!accept(",")) break;
    }
    expect(")");
}

void FortranParserImpl::enumStatement(const std::string& word) {
    if (word == "enum") {
        nextEnumerator_ = 0;  // bind(c) enumerators count from 0
        return;
    }
    if (word != "enumerator") return;  // end enum
    next();
    accept("::");
    while (!failed_ && peek().kind == Token::Kind::Ident) {
        const Token& name = next();
        Entity e;
        e.base = Entity::Base::Int;
        e.parameter = true;
        e.typed = true;
        if (accept("=")) {
            ast::ExprPtr v = expression();
            if (std::optional<long long> given = v ? constantValue(*v) : std::nullopt) nextEnumerator_ = *given;
        }
        e.value = nextEnumerator_++;
        declare(name.text, name.loc, e);
        if (!accept(",")) break;
    }
}

// common [/name/] a, b(10) [[,] /name/ c ...]: static storage, shared by all threads.
void FortranParserImpl::commonStatement() {
    next();
    while (!atEnd() && !failed_) {
        if (accept("//")) continue;
        if (accept("/")) {
            if (peek().kind == Token::Kind::Ident) next();
            expect("/");
            continue;
        }
        if (peek().kind != Token::Kind::Ident) {
            expect("a name");
            return;
        }
        const Token& name = next();
        Entity e;
        e.saved = true;
        if (peek().is("(")) dimensions(e, true);
        declare(name.text, name.loc, e);
        accept(",");
    }
}

// data a, b / 1, 2 / ...: initial values give the SAVE attribute.
void FortranParserImpl::dataStatement() {
    next();
    bool inValues = false;
    while (!atEnd()) {
        const Token& t = next();
        if (t.is("/")) inValues = !inValues;
        else if (!inValues && t.kind == Token::Kind::Ident && (levels_.empty() ? false : true)) {
            auto it = top().symbols.names.find(t.text);
            if (it != top().symbols.names.end()) it->second.saved = true;
            if (peek().is("(")) k_ = std::min(matching(k_) + 1, toks_.size() - 1);
        }
    }
}

// type [, attrs ::] name [(params)] — components follow until `end type`.
void FortranParserImpl::derivedTypeDefinition() {
    next();
    DerivedType t;
    std::string base;
    while (accept(",")) {
        const Token& attr = next();
        if (attr.is("extends") && accept("(")) {
            if (peek().kind == Token::Kind::Ident) base = next().text;
            expect(")");
        } else if (peek().is("(")) {
            k_ = std::min(matching(k_) + 1, toks_.size() - 1);
        }
    }
    accept("::");
    if (peek().kind != Token::Kind::Ident) {
        expect("a type name");
        return;
    }
    t.name = next().text;
    if (!base.empty())
        if (const DerivedType* b = findType(base)) t.components = b->components;
    typeDef_ = t;
    typeContains_ = false;
}

void FortranParserImpl::typeDefinitionLine() {
    const Token& first = peek();
    if ((first.is("end") && peek(1).is("type")) || first.is("endtype")) {
        if (levels_.empty()) {
            Token at = first;
            beginProgram(at, "main");
            procedure()->loc = {};
        }
        top().symbols.types[typeDef_->name] = *typeDef_;
        typeDef_.reset();
        return;
    }
    if (first.is("contains")) {
        typeContains_ = true;
        return;
    }
    if (typeContains_ || first.is("sequence") || first.is("private") || first.is("public")) return;
    if (isDeclarationStart()) {
        typeDeclaration();
        return;
    }
    error(first.loc, {msg::FortranComponentExpected, typeDef_->name});

}

}  // namespace lomaw::fortran
