#include "ad/AdContext.h"

#include <functional>

#include "syntax/AstWalk.h"
#include "ad/ForwardDiff.h"
#include "ad/ReverseDiff.h"
#include "ad/TypedBuild.h"
#include "sema/Builtins.h"
#include "sema/DerivativeSignature.h"
#include "sema/DifferentialType.h"
#include "syntax/Outcome.h"

namespace lomaw::ad {

AdContext::AdContext(ast::Module& m, DiagnosticSink& d) : module(m), diags(d) {
    for (ast::Item& it : module.items) {
        if (auto* s = std::get_if<ast::StructDecl>(&it)) {
            if (structs_.count(s->name)) continue;
            MemberList ms;
            for (const ast::Member& mem : s->members) ms.emplace_back(mem.name, mem.resolved);
            structs_[s->name] = std::move(ms);
        } else if (auto* f = std::get_if<ast::Function>(&it)) {
            userFns_.emplace(f->name, f);
        }
    }
    computeSimdReachable();
}

const MemberList* AdContext::members(const std::string& name) {
    if (auto it = structs_.find(name); it != structs_.end()) return &it->second;
    // A differential struct nobody has used yet: D applied to its base's members (§2.6).
    if (name.size() < 3 || name.compare(0, 2, "_d") != 0) return nullptr;
    std::string base = name.substr(2);
    MemberList ms;
    if (base == "float") {
        ms = {{"val", Type::floatType()}, {"dval", Type::floatType()}};
    } else {
        const MemberList* b = members(base);
        if (!b) return nullptr;
        for (const auto& [n, t] : *b) ms.emplace_back(n, sema::differentialType(t));
    }
    newStructs_.push_back(name);
    return &(structs_[name] = std::move(ms));
}

TypePtr AdContext::memberType(const TypePtr& t, const std::string& member) {
    if (t && t->isStruct())
        if (const MemberList* ms = members(t->structName))
            for (const auto& [n, mt] : *ms)
                if (n == member) return mt;
    internalError({}, "no member '" + member + "' in " + toString(t));
    return Type::floatType();
}

void AdContext::internalError(SourceLoc loc, const std::string& what) {
    if (reportedInternal_) return;
    reportedInternal_ = true;
    reportInternalError(diags, loc, what, "differentiation");
}

const ast::Function& AdContext::makeDfloatPrimal() {
    if (!makeDfloat_) {
        // make__dfloat is built in; AD differentiates it like the function it stands for:
        //   _r : _dfloat;  _r.val = val;  _r.dval = dval;  return _r
        makeDfloat_ = std::make_unique<ast::Function>(sema::makeDfloatSignature());
        TypePtr df = Type::structType("_dfloat");
        ast::Block& b = makeDfloat_->body;
        b.push_back(sDeclare("_r", df, nullptr, {}));
        for (const char* m : {"val", "dval"})
            b.push_back(sAssign(tMember(tVar("_r", df), m, Type::floatType()),
                                tVar(m, Type::floatType()), {}));
        b.push_back(sReturn(tVar("_r", df), {}));
    }
    return *makeDfloat_;
}

bool AdContext::holdsFloat(const TypePtr& t) {
    if (!t) return false;
    if (t->isFloat()) return true;
    if (t->isArray()) return holdsFloat(t->elem);
    if (t->isStruct())
        if (const MemberList* ms = members(t->structName))
            for (const auto& [n, mt] : *ms)
                if (holdsFloat(mt)) return true;
    return false;
}

const ast::Function* AdContext::signature(const std::string& name) {
    if (auto it = userFns_.find(name); it != userFns_.end()) return it->second;
    if (DerivativeJob* j = job(name)) {
        if (!j->fn) {
            const ast::Function* p = signature(j->primal);
            if (!p) return nullptr;
            const std::set<size_t>& inout = inoutParams(j->primal);
            ast::Function asIn;  // reverse mode of a consuming derivative: in-out params as In
            if (j->mode == Mode::Reverse && !inout.empty()) {
                asIn.name = p->name;
                asIn.loc = p->loc;
                asIn.simd = p->simd;
                asIn.openMpi = p->openMpi;
                asIn.returnType = p->returnType;
                for (size_t i = 0; i < p->params.size(); ++i) {
                    ast::Param q;
                    q.name = p->params[i].name;
                    q.loc = p->params[i].loc;
                    q.isOut = p->params[i].isOut && !inout.count(i);
                    q.resolved = p->params[i].resolved;
                    asIn.params.push_back(std::move(q));
                }
                p = &asIn;
            }
            j->fn = std::make_unique<ast::Function>(sema::derivativeSignature(*p, j->mode, j->name, j->loc));
            if (j->consumesAdjointInputs) {
                // Out y -> _dy : Out[T] for scalars and structs holding floats (by reference).
                size_t k = 0;
                for (const ast::Param& pp : p->params) {
                    if (!pp.isOut) {
                        k += 2;
                        continue;
                    }
                    if (k < j->fn->params.size() && pp.resolved && !pp.resolved->isArray() &&
                        holdsFloat(pp.resolved)) {
                        ast::Param& q = j->fn->params[k];
                        j->inoutParams.insert(k);
                        q.isOut = true;
                        q.annotation = sema::typeExprFor(q.resolved, ast::TypeExpr::Kind::Out);
                    }
                    k += 1;
                }
            }
        }
        return j->fn.get();
    }
    if (name == "make__dfloat") return &makeDfloatPrimal();
    return nullptr;
}

const ast::Function* AdContext::withBody(const std::string& name) {
    if (DerivativeJob* j = job(name)) {
        if (!j->done) {
            if (j->started) {
                internalError(j->loc, "cyclic derivative declarations for '" + name + "'");
                return nullptr;
            }
            generate(*j);
        }
        return j->fn.get();
    }
    return signature(name);
}

ast::Function* AdContext::addGeneratedFunction(std::unique_ptr<ast::Function> fn) {
    ast::Function* raw = fn.get();
    userFns_[raw->name] = raw;
    slices_.push_back(std::move(fn));
    return raw;
}

DerivativeJob* AdContext::job(const std::string& name) {
    auto it = jobs_.find(name);
    return it == jobs_.end() ? nullptr : it->second.get();
}

DerivativeJob* AdContext::registerDeclared(const ast::DiffDecl& d) {
    auto j = std::make_unique<DerivativeJob>();
    j->name = d.name;
    j->primal = d.target;
    j->mode = d.mode;
    j->loc = d.loc;
    j->declared = true;
    declaredFor_[{d.target, d.mode}] = d.name;  // the last declaration wins (§6.1)
    DerivativeJob* raw = j.get();
    jobs_[d.name] = std::move(j);
    return raw;
}

std::string AdContext::derivativeName(const std::string& primal, Mode mode) {
    if (auto it = declaredFor_.find({primal, mode}); it != declaredFor_.end()) return it->second;
    std::string name = sema::generatedDerivativeName(primal, mode);
    if (!job(name)) {
        auto j = std::make_unique<DerivativeJob>();
        j->name = name;
        j->primal = primal;
        j->mode = mode;
        queue_.push_back(j.get());
        jobs_[name] = std::move(j);
    }
    return name;
}

std::string AdContext::consumingDerivativeName(const std::string& primal) {
    if (auto it = consumingNames_.find(primal); it != consumingNames_.end()) return it->second;
    // Not an ABI name (docs/language.md §6.1 fixes only _d_fwd_/_d_rev_): when a user function
    // already has it, the helper takes the next free suffix instead of colliding.
    const std::string base = "_d_rev_inout_" + primal;
    std::string name = base;
    for (int k = 2; userFns_.count(name) || jobs_.count(name); ++k) name = base + "_" + std::to_string(k);
    consumingNames_[primal] = name;
    auto j = std::make_unique<DerivativeJob>();
    j->name = name;
    j->primal = primal;
    j->mode = Mode::Reverse;
    j->consumesAdjointInputs = true;
    queue_.push_back(j.get());
    jobs_[name] = std::move(j);
    return name;
}

const ast::Function* AdContext::forwardChainRoot(const DerivativeJob& j, int& levels) {
    levels = 1;
    std::string name = j.primal;
    for (const DerivativeJob* p = job(name); p && p->mode == Mode::Forward; p = job(name)) {
        name = p->primal;
        ++levels;
    }
    auto it = userFns_.find(name);
    return it == userFns_.end() || it->second->generated ? nullptr : it->second;
}

void AdContext::generate(DerivativeJob& j) {
    j.started = true;
    const ast::Function* primal = withBody(j.primal);
    const ast::Function* sig = signature(j.name);
    if (!primal || !sig) {
        internalError(j.loc, "no primal function '" + j.primal + "' for '" + j.name + "'");
        j.done = true;
        return;
    }
    if (j.mode == Mode::Reverse) {
        reverseBody(*this, *primal, *j.fn);
    } else {
        // fwd_diff of fwd_diff ... of f: f over dual numbers of that order, where it lifts.
        int levels = 0;
        const ast::Function* root = forwardChainRoot(j, levels);
        if (!root || levels < 2 || !liftedForwardBody(*this, *root, levels, *j.fn)) forwardBody(*this, *primal, *j.fn);
    }
    j.done = true;
}

bool AdContext::readsOutParam(const std::string& name, size_t index) {
    auto key = std::make_pair(name, index);
    if (auto it = readsOut_.find(key); it != readsOut_.end()) return it->second;
    readsOut_[key] = false;  // recursion: assume no read while the body is scanned
    bool reads = false;
    const ast::Function* fn = nullptr;
    if (DerivativeJob* j = job(name)) {
        if (j->mode == Mode::Reverse) reads = true;  // adjoint outputs accumulate (§6.3)
        else {
            // A forward derivative keeps its primal's parameters (§6.2) and reads what it reads.
            reads = readsOutParam(j->primal, index);
        }
    } else if (auto it = userFns_.find(name); it != userFns_.end()) {
        fn = it->second;
    }
    if (fn && index < fn->params.size() && fn->params[index].isOut) {
        const std::string& p = fn->params[index].name;
        auto mentions = [&](const ast::Expr& e) { return ast::mentions(e, p); };
        // Reads in an lvalue chain are its indices only.
        std::function<bool(const ast::Expr&)> indexMentions = [&](const ast::Expr& e) {
            if (e.kind == ast::Expr::Kind::Index) return mentions(*e.operands[1]) || indexMentions(*e.operands[0]);
            if (e.kind == ast::Expr::Kind::Member) return indexMentions(*e.operands[0]);
            return false;
        };
        std::function<bool(const ast::Block&)> scan = [&](const ast::Block& b) {
            for (const StmtPtr& s : b) {
                if (!s) continue;
                if (s->target && indexMentions(*s->target)) return true;
                if (s->kind == ast::Stmt::Kind::CallStmt && s->value) {
                    const ast::Expr& c = *s->value;
                    const ast::Function* sig = c.name == "atomic_add" ? nullptr : signature(c.name);
                    for (size_t i = 0; i < c.operands.size(); ++i) {
                        const ast::Expr& a = *c.operands[i];
                        bool out = c.name == "atomic_add" ? false : sig && i < sig->params.size() && sig->params[i].isOut;
                        if (c.name == "atomic_add" && i == 0) {
                            if (mentions(a)) return true;
                        } else if (out && isLvalueChain(a)) {
                            if (indexMentions(a)) return true;
                            if (chainRoot(a)->name == p && readsOutParam(c.name, i)) return true;
                        } else if (mentions(a)) {
                            return true;
                        }
                    }
                } else if (s->value && mentions(*s->value)) {
                    return true;
                }
                for (const ExprPtr& a : s->rangeArgs)
                    if (a && mentions(*a)) return true;
                if (scan(s->body) || scan(s->orelse)) return true;
            }
            return false;
        };
        reads = scan(fn->body);
    }
    readsOut_[key] = reads;
    return reads;
}

const std::set<size_t>& AdContext::inoutParams(const std::string& name) {
    static const std::set<size_t> none;
    DerivativeJob* j = job(name);
    if (!j) return none;
    if (j->consumesAdjointInputs) {
        signature(name);  // fills inoutParams
        return j->inoutParams;
    }
    if (j->inoutKnown) return j->inoutParams;
    j->inoutKnown = true;
    const std::set<size_t>& primalInout = inoutParams(j->primal);
    if (j->mode == Mode::Forward) {
        j->inoutParams = primalInout;  // same parameters, same qualifiers (§6.2)
    } else if (const ast::Function* p = primalInout.empty() ? nullptr : signature(j->primal)) {
        // Reverse mode treats them as In parameters whose adjoint (right after the value) is
        // replaced in place: read and written again, for the next order.
        size_t k = 0;
        for (size_t i = 0; i < p->params.size(); ++i) {
            if (p->params[i].isOut && !primalInout.count(i)) {
                k += 1;
                continue;
            }
            if (primalInout.count(i)) j->inoutParams.insert(k + 1);
            k += 2;
        }
    }
    return j->inoutParams;
}

bool AdContext::reverseNeedsParam(const std::string& name, size_t index) {
    const ast::Function* sig = signature(name);
    if (!sig || index >= sig->params.size()) return true;
    std::string d = derivativeName(name, Mode::Reverse);
    DerivativeJob* j = job(d);
    if (!j) return true;
    if (!j->done) {
        if (j->started) return true;  // being generated (recursion): assume it reads
        generate(*j);
    }
    auto it = reverseNeeds_.find(d);
    return it == reverseNeeds_.end() || it->second.count(sig->params[index].name) > 0;
}

bool AdContext::writesInArrayParam(const std::string& name, size_t index) {
    DerivativeJob* j = job(name);
    if (!j) return false;  // user functions may not (§6.6)
    const ast::Function* primal = signature(j->primal);
    if (!primal) return false;
    if (j->mode == Mode::Forward) return writesInArrayParam(j->primal, index);
    size_t k = 0;
    const std::set<size_t>& inout = inoutParams(j->primal);
    for (size_t pi = 0; pi < primal->params.size(); ++pi) {
        const ast::Param& p = primal->params[pi];
        if (p.isOut && !inout.count(pi)) {
            if (k == index) return p.resolved && p.resolved->isArray();
            k += 1;
        } else {
            k += 2;
        }
        if (k > index) return false;
    }
    return false;
}

void AdContext::computeSimdReachable() {
    std::function<void(const ast::Expr&)> visitExpr;
    std::function<void(const ast::Block&)> visitBlock;
    std::vector<std::string> work;
    visitExpr = [&](const ast::Expr& e) {
        if (e.kind == ast::Expr::Kind::Call && !simdReachable_.count(e.name)) {
            simdReachable_.insert(e.name);
            work.push_back(e.name);
        }
        for (const ExprPtr& o : e.operands)
            if (o) visitExpr(*o);
    };
    visitBlock = [&](const ast::Block& b) {
        for (const StmtPtr& s : b) {
            if (!s) continue;
            for (const ExprPtr* e : {&s->target, &s->value})
                if (*e) visitExpr(**e);
            for (const ExprPtr& a : s->rangeArgs)
                if (a) visitExpr(*a);
            visitBlock(s->body);
            visitBlock(s->orelse);
        }
    };
    for (auto& [name, f] : userFns_)
        if (f->simd) {
            simdReachable_.insert(name);
            visitBlock(f->body);
        }
    // Declared derivatives of @simd functions are @simd too.
    for (const ast::Item& it : module.items)
        if (auto* d = std::get_if<ast::DiffDecl>(&it))
            if (simdReachable_.count(d->target)) simdReachable_.insert(d->name);
    while (!work.empty()) {
        std::string n = work.back();
        work.pop_back();
        if (auto it = userFns_.find(n); it != userFns_.end()) visitBlock(it->second->body);
    }
}

std::string NameAllocator::fresh(const std::string& base) {
    int& suffix = nextSuffix_[base];  // 0: base itself not tried yet
    std::string n = suffix == 0 ? base : base + "_" + std::to_string(suffix);
    while (taken_.count(n)) {
        suffix = suffix < 2 ? 2 : suffix + 1;
        n = base + "_" + std::to_string(suffix);
    }
    taken_.insert(n);
    return n;
}

void NameAllocator::takeAll(const ast::Function& f) {
    for (const ast::Param& p : f.params) take(p.name);
    forEachStmt(f.body, [&](const ast::Stmt& s) {
        if (s.kind == ast::Stmt::Kind::Declare || s.kind == ast::Stmt::Kind::For) take(s.name);
    });
}

}  // namespace lomaw::ad
