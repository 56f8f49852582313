// The status bar's "1 task running" button: hidden with no tasks; its menu
// lists each task with its progress and a Cancel.
#pragma once

#include <QToolButton>

class QMenu;

namespace berth::gui {

class TaskList;

class TaskButton : public QToolButton {
    Q_OBJECT
public:
    explicit TaskButton(TaskList& tasks, QWidget* parent = nullptr);

    [[nodiscard]] QMenu* taskMenu() const { return m_menu; }

private:
    void update();
    void fillMenu();

    TaskList& m_tasks;
    QMenu* m_menu = nullptr;
};

} // namespace berth::gui
