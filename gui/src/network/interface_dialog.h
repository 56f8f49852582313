// Adds or edits one interface of a container: the bridge it joins (one of
// the helper's, from ListBridges) and its address there, automatic or a
// static one checked as typed with model's rule (AddressChoice). The MAC
// is chosen at start. OK stays disabled until the helper would accept it.
#pragma once

#include "client_types.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;

namespace berth::gui {

class AddressChoice;

// What the dialog asks for; an empty staticAddress: automatic.
struct InterfaceChoice {
    QString bridge;
    QString staticAddress; // "10.0.3.20/24"
    bool operator==(const InterfaceChoice&) const = default;
};

class InterfaceDialog : public QDialog {
    Q_OBJECT
public:
    InterfaceDialog(const QString& title, const QList<client::Bridge>& bridges, QWidget* parent = nullptr);

    // Shows an interface as it is (Edit…).
    void setChoice(const InterfaceChoice& choice);
    [[nodiscard]] InterfaceChoice choice() const;
    [[nodiscard]] bool isValid() const;

    [[nodiscard]] QComboBox* bridgeBox() const { return m_bridge; }
    [[nodiscard]] AddressChoice* addressChoice() const { return m_address; }

private:
    void bridgeChanged();
    void validate();

    QList<client::Bridge> m_bridges;
    QComboBox* m_bridge = nullptr;
    AddressChoice* m_address = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace berth::gui
