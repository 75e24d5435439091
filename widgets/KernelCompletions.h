// Completion source of the kernel editor: keywords, types and intrinsics always; the module's
// functions, structs and (after a '.') struct members from the latest analysis. Call tips show
// a function's signature. Served synchronously from small lists (QsciAPIs would re-prepare a
// database after every edit).
#pragma once

#include <Qsci/qsciabstractapis.h>
#include <QMap>

namespace lomaw::gui {

class KernelCompletions : public QsciAbstractAPIs {
    Q_OBJECT
public:
    explicit KernelCompletions(QsciLexer* lexer);

    // signatures: function name -> "name(x : In[float]) -> float"
    void setModuleNames(const QMap<QString, QString>& signatures, const QStringList& structs,
                        const QStringList& members);

    void updateAutoCompletionList(const QStringList& context, QStringList& list) override;
    QStringList callTips(const QStringList& context, int commas, QsciScintilla::CallTipsStyle style,
                         QList<int>& shifts) override;

private:
    QMap<QString, QString> signatures_;
    QStringList structs_;
    QStringList members_;
};

}  // namespace lomaw::gui
