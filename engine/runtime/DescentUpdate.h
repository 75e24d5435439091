// The update rules of `lomaw descend`, the same formulas (and the same double-precision state)
// as the driver of `lomaw optimize` (engine/codegen/MpiParentEmitter.cpp, docs/mpi.md):
//   plain     p <- p - lr*g
//   momentum  v <- beta*v + g;  p <- p - lr*v                     (heavy ball, v0 = 0)
//   adam      m <- b1*m + (1-b1)*g;  v <- b2*v + (1-b2)*g^2;
//             p <- p - lr * (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps),  t = 1, 2, ...
// p is kept in double; the kernel sees (float)p.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lomaw::runtime {

enum class DescentOptimizer { Plain, Momentum, Adam };

// "plain", "momentum", "adam"; nullopt for anything else.
std::optional<DescentOptimizer> descentOptimizerFromName(const std::string& name);

struct DescentRule {
    DescentOptimizer optimizer = DescentOptimizer::Plain;
    double learningRate = 0.01;
    double momentum = 0.9;  // momentum's beta, Adam's beta1
    double beta2 = 0.999;   // Adam
    double epsilon = 1e-8;  // Adam
};

class DescentUpdate {
public:
    DescentUpdate(const DescentRule& rule, size_t parameters);
    // One step (t = 1 for the first): moves `p` against the gradient `g`.
    void apply(std::vector<double>& p, const std::vector<double>& g);

private:
    DescentRule rule_;
    std::vector<double> m_, v_;
    long long t_ = 0;
};

}  // namespace lomaw::runtime
