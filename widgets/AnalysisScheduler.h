// Debounces edits and runs analyseKernel on a worker thread. Each request carries a generation
// number; a result that answers an older generation than the latest request is dropped, so the
// views never flash back to a stale state.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include "Analysis.h"

namespace lomaw::gui {

class AnalysisScheduler : public QObject {
    Q_OBJECT
public:
    explicit AnalysisScheduler(QObject* parent = nullptr);
    ~AnalysisScheduler() override;

    void setDebounceMs(int ms) { timer_.setInterval(ms); }
    // Schedules an analysis of `request` after the debounce delay (restarting the delay).
    void schedule(const AnalysisRequest& request);
    // Starts an analysis now (no debounce).
    void runNow(const AnalysisRequest& request);
    bool busy() const { return watcher_ != nullptr; }
    quint64 latestGeneration() const { return generation_; }

Q_SIGNALS:
    void finished(const lomaw::gui::AnalysisResult& result);

private:
    void start();
    void onWatcherFinished();

    QTimer timer_;
    AnalysisRequest pending_;
    bool hasPending_ = false;
    quint64 generation_ = 0;
    QFutureWatcher<AnalysisResult>* watcher_ = nullptr;
};

}  // namespace lomaw::gui
