// What the New container wizard's tests share: a wizard on the fake source
// (recorded containers, templates and bridges), driven page by page as a
// person would, and fakes that refuse one call.
#pragma once

#include "address_choice.h"
#include "bridge_wizard.h"
#include "container_name_validator.h"
#include "fake_container_source.h"
#include "file_field.h"
#include "limit_slider.h"
#include "limits_page.h"
#include "name_page.h"
#include "network_page.h"
#include "new_container_wizard.h"
#include "option_field.h"
#include "options_page.h"
#include "progress_page.h"
#include "summary_page.h"
#include "template_page.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QtTest>

#include <memory>

using berth::gui::NewContainerWizard;
using berth::gui::ProgressPage;
using berth::test::FakeContainerSource;

namespace wizard_test {

const QString kFixtures = QStringLiteral(BERTH_GUI_FIXTURES);

// The path an open descriptor refers to.
QString fdTarget(int fd)
{
    return QFileInfo(QStringLiteral("/proc/self/fd/%1").arg(fd)).symLinkTarget();
}

// Next (or Create on a commit page), as a person would press it: nothing
// happens when the button is disabled.
bool pressNext(QWizard& wizard)
{
    QAbstractButton* button = wizard.button(QWizard::NextButton);
    if (!button->isVisible())
        button = wizard.button(QWizard::CommitButton);
    if (!button->isVisible() || !button->isEnabled())
        return false;
    const int before = wizard.currentId();
    button->click();
    return wizard.currentId() != before;
}

const QString kSettingsKey = QStringLiteral("network/defaultBridge");

// The config the engine writes for a busybox container on berth0
// (engine/src/core/new_container_config.cpp).
const QString kEngineConfig = QStringLiteral("lxc.uts.name = box1\n"
                                             "lxc.net.0.type = veth\n"
                                             "lxc.net.0.link = berth0\n"
                                             "lxc.net.0.name = eth0\n"
                                             "lxc.net.0.flags = up\n");

berth::client::Bridge bridge(const QString& name, const QString& address)
{
    berth::client::Bridge b;
    b.name = name;
    b.address = address;
    return b;
}

} // namespace wizard_test

using namespace wizard_test;

// The wizard and its source, and the steps that take it to a page.
class WizardFixture : public QObject {
protected:
    std::unique_ptr<FakeContainerSource> m_source;
    std::unique_ptr<NewContainerWizard> m_wizard;

    // A wizard on a fresh source, its template list and bridges (and
    // `moreBridges` after the recorded one) loaded.
    bool open(std::unique_ptr<FakeContainerSource> source = std::make_unique<FakeContainerSource>(),
              const QList<berth::client::Bridge>& moreBridges = {})
    {
        m_wizard.reset();
        m_source = std::move(source);
        if (!m_source->load(kFixtures + QStringLiteral("/three_containers.json")))
            return false;
        m_source->load(kFixtures + QStringLiteral("/templates.json"));
        if (m_source->templateList.size() != 7 || m_source->bridgeList.isEmpty())
            return false;
        m_source->bridgeList << moreBridges;
        m_wizard = std::make_unique<NewContainerWizard>(*m_source);
        QSignalSpy bridges(m_wizard->networkPage(), &berth::gui::NetworkPage::bridgesLoaded);
        m_wizard->show();
        return bridges.wait() && m_wizard->templatePage()->list()->count() == 7;
    }

    // From the template page to the name page with `templateName` chosen.
    bool toNamePage(const QString& templateName)
    {
        if (!m_wizard->templatePage()->choose(templateName) || !pressNext(*m_wizard))
            return false;
        return pressNext(*m_wizard) && m_wizard->currentId() == NewContainerWizard::NamePageId;
    }

    // From the name page to the progress page, the create request sent.
    bool nameToProgress(const QString& name)
    {
        m_wizard->namePage()->nameEdit()->setText(name);
        for (int page = NewContainerWizard::NamePageId; page < NewContainerWizard::ProgressPageId; ++page) {
            if (!pressNext(*m_wizard))
                return false;
        }
        return m_wizard->currentId() == NewContainerWizard::ProgressPageId;
    }

    // On to the progress page from wherever the wizard is.
    bool toProgress()
    {
        while (m_wizard->currentId() != NewContainerWizard::ProgressPageId) {
            if (!pressNext(*m_wizard))
                return false;
        }
        return true;
    }

    // A busybox container "box1" on the Network page.
    bool toNetworkPage()
    {
        if (!open() || !toNamePage(QStringLiteral("busybox")))
            return false;
        m_wizard->namePage()->nameEdit()->setText(QStringLiteral("box1"));
        return pressNext(*m_wizard) && m_wizard->currentId() == NewContainerWizard::NetworkPageId;
    }

    // The create job of the wizard's container ends well; true once the
    // progress page has applied the rest.
    bool finishCreate()
    {
        QPushButton* cancel = m_wizard->progressPage()->cancelButton();
        if (!QTest::qWaitFor([cancel] { return cancel->isEnabled(); }))
            return false;
        Q_EMIT m_source->jobs.last()->finished(true, QString(), QString());
        ProgressPage* page = m_wizard->progressPage();
        return QTest::qWaitFor([page] { return page->state() == ProgressPage::State::Succeeded; });
    }

    // A busybox container "box1" whose job has started.
    berth::test::FakeJobHandle* startBusyboxJob()
    {
        if (!open() || !toNamePage(QStringLiteral("busybox")) || !nameToProgress(QStringLiteral("box1")))
            return nullptr;
        // The job is followed once the source's answer has arrived.
        QPushButton* cancel = m_wizard->progressPage()->cancelButton();
        if (!QTest::qWaitFor([cancel] { return cancel->isEnabled(); }))
            return nullptr;
        return m_source->jobs.last();
    }

    // The default bridge is read from QSettings: a place of the test's own.
    static void isolateSettings()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(kSettingsKey);
    }
};
