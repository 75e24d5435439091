#include "gradcheck/DerivativeProbe.h"

#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace lomaw::gradcheck {

namespace {

size_t identity(size_t p) { return p; }

}  // namespace

DerivativeProbe::DerivativeProbe(const runtime::Signature& signature, const runtime::StructTable& structs,
                                 json args, json primalResult)
    : signature_(signature), structs_(structs), args_(std::move(args)) {
    if (hasReturn()) returnShape_ = primalResult.at("return");
    for (size_t p = 0; p < signature_.params.size(); ++p)
        if (!signature_.params[p].isOut)
            forEachFloatLeaf(*signature_.params[p].type, args_.at(p), structs_, signature_.params[p].name,
                             [&](json&, const std::string& label) { inputLabels_.push_back(label); });
    outputCount_ = outputValues(primalResult).size();
}

bool DerivativeProbe::hasReturn() const { return signature_.returnType && !signature_.returnType->isVoid(); }

void DerivativeProbe::forEachOutputLeaf(json& result, const std::function<void(json&)>& visit) const {
    auto walk = [&](const Type& t, json& v) {
        forEachFloatLeaf(t, v, structs_, "", [&](json& leaf, const std::string&) { visit(leaf); });
    };
    if (hasReturn()) walk(*signature_.returnType, result.at("return"));
    for (size_t p = 0; p < signature_.params.size(); ++p)
        if (signature_.params[p].isOut) walk(*signature_.params[p].type, result.at("args").at(p));
}

void DerivativeProbe::forEachInputLeaf(json& argumentList, const std::function<size_t(size_t)>& position,
                                       const std::function<void(json&)>& visit) const {
    for (size_t p = 0; p < signature_.params.size(); ++p)
        if (!signature_.params[p].isOut)
            forEachFloatLeaf(*signature_.params[p].type, argumentList.at(position(p)), structs_, "",
                             [&](json& leaf, const std::string&) { visit(leaf); });
}

json DerivativeProbe::forwardArguments(const std::vector<double>& tangents) const {
    if (tangents.size() != inputCount()) throw std::logic_error("DerivativeProbe: wrong number of tangents");
    json dual = json::array();
    for (size_t p = 0; p < signature_.params.size(); ++p)
        dual.push_back(dualOf(*signature_.params[p].type, args_[p], structs_));
    size_t i = 0;
    forEachInputLeaf(dual, identity, [&](json& leaf) { leaf["dval"] = tangents[i++]; });
    return dual;
}

std::vector<double> DerivativeProbe::outputTangents(const json& forwardResult) const {
    std::vector<double> out;
    json copy = forwardResult;
    forEachOutputLeaf(copy, [&](json& leaf) {
        out.push_back(leaf.is_object() && leaf.contains("dval") ? leafNumber(leaf["dval"])
                                                                : std::numeric_limits<double>::quiet_NaN());
    });
    return out;
}

std::vector<double> DerivativeProbe::outputValues(const json& primalResult) const {
    std::vector<double> out;
    json copy = primalResult;
    forEachOutputLeaf(copy, [&](json& leaf) { out.push_back(leafNumber(leaf)); });
    return out;
}

// The reverse derivative's parameters (§6.2): each In parameter followed by its adjoint (zero),
// each Out parameter replaced by its seed, then the seed of the return value.
json DerivativeProbe::reverseArguments(const std::vector<double>& outputAdjoints) const {
    if (outputAdjoints.size() != outputCount()) throw std::logic_error("DerivativeProbe: wrong number of adjoints");
    json seeds = {{"return", hasReturn() ? filledLike(*signature_.returnType, returnShape_, structs_, 0.0) : json()},
                  {"args", json::array()}};
    for (size_t p = 0; p < signature_.params.size(); ++p)
        seeds["args"].push_back(signature_.params[p].isOut
                                    ? filledLike(*signature_.params[p].type, args_[p], structs_, 0.0)
                                    : json());
    size_t i = 0;
    forEachOutputLeaf(seeds, [&](json& leaf) { leaf = outputAdjoints[i++]; });

    json rev = json::array();
    for (size_t p = 0; p < signature_.params.size(); ++p) {
        if (signature_.params[p].isOut) {
            rev.push_back(seeds["args"][p]);
        } else {
            rev.push_back(args_[p]);
            rev.push_back(filledLike(*signature_.params[p].type, args_[p], structs_, 0.0));
        }
    }
    if (hasReturn()) rev.push_back(seeds["return"]);
    return rev;
}

std::vector<double> DerivativeProbe::inputAdjoints(const json& reverseResult) const {
    // Position of In parameter p's adjoint in the reverse argument list: after every earlier
    // parameter (In parameters take two slots) and after p itself.
    std::vector<size_t> adjointAt(signature_.params.size(), 0);
    size_t slot = 0;
    for (size_t p = 0; p < signature_.params.size(); ++p) {
        if (signature_.params[p].isOut) {
            ++slot;
        } else {
            adjointAt[p] = slot + 1;
            slot += 2;
        }
    }
    std::vector<double> out;
    json args = reverseResult.at("args");
    forEachInputLeaf(args, [&](size_t p) { return adjointAt[p]; },
                     [&](json& leaf) { out.push_back(leafNumber(leaf)); });
    return out;
}

json DerivativeProbe::argumentsWithInput(size_t component, double value) const {
    json moved = args_;
    size_t i = 0;
    forEachInputLeaf(moved, identity, [&](json& leaf) {
        if (i++ == component) leaf = value;
    });
    return moved;
}

double DerivativeProbe::input(size_t component) const {
    json copy = args_;
    double x = std::numeric_limits<double>::quiet_NaN();
    size_t i = 0;
    forEachInputLeaf(copy, identity, [&](json& leaf) {
        if (i++ == component) x = leafNumber(leaf);
    });
    return x;
}

}  // namespace lomaw::gradcheck
