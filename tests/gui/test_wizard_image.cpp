// "From an image" in the New container wizard: the image template leads to
// the image page; a reference in the store pre-fills the command,
// environment, working directory, user and exposed ports from GetImage;
// one that is not is pulled there with per-layer progress; and the create
// call carries what was edited (and only that).
#include "image_page.h"
#include "layer_progress_list.h"
#include "pull_panel.h"
#include "wizard_fixture.h"

#include <QTableWidget>

using berth::gui::ImageChoices;
using berth::gui::ImagePage;

namespace {

const QString kLayer = QStringLiteral("sha256:aaaa1111bbbb2222cccc3333dddd4444eeee5555ffff6666aaaa7777bbbb8888");

berth::client::TemplateInfo imageTemplate()
{
    berth::client::TemplateInfo info;
    info.name = QStringLiteral("image");
    info.label = QStringLiteral("Image");
    info.description = QStringLiteral("An image pulled from a registry");
    info.defaultKind = berth::model::ContainerKind::Application;
    berth::client::TemplateOption reference;
    reference.key = QStringLiteral("reference");
    reference.type = QStringLiteral("string");
    reference.label = QStringLiteral("Image");
    reference.required = true;
    info.options << reference;
    return info;
}

} // namespace

class TestWizardImage : public WizardFixture {
    Q_OBJECT
private:
    // A wizard whose helper offers the image template and has the fixture's images.
    bool openWithImages()
    {
        m_wizard.reset();
        m_source = std::make_unique<FakeContainerSource>();
        if (!m_source->load(kFixtures + QStringLiteral("/three_containers.json")) ||
            !m_source->load(kFixtures + QStringLiteral("/templates.json")) ||
            !m_source->load(kFixtures + QStringLiteral("/images.json")))
            return false;
        m_source->templateList << imageTemplate();
        m_wizard = std::make_unique<NewContainerWizard>(*m_source);
        QSignalSpy bridges(m_wizard->networkPage(), &berth::gui::NetworkPage::bridgesLoaded);
        m_wizard->show();
        return bridges.wait();
    }

    ImagePage* toImagePage()
    {
        if (!openWithImages() || !m_wizard->templatePage()->choose(QStringLiteral("image")) || !pressNext(*m_wizard))
            return nullptr;
        return m_wizard->currentId() == NewContainerWizard::ImagePageId ? m_wizard->imagePage() : nullptr;
    }

    // Types `reference` and waits for the store's answer.
    static bool look(ImagePage* page, const QString& reference)
    {
        QSignalSpy looked(page, &ImagePage::imageLooked);
        page->pullPanel()->referenceEdit()->setText(reference);
        return looked.wait();
    }

private Q_SLOTS:
    void initTestCase() { isolateSettings(); }

    void imageInTheStorePreFillsThePage()
    {
        ImagePage* page = toImagePage();
        QVERIFY(page);
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(look(page, QStringLiteral("nginx:1.27")));
        QVERIFY(page->storeState()->text().contains(QStringLiteral("is in the store")));
        QCOMPARE(page->entrypointEdit()->text(), QStringLiteral("/docker-entrypoint.sh"));
        QCOMPARE(page->commandEdit()->text(), QStringLiteral("nginx -g \"daemon off;\""));
        QCOMPARE(page->environmentTable()->rowCount(), 2);
        QCOMPARE(page->environmentTable()->item(1, 0)->text(), QStringLiteral("NGINX_VERSION"));
        QCOMPARE(page->environmentTable()->item(1, 1)->text(), QStringLiteral("1.27.3"));
        QCOMPARE(page->workingDirEdit()->text(), QStringLiteral("/usr/share/nginx/html"));
        QCOMPARE(page->userEdit()->text(), QString());
        // Each exposed port offered as a forward, off until ticked; the
        // host port above 1024.
        QCOMPARE(page->portBoxes().size(), 3);
        QVERIFY(page->portBoxes().at(0)->text().contains(QStringLiteral("80/tcp")));
        QVERIFY(!page->portBoxes().at(0)->isChecked());
        QCOMPARE(page->hostPorts().at(0)->value(), 8080);
        QCOMPARE(page->hostPorts().at(1)->value(), 8443);
        QCOMPARE(page->hostPorts().at(2)->value(), 8053);
        QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
        // Another reference empties the page until the store answers again.
        page->pullPanel()->referenceEdit()->setText(QStringLiteral("Nginx"));
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    }

    void imageNotInTheStoreIsPulledOnThePage()
    {
        ImagePage* page = toImagePage();
        QVERIFY(page);
        QVERIFY(look(page, QStringLiteral("alpine:3.20")));
        QVERIFY(page->storeState()->text().contains(QStringLiteral("not in the store")));
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        page->pullPanel()->pullButton()->click();
        QTRY_VERIFY(!m_source->jobs.isEmpty() && m_source->jobs.last()->isFollowed());
        QCOMPARE(m_source->actions.last(), QStringLiteral("pull alpine:3.20"));
        auto* job = m_source->jobs.last();
        Q_EMIT job->itemProgress(kLayer, QStringLiteral("downloading"), 512, 1024);
        QCOMPARE(page->pullPanel()->layers()->bar(kLayer)->value(), 500);
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        // The helper now has it.
        berth::gui::ImageInfo alpine;
        alpine.id = QStringLiteral("sha256:") + QString(64, QLatin1Char('c'));
        alpine.names = {QStringLiteral("docker.io/library/alpine:3.20")};
        alpine.cmd = {QStringLiteral("/bin/sh")};
        m_source->imageList << alpine;
        QSignalSpy looked(page, &ImagePage::imageLooked);
        Q_EMIT job->finished(true, QString(), QString());
        QVERIFY(looked.wait());
        QCOMPARE(page->commandEdit()->text(), QStringLiteral("/bin/sh"));
        QVERIFY(page->portBoxes().isEmpty());
        QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    }

    void createCarriesWhatWasEdited()
    {
        ImagePage* page = toImagePage();
        QVERIFY(page);
        QVERIFY(look(page, QStringLiteral("nginx:1.27")));
        page->commandEdit()->setText(QStringLiteral("nginx -T"));
        page->addEnvironmentRow(QStringLiteral("FOO"), QStringLiteral("bar baz"));
        page->workingDirEdit()->setText(QStringLiteral("/srv"));
        page->userEdit()->setText(QStringLiteral("101"));
        page->portBoxes().at(0)->setChecked(true);
        page->hostPorts().at(0)->setValue(8081);
        QVERIFY(pressNext(*m_wizard));
        QCOMPARE(m_wizard->currentId(), int(NewContainerWizard::NamePageId));
        // The command is the image page's: not asked twice.
        QVERIFY(!m_wizard->namePage()->commandEdit()->isVisible());
        QCOMPARE(m_wizard->namePage()->kind(), berth::model::ContainerKind::Application);
        QVERIFY(nameToProgress(QStringLiteral("web3")));
        QTRY_COMPARE(m_source->createRequests.size(), 1);
        const berth::client::CreateRequest request = m_source->createRequests.last();
        QCOMPARE(request.templateName, QStringLiteral("image"));
        QCOMPARE(request.options,
                 (QMap<QString, QString>{{QStringLiteral("reference"), QStringLiteral("nginx:1.27")}}));
        QCOMPARE(request.command, (QStringList{QStringLiteral("nginx"), QStringLiteral("-T")}));
        QVERIFY(!request.setup.entrypoint); // the image's own
        QCOMPARE(request.setup.environment, (QStringList{QStringLiteral("FOO=bar baz")}));
        QCOMPARE(request.setup.workingDir, QStringLiteral("/srv"));
        QCOMPARE(request.setup.user, QStringLiteral("101"));
        QVERIFY(request.setup.forwards.contains(QStringLiteral("tcp:8081:80")));
        QCOMPARE(request.setup.forwards.size(), 1);
    }

    void untouchedImageSendsNothingOfItsOwn()
    {
        ImagePage* page = toImagePage();
        QVERIFY(page);
        QVERIFY(look(page, QStringLiteral("nginx:1.27")));
        berth::client::CreateRequest request;
        berth::gui::applyImageChoices(page->choices(), request);
        QCOMPARE(request.options.value(QStringLiteral("reference")), QStringLiteral("nginx:1.27"));
        QVERIFY(request.command.isEmpty());
        QVERIFY(!request.setup.entrypoint);
        QVERIFY(request.setup.environment.isEmpty());
        QVERIFY(request.setup.workingDir.isEmpty());
        QVERIFY(request.setup.user.isEmpty());
        QVERIFY(request.setup.forwards.isEmpty());
    }

    void newEntrypointSendsTheCommandAgain()
    {
        ImageChoices choices;
        choices.reference = QStringLiteral("nginx:1.27");
        choices.image.entrypoint = {QStringLiteral("/docker-entrypoint.sh")};
        choices.image.cmd = {QStringLiteral("nginx"), QStringLiteral("-g"), QStringLiteral("daemon off;")};
        choices.image.env = {QStringLiteral("A=1"), QStringLiteral("B=2")};
        choices.entrypointLine = QStringLiteral("/bin/sh -c");
        choices.commandLine = berth::gui::joinCommand(choices.image.cmd);
        choices.environment = {QStringLiteral("A=1")}; // B deleted
        berth::client::CreateRequest request;
        berth::gui::applyImageChoices(choices, request);
        QCOMPARE(request.setup.entrypoint.value_or(QStringList()),
                 (QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c")}));
        QVERIFY(request.setup.entrypoint.has_value());
        // Docker drops the image's Cmd with a new entrypoint: sent again.
        QCOMPARE(request.command, choices.image.cmd);
        QCOMPARE(request.setup.environment, (QStringList{QStringLiteral("B=")}));
    }

    void commandLinesSplitBackIntoTheSameWords()
    {
        // (An empty word cannot be typed: QProcess::splitCommand drops "".)
        const QStringList words{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo \"hi there\"")};
        QCOMPARE(QProcess::splitCommand(berth::gui::joinCommand(words)), words);
        QCOMPARE(berth::gui::forwardForExposedPort(QStringLiteral("53/udp"), 8053), QStringLiteral("udp:8053:53"));
        QCOMPARE(berth::gui::forwardForExposedPort(QStringLiteral("8080"), 8080), QStringLiteral("tcp:8080:8080"));
        QVERIFY(berth::gui::forwardForExposedPort(QStringLiteral("80/sctp"), 8080).isEmpty());
        QVERIFY(berth::gui::forwardForExposedPort(QStringLiteral("x/tcp"), 8080).isEmpty());
        QCOMPARE(berth::gui::suggestedHostPort(QStringLiteral("443/tcp")), 8443u);
        QCOMPARE(berth::gui::suggestedHostPort(QStringLiteral("3000/tcp")), 3000u);
    }

    void summaryNamesTheImage()
    {
        ImagePage* page = toImagePage();
        QVERIFY(page);
        QVERIFY(look(page, QStringLiteral("nginx:1.27")));
        page->userEdit()->setText(QStringLiteral("101"));
        m_wizard->summaryPage()->initializePage();
        const QString summary = m_wizard->summaryPage()->text()->text();
        QVERIFY(summary.contains(QStringLiteral("nginx:1.27")));
        QVERIFY(summary.contains(QStringLiteral("101")));
    }
};

QTEST_MAIN(TestWizardImage)
#include "test_wizard_image.moc"
