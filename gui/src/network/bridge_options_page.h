// The bridge wizard's options: NAT to the outside and the containers' DNS domain.
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace berth::gui {

class BridgeOptionsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit BridgeOptionsPage(QWidget* parent = nullptr);

    void setCurrent(bool nat, const QString& domain);
    [[nodiscard]] bool nat() const;
    // Empty: the helper's default, 'berth'.
    [[nodiscard]] QString domain() const;
    [[nodiscard]] bool isComplete() const override;

private:
    void check();

    QCheckBox* m_nat = nullptr;
    QLineEdit* m_domain = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace berth::gui
