// The main window: the container list with its filter, the actions (in a
// toolbar, menus and the list's context menu, with shortcuts) enabled by
// the selected container's state, and the details tabs. When the helper
// cannot be reached it shows how to install it instead of the list. The
// wizards, the networks window, the system check and the settings open
// from here.
#pragma once

#include "container_source.h"
#include "icons.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace berth::gui {

class AutostartBox;
class SharedFoldersBox;
class BridgeWizard;
class ConfigTab;
class ConsoleTab;
class ContainerFilterModel;
class ContainerListModel;
class HelperMissingPage;
class ImagesWindow;
class LogTab;
class NetworkTab;
class NetworksWindow;
class NewContainerWizard;
class OverviewTab;
class ResourcesTab;
class Settings;
class SystemCheckDialog;
class WelcomePage;
class TaskList;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Action { New, Start, Stop, ForceStop, Freeze, Thaw, Terminal, Clone, Export, Convert, Destroy };
    enum class Tab { Overview, Resources, Network, Console, Log, Config };
    // Asks before an action; `title` names it and is the accept button's
    // text (confirmAction) unless a test replaces it.
    using Confirm = std::function<bool(const QString& title, const QString& question)>;
    // Asks where to save an export; a QFileDialog unless a test replaces it.
    using AskPath = std::function<QString(const QString& suggested)>;

    explicit MainWindow(ContainerSource& source, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] QAction* action(Action which) const;
    [[nodiscard]] ContainerListModel& model() const { return *m_model; }
    [[nodiscard]] QTreeView* view() const { return m_view; }
    [[nodiscard]] bool showsHelperMissing() const;
    [[nodiscard]] QString selectedName() const;
    // Selects the row of `name`; false if it is not listed (or filtered out).
    bool selectContainer(const QString& name);
    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }
    void setExportPathAsker(AskPath ask) { m_askExportPath = std::move(ask); }

    void showTab(Tab tab);
    [[nodiscard]] QWidget* tab(Tab tab) const;
    [[nodiscard]] Settings& settings() const { return *m_settings; }

    // The windows and dialogs, opened without blocking (they delete
    // themselves when closed); also what --screenshots shows.
    NewContainerWizard* openNewContainerWizard(const QString& cloneSource = {});
    BridgeWizard* openBridgeWizard();
    NetworksWindow* openNetworksWindow();
    // The images in the store, pull, remove, prune (one window, raised when open).
    ImagesWindow* openImagesWindow();
    SystemCheckDialog* openSystemCheck();
    void openSettings();

    // The window's layout (issue #19): the welcome page of an empty
    // install, the splitter between list and details, the Help menu.
    [[nodiscard]] bool showsWelcome() const;
    [[nodiscard]] QSplitter* splitter() const { return m_splitter; }
    [[nodiscard]] QMenu* helpMenu() const { return m_helpMenu; }
    // Background work (gui/src/tasks, main_window_tasks.cpp): the jobs
    // that outlive their window, and what quitting with them running does.
    enum class QuitChoice { KeepRunning, CancelThem, Stay };
    using AskQuit = std::function<QuitChoice(int running)>;
    [[nodiscard]] TaskList& tasks() const { return *m_tasks; }
    void setQuitAsker(AskQuit ask) { m_askQuit = std::move(ask); }
    // Asks when tasks run; false: stay.
    bool mayQuit();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createTaskList();
    void createOutsiderBanner();

    void createActions();
    QAction* makeAction(Action which, const QString& text, Icon icon, const QKeySequence& keys);
    void createMenusAndToolBar();
    QWidget* createListPage();
    QWidget* createTabs(QWidget* parent);
    QWidget* createFilter(QWidget* parent);
    QWidget* createView(QWidget* parent);
    void connectModel();
    void applySettings();
    void updateSelection();
    void showHelperMissing(const client::ClientError& error);
    void checkSystemOnFirstStart();

    using Call = std::function<void(const QString& name, StatusCallback done)>;
    void perform(const QString& whatTemplate, const Call& call);
    void destroySelected();
    void exportSelected();
    void convertSelected();
    void openExternalTerminal(bool shell);
    void wizardFinished(NewContainerWizard* wizard);
    void reportError(const QString& text);
    QWidget* wrapInScrollArea(QWidget* tab);
    void restoreLayout();
    void updateWelcome();
    void createHelpMenu();
    void createPaneSwitch();
    // The confirmations (main_window_actions.cpp): the title and button name the action.
    [[nodiscard]] bool confirmForceStop();

    ContainerSource& m_source;
    Settings* m_settings = nullptr;
    ContainerListModel* m_model = nullptr;
    ContainerFilterModel* m_proxy = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTreeView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    QTabWidget* m_tabs = nullptr;
    OverviewTab* m_overview = nullptr;
    AutostartBox* m_autostart = nullptr;
    SharedFoldersBox* m_shares = nullptr;
    ResourcesTab* m_resources = nullptr;
    NetworkTab* m_network = nullptr;
    ConsoleTab* m_console = nullptr;
    LogTab* m_log = nullptr;
    ConfigTab* m_config = nullptr;
    HelperMissingPage* m_helperMissing = nullptr;
    QPointer<NetworksWindow> m_networksWindow;
    QPointer<ImagesWindow> m_imagesWindow;
    QMap<Action, QAction*> m_actions;
    QString m_shownName; // the container the tabs show
    bool m_systemChecked = false;
    Confirm m_confirm;
    AskPath m_askExportPath;
    QWidget* m_listPage = nullptr;
    QSplitter* m_splitter = nullptr;
    WelcomePage* m_welcome = nullptr;
    QMenu* m_helpMenu = nullptr;
    TaskList* m_tasks = nullptr;
    AskQuit m_askQuit;
};

} // namespace berth::gui
