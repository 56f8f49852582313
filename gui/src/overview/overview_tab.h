// The Overview tab: what a person asks of the selected container, in plain
// words (overview_text.h): is it running and how did its last run end, how
// to get in, what it is using, how it is reached, what it is allowed — and
// buttons for the actions it allows.
#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QFormLayout;
class QLabel;
class QToolButton;

namespace berth::gui {

class ContainerSource;
struct ContainerRow;

class OverviewTab : public QWidget {
    Q_OBJECT
public:
    // The buttons show `actions` (enabled as the actions are); `terminal`
    // (the Terminal action) also stands under "Get in". Port forwards are
    // read from `source` when the selection changes.
    explicit OverviewTab(const QList<QAction*>& actions, QWidget* parent = nullptr);

    void setForwardSource(ContainerSource* source) { m_source = source; }
    void setTerminalAction(QAction* terminal);
    // nullptr: nothing selected. `now` in seconds since the epoch (for the uptime).
    void showContainer(const ContainerRow* row, qint64 now);
    // A row of the form for a control another area provides (autostart).
    void addRow(const QString& label, QWidget* field);

private:
    QLabel* addField(const QString& label, const char* objectName);
    void addSection(const QString& title);
    void clear();
    void showForwards(const QString& name);
    void showState(const ContainerRow& row, qint64 now);

    ContainerSource* m_source = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_status = nullptr; // "Running for 2 h 14 min", how the last run ended
    QLabel* m_pid = nullptr;
    QLabel* m_getIn = nullptr; // berthctl exec NAME -- bash
    QToolButton* m_copy = nullptr;
    QToolButton* m_terminal = nullptr;
    QLabel* m_using = nullptr;
    QLabel* m_addresses = nullptr;
    QLabel* m_forwards = nullptr;
    QLabel* m_limits = nullptr;
    QLabel* m_userNamespace = nullptr; // privileged, or the host IDs of its user namespace
    QLabel* m_kind = nullptr;
    QLabel* m_template = nullptr;
    QLabel* m_warnings = nullptr; // confinement the config asks for that is not applied
    QFormLayout* m_form = nullptr;
    QString m_forwardsOf; // whose forwards are shown (or asked for)
};

} // namespace berth::gui
