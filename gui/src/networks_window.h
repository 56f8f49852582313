// The Networks window: Berth's bridges in a list (new, edit, delete) and
// the network view drawing each bridge with the containers attached to
// it. Clicking a container there selects it in the main window's list.
#pragma once

#include "container_source.h"

#include <QWidget>

class QListWidget;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace berth::gui {

class NetworkView;

class NetworksWindow : public QWidget {
    Q_OBJECT
public:
    using Confirm = std::function<bool(const QString& title, const QString& question)>;

    explicit NetworksWindow(ContainerSource& source, QWidget* parent = nullptr);

    void refresh();
    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }
    [[nodiscard]] NetworkView* view() const { return m_view; }
    [[nodiscard]] QListWidget* bridgeList() const { return m_list; }
    [[nodiscard]] QLabel* message() const { return m_message; }
    // No bridge yet: what a bridge is and "New bridge…" instead of an empty list.
    [[nodiscard]] bool showsEmptyState() const;

Q_SIGNALS:
    void containerActivated(const QString& name);

private:
    void showBridges(const QList<client::Bridge>& bridges);
    void openWizard(bool editing);
    void deleteSelected();
    void updateButtons();
    [[nodiscard]] const client::Bridge* selectedBridge() const;

    ContainerSource& m_source;
    QListWidget* m_list = nullptr;
    NetworkView* m_view = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_delete = nullptr;
    QList<client::Bridge> m_bridges;
    Confirm m_confirm;
    QStackedWidget* m_pages = nullptr; // the bridges and their view, or the empty state
    QWidget* m_empty = nullptr;
    QWidget* createEmptyState();
};

} // namespace berth::gui
