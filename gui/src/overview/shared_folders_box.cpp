#include "shared_folders_box.h"

#include "error_text.h"
#include "local_fd.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace berth::gui {

namespace {

constexpr int kTargetRole = Qt::UserRole;

} // namespace

SharedFoldersBox::SharedFoldersBox(ContainerSource& source, QWidget* parent) : QWidget(parent), m_source(source)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("sharedFoldersList"));
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5);
    m_add = new QPushButton(tr("Add…"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    m_message = new QLabel(tr("Changes apply at the container's next start."), this);
    m_message->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    connect(m_add, &QPushButton::clicked, this, &SharedFoldersBox::addClicked);
    connect(m_remove, &QPushButton::clicked, this, &SharedFoldersBox::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    showContainer(nullptr);
}

void SharedFoldersBox::showContainer(const client::ContainerInfo* info)
{
    m_name = info ? info->name : QString();
    m_list->clear();
    m_add->setEnabled(info != nullptr);
    m_remove->setEnabled(false);
    if (!info)
        return;
    for (const auto& share : info->shares) {
        auto* item =
            new QListWidgetItem(tr("%1 at %2 (as uid %3)")
                                    .arg(QString::fromStdString(share.hostPath), QString::fromStdString(share.target))
                                    .arg(share.insideUid),
                                m_list);
        item->setData(kTargetRole, QString::fromStdString(share.target));
    }
}

void SharedFoldersBox::addClicked()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder to share"), QDir::homePath());
    if (folder.isEmpty())
        return;
    bool ok = false;
    const QString target =
        QInputDialog::getText(this, tr("Share a folder"), tr("Path inside the container:"), QLineEdit::Normal,
                              QStringLiteral("/") + QFileInfo(folder).fileName(), &ok);
    if (!ok || target.isEmpty())
        return;
    const QString user = QInputDialog::getText(
        this, tr("Share a folder"), tr("Your files belong inside to (root, a user of the container, or a number):"),
        QLineEdit::Normal, QStringLiteral("root"), &ok);
    if (!ok || user.isEmpty())
        return;
    share(folder, target, user);
}

void SharedFoldersBox::share(const QString& folder, const QString& target, const QString& insideUser)
{
    const QString name = m_name;
    const auto fd = client::LocalFd::open(folder, client::LocalFd::Mode::ReadDirectory);
    if (!fd) {
        m_message->setText(tr("Cannot open '%1': %2").arg(folder, client::errnoText(fd.error())));
        return;
    }
    // The call holds its own copy of the descriptor; ours closes here.
    m_source.shareFolder(name, fd->get(), target, insideUser, this, [this, name, folder](const client::Status& status) {
        finished(name, tr("share '%1' with '%2'").arg(folder, name), status);
    });
}

void SharedFoldersBox::removeSelected()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item || m_name.isEmpty())
        return;
    const QString name = m_name;
    const QString target = item->data(kTargetRole).toString();
    m_source.unshareFolder(name, target, this, [this, name, target](const client::Status& status) {
        finished(name, tr("stop sharing '%1' with '%2'").arg(target, name), status);
    });
}

void SharedFoldersBox::finished(const QString& name, const QString& what, const client::Status& status)
{
    if (!status) {
        m_message->setText(errorText(status.error(), what));
        return;
    }
    m_message->setText(tr("Changes apply at the container's next start."));
    Q_EMIT changed(name);
}

} // namespace berth::gui
