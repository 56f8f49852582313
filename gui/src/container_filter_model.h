// Sorting by raw values and filtering by the words a person would type:
// name, state, address or template (not the figures).
#pragma once

#include <QSortFilterProxyModel>

namespace berth::gui {

class ContainerFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ContainerFilterModel(QObject* parent = nullptr);

    // Case-insensitive text; empty shows every row.
    void setFilterText(const QString& text);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
};

} // namespace berth::gui
