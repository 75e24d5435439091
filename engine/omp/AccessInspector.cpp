#include "omp/AccessInspector.h"

#include <algorithm>
#include <optional>

#include "syntax/AstWalk.h"

namespace lomaw::omp {

using ast::Expr;
using ast::Stmt;

bool isPrefix(const BlockPath& prefix, const BlockPath& path) {
    return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

std::string Access::text(bool fortranStyle) const {
    if (index.empty()) return var;
    std::string out = var;
    if (fortranStyle) {
        out += "(";
        for (size_t k = 0; k < index.size(); ++k) {
            std::string t = index[k].text;  // indirect atoms are named c[i][k]: c(i,k) here
            for (size_t at = t.find("]["); at != std::string::npos; at = t.find("][")) t.replace(at, 2, ",");
            std::replace(t.begin(), t.end(), '[', '(');
            std::replace(t.begin(), t.end(), ']', ')');
            out += (k ? "," : "") + t;
        }
        return out + ")";
    }
    for (const Subscript& s : index) out += "[" + s.text + "]";
    return out;
}

const VariableAccesses* LoopAccesses::find(const std::string& name) const {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : &it->second;
}

bool LoopAccesses::readOnly(const std::string& name) const {
    const VariableAccesses* v = find(name);
    return v && !v->reads.empty() && v->writes.empty();
}

bool LoopAccesses::writeOnly(const std::string& name) const {
    const VariableAccesses* v = find(name);
    return v && v->reads.empty() && !v->writes.empty();
}

std::vector<const Access*> LoopAccesses::activeReads(const std::string& name) const {
    std::vector<const Access*> out;
    if (const VariableAccesses* v = find(name))
        for (const Access& r : v->reads)
            if (!r.passive) out.push_back(&r);
    return out;
}

std::string exprText(const Expr& e) {
    switch (e.kind) {
        case Expr::Kind::IntLit: return std::to_string(e.intValue);
        case Expr::Kind::FloatLit: {
            std::string s = std::to_string(e.floatValue);
            while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
            return s;
        }
        case Expr::Kind::Var: return e.name;
        case Expr::Kind::Index:
            return exprText(*e.operands[0]) + "[" + exprText(*e.operands[1]) + "]";
        case Expr::Kind::Member: return exprText(*e.operands[0]) + "." + e.name;
        case Expr::Kind::Neg: {
            const Expr& o = *e.operands[0];
            return o.kind == Expr::Kind::Binary ? "-(" + exprText(o) + ")" : "-" + exprText(o);
        }
        case Expr::Kind::Binary: {
            // Parentheses only where precedence needs them: "i * n + j", "a - (b - c)".
            auto prec = [](const Expr& x) {
                if (x.kind != Expr::Kind::Binary) return 9;
                switch (x.op) {
                    case ast::BinaryOp::Or: return 1;
                    case ast::BinaryOp::And: return 2;
                    case ast::BinaryOp::Add:
                    case ast::BinaryOp::Sub: return 4;
                    case ast::BinaryOp::Mul:
                    case ast::BinaryOp::Div: return 5;
                    default: return 3;
                }
            };
            const int p = prec(e);
            const Expr& l = *e.operands[0];
            const Expr& r = *e.operands[1];
            std::string ls = exprText(l), rs = exprText(r);
            if (prec(l) < p) ls = "(" + ls + ")";
            if (prec(r) < p || (prec(r) == p && (e.op == ast::BinaryOp::Sub || e.op == ast::BinaryOp::Div || p == 3)))
                rs = "(" + rs + ")";
            return ls + " " + ast::spelling(e.op) + " " + rs;
        }
        case Expr::Kind::Call: {
            if (e.name == kPassiveCallee && e.operands.size() == 1) return exprText(*e.operands[0]);
            if (e.name == kSliceCallee) {  // lo:hi[:step], omitted bounds are empty names
                std::string out;
                for (size_t k = 0; k < e.operands.size(); ++k) out += (k ? ":" : "") + exprText(*e.operands[k]);
                return out;
            }
            std::string out = e.name + "(";
            for (size_t k = 0; k < e.operands.size(); ++k) out += (k ? ", " : "") + exprText(*e.operands[k]);
            return out + ")";
        }
    }
    return "?";
}

VariableTypes variableTypes(const ast::Function& fn) {
    VariableTypes types;
    for (const ast::Param& p : fn.params)
        if (p.resolved) types[p.name] = p.resolved;
    ast::forEachStmt(fn.body, [&](const Stmt& s) {
        if (s.kind == Stmt::Kind::Declare && s.resolved) types[s.name] = s.resolved;
        if (s.kind == Stmt::Kind::For) types.emplace(s.name, Type::intType());
    });
    return types;
}

namespace {

int arrayRank(const TypePtr& t) {
    int rank = 0;
    for (const Type* cur = t.get(); cur && cur->isArray(); cur = cur->elem.get()) ++rank;
    return rank;
}

class Inspector {
public:
    // `firstPass` (may be null): the accesses of an earlier walk; when given, an int scalar
    // assigned exactly once, unconditionally, from an affine expression of names the loop does
    // not modify is replaced by that expression in the subscripts after the assignment
    // (`j = n - i; r[j] = u[j]` indexes r and u at n-i).
    Inspector(const ast::Module* module, const VariableTypes& types, LoopAccesses& out, bool outArgumentsAlsoRead,
              const LoopAccesses* firstPass = nullptr)
        : module_(module), types_(types), out_(out), firstPass_(firstPass), outArgsRead_(outArgumentsAlsoRead) {}

    void block(const ast::Block& b, const BlockPath& path) {
        for (const ast::StmtPtr& s : b)
            if (s) stmt(*s, path);
    }

private:
    void stmt(const Stmt& s, const BlockPath& path) {
        const long long id = nextId_++;
        switch (s.kind) {
            case Stmt::Kind::Assign:
                if (s.value) read(*s.value, path);
                if (s.target) lvalue(*s.target, path, /*accumulate=*/false);
                if (s.target && s.value && path.empty()) substitution(*s.target, *s.value);
                break;
            case Stmt::Kind::Declare:
                if (s.value) read(*s.value, path);
                record(s.name, {}, true, false, path, s.nameLoc);
                break;
            case Stmt::Kind::Return:
            case Stmt::Kind::CallStmt:
                if (s.value) read(*s.value, path);
                break;
            case Stmt::Kind::If: {
                if (s.value) passiveRead(*s.value, path);
                BlockPath then = path, other = path;
                then.push_back(id * 4);
                other.push_back(id * 4 + 1);
                block(s.body, then);
                block(s.orelse, other);
                break;
            }
            case Stmt::Kind::While: {
                if (s.value) passiveRead(*s.value, path);
                BlockPath body = path;
                body.push_back(id * 4 + 2);
                block(s.body, body);
                break;
            }
            case Stmt::Kind::For: {
                for (const ast::ExprPtr& a : s.rangeArgs)
                    if (a) passiveRead(*a, path);
                out_.innerLoopVars.insert(s.name);
                BlockPath body = path;
                body.push_back(id * 4 + 2);
                block(s.body, body);
                break;
            }
        }
    }

    // Splits base[i][j].m into the root name and its subscripts (members do not index).
    const Expr* splitAccess(const Expr& e, std::vector<const Expr*>& indices) {
        const Expr* cur = &e;
        std::vector<const Expr*> rev;
        while ((cur->kind == Expr::Kind::Index || cur->kind == Expr::Kind::Member) && !cur->operands.empty()) {
            if (cur->kind == Expr::Kind::Index && cur->operands.size() == 2) rev.push_back(cur->operands[1].get());
            cur = cur->operands[0].get();
        }
        indices.assign(rev.rbegin(), rev.rend());
        return cur;
    }

    void lvalue(const Expr& e, const BlockPath& path, bool accumulate) {
        std::vector<const Expr*> idx;
        const Expr* root = splitAccess(e, idx);
        if (root->kind != Expr::Kind::Var) {
            read(e, path);
            return;
        }
        std::vector<Subscript> subs;
        for (const Expr* i : idx) {
            passiveRead(*i, path);
            subs.push_back(subscript(*i));
        }
        record(root->name, std::move(subs), true, accumulate, path, e.loc);
    }

    // Reads whose values reach no derivative (see Access::passive).
    void passiveRead(const Expr& e, const BlockPath& path) {
        ++passive_;
        read(e, path);
        --passive_;
    }

    static bool isComparison(const Expr& e) {
        if (e.kind == Expr::Kind::Call) return e.name == "ne" || e.name == kPassiveCallee;
        if (e.kind != Expr::Kind::Binary) return false;
        switch (e.op) {
            case ast::BinaryOp::Less:
            case ast::BinaryOp::LessEq:
            case ast::BinaryOp::Greater:
            case ast::BinaryOp::GreaterEq:
            case ast::BinaryOp::Equal: return true;
            default: return false;
        }
    }

    void read(const Expr& e, const BlockPath& path) {
        switch (e.kind) {
            case Expr::Kind::Var:
                if (e.name.empty()) return;  // an omitted slice bound (Fortran u(:, j)), no variable
                record(e.name, {}, false, false, path, e.loc);
                return;
            case Expr::Kind::Index:
            case Expr::Kind::Member: {
                std::vector<const Expr*> idx;
                const Expr* root = splitAccess(e, idx);
                std::vector<Subscript> subs;
                for (const Expr* i : idx) {
                    passiveRead(*i, path);
                    subs.push_back(subscript(*i));
                }
                if (root->kind == Expr::Kind::Var)
                    record(root->name, std::move(subs), false, false, path, e.loc);
                else
                    read(*root, path);
                return;
            }
            case Expr::Kind::Call: {
                if (isComparison(e)) {
                    for (const ast::ExprPtr& o : e.operands)
                        if (o) passiveRead(*o, path);
                    return;
                }
                const ast::Function* callee = module_ ? module_->findFunction(e.name) : nullptr;
                for (size_t k = 0; k < e.operands.size(); ++k) {
                    if (!e.operands[k]) continue;
                    const bool atomicTarget = e.name == "atomic_add" && k == 0;
                    const ast::Param* param = callee && k < callee->params.size() ? &callee->params[k] : nullptr;
                    const bool outArg = param && param->isOut;
                    // Fortran intent(inout) (or none): the callee may read the argument too.
                    if (outArg && outArgsRead_ &&
                        !(param->annotation && param->annotation->kind == ast::TypeExpr::Kind::Out))
                        read(*e.operands[k], path);
                    if (atomicTarget || outArg)
                        lvalue(*e.operands[k], path, atomicTarget);
                    else
                        read(*e.operands[k], path);
                }
                return;
            }
            case Expr::Kind::Binary:
                if (isComparison(e)) {
                    for (const ast::ExprPtr& o : e.operands)
                        if (o) passiveRead(*o, path);
                    return;
                }
                [[fallthrough]];
            default:
                for (const ast::ExprPtr& o : e.operands)
                    if (o) read(*o, path);
        }
    }

    void record(const std::string& name, std::vector<Subscript> subs, bool write, bool accumulate,
                const BlockPath& path, SourceLoc loc) {
        auto t = types_.find(name);
        const int rank = t == types_.end() ? 0 : arrayRank(t->second);
        while (static_cast<int>(subs.size()) < rank) {  // a whole (sub)array: every element
            Subscript all;
            all.kind = Subscript::Kind::Slice;
            all.text = ":";
            subs.push_back(all);
        }
        if (std::find(out_.order.begin(), out_.order.end(), name) == out_.order.end()) out_.order.push_back(name);
        Access a;
        a.var = name;
        a.index = std::move(subs);
        a.write = write;
        a.accumulate = accumulate;
        a.path = path;
        a.loc = loc;
        a.passive = !write && passive_ > 0;
        VariableAccesses& v = out_.vars[name];
        (write ? v.writes : v.reads).push_back(std::move(a));
        if (write) out_.modified.insert(name);
    }

    void substitution(const Expr& target, const Expr& value) {
        if (!firstPass_ || target.kind != Expr::Kind::Var) return;
        const std::string& name = target.name;
        auto t = types_.find(name);
        const VariableAccesses* v = firstPass_->find(name);
        if (t == types_.end() || !t->second || !t->second->isInt() || !v || v->writes.size() != 1) return;
        Subscript rhs = subscript(value);
        if (rhs.kind != Subscript::Kind::Affine || rhs.dependsOn.count(name)) return;
        for (const std::string& dep : rhs.dependsOn)
            if (dep != out_.loopVar && firstPass_->modified.count(dep)) return;
        substitutions_[name] = rhs;
    }

    bool isIntName(const std::string& name) const {
        if (name == out_.loopVar || out_.innerLoopVars.count(name)) return true;
        auto t = types_.find(name);
        return t != types_.end() && t->second && t->second->isInt();
    }

    bool isIntArray(const std::string& name) const {
        auto t = types_.find(name);
        const Type* cur = t == types_.end() ? nullptr : t->second.get();
        while (cur && cur->isArray()) cur = cur->elem.get();
        return cur && cur->isInt();
    }

    // The affine form of an int expression, collecting its dependencies; nullopt if not affine.
    std::optional<AffineExpr> affine(const Expr& e, Subscript& s) {
        switch (e.kind) {
            case Expr::Kind::IntLit: return AffineExpr::constant(e.intValue);
            case Expr::Kind::Var: {
                auto sub = substitutions_.find(e.name);
                if (sub != substitutions_.end()) {
                    s.dependsOn.insert(sub->second.dependsOn.begin(), sub->second.dependsOn.end());
                    s.indirect = s.indirect || sub->second.indirect;
                    return sub->second.affine;
                }
                s.dependsOn.insert(e.name);
                if (isIntName(e.name)) return AffineExpr::atom(e.name);
                return std::nullopt;
            }
            case Expr::Kind::Neg: {
                auto a = affine(*e.operands[0], s);
                if (!a) return std::nullopt;
                return a->scaled(-1);
            }
            case Expr::Kind::Binary: {
                auto l = affine(*e.operands[0], s);
                auto r = affine(*e.operands[1], s);
                if (!l || !r) return std::nullopt;
                switch (e.op) {
                    case ast::BinaryOp::Add: return *l + *r;
                    case ast::BinaryOp::Sub: return *l - *r;
                    case ast::BinaryOp::Mul:
                        if (l->isConstant()) return r->scaled(l->constantTerm());
                        if (r->isConstant()) return l->scaled(r->constantTerm());
                        return std::nullopt;
                    case ast::BinaryOp::Div:
                        if (l->isConstant() && r->isConstant() && r->constantTerm() != 0)
                            return AffineExpr::constant(l->constantTerm() / r->constantTerm());
                        return std::nullopt;
                    default: return std::nullopt;
                }
            }
            case Expr::Kind::Index: {
                // An indirect index c[i]: one opaque atom named by its canonical text.
                std::vector<const Expr*> idx;
                const Expr* root = splitAccess(e, idx);
                if (root->kind != Expr::Kind::Var) return std::nullopt;
                s.dependsOn.insert(root->name);
                s.indirect = true;
                std::string atom = root->name;
                for (const Expr* i : idx) {
                    Subscript inner = subscript(*i);
                    s.dependsOn.insert(inner.dependsOn.begin(), inner.dependsOn.end());
                    atom += "[" + inner.text + "]";
                }
                if (!isIntArray(root->name)) return std::nullopt;
                return AffineExpr::atom(atom);
            }
            default: {
                ast::addVariablesOf(e, s.dependsOn);
                return std::nullopt;
            }
        }
    }

    Subscript subscript(const Expr& e) {
        Subscript s;
        if (e.kind == Expr::Kind::Call && e.name == kSliceCallee) {
            s.kind = Subscript::Kind::Slice;
            ast::addVariablesOf(e, s.dependsOn);
            // Bounds in canonical form where affine: u(i-1:i+1).
            for (size_t k = 0; k < e.operands.size(); ++k) {
                const Expr& b = *e.operands[k];
                Subscript scratch;
                auto a = b.kind == Expr::Kind::Var && b.name.empty() ? std::nullopt : affine(b, scratch);
                s.text += (k ? ":" : "") + (a ? a->str() : exprText(b));
            }
            return s;
        }
        if (auto a = affine(e, s)) {
            s.affine = *a;
            s.text = a->str();
            return s;
        }
        s.kind = Subscript::Kind::Opaque;
        ast::addVariablesOf(e, s.dependsOn);
        s.text = exprText(e);
        return s;
    }

    const ast::Module* module_;
    const VariableTypes& types_;
    LoopAccesses& out_;
    const LoopAccesses* firstPass_;
    std::map<std::string, Subscript> substitutions_;
    long long nextId_ = 1;
    bool outArgsRead_ = false;
    int passive_ = 0;  // > 0 while reading a passive value
};

}  // namespace

LoopAccesses inspectLoop(const ast::Function& fn, const ast::Stmt& forLoop, const ast::Module* module,
                         const VariableTypes& types) {
    return inspectLoop(fn, forLoop, module, types, InspectOptions{});
}

LoopAccesses inspectLoop(const ast::Function&, const ast::Stmt& forLoop, const ast::Module* module,
                         const VariableTypes& types, const InspectOptions& options) {
    LoopAccesses out;
    out.loopVar = forLoop.name;
    out.collapsed = options.collapsed.empty() ? std::vector<std::string>{forLoop.name} : options.collapsed;
    // Nested loop variables are known before the walk so that their subscripts are affine.
    ast::forEachStmt(forLoop.body, [&](const Stmt& s) {
        if (s.kind == Stmt::Kind::For) out.innerLoopVars.insert(s.name);
    });
    LoopAccesses first = out;
    Inspector(module, types, first, options.outArgumentsAlsoRead).block(forLoop.body, {});
    Inspector(module, types, out, options.outArgumentsAlsoRead, &first).block(forLoop.body, {});
    // The loop variable cannot be written (loop-var-assign), nested loop variables are
    // stable within their own bodies; anything else written makes an index depending on it
    // unstable: the same expression may name different elements at the read and the write.
    for (auto& [name, v] : out.vars) {
        for (auto* list : {&v.reads, &v.writes})
            for (Access& a : *list)
                for (Subscript& s : a.index)
                    for (const std::string& dep : s.dependsOn)
                        if (dep != out.loopVar && !out.innerLoopVars.count(dep) && out.modified.count(dep)) {
                            a.stable = false;
                            s.stable = false;
                        }
    }
    return out;
}

}  // namespace lomaw::omp
