#include "OptionChecks.h"

#include <charconv>
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

CLI::Validator wholeNumber(long long min, long long max) {
    // INT_MAX as the bound is the size of the value, not a choice: named only when it is exceeded.
    const std::string range =
        max == INT_MAX ? ">= " + std::to_string(min) : "from " + std::to_string(min) + " to " + std::to_string(max);
    const std::string full = "from " + std::to_string(min) + " to " + std::to_string(max);
    return CLI::Validator(
        [min, max, range, full](std::string& text) -> std::string {
            // from_chars: digits only, so 1e3, 2.0 and an overflowing number are refused, not rounded.
            long long n = 0;
            const char* end = text.data() + text.size();
            auto [stop, error] = std::from_chars(text.data(), end, n);
            const bool digits = !text.empty() && stop == end;
            const bool overflow = error == std::errc::result_out_of_range;
            if (digits && !overflow && error == std::errc() && n >= min && n <= max) return "";
            const bool tooBig = digits && (overflow ? text[0] != '-' : error == std::errc() && n > max);
            return "expected a whole number " + (tooBig ? full : range) + ", got " + text;
        },
        "INT " + range, "whole number " + range);
}

CLI::Validator realNumber(RealRange range) {
    const char* wanted = range == RealRange::NonNegative ? "a finite number >= 0"
                         : range == RealRange::Positive  ? "a finite number > 0"
                                                         : "a number >= 0 and < 1";
    return CLI::Validator(
        [range, wanted](std::string& text) -> std::string {
            double v = 0;
            bool ok = CLI::detail::lexical_cast(text, v) && std::isfinite(v);
            if (ok && range == RealRange::NonNegative) ok = v >= 0;
            if (ok && range == RealRange::Positive) ok = v > 0;
            if (ok && range == RealRange::Decay) ok = v >= 0 && v < 1;
            if (!ok) return std::string("expected ") + wanted + ", got " + text;
            return "";
        },
        "NUMBER", wanted);
}

}  // namespace lomaw::cli
