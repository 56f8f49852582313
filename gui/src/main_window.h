// The main window: the container list with its filter, the actions (in a
// toolbar, a menu and the list's context menu, with shortcuts) enabled by
// the selected container's state, and the details tabs. When the helper
// cannot be reached it shows how to install it instead of the list.
#pragma once

#include "container_source.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace berth::gui {

class ContainerFilterModel;
class ContainerListModel;
class HelperMissingPage;
class OverviewTab;
class ResourcesTab;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Action { Start, Stop, ForceStop, Freeze, Thaw, Destroy };
    // Asks a yes/no question; a QMessageBox unless a test replaces it.
    using Confirm = std::function<bool(const QString& title, const QString& question)>;

    explicit MainWindow(ContainerSource& source, QWidget* parent = nullptr);

    [[nodiscard]] QAction* action(Action which) const;
    [[nodiscard]] ContainerListModel& model() const { return *m_model; }
    [[nodiscard]] QTreeView* view() const { return m_view; }
    [[nodiscard]] bool showsHelperMissing() const;
    [[nodiscard]] QString selectedName() const;
    // Selects the row of `name`; false if it is not listed (or filtered out).
    bool selectContainer(const QString& name);
    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }

private:
    void createActions();
    QAction* makeAction(Action which, const QString& text, const char* icon, const QKeySequence& keys);
    void createMenusAndToolBar();
    QWidget* createListPage();
    QWidget* createFilter(QWidget* parent);
    QWidget* createView(QWidget* parent);
    void connectModel();
    void updateSelection();
    void showHelperMissing(const client::ClientError& error);

    using Call = std::function<void(const QString& name, StatusCallback done)>;
    void perform(const QString& whatTemplate, const Call& call);
    void destroySelected();
    void reportError(const QString& text);

    ContainerSource& m_source;
    ContainerListModel* m_model = nullptr;
    ContainerFilterModel* m_proxy = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTreeView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    OverviewTab* m_overview = nullptr;
    ResourcesTab* m_resources = nullptr;
    HelperMissingPage* m_helperMissing = nullptr;
    QMap<Action, QAction*> m_actions;
    Confirm m_confirm;
};

} // namespace berth::gui
