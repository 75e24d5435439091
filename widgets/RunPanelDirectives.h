// What a kernel file says about running it, for the run panel's prefilled demos:
//   # RUN: FUNC [--threads N] ARGS            the arguments of a documented call (tests/kernels)
//   # DESCEND: FUNC --init ARGS [--grad G] [--optimizer O] [--lr R] [--momentum B] [--steps K] [--tol T]
//   #   lomaw optimize FILE FUNC --init P --data D.json --steps K --lr R [--method M] [--average] [--workers N]
// (the last as the examples document it in a comment, continued with a backslash). RUN and DESCEND
// lines are read by the engine's parser (EngineDescent.h); an argument list is split into its
// top-level elements as written, without re-printing them.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "RunPanelSettings.h"

namespace lomaw::gui {

struct RunDirective {
    QString function;
    QString argsJson;
    int threads = 0;  // 0: not given
};

struct DescendDirective {
    QString text;      // the line's words after "DESCEND:", as written (the demo chooser's label)
    QString function;
    QString initJson;
    DescentSettings settings;  // what the line does not give keeps its default
};

struct OptimizeDirective {
    QString function;
    OptimizeSettings settings;  // dataFile as written (relative to the kernel file or its parent)
};

QList<RunDirective> runDirectives(const QString& kernelText);
QList<DescendDirective> descendDirectives(const QString& kernelText);
QList<OptimizeDirective> optimizeDirectives(const QString& kernelText);

// The top-level elements of a JSON list as written ("[5.0, [1, 2], 200]" -> "5.0", "[1, 2]",
// "200"); nullopt when the text is not one bracketed list.
std::optional<QStringList> splitArgumentList(const QString& listText);

}  // namespace lomaw::gui
