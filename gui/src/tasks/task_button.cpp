#include "task_button.h"

#include "task_list.h"

#include <QMenu>

namespace berth::gui {

TaskButton::TaskButton(TaskList& tasks, QWidget* parent) : QToolButton(parent), m_tasks(tasks)
{
    setObjectName(QStringLiteral("taskButton"));
    setAutoRaise(true);
    setPopupMode(QToolButton::InstantPopup);
    m_menu = new QMenu(this);
    setMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &TaskButton::fillMenu);
    connect(&m_tasks, &TaskList::changed, this, &TaskButton::update);
    update();
}

void TaskButton::update()
{
    // No English plural file: the two English forms spelled here.
    setText(m_tasks.count() == 1 ? tr("1 task running") : tr("%1 tasks running").arg(m_tasks.count()));
    setVisible(m_tasks.count() > 0);
    const QString details = [this] {
        QStringList lines;
        for (const auto& task : m_tasks.tasks())
            lines << tr("%1: %2").arg(task.title, task.progress);
        return lines.join(QLatin1Char('\n'));
    }();
    setToolTip(details);
    setAccessibleDescription(details);
    if (m_menu->isVisible())
        fillMenu();
}

// Each task: its title and progress (not clickable), then its Cancel.
void TaskButton::fillMenu()
{
    m_menu->clear();
    const auto& tasks = m_tasks.tasks();
    for (int i = 0; i < tasks.size(); ++i) {
        if (i > 0)
            m_menu->addSeparator();
        m_menu->addAction(tr("%1: %2").arg(tasks.at(i).title, tasks.at(i).progress))->setEnabled(false);
        QAction* cancel = m_menu->addAction(tr("Cancel This Task"));
        connect(cancel, &QAction::triggered, &m_tasks, [this, i] { m_tasks.cancel(i); });
    }
}

} // namespace berth::gui
