#include "RunPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

#include "ResultsView.h"

namespace lomaw::gui {

RunPanel::RunPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("runPanel");
    runner_ = new CliRunner(this);

    function_ = new QComboBox(this);
    function_->setObjectName("runFunction");
    function_->setMinimumContentsLength(16);
    signature_ = new QLabel(this);
    signature_->setObjectName("runSignature");
    signature_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    params_ = new QTableWidget(0, 3, this);
    params_->setObjectName("runParameters");
    params_->setHorizontalHeaderLabels({"Parameter", "Type", "Value (JSON)"});
    params_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    params_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    params_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    params_->verticalHeader()->hide();
    threads_ = new QSpinBox(this);
    threads_->setRange(0, 1024);
    threads_->setValue(4);
    threads_->setToolTip("--threads: how many threads a @simd function is launched over");
    mode_ = new QComboBox(this);
    mode_->setObjectName("runMode");
    mode_->addItem("Single call");
    mode_->addItem("MPI batch");
    mode_->setToolTip("Single call: lomaw run. MPI batch: lomaw mpirun, one call per input set on MPI workers");
    workers_ = new QSpinBox(this);
    workers_->setRange(1, 256);
    workers_->setValue(2);
    workers_->setPrefix("workers ");
    sets_ = new QSpinBox(this);
    sets_->setRange(1, 1000000);
    sets_->setValue(4);
    sets_->setPrefix("sets ");
    sets_->setToolTip("The batch: this many copies of the inputs above (unless a batch file is chosen)");
    batchButton_ = new QPushButton("Batch file…", this);
    batchButton_->setToolTip("A JSON list of argument lists (the --args format), one per input set");
    auto updateMode = [this] {
        const bool batch = mode_->currentIndex() == 1;
        workers_->setVisible(batch);
        sets_->setVisible(batch);
        batchButton_->setVisible(batch);
    };
    connect(mode_, &QComboBox::currentIndexChanged, this, updateMode);
    connect(batchButton_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, "Batch of input sets", QString(), "JSON (*.json);;All files (*)");
        if (!path.isEmpty()) setBatchFile(path);
    });
    updateMode();
    timeout_ = new QDoubleSpinBox(this);
    timeout_->setRange(0, 3600);
    timeout_->setSuffix(" s");
    timeout_->setSpecialValueText("none");
    timeout_->setToolTip("--timeout: stop the call after this many seconds");
    runButton_ = new QPushButton(QIcon(":/icons/run.svg"), "Run", this);
    runButton_->setObjectName("runButton");
    runButton_->setToolTip("Run the selected function once (Ctrl+R)");
    cancelButton_ = new QPushButton(QIcon(":/icons/stop.svg"), "Cancel", this);
    cancelButton_->setObjectName("cancelButton");
    cancelButton_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setTextVisible(false);
    progress_->setMaximumHeight(6);
    log_ = new QPlainTextEdit(this);
    log_->setObjectName("runLog");
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(2000);
    results_ = new ResultsView(this);

    auto* form = new QFormLayout;
    form->addRow("Function", function_);
    form->addRow("", signature_);
    auto* batchRow = new QHBoxLayout;
    batchRow->addWidget(new QLabel("Mode", this));
    batchRow->addWidget(mode_);
    batchRow->addWidget(workers_);
    batchRow->addWidget(sets_);
    batchRow->addWidget(batchButton_);
    batchRow->addStretch(1);
    auto* options = new QHBoxLayout;
    options->addWidget(new QLabel("Threads", this));
    options->addWidget(threads_);
    options->addSpacing(12);
    options->addWidget(new QLabel("Timeout", this));
    options->addWidget(timeout_);
    options->addStretch(1);
    options->addWidget(runButton_);
    options->addWidget(cancelButton_);

    auto* inputs = new QWidget(this);
    auto* inputsLayout = new QVBoxLayout(inputs);
    inputsLayout->setContentsMargins(0, 0, 0, 0);
    inputsLayout->addLayout(form);
    inputsLayout->addWidget(params_, 1);
    inputsLayout->addLayout(batchRow);
    inputsLayout->addLayout(options);
    inputsLayout->addWidget(progress_);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(inputs);
    split->addWidget(results_);
    split->addWidget(log_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(function_, &QComboBox::currentIndexChanged, this, [this] {
        rebuildParameterRows();
        Q_EMIT functionSelected(selectedFunction());
    });
    connect(runButton_, &QPushButton::clicked, this, &RunPanel::run);
    connect(cancelButton_, &QPushButton::clicked, this, &RunPanel::cancel);
    connect(runner_, &CliRunner::started, this, [this](const QString& cmd) { appendLog("$ " + cmd); });
    connect(runner_, &CliRunner::finished, this, &RunPanel::onFinished);
}

const FunctionInfo* RunPanel::current() const {
    const QString name = selectedFunction();
    for (const FunctionInfo& f : functions_)
        if (f.name == name) return &f;
    return nullptr;
}

QString RunPanel::selectedFunction() const { return function_->currentData().toString(); }

void RunPanel::setFunctions(const QList<FunctionInfo>& functions) {
    const QString keep = selectedFunction();
    QList<QString> oldSigs;
    for (const FunctionInfo& f : functions_) oldSigs << f.signature();
    QList<QString> newSigs;
    for (const FunctionInfo& f : functions) newSigs << f.signature();
    if (oldSigs == newSigs) {
        functions_ = functions;  // same signatures: keep the rows the user edited
        return;
    }
    functions_ = functions;
    QSignalBlocker block(function_);
    function_->clear();
    for (const FunctionInfo& f : functions_) {
        QString label = f.name;
        if (f.simd) label += "  @simd";
        if (f.openMpi) label += "  @openMpi";
        if (f.generated) label += "  (derivative)";
        function_->addItem(label, f.name);
    }
    int index = function_->findData(keep);
    function_->setCurrentIndex(index >= 0 ? index : 0);
    block.unblock();
    rebuildParameterRows();
    if (selectedFunction() != keep) Q_EMIT functionSelected(selectedFunction());
}

void RunPanel::selectFunction(const QString& name) {
    const int index = function_->findData(name);
    if (index >= 0) function_->setCurrentIndex(index);
}

void RunPanel::rebuildParameterRows() {
    const FunctionInfo* f = current();
    params_->setRowCount(0);
    signature_->setText(f ? f->signature() : QString());
    threads_->setEnabled(f && f->simd);
    if (!f) return;
    params_->setRowCount(int(f->params.size()));
    for (int row = 0; row < f->params.size(); ++row) {
        const ParamInfo& p = f->params.at(row);
        auto* name = new QTableWidgetItem(p.name);
        name->setFlags(Qt::ItemIsEnabled);
        auto* type = new QTableWidgetItem(QString("%1[%2]").arg(p.isOut ? "Out" : "In", p.type));
        type->setFlags(Qt::ItemIsEnabled);
        params_->setItem(row, 0, name);
        params_->setItem(row, 1, type);
        params_->setItem(row, 2, new QTableWidgetItem(p.defaultJson));
    }
}

QString RunPanel::argumentsJson() const {
    QStringList values;
    for (int row = 0; row < params_->rowCount(); ++row) {
        const QTableWidgetItem* item = params_->item(row, 2);
        const QString v = item ? item->text().trimmed() : QString();
        values << (v.isEmpty() ? "null" : v);
    }
    return "[" + values.join(", ") + "]";
}

void RunPanel::setArgumentValues(const QStringList& values) {
    for (int row = 0; row < params_->rowCount() && row < values.size(); ++row)
        params_->setItem(row, 2, new QTableWidgetItem(values.at(row)));
}

void RunPanel::setThreads(int threads) { threads_->setValue(threads); }

void RunPanel::setMpiBatch(bool on, int workers, int sets) {
    mode_->setCurrentIndex(on ? 1 : 0);
    workers_->setValue(workers);
    sets_->setValue(sets);
}

void RunPanel::setBatchFile(const QString& path) {
    batchFile_ = path;
    batchButton_->setText(path.isEmpty() ? "Batch file…" : QFileInfo(path).fileName());
}

void RunPanel::appendLog(const QString& text) {
    log_->appendPlainText(QString("[%1] %2").arg(QTime::currentTime().toString("HH:mm:ss"), text));
}

void RunPanel::run() {
    if (runner_->running()) return;
    const FunctionInfo* f = current();
    if (!f || !provider_) {
        appendLog("Nothing to run: the kernel has no function yet (or has errors).");
        return;
    }
    // Catch malformed JSON here, with the row that has it, before starting a process.
    const QString args = argumentsJson();
    QJsonParseError error;
    QJsonDocument::fromJson(args.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        appendLog("The arguments are not valid JSON: " + error.errorString() + " in " + args);
        return;
    }
    RunRequest request = provider_();
    request.function = f->name;
    request.argsJson = args;
    if (f->simd) request.threads = threads_->value();
    request.timeoutSeconds = timeout_->value();
    runningBatch_ = mode_->currentIndex() == 1;
    if (runningBatch_) {
        request.mode = RunRequest::Mode::MpiBatch;
        request.workers = workers_->value();
        if (!batchFile_.isEmpty()) {
            QFile batch(batchFile_);
            if (!batch.open(QIODevice::ReadOnly)) {
                appendLog("Cannot read the batch file " + batchFile_);
                return;
            }
            request.batchJson = QString::fromUtf8(batch.readAll());
        } else {
            QStringList sets;
            for (int k = 0; k < sets_->value(); ++k) sets << args;
            request.batchJson = "[" + sets.join(",\n") + "]";
        }
    }
    running_ = *f;
    runButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    progress_->setRange(0, 0);  // busy: a single call has no measurable progress
    results_->showMessage("running " + f->name + " …");
    runner_->start(request);
}

void RunPanel::cancel() {
    if (!runner_->running()) return;
    appendLog("Cancelling: killing the lomaw process group");
    runner_->cancel();
}

void RunPanel::onFinished(const RunResult& result) {
    runButton_->setEnabled(true);
    cancelButton_->setEnabled(false);
    progress_->setRange(0, 1);
    progress_->setValue(result.status == RunResult::Status::Ok ? 1 : 0);
    if (!result.errors.isEmpty()) appendLog(result.errors);
    appendLog(QString("%1 (exit code %2)").arg(result.summary()).arg(result.exitCode));
    if (!result.timingsJson.isEmpty()) appendLog("timings (s): " + result.timingsJson);
    if (result.status == RunResult::Status::Ok) {
        appendLog(result.json.size() > 4000 ? result.json.left(4000) + " …" : result.json);
        if (runningBatch_) results_->showBatchResult(result.json, running_);
        else results_->showResult(result.json, running_);
    } else {
        results_->showMessage(result.summary() + (result.errors.isEmpty() ? QString() : ": " + result.errors.section('\n', 0, 0)));
    }
    Q_EMIT runFinished(result);
}

}  // namespace lomaw::gui
