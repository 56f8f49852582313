// Asks for one port forward: protocol, an optional host address, the host
// port and the container's port. OK stays disabled until the helper would
// accept what is entered.
#pragma once

#include "berth/model/forward.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace berth::gui {

class ForwardDialog : public QDialog {
    Q_OBJECT
public:
    explicit ForwardDialog(const QString& container, QWidget* parent = nullptr);

    [[nodiscard]] model::ForwardSpec spec() const;
    [[nodiscard]] bool isValid() const;

private:
    void validate();

    QComboBox* m_protocol = nullptr;
    QLineEdit* m_hostAddress = nullptr;
    QSpinBox* m_hostPort = nullptr;
    QSpinBox* m_containerPort = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace berth::gui
