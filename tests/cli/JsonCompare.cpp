#include "JsonCompare.h"

#include <cmath>

namespace lomaw::test {

namespace {

std::string compareAt(const nlohmann::json& e, const nlohmann::json& a, const std::string& path,
                      double relTol, double absTol) {
    if (e.is_number() && a.is_number()) {
        double x = e.get<double>(), y = a.get<double>();
        if (std::fabs(x - y) <= absTol + relTol * std::fabs(x)) return "";
        return path + ": expected " + e.dump() + ", got " + a.dump();
    }
    if (e.is_array() && a.is_array()) {
        if (e.size() != a.size())
            return path + ": expected " + std::to_string(e.size()) + " elements, got " + std::to_string(a.size());
        for (size_t i = 0; i < e.size(); ++i) {
            std::string r = compareAt(e[i], a[i], path + "[" + std::to_string(i) + "]", relTol, absTol);
            if (!r.empty()) return r;
        }
        return "";
    }
    if (e.is_object() && a.is_object()) {
        if (e.size() != a.size()) return path + ": expected keys " + e.dump() + ", got " + a.dump();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key())) return path + ": missing key " + it.key();
            std::string r = compareAt(it.value(), a[it.key()], path + "." + it.key(), relTol, absTol);
            if (!r.empty()) return r;
        }
        return "";
    }
    if (e == a) return "";
    return path + ": expected " + e.dump() + ", got " + a.dump();
}

}  // namespace

std::string compareJson(const nlohmann::json& expected, const nlohmann::json& actual, double relTol,
                        double absTol) {
    return compareAt(expected, actual, "result", relTol, absTol);
}

}  // namespace lomaw::test
