#include "welcome_page.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace berth::gui {

WelcomePage::WelcomePage(QAction* create, QWidget* parent) : QWidget(parent)
{
    auto* title = new QLabel(tr("<h2>No containers yet</h2>"), this);
    auto* text =
        new QLabel(tr("Berth runs Linux containers on this computer: whole systems such as Debian or Ubuntu that boot "
                      "their own init, or a single application. Each container can have its own network address, "
                      "and you decide how much memory and CPU it may use — and change that while it runs.<br><br>"
                      "Start with a container from a template: Berth downloads or builds its files, and you can open a "
                      "terminal in it as soon as it runs."),
                   this);
    text->setObjectName(QStringLiteral("welcomeText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    m_create = new QPushButton(create->icon(), tr("Create your first container…"), this);
    m_create->setObjectName(QStringLiteral("createFirstButton"));
    m_create->setDefault(true);
    QFont larger = m_create->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    m_create->setFont(larger);
    connect(m_create, &QPushButton::clicked, create, &QAction::trigger);
    auto* hint = new QLabel(tr("Bridges (private networks for your containers) are in Network → Networks…; "
                               "the manual is in Help."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto* column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(text);
    column->addSpacing(text->fontMetrics().height());
    column->addWidget(m_create, 0, Qt::AlignLeft);
    column->addSpacing(text->fontMetrics().height());
    column->addWidget(hint);
    // A readable measure, centred, as GNOME Boxes' and Podman Desktop's empty pages.
    auto* content = new QWidget(this);
    content->setLayout(column);
    content->setMaximumWidth(text->fontMetrics().averageCharWidth() * 70);
    content->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    // Stretches beside it, not an alignment: wrapped labels then get their
    // full width and the height that width needs.
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(content, 6);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

} // namespace berth::gui
