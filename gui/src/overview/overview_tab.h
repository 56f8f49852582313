// The Overview tab: what a person wants to know about the selected
// container at a glance, and buttons for the actions it allows.
#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QFormLayout;
class QLabel;

namespace berth::gui {

struct ContainerRow;

class OverviewTab : public QWidget {
    Q_OBJECT
public:
    // The buttons show `actions` (enabled as the actions are).
    explicit OverviewTab(const QList<QAction*>& actions, QWidget* parent = nullptr);

    // nullptr: nothing selected. `now` in seconds since the epoch (for the uptime).
    void showContainer(const ContainerRow* row, qint64 now);
    // A row of the form for a control another area provides (autostart).
    void addRow(const QString& label, QWidget* field);

private:
    QLabel* addField(const QString& label, const char* objectName);
    void clear();

    QLabel* m_state = nullptr;
    QLabel* m_uptime = nullptr;
    QLabel* m_pid = nullptr;
    QLabel* m_addresses = nullptr;
    QLabel* m_template = nullptr;
    QLabel* m_kind = nullptr;
    QLabel* m_userNamespace = nullptr; // privileged, or the host IDs of its user namespace
    QLabel* m_limits = nullptr;
    QLabel* m_lastExit = nullptr;
    QLabel* m_warnings = nullptr; // confinement the config asks for that is not applied
    QFormLayout* m_form = nullptr;
};

} // namespace berth::gui
