#include "AnalysisScheduler.h"

#include <QtConcurrent/QtConcurrentRun>

namespace lomaw::gui {

AnalysisScheduler::AnalysisScheduler(QObject* parent) : QObject(parent) {
    timer_.setSingleShot(true);
    timer_.setInterval(250);
    connect(&timer_, &QTimer::timeout, this, &AnalysisScheduler::start);
}

AnalysisScheduler::~AnalysisScheduler() {
    // The worker only touches its own copy of the request; wait so it never outlives us.
    if (watcher_) watcher_->waitForFinished();
}

void AnalysisScheduler::schedule(const AnalysisRequest& request) {
    pending_ = request;
    hasPending_ = true;
    ++generation_;
    timer_.start();
}

void AnalysisScheduler::runNow(const AnalysisRequest& request) {
    pending_ = request;
    hasPending_ = true;
    ++generation_;
    timer_.stop();
    start();
}

void AnalysisScheduler::start() {
    // One analysis at a time: when one is running, the newest request waits for it to end.
    if (watcher_ || !hasPending_) return;
    hasPending_ = false;
    AnalysisRequest request = pending_;
    quint64 generation = generation_;
    watcher_ = new QFutureWatcher<AnalysisResult>(this);
    connect(watcher_, &QFutureWatcher<AnalysisResult>::finished, this, &AnalysisScheduler::onWatcherFinished);
    watcher_->setFuture(QtConcurrent::run([request, generation] {
        AnalysisResult r = analyseKernel(request);
        r.generation = generation;
        return r;
    }));
}

void AnalysisScheduler::onWatcherFinished() {
    AnalysisResult result = watcher_->result();
    watcher_->deleteLater();
    watcher_ = nullptr;
    if (result.generation == generation_) Q_EMIT finished(result);  // else stale: dropped
    if (hasPending_ && !timer_.isActive()) start();
}

}  // namespace lomaw::gui
