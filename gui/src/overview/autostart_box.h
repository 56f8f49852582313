// "Start when the host boots" for the selected container, as virt-manager
// offers for a virtual machine: a check box for lxc.start.auto (changed
// through SetAutostart, which edits that key alone) and a line saying when in the boot order it
// starts (lxc.start.order, lxc.start.delay; changed in the Config tab).
// A refusal puts the box back and says why.
#pragma once

#include "container_source.h"

#include <QWidget>

class QCheckBox;
class QLabel;

namespace berth::gui {

class AutostartBox : public QWidget {
    Q_OBJECT
public:
    explicit AutostartBox(ContainerSource& source, QWidget* parent = nullptr);

    [[nodiscard]] QCheckBox* checkBox() const { return m_check; }
    [[nodiscard]] QLabel* details() const { return m_details; }

public Q_SLOTS:
    // nullptr: nothing selected (the box is disabled).
    void showContainer(const client::ContainerInfo* info);

Q_SIGNALS:
    // The helper took the change for `name`.
    void changed(const QString& name);

private:
    void toggled(bool on);
    void finished(const QString& name, bool on, const client::Status& status);
    void showDetails(const client::ContainerInfo& info);

    ContainerSource& m_source;
    QCheckBox* m_check = nullptr;
    QLabel* m_details = nullptr;
    QString m_name;
    bool m_busy = false;
};

} // namespace berth::gui
