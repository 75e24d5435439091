// Autosave for crash recovery: the unsaved editor text is written (atomically) to one recovery
// file every few seconds while modified; a clean exit or a save removes it. A recovery file
// found at start-up means the last session ended without saving, and the app offers it back.
#pragma once

#include <QString>

namespace lomaw::gui {

struct RecoveryState {
    QString originalPath;  // the file being edited ("" for an untitled buffer)
    QString text;
    QString savedAt;       // ISO time of the autosave
};

class RecoveryStore {
public:
    explicit RecoveryStore(QString path) : path_(std::move(path)) {}
    const QString& path() const { return path_; }

    bool save(const RecoveryState& state) const;
    bool exists() const;
    // Empty optional-like: ok false when there is no readable recovery file.
    bool load(RecoveryState& state) const;
    void discard() const;

private:
    QString path_;
};

}  // namespace lomaw::gui
