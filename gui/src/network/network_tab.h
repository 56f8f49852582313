// The Network tab: the addresses the selected container has now and those
// reserved for it, its interfaces as its config declares them
// (GetContainer's `interfaces`: type, bridge, MAC, configured addresses)
// with Add…, Edit… and Remove (from its next start on, as the tab says),
// and its port forwards with Add and Remove. A refused change is shown in
// plain words and leaves the table as it was.
#pragma once

#include "berth/model/forward.h"
#include "berth/model/interface.h"
#include "container_source.h"
#include "interface_dialog.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QBoxLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace berth::gui {

class NetworkTab : public QWidget {
    Q_OBJECT
public:
    // Asks for a new forward; a ForwardDialog unless a test replaces it.
    using AskForward = std::function<std::optional<model::ForwardSpec>(const QString& container)>;

    explicit NetworkTab(ContainerSource& source, QWidget* parent = nullptr);

    // An empty name: nothing selected. The config and forwards are read
    // again when the container changes; the live addresses every time.
    void setContainer(const client::ContainerInfo& info);
    // Reads the config and the forwards of the current container again.
    void reload();

    void setForwardAsker(AskForward ask) { m_ask = std::move(ask); }

    // Asks for an interface's bridge and address (`current` when editing);
    // an InterfaceDialog unless a test replaces it.
    using AskInterface = std::function<std::optional<InterfaceChoice>(const QList<client::Bridge>& bridges,
                                                                      const std::optional<InterfaceChoice>& current)>;
    // Asks whether to go ahead: the question, and the button that does it.
    using Confirm = std::function<bool(const QString& question, const QString& action)>;
    void setInterfaceAsker(AskInterface ask) { m_askInterface = std::move(ask); }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    [[nodiscard]] QPushButton* addInterfaceButton() const { return m_addInterface; }
    [[nodiscard]] QPushButton* editInterfaceButton() const { return m_editInterface; }
    [[nodiscard]] QPushButton* removeInterfaceButton() const { return m_removeInterface; }
    [[nodiscard]] QLabel* reservedAddresses() const { return m_reserved; }

    [[nodiscard]] QTableWidget* interfaceTable() const { return m_interfaces; }
    [[nodiscard]] QTableWidget* forwardTable() const { return m_forwards; }
    [[nodiscard]] QLabel* message() const { return m_message; }
    [[nodiscard]] QPushButton* addButton() const { return m_add; }
    [[nodiscard]] QPushButton* removeButton() const { return m_remove; }

Q_SIGNALS:
    // The helper took a new or removed forward (the network view may redraw).
    void forwardsChanged(const QString& container);

private:
    void buildForwardButtons(QBoxLayout* layout);
    void showInterfaces(const std::vector<model::NetInterface>& interfaces);
    void showForwards(const QStringList& forwards);
    void addForward();
    void removeForward();
    void changed(const QString& name, const client::Status& status, const QString& what);
    void updateButtons();
    void buildInterfaceButtons(QBoxLayout* layout);
    void askForInterface(const std::optional<InterfaceChoice>& current,
                         std::function<void(const InterfaceChoice&)> chosen);
    void addInterface();
    void editInterface();
    void removeInterface();
    [[nodiscard]] const model::NetInterface* selectedInterface() const;
    void interfaceChanged(const QString& name, const client::Status& status, const QString& what);

    ContainerSource& m_source;
    AskForward m_ask;
    AskInterface m_askInterface;
    Confirm m_confirm;
    bool m_running = false;
    std::vector<model::NetInterface> m_shownInterfaces;
    QLabel* m_reserved = nullptr;
    QPushButton* m_addInterface = nullptr;
    QPushButton* m_editInterface = nullptr;
    QPushButton* m_removeInterface = nullptr;
    QString m_name;
    QLabel* m_addresses = nullptr;
    QTableWidget* m_interfaces = nullptr;
    QTableWidget* m_forwards = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace berth::gui
