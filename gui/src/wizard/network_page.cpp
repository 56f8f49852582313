#include "network_page.h"

#include "address_choice.h"
#include "bridge_wizard.h"
#include "error_text.h"
#include "berth/model/forward.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>

namespace berth::gui {
namespace {

constexpr int kAddressRole = Qt::UserRole + 1;

} // namespace

NetworkPage::NetworkPage(ContainerSource& source, QWidget* parent) : QWizardPage(parent), m_source(source)
{
    setTitle(tr("Network"));
    auto* form = new QFormLayout(this);
    m_bridge = new QComboBox(this);
    m_bridge->setObjectName(QStringLiteral("bridge"));
    m_bridge->addItem(tr("No network (loopback only)"), QString());
    m_newBridge = new QPushButton(tr("New Bridge…"), this);
    m_newBridge->setObjectName(QStringLiteral("newBridge"));
    m_newBridge->setToolTip(tr("Create a private network for containers, then use it for this one"));
    auto* bridgeRow = new QHBoxLayout;
    bridgeRow->addWidget(m_bridge, 1);
    bridgeRow->addWidget(m_newBridge);
    form->addRow(tr("Bridge:"), bridgeRow);
    connect(m_newBridge, &QPushButton::clicked, this, &NetworkPage::openBridgeWizard);
    m_address = new AddressChoice(this);
    form->addRow(tr("Address:"), m_address);
    addForwardRows(form);
    connect(m_bridge, &QComboBox::currentIndexChanged, this, &NetworkPage::bridgeChanged);
    connect(m_address, &AddressChoice::changed, this, &QWizardPage::completeChanged);
    bridgeChanged();
    loadBridges();
}

void NetworkPage::addForwardRows(QFormLayout* form)
{
    auto* row = new QHBoxLayout;
    m_forwardEdit = new QLineEdit(this);
    m_forwardEdit->setObjectName(QStringLiteral("forward"));
    m_forwardEdit->setPlaceholderText(QStringLiteral("tcp:8080:80"));
    row->addWidget(m_forwardEdit, 1);
    m_add = new QPushButton(tr("Add"), this);
    row->addWidget(m_add);
    m_remove = new QPushButton(tr("Remove"), this);
    row->addWidget(m_remove);
    form->addRow(tr("Port forward:"), row);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("forwardProblem"));
    m_problem->setWordWrap(true);
    form->addRow(QString(), m_problem);
    m_forwards = new QListWidget(this);
    m_forwards->setObjectName(QStringLiteral("forwards"));
    form->addRow(tr("Forwards:"), m_forwards);
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (addForward(m_forwardEdit->text().trimmed()))
            m_forwardEdit->clear();
    });
    connect(m_remove, &QPushButton::clicked, this, &NetworkPage::removeForward);
}

void NetworkPage::loadBridges(const QString& choose)
{
    m_source.bridges(this, [this, choose](const client::Result<QList<client::Bridge>>& result) {
        if (!result) {
            setSubTitle(errorText(result.error(), tr("list the bridges")));
            return;
        }
        setSubTitle({});
        const QString chosen = choose.isEmpty() ? network() : choose;
        while (m_bridge->count() > 1) // all but "No network"
            m_bridge->removeItem(1);
        for (const auto& bridge : *result) {
            m_bridge->addItem(tr("%1 (%2)").arg(bridge.name, bridge.address), bridge.name);
            m_bridge->setItemData(m_bridge->count() - 1, bridge.address, kAddressRole);
        }
        const int index = chosen.isEmpty() ? -1 : m_bridge->findData(chosen);
        if (index > 0)
            m_bridge->setCurrentIndex(index);
        else
            chooseDefaultBridge();
        Q_EMIT bridgesLoaded();
    });
}

BridgeWizard* NetworkPage::openBridgeWizard()
{
    auto* wizard = new BridgeWizard(m_source, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &BridgeWizard::bridgeSaved, this, [this](const QString& name) { loadBridges(name); });
    wizard->show();
    return wizard;
}

// A container usually wants a network: the bridge the settings name when
// the helper has it (QSettings read here rather than through the details
// area's Settings, which this library does not link), else the first.
void NetworkPage::chooseDefaultBridge()
{
    if (m_bridge->count() < 2 || m_bridge->currentIndex() != 0)
        return;
    const QString preferred = QSettings().value(QStringLiteral("network/defaultBridge")).toString();
    const int index = preferred.isEmpty() ? -1 : m_bridge->findData(preferred);
    m_bridge->setCurrentIndex(index > 0 ? index : 1);
}

void NetworkPage::bridgeChanged()
{
    // Forwards reach the container through its bridge; without one they
    // have nowhere to go.
    const bool bridged = !network().isEmpty();
    m_forwardEdit->setEnabled(bridged);
    m_add->setEnabled(bridged);
    m_remove->setEnabled(bridged);
    m_forwards->setEnabled(bridged);
    m_address->setBridgeAddress(m_bridge->currentData(kAddressRole).toString());
}

QString NetworkPage::network() const
{
    return m_bridge->currentData().toString();
}

QString NetworkPage::problemWith(const QString& forward) const
{
    if (!model::parseForwardSpec(forward.toStdString()))
        return tr("'%1' is not a port forward: write tcp or udp, the host port and the container's port, "
                  "such as tcp:8080:80, or with a host address, udp:127.0.0.1:5353:53. Ports are 1 to 65535.")
            .arg(forward);
    if (forwards().contains(forward))
        return tr("'%1' is in the list already.").arg(forward);
    return {};
}

bool NetworkPage::addForward(const QString& forward)
{
    const QString problem = problemWith(forward);
    m_problem->setText(problem);
    if (!problem.isEmpty())
        return false;
    m_forwards->addItem(forward);
    return true;
}

// A forward typed but not added is meant to be added (Return in the field
// also lands here, as the dialog's default button is Next); a malformed
// one keeps the page so the reason can be read.
bool NetworkPage::validatePage()
{
    const QString pending = m_forwardEdit->text().trimmed();
    if (pending.isEmpty() || network().isEmpty())
        return true;
    if (!forwards().contains(pending) && !addForward(pending))
        return false;
    m_forwardEdit->clear();
    return true;
}

void NetworkPage::removeForward()
{
    delete m_forwards->currentItem();
}

bool NetworkPage::isComplete() const
{
    return m_address->isAcceptable();
}

QString NetworkPage::staticAddress() const
{
    return m_address->staticAddress();
}

QStringList NetworkPage::forwards() const
{
    if (network().isEmpty())
        return {};
    QStringList list;
    for (int row = 0; row < m_forwards->count(); ++row)
        list << m_forwards->item(row)->text();
    return list;
}

} // namespace berth::gui
