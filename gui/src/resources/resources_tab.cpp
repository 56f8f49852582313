#include "resources_tab.h"

#include "confirm_action.h"
#include "container_list_model.h"
#include "cpu_list.h"
#include "cpuset_picker.h"
#include "error_text.h"
#include "limit_key.h"
#include "limit_scales.h"
#include "slider_limits.h"
#include "figures.h"
#include "usage_charts.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>

#include <array>
#include <utility>

namespace berth::gui {
namespace {

using model::LimitKey;

const QString kMemory = limitKey(LimitKey::MemoryMax);
const QString kMemorySoft = limitKey(LimitKey::MemoryHigh);
const QString kCpu = limitKey(LimitKey::CpuMax);
const QString kPids = limitKey(LimitKey::PidsMax);
const QString kCpuset = limitKey(LimitKey::Cpus);
// Kept as given on cgroup v1 (issue #16); a slider's cpu.weight/io.weight replaces them.
constexpr std::array kV1Weights{LimitKey::CpuShares, LimitKey::BlkioWeight};
constexpr double kMiB = 1024.0 * 1024.0;

} // namespace

ResourcesTab::ResourcesTab(ContainerSource& source, QWidget* parent) : QWidget(parent), m_source(source)
{
    m_confirm = [this](const QString& title, const QString& question) { return confirmAction(this, title, question); };
    auto* layout = new QHBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form, 2);
    addSlider(LimitKey::MemoryMax, tr("Memory limit:"), LimitScales::memory());
    addSlider(LimitKey::MemoryHigh, tr("Memory soft limit:"), LimitScales::memory());
    addSlider(LimitKey::SwapMax, tr("Swap:"), LimitScales::memory());
    addSlider(LimitKey::CpuMax, tr("CPU quota:"), LimitScales::cpu());
    addSlider(LimitKey::CpuWeight, tr("CPU weight:"), LimitScales::weight());
    addSlider(LimitKey::PidsMax, tr("Processes:"), LimitScales::pids());
    addSlider(LimitKey::IoWeight, tr("Disk weight:"), LimitScales::weight());
    addCpusetPicker();
    m_v1Weights = new QLabel(this);
    m_v1Weights->setObjectName(QStringLiteral("resourcesV1Weights"));
    m_v1Weights->setWordWrap(true);
    m_form->addRow(m_v1Weights);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("resourcesMessage"));
    m_message->setWordWrap(true);
    m_form->addRow(m_message);
    m_charts = new UsageCharts(this);
    layout->addWidget(m_charts, 3);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ResourcesTab::apply);
    showContainer(nullptr);
}

void ResourcesTab::addSlider(LimitKey key, const QString& label, const LimitSlider::Scale& scale)
{
    auto* slider = new LimitSlider(scale, this);
    slider->setObjectName(limitKey(key));
    connect(slider, &LimitSlider::edited, this, [this, key, slider] { edited(key, *slider); });
    // Let go of: sent at once. The debounce only gathers a drag's or the
    // keyboard's steps, never delays the value a person settled on.
    connect(slider, &LimitSlider::released, this, [this] {
        if (m_debounce.isActive()) {
            m_debounce.stop();
            apply();
        }
    });
    m_form->addRow(label, slider);
    m_sliders.insert(limitKey(key), slider);
}

void ResourcesTab::addCpusetPicker()
{
    m_cpuset = new CpusetPicker(hostCpus(), this);
    m_cpuset->setObjectName(kCpuset);
    connect(m_cpuset, &CpusetPicker::edited, this, &ResourcesTab::cpusetEdited);
    m_form->addRow(tr("CPUs:"), m_cpuset);
}

void ResourcesTab::watch(const ContainerListModel& model)
{
    m_history.setSamplingInterval(model.statsInterval());
    connect(&model, &QAbstractItemModel::dataChanged, this,
            [this, &model](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                bool current = false;
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                    const ContainerRow& changed = model.row(row);
                    if (changed.stats && m_history.record(*changed.stats, usageLimits(changed.info.limits)))
                        current = current || changed.info.name == m_name;
                }
                if (current)
                    updateChart();
            });
    connect(&model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this, &model](const QModelIndex&, int first, int last) {
                for (int row = first; row <= last; ++row)
                    m_history.forget(model.row(row).info.name);
            });
}

void ResourcesTab::showContainer(const ContainerRow* row)
{
    const QString name = row ? row->info.name : QString();
    if (name != m_name) {
        // Edits not yet sent belong to the container left behind: drop them.
        m_debounce.stop();
        m_pending = {};
        m_applied.clear();
        m_sending.clear();
        m_message->clear();
        m_name = name;
    }
    const model::Limits limits = row ? row->info.limits : model::Limits{};
    // Changed limits mean the model read the container again: what it read
    // is in force now, not what this tab last sent.
    if (limits != m_limits)
        m_applied.clear();
    m_limits = limits;
    m_memoryUsage = row && row->stats ? row->stats->memoryCurrent : 0;
    for (LimitSlider* slider : std::as_const(m_sliders))
        slider->setEnabled(row != nullptr);
    m_cpuset->setEnabled(row != nullptr);
    if (m_pending.empty() && m_inFlight == 0)
        showInForce(m_sliders.keys() << kCpuset);
    showV1Weights();
    updateChart();
}

void ResourcesTab::showV1Weights()
{
    QStringList given;
    for (const LimitKey key : kV1Weights)
        if (const auto value = model::printLimitValue(m_limits, key))
            given << QStringLiteral("%1 = %2").arg(limitKey(key), QString::fromStdString(*value));
    m_v1Weights->setText(given.isEmpty() ? QString()
                                         : tr("Set in cgroup v1 units: %1.").arg(given.join(QStringLiteral(", "))));
    m_v1Weights->setVisible(!given.isEmpty());
}

QString ResourcesTab::inForce(const QString& key) const
{
    // Unset reads as empty: unlimited, the default weight, every CPU.
    if (m_applied.contains(key))
        return m_applied.value(key);
    const auto typed = model::parseLimitKey(key.toStdString());
    const auto value = typed ? model::printLimitValue(m_limits, *typed) : std::nullopt;
    return value ? QString::fromStdString(*value) : QString();
}

void ResourcesTab::showInForce(const QStringList& keys)
{
    for (const QString& key : keys) {
        if (key == kCpuset)
            m_cpuset->setText(inForce(key));
        else if (LimitSlider* slider = m_sliders.value(key)) // cpu.period has none
            slider->setText(inForce(key));
    }
}

QString ResourcesTab::shown(const QString& key) const
{
    const auto typed = model::parseLimitKey(key.toStdString());
    const auto moved = typed ? model::printLimitValue(m_pending, *typed) : std::nullopt;
    if (moved)
        return QString::fromStdString(*moved);
    return m_sending.contains(key) ? m_sending.value(key) : inForce(key);
}

void ResourcesTab::updateChart()
{
    // A limit being moved is drawn at once, where the slider is: if the
    // helper refuses it the slider comes back and the chart with it.
    m_charts->setSamples(m_history.samples(m_name));
    m_charts->setLimits({limitInChartUnits(shown(kMemory), kMiB), limitInChartUnits(shown(kMemorySoft), kMiB),
                         limitInChartUnits(shown(kCpu)), limitInChartUnits(shown(kPids))});
}

void ResourcesTab::setSamplingInterval(int milliseconds)
{
    m_history.setSamplingInterval(milliseconds);
    updateChart();
}

void ResourcesTab::edited(LimitKey key, const LimitSlider& slider)
{
    if (m_name.isEmpty())
        return;
    putSliderLimit(m_pending, key, slider);
    m_debounce.start(); // restarts: only the resting position is sent
    updateChart();
}

void ResourcesTab::cpusetEdited(const QString& text)
{
    if (m_name.isEmpty())
        return;
    m_pending.cpus = text.toStdString();
    m_debounce.start();
}

bool ResourcesTab::confirmMemory()
{
    const LimitSlider* memory = m_sliders.value(kMemory);
    if (!m_pending.memoryMax || memory->isUnlimited() || memory->value() >= m_memoryUsage)
        return true;
    const QString question =
        tr("'%1' uses %2 now, more than the new limit of %3. The kernel will reclaim memory and may end "
           "processes in it. Lower the limit anyway?")
            .arg(m_name, formatBytes(m_memoryUsage), formatBytes(static_cast<quint64>(memory->value())));
    return m_confirm(tr("Lower Memory Limit"), question);
}

void ResourcesTab::apply()
{
    if (m_name.isEmpty() || m_pending.empty())
        return;
    if (!confirmMemory()) {
        m_pending.memoryMax.reset();
        showInForce({kMemory});
        updateChart();
        if (m_pending.empty())
            return;
    }
    const model::Limits sent = std::exchange(m_pending, {});
    m_sending.insert(client::limitArgsMap(sent));
    ++m_inFlight;
    m_source.setLimits(m_name, sent, this,
                       [this, name = m_name, sent](client::Status status) { finished(name, sent, status); });
}

void ResourcesTab::finished(const QString& name, const model::Limits& sent, const client::Status& status)
{
    --m_inFlight;
    if (m_inFlight == 0)
        m_sending.clear();
    if (name != m_name) {
        if (status)
            Q_EMIT limitsApplied(name);
        return;
    }
    if (!status) {
        m_message->setText(errorText(status.error(), tr("change the limits of '%1'").arg(name)));
        showInForce(client::limitArgsMap(sent).keys());
        updateChart();
        return;
    }
    m_message->clear();
    const QMap<QString, QString> taken = client::limitArgsMap(sent);
    for (auto it = taken.begin(); it != taken.end(); ++it)
        m_applied.insert(it.key(), it.value());
    updateChart();
    Q_EMIT limitsApplied(name);
}

} // namespace berth::gui
