#include "network_tab.h"

#include "error_text.h"
#include "forward_dialog.h"

#include <QFormLayout>
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

} // namespace

NetworkTab::NetworkTab(ContainerSource& source, QWidget* parent) : QWidget(parent), m_source(source)
{
    m_ask = [this](const QString& container) -> std::optional<model::ForwardSpec> {
        ForwardDialog dialog(container, this);
        return dialog.exec() == QDialog::Accepted ? std::optional(dialog.spec()) : std::nullopt;
    };
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_addresses = new QLabel(this);
    m_addresses->setObjectName(QStringLiteral("liveAddresses"));
    m_addresses->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Addresses now:"), m_addresses);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Interfaces"), this));
    m_interfaces = makeTable(
        "interfaces",
        {tr("Interface"), tr("Type"), tr("Bridge or parent"), tr("MAC address"), tr("Configured addresses")}, this);
    m_interfaces->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_interfaces);
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
    updateButtons();
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
    m_addresses->setText(info.addresses.isEmpty() ? tr("none") : info.addresses.join(QStringLiteral(", ")));
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
    m_interfaces->setRowCount(int(interfaces.size()));
    for (int row = 0; row < int(interfaces.size()); ++row) {
        const model::NetInterface& interface = interfaces[std::size_t(row)];
        const QString name =
            interface.name.empty() ? tr("interface %1").arg(interface.index) : QString::fromStdString(interface.name);
        QStringList ipv4;
        for (const auto& cidr : interface.ipv4)
            ipv4 << QString::fromStdString(cidr.toString());
        setRow(m_interfaces, row,
               {name, QString::fromStdString(interface.type), QString::fromStdString(interface.link),
                QString::fromStdString(interface.hwaddr), ipv4.join(QStringLiteral(", "))});
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
}

} // namespace berth::gui
