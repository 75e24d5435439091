// Sessions: what the user set up around a kernel — the run panel's settings and argument values,
// the last trajectory plotted and the timing points — so reopening a file brings them back, and
// one JSON file (File > Export session) carries the kernel text too, for a teacher to hand out.
//
// Per-file sessions live in the app's data directory, one JSON per kernel path
// (sessionFilePath); an exported session is the same object plus "kernel": {"name", "text"}.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QVector>

#include "TimingData.h"
#include "TrajectoryData.h"

namespace lomaw::gui {

struct Session {
    QString kernelName;           // exported sessions: the kernel's file name
    QString kernelText;           // exported sessions: the kernel itself ("" in per-file sessions)
    QJsonObject run;              // RunPanel::settings()
    QString function;             // the selected function
    QStringList arguments;        // its parameter rows (JSON texts)
    TrajectoryData trajectory;    // empty when none was plotted
    QVector<TimingPoint> timings;
    QJsonObject view;             // window-side extras (diff pair, zoom)
};

inline constexpr int SessionFormatVersion = 1;

QJsonObject sessionToJson(const Session& session);
// False with `error` when `json` is not a lomaworks session.
bool sessionFromJson(const QJsonObject& json, Session& session, QString& error);

// Where the session of kernel `kernelPath` is kept: <data dir>/sessions/<hash>.json, or under
// $LOMAW_SESSION_DIR when set (tests).
QString sessionFilePath(const QString& kernelPath);
bool writeSessionFile(const QString& path, const Session& session, QString* error = nullptr);
bool readSessionFile(const QString& path, Session& session, QString* error = nullptr);

}  // namespace lomaw::gui
