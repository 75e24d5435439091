#include "runtime/DescentUpdate.h"

#include <cmath>

namespace lomaw::runtime {

std::optional<DescentOptimizer> descentOptimizerFromName(const std::string& name) {
    if (name == "plain") return DescentOptimizer::Plain;
    if (name == "momentum") return DescentOptimizer::Momentum;
    if (name == "adam") return DescentOptimizer::Adam;
    return std::nullopt;
}

DescentUpdate::DescentUpdate(const DescentRule& rule, size_t parameters)
    : rule_(rule), m_(parameters, 0.0), v_(parameters, 0.0) {}

void DescentUpdate::apply(std::vector<double>& p, const std::vector<double>& g) {
    const double t = static_cast<double>(++t_);
    const double lr = rule_.learningRate, b1 = rule_.momentum, b2 = rule_.beta2;
    for (size_t i = 0; i < p.size(); ++i) {
        switch (rule_.optimizer) {
            case DescentOptimizer::Plain: p[i] -= lr * g[i]; break;
            case DescentOptimizer::Momentum:
                m_[i] = b1 * m_[i] + g[i];
                p[i] -= lr * m_[i];
                break;
            case DescentOptimizer::Adam: {
                m_[i] = b1 * m_[i] + (1 - b1) * g[i];
                v_[i] = b2 * v_[i] + (1 - b2) * g[i] * g[i];
                double mh = m_[i] / (1 - std::pow(b1, t)), vh = v_[i] / (1 - std::pow(b2, t));
                p[i] -= lr * mh / (std::sqrt(vh) + rule_.epsilon);
                break;
            }
        }
    }
}

}  // namespace lomaw::runtime
