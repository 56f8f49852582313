#include "container_list_delegate.h"

#include "container_list_model.h"
#include "state_presentation.h"

#include <QApplication>
#include <QPainter>

namespace berth::gui {
namespace {

constexpr int kPadding = 6;
constexpr int kBarHeight = 4;

int dotSize(const QFontMetrics& metrics)
{
    return metrics.height() * 3 / 5;
}

// The view's item background (selection, hover) without its text.
void paintBackground(QPainter* painter, QStyleOptionViewItem option)
{
    option.text.clear();
    option.icon = QIcon();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &option, painter, widget);
}

QPalette::ColorRole textRole(const QStyleOptionViewItem& option)
{
    return option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text;
}

} // namespace

int ContainerListDelegate::stateColumnWidth(const QFontMetrics& metrics)
{
    int widest = metrics.horizontalAdvance(toneText(StateTone::Failed, model::RunState::Stopped));
    for (const auto state : {model::RunState::Stopped, model::RunState::Starting, model::RunState::Running,
                             model::RunState::Stopping, model::RunState::Frozen, model::RunState::Unmanaged})
        widest = std::max(widest, metrics.horizontalAdvance(stateText(state)));
    return kPadding + dotSize(metrics) + kPadding + widest + 2 * kPadding;
}

void ContainerListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    switch (index.column()) {
    case ContainerListModel::StateColumn:
        paintState(painter, option, index);
        return;
    case ContainerListModel::MemoryColumn:
    case ContainerListModel::CpuColumn:
        paintUsage(painter, option, index);
        return;
    default:
        QStyledItemDelegate::paint(painter, option, index);
    }
}

void ContainerListDelegate::paintState(QPainter* painter, const QStyleOptionViewItem& given,
                                       const QModelIndex& index) const
{
    QStyleOptionViewItem option = given;
    initStyleOption(&option, index);
    paintBackground(painter, option);
    const QVariant tone = index.data(ContainerListModel::ToneRole);
    const QColor color = toneColor(tone.isValid() ? StateTone(tone.toInt()) : StateTone::Stopped, option.palette);
    const int dot = dotSize(option.fontMetrics);
    const QRect cell = option.rect.adjusted(kPadding, 0, -kPadding, 0);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(QRect(cell.left(), cell.center().y() - dot / 2, dot, dot));
    painter->setPen(option.palette.color(textRole(option)));
    painter->setFont(option.font);
    const QRect text = cell.adjusted(dot + kPadding, 0, 0, 0);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, option.text);
    painter->restore();
}

void ContainerListDelegate::paintUsage(QPainter* painter, const QStyleOptionViewItem& given,
                                       const QModelIndex& index) const
{
    QStyleOptionViewItem option = given;
    initStyleOption(&option, index);
    paintBackground(painter, option);
    const QRect cell = option.rect.adjusted(kPadding, 1, -kPadding, -2);
    painter->save();
    const QVariant fraction = index.data(ContainerListModel::UsageFractionRole);
    if (fraction.isValid()) {
        const QRect track(cell.left(), cell.bottom() - kBarHeight + 1, cell.width(), kBarHeight);
        const double share = std::clamp(fraction.toDouble(), 0.0, 1.0);
        const QColor fill = share > kNearLimit ? toneColor(StateTone::Failed, option.palette)
                                               : option.palette.color(QPalette::Highlight);
        QColor trackColor = option.palette.color(textRole(option));
        trackColor.setAlphaF(0.15);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(trackColor);
        painter->drawRoundedRect(track, 2, 2);
        painter->setBrush(share > kNearLimit || !(option.state & QStyle::State_Selected)
                              ? fill
                              : option.palette.color(QPalette::HighlightedText));
        painter->drawRoundedRect(QRect(track.topLeft(), QSize(int(track.width() * share), kBarHeight)), 2, 2);
    }
    painter->setPen(option.palette.color(textRole(option)));
    painter->setFont(option.font);
    painter->drawText(cell.adjusted(0, 0, 0, -kBarHeight), Qt::AlignRight | Qt::AlignVCenter, option.text);
    painter->restore();
}

QSize ContainerListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Room for the bar under the figures, in every row alike (uniform heights).
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + kBarHeight + 6));
    if (index.column() == ContainerListModel::StateColumn)
        size.setWidth(stateColumnWidth(option.fontMetrics));
    else if (index.column() == ContainerListModel::MemoryColumn || index.column() == ContainerListModel::CpuColumn)
        size.setWidth(size.width() + 2 * kPadding);
    return size;
}

} // namespace berth::gui
