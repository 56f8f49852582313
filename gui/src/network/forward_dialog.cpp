#include "forward_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace berth::gui {
namespace {

QSpinBox* portBox(const char* objectName, int value, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(objectName));
    box->setRange(1, 65535);
    box->setValue(value);
    return box;
}

} // namespace

ForwardDialog::ForwardDialog(const QString& container, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Forward a port to '%1'").arg(container));
    auto* form = new QFormLayout(this);
    m_protocol = new QComboBox(this);
    m_protocol->setObjectName(QStringLiteral("protocol"));
    m_protocol->addItem(tr("TCP"), QStringLiteral("tcp"));
    m_protocol->addItem(tr("UDP"), QStringLiteral("udp"));
    form->addRow(tr("Protocol:"), m_protocol);
    m_hostAddress = new QLineEdit(this);
    m_hostAddress->setObjectName(QStringLiteral("hostAddress"));
    m_hostAddress->setPlaceholderText(tr("All addresses of the host"));
    form->addRow(tr("Host address:"), m_hostAddress);
    m_hostPort = portBox("hostPort", 8080, this);
    form->addRow(tr("Host port:"), m_hostPort);
    m_containerPort = portBox("containerPort", 80, this);
    form->addRow(tr("Container port:"), m_containerPort);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("forwardProblem"));
    form->addRow(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_hostAddress, &QLineEdit::textChanged, this, &ForwardDialog::validate);
    validate();
}

model::ForwardSpec ForwardDialog::spec() const
{
    model::ForwardSpec spec;
    spec.protocol = m_protocol->currentData().toString() == QLatin1String("udp") ? model::ForwardSpec::Protocol::Udp
                                                                                 : model::ForwardSpec::Protocol::Tcp;
    if (const auto address = model::Ipv4Address::parse(m_hostAddress->text().trimmed().toStdString()))
        spec.hostAddress = *address;
    spec.hostPort = static_cast<std::uint16_t>(m_hostPort->value());
    spec.containerPort = static_cast<std::uint16_t>(m_containerPort->value());
    return spec;
}

bool ForwardDialog::isValid() const
{
    const QString address = m_hostAddress->text().trimmed();
    return address.isEmpty() || model::Ipv4Address::parse(address.toStdString()).has_value();
}

void ForwardDialog::validate()
{
    const bool valid = isValid();
    m_problem->setText(valid ? QString()
                             : tr("Enter an IPv4 address of the host, such as 127.0.0.1, or leave it empty."));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

} // namespace berth::gui
