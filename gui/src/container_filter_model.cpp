#include "container_filter_model.h"

#include "container_list_model.h"

namespace berth::gui {

ContainerFilterModel::ContainerFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ContainerListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Figures change every interval; the order should follow them.
    setDynamicSortFilter(true);
}

void ContainerFilterModel::setFilterText(const QString& text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool ContainerFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    for (int column : {ContainerListModel::NameColumn, ContainerListModel::StateColumn,
                       ContainerListModel::AddressColumn, ContainerListModel::TemplateColumn}) {
        const QModelIndex index = sourceModel()->index(sourceRow, column, sourceParent);
        if (index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace berth::gui
