// The message formats of the diagnostic catalogue (syntax/DiagnosticCatalogue.def), as ids the
// sink accepts, with their argument counts checked when the program is compiled.
//
// Each LOMAW_MESSAGE(Id, code, format) row becomes `msg::Id`, whose type carries the number of
// placeholders ({0}, {1}, ...) of its format. A diagnostic is reported as
//     diags.report(loc, msg::DuplicateDeclaration, s.name);
// and its severity and code come from the code's LOMAW_DIAGNOSTIC row. A call with more or fewer
// arguments than placeholders does not build: Message's constructor requires
// `sizeof...(args) == N`, so GCC says "no matching function for call to 'Message(...)'" and
// names the unsatisfied constraint (tests/engine/syntax/test_diagnostic_catalogue.cpp checks
// that with static_asserts). A LOMAW_NOTE row is the same for a note attached with
// DiagnosticSink::note; report() does not accept one, nor note() a LOMAW_MESSAGE.
#pragma once

#include <concepts>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "syntax/DiagnosticCatalogue.h"

namespace lomaw {

enum class MessageId : unsigned short {
#define LOMAW_MESSAGE(Id, code, format) Id,
#define LOMAW_NOTE(Id, code, format) Id,
#include "syntax/DiagnosticCatalogue.def"
};

struct MessageInfo {
    std::string_view code;    // the code the message reports (for a note: the code it explains)
    std::string_view format;  // the text, with {0}, {1}, ... for the arguments
    bool note;                // a LOMAW_NOTE row: attached to another diagnostic, printed without code
};

inline constexpr MessageInfo kMessageCatalogue[] = {
#define LOMAW_MESSAGE(Id, code, format) {code, format, false},
#define LOMAW_NOTE(Id, code, format) {code, format, true},
#include "syntax/DiagnosticCatalogue.def"
};

inline const MessageInfo& messageInfo(MessageId id) { return kMessageCatalogue[static_cast<size_t>(id)]; }
inline std::span<const MessageInfo> messageCatalogue() { return kMessageCatalogue; }

// The number of arguments `format` takes: its placeholders are {0} ... {N-1}, each used at least
// once. A malformed format (a lone brace, {x}, an unused index) is not a constant expression, so
// the catalogue does not build.
consteval size_t messageArity(std::string_view format) {
    size_t used = 0;  // bit k: {k} appears
    for (size_t i = 0; i < format.size(); ++i) {
        if (format[i] == '}') throw "a '}' without '{' in a diagnostic message format";
        if (format[i] != '{') continue;
        if (i + 2 >= format.size() || format[i + 1] < '0' || format[i + 1] > '9' || format[i + 2] != '}')
            throw "a diagnostic message format has a placeholder other than {0} ... {9}";
        used |= size_t{1} << (format[i + 1] - '0');
        i += 2;
    }
    size_t n = 0;
    while (used & (size_t{1} << n)) ++n;
    if (used >> n) throw "a diagnostic message format skips a placeholder index";
    return n;
}

consteval bool messagesNameCataloguedCodes() {
    for (const MessageInfo& m : kMessageCatalogue)
        if (diagnosticIndex(m.code) < 0) return false;
    return true;
}
static_assert(messagesNameCataloguedCodes(), "a LOMAW_MESSAGE or LOMAW_NOTE row names a code with no LOMAW_DIAGNOSTIC row");

// A message id whose format takes N arguments; IsNote for LOMAW_NOTE rows.
template <size_t N, bool IsNote>
struct MessageRef {
    MessageId id;
};

namespace msg {
#define LOMAW_MESSAGE(Id, code, format) inline constexpr MessageRef<messageArity(format), false> Id{MessageId::Id};
#define LOMAW_NOTE(Id, code, format) inline constexpr MessageRef<messageArity(format), true> Id{MessageId::Id};
#include "syntax/DiagnosticCatalogue.def"
}  // namespace msg

// One argument as text: strings as they are, a char as itself, integers in decimal.
class MessageArg {
public:
    MessageArg(std::string_view s) : text_(s) {}  // NOLINT: implicit, like the string it stands for
    MessageArg(const std::string& s) : text_(s) {}  // NOLINT
    MessageArg(const char* s) : text_(s) {}  // NOLINT
    MessageArg(char c) : text_(1, c) {}  // NOLINT
    template <std::integral I>
    MessageArg(I n) : text_(std::to_string(n)) {}  // NOLINT
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

// `format` with {k} replaced by args[k].
std::string formatMessage(std::string_view format, std::span<const MessageArg> args);

// A catalogued message with its arguments filled in (IsNote: a note's).
template <bool IsNote>
struct BasicMessage {
    template <size_t N, class... Args>
        requires(sizeof...(Args) == N)
    BasicMessage(MessageRef<N, IsNote> m, const Args&... args)  // NOLINT: implicit from msg::Id for N == 0
        : id(m.id), text(fill(m.id, args...)) {}

    MessageId id;
    std::string text;

private:
    template <class... Args>
    static std::string fill(MessageId id, const Args&... args) {
        const MessageArg all[] = {MessageArg(args)..., MessageArg("")};  // never empty
        return formatMessage(messageInfo(id).format, std::span<const MessageArg>(all, sizeof...(Args)));
    }
};

using Message = BasicMessage<false>;
using NoteMessage = BasicMessage<true>;

}  // namespace lomaw
