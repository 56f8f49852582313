// The banner for a user outside the managers' group (outsider.h): at the
// top of the window from the start, with what to do about it.
#include "main_window.h"

#include "outsider.h"

#include <QLabel>
#include <QToolBar>

namespace berth::gui {

void MainWindow::createOutsiderBanner()
{
    const QString text = outsiderText(currentUserName());
    if (text.isEmpty())
        return;
    addToolBarBreak();
    auto* banner = new QToolBar(tr("Password notice"), this);
    banner->setObjectName(QStringLiteral("outsiderBanner"));
    banner->setMovable(false);
    auto* label = new QLabel(text, banner);
    label->setObjectName(QStringLiteral("outsiderText"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setContentsMargins(6, 4, 6, 4);
    // The whole width: a toolbar gives a wrapping label only its hint.
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    banner->addWidget(label);
    addToolBar(Qt::TopToolBarArea, banner);
}

} // namespace berth::gui
