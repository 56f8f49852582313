// How the container list draws its cells without a widget per row (500
// rows cost 500 paints, not 500 widgets): the state as a dot in its colour
// beside its word, memory and CPU as their text over a thin bar of the
// share of the limit in use. Colours come from the palette
// (state_presentation's toneColor, the palette's highlight).
#pragma once

#include <QStyledItemDelegate>

namespace berth::gui {

class ContainerListDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Wide enough for every state word of the loaded language and its dot:
    // the State column is never cut short.
    [[nodiscard]] static int stateColumnWidth(const QFontMetrics& metrics);
    // A bar's share above this is drawn in the failed colour (near the limit).
    static constexpr double kNearLimit = 0.9;

private:
    void paintState(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const;
    void paintUsage(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const;
};

} // namespace berth::gui
