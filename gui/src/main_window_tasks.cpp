// The main window's background work: the task list and its status-bar
// button, what a task's end says, and quitting while tasks run (they live
// in the helper: the window may go, the job goes on unless cancelled).
#include "main_window.h"

#include "task_button.h"
#include "task_list.h"

#include <QCloseEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace berth::gui {

void MainWindow::createTaskList()
{
    m_tasks = new TaskList(this);
    statusBar()->addPermanentWidget(new TaskButton(*m_tasks, this));
    // The work's own window may have closed: its end is told here.
    connect(m_tasks, &TaskList::taskEnded, this,
            [this](const QString&, bool, const QString& text) { statusBar()->showMessage(text); });
}

bool MainWindow::mayQuit()
{
    const int running = m_tasks->count();
    if (running == 0)
        return true;
    QuitChoice choice = QuitChoice::Stay;
    if (m_askQuit) {
        choice = m_askQuit(running);
    } else {
        QMessageBox box(QMessageBox::Question, tr("Quit Berth"),
                        running == 1 ? tr("A task is still running in the Berth helper. It can go on without "
                                          "this window, or be cancelled.")
                                     : tr("%1 tasks are still running in the Berth helper. They can go on without "
                                          "this window, or be cancelled.")
                                           .arg(running),
                        QMessageBox::NoButton, this);
        QPushButton* keep = box.addButton(tr("Keep Running in Background"), QMessageBox::AcceptRole);
        QPushButton* cancel = box.addButton(tr("Cancel Tasks and Quit"), QMessageBox::DestructiveRole);
        box.addButton(tr("Stay"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.exec();
        choice = box.clickedButton() == keep     ? QuitChoice::KeepRunning
                 : box.clickedButton() == cancel ? QuitChoice::CancelThem
                                                 : QuitChoice::Stay;
    }
    if (choice == QuitChoice::CancelThem)
        m_tasks->cancelAll();
    return choice != QuitChoice::Stay;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!mayQuit()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace berth::gui
