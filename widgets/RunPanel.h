// The run panel: a function chooser, one input row per parameter (a JSON value prefilled with
// zeros of the right shape), --threads for @simd functions, a timeout, Run / Cancel, a log and
// the results. Runs go through CliRunner (a `lomaw run` child process).
#pragma once

#include <QWidget>
#include <functional>

#include "Analysis.h"
#include "CliRunner.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QDoubleSpinBox;
class QTableWidget;

namespace lomaw::gui {

class ResultsView;

class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(QWidget* parent = nullptr);

    // Where the kernel text and its file name come from when Run is pressed.
    void setSourceProvider(std::function<RunRequest()> provider) { provider_ = std::move(provider); }
    // New functions from an analysis; the selection and edited values survive when unchanged.
    void setFunctions(const QList<FunctionInfo>& functions);
    void selectFunction(const QString& name);
    QString selectedFunction() const;
    // The JSON array of the parameter rows.
    QString argumentsJson() const;
    // Sets the value of each parameter row (JSON texts, in order).
    void setArgumentValues(const QStringList& values);
    void setThreads(int threads);
    // MPI batch mode: `sets` copies of the parameter rows (or the batch file, when one is
    // chosen) over `workers` MPI worker processes.
    void setMpiBatch(bool on, int workers = 2, int sets = 4);
    void setBatchFile(const QString& path);

    CliRunner* runner() const { return runner_; }
    ResultsView* results() const { return results_; }
    QPlainTextEdit* log() const { return log_; }

public Q_SLOTS:
    void run();
    void cancel();

Q_SIGNALS:
    void functionSelected(const QString& name);
    void runFinished(const lomaw::gui::RunResult& result);

private:
    void rebuildParameterRows();
    void onFinished(const RunResult& result);
    void appendLog(const QString& text);
    const FunctionInfo* current() const;

    std::function<RunRequest()> provider_;
    QList<FunctionInfo> functions_;
    QComboBox* function_;
    QLabel* signature_;
    QTableWidget* params_;
    QSpinBox* threads_;
    QComboBox* mode_;
    QSpinBox* workers_;
    QSpinBox* sets_;
    QPushButton* batchButton_;
    QString batchFile_;
    QDoubleSpinBox* timeout_;
    QPushButton* runButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QPlainTextEdit* log_;
    ResultsView* results_;
    CliRunner* runner_;
    FunctionInfo running_;
    bool runningBatch_ = false;
};

}  // namespace lomaw::gui
