// The New container wizard's pages against the fake source (recorded
// templates, containers and bridges): the pages show what the helper
// offers, the option page has the editor each option type calls for, names
// and forwards are checked as entered, the Network page offers the
// settings' default bridge first and checks a static address as typed
// (which ends up in the container's config), and the wizard driven page by
// page sends exactly the expected create request.
#include "icons.h"
#include "wizard_fixture.h"

class TestNewContainerWizard : public WizardFixture {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { isolateSettings(); }
    void cleanup() { QSettings().remove(kSettingsKey); }

    void templateListComesFromTheSource()
    {
        QVERIFY(open());
        QListWidget* list = m_wizard->templatePage()->list();
        QStringList names;
        for (int row = 0; row < list->count(); ++row)
            names << list->item(row)->data(Qt::UserRole).toString();
        QCOMPARE(names, (QStringList{"busybox", "debian", "ubuntu", "tarball", "oci", "clone", "lxc-import"}));
        QVERIFY(list->item(1)->text().startsWith(QStringLiteral("Debian\n")));
        QVERIFY(list->item(1)->text().contains(QStringLiteral("debootstrap")));
        // The first is chosen to begin with.
        QCOMPARE(m_wizard->templatePage()->chosen()->name, QStringLiteral("busybox"));
        QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(m_wizard->templatePage()->choose(QStringLiteral("debian")));
        QCOMPARE(m_wizard->templatePage()->chosen()->name, QStringLiteral("debian"));
        QVERIFY(!m_wizard->templatePage()->choose(QStringLiteral("nonexistent")));
    }

    // Each template with Berth's own picture of it.
    void templatesHaveTheirIcons()
    {
        QVERIFY(open());
        QListWidget* list = m_wizard->templatePage()->list();
        for (int row = 0; row < list->count(); ++row) {
            const QString name = list->item(row)->data(Qt::UserRole).toString();
            QCOMPARE(list->item(row)->icon().pixmap(24, 24).toImage(),
                     berth::gui::templateIcon(name).pixmap(24, 24).toImage());
        }
    }

    void optionEditors_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("editorClass");
        QTest::addColumn<QString>("value"); // what it offers before anyone edits it
        QTest::newRow("debian release") << "debian"
                                        << "release"
                                        << "QComboBox"
                                        << "bookworm";
        QTest::newRow("debian variant") << "debian"
                                        << "variant"
                                        << "QComboBox"
                                        << "minbase";
        QTest::newRow("debian mirror") << "debian"
                                       << "mirror"
                                       << "QLineEdit"
                                       << "http://deb.debian.org/debian";
        QTest::newRow("debian packages") << "debian"
                                         << "packages"
                                         << "QLineEdit"
                                         << "";
        QTest::newRow("debian root password") << "debian"
                                              << "root-password"
                                              << "QLineEdit"
                                              << "";
        QTest::newRow("debian snapshot") << "debian"
                                         << "snapshot"
                                         << "QCheckBox"
                                         << "false";
        QTest::newRow("ubuntu release") << "ubuntu"
                                        << "release"
                                        << "QComboBox"
                                        << "jammy";
        QTest::newRow("oci image") << "oci"
                                   << "image"
                                   << "QLineEdit"
                                   << "";
        QTest::newRow("oci reference") << "oci"
                                       << "reference"
                                       << "QLineEdit"
                                       << "";
        QTest::newRow("tarball archive") << "tarball"
                                         << "archive"
                                         << "QLineEdit"
                                         << "";
        QTest::newRow("clone source") << "clone"
                                      << "source"
                                      << "QComboBox"
                                      << "app";
        QTest::newRow("clone snapshot") << "clone"
                                        << "snapshot"
                                        << "QCheckBox"
                                        << "false";
    }
    void optionEditors()
    {
        QFETCH(QString, templateName);
        QFETCH(QString, key);
        QFETCH(QString, editorClass);
        QFETCH(QString, value);
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(templateName));
        QVERIFY(pressNext(*m_wizard));
        auto* page = m_wizard->optionsPage();
        QWidget* editor = page->findChild<QWidget*>(key);
        QVERIFY(editor);
        QCOMPARE(QString::fromLatin1(editor->metaObject()->className()), editorClass);
        berth::gui::OptionField* field = page->field(key);
        QVERIFY(field);
        QTRY_COMPARE(field->value(), value); // the clone's containers arrive from the source
    }

    void debianOptionDetails()
    {
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(QStringLiteral("debian")));
        QVERIFY(pressNext(*m_wizard));
        auto* page = m_wizard->optionsPage();
        auto* release = page->findChild<QComboBox*>(QStringLiteral("release"));
        QCOMPARE(release->count(), 4);
        QCOMPARE(page->findChild<QLineEdit*>(QStringLiteral("root-password"))->echoMode(), QLineEdit::Password);
        QCOMPARE(page->fields().size(), 6);
        QVERIFY(!page->fileField());
        QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    }

    void optionsFollowTheTemplate()
    {
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(QStringLiteral("debian")));
        QVERIFY(pressNext(*m_wizard));
        m_wizard->optionsPage()->field(QStringLiteral("release"))->setValue(QStringLiteral("sid"));
        // Back and forth on the same template keeps what was entered.
        m_wizard->back();
        QVERIFY(pressNext(*m_wizard));
        QCOMPARE(m_wizard->optionsPage()->field(QStringLiteral("release"))->value(), QStringLiteral("sid"));
        // Another template, another form.
        m_wizard->back();
        QVERIFY(m_wizard->templatePage()->choose(QStringLiteral("ubuntu")));
        QVERIFY(pressNext(*m_wizard));
        QCOMPARE(m_wizard->optionsPage()->field(QStringLiteral("release"))->value(), QStringLiteral("jammy"));
        QCOMPARE(m_wizard->optionsPage()->findChildren<QComboBox*>(QStringLiteral("release")).size(), 1);
    }

    void busyboxHasNoOptions()
    {
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(QStringLiteral("busybox")));
        QVERIFY(pressNext(*m_wizard));
        QVERIFY(m_wizard->optionsPage()->fields().isEmpty());
        QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    }

    void fileOptionBrowse_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("browse"); // a file dialog
        QTest::addColumn<bool>("folder"); // a folder dialog
        QTest::newRow("oci: archive or layout") << "oci"
                                                << "image" << true << true;
        QTest::newRow("tarball: archive") << "tarball"
                                          << "archive" << true << false;
        QTest::newRow("lxc-import: directory") << "lxc-import"
                                               << "directory" << false << true;
    }
    void fileOptionBrowse()
    {
        QFETCH(QString, templateName);
        QFETCH(QString, key);
        QFETCH(bool, browse);
        QFETCH(bool, folder);
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(templateName));
        QVERIFY(pressNext(*m_wizard));
        auto* page = m_wizard->optionsPage();
        QVERIFY(page->fileField());
        QCOMPARE(page->fileField()->option().key, key);
        auto* browseButton = page->findChild<QPushButton*>(key + QStringLiteral("Browse"));
        QCOMPARE(browseButton != nullptr, browse);
        if (browseButton)
            QCOMPARE(browseButton->text(), QStringLiteral("Browse…"));
        QCOMPARE(page->findChild<QPushButton*>(key + QStringLiteral("Folder")) != nullptr, folder);
        // Required and not chosen yet.
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    }

    void fileKinds_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<bool>("directory");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("tarball takes a file") << "tarball" << false << true;
        QTest::newRow("tarball refuses a folder") << "tarball" << true << false;
        QTest::newRow("oci takes a file") << "oci" << false << true;
        QTest::newRow("oci takes a folder") << "oci" << true << true;
        QTest::newRow("lxc-import takes a folder") << "lxc-import" << true << true;
        QTest::newRow("lxc-import refuses a file") << "lxc-import" << false << false;
    }
    void fileKinds()
    {
        QFETCH(QString, templateName);
        QFETCH(bool, directory);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QTemporaryFile file;
        QVERIFY(file.open());
        const QString path = directory ? dir.path() : file.fileName();
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(templateName));
        QVERIFY(pressNext(*m_wizard));
        berth::gui::FileField* field = m_wizard->optionsPage()->fileField();
        QCOMPARE(field->setPath(path), accepted);
        QCOMPARE(field->fd() >= 0, accepted);
        QCOMPARE(field->problem().isEmpty(), accepted);
        QCOMPARE(m_wizard->button(QWizard::NextButton)->isEnabled(), accepted);
        if (accepted)
            QCOMPARE(fdTarget(field->fd()), QFileInfo(path).canonicalFilePath());
    }

    void missingFileIsRefused()
    {
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(QStringLiteral("tarball")));
        QVERIFY(pressNext(*m_wizard));
        berth::gui::FileField* field = m_wizard->optionsPage()->fileField();
        QVERIFY(!field->setPath(QStringLiteral("/nonexistent/rootfs.tar")));
        QVERIFY(field->problem().contains(QStringLiteral("/nonexistent/rootfs.tar")));
        QCOMPARE(field->fd(), -1);
    }

    void nameIsCheckedAsTyped_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("next");
        QTest::addColumn<QString>("reason");
        QTest::newRow("valid") << "box1" << true << "";
        QTest::newRow("taken") << "web" << false << "exists already";
        QTest::newRow("upper case") << "Box" << false << "lowercase";
        QTest::newRow("bad character") << "my box" << false << "contains ' '";
        QTest::newRow("too long") << QString(64, QLatin1Char('b')) << false << "longer than 63";
    }
    void nameIsCheckedAsTyped()
    {
        QFETCH(QString, name);
        QFETCH(bool, next);
        QFETCH(QString, reason);
        QVERIFY(open());
        QVERIFY(toNamePage(QStringLiteral("busybox")));
        auto* page = m_wizard->namePage();
        QTRY_VERIFY(page->validator().taken().contains(QStringLiteral("web")));
        // Typed key by key, as a person would: the validator lets each one through.
        QTest::keyClicks(page->nameEdit(), name);
        QCOMPARE(page->nameEdit()->text(), name);
        QCOMPARE(m_wizard->button(QWizard::NextButton)->isEnabled(), next);
        QCOMPARE(page->nameProblem()->text().isEmpty(), next);
        QVERIFY2(page->nameProblem()->text().contains(reason), qPrintable(page->nameProblem()->text()));
    }

    void kindStartsAtTheTemplatesDefault_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<QString>("kind");
        QTest::newRow("debian") << "debian"
                                << "system";
        QTest::newRow("oci") << "oci"
                             << "application";
    }
    void kindStartsAtTheTemplatesDefault()
    {
        QFETCH(QString, templateName);
        QFETCH(QString, kind);
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(templateName));
        QCOMPARE(berth::client::wireText(m_wizard->namePage()->kind()), kind);
        QCOMPARE(m_wizard->namePage()->commandEdit()->isEnabled(), kind == QLatin1String("application"));
        // Either kind is unprivileged unless asked for (issue #15): off by default, and said what it means.
        QVERIFY(!m_wizard->namePage()->privilegedBox()->isChecked());
        QVERIFY(m_wizard->namePage()->privilegedNote()->text().contains(QLatin1String("administrator")));
        QVERIFY(!m_wizard->plan().request.privileged);
    }

    void forwardsAreChecked()
    {
        QVERIFY(open());
        auto* page = m_wizard->networkPage();
        QCOMPARE(page->bridgeBox()->count(), 2);
        QCOMPARE(page->network(), QStringLiteral("berth0"));
        QVERIFY(page->addForward(QStringLiteral("tcp:8080:80")));
        QVERIFY(!page->addForward(QStringLiteral("tcp:8080:80")));
        QVERIFY(page->forwardProblem()->text().contains(QStringLiteral("already")));
        QVERIFY(!page->addForward(QStringLiteral("tcp:8080:0")));
        QVERIFY(page->forwardProblem()->text().contains(QStringLiteral("'tcp:8080:0' is not a port forward")));
        QCOMPARE(page->forwards(), QStringList{QStringLiteral("tcp:8080:80")});
        // Without a bridge there is nowhere to forward to.
        page->bridgeBox()->setCurrentIndex(0);
        QCOMPARE(page->network(), QString());
        QVERIFY(!page->forwardEdit()->isEnabled());
        QVERIFY(page->forwards().isEmpty());
    }

    void typedForwardIsAddedOnNext()
    {
        QVERIFY(open());
        QVERIFY(toNamePage(QStringLiteral("busybox")));
        m_wizard->namePage()->nameEdit()->setText(QStringLiteral("box1"));
        QVERIFY(pressNext(*m_wizard));
        auto* page = m_wizard->networkPage();
        page->forwardEdit()->setText(QStringLiteral("tcp:8080:99999"));
        QVERIFY(!pressNext(*m_wizard));
        QVERIFY(page->forwardProblem()->text().contains(QStringLiteral("'tcp:8080:99999' is not a port forward")));
        page->forwardEdit()->setText(QStringLiteral("tcp:8080:80"));
        QVERIFY(pressNext(*m_wizard));
        QCOMPARE(page->forwards(), QStringList{QStringLiteral("tcp:8080:80")});
        QVERIFY(page->forwardEdit()->text().isEmpty());
    }

    void defaultBridgeFromTheSettings_data()
    {
        QTest::addColumn<QString>("setting"); // empty: not set
        QTest::addColumn<QString>("chosen");
        QTest::newRow("not set: the first") << ""
                                            << "berth0";
        QTest::newRow("the settings' bridge") << "lab0"
                                              << "lab0";
        QTest::newRow("the first named") << "berth0"
                                         << "berth0";
        QTest::newRow("not listed by the helper: the first") << "gone0"
                                                             << "berth0";
    }
    void defaultBridgeFromTheSettings()
    {
        QFETCH(QString, setting);
        QFETCH(QString, chosen);
        if (!setting.isEmpty())
            QSettings().setValue(kSettingsKey, setting);
        QVERIFY(open(std::make_unique<FakeContainerSource>(),
                     {bridge(QStringLiteral("lab0"), QStringLiteral("10.0.4.1/24"))}));
        auto* page = m_wizard->networkPage();
        QCOMPARE(page->bridgeBox()->count(), 3);
        QCOMPARE(page->network(), chosen);
    }

    void staticAddressIsCheckedAsTyped_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("next");
        QTest::addColumn<QString>("reason");
        QTest::newRow("inside") << "10.0.3.20" << true << "";
        QTest::newRow("outside") << "10.0.4.20" << false << "not in the bridge's network 10.0.3.0/24";
        QTest::newRow("network") << "10.0.3.0" << false << "address of the network";
        QTest::newRow("broadcast") << "10.0.3.255" << false << "broadcast";
        QTest::newRow("bridge's own") << "10.0.3.1" << false << "bridge's own";
        QTest::newRow("malformed") << "10.0.3" << false << "not an IPv4 address";
        QTest::newRow("nothing typed") << "" << false << "Enter";
    }
    void staticAddressIsCheckedAsTyped()
    {
        QFETCH(QString, address);
        QFETCH(bool, next);
        QFETCH(QString, reason);
        QVERIFY(toNetworkPage());
        berth::gui::AddressChoice* choice = m_wizard->networkPage()->addressChoice();
        QVERIFY(choice->automaticButton()->isChecked());
        QVERIFY(!choice->addressEdit()->isEnabled());
        choice->staticButton()->click();
        QVERIFY(choice->addressEdit()->isEnabled());
        QTest::keyClicks(choice->addressEdit(), address);
        QCOMPARE(m_wizard->button(QWizard::NextButton)->isEnabled(), next);
        const QString problem = choice->problemLabel()->text();
        QCOMPARE(problem.isEmpty(), next);
        QVERIFY2(problem.contains(reason), qPrintable(problem));
        // Back to automatic, nothing typed counts.
        choice->automaticButton()->click();
        QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(choice->problemLabel()->text().isEmpty());
        QCOMPARE(m_wizard->networkPage()->staticAddress(), QString());
    }

    void addressFollowsTheBridge()
    {
        QVERIFY(open(std::make_unique<FakeContainerSource>(),
                     {bridge(QStringLiteral("lab0"), QStringLiteral("10.0.4.1/24"))}));
        auto* page = m_wizard->networkPage();
        page->addressChoice()->staticButton()->click();
        page->addressChoice()->addressEdit()->setText(QStringLiteral("10.0.4.20"));
        QVERIFY(!page->isComplete());
        page->bridgeBox()->setCurrentIndex(page->bridgeBox()->findData(QStringLiteral("lab0")));
        QVERIFY(page->isComplete());
        QCOMPARE(page->staticAddress(), QStringLiteral("10.0.4.20/24"));
        // Without a bridge there is no address to choose.
        page->bridgeBox()->setCurrentIndex(0);
        QVERIFY(!page->addressChoice()->isEnabled());
        QVERIFY(page->isComplete());
        QCOMPARE(page->staticAddress(), QString());
    }

    // Issue #19: "New Bridge…" beside the bridge choice opens the bridge
    // wizard; the bridge it creates is listed and chosen, its subnet the
    // address's.
    void newBridgeIsListedAndChosen()
    {
        QVERIFY(toNetworkPage());
        auto* page = m_wizard->networkPage();
        QVERIFY(page->newBridgeButton()->isVisible());
        page->newBridgeButton()->click();
        auto* bridgeWizard = page->findChild<berth::gui::BridgeWizard*>();
        QVERIFY(bridgeWizard);
        QVERIFY(bridgeWizard->isVisible());
        m_source->bridgeList << bridge(QStringLiteral("new0"), QStringLiteral("10.0.9.1/24"));
        Q_EMIT bridgeWizard->bridgeSaved(QStringLiteral("new0"));
        QTRY_COMPARE(page->network(), QStringLiteral("new0"));
        QCOMPARE(page->bridgeBox()->count(), 1 + int(m_source->bridgeList.size()));
        page->addressChoice()->staticButton()->click();
        page->addressChoice()->addressEdit()->setText(QStringLiteral("10.0.9.20"));
        QVERIFY(page->isComplete());
        QCOMPARE(page->staticAddress(), QStringLiteral("10.0.9.20/24"));
        bridgeWizard->close();
    }

    void staticAddressGoesWithTheCreate()
    {
        QVERIFY(toNetworkPage());
        m_source->configs.insert(QStringLiteral("box1"), kEngineConfig);
        berth::gui::AddressChoice* choice = m_wizard->networkPage()->addressChoice();
        choice->staticButton()->click();
        QTest::keyClicks(choice->addressEdit(), QStringLiteral("10.0.3.20"));
        QVERIFY(toProgress());
        QVERIFY(m_wizard->summaryPage()->text()->text().contains(QStringLiteral("10.0.3.20/24")));
        QVERIFY(finishCreate());
        // The address goes with the create (the engine writes the line); no config edit.
        QCOMPARE(m_source->actions, (QStringList{"create box1 address=10.0.3.20/24"}));
        QCOMPARE(m_source->configs.value(QStringLiteral("box1")), kEngineConfig);
        QVERIFY(m_wizard->progressPage()->message()->text().isEmpty());
    }

    void automaticLeavesTheConfigUntouched()
    {
        QVERIFY(toNetworkPage());
        m_source->configs.insert(QStringLiteral("box1"), kEngineConfig);
        QVERIFY(toProgress());
        QVERIFY(m_wizard->summaryPage()->text()->text().contains(QStringLiteral("automatic")));
        QVERIFY(finishCreate());
        QCOMPARE(m_source->actions, QStringList{QStringLiteral("create box1")});
        QCOMPARE(m_source->configs.value(QStringLiteral("box1")), kEngineConfig);
    }

    void refusedAddressCreatesNothing()
    {
        QVERIFY(toNetworkPage());
        berth::gui::AddressChoice* choice = m_wizard->networkPage()->addressChoice();
        choice->staticButton()->click();
        choice->addressEdit()->setText(QStringLiteral("10.0.3.20"));
        QVERIFY(toProgress());
        QPushButton* cancel = m_wizard->progressPage()->cancelButton();
        QVERIFY(QTest::qWaitFor([cancel] { return cancel->isEnabled(); }));
        Q_EMIT m_source->jobs.last()->finished(false, QStringLiteral("org.berth.Error.AlreadyExists"),
                                               QStringLiteral("address 10.0.3.20 is held by container 'web'"));
        ProgressPage* page = m_wizard->progressPage();
        QTRY_COMPARE(page->state(), ProgressPage::State::Failed);
        QCOMPARE(m_source->actions, (QStringList{"create box1 address=10.0.3.20/24"}));
        QCOMPARE(page->stepLabel()->text(), QStringLiteral("The container was not created."));
        QVERIFY(page->message()->text().contains(QStringLiteral("address 10.0.3.20 is held by container 'web'")));
        QVERIFY(m_wizard->createdName().isEmpty());
        QVERIFY(!page->startBox()->isVisible());
    }

    void debianRequest()
    {
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(QStringLiteral("debian")));
        QVERIFY(pressNext(*m_wizard));
        auto* options = m_wizard->optionsPage();
        options->field(QStringLiteral("release"))->setValue(QStringLiteral("trixie"));
        options->field(QStringLiteral("packages"))->setValue(QStringLiteral("vim, less"));
        options->field(QStringLiteral("root-password"))->setValue(QStringLiteral("s3cret"));
        options->field(QStringLiteral("snapshot"))->setValue(QStringLiteral("true"));
        QVERIFY(pressNext(*m_wizard));
        m_wizard->networkPage()->addForward(QStringLiteral("tcp:8080:80"));
        m_wizard->limitsPage()->slider(QStringLiteral("memory.max"))->setText(QStringLiteral("268435456"));
        m_wizard->limitsPage()->slider(QStringLiteral("pids.max"))->setText(QStringLiteral("100"));
        QVERIFY(nameToProgress(QStringLiteral("deb1")));
        QTRY_COMPARE(m_source->createRequests.size(), 1);
        const auto& request = m_source->createRequests.first();
        QCOMPARE(request.name, QStringLiteral("deb1"));
        QCOMPARE(request.templateName, QStringLiteral("debian"));
        const QMap<QString, QString> expected{
            {"release", "trixie"},     {"variant", "minbase"},      {"mirror", "http://deb.debian.org/debian"},
            {"packages", "vim, less"}, {"root-password", "s3cret"}, {"snapshot", "true"}};
        QCOMPARE(request.options, expected);
        QCOMPARE(berth::client::wireText(request.kind), QStringLiteral("system"));
        QCOMPARE(request.command, QStringList());
        QCOMPARE(request.network, QStringLiteral("berth0"));
        QCOMPARE(request.inputFd, -1);
        QVERIFY(!request.privileged);
        // The summary said what was sent, the secret not shown.
        const QString summary = m_wizard->summaryPage()->text()->text();
        QVERIFY(summary.contains(QStringLiteral("an unprivileged user on this computer")));
        QVERIFY(summary.contains(QStringLiteral("deb1")));
        QVERIFY(summary.contains(QStringLiteral("trixie")));
        QVERIFY(summary.contains(QStringLiteral("tcp:8080:80")));
        QVERIFY(summary.contains(QStringLiteral("256 MiB")));
        QVERIFY(!summary.contains(QStringLiteral("s3cret")));
    }

    // Ticking "Privileged container" asks for one, and the summary says what it means.
    void privilegedRequest()
    {
        QVERIFY(open());
        QVERIFY(toNamePage(QStringLiteral("busybox")));
        m_wizard->namePage()->privilegedBox()->setChecked(true);
        QVERIFY(nameToProgress(QStringLiteral("priv1")));
        QTRY_COMPARE(m_source->createRequests.size(), 1);
        QVERIFY(m_source->createRequests.first().privileged);
        QVERIFY(m_wizard->summaryPage()->text()->text().contains(QStringLiteral("root on this computer (privileged")));
    }

    void ociRequestWithFile()
    {
        QTemporaryFile image;
        QVERIFY(image.open());
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(QStringLiteral("oci")));
        QVERIFY(pressNext(*m_wizard));
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(m_wizard->optionsPage()->fileField()->setPath(image.fileName()));
        QVERIFY(pressNext(*m_wizard));
        m_wizard->namePage()->commandEdit()->setText(QStringLiteral("nginx -g \"daemon off;\""));
        QVERIFY(pressNext(*m_wizard) == false); // no name yet
        m_wizard->networkPage()->bridgeBox()->setCurrentIndex(0);
        QVERIFY(nameToProgress(QStringLiteral("web2")));
        QTRY_COMPARE(m_source->createRequests.size(), 1);
        const auto& request = m_source->createRequests.first();
        QCOMPARE(request.templateName, QStringLiteral("oci"));
        QCOMPARE(request.options, (QMap<QString, QString>())); // the file is no option; reference left empty
        QCOMPARE(berth::client::wireText(request.kind), QStringLiteral("application"));
        QCOMPARE(request.command, (QStringList{"nginx", "-g", "daemon off;"}));
        QCOMPARE(request.network, QString());
        QVERIFY(request.inputFd >= 0);
        QCOMPARE(fdTarget(request.inputFd), QFileInfo(image.fileName()).canonicalFilePath());
    }

    void cloneRequest()
    {
        QVERIFY(open());
        QVERIFY(m_wizard->templatePage()->choose(QStringLiteral("clone")));
        QVERIFY(pressNext(*m_wizard));
        auto* source = m_wizard->optionsPage()->findChild<QComboBox*>(QStringLiteral("source"));
        QTRY_COMPARE(source->count(), 3);
        m_wizard->optionsPage()->field(QStringLiteral("source"))->setValue(QStringLiteral("web"));
        QVERIFY(pressNext(*m_wizard));
        QVERIFY(nameToProgress(QStringLiteral("web-copy")));
        QTRY_COMPARE(m_source->createRequests.size(), 1);
        const auto& request = m_source->createRequests.first();
        QCOMPARE(request.templateName, QStringLiteral("clone"));
        QCOMPARE(request.options, (QMap<QString, QString>{{"source", "web"}, {"snapshot", "false"}}));
    }
};

QTEST_MAIN(TestNewContainerWizard)

#include "test_new_container_wizard.moc"
