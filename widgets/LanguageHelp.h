// The language reference viewer (F1): docs/language.md, embedded in the resources, rendered as
// Markdown.
#pragma once

#include <QDialog>

class QTextBrowser;

namespace lomaw::gui {

class LanguageHelp : public QDialog {
    Q_OBJECT
public:
    explicit LanguageHelp(QWidget* parent = nullptr);
    QTextBrowser* browser() const { return browser_; }

private:
    QTextBrowser* browser_;
};

}  // namespace lomaw::gui
