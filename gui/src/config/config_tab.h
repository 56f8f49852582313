// The Config tab: the container's config text, highlighted, saved through
// SetConfig (the helper parses and validates it first) or reverted to what
// was loaded. A refusal that names a line ("config:3: ...") marks that line
// and puts the cursor on it; the text stays as the user wrote it.
#pragma once

#include "container_source.h"

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
    // The line marked by the last refusal (1-based), 0 if none.
    [[nodiscard]] int markedLine() const { return m_markedLine; }
    [[nodiscard]] QString container() const { return m_name; }

public Q_SLOTS:
    // Shows `name`'s config (empty: nothing selected). With unsaved edits it
    // asks first; false if the user keeps them, and nothing changes.
    bool setContainer(const QString& name);
    void save();
    void revert();
    // Another control changed `name`'s config: shown afresh unless edited here.
    void reloadUnlessEdited(const QString& name);

Q_SIGNALS:
    // The helper took the new config of `name`.
    void saved(const QString& name);

private:
    void load();
    void saveFinished(const QString& name, const QString& text, const client::Status& status);
    void markLine(int line);
    void clearMark();
    void updateButtons();

    ContainerSource& m_source;
    QPlainTextEdit* m_editor = nullptr;
    ConfigHighlighter* m_highlighter = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QLabel* m_message = nullptr;
    Confirm m_confirm;
    QString m_name;
    QString m_loaded; // the text the helper has
    quint64 m_generation = 0;
    int m_markedLine = 0;
    bool m_saving = false;
};

} // namespace berth::gui
