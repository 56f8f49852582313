// The Log tab: a container's console log, read in pieces through GetLog and
// followed (one read a second) while the container runs and the tab is
// shown. A log shorter than what was read means it was replaced (a new
// start): the view starts again from the beginning. A log that begins past
// what was read was capped (lxc.console.size), and the tab says so.
// Searchable (Ctrl+F,
// F3, Shift+F3) and saved to a file on request.
#pragma once

#include "container_source.h"
#include "log_filter.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace berth::gui {

class SearchBar;

class LogTab : public QWidget {
    Q_OBJECT
public:
    static constexpr uint kChunkBytes = 64 * 1024;
    static constexpr int kPollMs = 1000;

    explicit LogTab(ContainerSource& source, QWidget* parent = nullptr);

    [[nodiscard]] QPlainTextEdit* view() const { return m_view; }
    [[nodiscard]] SearchBar* searchBar() const { return m_search; }
    [[nodiscard]] QCheckBox* followBox() const { return m_follow; }
    [[nodiscard]] QLabel* message() const { return m_message; }
    // Shown when the log began past what was read: older output was
    // dropped at the log's cap (lxc.console.size).
    [[nodiscard]] QLabel* droppedNotice() const { return m_dropped; }
    // Following now (running and shown).
    [[nodiscard]] bool isPolling() const { return m_poll.isActive(); }

public Q_SLOTS:
    // An empty name: nothing selected.
    // No state: nothing selected, or a state this GUI does not know.
    void setContainer(const QString& name, std::optional<model::RunState> state);
    // Writes the text shown to `path`; false (and a message) if it cannot.
    bool saveTo(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* makeToolBar();
    void restart();
    void readNext();
    void received(const client::LogChunk& chunk);
    void append(const QString& text);
    void updatePolling();
    void saveAs();

    ContainerSource& m_source;
    QPlainTextEdit* m_view = nullptr;
    SearchBar* m_search = nullptr;
    QCheckBox* m_follow = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_dropped = nullptr;
    QTimer m_poll;
    LogFilter m_filter;
    QString m_name;
    std::optional<model::RunState> m_state;
    quint64 m_offset = 0;
    quint64 m_generation = 0; // answers for an older container or log are dropped
    bool m_reading = false;
};

} // namespace berth::gui
