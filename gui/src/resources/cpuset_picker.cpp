#include "cpuset_picker.h"

#include "cpu_list.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

constexpr int kBoxesPerRow = 8;

} // namespace

CpusetPicker::CpusetPicker(const QList<int>& hostCpus, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* grid = new QGridLayout;
    for (int i = 0; i < hostCpus.size(); ++i) {
        const int cpu = hostCpus.at(i);
        auto* box = new QCheckBox(QString::number(cpu), this);
        box->setObjectName(QStringLiteral("cpu%1").arg(cpu));
        connect(box, &QCheckBox::toggled, this, &CpusetPicker::boxToggled);
        grid->addWidget(box, i / kBoxesPerRow, i % kBoxesPerRow);
        m_boxes.insert(cpu, box);
    }
    layout->addLayout(grid);
    m_edit = new QLineEdit(this);
    m_edit->setPlaceholderText(tr("All CPUs"));
    m_edit->setToolTip(tr("CPU numbers and ranges, such as 0-1,3. Empty: all CPUs."));
    connect(m_edit, &QLineEdit::editingFinished, this, &CpusetPicker::textEntered);
    layout->addWidget(m_edit);
    display(QString());
}

void CpusetPicker::setText(const QString& text)
{
    display(parseCpuList(text) ? text.trimmed() : QString());
}

void CpusetPicker::display(const QString& text)
{
    m_text = text;
    const auto cpus = parseCpuList(text).value_or(QList<int>());
    const QSignalBlocker editBlock(m_edit);
    m_edit->setText(text);
    for (auto it = m_boxes.begin(); it != m_boxes.end(); ++it) {
        const QSignalBlocker boxBlock(it.value());
        it.value()->setChecked(cpus.isEmpty() || cpus.contains(it.key()));
    }
}

void CpusetPicker::boxToggled()
{
    QList<int> cpus;
    for (auto it = m_boxes.begin(); it != m_boxes.end(); ++it) {
        if (it.value()->isChecked())
            cpus << it.key();
    }
    if (cpus.isEmpty()) {
        display(m_text); // at least one CPU: put the last choice back
        return;
    }
    const QString text = formatCpuList(cpus);
    display(text);
    Q_EMIT edited(text);
}

void CpusetPicker::textEntered()
{
    // Cleared: every CPU, as the kernel has no word for "unrestricted".
    const auto cpus = m_edit->text().trimmed().isEmpty() ? std::optional(m_boxes.keys()) : parseCpuList(m_edit->text());
    if (!cpus || cpus->isEmpty()) {
        display(m_text);
        return;
    }
    const QString text = formatCpuList(*cpus);
    if (text == m_text)
        return;
    display(text);
    Q_EMIT edited(text);
}

} // namespace berth::gui
