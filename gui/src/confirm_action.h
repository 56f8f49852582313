// A confirmation whose buttons name the action ("Destroy Container",
// "Force Stop") instead of Yes/No, with Cancel the default and Escape.
#pragma once

#include <QString>

class QMessageBox;
class QWidget;

namespace berth::gui {

// The box, not yet shown: `action` is its title and its accept button.
[[nodiscard]] QMessageBox* confirmationBox(QWidget* parent, const QString& action, const QString& question);
// Shows that box; true if the action's button was pressed.
[[nodiscard]] bool confirmAction(QWidget* parent, const QString& action, const QString& question);

} // namespace berth::gui
