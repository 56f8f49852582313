// The banner for a user outside the managers' group (outsider.h): at the
// top of the window from the start, with what to do about it.
#include "main_window.h"

#include "outsider.h"

#include <QLabel>
#include <QVBoxLayout>

namespace berth::gui {

// Above the central widget (the list or the helper-missing page), as wide
// as the window so it wraps to two or three lines.
void MainWindow::createOutsiderBanner()
{
    const QString text = outsiderText(currentUserName());
    if (text.isEmpty())
        return;
    auto* label = new QLabel(text);
    label->setObjectName(QStringLiteral("outsiderText"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(6);
    auto* frame = new QWidget(this);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(takeCentralWidget(), 1);
    setCentralWidget(frame);
}

} // namespace berth::gui
