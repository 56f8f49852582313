// The Config tab: the container's config text, highlighted, saved through
// SetConfigIfUnchanged (the helper parses and validates it first, and never
// writes over a config changed since it was loaded) or reverted to what
// was loaded. A refusal that names a line ("config:3: ...") marks that line
// and puts the cursor on it; the text stays as the user wrote it. The text
// is read again whenever the config may have changed (the source's
// configChanged and stateChanged, the tab shown, every few seconds while it
// is shown): shown at once without edits, else a bar offers Reload or Keep
// Editing.
#pragma once

#include "container_source.h"

#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace berth::gui {

class ConfigHighlighter;

class ConfigTab : public QWidget {
    Q_OBJECT
public:
    // Asks a yes/no question; a QMessageBox unless a test replaces it.
    using Confirm = std::function<bool(const QString& title, const QString& question)>;

    explicit ConfigTab(ContainerSource& source, QWidget* parent = nullptr);

    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }

    [[nodiscard]] QPlainTextEdit* editor() const { return m_editor; }
    [[nodiscard]] ConfigHighlighter* highlighter() const { return m_highlighter; }
    [[nodiscard]] QPushButton* saveButton() const { return m_save; }
    [[nodiscard]] QPushButton* revertButton() const { return m_revert; }
    [[nodiscard]] QLabel* message() const { return m_message; }
    // "Changed outside this editor" with Reload and Keep Editing.
    [[nodiscard]] QWidget* changedBar() const { return m_changedBar; }
    [[nodiscard]] QPushButton* reloadButton() const { return m_reload; }
    [[nodiscard]] QPushButton* keepEditingButton() const { return m_keepEditing; }
    static constexpr int kRecheckMs = 3000;
    // The line marked by the last refusal (1-based), 0 if none.
    [[nodiscard]] int markedLine() const { return m_markedLine; }
    [[nodiscard]] QString container() const { return m_name; }

public Q_SLOTS:
    // Shows `name`'s config (empty: nothing selected). With unsaved edits it
    // asks first; false if the user keeps them, and nothing changes.
    bool setContainer(const QString& name);
    void save();
    void revert();
    // Another control changed `name`'s config: shown afresh unless edited
    // here, else the changed bar.
    void reloadUnlessEdited(const QString& name);
    // Reads the config again; a newer one is shown or offered (see above).
    void recheck();

Q_SIGNALS:
    // The helper took the new config of `name`.
    void saved(const QString& name);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* createChangedBar();
    void load();
    void showNewer(const QString& text);
    void offerReload(const QString& why, const QString& newer);
    void saveFinished(const QString& name, const QString& text, const client::Status& status);
    void showUnapplied(const QString& name);
    void markLine(int line);
    void clearMark();
    void updateButtons();

    ContainerSource& m_source;
    QPlainTextEdit* m_editor = nullptr;
    ConfigHighlighter* m_highlighter = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_changedBar = nullptr;
    QLabel* m_changedText = nullptr;
    QPushButton* m_reload = nullptr;
    QPushButton* m_keepEditing = nullptr;
    QTimer m_recheckTimer;
    Confirm m_confirm;
    QString m_name;
    QString m_loaded;    // the text the helper had when loaded: what a save is based on
    QString m_dismissed; // a newer text the user chose to keep editing over
    quint64 m_generation = 0;
    int m_markedLine = 0;
    bool m_saving = false;
};

} // namespace berth::gui
