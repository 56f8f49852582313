// Which host CPUs a container may run on (cpuset.cpus): a check box per CPU
// and the same choice as text ("0-1,3"), each following the other. Empty
// text means no restriction, shown as every CPU checked.
#pragma once

#include <QList>
#include <QMap>
#include <QWidget>

class QCheckBox;
class QLineEdit;

namespace berth::gui {

class CpusetPicker : public QWidget {
    Q_OBJECT
public:
    explicit CpusetPicker(const QList<int>& hostCpus, QWidget* parent = nullptr);

    // Emits nothing; unreadable text counts as no restriction.
    void setText(const QString& text);
    [[nodiscard]] QString text() const { return m_text; }

    [[nodiscard]] QCheckBox* checkBox(int cpu) const { return m_boxes.value(cpu); }
    [[nodiscard]] QLineEdit* lineEdit() const { return m_edit; }

Q_SIGNALS:
    // Only when a person changed it, with the list in its short form; never
    // for an empty choice (the kernel takes no cpuset without a CPU).
    void edited(const QString& text);

private:
    void boxToggled();
    void textEntered();
    void display(const QString& text);

    QMap<int, QCheckBox*> m_boxes;
    QLineEdit* m_edit = nullptr;
    QString m_text;
};

} // namespace berth::gui
