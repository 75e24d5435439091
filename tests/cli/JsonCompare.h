// Compares a result JSON with an expected one: numbers within a float32-appropriate tolerance,
// everything else exactly. Expected numbers in the corpus are computed by hand in real
// arithmetic, so the kernel's float32 rounding must be tolerated.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace lomaw::test {

// "" when equal; otherwise where and how they differ ("args[1][2]: expected 3, got 3.5").
std::string compareJson(const nlohmann::json& expected, const nlohmann::json& actual,
                        double relTol = 2e-5, double absTol = 1e-5);

}  // namespace lomaw::test
