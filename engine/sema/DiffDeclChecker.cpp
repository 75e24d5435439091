#include "sema/DiffDeclChecker.h"

#include <algorithm>
#include <deque>

#include "sema/Builtins.h"
#include "sema/DerivativeSignature.h"
#include "sema/RevRestrictionChecker.h"

namespace lomaw::sema {

using ast::DiffDecl;
using ast::Expr;

void DiffDeclChecker::computeSignatures() {
    for (const ast::Item& it : ctx_.module.items) {
        if (auto* d = std::get_if<DiffDecl>(&it)) {
            if (!ctx_.referable(d) || d->name.empty()) continue;
            decls_[d->name] = d;
            if (!d->target.empty()) lastDecl_[{d->target, d->mode}] = d->name;
        }
    }
    for (const ast::Item& it : ctx_.module.items)
        if (auto* d = std::get_if<DiffDecl>(&it)) signatureOf(*d);
}

const ast::Function* DiffDeclChecker::signatureOf(const DiffDecl& d) {
    if (auto it = signatures_.find(&d); it != signatures_.end()) return it->second;
    if (state_[&d] == 1) {
        ctx_.diags.report(d.targetLoc.valid() ? d.targetLoc : d.loc, msg::DiffDeclCycle, d.name);
        signatures_[&d] = nullptr;
        return nullptr;
    }
    state_[&d] = 1;
    const ast::Function* primal = nullptr;
    if (!d.target.empty()) {
        auto decl = decls_.find(d.target);
        const Callable* c = ctx_.sigs.find(d.target);
        if (decl != decls_.end()) {
            primal = signatureOf(*decl->second);
        } else if (c && (c->kind == Callable::Kind::User || c->kind == Callable::Kind::Builtin)) {
            primal = c->fn;
        } else {
            ctx_.diags.report(d.targetLoc.valid() ? d.targetLoc : d.loc, msg::UnknownDiffTarget, d.target);
        }
    }
    const ast::Function* result = nullptr;
    if (signatures_.count(&d)) return signatures_[&d];  // a cycle was reported meanwhile
    if (primal && ctx_.referable(&d) && !d.name.empty()) {
        result = &ctx_.sigs.addDerivative(d, derivativeSignature(*primal, d.mode, d.name, d.loc));
        if (ctx_.lenient(primal)) ctx_.lenientCalls.insert(result);  // built from a damaged header
    }
    state_[&d] = 2;
    signatures_[&d] = result;
    return result;
}

DiffDeclChecker::Node DiffDeclChecker::node(const std::string& name) {
    Node n;
    if (const Callable* c = ctx_.sigs.find(name)) {
        switch (c->kind) {
            case Callable::Kind::User:
                n.kind = Node::Kind::User;
                n.fn = c->fn;
                break;
            case Callable::Kind::Builtin: n.kind = Node::Kind::Builtin; break;
            case Callable::Kind::Derivative:
                n.kind = Node::Kind::Derivative;
                n.base = c->decl->target;
                n.mode = c->decl->mode;
                break;
        }
    } else if (auto it = generated_.find(name); it != generated_.end()) {
        n.kind = Node::Kind::Derivative;
        n.base = it->second.first;
        n.mode = it->second.second;
    }
    return n;
}

namespace {

void collectCalls(const Expr* e, const Signatures& sigs, std::vector<std::string>& out) {
    if (!e) return;
    if (e->kind == Expr::Kind::Call && !e->implicitConversion) {
        const BuiltinInfo* b = findBuiltin(e->name);
        if ((!b || b->kind == BuiltinKind::MakeDfloat) && sigs.find(e->name) &&
            std::find(out.begin(), out.end(), e->name) == out.end())
            out.push_back(e->name);
    }
    for (const ast::ExprPtr& o : e->operands) collectCalls(o.get(), sigs, out);
}

void collectCalls(const ast::Block& b, const Signatures& sigs, std::vector<std::string>& out) {
    for (const ast::StmtPtr& s : b) {
        if (!s) continue;
        collectCalls(s->target.get(), sigs, out);
        collectCalls(s->value.get(), sigs, out);
        for (const ast::ExprPtr& a : s->rangeArgs) collectCalls(a.get(), sigs, out);
        collectCalls(s->body, sigs, out);
        collectCalls(s->orelse, sigs, out);
    }
}

}  // namespace

const std::vector<std::string>& DiffDeclChecker::callees(const std::string& name) {
    if (auto it = callees_.find(name); it != callees_.end()) return it->second;
    callees_[name];  // in progress: a recursive query sees no callees
    std::vector<std::string> out;
    Node n = node(name);
    if (n.kind == Node::Kind::User && n.fn) {
        collectCalls(n.fn->body, ctx_.sigs, out);
    } else if (n.kind == Node::Kind::Derivative) {
        // A derivative calls the derivatives (same mode) of its primal's callees.
        std::vector<std::string> base = callees(n.base);
        for (const std::string& c : base) {
            std::string d = derivativeName(c, n.mode);
            if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
        }
    }
    return callees_[name] = std::move(out);
}

std::string DiffDeclChecker::derivativeName(const std::string& primal, Mode mode) {
    if (auto it = lastDecl_.find({primal, mode}); it != lastDecl_.end()) return it->second;
    std::string g = generatedDerivativeName(primal, mode);
    generated_.emplace(g, std::make_pair(primal, mode));
    return g;
}

const ast::Function* DiffDeclChecker::rootFunction(const std::string& name) {
    std::string cur = name;
    for (int depth = 0; depth < 256; ++depth) {
        Node n = node(cur);
        if (n.kind == Node::Kind::User) return n.fn;
        if (n.kind != Node::Kind::Derivative) return nullptr;
        cur = n.base;
    }
    return nullptr;
}

// How many derivative declarations (or generated derivatives) lie between `name` and its user function.
int DiffDeclChecker::derivativeOrder(const std::string& name) {
    std::string cur = name;
    int order = 0;
    for (; order < 256; ++order) {
        Node n = node(cur);
        if (n.kind != Node::Kind::Derivative) break;
        cur = n.base;
    }
    return order;
}

void DiffDeclChecker::reportCollision(const std::string& generated, const DiffDecl& d) {
    auto taken = userNames_.find(generated);
    if (taken == userNames_.end() || !collisionsReported_.insert(generated).second) return;
    const auto& [primal, mode] = generated_[generated];
    ctx_.diags.report(taken->second, mode == Mode::Forward ? msg::GeneratedForwardName : msg::GeneratedReverseName,
                      generated, primal);
    ctx_.diags.note(d.loc, msg::DifferentiatedBecauseOf, primal, d.name);
}

// Far beyond any nesting a user writes (eight nested fwd_diff already make megabytes of C).
constexpr int kMaxDerivativeOrder = 32;

void DiffDeclChecker::walk(const DiffDecl& d) {
    std::set<std::string> visited{d.target};
    std::deque<std::string> queue{d.target};
    while (!queue.empty()) {
        std::string x = queue.front();
        queue.pop_front();
        if (d.mode == Mode::Reverse) {
            const ast::Function* root = rootFunction(x);
            // An incomplete function's body was not checked (parse errors in it).
            if (root && !root->incomplete && restrictionChecked_.insert(root).second)
                RevRestrictionChecker(ctx_, *root, d).run();
        }
        for (const std::string& c : std::vector<std::string>(callees(x))) {
            std::string name = derivativeName(c, d.mode);
            // A function that calls its own derivative makes the walk generate derivatives of
            // derivatives without end (each a new name): no finite program can hold them.
            if (derivativeOrder(name) > kMaxDerivativeOrder) {
                ctx_.diags.report(d.loc, msg::DiffUnboundedOrder, d.name, d.target);

                return;
            }
            if (!lastDecl_.count({c, d.mode})) reportCollision(name, d);
            if (visited.insert(c).second) queue.push_back(c);
        }
    }
}

void DiffDeclChecker::checkDifferentiation() {
    for (const ast::Item& it : ctx_.module.items) {
        std::string name;
        SourceLoc loc;
        if (auto* s = std::get_if<ast::StructDecl>(&it))
            name = s->name, loc = s->nameLoc.valid() ? s->nameLoc : s->loc;
        else if (auto* f = std::get_if<ast::Function>(&it))
            name = f->name, loc = f->nameLoc.valid() ? f->nameLoc : f->loc;
        else name = std::get<DiffDecl>(it).name, loc = std::get<DiffDecl>(it).loc;
        if (!name.empty()) userNames_.emplace(name, loc);
    }
    for (const ast::Item& it : ctx_.module.items) {
        auto* d = std::get_if<DiffDecl>(&it);
        if (!d || !ctx_.referable(d)) continue;
        auto sig = signatures_.find(d);
        if (sig == signatures_.end() || !sig->second) continue;
        walk(*d);
    }
}

}  // namespace lomaw::sema
