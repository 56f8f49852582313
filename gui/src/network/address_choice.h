// The container's address on its bridge: automatic (the engine's IPAM
// leases one, dnsmasq hands it out) or static, checked as typed against the
// bridge's subnet with the reason shown under the field.
#pragma once

#include "berth/model/ipv4.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace berth::gui {

class AddressChoice : public QWidget {
    Q_OBJECT
public:
    explicit AddressChoice(QWidget* parent = nullptr);

    // The bridge's own address ("10.0.3.1/24"); empty (or unreadable): no
    // bridge, so no address to choose.
    void setBridgeAddress(const QString& bridgeAddress);

    // Automatic, or a static address that can be used.
    [[nodiscard]] bool isAcceptable() const;
    [[nodiscard]] bool isStatic() const;
    // "10.0.3.20/24", as lxc.net.0.ipv4.address takes it; empty: automatic.
    [[nodiscard]] QString staticAddress() const;

    [[nodiscard]] QRadioButton* automaticButton() const { return m_automatic; }
    [[nodiscard]] QRadioButton* staticButton() const { return m_static; }
    [[nodiscard]] QLineEdit* addressEdit() const { return m_edit; }
    [[nodiscard]] QLabel* problemLabel() const { return m_problem; }

Q_SIGNALS:
    // The choice, the address or the bridge changed.
    void changed();

private:
    void update();
    [[nodiscard]] QString problem() const;

    std::optional<model::Ipv4Cidr> m_bridge;
    QRadioButton* m_automatic = nullptr;
    QRadioButton* m_static = nullptr;
    QLineEdit* m_edit = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace berth::gui
