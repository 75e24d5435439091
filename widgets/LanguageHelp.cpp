#include "LanguageHelp.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace lomaw::gui {

namespace {
const QList<QPair<QString, QString>>& pageTitles() {
    static const QList<QPair<QString, QString>> t = {
        {"language.md", "Language reference"}, {"guide.md", "Guide: a tour with examples"},
        {"app.md", "lomaworks (this app)"},   {"cli.md", "The lomaw command line"},
        {"ad.md", "Automatic differentiation"}, {"omp.md", "OpenMP and scopes"},
        {"mpi.md", "MPI runs"},                {"gradcheck.md", "Gradient checks"},
        {"descend.md", "Gradient descent (lomaw descend)"}, {"benchmarks.md", "Benchmarks"},
        {"architecture.md", "How lomaw is built"}};
    return t;
}
}  // namespace

QStringList LanguageHelp::pages() {
    QStringList out;
    for (const auto& [file, title] : pageTitles())
        if (QFile::exists(":/docs/" + file)) out << file;
    return out;
}

LanguageHelp::LanguageHelp(QWidget* parent) : QDialog(parent) {
    setWindowTitle("lomaworks help");
    resize(860, 760);
    browser_ = new QTextBrowser(this);
    browser_->setOpenLinks(false);  // links are followed below: pages inside, the web outside
    pageBox_ = new QComboBox(this);
    for (const auto& [file, title] : pageTitles())
        if (QFile::exists(":/docs/" + file)) pageBox_->addItem(title, file);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->addWidget(new QLabel("Page", this));
    bar->addWidget(pageBox_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(browser_);
    connect(pageBox_, &QComboBox::activated, this, [this](int index) { showPage(pageBox_->itemData(index).toString()); });
    connect(browser_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (!url.scheme().isEmpty() && url.scheme() != "file" && url.scheme() != "qrc") {
            QDesktopServices::openUrl(url);
        } else if (url.path().isEmpty() || url.path() == page_) {
            browser_->scrollToAnchor(url.fragment());
        } else {
            showPage(QFileInfo(url.path()).fileName() + (url.hasFragment() ? "#" + url.fragment() : QString()));
        }
    });
    if (!showPage("language.md")) browser_->setPlainText("The language reference is missing from this build.");
}

bool LanguageHelp::showPage(const QString& name) {
    const int hash = int(name.indexOf('#'));
    const QString file = hash < 0 ? name : name.left(hash);
    const QString anchor = hash < 0 ? QString() : name.mid(hash + 1);
    QFile f(":/docs/" + file);
    if (!f.open(QIODevice::ReadOnly)) return false;
    QString text = QString::fromUtf8(f.readAll());
    // Screenshots are not embedded: drop their image lines rather than show broken images.
    static const QRegularExpression image(R"(^!\[[^\]]*\]\([^)]*\)\s*$)", QRegularExpression::MultilineOption);
    text.remove(image);
    browser_->setMarkdown(text);
    page_ = file;
    pageBox_->setCurrentIndex(std::max(0, pageBox_->findData(file)));
    if (!anchor.isEmpty()) browser_->scrollToAnchor(anchor);
    return true;
}

}  // namespace lomaw::gui
