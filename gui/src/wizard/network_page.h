// Network: a bridge of the helper's or none (loopback only), the address
// on it (automatic or static), and port forwards to add once the container
// exists. A forward is checked when it is added; forwards and addresses
// need a bridge. The bridge of the settings (network/defaultBridge) is
// chosen to begin with; "New Bridge…" beside it opens the bridge wizard, and
// the bridge it creates is listed and chosen.
#pragma once

#include "container_source.h"

#include <QWizardPage>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace berth::gui {

class AddressChoice;
class BridgeWizard;

class NetworkPage : public QWizardPage {
    Q_OBJECT
public:
    explicit NetworkPage(ContainerSource& source, QWidget* parent = nullptr);

    bool validatePage() override;
    // False while a static address is chosen that cannot be used.
    [[nodiscard]] bool isComplete() const override;

    // Empty: loopback only.
    [[nodiscard]] QString network() const;
    // False (and the reason shown) when it is malformed or there already.
    bool addForward(const QString& forward);
    [[nodiscard]] QStringList forwards() const;
    // "10.0.3.20/24"; empty: automatic (or no bridge).
    [[nodiscard]] QString staticAddress() const;

    [[nodiscard]] QComboBox* bridgeBox() const { return m_bridge; }
    [[nodiscard]] QLineEdit* forwardEdit() const { return m_forwardEdit; }
    [[nodiscard]] QListWidget* forwardList() const { return m_forwards; }
    [[nodiscard]] QLabel* forwardProblem() const { return m_problem; }
    [[nodiscard]] AddressChoice* addressChoice() const { return m_address; }
    [[nodiscard]] QPushButton* newBridgeButton() const { return m_newBridge; }
    // Opens the bridge wizard (what New Bridge… does); it deletes itself on close.
    BridgeWizard* openBridgeWizard();

Q_SIGNALS:
    void bridgesLoaded();

private:
    void addForwardRows(QFormLayout* form);
    [[nodiscard]] QString problemWith(const QString& forward) const;
    // Lists the helper's bridges; `choose` (a bridge just created) is chosen.
    void loadBridges(const QString& choose = {});
    void removeForward();
    void bridgeChanged();
    void chooseDefaultBridge();

    ContainerSource& m_source;
    QComboBox* m_bridge = nullptr;
    QPushButton* m_newBridge = nullptr;
    AddressChoice* m_address = nullptr;
    QLineEdit* m_forwardEdit = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QListWidget* m_forwards = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace berth::gui
