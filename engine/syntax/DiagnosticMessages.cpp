#include "syntax/DiagnosticMessages.h"

namespace lomaw {

std::string formatMessage(std::string_view format, std::span<const MessageArg> args) {
    std::string out;
    out.reserve(format.size() + 16);
    for (size_t i = 0; i < format.size(); ++i) {
        // messageArity checked the format when it compiled: every '{' opens "{d}".
        if (format[i] == '{' && i + 2 < format.size()) {
            size_t k = static_cast<size_t>(format[i + 1] - '0');
            if (k < args.size()) out += args[k].text();
            i += 2;
        } else {
            out += format[i];
        }
    }
    return out;
}

}  // namespace lomaw
