// The bridge wizard's first page: the bridge's interface name, checked as
// typed (kernel interface name rules, not taken). Read-only when editing.
#pragma once

#include "berth/model/bridge.h"

#include <QStringList>
#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace berth::gui {

class BridgeNamePage : public QWizardPage {
    Q_OBJECT
public:
    explicit BridgeNamePage(QWidget* parent = nullptr);

    void setTaken(const QStringList& names);
    // Editing: the name is fixed.
    void setFixedName(const QString& name);
    [[nodiscard]] QString name() const;
    [[nodiscard]] bool isComplete() const override;

private:
    void check();
    [[nodiscard]] model::BridgeProblem problem() const;

    QLineEdit* m_name = nullptr;
    QLabel* m_problem = nullptr;
    QStringList m_taken;
    bool m_fixed = false;
};

} // namespace berth::gui
