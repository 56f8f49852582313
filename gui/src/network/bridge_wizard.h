// Creates a bridge, or edits one: name, subnet (a free one suggested),
// bridge address, DHCP range drawn inside the subnet, NAT and DNS domain,
// each checked as typed with the engine's rules, then a summary. Finish
// sends CreateBridge or ChangeBridge; a refusal is shown on the summary
// page and the wizard stays open.
#pragma once

#include "container_source.h"

#include <QWizard>

#include <optional>

namespace berth::gui {

class BridgeNamePage;
class BridgeOptionsPage;
class BridgeSubnetPage;
class BridgeSummaryPage;

class BridgeWizard : public QWizard {
    Q_OBJECT
public:
    // With `existing`, edits that bridge (its name cannot change).
    explicit BridgeWizard(ContainerSource& source, QWidget* parent = nullptr,
                          std::optional<client::Bridge> existing = std::nullopt);

    [[nodiscard]] QString bridgeName() const;
    [[nodiscard]] client::BridgeSettings settings() const;
    // Editing: what differs from the bridge as it was, and nothing else.
    [[nodiscard]] client::BridgeChange change() const;
    [[nodiscard]] bool isEditing() const { return m_existing.has_value(); }

    [[nodiscard]] BridgeNamePage* namePage() const { return m_namePage; }
    [[nodiscard]] BridgeSubnetPage* subnetPage() const { return m_subnetPage; }
    [[nodiscard]] BridgeOptionsPage* optionsPage() const { return m_optionsPage; }
    [[nodiscard]] BridgeSummaryPage* summaryPage() const { return m_summaryPage; }

    // Sends the bridge; closes only when the helper took it.
    void accept() override;

Q_SIGNALS:
    // The helper created or changed the bridge `name`.
    void bridgeSaved(const QString& name);

protected:
    void initializePage(int id) override;

private:
    void loadBridges();
    void showBridges(const QList<client::Bridge>& bridges);
    void saved(const client::Status& status);
    [[nodiscard]] QString summary() const;

    ContainerSource& m_source;
    std::optional<client::Bridge> m_existing;
    BridgeNamePage* m_namePage = nullptr;
    BridgeSubnetPage* m_subnetPage = nullptr;
    BridgeOptionsPage* m_optionsPage = nullptr;
    BridgeSummaryPage* m_summaryPage = nullptr;
    int m_summaryId = -1;
    bool m_saving = false;
};

} // namespace berth::gui
