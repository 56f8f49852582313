#include "layer_progress_list.h"

#include "figures.h"
#include "image_texts.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

// A bar's range is an int: bytes are scaled to thousandths.
constexpr int kBarRange = 1000;

} // namespace

LayerProgressList::LayerProgressList(QWidget* parent) : QWidget(parent)
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
}

LayerProgressList::Row& LayerProgressList::rowFor(const QString& item)
{
    auto it = m_rows.find(item);
    if (it != m_rows.end())
        return *it;
    auto* line = new QWidget(this);
    auto* grid = new QGridLayout(line);
    grid->setContentsMargins(0, 0, 0, 0);
    Row row;
    row.label = new QLabel(line);
    row.bar = new QProgressBar(line);
    row.bar->setObjectName(QStringLiteral("layer-") + shortId(item));
    row.bar->setTextVisible(false);
    row.bar->setRange(0, kBarRange);
    grid->addWidget(row.label, 0, 0);
    grid->addWidget(row.bar, 1, 0);
    m_layout->addWidget(line);
    return *m_rows.insert(item, row);
}

void LayerProgressList::setItem(const QString& item, const QString& phase, quint64 done, quint64 total)
{
    Row& row = rowFor(item);
    row.done = done;
    row.total = total;
    const bool finished = phase == QLatin1String("done") || phase == QLatin1String("exists");
    QString bytes;
    if (total > 0 && !finished)
        bytes = tr("%1 of %2").arg(formatBytes(done), formatBytes(total));
    else if (done > 0 && !finished)
        bytes = formatBytes(done);
    row.label->setText(bytes.isEmpty() ? tr("%1: %2").arg(shortId(item), phaseText(phase))
                                       : tr("%1: %2 %3").arg(shortId(item), phaseText(phase), bytes));
    if (finished) {
        row.bar->setRange(0, kBarRange);
        row.bar->setValue(kBarRange);
    } else if (total == 0) {
        row.bar->setRange(0, 0); // busy: no size to measure against
    } else {
        row.bar->setRange(0, kBarRange);
        row.bar->setValue(int(std::min<quint64>(done, total) * kBarRange / total));
    }
}

void LayerProgressList::clear()
{
    for (const Row& row : std::as_const(m_rows))
        delete row.label->parentWidget();
    m_rows.clear();
}

QProgressBar* LayerProgressList::bar(const QString& item) const
{
    const auto it = m_rows.find(item);
    return it == m_rows.end() ? nullptr : it->bar;
}

QString LayerProgressList::text(const QString& item) const
{
    const auto it = m_rows.find(item);
    return it == m_rows.end() ? QString() : it->label->text();
}

quint64 LayerProgressList::doneBytes() const
{
    quint64 sum = 0;
    for (const Row& row : m_rows)
        sum += row.done;
    return sum;
}

quint64 LayerProgressList::totalBytes() const
{
    quint64 sum = 0;
    for (const Row& row : m_rows)
        sum += row.total;
    return sum;
}

} // namespace berth::gui
