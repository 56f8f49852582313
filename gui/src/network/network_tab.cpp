#include "network_tab.h"

#include "error_text.h"
#include "forward_dialog.h"

#include <QFormLayout>
#include <QMessageBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

QTableWidget* makeTable(const char* objectName, const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(QLatin1String(objectName));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget* table, int row, const QStringList& cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(cells[column]));
}

QLabel* selectableLabel(const char* objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// "10.0.3.5/24 on eth0, 192.168.9.2/24 on eth1"; `interfaces` in the same order.
QString addressesText(const QStringList& addresses, const QStringList& interfaces)
{
    QStringList shown;
    for (qsizetype i = 0; i < addresses.size(); ++i)
        shown << (i < interfaces.size() && !interfaces[i].isEmpty()
                      ? NetworkTab::tr("%1 on %2").arg(addresses[i], interfaces[i])
                      : addresses[i]);
    return shown.join(QStringLiteral(", "));
}

InterfaceChoice choiceOf(const model::NetInterface& iface)
{
    return {QString::fromStdString(iface.link),
            iface.ipv4.empty() ? QString() : QString::fromStdString(iface.ipv4.front().toString())};
}

std::vector<model::Ipv4Cidr> addressesOf(const InterfaceChoice& choice)
{
    const auto cidr = model::Ipv4Cidr::parse(choice.staticAddress.toStdString());
    return cidr ? std::vector{*cidr} : std::vector<model::Ipv4Cidr>{};
}

} // namespace

NetworkTab::NetworkTab(ContainerSource& source, QWidget* parent) : QWidget(parent), m_source(source)
{
    m_ask = [this](const QString& container) -> std::optional<model::ForwardSpec> {
        ForwardDialog dialog(container, this);
        return dialog.exec() == QDialog::Accepted ? std::optional(dialog.spec()) : std::nullopt;
    };
    m_askInterface = [this](const QList<client::Bridge>& bridges,
                            const std::optional<InterfaceChoice>& current) -> std::optional<InterfaceChoice> {
        InterfaceDialog dialog(current ? tr("Change the interface of '%1'").arg(m_name)
                                       : tr("Add an interface to '%1'").arg(m_name),
                               bridges, this);
        if (current)
            dialog.setChoice(*current);
        return dialog.exec() == QDialog::Accepted ? std::optional(dialog.choice()) : std::nullopt;
    };
    m_confirm = [this](const QString& question, const QString& action) {
        QMessageBox box(QMessageBox::Question, action, question, QMessageBox::Cancel, this);
        QPushButton* yes = box.addButton(action, QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == yes;
    };
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_addresses = selectableLabel("liveAddresses", this);
    form->addRow(tr("Addresses now:"), m_addresses);
    m_reserved = selectableLabel("reservedAddresses", this);
    form->addRow(tr("Reserved:"), m_reserved);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Interfaces"), this));
    m_interfaces = makeTable(
        "interfaces",
        {tr("Interface"), tr("Type"), tr("Bridge or parent"), tr("MAC address"), tr("Configured addresses")}, this);
    m_interfaces->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_interfaces);
    buildInterfaceButtons(layout);
    layout->addWidget(new QLabel(tr("Port forwards"), this));
    m_forwards =
        makeTable("forwards", {tr("Protocol"), tr("Host address"), tr("Host port"), tr("Container port")}, this);
    layout->addWidget(m_forwards);
    buildForwardButtons(layout);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("networkMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    connect(m_forwards, &QTableWidget::itemSelectionChanged, this, &NetworkTab::updateButtons);
    connect(m_interfaces, &QTableWidget::itemSelectionChanged, this, &NetworkTab::updateButtons);
    updateButtons();
}

void NetworkTab::buildInterfaceButtons(QBoxLayout* layout)
{
    auto* buttons = new QHBoxLayout;
    m_addInterface = new QPushButton(tr("Add Interface…"), this);
    m_addInterface->setObjectName(QStringLiteral("addInterface"));
    m_editInterface = new QPushButton(tr("Edit…"), this);
    m_editInterface->setObjectName(QStringLiteral("editInterface"));
    m_removeInterface = new QPushButton(tr("Remove Interface"), this);
    m_removeInterface->setObjectName(QStringLiteral("removeInterface"));
    auto* note = new QLabel(tr("Interface changes apply when the container next starts."), this);
    note->setObjectName(QStringLiteral("interfaceNote"));
    note->setWordWrap(true);
    buttons->addWidget(m_addInterface);
    buttons->addWidget(m_editInterface);
    buttons->addWidget(m_removeInterface);
    buttons->addWidget(note, 1);
    layout->addLayout(buttons);
    connect(m_addInterface, &QPushButton::clicked, this, &NetworkTab::addInterface);
    connect(m_editInterface, &QPushButton::clicked, this, &NetworkTab::editInterface);
    connect(m_removeInterface, &QPushButton::clicked, this, &NetworkTab::removeInterface);
}

void NetworkTab::buildForwardButtons(QBoxLayout* layout)
{
    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add…"), this);
    m_add->setObjectName(QStringLiteral("addForward"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeForward"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &NetworkTab::addForward);
    connect(m_remove, &QPushButton::clicked, this, &NetworkTab::removeForward);
}

void NetworkTab::setContainer(const client::ContainerInfo& info)
{
    m_running = info.state != model::RunState::Stopped;
    // Only what its interfaces have: a stopped container has no address.
    m_addresses->setText(!info.addresses.isEmpty() ? addressesText(info.addresses, info.addressInterfaces)
                         : m_running               ? tr("none yet")
                                                   : tr("none (not running)"));
    m_reserved->setText(info.reservedAddresses.isEmpty() ? tr("none")
                                                         : info.reservedAddresses.join(QStringLiteral(", ")));
    showInterfaces(info.interfaces);
    if (info.name == m_name)
        return;
    m_name = info.name;
    m_message->clear();
    showForwards({});
    reload();
}

void NetworkTab::reload()
{
    updateButtons();
    if (m_name.isEmpty())
        return;
    m_source.forwards(m_name, this, [this, name = m_name](client::Result<QStringList> forwards) {
        if (name != m_name)
            return;
        if (forwards)
            showForwards(*forwards);
        else
            m_message->setText(errorText(forwards.error(), tr("read the port forwards of '%1'").arg(name)));
    });
}

void NetworkTab::showInterfaces(const std::vector<model::NetInterface>& interfaces)
{
    m_shownInterfaces = interfaces;
    m_interfaces->setRowCount(int(interfaces.size()));
    for (int row = 0; row < int(interfaces.size()); ++row) {
        const model::NetInterface& interface = interfaces[std::size_t(row)];
        const QString name =
            interface.name.empty() ? tr("interface %1").arg(interface.index) : QString::fromStdString(interface.name);
        QStringList ipv4;
        for (const auto& cidr : interface.ipv4)
            ipv4 << QString::fromStdString(cidr.toString());
        // A bridged interface without a static address gets one from the bridge.
        const bool bridged = interface.type == "veth";
        setRow(m_interfaces, row,
               {name, QString::fromStdString(interface.type), QString::fromStdString(interface.link),
                interface.hwaddr.empty() ? tr("chosen at start") : QString::fromStdString(interface.hwaddr),
                ipv4.isEmpty() && bridged ? tr("automatic (DHCP)") : ipv4.join(QStringLiteral(", "))});
    }
}

void NetworkTab::showForwards(const QStringList& forwards)
{
    m_forwards->setRowCount(int(forwards.size()));
    for (int row = 0; row < forwards.size(); ++row) {
        const auto spec = model::parseForwardSpec(forwards[row].toStdString());
        if (spec)
            setRow(m_forwards, row,
                   {QString::fromLatin1(model::protocolName(spec->protocol)).toUpper(),
                    spec->hostAddress ? QString::fromStdString(spec->hostAddress->toString()) : tr("all"),
                    QString::number(spec->hostPort), QString::number(spec->containerPort)});
        else
            setRow(m_forwards, row, {forwards[row]}); // shown as the helper wrote it
        m_forwards->item(row, 0)->setData(Qt::UserRole, forwards[row]);
    }
    updateButtons();
}

void NetworkTab::addForward()
{
    if (m_name.isEmpty())
        return;
    const auto spec = m_ask(m_name);
    if (!spec)
        return;
    const QString forward = QString::fromStdString(spec->toString());
    m_source.addForward(m_name, forward, this, [this, name = m_name, forward](client::Status status) {
        changed(name, status, tr("forward '%1' to '%2'").arg(forward, name));
    });
}

void NetworkTab::removeForward()
{
    const QList<QTableWidgetItem*> selected = m_forwards->selectedItems();
    if (m_name.isEmpty() || selected.isEmpty())
        return;
    const QString forward = m_forwards->item(selected.first()->row(), 0)->data(Qt::UserRole).toString();
    m_source.removeForward(m_name, forward, this, [this, name = m_name, forward](client::Status status) {
        changed(name, status, tr("remove the forward '%1' from '%2'").arg(forward, name));
    });
}

void NetworkTab::changed(const QString& name, const client::Status& status, const QString& what)
{
    if (name != m_name)
        return;
    if (!status) {
        m_message->setText(errorText(status.error(), what));
        return;
    }
    m_message->clear();
    reload();
    Q_EMIT forwardsChanged(name);
}

void NetworkTab::updateButtons()
{
    m_add->setEnabled(!m_name.isEmpty());
    m_remove->setEnabled(!m_name.isEmpty() && !m_forwards->selectedItems().isEmpty());
    const model::NetInterface* selected = selectedInterface();
    m_addInterface->setEnabled(!m_name.isEmpty());
    // The dialog chooses a bridge: only a veth joins one (a macvlan's
    // parent is edited in the config).
    m_editInterface->setEnabled(selected && selected->type == "veth");
    m_removeInterface->setEnabled(selected != nullptr);
}

const model::NetInterface* NetworkTab::selectedInterface() const
{
    const QList<QTableWidgetItem*> selected = m_interfaces->selectedItems();
    if (m_name.isEmpty() || selected.isEmpty())
        return nullptr;
    const int row = selected.first()->row();
    return row < int(m_shownInterfaces.size()) ? &m_shownInterfaces[std::size_t(row)] : nullptr;
}

void NetworkTab::askForInterface(const std::optional<InterfaceChoice>& current,
                                 std::function<void(const InterfaceChoice&)> chosen)
{
    m_source.bridges(this, [this, name = m_name, current,
                            chosen = std::move(chosen)](client::Result<QList<client::Bridge>> bridges) {
        if (name != m_name)
            return;
        if (!bridges) {
            m_message->setText(errorText(bridges.error(), tr("read the bridges")));
            return;
        }
        if (const auto choice = m_askInterface(*bridges, current))
            chosen(*choice);
    });
}

void NetworkTab::addInterface()
{
    if (m_name.isEmpty())
        return;
    askForInterface(std::nullopt, [this](const InterfaceChoice& choice) {
        // No type: the client asks for a veth, the only kind joining a bridge.
        model::NetInterface iface{.link = choice.bridge.toStdString(), .ipv4 = addressesOf(choice)};
        m_source.addInterface(m_name, iface, this, [this, name = m_name, choice](client::Result<uint> index) {
            interfaceChanged(name, index ? client::Status() : client::Status(std::unexpect, index.error()),
                             tr("add an interface on '%1' to '%2'").arg(choice.bridge, name));
        });
    });
}

void NetworkTab::editInterface()
{
    const model::NetInterface* selected = selectedInterface();
    if (!selected)
        return;
    const unsigned index = selected->index;
    askForInterface(choiceOf(*selected), [this, index](const InterfaceChoice& choice) {
        client::InterfaceChange change{.link = choice.bridge.toStdString(), .ipv4 = addressesOf(choice)};
        m_source.setInterface(m_name, index, change, this, [this, name = m_name, index](client::Status status) {
            interfaceChanged(name, status, tr("change interface %1 of '%2'").arg(index).arg(name));
        });
    });
}

void NetworkTab::removeInterface()
{
    const model::NetInterface* selected = selectedInterface();
    if (!selected)
        return;
    const unsigned index = selected->index;
    const QString link = QString::fromStdString(selected->link);
    const QString question = link.isEmpty()
                                 ? tr("Remove interface %1 from '%2'?").arg(index).arg(m_name)
                                 : tr("Remove interface %1 (on '%2') from '%3'?").arg(index).arg(link, m_name);
    if (!m_confirm(question, tr("Remove Interface")))
        return;
    m_source.removeInterface(m_name, index, this, [this, name = m_name, index](client::Status status) {
        interfaceChanged(name, status, tr("remove interface %1 from '%2'").arg(index).arg(name));
    });
}

// Said as it is: the config changed now, the running container only at its
// next start. The interfaces are read again either way.
void NetworkTab::interfaceChanged(const QString& name, const client::Status& status, const QString& what)
{
    if (name != m_name)
        return;
    if (!status)
        m_message->setText(errorText(status.error(), what));
    else
        m_message->setText(m_running
                               ? tr("Saved. It applies when '%1' is next started: restart it to use it now.").arg(name)
                               : tr("Saved. It applies when '%1' starts.").arg(name));
    m_source.container(name, this, [this, name](client::Result<client::ContainerInfo> info) {
        if (info && name == m_name)
            setContainer(*info);
    });
}

} // namespace berth::gui
