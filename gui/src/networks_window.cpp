#include "networks_window.h"

#include "bridge_wizard.h"
#include "confirm_action.h"
#include "error_text.h"
#include "icons.h"
#include "network_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace berth::gui {

NetworksWindow::NetworksWindow(ContainerSource& source, QWidget* parent) : QWidget(parent, Qt::Window), m_source(source)
{
    setWindowTitle(tr("Networks — Berth"));
    m_confirm = [this](const QString& title, const QString& question) { return confirmAction(this, title, question); };
    auto* splitter = new QSplitter(this);
    auto* side = new QWidget(splitter);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(side);
    sideLayout->addWidget(new QLabel(tr("Bridges:"), side));
    sideLayout->addWidget(m_list);
    auto* add = new QPushButton(icon(Icon::Add), tr("&New bridge…"), side);
    m_edit = new QPushButton(icon(Icon::Edit), tr("&Edit…"), side);
    m_delete = new QPushButton(icon(Icon::Delete), tr("&Delete…"), side);
    for (QPushButton* button : {add, m_edit, m_delete})
        sideLayout->addWidget(button);
    m_view = new NetworkView(source, splitter);
    splitter->setStretchFactor(1, 3);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(splitter);
    m_empty = createEmptyState();
    m_pages->addWidget(m_empty);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_message);
    connect(add, &QPushButton::clicked, this, [this] { openWizard(false); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openWizard(true); });
    connect(m_delete, &QPushButton::clicked, this, &NetworksWindow::deleteSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &NetworksWindow::updateButtons);
    connect(m_view, &NetworkView::containerActivated, this, &NetworksWindow::containerActivated);
    resize(900, 560);
    updateButtons();
    refresh();
}

void NetworksWindow::refresh()
{
    m_source.bridges(this, [this](client::Result<QList<client::Bridge>> bridges) {
        if (!bridges) {
            m_message->setText(errorText(bridges.error(), tr("list the bridges")));
            return;
        }
        showBridges(*bridges);
    });
    m_view->refresh();
}

void NetworksWindow::showBridges(const QList<client::Bridge>& bridges)
{
    const QString current = selectedBridge() ? selectedBridge()->name : QString();
    m_bridges = bridges;
    m_list->clear();
    for (const auto& bridge : bridges) {
        auto* item = new QListWidgetItem(icon(Icon::Bridge), tr("%1 — %2").arg(bridge.name, bridge.address), m_list);
        item->setData(Qt::UserRole, bridge.name);
        if (bridge.name == current)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_pages->setCurrentWidget(bridges.isEmpty() ? m_empty : m_pages->widget(0));
    updateButtons();
}

bool NetworksWindow::showsEmptyState() const
{
    return m_pages->currentWidget() == m_empty;
}

QWidget* NetworksWindow::createEmptyState()
{
    auto* page = new QWidget(this);
    auto* title = new QLabel(tr("<h2>No bridges yet</h2>"), page);
    auto* text = new QLabel(tr("A bridge is a private network for your containers on this computer. Berth gives "
                               "each container on it an address, a name the others can find it by, and — with "
                               "NAT — a way out to the internet through this computer. Containers without a "
                               "bridge have no network but their own loopback."),
                            page);
    text->setObjectName(QStringLiteral("noBridgesText"));
    text->setWordWrap(true);
    auto* create = new QPushButton(icon(Icon::Add), tr("New &bridge…"), page);
    create->setObjectName(QStringLiteral("firstBridgeButton"));
    connect(create, &QPushButton::clicked, this, [this] { openWizard(false); });
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(create, 0, Qt::AlignLeft);
    layout->addStretch(2);
    text->setMaximumWidth(text->fontMetrics().averageCharWidth() * 80);
    return page;
}

const client::Bridge* NetworksWindow::selectedBridge() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_bridges.size() ? &m_bridges[row] : nullptr;
}

void NetworksWindow::updateButtons()
{
    m_edit->setEnabled(selectedBridge() != nullptr);
    m_delete->setEnabled(selectedBridge() != nullptr);
}

void NetworksWindow::openWizard(bool editing)
{
    std::optional<client::Bridge> existing;
    if (editing && selectedBridge())
        existing = *selectedBridge();
    auto* wizard = new BridgeWizard(m_source, this, existing);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::accepted, this, &NetworksWindow::refresh);
    wizard->show();
}

void NetworksWindow::deleteSelected()
{
    const client::Bridge* bridge = selectedBridge();
    if (!bridge)
        return;
    const QString name = bridge->name;
    if (!m_confirm(tr("Delete Bridge"),
                   tr("Delete the bridge '%1'? Containers attached to it lose their network.").arg(name)))
        return;
    m_source.deleteBridge(name, false, this, [this, name](client::Status status) {
        m_message->setText(status ? QString() : errorText(status.error(), tr("delete the bridge '%1'").arg(name)));
        refresh();
    });
}

} // namespace berth::gui
