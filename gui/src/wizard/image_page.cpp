#include "image_page.h"

#include "error_text.h"
#include "icons.h"
#include "image_texts.h"
#include "pull_panel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

// Typing pauses this long before the store is asked.
constexpr int kLookUpDelayMs = 300;

} // namespace

ImagePage::ImagePage(ContainerSource& source, QWidget* parent) : QWizardPage(parent), m_source(source)
{
    setTitle(tr("Image"));
    setSubTitle(tr("The image the container is made from, and what the container runs of it."));
    m_pull = new PullPanel(source, this);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("storeState"));
    m_state->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pull);
    layout->addWidget(m_state);
    layout->addWidget(createConfigFields(), 1);
    m_lookUpTimer.setSingleShot(true);
    m_lookUpTimer.setInterval(kLookUpDelayMs);
    connect(&m_lookUpTimer, &QTimer::timeout, this, &ImagePage::lookUp);
    connect(m_pull, &PullPanel::referenceChanged, this, &ImagePage::referenceChanged);
    connect(m_pull, &PullPanel::pullStarted, this, &ImagePage::completeChanged);
    connect(m_pull, &PullPanel::pullFinished, this, [this](const QString&, bool success, const QString&) {
        if (success)
            lookUp();
        Q_EMIT completeChanged();
    });
    referenceChanged();
}

QWidget* ImagePage::createConfigFields()
{
    m_config = new QWidget(this);
    auto* form = new QFormLayout(m_config);
    form->setContentsMargins(0, 0, 0, 0);
    m_entrypoint = new QLineEdit(m_config);
    m_entrypoint->setObjectName(QStringLiteral("entrypoint"));
    m_entrypoint->setToolTip(tr("What always runs; the command is given to it as arguments. Put an argument "
                                "that contains spaces in double quotes."));
    form->addRow(tr("Entrypoint:"), m_entrypoint);
    m_command = new QLineEdit(m_config);
    m_command->setObjectName(QStringLiteral("imageCommand"));
    m_command->setToolTip(tr("The program and its arguments, separated by spaces. Put an argument "
                             "that contains spaces in double quotes."));
    form->addRow(tr("Command:"), m_command);
    m_env = new QTableWidget(0, 2, m_config);
    m_env->setObjectName(QStringLiteral("environment"));
    m_env->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_env->horizontalHeader()->setStretchLastSection(true);
    m_env->verticalHeader()->hide();
    m_env->setMinimumHeight(fontMetrics().height() * 5);
    auto* add = new QPushButton(icon(Icon::Add), tr("Add &Variable"), m_config);
    auto* remove = new QPushButton(icon(Icon::Delete), tr("Remove V&ariable"), m_config);
    auto* envBox = new QWidget(m_config);
    auto* envLayout = new QGridLayout(envBox);
    envLayout->setContentsMargins(0, 0, 0, 0);
    envLayout->addWidget(m_env, 0, 0, 1, 3);
    envLayout->addWidget(add, 1, 0);
    envLayout->addWidget(remove, 1, 1);
    envLayout->setColumnStretch(2, 1);
    form->addRow(tr("Environment:"), envBox);
    connect(add, &QPushButton::clicked, this, [this] { addEnvironmentRow(); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_env->currentRow() >= 0)
            m_env->removeRow(m_env->currentRow());
    });
    m_workingDir = new QLineEdit(m_config);
    m_workingDir->setObjectName(QStringLiteral("workingDir"));
    m_workingDir->setPlaceholderText(tr("/ (the root)"));
    form->addRow(tr("Working directory:"), m_workingDir);
    m_user = new QLineEdit(m_config);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("root"));
    m_user->setToolTip(tr("A user name or ID inside the container, optionally with :group"));
    form->addRow(tr("User:"), m_user);
    m_ports = new QWidget(m_config);
    auto* ports = new QGridLayout(m_ports);
    ports->setContentsMargins(0, 0, 0, 0);
    m_noPorts = new QLabel(tr("The image exposes no ports."), m_ports);
    ports->addWidget(m_noPorts, 0, 0);
    form->addRow(tr("Ports:"), m_ports);
    m_config->setEnabled(false);
    return m_config;
}

void ImagePage::setReference(const QString& reference)
{
    m_pull->setReference(reference);
}

void ImagePage::referenceChanged()
{
    // The fields belong to the image they were read from.
    m_known = false;
    m_config->setEnabled(false);
    m_state->setText(m_pull->reference().isEmpty() ? tr("Type the name of an image, then pull it.") : QString());
    m_lookUpTimer.stop();
    if (m_pull->problem().isEmpty())
        m_lookUpTimer.start();
    Q_EMIT completeChanged();
}

void ImagePage::lookUp()
{
    const QString reference = m_pull->reference();
    if (!m_pull->problem().isEmpty())
        return;
    m_source.image(reference, this, [this, reference](client::Result<ImageInfo> image) {
        if (reference != m_pull->reference())
            return; // typed on since
        if (image) {
            m_state->setText(tr("'%1' is in the store (%2).").arg(reference, shortId(image->id)));
            show(*image);
        } else if (image.error().kind == client::ErrorKind::NotFound) {
            m_state->setText(tr("'%1' is not in the store yet: pull it to go on.").arg(reference));
        } else {
            m_state->setText(errorText(image.error(), tr("read the image '%1'").arg(reference)));
        }
        Q_EMIT completeChanged();
        Q_EMIT imageLooked();
    });
}

void ImagePage::show(const ImageInfo& image)
{
    // The same image again (Back, then Next) keeps what was edited.
    const bool same = image.id == m_image.id && m_shownReference == m_pull->reference();
    m_image = image;
    m_shownReference = m_pull->reference();
    m_known = true;
    m_config->setEnabled(true);
    if (same)
        return;
    m_entrypoint->setText(joinCommand(image.entrypoint));
    m_command->setText(joinCommand(image.cmd));
    m_env->setRowCount(0);
    for (const QString& entry : image.env)
        addEnvironmentRow(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    m_workingDir->setText(image.workingDir);
    m_user->setText(image.user);
    showPorts(image.exposedPorts);
}

void ImagePage::addEnvironmentRow(const QString& key, const QString& value)
{
    const int row = m_env->rowCount();
    m_env->insertRow(row);
    m_env->setItem(row, 0, new QTableWidgetItem(key));
    m_env->setItem(row, 1, new QTableWidgetItem(value));
    if (key.isEmpty())
        m_env->editItem(m_env->item(row, 0));
}

void ImagePage::clearPorts()
{
    for (QCheckBox* box : std::as_const(m_portBoxes))
        delete box;
    for (QSpinBox* spin : std::as_const(m_hostPorts))
        delete spin;
    m_portBoxes.clear();
    m_hostPorts.clear();
    m_exposed.clear();
}

void ImagePage::showPorts(const QStringList& exposed)
{
    clearPorts();
    auto* grid = static_cast<QGridLayout*>(m_ports->layout());
    for (const QString& port : exposed) {
        if (forwardForExposedPort(port, suggestedHostPort(port)).isEmpty())
            continue; // not a port Berth can forward
        auto* box = new QCheckBox(tr("Forward %1 from host port").arg(port), m_ports);
        auto* host = new QSpinBox(m_ports);
        host->setRange(1, 65535);
        host->setValue(int(suggestedHostPort(port)));
        host->setEnabled(false);
        connect(box, &QCheckBox::toggled, host, &QSpinBox::setEnabled);
        const int row = int(m_portBoxes.size()) + 1; // under the "no ports" line, hidden then
        grid->addWidget(box, row, 0);
        grid->addWidget(host, row, 1);
        m_portBoxes << box;
        m_hostPorts << host;
        m_exposed << port;
    }
    m_noPorts->setVisible(m_portBoxes.isEmpty());
}

bool ImagePage::isComplete() const
{
    return m_known && !m_pull->isPulling() && m_pull->problem().isEmpty();
}

ImageChoices ImagePage::choices() const
{
    ImageChoices choices;
    choices.reference = m_pull->reference();
    choices.image = m_image;
    choices.entrypointLine = m_entrypoint->text();
    choices.commandLine = m_command->text();
    for (int row = 0; row < m_env->rowCount(); ++row) {
        const QString key = m_env->item(row, 0) ? m_env->item(row, 0)->text().trimmed() : QString();
        if (!key.isEmpty())
            choices.environment << key + QLatin1Char('=') +
                                       (m_env->item(row, 1) ? m_env->item(row, 1)->text() : QString());
    }
    choices.workingDir = m_workingDir->text();
    choices.user = m_user->text();
    for (qsizetype i = 0; i < m_portBoxes.size(); ++i) {
        if (m_portBoxes[i]->isChecked())
            choices.forwards << forwardForExposedPort(m_exposed[i], uint(m_hostPorts[i]->value()));
    }
    return choices;
}

} // namespace berth::gui
