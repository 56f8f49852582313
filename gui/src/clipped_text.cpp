#include "clipped_text.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QStyle>
#include <QStyleOptionGroupBox>
#include <QStyleOptionTab>
#include <QTabBar>
#include <QTableView>
#include <QTextDocument>
#include <QTreeView>
#include <QToolBar>
#include <QWidget>

#include <functional>

namespace berth::gui {
namespace {

// The text as drawn: mnemonic ampersands gone.
QString shown(const QString& text)
{
    QString plain = text;
    plain.replace(QLatin1String("&&"), QLatin1String("\x01"));
    plain.remove(QLatin1Char('&'));
    plain.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return plain;
}

int widestLine(const QFontMetrics& metrics, const QString& text)
{
    int widest = 0;
    for (const QString& line : text.split(QLatin1Char('\n')))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    return widest;
}

QString finding(const QWidget& widget, const QString& text, int needs, int has)
{
    const QString name = widget.objectName().isEmpty() ? QString() : QStringLiteral(" '%1'").arg(widget.objectName());
    return QStringLiteral("%1%2 \"%3\": needs %4 px, has %5")
        .arg(QString::fromLatin1(widget.metaObject()->className()), name, text.simplified())
        .arg(needs)
        .arg(has);
}

bool elidedOnPurpose(const QWidget& widget, const QString& text)
{
    return text.contains(QChar(0x2026)) && !widget.toolTip().isEmpty();
}

void checkLabel(const QLabel& label, QStringList& found)
{
    const QString text = label.text();
    if (text.isEmpty() || label.wordWrap() || elidedOnPurpose(label, text))
        return;
    int needs = 0;
    if (Qt::mightBeRichText(text) && label.textFormat() != Qt::PlainText) {
        QTextDocument document;
        document.setDefaultFont(label.font());
        document.setHtml(text);
        document.setDocumentMargin(0);
        needs = int(std::ceil(document.idealWidth()));
    } else {
        needs = widestLine(label.fontMetrics(), shown(text));
    }
    const int indent = label.indent() > 0 ? label.indent() : 0;
    const int has = label.contentsRect().width() - 2 * label.margin() - indent;
    if (needs > has)
        found << finding(label, text, needs, has);
}

void checkButton(const QAbstractButton& button, QStringList& found)
{
    if (button.text().isEmpty() || qobject_cast<const QToolBar*>(button.parentWidget()))
        return;
    if (!qobject_cast<const QPushButton*>(&button) && !qobject_cast<const QCheckBox*>(&button) &&
        !qobject_cast<const QRadioButton*>(&button))
        return;
    const int needs = button.sizeHint().width();
    if (needs > button.width())
        found << finding(button, shown(button.text()), needs, button.width());
}

void checkTabs(const QTabBar& bar, QStringList& found)
{
    for (int i = 0; i < bar.count(); ++i) {
        if (!bar.isTabVisible(i))
            continue;
        QStyleOptionTab option;
        option.initFrom(&bar);
        option.rect = bar.tabRect(i);
        option.text = bar.tabText(i);
        option.icon = bar.tabIcon(i);
        option.iconSize = bar.iconSize();
        option.shape = bar.shape();
        const QRect textRect = bar.style()->subElementRect(QStyle::SE_TabBarTabText, &option, &bar);
        const int needs = bar.fontMetrics().horizontalAdvance(shown(option.text));
        if (needs > textRect.width())
            found << finding(bar, shown(option.text), needs, textRect.width());
    }
}

void checkGroupBox(const QGroupBox& box, QStringList& found)
{
    if (box.title().isEmpty())
        return;
    QStyleOptionGroupBox option;
    option.initFrom(&box);
    option.text = box.title();
    option.subControls = QStyle::SC_GroupBoxFrame | QStyle::SC_GroupBoxLabel;
    if (box.isCheckable())
        option.subControls |= QStyle::SC_GroupBoxCheckBox;
    const QRect label = box.style()->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxLabel, &box);
    const int needs = box.fontMetrics().horizontalAdvance(shown(box.title()));
    // The label's rectangle is clipped to the box: its right edge tells.
    const int has = std::min(label.width(), box.width() - label.left());
    if (needs > has)
        found << finding(box, shown(box.title()), needs, has);
}

// The rows of a view: a tree's expanded children too.
void rowsOf(const QAbstractItemView& view, const QModelIndex& parent, QList<QModelIndex>& rows)
{
    const QAbstractItemModel* model = view.model();
    const auto* tree = qobject_cast<const QTreeView*>(&view);
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        rows << index;
        if (tree && tree->isExpanded(index))
            rowsOf(view, index, rows);
    }
}

// Whether a cell in view wants more room than it has (the view elides it:
// "Ru…"), unless it has a tooltip for the whole.
bool cellCut(const QAbstractItemView& view, const QModelIndex& index, int& needs, int& has)
{
    const QRect cell = view.visualRect(index);
    if (!cell.intersects(view.viewport()->rect()) || index.data(Qt::DisplayRole).toString().isEmpty() ||
        !index.data(Qt::ToolTipRole).toString().isEmpty())
        return false;
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.rect = cell;
    option.font = view.font();
    option.fontMetrics = view.fontMetrics();
    option.decorationSize = view.iconSize().isValid() ? view.iconSize() : QSize(16, 16);
    option.features = QStyleOptionViewItem::HasDisplay;
    if (!index.data(Qt::DecorationRole).isNull())
        option.features |= QStyleOptionViewItem::HasDecoration;
    has = cell.width();
    // A list's item is as wide as its text and the viewport cuts it.
    if (const auto* list = qobject_cast<const QListView*>(&view)) {
        has = view.viewport()->rect().right() + 1 - cell.left();
        option.rect.setWidth(has);
        if (list->wordWrap())
            option.features |= QStyleOptionViewItem::WrapText;
    }
    needs = view.itemDelegateForIndex(index)->sizeHint(option, index).width();
    return needs > has;
}

// One finding per column of a table, tree or list.
void checkCells(const QAbstractItemView& view, const std::function<bool(int)>& shows, QStringList& found)
{
    const QAbstractItemModel* model = view.model();
    if (!model)
        return;
    QList<QModelIndex> rows;
    rowsOf(view, {}, rows);
    for (int column = 0; column < model->columnCount(); ++column) {
        if (!shows(column))
            continue;
        for (const QModelIndex& row : std::as_const(rows)) {
            const QModelIndex index = row.siblingAtColumn(column);
            int needs = 0, has = 0;
            if (cellCut(view, index, needs, has)) {
                found << finding(view, index.data(Qt::DisplayRole).toString(), needs, has);
                break;
            }
        }
    }
}

} // namespace

QStringList clippedTexts(const QWidget& window)
{
    QStringList found;
    const auto visible = [&window](const QWidget* widget) { return widget->isVisibleTo(&window); };
    for (const QLabel* label : window.findChildren<QLabel*>())
        if (visible(label))
            checkLabel(*label, found);
    for (const QAbstractButton* button : window.findChildren<QAbstractButton*>())
        if (visible(button))
            checkButton(*button, found);
    for (const QTabBar* bar : window.findChildren<QTabBar*>())
        if (visible(bar))
            checkTabs(*bar, found);
    for (const QGroupBox* box : window.findChildren<QGroupBox*>())
        if (visible(box))
            checkGroupBox(*box, found);
    for (const QTableView* table : window.findChildren<QTableView*>())
        if (visible(table))
            checkCells(
                *table, [table](int column) { return !table->isColumnHidden(column); }, found);
    for (const QTreeView* tree : window.findChildren<QTreeView*>())
        if (visible(tree))
            checkCells(
                *tree, [tree](int column) { return !tree->isColumnHidden(column); }, found);
    for (const QListView* list : window.findChildren<QListView*>())
        if (visible(list))
            checkCells(
                *list, [list](int column) { return column == list->modelColumn(); }, found);
    return found;
}

QString tooLargeForScreen(const QWidget& window)
{
    const QScreen* screen = window.screen();
    if (!screen)
        return {};
    const QSize available = screen->availableGeometry().size();
    const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
    if (minimum.width() <= available.width() && minimum.height() <= available.height())
        return {};
    return QStringLiteral("minimum size %1\u00d7%2 is larger than the screen's %3\u00d7%4")
        .arg(minimum.width())
        .arg(minimum.height())
        .arg(available.width())
        .arg(available.height());
}

} // namespace berth::gui
