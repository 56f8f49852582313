// The bridge wizard against a fake source: it suggests a free subnet with
// its address and range, checks name, subnet, address and range as typed,
// sends the right CreateBridge / ChangeBridge, and stays open with the
// helper's refusal on the summary page.
#include "bridge_name_page.h"
#include "bridge_options_page.h"
#include "bridge_subnet_page.h"
#include "bridge_summary_page.h"
#include "bridge_wizard.h"
#include "fake_container_source.h"
#include "subnet_range_bar.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using berth::gui::BridgeWizard;
using berth::test::FakeContainerSource;

namespace {

QLineEdit* field(const QWizard& wizard, const char* name)
{
    auto* edit = wizard.findChild<QLineEdit*>(QLatin1String(name));
    Q_ASSERT(edit);
    return edit;
}

// As a user types it, so that textEdited() fires too.
void type(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

QString labelText(const QWizard& wizard, const char* name)
{
    return wizard.findChild<QLabel*>(QLatin1String(name))->text();
}

// The fake answers ListBridges from the event loop: wait until the wizard
// has the list (the suggestion then avoids the other bridges' subnets).
bool waitForBridges(const BridgeWizard& wizard, const QString& suggested = QStringLiteral("10.0.5.0/24"))
{
    return QTest::qWaitFor([&] { return labelText(wizard, "suggestedSubnet").contains(suggested); });
}

} // namespace

class TestBridgeWizard : public QObject {
    Q_OBJECT
private:
    FakeContainerSource m_source;

private Q_SLOTS:
    void init()
    {
        m_source.bridgeList.clear();
        m_source.containers.clear();
        m_source.actions.clear();
        m_source.actionError.reset();
        QVERIFY(m_source.load(QStringLiteral(BERTH_GUI_FIXTURES "/network.json")));
        QCOMPARE(m_source.bridgeList.size(), 3);
    }

    void suggestsFreeSubnetWithDefaults()
    {
        BridgeWizard wizard(m_source);
        QVERIFY(waitForBridges(wizard));
        // 10.0.3 and 10.0.4 are lxcbr0's and lab0's.
        QCOMPARE(field(wizard, "subnet")->text(), QStringLiteral("10.0.5.0/24"));
        QCOMPARE(field(wizard, "gateway")->text(), QStringLiteral("10.0.5.1"));
        QCOMPARE(field(wizard, "rangeFirst")->text(), QStringLiteral("10.0.5.2"));
        QCOMPARE(field(wizard, "rangeLast")->text(), QStringLiteral("10.0.5.199"));
        QVERIFY(wizard.subnetPage()->isComplete());
    }

    void typedSubnetMovesAddressAndRange()
    {
        BridgeWizard wizard(m_source);
        QVERIFY(waitForBridges(wizard));
        type(field(wizard, "subnet"), QStringLiteral("172.20.0.0/16"));
        QCOMPARE(field(wizard, "gateway")->text(), QStringLiteral("172.20.0.1"));
        QCOMPARE(field(wizard, "rangeFirst")->text(), QStringLiteral("172.20.0.2"));
        QCOMPARE(wizard.settings().address, QStringLiteral("172.20.0.1/16"));
        QCOMPARE(wizard.settings().dhcpRange, QStringLiteral("172.20.0.2-172.20.0.199"));
        // The range bar draws the subnet: its first and last address at the ends.
        auto* bar = wizard.findChild<berth::gui::SubnetRangeBar*>(QStringLiteral("rangeBar"));
        QCOMPARE(bar->position(berth::model::Ipv4Address::parse("172.20.0.0").value()), 0.0);
        QCOMPARE(bar->position(berth::model::Ipv4Address::parse("172.20.255.255").value()), 1.0);
        QVERIFY(!bar->position(berth::model::Ipv4Address::parse("172.21.0.1").value()));
    }

    void useSuggestionRestoresIt()
    {
        BridgeWizard wizard(m_source);
        QVERIFY(waitForBridges(wizard));
        type(field(wizard, "subnet"), QStringLiteral("10.0.3.0/24"));
        QVERIFY(!wizard.subnetPage()->isComplete()); // lxcbr0's
        QTest::mouseClick(wizard.findChild<QPushButton*>(QStringLiteral("useSuggestedSubnet")), Qt::LeftButton);
        QCOMPARE(field(wizard, "subnet")->text(), QStringLiteral("10.0.5.0/24"));
        QCOMPARE(field(wizard, "gateway")->text(), QStringLiteral("10.0.5.1"));
        QVERIFY(wizard.subnetPage()->isComplete());
    }

    void nameChecked_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("complete");
        QTest::newRow("free") << "br1" << true;
        QTest::newRow("taken") << "lxcbr0" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("dash first") << "-x" << false;
        QTest::newRow("slash") << "a/b" << false;
    }
    void nameChecked()
    {
        QFETCH(QString, name);
        QFETCH(bool, complete);
        BridgeWizard wizard(m_source);
        QVERIFY(waitForBridges(wizard));
        type(field(wizard, "bridgeName"), name);
        QCOMPARE(wizard.namePage()->isComplete(), complete);
        QCOMPARE(labelText(wizard, "nameProblem").isEmpty(), complete || name.isEmpty());
    }

    void addressesChecked_data()
    {
        QTest::addColumn<QString>("subnet");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::addColumn<bool>("complete");
        QTest::newRow("fine") << "10.0.9.0/24"
                              << "10.0.9.1"
                              << "10.0.9.10"
                              << "10.0.9.20" << true;
        QTest::newRow("gateway at the end") << "10.0.9.0/24"
                                            << "10.0.9.254"
                                            << "10.0.9.2"
                                            << "10.0.9.253" << true;
        QTest::newRow("overlaps lxcbr0") << "10.0.3.0/24"
                                         << "10.0.3.1"
                                         << "10.0.3.2"
                                         << "10.0.3.9" << false;
        QTest::newRow("overlaps a /16 around both") << "10.0.0.0/16"
                                                    << "10.0.0.1"
                                                    << "10.0.0.2"
                                                    << "10.0.0.9" << false;
        QTest::newRow("host bits") << "10.0.9.1/24"
                                   << "10.0.9.1"
                                   << "10.0.9.2"
                                   << "10.0.9.9" << false;
        QTest::newRow("not a CIDR") << "10.0.9.0"
                                    << "10.0.9.1"
                                    << "10.0.9.2"
                                    << "10.0.9.9" << false;
        QTest::newRow("gateway outside") << "10.0.9.0/24"
                                         << "10.0.8.1"
                                         << "10.0.9.2"
                                         << "10.0.9.9" << false;
        QTest::newRow("gateway in range") << "10.0.9.0/24"
                                          << "10.0.9.5"
                                          << "10.0.9.2"
                                          << "10.0.9.9" << false;
        QTest::newRow("range outside") << "10.0.9.0/24"
                                       << "10.0.9.1"
                                       << "10.0.9.2"
                                       << "10.0.10.9" << false;
        QTest::newRow("range reversed") << "10.0.9.0/24"
                                        << "10.0.9.1"
                                        << "10.0.9.9"
                                        << "10.0.9.2" << false;
    }
    void addressesChecked()
    {
        QFETCH(QString, subnet);
        QFETCH(QString, gateway);
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(bool, complete);
        BridgeWizard wizard(m_source);
        QVERIFY(waitForBridges(wizard));
        type(field(wizard, "subnet"), subnet);
        type(field(wizard, "gateway"), gateway);
        type(field(wizard, "rangeFirst"), first);
        type(field(wizard, "rangeLast"), last);
        QCOMPARE(wizard.subnetPage()->isComplete(), complete);
        QCOMPARE(labelText(wizard, "subnetProblem").isEmpty(), complete);
    }

    void domainChecked()
    {
        BridgeWizard wizard(m_source);
        type(field(wizard, "domain"), QStringLiteral("My_Lan"));
        QVERIFY(!wizard.optionsPage()->isComplete());
        QVERIFY(!labelText(wizard, "domainProblem").isEmpty());
        type(field(wizard, "domain"), QStringLiteral("lab.example"));
        QVERIFY(wizard.optionsPage()->isComplete());
    }

    void finishCreatesBridge()
    {
        BridgeWizard wizard(m_source);
        QSignalSpy saved(&wizard, &BridgeWizard::bridgeSaved);
        wizard.show();
        QVERIFY(waitForBridges(wizard));
        type(field(wizard, "bridgeName"), QStringLiteral("br1"));
        wizard.next();
        wizard.next();
        wizard.findChild<QCheckBox*>(QStringLiteral("nat"))->setChecked(false);
        type(field(wizard, "domain"), QStringLiteral("lab2"));
        wizard.next();
        QCOMPARE(wizard.currentPage(), wizard.summaryPage());
        QVERIFY(labelText(wizard, "bridgeSummary").contains(QLatin1String("10.0.5.2-10.0.5.199")));
        wizard.accept();
        QVERIFY(saved.wait());
        QCOMPARE(m_source.actions, QStringList{"bridge-create br1 10.0.5.1/24 10.0.5.2-10.0.5.199 nat=0 lab2"});
        QCOMPARE(saved.first().first().toString(), QStringLiteral("br1"));
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        QVERIFY(!wizard.isVisible());
    }

    void refusalKeepsWizardOpen()
    {
        m_source.actionError =
            berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"), QStringLiteral("not allowed"));
        BridgeWizard wizard(m_source);
        QSignalSpy saved(&wizard, &BridgeWizard::bridgeSaved);
        wizard.show();
        QVERIFY(waitForBridges(wizard));
        type(field(wizard, "bridgeName"), QStringLiteral("br1"));
        wizard.next();
        wizard.next();
        wizard.next();
        wizard.accept();
        QTRY_COMPARE(m_source.actions.size(), 1);
        QTRY_VERIFY(labelText(wizard, "bridgeMessage").contains(QLatin1String("not allowed")));
        QVERIFY(labelText(wizard, "bridgeMessage").contains(QLatin1String("br1")));
        QVERIFY(wizard.isVisible());
        QCOMPARE(wizard.currentPage(), wizard.summaryPage());
        QCOMPARE(saved.size(), 0);
        // Finish again once the helper would allow it.
        m_source.actionError.reset();
        wizard.accept();
        QVERIFY(saved.wait());
        QCOMPARE(m_source.actions.size(), 2);
    }

    void editingChangesBridge()
    {
        const berth::client::Bridge lab = m_source.bridgeList.at(1);
        QCOMPARE(lab.name, QStringLiteral("lab0"));
        BridgeWizard wizard(m_source, nullptr, lab);
        QSignalSpy saved(&wizard, &BridgeWizard::bridgeSaved);
        wizard.show();
        // Its own subnet counts as free for itself: no overlap, and its values stay.
        QVERIFY(waitForBridges(wizard, QStringLiteral("10.0.4.0/24")));
        QVERIFY(field(wizard, "bridgeName")->isReadOnly());
        QCOMPARE(field(wizard, "subnet")->text(), QStringLiteral("10.0.4.0/24"));
        QCOMPARE(field(wizard, "rangeFirst")->text(), QStringLiteral("10.0.4.100"));
        QVERIFY(wizard.namePage()->isComplete());
        QVERIFY(wizard.subnetPage()->isComplete());
        wizard.next();
        wizard.next();
        wizard.findChild<QCheckBox*>(QStringLiteral("nat"))->setChecked(true);
        wizard.next();
        wizard.accept();
        QVERIFY(saved.wait());
        // Issue #18: only what was edited goes out, so nothing else can be reset.
        QCOMPARE(m_source.actions, QStringList{"bridge-change lab0 nat=true"});
        QCOMPARE(wizard.settings().mtu, 1400u);
    }

    // Issue #18: an edit of the domain alone sends {domain}; the address,
    // range, NAT and MTU (1400, which the wizard does not show) are not sent.
    void editingOnlyTheDomainSendsOnlyTheDomain()
    {
        BridgeWizard wizard(m_source, nullptr, m_source.bridgeList.at(1));
        QSignalSpy saved(&wizard, &BridgeWizard::bridgeSaved);
        wizard.show();
        QVERIFY(waitForBridges(wizard, QStringLiteral("10.0.4.0/24")));
        wizard.next();
        wizard.next();
        type(field(wizard, "domain"), QStringLiteral("lab2"));
        wizard.next();
        wizard.accept();
        QVERIFY(saved.wait());
        QCOMPARE(m_source.actions, QStringList{"bridge-change lab0 domain=lab2"});
    }
};

QTEST_MAIN(TestBridgeWizard)
#include "test_bridge_wizard.moc"
