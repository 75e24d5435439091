#include "DiffSources.h"

#include <QRegularExpression>
#include <QSet>

namespace lomaw::gui {

namespace {
QString stageKey(Stage s) { return "stage:" + stageTitle(s); }
}  // namespace

QList<DerivativeDecl> derivativeDecls(const QString& kernelText) {
    static const QRegularExpression decl(R"(^(\w+)\s*=\s*(fwd_diff|rev_diff)\s*\(\s*(\w+)\s*\))",
                                         QRegularExpression::MultilineOption);
    QList<DerivativeDecl> out;
    for (auto it = decl.globalMatch(kernelText); it.hasNext();) {
        const auto m = it.next();
        out << DerivativeDecl{m.captured(1), m.captured(3), m.captured(2) == "fwd_diff"};
    }
    return out;
}

QString functionBlock(const QString& text, const QString& name) {
    const QStringList lines = text.split('\n');
    const QRegularExpression def(QString(R"(^def\s+%1\s*\()").arg(QRegularExpression::escape(name)));
    int start = -1;
    for (int k = 0; k < lines.size(); ++k) {
        if (def.match(lines[k]).hasMatch()) {
            start = k;
            break;
        }
    }
    if (start < 0) return {};
    int first = start;
    while (first > 0 && lines[first - 1].startsWith('@')) --first;
    int end = start + 1;
    // The body: indented lines and blank lines, up to the next top-level line.
    while (end < lines.size() && (lines[end].isEmpty() || lines[end].front().isSpace())) ++end;
    while (end > start + 1 && lines[end - 1].trimmed().isEmpty()) --end;
    return lines.mid(first, end - first).join('\n') + '\n';
}

QList<DiffSource> diffSources(const AnalysisResult& result, const QString& kernelText, const QString& savedText) {
    QList<DiffSource> out;
    out << DiffSource{"kernel", "Kernel (editor)", kernelText};
    if (!savedText.isNull()) out << DiffSource{"saved", "Kernel (last saved)", savedText};
    for (auto it = result.stages.begin(); it != result.stages.end(); ++it)
        if (it.value().ok) out << DiffSource{stageKey(it.key()), stageTitle(it.key()), it.value().text};
    for (auto it = result.ompVariants.begin(); it != result.ompVariants.end(); ++it)
        if (it.value().ok)
            out << DiffSource{"omp:" + it.key(), QString("OpenMP C, %1 adjoints").arg(it.key()), it.value().text};
    const QString derivatives = result.stages.value(Stage::Diff).text;
    for (const DerivativeDecl& d : derivativeDecls(kernelText)) {
        const QString block = functionBlock(derivatives, d.name);
        if (block.isEmpty()) continue;
        out << DiffSource{QString(d.forward ? "fwd:" : "rev:") + d.function,
                          QString("%1 derivative of %2 (%3)").arg(d.forward ? "Forward" : "Reverse", d.function, d.name), block};
    }
    return out;
}

QList<DiffPreset> diffPresets(const QList<DiffSource>& sources) {
    QSet<QString> keys;
    for (const DiffSource& s : sources) keys.insert(s.key);
    QList<DiffPreset> out;
    for (const DiffSource& s : sources) {
        if (!s.key.startsWith("fwd:")) continue;
        const QString function = s.key.mid(4);
        if (keys.contains("rev:" + function))
            out << DiffPreset{QString("Forward vs reverse derivative of %1").arg(function), s.key, "rev:" + function};
    }
    const QString omp = stageKey(Stage::Omp);
    if (keys.contains(omp) && keys.contains("omp:atomic"))
        out << DiffPreset{"OpenMP C: the engine's adjoint scopes vs all atomic", omp, "omp:atomic"};
    if (keys.contains("omp:atomic") && keys.contains("omp:reduction"))
        out << DiffPreset{"OpenMP C: all adjoints atomic vs reduction", "omp:atomic", "omp:reduction"};
    if (keys.contains("saved")) out << DiffPreset{"Kernel: last saved vs editor", "saved", "kernel"};
    if (keys.contains(stageKey(Stage::C)) && keys.contains(omp)) out << DiffPreset{"C vs OpenMP C", stageKey(Stage::C), omp};
    return out;
}

}  // namespace lomaw::gui
