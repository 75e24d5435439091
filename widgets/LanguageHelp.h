// The help viewer (F1): the user documentation embedded in the app's resources (docs/*.md:
// the language reference, the guide, the command line, this app's manual, ...), rendered as
// Markdown. Links between the pages open inside the viewer, so the help never points at a file
// the user does not have; web links go to the browser.
#pragma once

#include <QDialog>
#include <QStringList>

class QTextBrowser;
class QComboBox;

namespace lomaw::gui {

class LanguageHelp : public QDialog {
    Q_OBJECT
public:
    explicit LanguageHelp(QWidget* parent = nullptr);
    QTextBrowser* browser() const { return browser_; }
    // Shows embedded page `name` ("language.md", "guide.md#section"); false when it is not there.
    bool showPage(const QString& name);
    QString currentPage() const { return page_; }
    // The embedded pages, by file name.
    static QStringList pages();

private:
    QTextBrowser* browser_;
    QComboBox* pageBox_;
    QString page_;
};

}  // namespace lomaw::gui
