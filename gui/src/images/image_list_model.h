// The images in the helper's store as a table: name, short ID, created,
// size, layers shared with other images, the containers using it. Read
// with one ListImages; read again when this source pulled, removed or
// pruned, when containers come or go (used by), and when another helper
// took over the bus. SortRole gives raw values (bytes, seconds) for sorting.
#pragma once

#include "container_source.h"

#include <QAbstractTableModel>

#include <functional>

namespace berth::gui {

class ImageListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, IdColumn, CreatedColumn, SizeColumn, SharedColumn, UsedByColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2; // the full "sha256:…" ID

    explicit ImageListModel(ContainerSource& source, QObject* parent = nullptr);

    void reload();
    // The clock "created" is measured from; the system's unless a test sets one.
    void setClock(std::function<qint64()> now) { m_now = std::move(now); }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] const ImageInfo* image(int row) const;
    [[nodiscard]] int rowOf(const QString& id) const;
    [[nodiscard]] bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void loaded();
    // The list could not be read: what went wrong, in words.
    void failed(const QString& message);

private:
    [[nodiscard]] QVariant display(const ImageInfo& image, int column) const;
    [[nodiscard]] QVariant sortValue(const ImageInfo& image, int column) const;
    [[nodiscard]] QString toolTip(const ImageInfo& image) const;

    ContainerSource& m_source;
    QList<ImageInfo> m_images;
    std::function<qint64()> m_now;
    bool m_loaded = false;
    bool m_reloadQueued = false;
};

} // namespace berth::gui
