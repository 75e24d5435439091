#include "RunPanelDirectives.h"

#include <QMap>

#include "EngineDescent.h"

namespace lomaw::gui {

using lomaw::DescendOptions;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// "--name value" pairs (a flag without a value maps to "").
QMap<QString, QString> options(const QStringList& words, qsizetype from) {
    QMap<QString, QString> out;
    for (qsizetype i = from; i < words.size(); ++i) {
        if (!words[i].startsWith("--")) continue;
        const bool hasValue = i + 1 < words.size() && !words[i + 1].startsWith("--");
        out[words[i].mid(2)] = hasValue ? words[i + 1] : QString();
        if (hasValue) ++i;
    }
    return out;
}

}  // namespace

// RUN and DESCEND lines: the engine's own parser (engine/runtime/DescentDirectives.h), the one the
// tests and `lomaw` use.
QList<RunDirective> runDirectives(const QString& kernelText) {
    QList<RunDirective> out;
    for (const lomaw::RunDirective& r : lomaw::runDirectives(kernelText.toStdString())) {
        if (r.argsJson.empty()) continue;
        out << RunDirective{q(r.function), q(r.argsJson), r.threads.value_or(0)};
    }
    return out;
}

QList<DescendDirective> descendDirectives(const QString& kernelText) {
    QList<DescendDirective> out;
    for (const lomaw::DescendDirective& d : lomaw::descendDirectives(kernelText.toStdString())) {
        DescendOptions o;
        std::string error;
        if (!lomaw::descendOptionsFromDirective(d, o, error)) continue;  // a broken line is no demo
        DescendDirective directive;
        QStringList words{q(d.function)};
        for (const std::string& w : d.arguments) words << q(w);
        directive.text = words.join(' ');
        directive.function = q(o.function);
        directive.initJson = q(o.initJson);
        DescentSettings& s = directive.settings;
        s.gradient = q(o.gradient);
        s.optimizer = q(o.optimizer);
        s.learningRate = o.learningRate;
        s.momentum = o.momentum;
        s.steps = int(o.steps);
        s.tolerance = o.tolerance;
        out << directive;
    }
    return out;
}

QList<OptimizeDirective> optimizeDirectives(const QString& kernelText) {
    // Comment lines joined where one ends with a backslash.
    QStringList commands;
    QString pending;
    for (const QString& raw : kernelText.split('\n')) {
        QString t = raw.trimmed();
        if (!t.startsWith('#')) {
            pending.clear();
            continue;
        }
        t = t.mid(1).trimmed();
        const bool continued = t.endsWith('\\');
        if (continued) t.chop(1);
        if (!pending.isEmpty() || t.startsWith("lomaw optimize ")) pending += t + ' ';
        if (!continued && !pending.isEmpty()) {
            commands << pending;
            pending.clear();
        }
    }
    QList<OptimizeDirective> out;
    for (const QString& command : commands) {
        QStringList words;  // lomaw optimize FILE FUNC ...
        for (const std::string& w : runtime::directiveWords(command.toStdString())) words << q(w);
        if (words.size() < 4) continue;
        OptimizeDirective d;
        d.function = words[3];
        const QMap<QString, QString> o = options(words, 4);
        OptimizeSettings& s = d.settings;
        if (o.contains("init")) s.init = o.value("init");
        s.dataFile = o.value("data");
        if (o.contains("steps")) s.steps = o.value("steps").toInt();
        if (o.contains("lr")) s.learningRate = o.value("lr").toDouble();
        if (o.contains("method")) s.method = o.value("method");
        s.average = o.contains("average");
        if (o.contains("workers")) s.workers = o.value("workers").toInt();
        out << d;
    }
    return out;
}

std::optional<QStringList> splitArgumentList(const QString& listText) {
    const QString t = listText.trimmed();
    if (!t.startsWith('[') || !t.endsWith(']')) return std::nullopt;
    QStringList items;
    int depth = 0;
    bool inString = false;
    qsizetype start = 1;
    for (qsizetype i = 1; i + 1 < t.size(); ++i) {
        const QChar c = t[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth < 0) return std::nullopt;
        } else if (c == ',' && depth == 0) {
            items << t.mid(start, i - start).trimmed();
            start = i + 1;
        }
    }
    if (depth != 0 || inString) return std::nullopt;
    const QString last = t.mid(start, t.size() - 1 - start).trimmed();
    if (!last.isEmpty() || !items.isEmpty()) items << last;
    return items;
}

}  // namespace lomaw::gui
