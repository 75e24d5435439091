#include "runtime/DescentEvaluator.h"

#include <algorithm>
#include <cmath>

#include "runtime/ArgumentMemory.h"
#include "runtime/DescentValues.h"
#include "runtime/EngineBug.h"

namespace lomaw::runtime {

namespace {

ParamSignature param(const std::string& name, const TypePtr& type, bool isOut) { return {name, type, isOut}; }

bool sameShape(const std::vector<ParamSignature>& expected, const Signature& g) {
    if (g.params.size() != expected.size()) return false;
    if (g.returnType && !g.returnType->isVoid()) return false;
    for (size_t i = 0; i < expected.size(); ++i)
        if (g.params[i].isOut != expected[i].isOut || !sameType(g.params[i].type, expected[i].type)) return false;
    return true;
}

}  // namespace

std::vector<ParamSignature> reverseFormParameters(const Signature& primal) {
    std::vector<ParamSignature> out;
    for (const ParamSignature& p : primal.params) {
        if (p.isOut) {
            out.push_back(param("_d" + p.name, p.type, false));
        } else {
            out.push_back(p);
            out.push_back(param("_d" + p.name, p.type, true));
        }
    }
    out.push_back(param("_dreturn", Type::floatType(), false));
    return out;
}

std::vector<ParamSignature> appendedFormParameters(const Signature& primal) {
    std::vector<ParamSignature> out = primal.params;
    for (const ParamSignature& p : primal.params)
        if (!p.isOut) out.push_back(param("_d" + p.name, p.type, true));
    return out;
}

std::string parameterListText(const std::vector<ParamSignature>& params) {
    std::string out = "(";
    for (size_t i = 0; i < params.size(); ++i)
        out += (i ? ", " : "") + params[i].name + " : " + (params[i].isOut ? "Out[" : "In[") +
               toString(params[i].type) + "]";
    return out + ")";
}

std::optional<GradientLayout> gradientFunctionLayout(const Signature& primal, const Signature& g) {
    if (g.simd != primal.simd) return std::nullopt;
    if (sameShape(reverseFormParameters(primal), g)) return GradientLayout::Reverse;
    if (sameShape(appendedFormParameters(primal), g)) return GradientLayout::Appended;
    return std::nullopt;
}

DescentEvaluator::DescentEvaluator(DescentProblem problem, const StructTable& structs, LayoutComputer& layouts)
    : problem_(std::move(problem)), structs_(structs), layouts_(layouts) {
    const Signature& f = problem_.primal;
    primalArgs_ = problem_.start;
    for (size_t p = 0; p < f.params.size(); ++p)
        if (!f.params[p].isOut)
            forEachFloatValue(*f.params[p].type, primalArgs_[p], structs_, f.params[p].name,
                              [&](Value& leaf, const std::string& label) {
                                  labels_.push_back(label);
                                  startPoint_.push_back(leaf.floatValue);
                                  primalLeaves_.push_back(&leaf);
                              });
    auto collect = [&](size_t p, Value& v, std::vector<Value*>& into) {
        forEachFloatLeaf(*f.params[p].type, v, structs_, [&](Value& leaf) { into.push_back(&leaf); });
    };
    switch (problem_.layout) {
        case GradientLayout::Reverse: {
            // §6.3: each In parameter then its adjoint (zero), each Out parameter's seed (zero:
            // the loss is the result alone), then the result's seed 1.
            for (size_t p = 0; p < f.params.size(); ++p) {
                const Type& t = *f.params[p].type;
                if (!f.params[p].isOut) gradientArgs_.push_back(problem_.start[p]);
                if (!f.params[p].isOut) adjointSlots_.push_back({p, gradientArgs_.size()});
                gradientArgs_.push_back(floatsFilled(t, problem_.start[p], structs_, 0.0f));
            }
            gradientArgs_.push_back(Value::ofFloat(1.0f));
            size_t slot = 0;
            for (size_t p = 0; p < f.params.size(); ++p) {
                if (!f.params[p].isOut) collect(p, gradientArgs_[slot++], gradientLeaves_);
                ++slot;
            }
            break;
        }
        case GradientLayout::Appended: {
            gradientArgs_ = problem_.start;
            for (size_t p = 0; p < f.params.size(); ++p)
                if (!f.params[p].isOut) {
                    adjointSlots_.push_back({p, gradientArgs_.size()});
                    gradientArgs_.push_back(floatsFilled(*f.params[p].type, problem_.start[p], structs_, 0.0f));
                }
            for (size_t p = 0; p < f.params.size(); ++p)
                if (!f.params[p].isOut) collect(p, gradientArgs_[p], gradientLeaves_);
            break;
        }
        case GradientLayout::Forward: {
            for (size_t p = 0; p < f.params.size(); ++p)
                dualArgs_.push_back(dualValue(*f.params[p].type, problem_.start[p], structs_));
            for (size_t p = 0; p < f.params.size(); ++p)
                if (!f.params[p].isOut)
                    forEachDualPair(*f.params[p].type, dualArgs_[p], structs_,
                                    [&](Value& val, Value& dval) { dualLeaves_.push_back({&val, &dval}); });
            break;
        }
        case GradientLayout::FiniteDifferences: break;
    }
}

void DescentEvaluator::bind(Entry primal, Entry gradient) {
    primalEntry_ = primal;
    gradientEntry_ = gradient;
}

std::optional<Value> DescentEvaluator::call(const Signature& s, Entry entry, const std::vector<Value>& args,
                                            std::vector<Value>* after) {
    if (!entry) throw EngineBug("descent: function " + s.name + " is not bound");
    ArgumentMemory memory(s, args, problem_.threads, layouts_);
    bounds_.fill(memory);
    entry(memory.args(), memory.returnSlot());
    if (after) *after = memory.readArguments();
    return memory.readReturn();
}

void DescentEvaluator::setLeaves(const std::vector<Value*>& leaves, const std::vector<float>& x) {
    for (size_t i = 0; i < leaves.size(); ++i) leaves[i]->floatValue = x[i];
}

float DescentEvaluator::primalLoss() {
    std::optional<Value> r = call(problem_.primal, primalEntry_, primalArgs_, nullptr);
    return r ? r->floatValue : NAN;
}

void DescentEvaluator::gradientFromAdjoints(std::vector<double>& g) {
    std::vector<Value> after;
    call(*problem_.gradient, gradientEntry_, gradientArgs_, &after);
    size_t i = 0;
    for (const auto& [p, slot] : adjointSlots_)
        forEachFloatLeaf(*problem_.primal.params[p].type, after.at(slot), structs_, [&](Value& leaf) {
            if (i < g.size()) g[i++] = leaf.floatValue;
        });
}

void DescentEvaluator::gradientByForwardMode(const std::vector<float>& x, std::vector<double>& g, float& loss) {
    for (size_t i = 0; i < dualLeaves_.size(); ++i) {
        dualLeaves_[i].first->floatValue = x[i];
        dualLeaves_[i].second->floatValue = 0.0f;
    }
    loss = NAN;
    for (size_t i = 0; i < dualLeaves_.size(); ++i) {
        dualLeaves_[i].second->floatValue = 1.0f;
        std::optional<Value> r = call(*problem_.gradient, gradientEntry_, dualArgs_, nullptr);
        dualLeaves_[i].second->floatValue = 0.0f;
        // The result is a _dfloat {val, dval}; .val is the primal result bit for bit (§6.2).
        loss = r ? r->items.at(0).floatValue : NAN;
        g[i] = r ? r->items.at(1).floatValue : NAN;
    }
}

void DescentEvaluator::gradientByDifferences(const std::vector<float>& x, std::vector<double>& g) {
    // As gradcheck: steps on the float grid, divided by their real distance (docs/gradcheck.md).
    for (size_t i = 0; i < primalLeaves_.size(); ++i) {
        double h = problem_.relativeStep * std::max(1.0, std::fabs(static_cast<double>(x[i])));
        float up = static_cast<float>(x[i] + h), down = static_cast<float>(x[i] - h);
        primalLeaves_[i]->floatValue = up;
        double fUp = primalLoss();
        primalLeaves_[i]->floatValue = down;
        double fDown = primalLoss();
        primalLeaves_[i]->floatValue = x[i];
        g[i] = (fUp - fDown) / (static_cast<double>(up) - static_cast<double>(down));
    }
}

float DescentEvaluator::evaluate(const std::vector<float>& x, std::vector<double>& g) {
    g.assign(size(), 0.0);
    float loss = NAN;
    switch (problem_.layout) {
        case GradientLayout::Reverse:
        case GradientLayout::Appended:
            setLeaves(primalLeaves_, x);
            loss = primalLoss();
            setLeaves(gradientLeaves_, x);
            gradientFromAdjoints(g);
            break;
        case GradientLayout::Forward: gradientByForwardMode(x, g, loss); break;
        case GradientLayout::FiniteDifferences:
            setLeaves(primalLeaves_, x);
            loss = primalLoss();
            gradientByDifferences(x, g);
            break;
    }
    return loss;
}

std::vector<Value> DescentEvaluator::argumentsAt(const std::vector<float>& x) const {
    std::vector<Value> args = problem_.start;
    size_t i = 0;
    const Signature& f = problem_.primal;
    for (size_t p = 0; p < f.params.size(); ++p)
        if (!f.params[p].isOut)
            forEachFloatLeaf(*f.params[p].type, args[p], structs_, [&](Value& leaf) {
                if (i < x.size()) leaf.floatValue = x[i++];
            });
    return args;
}

}  // namespace lomaw::runtime
