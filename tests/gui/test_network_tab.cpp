// The Network tab against a fake source: interfaces from GetContainer, the
// live addresses, the forwards table; Add and Remove call the source, a
// refusal is shown and leaves the table as it was; interfaces added,
// changed and removed. And the forward and interface dialogs.
#include "fake_container_source.h"
#include "address_choice.h"
#include "forward_dialog.h"
#include "interface_dialog.h"
#include "network_tab.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using berth::gui::ForwardDialog;
using berth::gui::NetworkTab;
using berth::model::ForwardSpec;
using berth::test::FakeContainerSource;

namespace {

const QString kWebConfig = QStringLiteral("lxc.uts.name = web\n"
                                          "lxc.net.0.type = veth\n"
                                          "lxc.net.0.link = lxcbr0\n"
                                          "lxc.net.0.hwaddr = 00:16:3e:12:34:56\n"
                                          "lxc.net.0.ipv4.address = 10.0.3.12/24\n"
                                          "berth.net.forward = tcp:8080:80\n");

QStringList rowTexts(const QTableWidget* table)
{
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table->columnCount(); ++column)
            cells << (table->item(row, column) ? table->item(row, column)->text() : QString());
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

} // namespace

class TestNetworkTab : public QObject {
    Q_OBJECT
private:
    FakeContainerSource m_source;

    void showWeb(NetworkTab& tab)
    {
        tab.setContainer(m_source.containers.value(QStringLiteral("web")));
        QTRY_COMPARE(tab.forwardTable()->rowCount(), 2);
        QTRY_COMPARE(tab.interfaceTable()->rowCount(), 1);
    }

private Q_SLOTS:
    void init()
    {
        m_source.containers.clear();
        m_source.bridgeList.clear();
        m_source.actions.clear();
        m_source.actionError.reset();
        QVERIFY(m_source.load(QStringLiteral(BERTH_GUI_FIXTURES "/network.json")));
        m_source.configs = {{QStringLiteral("web"), kWebConfig}};
        m_source.forwardLists = {{QStringLiteral("web"), {"tcp:8080:80", "udp:127.0.0.1:5353:53"}}};
    }

    void showsInterfacesAddressesAndForwards()
    {
        NetworkTab tab(m_source);
        showWeb(tab);
        QCOMPARE(rowTexts(tab.interfaceTable()), QStringList{"interface 0|veth|lxcbr0|00:16:3e:12:34:56|10.0.3.12/24"});
        QCOMPARE(rowTexts(tab.forwardTable()), (QStringList{"TCP|all|8080|80", "UDP|127.0.0.1|5353|53"}));
        QCOMPARE(tab.findChild<QLabel*>(QStringLiteral("liveAddresses"))->text(), QStringLiteral("10.0.3.12/24"));
        QVERIFY(tab.addButton()->isEnabled());
        QVERIFY(!tab.removeButton()->isEnabled()); // nothing selected yet
    }

    // Issue #18: the interfaces are GetContainer's; no config text is read.
    void interfacesWithoutConfigText()
    {
        m_source.configs.clear();
        NetworkTab tab(m_source);
        showWeb(tab);
        QCOMPARE(rowTexts(tab.interfaceTable()), QStringList{"interface 0|veth|lxcbr0|00:16:3e:12:34:56|10.0.3.12/24"});
    }

    void otherContainerClearsTables()
    {
        NetworkTab tab(m_source);
        showWeb(tab);
        tab.setContainer(m_source.containers.value(QStringLiteral("db")));
        QCOMPARE(tab.forwardTable()->rowCount(), 0);
        QCOMPARE(tab.interfaceTable()->rowCount(), 0);
        // The late answers for db (no config, no forwards) leave them empty.
        QTest::qWait(0);
        QTRY_COMPARE(tab.forwardTable()->rowCount(), 0);
        tab.setContainer({});
        QVERIFY(!tab.addButton()->isEnabled());
    }

    void addCallsSource_data()
    {
        QTest::addColumn<bool>("refused");
        QTest::newRow("taken") << false;
        QTest::newRow("refused") << true;
    }
    void addCallsSource()
    {
        QFETCH(bool, refused);
        NetworkTab tab(m_source);
        QSignalSpy changed(&tab, &NetworkTab::forwardsChanged);
        showWeb(tab);
        const QStringList before = rowTexts(tab.forwardTable());
        tab.setForwardAsker([](const QString& container) -> std::optional<ForwardSpec> {
            return container == QLatin1String("web")
                       ? std::optional(ForwardSpec{ForwardSpec::Protocol::Udp, std::nullopt, 6000, 60})
                       : std::nullopt;
        });
        if (refused)
            m_source.actionError = berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"), "no");
        QTest::mouseClick(tab.addButton(), Qt::LeftButton);
        QTRY_COMPARE(m_source.actions, QStringList{"forward-add web udp:6000:60"});
        if (refused) {
            QTRY_VERIFY(!tab.message()->text().isEmpty());
            QVERIFY(tab.message()->text().contains(QLatin1String("udp:6000:60")));
            QCOMPARE(rowTexts(tab.forwardTable()), before);
            QCOMPARE(changed.size(), 0);
        } else {
            QTRY_COMPARE(tab.forwardTable()->rowCount(), 3);
            QCOMPARE(rowTexts(tab.forwardTable()).last(), QStringLiteral("UDP|all|6000|60"));
            QCOMPARE(changed.size(), 1);
            QVERIFY(tab.message()->text().isEmpty());
        }
    }

    void cancelledDialogSendsNothing()
    {
        NetworkTab tab(m_source);
        showWeb(tab);
        tab.setForwardAsker([](const QString&) { return std::nullopt; });
        QTest::mouseClick(tab.addButton(), Qt::LeftButton);
        QTest::qWait(0);
        QVERIFY(m_source.actions.isEmpty());
    }

    void removeCallsSource_data()
    {
        QTest::addColumn<bool>("refused");
        QTest::newRow("taken") << false;
        QTest::newRow("refused") << true;
    }
    void removeCallsSource()
    {
        QFETCH(bool, refused);
        NetworkTab tab(m_source);
        showWeb(tab);
        const QStringList before = rowTexts(tab.forwardTable());
        tab.forwardTable()->selectRow(1);
        QVERIFY(tab.removeButton()->isEnabled());
        if (refused)
            m_source.actionError = berth::client::clientError(QStringLiteral("org.berth.Error.Busy"), "busy");
        QTest::mouseClick(tab.removeButton(), Qt::LeftButton);
        QTRY_COMPARE(m_source.actions, QStringList{"forward-remove web udp:127.0.0.1:5353:53"});
        if (refused) {
            QTRY_VERIFY(!tab.message()->text().isEmpty());
            QCOMPARE(rowTexts(tab.forwardTable()), before);
        } else {
            QTRY_COMPARE(rowTexts(tab.forwardTable()), QStringList{"TCP|all|8080|80"});
        }
    }

    // Issue #19: the addresses shown are the real ones, each with its
    // interface; the reserved ones apart; a stopped container has none.
    void realAndReservedAddressesApart()
    {
        auto web = m_source.containers.value(QStringLiteral("web"));
        web.addresses = QStringList{QStringLiteral("10.0.3.77/24")};
        web.addressInterfaces = QStringList{QStringLiteral("eth0")};
        web.reservedAddresses = QStringList{QStringLiteral("10.0.3.12/24")};
        NetworkTab tab(m_source);
        tab.setContainer(web);
        QCOMPARE(tab.findChild<QLabel*>(QStringLiteral("liveAddresses"))->text(),
                 QStringLiteral("10.0.3.77/24 on eth0"));
        QCOMPARE(tab.reservedAddresses()->text(), QStringLiteral("10.0.3.12/24"));
        web.state = berth::model::RunState::Stopped;
        web.addresses.clear();
        web.addressInterfaces.clear();
        tab.setContainer(web);
        QCOMPARE(tab.findChild<QLabel*>(QStringLiteral("liveAddresses"))->text(), QStringLiteral("none (not running)"));
        QCOMPARE(tab.reservedAddresses()->text(), QStringLiteral("10.0.3.12/24"));
    }

    // Issue #19: attach a container to a bridge from its Network tab; the
    // dialog is offered ListBridges, the change applies at the next start
    // and the tab says so; a refusal is shown.
    void addInterfaceOnABridge_data()
    {
        QTest::addColumn<bool>("refused");
        QTest::newRow("taken") << false;
        QTest::newRow("refused") << true;
    }
    void addInterfaceOnABridge()
    {
        QFETCH(bool, refused);
        NetworkTab tab(m_source);
        showWeb(tab);
        QStringList offered;
        tab.setInterfaceAsker([&offered](const QList<berth::client::Bridge>& bridges,
                                         const std::optional<berth::gui::InterfaceChoice>& current)
                                  -> std::optional<berth::gui::InterfaceChoice> {
            for (const auto& bridge : bridges)
                offered << bridge.name;
            if (current)
                return std::nullopt;
            return berth::gui::InterfaceChoice{QStringLiteral("lab0"), QStringLiteral("10.0.4.30/24")};
        });
        if (refused)
            m_source.actionError = berth::client::clientError(QStringLiteral("org.berth.Error.AlreadyExists"), "taken");
        QVERIFY(tab.addInterfaceButton()->isEnabled());
        QTest::mouseClick(tab.addInterfaceButton(), Qt::LeftButton);
        QTRY_COMPARE(m_source.actions, QStringList{"interface-add web lab0 10.0.4.30/24"});
        QCOMPARE(offered, (QStringList{"lxcbr0", "lab0", "empty0"}));
        QTRY_VERIFY(!tab.message()->text().isEmpty());
        if (refused) {
            QVERIFY2(tab.message()->text().contains(QLatin1String("lab0")), qPrintable(tab.message()->text()));
            QCOMPARE(tab.interfaceTable()->rowCount(), 1);
        } else {
            QVERIFY2(tab.message()->text().contains(QLatin1String("next started")), qPrintable(tab.message()->text()));
            QTRY_COMPARE(tab.interfaceTable()->rowCount(), 2);
            QCOMPARE(rowTexts(tab.interfaceTable()).last(),
                     QStringLiteral("interface 1||lab0|chosen at start|10.0.4.30/24"));
        }
    }

    void editInterfaceChangesBridgeAndAddress()
    {
        NetworkTab tab(m_source);
        showWeb(tab);
        std::optional<berth::gui::InterfaceChoice> shown;
        tab.setInterfaceAsker(
            [&shown](const QList<berth::client::Bridge>&, const std::optional<berth::gui::InterfaceChoice>& current)
                -> std::optional<berth::gui::InterfaceChoice> {
                shown = current;
                return berth::gui::InterfaceChoice{QStringLiteral("lab0"), QString()};
            });
        QVERIFY(!tab.editInterfaceButton()->isEnabled()); // nothing selected
        tab.interfaceTable()->selectRow(0);
        QVERIFY(tab.editInterfaceButton()->isEnabled());
        QTest::mouseClick(tab.editInterfaceButton(), Qt::LeftButton);
        QTRY_COMPARE(m_source.actions, QStringList{"interface-set web 0 ipv4= link=lab0"});
        QVERIFY(shown);
        QCOMPARE(*shown, (berth::gui::InterfaceChoice{QStringLiteral("lxcbr0"), QStringLiteral("10.0.3.12/24")}));
    }

    void removeInterfaceAsksByName_data()
    {
        QTest::addColumn<bool>("confirmed");
        QTest::newRow("removed") << true;
        QTest::newRow("kept") << false;
    }
    void removeInterfaceAsksByName()
    {
        QFETCH(bool, confirmed);
        NetworkTab tab(m_source);
        showWeb(tab);
        QString asked;
        QString action;
        tab.setConfirm([&](const QString& question, const QString& button) {
            asked = question;
            action = button;
            return confirmed;
        });
        QVERIFY(!tab.removeInterfaceButton()->isEnabled());
        tab.interfaceTable()->selectRow(0);
        QTest::mouseClick(tab.removeInterfaceButton(), Qt::LeftButton);
        QCOMPARE(action, QStringLiteral("Remove Interface"));
        QVERIFY2(asked.contains(QLatin1String("lxcbr0")) && asked.contains(QLatin1String("web")), qPrintable(asked));
        if (confirmed) {
            QTRY_COMPARE(m_source.actions, QStringList{"interface-remove web 0"});
            QTRY_COMPARE(tab.interfaceTable()->rowCount(), 0);
        } else {
            QTest::qWait(0);
            QVERIFY(m_source.actions.isEmpty());
        }
    }

    // The dialog: the bridges to choose, a static address checked as typed.
    void interfaceDialogChecksTheAddress()
    {
        berth::gui::InterfaceDialog dialog(QStringLiteral("Add"), m_source.bridgeList);
        const auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QCOMPARE(dialog.bridgeBox()->count(), 3);
        QVERIFY(ok->isEnabled()); // an automatic address needs no check
        dialog.setChoice({QStringLiteral("lab0"), QStringLiteral("10.0.3.40/24")}); // outside lab0's subnet
        QVERIFY(!ok->isEnabled());
        dialog.addressChoice()->addressEdit()->setText(QStringLiteral("10.0.4.40"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.choice(),
                 (berth::gui::InterfaceChoice{QStringLiteral("lab0"), QStringLiteral("10.0.4.40/24")}));
    }

    void dialog_data()
    {
        QTest::addColumn<int>("protocol");
        QTest::addColumn<QString>("hostAddress");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("forward");
        QTest::newRow("tcp, every address") << 0 << "" << true << "tcp:8080:80";
        QTest::newRow("udp on loopback") << 1 << "127.0.0.1" << true << "udp:127.0.0.1:8080:80";
        QTest::newRow("bad address") << 0 << "127.0.0" << false << "";
        QTest::newRow("name, not address") << 0 << "localhost" << false << "";
    }
    void dialog()
    {
        QFETCH(int, protocol);
        QFETCH(QString, hostAddress);
        QFETCH(bool, valid);
        ForwardDialog dialog(QStringLiteral("web"));
        dialog.findChild<QComboBox*>(QStringLiteral("protocol"))->setCurrentIndex(protocol);
        dialog.findChild<QLineEdit*>(QStringLiteral("hostAddress"))->setText(hostAddress);
        const auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QCOMPARE(ok->isEnabled(), valid);
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("forwardProblem"))->text().isEmpty(), valid);
        if (valid)
            QTEST(QString::fromStdString(dialog.spec().toString()), "forward");
    }
};

QTEST_MAIN(TestNetworkTab)
#include "test_network_tab.moc"
