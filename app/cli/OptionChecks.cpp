#include "OptionChecks.h"

#include <cmath>
#include <string>

namespace lomaw::cli {

CLI::Validator timeoutSeconds() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            double seconds = 0;
            if (!CLI::detail::lexical_cast(text, seconds) || !std::isfinite(seconds) || seconds < 0)
                return "expected a number of seconds >= 0 (0: no limit), got " + text;
            return "";
        },
        "SECONDS>=0", "timeout");
}

CLI::Validator workerCount() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            long long n = 0;
            if (!CLI::detail::lexical_cast(text, n) || n < 1 || n > kMaxWorkers)
                return "expected a whole number of workers from 1 to " + std::to_string(kMaxWorkers) + ", got " + text;
            return "";
        },
        "1.." + std::to_string(kMaxWorkers), "workers");
}

}  // namespace lomaw::cli
