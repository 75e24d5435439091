// Loss and gradient of one function at a point, for `lomaw descend`: the float components of
// the function's In parameters are the point (ints and Out parameters stay as given), and the
// gradient comes from one of four sources:
//
//   Reverse   the reverse derivative (rev_diff form, docs/language.md §6.3), seed 1 on the result:
//             one primal call for the loss and one derivative call per evaluation;
//   Forward   the forward derivative (§6.2), tangent 1 on one component at a time: n calls,
//             the loss being the .val of the result;
//   FiniteDifferences  central differences of the primal, as gradcheck computes them: 2n+1 calls;
//   Appended  a user function taking FUNC's parameters followed by one Out parameter per In
//             parameter (same type), which it fills with the gradient (zeroed before the call).
//
// A user gradient function with the rev_diff signature is called as Reverse.
//
// Built in the parent (argument lists and their leaves are prepared once); `bind` and
// `evaluate` run in the child that has the library loaded. Every call marshals the argument
// lists afresh, so a kernel that writes its parameters cannot leak state into the next step.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/BoundsRegistry.h"
#include "runtime/Layout.h"
#include "runtime/Signature.h"
#include "runtime/Value.h"

namespace lomaw::runtime {

enum class GradientLayout { Reverse, Forward, FiniteDifferences, Appended };

struct DescentProblem {
    Signature primal;                       // returns float
    std::vector<Value> start;               // its arguments at the start (parsed --args)
    GradientLayout layout = GradientLayout::Reverse;
    std::optional<Signature> gradient;      // the function called for the gradient (not for FiniteDifferences)
    int threads = 0;                        // @simd thread count
    double relativeStep = 4e-3;             // finite differences: h = relativeStep * max(1, |x|)
};

// The expected shapes of a user gradient function for `primal`, for messages and checks.
std::vector<ParamSignature> reverseFormParameters(const Signature& primal);
std::vector<ParamSignature> appendedFormParameters(const Signature& primal);
// "(x : In[float], _dx : Out[float])"
std::string parameterListText(const std::vector<ParamSignature>& params);
// Which layout a user gradient function `g` of `primal` has; nullopt when it fits neither.
std::optional<GradientLayout> gradientFunctionLayout(const Signature& primal, const Signature& g);

class DescentEvaluator {
public:
    using Entry = void (*)(void**, void*);

    DescentEvaluator(DescentProblem problem, const StructTable& structs, LayoutComputer& layouts);
    DescentEvaluator(const DescentEvaluator&) = delete;
    DescentEvaluator& operator=(const DescentEvaluator&) = delete;

    size_t size() const { return labels_.size(); }
    const std::vector<std::string>& labels() const { return labels_; }  // "x", "a[2]", "p.pos[1]"
    const std::vector<float>& startPoint() const { return startPoint_; }
    const DescentProblem& problem() const { return problem_; }

    // The harness entries of the primal and of the gradient function (null for FiniteDifferences).
    void bind(Entry primal, Entry gradient);
    // The library's --check-bounds registry, filled before every call (empty: no checks).
    void bindBounds(BoundsRegistry bounds) { bounds_ = bounds; }
    // The loss at x (float, as the kernel returns it) and the gradient into g (size()).
    float evaluate(const std::vector<float>& x, std::vector<double>& g);
    // FUNC's argument list at x (for printing in the --args form).
    std::vector<Value> argumentsAt(const std::vector<float>& x) const;

private:
    std::optional<Value> call(const Signature& s, Entry entry, const std::vector<Value>& args,
                              std::vector<Value>* after);
    float primalLoss();
    void gradientFromAdjoints(std::vector<double>& g);
    void gradientByForwardMode(const std::vector<float>& x, std::vector<double>& g, float& loss);
    void gradientByDifferences(const std::vector<float>& x, std::vector<double>& g);
    static void setLeaves(const std::vector<Value*>& leaves, const std::vector<float>& x);

    DescentProblem problem_;
    const StructTable& structs_;
    LayoutComputer& layouts_;
    std::vector<std::string> labels_;
    std::vector<float> startPoint_;
    Entry primalEntry_ = nullptr, gradientEntry_ = nullptr;
    BoundsRegistry bounds_;

    std::vector<Value> primalArgs_;          // FUNC's arguments; leaves = its float In components
    std::vector<Value*> primalLeaves_;
    std::vector<Value> gradientArgs_;        // Reverse / Appended: the gradient function's arguments
    std::vector<Value*> gradientLeaves_;     //   the point's components inside them
    std::vector<std::pair<size_t, size_t>> adjointSlots_;  // (FUNC's In parameter, its gradient's slot)
    std::vector<Value> dualArgs_;            // Forward: the dual arguments
    std::vector<std::pair<Value*, Value*>> dualLeaves_;   // (val, dval) per component
};

}  // namespace lomaw::runtime
