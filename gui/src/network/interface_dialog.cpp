#include "interface_dialog.h"

#include "address_choice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace berth::gui {

InterfaceDialog::InterfaceDialog(const QString& title, const QList<client::Bridge>& bridges, QWidget* parent)
    : QDialog(parent), m_bridges(bridges)
{
    setWindowTitle(title);
    auto* form = new QFormLayout(this);
    m_bridge = new QComboBox(this);
    m_bridge->setObjectName(QStringLiteral("interfaceBridge"));
    for (const client::Bridge& bridge : bridges)
        m_bridge->addItem(tr("%1 (%2)").arg(bridge.name, bridge.address), bridge.name);
    form->addRow(tr("Bridge:"), m_bridge);
    m_address = new AddressChoice(this);
    form->addRow(tr("Address:"), m_address);
    auto* mac = new QLabel(tr("Chosen when the container starts"), this);
    form->addRow(tr("MAC address:"), mac);
    if (bridges.isEmpty()) {
        auto* none = new QLabel(tr("There is no bridge yet: create one in the Networks window first."), this);
        none->setWordWrap(true);
        form->addRow(none);
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_bridge, &QComboBox::currentIndexChanged, this, &InterfaceDialog::bridgeChanged);
    connect(m_address, &AddressChoice::changed, this, &InterfaceDialog::validate);
    bridgeChanged();
}

void InterfaceDialog::bridgeChanged()
{
    const int index = m_bridge->currentIndex();
    m_address->setBridgeAddress(index >= 0 ? m_bridges[index].address : QString());
    validate();
}

void InterfaceDialog::setChoice(const InterfaceChoice& choice)
{
    const int index = m_bridge->findData(choice.bridge);
    if (index >= 0)
        m_bridge->setCurrentIndex(index);
    const bool fixed = !choice.staticAddress.isEmpty();
    (fixed ? m_address->staticButton() : m_address->automaticButton())->setChecked(true);
    m_address->addressEdit()->setText(choice.staticAddress.section(QLatin1Char('/'), 0, 0));
}

InterfaceChoice InterfaceDialog::choice() const
{
    return {m_bridge->currentData().toString(), m_address->staticAddress()};
}

bool InterfaceDialog::isValid() const
{
    return m_bridge->currentIndex() >= 0 && m_address->isAcceptable();
}

void InterfaceDialog::validate()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isValid());
}

} // namespace berth::gui
