#include "image_list_model.h"

#include "error_text.h"
#include "figures.h"
#include "image_texts.h"

#include <QDateTime>
#include <QTimer>

namespace berth::gui {

ImageListModel::ImageListModel(ContainerSource& source, QObject* parent)
    : QAbstractTableModel(parent), m_source(source), m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
    // Several changes in one turn of the event loop (a prune after a
    // remove, containers going) read the list once.
    auto queue = [this] {
        if (m_reloadQueued)
            return;
        m_reloadQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_reloadQueued = false;
            reload();
        });
    };
    connect(&source, &ContainerSource::imagesChanged, this, queue);
    connect(&source, &ContainerSource::helperReplaced, this, queue);
    connect(&source, &ContainerSource::containerAdded, this, queue);
    connect(&source, &ContainerSource::containerRemoved, this, queue);
    reload();
}

void ImageListModel::reload()
{
    m_source.images(this, [this](client::Result<QList<ImageInfo>> images) {
        if (!images) {
            Q_EMIT failed(errorText(images.error(), tr("list the images")));
            return;
        }
        beginResetModel();
        m_images = std::move(*images);
        m_loaded = true;
        endResetModel();
        Q_EMIT loaded();
    });
}

int ImageListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_images.size());
}

int ImageListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ImageInfo* ImageListModel::image(int row) const
{
    return row >= 0 && row < m_images.size() ? &m_images.at(row) : nullptr;
}

int ImageListModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_images.size(); ++row)
        if (m_images.at(row).id == id)
            return row;
    return -1;
}

QVariant ImageListModel::data(const QModelIndex& index, int role) const
{
    const ImageInfo* info = image(index.row());
    if (!info || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*info, index.column());
    case SortRole:
        return sortValue(*info, index.column());
    case IdRole:
        return info->id;
    case Qt::ToolTipRole:
        return toolTip(*info);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ImageListModel::display(const ImageInfo& image, int column) const
{
    switch (column) {
    case NameColumn:
        return imageName(image);
    case IdColumn:
        return shortId(image.id);
    case CreatedColumn:
        return createdText(image.created, m_now());
    case SizeColumn:
        return formatBytes(image.size);
    case SharedColumn:
        return sharedText(image);
    case UsedByColumn:
        return usedByText(image.usedBy);
    default:
        return {};
    }
}

QVariant ImageListModel::sortValue(const ImageInfo& image, int column) const
{
    switch (column) {
    case CreatedColumn:
        return image.created;
    case SizeColumn:
        return image.size;
    case SharedColumn:
        return image.sharedSize;
    case UsedByColumn:
        return image.usedBy.size();
    default:
        return display(image, column);
    }
}

QString ImageListModel::toolTip(const ImageInfo& image) const
{
    QStringList lines = image.names;
    lines << image.id;
    QStringList platform{image.os, image.architecture, image.variant};
    platform.removeAll(QString());
    if (!platform.isEmpty())
        lines << platform.join(QLatin1Char('/'));
    return lines.join(QLatin1Char('\n'));
}

QVariant ImageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("Image ID");
    case CreatedColumn:
        return tr("Created");
    case SizeColumn:
        return tr("Size");
    case SharedColumn:
        return tr("Shared layers");
    case UsedByColumn:
        return tr("Used by");
    default:
        return {};
    }
}

} // namespace berth::gui
