// What an empty install shows instead of a blank table: what Berth does,
// in a few plain sentences, and one clear first step ("Create your first
// container", the New action).
#pragma once

#include <QWidget>

class QAction;
class QPushButton;

namespace berth::gui {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    // The button triggers `create` (the window's New action).
    explicit WelcomePage(QAction* create, QWidget* parent = nullptr);

    [[nodiscard]] QPushButton* createButton() const { return m_create; }

private:
    QPushButton* m_create = nullptr;
};

} // namespace berth::gui
