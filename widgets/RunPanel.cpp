#include "RunPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

#include "BatchCsv.h"
#include "DescentControls.h"
#include "DescentParameters.h"
#include "FileDialogs.h"
#include "ResultsView.h"
#include "RunPanelDirectives.h"

namespace lomaw::gui {

namespace {
const char* const kRunButtonTip = "Run the selected function once (Ctrl+R)";
const char* const kSweepButtonTip = "Run this batch on 1, 2, ..., N workers (N: the workers box), one run after "
                                    "another, and record each with the sequential baseline in the Timings plots";
}  // namespace

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
    ompThreads_ = new QSpinBox(this);
    ompThreads_->setObjectName("ompThreads");
    ompThreads_->setRange(0, 1024);
    ompThreads_->setValue(0);
    ompThreads_->setSpecialValueText("auto");
    ompThreads_->setToolTip("--omp-threads: threads of #pragma omp parallel for loops, in single calls, "
                            "MPI workers and optimisation (auto: $OMP_NUM_THREADS, else one per core)");
    mode_ = new QComboBox(this);
    mode_->setObjectName("runMode");
    mode_->addItem("Single call");
    mode_->addItem("MPI batch");
    mode_->addItem("MPI optimize");
    mode_->addItem("Descent");
    mode_->setToolTip("Single call: lomaw run. MPI batch: lomaw mpirun, one call per input set on MPI workers. "
                      "MPI optimize: lomaw optimize, gradient descent with a loss-gradient function, the data "
                      "sharded over MPI workers. Descent: lomaw descend, gradient descent of any function "
                      "returning float from the inputs above, on this machine, with its landscape");
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
    batchButton_->setToolTip("A JSON list of argument lists (the --args format), or a CSV with one row of "
                             "numbers per input set (one column per parameter)");
    sweepButton_ = new QPushButton("Scaling sweep", this);
    sweepButton_->setObjectName("sweepButton");
    sweepButton_->setToolTip(kSweepButtonTip);
    // MPI optimize: initial parameters, data file, steps, step size, method, --average, and the
    // size of the landscape grid evaluated afterwards (two parameters).
    optimizeRow_ = new QWidget(this);
    init_ = new QLineEdit("[0.0, 0.0]", optimizeRow_);
    init_->setObjectName("optimizeInit");
    init_->setToolTip("--init: the initial parameters, a JSON list");
    dataButton_ = new QPushButton("Data file…", optimizeRow_);
    dataButton_->setToolTip("--data: a JSON file with one list per array data parameter");
    steps_ = new QSpinBox(optimizeRow_);
    steps_->setRange(0, 10000000);
    steps_->setValue(100);
    steps_->setPrefix("steps ");
    learningRate_ = new QDoubleSpinBox(optimizeRow_);
    learningRate_->setDecimals(6);
    learningRate_->setRange(0, 1000);
    learningRate_->setValue(0.01);
    learningRate_->setPrefix("lr ");
    method_ = new QComboBox(optimizeRow_);
    method_->addItems({"plain", "momentum", "adam"});
    average_ = new QCheckBox("average", optimizeRow_);
    average_->setToolTip("--average: divide loss and gradient by the number of data points");
    landscapeSize_ = new QSpinBox(optimizeRow_);
    landscapeSize_->setRange(0, 101);
    landscapeSize_->setValue(41);
    landscapeSize_->setPrefix("landscape ");
    landscapeSize_->setSpecialValueText("no landscape");
    landscapeSize_->setToolTip("After a run of two parameters, evaluate the loss on an n x n grid around the "
                               "trajectory (one more lomaw mpirun) for the landscape plot");
    auto* optimizeLayout = new QHBoxLayout(optimizeRow_);
    optimizeLayout->setContentsMargins(0, 0, 0, 0);
    optimizeLayout->addWidget(new QLabel("init", optimizeRow_));
    optimizeLayout->addWidget(init_, 1);
    optimizeLayout->addWidget(dataButton_);
    optimizeLayout->addWidget(steps_);
    optimizeLayout->addWidget(learningRate_);
    optimizeLayout->addWidget(method_);
    optimizeLayout->addWidget(average_);
    optimizeLayout->addWidget(landscapeSize_);
    connect(dataButton_, &QPushButton::clicked, this, [this] {
        const QString path = askOpenFile(this, "Data set", "JSON (*.json);;All files (*)");
        if (path.isEmpty()) return;
        dataFile_ = path;
        dataButton_->setText(QFileInfo(path).fileName());
    });
    descent_ = new DescentControls(this);
    connect(descent_, &DescentControls::demoChosen, this, &RunPanel::chooseDescentDemo);
    hostfileButton_ = new QPushButton("Hostfile…", this);
    hostfileButton_->setObjectName("hostfileButton");
    hostfileButton_->setToolTip("--hostfile: the machines mpirun starts the workers on (none: this machine). "
                                "Right-click to go back to this machine");
    hostfileButton_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(hostfileButton_, &QPushButton::clicked, this, [this] {
        const QString path = askOpenFile(this, "MPI hostfile", "All files (*)");
        if (!path.isEmpty()) setHostfile(path);
    });
    connect(hostfileButton_, &QPushButton::customContextMenuRequested, this, [this] { setHostfile(QString()); });
    status_ = new QLabel(this);
    status_->setObjectName("runStatus");
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto updateMode = [this] {
        const bool batch = mode_->currentIndex() == 1;
        const bool optimize = mode_->currentIndex() == 2;
        const bool descent = mode_->currentIndex() == 3;
        workers_->setVisible(batch || optimize);
        hostfileButton_->setVisible(batch || optimize);
        sets_->setVisible(batch);
        batchButton_->setVisible(batch);
        sweepButton_->setVisible(batch);
        optimizeRow_->setVisible(optimize);
        descent_->setVisible(descent);
        params_->setEnabled(!optimize);  // optimize takes init and data instead
    };
    connect(mode_, &QComboBox::currentIndexChanged, this, updateMode);
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] {
        // Descent offers only functions returning float; entering a mode picks up the file's demo.
        if (populateFunctionBox()) return;  // the rows were rebuilt with the directives
        applyKernelDirectives(false);
        updateStatus();
    });
    connect(batchButton_, &QPushButton::clicked, this, [this] {
        const QString path = askOpenFile(this, "Batch of input sets",
                                         "Batches (*.json *.csv);;JSON (*.json);;CSV (*.csv);;All files (*)");
        if (!path.isEmpty()) setBatchFile(path);
    });
    updateMode();
    timeout_ = new QDoubleSpinBox(this);
    timeout_->setRange(0, 3600);
    timeout_->setSuffix(" s");
    timeout_->setSpecialValueText("none");
    timeout_->setToolTip("--timeout: stop the call after this many seconds");
    checkBounds_ = new QCheckBox("Check bounds", this);
    checkBounds_->setObjectName("checkBounds");
    checkBounds_->setToolTip("--check-bounds: an array index outside the array stops the run with its position "
                             "(every mode, its scaling sweep and its landscape)");
    runButton_ = new QPushButton(QIcon(":/icons/run.svg"), "Run", this);
    runButton_->setObjectName("runButton");
    runButton_->setToolTip(kRunButtonTip);
    cancelButton_ = new QPushButton(QIcon(":/icons/stop.svg"), "Cancel", this);
    cancelButton_->setObjectName("cancelButton");
    cancelButton_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setObjectName("runProgress");
    progress_->setTextVisible(false);
    progress_->setMaximumHeight(18);
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
    batchRow->addWidget(sweepButton_);
    batchRow->addWidget(hostfileButton_);
    batchRow->addStretch(1);
    auto* options = new QHBoxLayout;
    options->addWidget(new QLabel("Threads", this));
    options->addWidget(threads_);
    options->addSpacing(12);
    options->addWidget(new QLabel("OpenMP threads", this));
    options->addWidget(ompThreads_);
    options->addSpacing(12);
    options->addWidget(new QLabel("Timeout", this));
    options->addWidget(timeout_);
    options->addSpacing(12);
    options->addWidget(checkBounds_);
    options->addStretch(1);

    auto* inputs = new QWidget;
    auto* inputsLayout = new QVBoxLayout(inputs);
    inputsLayout->setContentsMargins(0, 0, 0, 0);
    inputsLayout->addLayout(form);
    inputsLayout->addWidget(params_, 1);
    inputsLayout->addLayout(batchRow);
    inputsLayout->addWidget(optimizeRow_);
    inputsLayout->addWidget(descent_);
    inputsLayout->addLayout(options);
    inputsLayout->addWidget(status_);
    // The inputs scroll; Run, Cancel and the progress bar stay below them, visible in a dock of
    // any height (at 1366x768 the dock shows the table and Mode, not what follows).
    auto* inputsScroll = new QScrollArea(this);
    inputsScroll->setObjectName("runInputsScroll");
    inputsScroll->setWidgetResizable(true);
    inputsScroll->setFrameShape(QFrame::NoFrame);
    inputsScroll->setWidget(inputs);
    auto* actions = new QHBoxLayout;
    actions->addWidget(progress_, 1);
    actions->addWidget(runButton_);
    actions->addWidget(cancelButton_);
    auto* inputsColumn = new QWidget(this);
    auto* columnLayout = new QVBoxLayout(inputsColumn);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(inputsScroll, 1);
    columnLayout->addLayout(actions);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(inputsColumn);
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
    connect(params_, &QTableWidget::itemChanged, this, [this] {
        if (mode_->currentIndex() == 3) updateStatus();  // the parameter count may change
    });
    connect(runButton_, &QPushButton::clicked, this, &RunPanel::run);
    connect(sweepButton_, &QPushButton::clicked, this, &RunPanel::runScalingSweep);
    connect(cancelButton_, &QPushButton::clicked, this, &RunPanel::cancel);
    connect(runner_, &CliRunner::started, this, [this](const QString& cmd) { appendLog("$ " + cmd); });
    connect(runner_, &CliRunner::finished, this, &RunPanel::onFinished);
    connect(runner_, &CliRunner::progress, this, &RunPanel::onProgress);
}

const FunctionInfo* RunPanel::current() const {
    const QString name = selectedFunction();
    for (const FunctionInfo& f : functions_)
        if (f.name == name) return &f;
    return nullptr;
}

QString RunPanel::selectedFunction() const { return function_->currentData().toString(); }

void RunPanel::setFunctions(const QList<FunctionInfo>& functions) {
    if (provider_) {
        const RunRequest source = provider_();
        kernelText_ = source.sourceText;
        kernelPath_ = source.sourcePath;
    }
    QList<QString> oldSigs;
    for (const FunctionInfo& f : functions_) oldSigs << f.signature();
    QList<QString> newSigs;
    for (const FunctionInfo& f : functions) newSigs << f.signature();
    functions_ = functions;  // the gradient choices follow the selected function (applyKernelDirectives)
    if (oldSigs == newSigs) {  // same signatures: keep the rows the user edited
        applyPendingSelection();
        updateStatus();
        return;
    }
    populateFunctionBox(true);
    applyPendingSelection();
}

// The function chooser for the mode (descent: functions returning float only). True when the
// parameter rows were rebuilt (another function, or `rebuild`).
bool RunPanel::populateFunctionBox(bool rebuild) {
    const QString keep = selectedFunction();
    const bool descent = mode_->currentIndex() == 3;
    QSignalBlocker block(function_);
    function_->clear();
    for (const FunctionInfo& f : functions_) {
        if (descent && !returnsFloat(f)) continue;
        QString label = f.name;
        if (f.simd) label += "  @simd";
        if (f.openMpi) label += "  @openMpi";
        if (f.generated) label += "  (derivative)";
        function_->addItem(label, f.name);
    }
    int index = function_->findData(keep);
    if (index < 0 && descent)  // the file's descent demo first
        for (const DescendDirective& d : descendDirectives(kernelText_))
            if ((index = function_->findData(d.function)) >= 0) break;
    function_->setCurrentIndex(index >= 0 ? index : 0);
    block.unblock();
    const bool changed = selectedFunction() != keep;
    if (changed || rebuild) rebuildParameterRows();
    if (changed) Q_EMIT functionSelected(selectedFunction());
    updateStatus();
    return changed || rebuild;
}

void RunPanel::setFortranFile(bool on) {
    fortranFile_ = on;
    runButton_->setToolTip(on ? fortranRunMessage() : QString(kRunButtonTip));
    sweepButton_->setToolTip(on ? fortranRunMessage() : QString(kSweepButtonTip));
    sweepButton_->setEnabled(!on && !runner_->running());
    updateStatus();
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
    applyKernelDirectives(true);
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

void RunPanel::setOmpThreads(int threads) { ompThreads_->setValue(threads); }

void RunPanel::setMpiBatch(bool on, int workers, int sets) {
    mode_->setCurrentIndex(on ? 1 : 0);
    workers_->setValue(workers);
    sets_->setValue(sets);
}

void RunPanel::setBatchFile(const QString& path) {
    batchFile_ = path;
    batchButton_->setText(path.isEmpty() ? "Batch file…" : QFileInfo(path).fileName());
    if (path.isEmpty()) return;
    QString json, error;
    int sets = 0;
    if (readBatchFile(path, json, sets, error)) appendLog(QString("Batch %1: %2 input set(s)").arg(QFileInfo(path).fileName()).arg(sets));
    else appendLog(QString("Batch %1: %2").arg(QFileInfo(path).fileName(), error));
}

void RunPanel::setOptimize(bool on, const OptimizeSettings& o) {
    mode_->setCurrentIndex(on ? 2 : 0);
    fillOptimize(o);
}

void RunPanel::fillOptimize(const OptimizeSettings& o) {
    init_->setText(o.init);
    dataFile_ = o.dataFile;
    dataButton_->setText(o.dataFile.isEmpty() ? "Data file…" : QFileInfo(o.dataFile).fileName());
    steps_->setValue(o.steps);
    learningRate_->setValue(o.learningRate);
    method_->setCurrentText(o.method);
    average_->setChecked(o.average);
    workers_->setValue(o.workers);
    landscapeSize_->setValue(o.landscapeSize);
}

bool RunPanel::readBatchFile(const QString& path, QString& json, int& sets, QString& error) const {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = "cannot read the file";
        return false;
    }
    const QString text = QString::fromUtf8(file.readAll());
    if (path.endsWith(".csv", Qt::CaseInsensitive)) {
        const FunctionInfo* f = current();
        BatchCsv batch;
        if (!csvToBatch(text, batch, error, f ? int(f->params.size()) : 0, f ? f->name : QString())) return false;
        json = batch.json;
        sets = batch.sets;
        return true;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parse);
    if (parse.error != QJsonParseError::NoError) {
        error = QString("not valid JSON at offset %1: %2").arg(parse.offset).arg(parse.errorString());
        return false;
    }
    if (!doc.isArray()) {
        error = "a batch is a JSON list of argument lists";
        return false;
    }
    json = text;
    sets = int(doc.array().size());
    return true;
}

void RunPanel::appendLog(const QString& text) {
    log_->appendPlainText(QString("[%1] %2").arg(QTime::currentTime().toString("HH:mm:ss"), text));
}

void RunPanel::run() {
    if (runner_->running()) return;
    if (fortranFile_) return appendLog(fortranRunMessage());  // Ctrl+R: the button is disabled
    const FunctionInfo* f = current();
    if (!f || !provider_) {
        appendLog("Nothing to run: the kernel has no function yet (or has errors).");
        return;
    }
    RunRequest request = provider_();
    request.function = f->name;
    request.timeoutSeconds = timeout_->value();
    request.workers = workers_->value();
    running_ = *f;
    const int mode = mode_->currentIndex();
    runningBatch_ = mode == 1;
    if (mode == 3) return runDescent(request, *f);
    if (mode == 2 && !isLossGradientFunction(*f)) {
        updateStatus();  // says why
        results_->showMessage(statusText());
        return;
    }
    if (mode == 2) {
        request.hostfile = hostfile_;
        // MPI optimisation: the inputs are the initial parameters and the data file.
        QJsonParseError error;
        const QJsonDocument init = QJsonDocument::fromJson(init_->text().toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !init.isArray()) {
            appendLog("The initial parameters must be a JSON list of numbers, e.g. [0.0, 0.0]");
            return;
        }
        request.mode = RunRequest::Mode::Optimize;
        request.initJson = init_->text().trimmed();
        if (!dataFile_.isEmpty()) {
            QFile data(dataFile_);
            if (!data.open(QIODevice::ReadOnly)) {
                appendLog("Cannot read the data file " + dataFile_);
                return;
            }
            request.dataJson = QString::fromUtf8(data.readAll());
        }
        request.steps = steps_->value();
        request.learningRate = learningRate_->value();
        request.method = method_->currentText();
        request.average = average_->isChecked();
        runningWorkers_ = request.workers;
        lastRequest_ = request;
        phase_ = Phase::Optimize;
        startRun(request, QString("optimising with %1 …").arg(f->name));
        return;
    }
    const QString args = checkedArgumentsJson();
    if (args.isEmpty()) return;
    request.argsJson = args;
    if (f->simd) request.threads = threads_->value();
    if (runningBatch_ && !prepareBatch(request)) return;
    phase_ = runningBatch_ ? Phase::Batch : Phase::Call;
    startRun(request, "running " + f->name + " …");
}

// Malformed JSON is caught here, with the text that has it, before a process starts: empty
// (and a log line) then.
QString RunPanel::checkedArgumentsJson() {
    const QString args = argumentsJson();
    QJsonParseError error;
    QJsonDocument::fromJson(args.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError) return args;
    appendLog("The arguments are not valid JSON: " + error.errorString() + " in " + args);
    return {};
}

bool RunPanel::prepareBatch(RunRequest& request) {
    request.mode = RunRequest::Mode::MpiBatch;
    request.hostfile = hostfile_;
    if (!batchFile_.isEmpty()) {
        QString error;
        if (!readBatchFile(batchFile_, request.batchJson, runningSets_, error)) {
            appendLog(QString("Batch %1: %2").arg(QFileInfo(batchFile_).fileName(), error));
            results_->showMessage("The batch file is malformed: " + error);
            return false;
        }
    } else {
        QStringList sets;
        for (int k = 0; k < sets_->value(); ++k) sets << request.argsJson;
        request.batchJson = "[" + sets.join(",\n") + "]";
        runningSets_ = sets_->value();
    }
    runningWorkers_ = request.workers;
    return true;
}

// Options of the panel that apply to every process it starts: runs, and the sweeps and
// landscapes that follow them.
void RunPanel::applyProcessOptions(RunRequest& request) const {
    if (ompThreads_->value() > 0) request.ompThreads = ompThreads_->value();
    request.checkBounds = checkBounds_->isChecked();
}

void RunPanel::startRun(RunRequest request, const QString& what) {
    applyProcessOptions(request);
    runButton_->setEnabled(false);
    sweepButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    progress_->setRange(0, 0);  // busy until the first progress line (a single call has none)
    progress_->setTextVisible(false);
    results_->showMessage(what);
    runner_->start(request);
}

void RunPanel::cancel() {
    if (!runner_->running()) return;
    const bool again = runner_->isStopping();
    appendLog(again ? "Cancelling again: killing the lomaw process group"
                    : "Cancelling: stopping… (SIGTERM to lomaw, SIGKILL after 3 s if it is still running)");
    runner_->cancel();
    // Shown until the outcome arrives (onFinished: "cancelled" in the results and the log).
    progress_->setRange(0, 0);
    progress_->setFormat("stopping…");
    progress_->setTextVisible(true);
    results_->showMessage("stopping…");
}

void RunPanel::onProgress(qint64 done, qint64 total, const QString& unit) {
    if (phase_ == Phase::Sweep) {
        // One bar for the whole sweep: run k of n, and within it the run's own progress.
        const int n = int(sweepPlan_.size()), k = sweepIndex_;
        const int within = total > 0 ? int(1000 * done / total) : 0;
        progress_->setRange(0, 1000 * n);
        progress_->setValue(1000 * k + within);
        QString text = QString("sweep %1 / %2 (%3 worker%4)").arg(k + 1).arg(n).arg(runningWorkers_).arg(runningWorkers_ == 1 ? "" : "s");
        if (total > 0) text += QString(" · %1 / %2 %3").arg(done).arg(total).arg(unit);
        progress_->setFormat(text);
        progress_->setTextVisible(true);
        return;
    }
    if (total <= 0) return;
    // QProgressBar counts in int: scale huge batches down.
    const qint64 scale = total > 1000000 ? total / 1000000 + 1 : 1;
    progress_->setRange(0, int(total / scale));
    progress_->setValue(int(done / scale));
    progress_->setFormat(QString("%1 / %2 %3").arg(done).arg(total).arg(unit));
    progress_->setTextVisible(true);
}

void RunPanel::finishUi(bool ok) {
    runButton_->setEnabled(true);
    sweepButton_->setEnabled(true);
    cancelButton_->setEnabled(false);
    if (progress_->maximum() == 0 || !ok) {
        // No progress lines (a single call) or a failure: full when done, empty when not.
        progress_->setTextVisible(false);
        progress_->setRange(0, 1);
        progress_->setValue(ok ? 1 : 0);
    } else {
        progress_->setValue(progress_->maximum());
    }
}

void RunPanel::onFinished(const RunResult& result) {
    const Phase phase = phase_;
    phase_ = Phase::Idle;
    const bool ok = result.status == RunResult::Status::Ok;
    if (!result.errors.isEmpty()) appendLog(result.errors);
    appendLog(QString("%1 (exit code %2)").arg(result.summary()).arg(result.exitCode));
    if (!result.timingsJson.isEmpty()) appendLog("timings (s): " + result.timingsJson);
    if (phase == Phase::Optimize) return onOptimizeFinished(result);
    if (phase == Phase::Landscape) return onLandscapeFinished(result);
    if (phase == Phase::Sweep) return onSweepRunFinished(result);
    if (phase == Phase::Descend) return onDescentFinished(result);
    if (phase == Phase::DescentLandscape || phase == Phase::Slice) return onDescentLandscapeFinished(result, phase == Phase::Slice);
    finishUi(ok);
    if (runningBatch_ && ok && !result.timingsJson.isEmpty()) {
        TimingPoint point;
        point.kind = "mpirun";
        point.workers = runningWorkers_;
        point.sets = runningSets_;
        QString error;
        if (parseTimingsJson(result.timingsJson, point, error)) Q_EMIT timingRecorded(point);
        else appendLog("timings not recorded: " + error);
    }
    if (ok) {
        appendLog(result.json.size() > 4000 ? result.json.left(4000) + " …" : result.json);
        if (runningBatch_) results_->showBatchResult(result.json, running_);
        else results_->showResult(result.json, running_);
    } else {
        results_->showMessage(result.summary() + (result.errors.isEmpty() ? QString() : ": " + result.errors.section('\n', 0, 0)));
    }
    Q_EMIT runFinished(result);
}

}  // namespace lomaw::gui
