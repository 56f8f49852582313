#include "images_window.h"

#include "confirm_action.h"
#include "error_text.h"
#include "figures.h"
#include "icons.h"
#include "image_list_model.h"
#include "image_texts.h"
#include "pull_panel.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>

namespace berth::gui {

ImagesWindow::ImagesWindow(ContainerSource& source, QWidget* parent) : QWidget(parent, Qt::Window), m_source(source)
{
    setWindowTitle(tr("Images — Berth"));
    setObjectName(QStringLiteral("imagesWindow"));
    m_confirm = [this](const QString& title, const QString& question) { return confirmAction(this, title, question); };
    m_model = new ImageListModel(source, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ImageListModel::SortRole);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("imageList"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ImageListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setSectionResizeMode(ImageListModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_pull = new PullPanel(source, this);
    m_remove = new QPushButton(icon(Icon::Delete), tr("&Remove…"), this);
    m_remove->setObjectName(QStringLiteral("removeImage"));
    m_prune = new QPushButton(icon(Icon::Destroy), tr("Pr&une…"), this);
    m_prune->setObjectName(QStringLiteral("pruneImages"));
    auto* reload = new QPushButton(icon(Icon::Refresh), tr("Re&load"), this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("imagesMessage"));
    m_message->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_remove);
    buttons->addWidget(m_prune);
    buttons->addStretch(1);
    buttons->addWidget(reload);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_pull);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    connect(m_remove, &QPushButton::clicked, this, &ImagesWindow::removeSelected);
    connect(m_prune, &QPushButton::clicked, this, &ImagesWindow::prune);
    connect(reload, &QPushButton::clicked, this, &ImagesWindow::refresh);
    connect(m_model, &ImageListModel::failed, m_message, &QLabel::setText);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ImagesWindow::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ImagesWindow::updateButtons);
    connect(m_pull, &PullPanel::pullFinished, this, [this](const QString&, bool success, const QString&) {
        if (success)
            refresh(); // another source's pull signals nothing here
    });
    resize(900, 560);
    updateButtons();
}

void ImagesWindow::refresh()
{
    m_model->reload();
}

QString ImagesWindow::selectedId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(ImageListModel::IdRole).toString() : QString();
}

bool ImagesWindow::selectImage(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
    return true;
}

void ImagesWindow::updateButtons()
{
    m_remove->setEnabled(!selectedId().isEmpty());
    m_prune->setEnabled(m_model->isLoaded());
}

void ImagesWindow::removeSelected()
{
    const ImageInfo* image = m_model->image(m_model->rowOf(selectedId()));
    if (!image)
        return;
    const QString name = imageName(*image);
    const QStringList users = image->usedBy;
    // By ID: a name may have moved to another image since the list was read.
    const QString id = image->id;
    if (!m_confirm(tr("Remove Image"), tr("Remove the image '%1' from the store? Containers made from it later "
                                          "will pull it again.")
                                           .arg(name)))
        return;
    m_source.removeImage(id, this, [this, name, users](client::Status status) { removeFinished(name, users, status); });
}

void ImagesWindow::removeFinished(const QString& name, const QStringList& users, const client::Status& status)
{
    if (status)
        m_message->setText(tr("The image '%1' was removed.").arg(name));
    else if (status.error().kind == client::ErrorKind::Busy && !users.isEmpty())
        // The list read before named the containers; the helper's own
        // words (which name them too) stand when it did not.
        m_message->setText(tr("The image '%1' was not removed: it is used by %2. Destroy those containers "
                              "first.")
                               .arg(name, usedByText(users)));
    else
        m_message->setText(errorText(status.error(), tr("remove the image '%1'").arg(name)));
    refresh();
}

void ImagesWindow::prune()
{
    if (!m_confirm(tr("Prune Images"), tr("Remove the layers that no image in the store uses any more (those "
                                          "of removed images)?")))
        return;
    m_source.pruneImages(false, this, [this](client::Result<ImagePruneResult> result) {
        if (!result) {
            m_message->setText(errorText(result.error(), tr("prune the images")));
            return;
        }
        m_message->setText(tr("Freed %1 (images removed: %2, layers removed: %3).")
                               .arg(formatBytes(result->bytesFreed))
                               .arg(result->images.size())
                               .arg(result->layers.size()));
        refresh();
    });
}

} // namespace berth::gui
