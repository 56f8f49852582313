#include "confirm_action.h"

#include <QMessageBox>
#include <QPushButton>

#include <memory>

namespace berth::gui {

QMessageBox* confirmationBox(QWidget* parent, const QString& action, const QString& question)
{
    auto* box = new QMessageBox(QMessageBox::Question, action, question, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("confirmation"));
    box->addButton(action, QMessageBox::AcceptRole);
    // A slip of Enter must not destroy anything.
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setEscapeButton(box->button(QMessageBox::Cancel));
    return box;
}

bool confirmAction(QWidget* parent, const QString& action, const QString& question)
{
    const std::unique_ptr<QMessageBox> box(confirmationBox(parent, action, question));
    box->exec();
    // Escape and the window's close button click Cancel.
    return box->buttonRole(box->clickedButton()) == QMessageBox::AcceptRole;
}

} // namespace berth::gui
