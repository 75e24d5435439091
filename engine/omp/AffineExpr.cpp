#include "omp/AffineExpr.h"

namespace lomaw::omp {

AffineExpr AffineExpr::constant(long long c) {
    AffineExpr e;
    e.constant_ = c;
    return e;
}

AffineExpr AffineExpr::atom(const std::string& name, long long coef) {
    AffineExpr e;
    e.terms_[name] = coef;
    e.normalise();
    return e;
}

AffineExpr AffineExpr::operator+(const AffineExpr& o) const {
    AffineExpr r = *this;
    r.constant_ += o.constant_;
    for (const auto& [name, coef] : o.terms_) r.terms_[name] += coef;
    r.normalise();
    return r;
}

AffineExpr AffineExpr::operator-(const AffineExpr& o) const { return *this + o.scaled(-1); }

AffineExpr AffineExpr::scaled(long long k) const {
    AffineExpr r;
    r.constant_ = constant_ * k;
    for (const auto& [name, coef] : terms_) r.terms_[name] = coef * k;
    r.normalise();
    return r;
}

long long AffineExpr::coefficient(const std::string& name) const {
    auto it = terms_.find(name);
    return it == terms_.end() ? 0 : it->second;
}

std::optional<long long> AffineExpr::offsetFrom(const AffineExpr& o) const {
    if (terms_ != o.terms_) return std::nullopt;
    return constant_ - o.constant_;
}

void AffineExpr::normalise() {
    for (auto it = terms_.begin(); it != terms_.end();)
        it = it->second == 0 ? terms_.erase(it) : std::next(it);
}

std::string AffineExpr::str() const {
    std::string out;
    auto term = [&](const std::string& name, long long coef) {
        long long mag = coef < 0 ? -coef : coef;
        if (coef < 0) out += "-";
        else if (!out.empty()) out += "+";
        if (mag != 1) out += std::to_string(mag) + "*";
        out += name;
    };
    for (const auto& [name, coef] : terms_)
        if (coef > 0) term(name, coef);
    for (const auto& [name, coef] : terms_)
        if (coef < 0) term(name, coef);
    if (constant_ != 0 || out.empty()) {
        if (constant_ >= 0 && !out.empty()) out += "+";
        out += std::to_string(constant_);
    }
    return out;
}

}  // namespace lomaw::omp
