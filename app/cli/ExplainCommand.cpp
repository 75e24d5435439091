// lomaw explain [CODE] — what a diagnostic code means: every diagnostic ends with its code in
// brackets, e.g. `[undeclared-variable]`. With CODE, its row and then the formats of its messages
// and notes ({0}, {1}, ... stand for the names and types a diagnostic fills in); without CODE, the
// whole catalogue (one line per code: code, severity, meaning). The table is
// syntax/DiagnosticCatalogue.def; docs/language.md §8 lists the same codes and formats.
#include <iomanip>
#include <iostream>
#include <memory>

#include "Commands.h"
#include "syntax/Diagnostics.h"

namespace lomaw::cli {
namespace {

void printEntry(const DiagnosticInfo& d) {
    std::cout << std::left << std::setw(26) << d.code << std::setw(9) << severityName(d.severity) << d.meaning << "\n";
}

void printFormats(std::string_view code) {
    for (const MessageInfo& m : messageCatalogue())
        if (m.code == code) std::cout << (m.note ? "  note:    " : "  message: ") << m.format << "\n";
}

}  // namespace

Command addExplainCommand(CLI::App& app, const CommonOptions&) {
    auto code = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("explain", "Say what a diagnostic code means (all codes without CODE)");
    sub->add_option("CODE", *code, "the code in brackets at the end of a diagnostic, e.g. undeclared-variable");
    return {sub, [code]() -> int {
        if (code->empty()) {
            for (const DiagnosticInfo& d : diagnosticCatalogue()) printEntry(d);
            std::cout << std::flush;
            return kSuccess;
        }
        std::string wanted = *code;
        if (wanted.size() > 2 && wanted.front() == '[' && wanted.back() == ']') wanted = wanted.substr(1, wanted.size() - 2);
        const DiagnosticInfo* d = findDiagnostic(wanted);
        if (!d) {
            printUsageError("unknown diagnostic code '" + wanted + "' (lomaw explain lists every code)");
            return kUsageError;
        }
        printEntry(*d);
        printFormats(d->code);
        std::cout << "See docs/language.md §8 for examples." << std::endl;

        return kSuccess;
    }};
}

}  // namespace lomaw::cli
