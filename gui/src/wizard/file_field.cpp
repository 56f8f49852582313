#include "file_field.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <sys/stat.h>

namespace berth::gui {

FileField::FileField(const client::TemplateOption& option, QWidget* parent) : OptionField(option, parent, false)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    layout->addLayout(row);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(option.key);
    row->addWidget(m_edit, 1);
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        if (m_edit->text() != m_path)
            setPath(m_edit->text());
    });
    if (option.acceptsFile) {
        auto* browse = new QPushButton(tr("Browse…"), this);
        browse->setObjectName(option.key + QStringLiteral("Browse"));
        connect(browse, &QPushButton::clicked, this, &FileField::browse);
        row->addWidget(browse);
    }
    if (option.acceptsDirectory) {
        auto* folder = new QPushButton(tr("Choose Folder…"), this);
        folder->setObjectName(option.key + QStringLiteral("Folder"));
        connect(folder, &QPushButton::clicked, this, &FileField::browseFolder);
        row->addWidget(folder);
    }
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
}

FileField::~FileField() = default;

void FileField::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, option().label);
    if (!path.isEmpty())
        setPath(path);
}

void FileField::browseFolder()
{
    const QString path = QFileDialog::getExistingDirectory(this, option().label);
    if (!path.isEmpty())
        setPath(path);
}

bool FileField::setPath(const QString& path)
{
    m_fd.reset();
    m_path = path;
    m_edit->setText(path);
    const QString why = path.isEmpty() ? QString() : openProblem(path);
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    Q_EMIT changed();
    return why.isEmpty() && m_fd.isValid();
}

// Opens and checks the kind on the descriptor itself (fstat), so what is
// checked is what the helper gets.
QString FileField::openProblem(const QString& path)
{
    const bool onlyDirectory = option().acceptsDirectory && !option().acceptsFile;
    using Mode = client::LocalFd::Mode;
    auto fd = client::LocalFd::open(path, onlyDirectory ? Mode::ReadDirectory : Mode::Read);
    if (!fd)
        return tr("Cannot open '%1': %2").arg(path, client::errnoText(fd.error()));
    struct stat st {};
    const bool isDirectory = ::fstat(fd->get(), &st) == 0 && S_ISDIR(st.st_mode);
    const bool accepted = isDirectory ? option().acceptsDirectory : option().acceptsFile;
    if (!accepted)
        return isDirectory ? tr("'%1' is a folder; choose a file.").arg(path)
                           : tr("'%1' is not a folder; choose a folder.").arg(path);
    m_fd = std::move(*fd);
    return {};
}

QString FileField::problem() const
{
    return m_problem->text();
}

bool FileField::isComplete() const
{
    return m_fd.isValid() || (!option().required && m_path.isEmpty());
}

QString FileField::displayValue() const
{
    return m_path.isEmpty() ? tr("(none)") : m_path;
}

} // namespace berth::gui
