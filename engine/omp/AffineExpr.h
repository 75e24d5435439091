// A small symbolic affine expression: c0 + sum(coef * atom). An atom is an int variable
// ("i", "n") or an opaque indirect term ("c[i]") whose own index is kept by the inspector.
// Used for array index expressions of parallel loops, where "same element" questions reduce
// to equality of canonical forms (and equality up to a constant offset).
#pragma once

#include <map>
#include <optional>
#include <string>

namespace lomaw::omp {

class AffineExpr {
public:
    AffineExpr() = default;
    static AffineExpr constant(long long c);
    static AffineExpr atom(const std::string& name, long long coef = 1);

    AffineExpr operator+(const AffineExpr& o) const;
    AffineExpr operator-(const AffineExpr& o) const;
    AffineExpr scaled(long long k) const;

    long long constantTerm() const { return constant_; }
    // Coefficient of `name` (0 when absent).
    long long coefficient(const std::string& name) const;
    const std::map<std::string, long long>& terms() const { return terms_; }
    bool isConstant() const { return terms_.empty(); }
    // When this and `o` differ only by a constant: this - o.
    std::optional<long long> offsetFrom(const AffineExpr& o) const;

    // Canonical text: positive terms by name, then negative terms by name, then the constant:
    // "i", "i-1", "2*i+1", "n-i", "c[i]+n-2", "0".
    std::string str() const;

    friend bool operator==(const AffineExpr& a, const AffineExpr& b) {
        return a.constant_ == b.constant_ && a.terms_ == b.terms_;
    }
    friend bool operator<(const AffineExpr& a, const AffineExpr& b) {
        return a.terms_ != b.terms_ ? a.terms_ < b.terms_ : a.constant_ < b.constant_;
    }

private:
    void normalise();  // drops zero coefficients: the canonical form

    std::map<std::string, long long> terms_;
    long long constant_ = 0;
};

}  // namespace lomaw::omp
