#include "KernelCompletions.h"

#include "LomaLexer.h"

namespace lomaw::gui {

KernelCompletions::KernelCompletions(QsciLexer* lexer) : QsciAbstractAPIs(lexer) {}

void KernelCompletions::setModuleNames(const QMap<QString, QString>& signatures, const QStringList& structs,
                                       const QStringList& members) {
    signatures_ = signatures;
    structs_ = structs;
    members_ = members;
}

void KernelCompletions::updateAutoCompletionList(const QStringList& context, QStringList& list) {
    const QString prefix = context.isEmpty() ? QString() : context.last();
    QStringList candidates;
    if (context.size() >= 2) {
        candidates = members_;  // after "p." only members make sense
    } else {
        candidates << LomaLexer::intrinsics() << LomaLexer::keywords() << LomaLexer::typeNames()
                   << "In" << "Out" << signatures_.keys() << structs_;
    }
    for (const QString& c : candidates)
        if (c.startsWith(prefix) && c != prefix && !list.contains(c)) list << c;
    list.sort();
}

QStringList KernelCompletions::callTips(const QStringList& context, int, QsciScintilla::CallTipsStyle,
                                        QList<int>& shifts) {
    // The last word of the context is empty; the one before is the callee.
    if (context.size() < 2) return {};
    const QString callee = context.at(context.size() - 2);
    static const QMap<QString, QString> intrinsicTips = {
        {"sin", "sin(x : float) -> float"},   {"cos", "cos(x : float) -> float"},
        {"sqrt", "sqrt(x : float) -> float"}, {"exp", "exp(x : float) -> float"},
        {"log", "log(x : float) -> float"},   {"pow", "pow(x : float, y : float) -> float"},
        {"int2float", "int2float(i : int) -> float"}, {"float2int", "float2int(x : float) -> int"},
        {"thread_id", "thread_id() -> int"},  {"atomic_add", "atomic_add(target : float, value : float)"},
        {"make__dfloat", "make__dfloat(val : float, dval : float) -> _dfloat"},
    };
    QString tip = signatures_.value(callee, intrinsicTips.value(callee));
    if (tip.isEmpty()) return {};
    shifts << 0;
    return {tip};
}

}  // namespace lomaw::gui
