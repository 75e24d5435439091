// The argument lists of a function's forward and reverse derivatives at one point, and the
// derivative values read back from their results, as flat vectors of float components.
//
// Inputs are the float components of the In parameters, in parameter order; outputs are the
// float components of the result, then of every Out parameter (docs/language.md §6: the derivative
// signatures). With v a tangent of the inputs and w an adjoint of the outputs, the forward
// derivative called with forwardArguments(v) gives J·v (outputTangents), and the reverse
// derivative called with reverseArguments(w) gives Jᵀ·w (inputAdjoints). `lomaw gradcheck`
// and the dot-product property test both probe derivatives through this one class.
#pragma once

#include <cstddef>
#include <vector>

#include "gradcheck/JsonLeaves.h"

namespace lomaw::gradcheck {

class DerivativeProbe {
public:
    // `args`: the primal argument list (the `lomaw run --args` encoding); `primalResult`: the
    // primal call's result {"return", "args"}, which gives the shape of the return value.
    DerivativeProbe(const runtime::Signature& signature, const runtime::StructTable& structs, json args,
                    json primalResult);

    size_t inputCount() const { return inputLabels_.size(); }
    size_t outputCount() const { return outputCount_; }
    // "x", "a[2]", "p.pos[1]": one per input component.
    const std::vector<std::string>& inputLabels() const { return inputLabels_; }

    json forwardArguments(const std::vector<double>& tangents) const;
    std::vector<double> outputTangents(const json& forwardResult) const;
    // The outputs of a primal call (what finite differences compare).
    std::vector<double> outputValues(const json& primalResult) const;

    json reverseArguments(const std::vector<double>& outputAdjoints) const;
    std::vector<double> inputAdjoints(const json& reverseResult) const;

    // The primal argument list with input component `component` set to `value`.
    json argumentsWithInput(size_t component, double value) const;
    double input(size_t component) const;

private:
    bool hasReturn() const;
    // Visits the output leaves of a primal-shaped result (return value first, then Out params).
    void forEachOutputLeaf(json& result, const std::function<void(json&)>& visit) const;
    // Visits the input leaves of a primal-shaped argument list whose In parameter p sits at
    // position position(p).
    void forEachInputLeaf(json& argumentList, const std::function<size_t(size_t)>& position,
                          const std::function<void(json&)>& visit) const;

    const runtime::Signature& signature_;
    const runtime::StructTable& structs_;
    json args_;
    json returnShape_;
    std::vector<std::string> inputLabels_;
    size_t outputCount_ = 0;
};

}  // namespace lomaw::gradcheck
