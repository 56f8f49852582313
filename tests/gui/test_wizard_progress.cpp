// The New container wizard's progress page against the fake source: it
// follows the create job to its end, cancels it (its own button, the
// wizard's Cancel, before the job has arrived), applies forwards and limits
// after success, and says why something failed.
#include "task_button.h"
#include "task_list.h"
#include "wizard_fixture.h"

#include <QMenu>
#include <QScrollBar>

using berth::gui::TaskButton;
using berth::gui::TaskList;

class TestWizardProgress : public WizardFixture {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { isolateSettings(); }
    void cleanup() { QSettings().remove(kSettingsKey); }

    void progressShowsStepsAndLog()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        ProgressPage* page = m_wizard->progressPage();
        Q_EMIT job->progressChanged(0.5, QStringLiteral("Copying busybox"));
        QCOMPARE(page->stepLabel()->text(), QStringLiteral("Copying busybox"));
        QCOMPARE(page->progressBar()->maximum(), 100);
        QCOMPARE(page->progressBar()->value(), 50);
        Q_EMIT job->progressChanged(-1, QStringLiteral("Writing the config"));
        QCOMPARE(page->progressBar()->maximum(), 0); // busy
        Q_EMIT job->logLine(QStringLiteral("installed 300 applets"));
        Q_EMIT job->logLine(QStringLiteral("wrote /etc/hostname"));
        QCOMPARE(page->log()->toPlainText(), QStringLiteral("installed 300 applets\nwrote /etc/hostname"));
        QVERIFY(page->log()->isReadOnly());
        // While it runs, neither Back nor Finish.
        QVERIFY(!m_wizard->button(QWizard::BackButton)->isEnabled());
        QVERIFY(!m_wizard->button(QWizard::FinishButton)->isEnabled());
    }

    void cancelButtonCancelsTheJob()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        QPushButton* cancel = m_wizard->progressPage()->cancelButton();
        QTRY_VERIFY(cancel->isEnabled());
        cancel->click();
        QCOMPARE(job->cancelCalls, 1);
        QVERIFY(!cancel->isEnabled());
        // Asked once is enough; the job's end still follows.
        m_wizard->button(QWizard::CancelButton)->click();
        QCOMPARE(job->cancelCalls, 1);
        QVERIFY(m_wizard->isVisible());
    }

    void cancelBeforeTheJobArrives()
    {
        QVERIFY(open());
        QVERIFY(toNamePage(QStringLiteral("busybox")));
        QVERIFY(nameToProgress(QStringLiteral("box1")));
        // The source has not answered yet: the wish is kept for the job.
        QVERIFY(m_source->jobs.size() == 1 && !m_wizard->progressPage()->cancelButton()->isEnabled());
        m_wizard->button(QWizard::CancelButton)->click();
        QVERIFY(m_wizard->isVisible());
        QTRY_COMPARE(m_source->jobs.last()->cancelCalls, 1);
    }

    void wizardCancelCancelsTheJob()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        m_wizard->button(QWizard::CancelButton)->click();
        QCOMPARE(job->cancelCalls, 1);
        QVERIFY(m_wizard->isVisible()); // stays to show how the job ended
        Q_EMIT job->finished(false, QStringLiteral("org.berth.Error.Cancelled"), QStringLiteral("cancelled"));
        QTRY_COMPARE(m_wizard->progressPage()->state(), ProgressPage::State::Failed);
        m_wizard->button(QWizard::CancelButton)->click();
        QVERIFY(!m_wizard->isVisible());
        QCOMPARE(job->cancelCalls, 1);
    }

    // Issue #19 "never trapped": a cancel the helper does not honour in
    // time is given up on; the page says so and Cancel closes the wizard.
    void unansweredCancelLetsTheWizardClose()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        ProgressPage* page = m_wizard->progressPage();
        page->setCancelGrace(std::chrono::milliseconds(10));
        m_wizard->button(QWizard::CancelButton)->click();
        QCOMPARE(job->cancelCalls, 1);
        QVERIFY(m_wizard->isVisible());
        QTRY_VERIFY(page->cancelOverdue());
        QVERIFY2(page->stepLabel()->text().contains(QLatin1String("has not ended")),
                 qPrintable(page->stepLabel()->text()));
        m_wizard->button(QWizard::CancelButton)->click();
        QVERIFY(!m_wizard->isVisible());
    }

    // The watcher saw the helper leave the bus: the page says so, and
    // every way out works.
    void helperGoneEndsTheCreation()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        m_wizard->button(QWizard::CancelButton)->click(); // "Cancelling…"
        const auto gone = berth::client::helperGone();
        Q_EMIT job->finished(false, gone.name, gone.message);
        ProgressPage* page = m_wizard->progressPage();
        QTRY_COMPARE(page->state(), ProgressPage::State::Failed);
        QCOMPARE(page->stepLabel()->text(), QStringLiteral("The container was not created."));
        QVERIFY2(page->message()->text().contains(QLatin1String("the Berth helper stopped")),
                 qPrintable(page->message()->text()));
        QTest::keyClick(m_wizard.get(), Qt::Key_Escape);
        QVERIFY(!m_wizard->isVisible());
    }

    // The creation log follows its end, unless the user scrolled up.
    void logFollowsItsEnd()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        QScrollBar* bar = m_wizard->progressPage()->log()->verticalScrollBar();
        const QString longLine =
            QStringLiteral("I: Retrieving and validating the packages of the base system ").repeated(3);
        for (int i = 0; i < 300; ++i)
            Q_EMIT job->logLine(QStringLiteral("%1 %2").arg(i).arg(longLine));
        QTRY_VERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        bar->setValue(0);
        for (int i = 0; i < 20; ++i)
            Q_EMIT job->logLine(longLine);
        QCOMPARE(bar->value(), 0); // reading: left where it was
        bar->setValue(bar->maximum());
        Q_EMIT job->logLine(longLine);
        QCOMPARE(bar->value(), bar->maximum());
    }

    // Closing while creating, with a task list: the job goes on there,
    // with its progress, until it ends.
    void closeKeepsTheCreationInTheTaskList()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        TaskList tasks;
        TaskButton button(tasks);
        m_wizard->setTaskList(&tasks);
        m_wizard->setCloseAsker([] { return NewContainerWizard::CloseChoice::Background; });
        QVERIFY(button.isHidden());
        m_wizard->button(QWizard::CancelButton)->click();
        QVERIFY(!m_wizard->isVisible());
        QCOMPARE(job->cancelCalls, 0);
        QCOMPARE(tasks.count(), 1);
        QCOMPARE(tasks.tasks().at(0).title, QStringLiteral("Creating 'box1'"));
        QVERIFY(!button.isHidden());
        QCOMPARE(button.text(), QStringLiteral("1 task running"));
        m_wizard.reset(); // the window is gone, the job is not
        Q_EMIT job->progressChanged(0.25, QStringLiteral("Copying busybox"));
        QCOMPARE(tasks.tasks().at(0).progress, QStringLiteral("Copying busybox (25 %)"));
        // The menu's Cancel reaches the job.
        Q_EMIT button.taskMenu()->aboutToShow();
        QList<QAction*> actions = button.taskMenu()->actions();
        QCOMPARE(actions.size(), 2);
        QVERIFY(actions.at(0)->text().contains(QLatin1String("Copying busybox")));
        actions.at(1)->trigger();
        QCOMPARE(job->cancelCalls, 1);
        QSignalSpy ended(&tasks, &TaskList::taskEnded);
        Q_EMIT job->finished(false, QStringLiteral("org.berth.Error.Failed"),
                             QStringLiteral("create 'box1': cancelled"));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(2).toString(), QStringLiteral("Could not create 'box1': cancelled"));
        QCOMPARE(tasks.count(), 0);
        QVERIFY(button.isHidden());
    }

    void closeCanCancelOrStay()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        TaskList tasks;
        m_wizard->setTaskList(&tasks);
        m_wizard->setCloseAsker([] { return NewContainerWizard::CloseChoice::Stay; });
        m_wizard->button(QWizard::CancelButton)->click();
        QVERIFY(m_wizard->isVisible());
        QCOMPARE(job->cancelCalls, 0);
        m_wizard->setCloseAsker([] { return NewContainerWizard::CloseChoice::CancelJob; });
        m_wizard->button(QWizard::CancelButton)->click();
        QVERIFY(m_wizard->isVisible());
        QCOMPARE(job->cancelCalls, 1);
        QCOMPARE(tasks.count(), 0);
    }

    void successIsOneCreateWithTheSetup()
    {
        QVERIFY(open());
        QVERIFY(toNamePage(QStringLiteral("busybox")));
        QVERIFY(m_wizard->networkPage()->addForward(QStringLiteral("tcp:8080:80")));
        QVERIFY(m_wizard->networkPage()->addForward(QStringLiteral("udp:5353:53")));
        m_wizard->limitsPage()->slider(QStringLiteral("memory.max"))->setText(QStringLiteral("268435456"));
        m_wizard->limitsPage()->slider(QStringLiteral("cpu.max"))->setText(QStringLiteral("1.5"));
        QVERIFY(nameToProgress(QStringLiteral("box1")));
        QTRY_VERIFY(m_wizard->progressPage()->cancelButton()->isEnabled());
        QVERIFY(m_wizard->createdName().isEmpty());
        Q_EMIT m_source->jobs.last()->finished(true, QString(), QString());
        QTRY_COMPARE(m_wizard->progressPage()->state(), ProgressPage::State::Succeeded);
        // One call: the forwards and limits travel in the create's setup.
        QCOMPARE(m_source->actions, (QStringList{"create box1 forwards=tcp:8080:80,udp:5353:53 "
                                                 "limits=cpu.max=1.5,memory.max=268435456"}));
        QCOMPARE(m_wizard->createdName(), QStringLiteral("box1"));
        QVERIFY(m_wizard->progressPage()->startBox()->isVisible());
        QVERIFY(m_wizard->progressPage()->startBox()->isChecked());
        m_wizard->progressPage()->terminalBox()->setChecked(true);
        QVERIFY(!m_wizard->button(QWizard::BackButton)->isEnabled());
        QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY(!m_wizard->startRequested()); // not before Finish
        m_wizard->button(QWizard::FinishButton)->click();
        QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
        QVERIFY(m_wizard->startRequested());
        QVERIFY(m_wizard->terminalRequested());
    }

    void cancelAfterSuccessRequestsNothing()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        Q_EMIT job->finished(true, QString(), QString());
        QTRY_COMPARE(m_wizard->progressPage()->state(), ProgressPage::State::Succeeded);
        m_wizard->button(QWizard::CancelButton)->click();
        QVERIFY(!m_wizard->isVisible());
        QCOMPARE(m_wizard->createdName(), QStringLiteral("box1"));
        QVERIFY(!m_wizard->startRequested());
    }

    void refusedSetupCreatesNothing()
    {
        QVERIFY(open());
        QVERIFY(toNamePage(QStringLiteral("busybox")));
        m_wizard->limitsPage()->slider(QStringLiteral("memory.max"))->setText(QStringLiteral("1048576"));
        QVERIFY(nameToProgress(QStringLiteral("box1")));
        QTRY_VERIFY(m_wizard->progressPage()->cancelButton()->isEnabled());
        Q_EMIT m_source->jobs.last()->finished(false, QStringLiteral("org.berth.Error.InvalidArgument"),
                                               QStringLiteral("memory.max below the minimum"));
        ProgressPage* page = m_wizard->progressPage();
        QTRY_COMPARE(page->state(), ProgressPage::State::Failed);
        QCOMPARE(m_source->actions, (QStringList{"create box1 limits=memory.max=1048576"}));
        QCOMPARE(page->stepLabel()->text(), QStringLiteral("The container was not created."));
        QVERIFY(m_wizard->createdName().isEmpty());
        QVERIFY(!page->startBox()->isVisible());
    }

    void successWithoutExtras()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        Q_EMIT job->finished(true, QString(), QString());
        QTRY_COMPARE(m_wizard->progressPage()->state(), ProgressPage::State::Succeeded);
        QCOMPARE(m_source->actions, QStringList{QStringLiteral("create box1")});
    }

    void failureShowsTheMessageAndAllowsBack()
    {
        auto* job = startBusyboxJob();
        QVERIFY(job);
        Q_EMIT job->finished(false, QStringLiteral("org.berth.Error.Failed"),
                             QStringLiteral("no busybox-static on the host"));
        ProgressPage* page = m_wizard->progressPage();
        QTRY_COMPARE(page->state(), ProgressPage::State::Failed);
        QCOMPARE(page->message()->text(), QStringLiteral("Could not create 'box1': no busybox-static on the host"));
        QVERIFY(m_wizard->createdName().isEmpty());
        QVERIFY(!m_wizard->startRequested());
        QVERIFY(!page->startBox()->isVisible());
        QVERIFY(!m_wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY(m_wizard->button(QWizard::BackButton)->isEnabled());
        // Back, a new name, and a second attempt.
        m_wizard->back();
        QCOMPARE(m_wizard->currentId(), int(NewContainerWizard::SummaryPageId));
        m_wizard->back();
        m_wizard->back();
        m_wizard->back();
        QCOMPARE(m_wizard->currentId(), int(NewContainerWizard::NamePageId));
        QVERIFY(nameToProgress(QStringLiteral("box2")));
        QTRY_COMPARE(m_source->createRequests.size(), 2);
        QCOMPARE(m_source->createRequests.last().name, QStringLiteral("box2"));
        QVERIFY(page->message()->text().isEmpty());
    }

    void refusedCreateShowsTheMessage()
    {
        QVERIFY(open());
        m_source->actionError =
            berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"), QStringLiteral("denied"));
        QVERIFY(toNamePage(QStringLiteral("busybox")));
        QVERIFY(nameToProgress(QStringLiteral("box1")));
        ProgressPage* page = m_wizard->progressPage();
        QTRY_COMPARE(page->state(), ProgressPage::State::Failed);
        QCOMPARE(page->message()->text(), QStringLiteral("You are not allowed to create 'box1'."));
        QVERIFY(m_source->jobs.isEmpty());
        QVERIFY(m_wizard->button(QWizard::BackButton)->isEnabled());
    }
};

QTEST_MAIN(TestWizardProgress)

#include "test_wizard_progress.moc"
