// Network: a bridge of the helper's or none (loopback only), and port
// forwards to add once the container exists. A forward is checked when it
// is added; forwards need a bridge.
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

class NetworkPage : public QWizardPage {
    Q_OBJECT
public:
    explicit NetworkPage(ContainerSource& source, QWidget* parent = nullptr);

    bool validatePage() override;

    // Empty: loopback only.
    [[nodiscard]] QString network() const;
    // False (and the reason shown) when it is malformed or there already.
    bool addForward(const QString& forward);
    [[nodiscard]] QStringList forwards() const;

    [[nodiscard]] QComboBox* bridgeBox() const { return m_bridge; }
    [[nodiscard]] QLineEdit* forwardEdit() const { return m_forwardEdit; }
    [[nodiscard]] QListWidget* forwardList() const { return m_forwards; }
    [[nodiscard]] QLabel* forwardProblem() const { return m_problem; }

Q_SIGNALS:
    void bridgesLoaded();

private:
    void addForwardRows(QFormLayout* form);
    void loadBridges();
    void removeForward();
    void bridgeChanged();

    ContainerSource& m_source;
    QComboBox* m_bridge = nullptr;
    QLineEdit* m_forwardEdit = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QListWidget* m_forwards = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace berth::gui
