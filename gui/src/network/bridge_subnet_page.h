// The bridge wizard's addresses: the subnet (with a free one suggested),
// the bridge's own address in it, and the DHCP range, each checked as
// typed, the range drawn inside the subnet. A new subnet moves the address
// and range along when they no longer fit.
#pragma once

#include "berth/model/ipv4.h"

#include <QWizardPage>

#include <optional>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace berth::gui {

class SubnetRangeBar;

class BridgeSubnetPage : public QWizardPage {
    Q_OBJECT
public:
    explicit BridgeSubnetPage(QWidget* parent = nullptr);

    // The other bridges' subnets: they must not overlap, and the suggestion avoids them.
    void setOthers(const std::vector<model::Ipv4Cidr>& subnets);
    // Editing: the bridge's address ("10.0.3.1/24") and range as they are.
    void setCurrent(const QString& address, const QString& dhcpRange);

    [[nodiscard]] std::optional<model::Ipv4Cidr> suggestion() const { return m_suggestion; }
    // As the helper takes them: "10.0.5.1/24" and "10.0.5.2-10.0.5.199".
    [[nodiscard]] QString bridgeAddress() const;
    [[nodiscard]] QString dhcpRange() const;
    [[nodiscard]] bool isComplete() const override;

private:
    QLineEdit* addField(const QString& label, const char* objectName);
    void useSuggestion();
    void subnetEdited();
    void check();
    [[nodiscard]] std::optional<model::Ipv4Cidr> subnet() const;
    [[nodiscard]] QString problem() const;
    void updateBar();

    QFormLayout* m_form = nullptr;
    QLineEdit* m_subnet = nullptr;
    QLineEdit* m_gateway = nullptr;
    QLineEdit* m_first = nullptr;
    QLineEdit* m_last = nullptr;
    QLabel* m_suggested = nullptr;
    QPushButton* m_useSuggested = nullptr;
    QLabel* m_problem = nullptr;
    SubnetRangeBar* m_bar = nullptr;
    std::vector<model::Ipv4Cidr> m_others;
    std::optional<model::Ipv4Cidr> m_suggestion;
    bool m_followSuggestion = true; // until the user types a subnet or an existing one is shown
};

} // namespace berth::gui
