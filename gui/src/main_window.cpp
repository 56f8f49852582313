#include "main_window.h"
#include "autostart_box.h"
#include "shared_folders_box.h"

#include "config_tab.h"
#include "console_tab.h"
#include "container_actions.h"
#include "container_filter_model.h"
#include "container_list_model.h"
#include "error_text.h"
#include "helper_missing_page.h"
#include "log_tab.h"
#include "network_tab.h"
#include "overview_tab.h"
#include "resources_tab.h"
#include "settings.h"
#include "usage_charts.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace berth::gui {

MainWindow::MainWindow(ContainerSource& source, QWidget* parent)
    : QMainWindow(parent), m_source(source), m_settings(new Settings(this)),
      m_model(new ContainerListModel(source, this)), m_proxy(new ContainerFilterModel(this))
{
    setWindowTitle(tr("Berth"));
    m_confirm = [this](const QString& title, const QString& question) {
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_proxy->setSourceModel(m_model);
    createActions();
    createMenusAndToolBar();
    createTaskList();
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createListPage());
    m_helperMissing = new HelperMissingPage(this);
    m_stack->addWidget(m_helperMissing);
    setCentralWidget(m_stack);
    createOutsiderBanner();
    connect(m_helperMissing, &HelperMissingPage::retryRequested, m_model, &ContainerListModel::reload);
    connect(m_settings, &Settings::changed, this, &MainWindow::applySettings);
    connectModel();
    applySettings();
    updateSelection();
    resize(1180, 760);
    m_model->reload();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createListPage()
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(splitter);
    auto* layout = new QVBoxLayout(top);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createFilter(top));
    layout->addWidget(createView(top));
    createTabs(splitter);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    return splitter;
}

QWidget* MainWindow::createTabs(QWidget* parent)
{
    m_tabs = new QTabWidget(parent);
    m_overview = new OverviewTab(m_actions.values(), m_tabs);
    m_autostart = new AutostartBox(m_source, m_overview);
    m_overview->addRow(tr("Autostart:"), m_autostart);
    connect(m_autostart, &AutostartBox::changed, m_model, &ContainerListModel::refresh);
    m_shares = new SharedFoldersBox(m_source, m_overview);
    m_overview->addRow(tr("Shared folders:"), m_shares);
    connect(m_shares, &SharedFoldersBox::changed, m_model, &ContainerListModel::refresh);
    m_tabs->addTab(m_overview, tr("Overview"));
    m_resources = new ResourcesTab(m_source, m_tabs);
    m_resources->watch(*m_model);
    connect(m_resources, &ResourcesTab::limitsApplied, m_model, &ContainerListModel::refresh);
    connect(m_resources->charts(), &UsageCharts::windowMinutesChanged, m_settings, &Settings::setChartMinutes);
    m_tabs->addTab(m_resources, tr("Resources"));
    m_network = new NetworkTab(m_source, m_tabs);
    m_tabs->addTab(m_network, tr("Network"));
    m_console = new ConsoleTab(m_source, m_tabs);
    m_tabs->addTab(m_console, tr("Console"));
    m_log = new LogTab(m_source, m_tabs);
    m_tabs->addTab(m_log, tr("Log"));
    m_config = new ConfigTab(m_source, m_tabs);
    m_config->setConfirmation(
        [this](const QString& title, const QString& question) { return m_confirm(title, question); });
    connect(m_config, &ConfigTab::saved, m_model, &ContainerListModel::refresh);
    connect(m_autostart, &AutostartBox::changed, m_config, &ConfigTab::reloadUnlessEdited);
    connect(m_shares, &SharedFoldersBox::changed, m_config, &ConfigTab::reloadUnlessEdited);
    m_tabs->addTab(m_config, tr("Config"));
    return m_tabs;
}

QWidget* MainWindow::createFilter(QWidget* parent)
{
    m_filter = new QLineEdit(parent);
    m_filter->setPlaceholderText(tr("Filter by name, state, address or template"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ContainerFilterModel::setFilterText);
    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filter, qOverload<>(&QLineEdit::setFocus));
    QMainWindow::addAction(find);
    return m_filter;
}

QWidget* MainWindow::createView(QWidget* parent)
{
    m_view = new QTreeView(parent);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ContainerListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu;
        for (QAction* action : std::as_const(m_actions))
            if (action != m_actions[Action::New])
                menu.addAction(action);
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view, &QTreeView::activated, this, [this] { showTab(Tab::Overview); });
    return m_view;
}

void MainWindow::connectModel()
{
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateSelection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateSelection);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateSelection);
    connect(m_model, &ContainerListModel::loadFailed, this, [this](const client::ClientError& error) {
        if (error.kind == client::ErrorKind::NoHelper)
            showHelperMissing(error);
        else
            reportError(errorText(error, tr("list the containers")));
    });
    connect(m_model, &ContainerListModel::loaded, this, [this] {
        m_stack->setCurrentIndex(0);
        // Once, not as a resize mode: that would measure every row on every tick.
        m_view->header()->resizeSections(QHeaderView::ResizeToContents);
        // Addresses arrive after the list (leases, starts): room for one.
        const int address = m_view->fontMetrics().horizontalAdvance(QStringLiteral("000.000.000.000/00")) + 16;
        if (m_view->header()->sectionSize(ContainerListModel::AddressColumn) < address)
            m_view->header()->resizeSection(ContainerListModel::AddressColumn, address);
        if (!m_systemChecked) {
            m_systemChecked = true;
            checkSystemOnFirstStart();
        }
    });
}

void MainWindow::applySettings()
{
    m_model->setStatsInterval(m_settings->samplingSeconds() * 1000);
    m_resources->setSamplingInterval(m_settings->samplingSeconds() * 1000);
    m_resources->charts()->setWindowMinutes(m_settings->chartMinutes());
}

QAction* MainWindow::action(Action which) const
{
    return m_actions.value(which);
}

bool MainWindow::showsHelperMissing() const
{
    return m_stack->currentWidget() == m_helperMissing;
}

QString MainWindow::selectedName() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(ContainerListModel::NameColumn);
    return rows.isEmpty() ? QString() : rows.first().data().toString();
}

bool MainWindow::selectContainer(const QString& name)
{
    const int row = m_model->rowOf(name);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    return true;
}

void MainWindow::showTab(Tab which)
{
    m_tabs->setCurrentWidget(tab(which));
}

QWidget* MainWindow::tab(Tab which) const
{
    switch (which) {
    case Tab::Overview:
        return m_overview;
    case Tab::Resources:
        return m_resources;
    case Tab::Network:
        return m_network;
    case Tab::Console:
        return m_console;
    case Tab::Log:
        return m_log;
    case Tab::Config:
        return m_config;
    }
    return m_overview;
}

void MainWindow::updateSelection()
{
    QString name = selectedName();
    // The config tab keeps unsaved edits: it may refuse to let go.
    if (name != m_shownName && !m_config->setContainer(name)) {
        const QSignalBlocker blocker(m_view->selectionModel());
        if (!selectContainer(m_shownName))
            m_view->clearSelection();
        name = m_shownName;
    }
    m_shownName = name;
    const int row = m_model->rowOf(name);
    const ContainerRow* selected = row < 0 ? nullptr : &m_model->row(row);
    const auto state = selected ? selected->state() : std::nullopt;
    const AllowedActions allowed = allowedActions(state, selected && selected->info.privileged);
    m_actions[Action::Start]->setEnabled(allowed.start);
    m_actions[Action::Stop]->setEnabled(allowed.stop);
    m_actions[Action::ForceStop]->setEnabled(allowed.forceStop);
    m_actions[Action::Freeze]->setEnabled(allowed.freeze);
    m_actions[Action::Thaw]->setEnabled(allowed.thaw);
    m_actions[Action::Terminal]->setEnabled(allowed.terminal);
    m_actions[Action::Clone]->setEnabled(allowed.clone);
    m_actions[Action::Export]->setEnabled(allowed.exportTree);
    m_actions[Action::Convert]->setEnabled(allowed.convert);
    m_actions[Action::Destroy]->setEnabled(allowed.destroy);
    m_overview->showContainer(selected, QDateTime::currentSecsSinceEpoch());
    m_autostart->showContainer(selected ? &selected->info : nullptr);
    m_shares->showContainer(selected ? &selected->info : nullptr);
    m_resources->showContainer(selected);
    m_network->setContainer(selected ? selected->info : client::ContainerInfo{});
    m_console->setContainer(name, state);
    m_log->setContainer(name, state);
}

void MainWindow::showHelperMissing(const client::ClientError& error)
{
    m_helperMissing->setDetail(error.message);
    m_stack->setCurrentWidget(m_helperMissing);
}

void MainWindow::reportError(const QString& text)
{
    statusBar()->showMessage(text);
}

} // namespace berth::gui
