// The Console tab: the selected container's console (through the helper's
// monitor) or a new shell in it, in an embedded terminal. When the console
// hangs up it says so and offers to reconnect, and it reconnects by itself
// when the container runs again (a restart). A container that is not
// running gets a plain message instead of a terminal.
#pragma once

#include "container_source.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace berth::gui {

class TerminalWidget;

class ConsoleTab : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Console, Shell };
    static constexpr int kDefaultResizeDebounceMs = 200;

    explicit ConsoleTab(ContainerSource& source, QWidget* parent = nullptr);

    // An empty name: nothing selected. Connects while the tab is shown.
    // No state: nothing selected, or a state this GUI does not know.
    void setContainer(const QString& name, std::optional<model::RunState> state);
    void setMode(Mode mode);
    [[nodiscard]] Mode mode() const { return m_mode; }
    void setResizeDebounceInterval(int milliseconds) { m_resizeTimer.setInterval(milliseconds); }

    [[nodiscard]] TerminalWidget* terminal() const { return m_terminal; }
    // What the tab says above the terminal (a hangup, a refusal).
    [[nodiscard]] QLabel* message() const { return m_message; }
    [[nodiscard]] QPushButton* reconnectButton() const { return m_reconnect; }
    // Shown instead of the terminal when there is nothing to connect to.
    [[nodiscard]] QLabel* notRunningLabel() const { return m_notRunning; }
    // Under the terminal: how to leave it.
    [[nodiscard]] QLabel* keyHint() const { return m_keyHint; }

public Q_SLOTS:
    void reconnect();
    // The user asked for the terminal (the Terminal action): it takes the
    // keyboard now, or once connected. Nothing else moves the focus into it.
    void focusTerminal();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createToolBar();
    QLayout* createBanner();
    void sourceStateChanged(const QString& name, const QString& word);
    void refresh();
    [[nodiscard]] bool keepsTerminal() const;
    void connectTerminal();
    void opened(int generation, const client::Result<QDBusUnixFileDescriptor>& fd, const QString& what);
    void hungUp();
    void showMessage(const QString& text, bool offerReconnect);
    void sendSize();
    void openExternal();
    void restart();

    ContainerSource& m_source;
    TerminalWidget* m_terminal = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_notRunning = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_keyHint = nullptr;
    QPushButton* m_reconnect = nullptr;
    QComboBox* m_modeBox = nullptr;
    QTimer m_resizeTimer;
    QString m_name;
    std::optional<model::RunState> m_state;
    Mode m_mode = Mode::Console;
    int m_generation = 0; // replies for an older connection attempt are dropped
    bool m_connecting = false;
    bool m_waitForUser = false; // after a hangup or a refusal: Reconnect, or the container running again
    bool m_focusWanted = false; // focusTerminal() before the terminal was connected
};

} // namespace berth::gui
