// The diff view: any two texts of DiffSources side by side, equal lines on the same row, removed
// lines red on the left, added lines green on the right, changed pairs amber on both, gaps grey;
// the panes scroll together and their margins keep each text's own line numbers.
#pragma once

#include <QWidget>

#include "DiffSources.h"
#include "LineDiff.h"

class QComboBox;
class QLabel;
class QsciScintilla;

namespace lomaw::gui {

class DiffView : public QWidget {
    Q_OBJECT
public:
    enum Marker { RemovedMarker = 20, AddedMarker = 21, ChangedMarker = 22, GapMarker = 23 };

    explicit DiffView(QWidget* parent = nullptr);

    // New texts (after an analysis, an edit or a save); the chosen pair stays chosen by key.
    void setSources(const QList<DiffSource>& sources);
    // Compares the sources with these keys; false when either is not available (yet).
    bool compare(const QString& leftKey, const QString& rightKey);
    bool applyPreset(const QString& title);
    QStringList presetTitles() const;
    QString leftKey() const { return leftKey_; }
    QString rightKey() const { return rightKey_; }
    const QVector<DiffRow>& rows() const { return rows_; }
    DiffStats stats() const { return diffStats(rows_); }
    QsciScintilla* leftPane() const { return panes_[0]; }
    QsciScintilla* rightPane() const { return panes_[1]; }
    QString summary() const;
    void setDarkTheme(bool dark);

Q_SIGNALS:
    // The user picked a pair (so the window knows which texts to keep computing).
    void selectionChanged();

private:
    void refill();
    void render(const QString& left, const QString& right);
    void fillCombos();
    const DiffSource* source(const QString& key) const;

    QList<DiffSource> sources_;
    QList<DiffPreset> presets_;
    QComboBox* preset_;
    QComboBox* left_;
    QComboBox* right_;
    QLabel* stats_;
    QsciScintilla* panes_[2];
    QString leftKey_, rightKey_;
    QString shownLeft_, shownRight_;
    QVector<DiffRow> rows_;
    bool dark_ = false;
    bool filling_ = false;
};

}  // namespace lomaw::gui
