#include "LanguageHelp.h"

#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace lomaw::gui {

LanguageHelp::LanguageHelp(QWidget* parent) : QDialog(parent) {
    setWindowTitle("loma language reference");
    resize(820, 760);
    browser_ = new QTextBrowser(this);
    browser_->setOpenExternalLinks(true);
    QFile file(":/docs/language.md");
    if (file.open(QIODevice::ReadOnly)) browser_->setMarkdown(QString::fromUtf8(file.readAll()));
    else browser_->setPlainText("The language reference is missing from this build.");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser_);
}

}  // namespace lomaw::gui
